# Warnings are errors in our own code; third-party headers come in as SYSTEM includes.
function(hamhub_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Werror
                         # g++ 12 reports false positives inside std::variant at -O2 (GCC bug 105562).
                         -Wno-maybe-uninitialized
                         # ... and -Wrestrict false positives inside std::string at -O3 (GCC bug 105329).
                         $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
endfunction()
