# hamhub_add_plugin_folders(): add every subfolder with a CMakeLists.txt (one per plugin), so a new
# plugin folder needs no edit elsewhere.
function(hamhub_add_plugin_folders)
  file(GLOB dirs LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*)
  foreach(dir ${dirs})
    if(IS_DIRECTORY ${dir} AND EXISTS ${dir}/CMakeLists.txt)
      add_subdirectory(${dir})
    endif()
  endforeach()
endfunction()
