# Finds the llhttp C sources that Debian's node-llhttp package installs and builds them into a
# static library target Llhttp::llhttp. The sources are never copied into this repository.
#
# Hints: LLHTTP_SOURCE_DIR (the folder with llhttp.c, api.c, http.c) and LLHTTP_INCLUDE_DIR.

find_path(LLHTTP_SOURCE_DIR NAMES llhttp.c api.c http.c
          PATHS /usr/share/llhttp /usr/local/share/llhttp NO_DEFAULT_PATH)
find_path(LLHTTP_INCLUDE_DIR NAMES llhttp.h
          PATHS /usr/share/include/llhttp /usr/include/llhttp /usr/local/include NO_DEFAULT_PATH)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Llhttp
  REQUIRED_VARS LLHTTP_SOURCE_DIR LLHTTP_INCLUDE_DIR
  REASON_FAILURE_MESSAGE
    "llhttp's C sources were not found. On Debian 12 install them with: apt-get install node-llhttp (they land in /usr/share/llhttp and /usr/share/include/llhttp), or set LLHTTP_SOURCE_DIR and LLHTTP_INCLUDE_DIR.")

if(Llhttp_FOUND AND NOT TARGET Llhttp::llhttp)
  add_library(pnm_llhttp STATIC
    ${LLHTTP_SOURCE_DIR}/llhttp.c ${LLHTTP_SOURCE_DIR}/api.c ${LLHTTP_SOURCE_DIR}/http.c)
  target_include_directories(pnm_llhttp SYSTEM PUBLIC ${LLHTTP_INCLUDE_DIR})
  set_target_properties(pnm_llhttp PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 99)
  # llhttp 8 ships two state machines in llhttp.c; the default (lenient) one skips the two bytes
  # after chunk data whatever they are, takes a CR followed by anything as the end of a chunk-size
  # line or of the header block, lets whitespace into header names, TAB and form feed into the
  # request target, and drops bytes sent after a `Connection: close` request. Those are request
  # smuggling shapes, and the runtime llhttp_set_lenient_* calls of 8.1 only loosen further, so
  # the strict machine is chosen here. Only llhttp.c reads the macro (llhttp.h just defaults it;
  # no declaration depends on it), hence PRIVATE. What strict mode costs, and how
  # HttpRequestParser still takes the raw query bytes Go sends: docs/http.md.
  target_compile_definitions(pnm_llhttp PRIVATE LLHTTP_STRICT_MODE=1)
  # Generated upstream code: keep the build quiet and never let its warnings fail ours.
  target_compile_options(pnm_llhttp PRIVATE -w)
  add_library(Llhttp::llhttp ALIAS pnm_llhttp)
endif()
mark_as_advanced(LLHTTP_SOURCE_DIR LLHTTP_INCLUDE_DIR)
