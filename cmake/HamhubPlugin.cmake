# hamhub_add_plugin(NAME SOURCES file... [LIBRARIES lib...])
#
# Builds a hamhub plugin as a MODULE library named hamhub-NAME.so with hidden visibility, so that it
# exports only the manifest and factory aliases. Used in-tree and, through find_package(hamhub), by
# out-of-tree plugins.
function(hamhub_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  set(target hamhub-${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON)
  if(TARGET hamhub_sdk)
    target_link_libraries(${target} PRIVATE hamhub_sdk ${ARG_LIBRARIES})
  else()
    target_link_libraries(${target} PRIVATE hamhub::sdk ${ARG_LIBRARIES})
  endif()
  if(DEFINED HAMHUB_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${HAMHUB_PLUGIN_OUTPUT_DIR})
  endif()
  if(HAMHUB_PLUGIN_INSTALL_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION ${HAMHUB_PLUGIN_INSTALL_DIR})
  endif()
endfunction()
