# The layers of docs/ARCHITECTURE.md, enforced by the compiler: each layer is one library, and
# each library shows its dependents only its own headers. Sources include "layer/file.h"; the
# folder src/<layer> is reached through a directory of the build tree that holds a link named
# <layer> and nothing else, so a file sees a layer's headers only when its target links that
# layer's library (PUBLIC when the headers of one layer include another's, PRIVATE otherwise).

# dt_layer(<target> <folder> [HEADERS <file>…]): puts src/<folder> (or only the named headers of
# it) on <target>'s public include path, as <folder>/<file>.
function(dt_layer target folder)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "HEADERS")
  set(root ${PROJECT_BINARY_DIR}/layers/${target})
  if(arg_HEADERS)
    file(MAKE_DIRECTORY ${root}/${folder})
    foreach(h IN LISTS arg_HEADERS)
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder}/${h} ${root}/${folder}/${h} SYMBOLIC)
    endforeach()
  else()
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder} ${root}/${folder} SYMBOLIC)
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE ${root})
  else()
    target_include_directories(${target} PUBLIC ${root})
  endif()
endfunction()
