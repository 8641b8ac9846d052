# WebVersion.cmake - the web build's version for the service worker (web/sw.js, docs/offline.md).
#
# Included from CMakeLists.txt (section 6, web only): adds the target mf_web_version, which runs after
# the app is linked and web/ is copied, and runs this same file as a script:
#   cmake -DMF_DIST=<build>/dist -P cmake/WebVersion.cmake
# The script hashes every file of the app in dist/ (index.html, boot.js, the .js and .wasm, the
# manifest, the icon, the municipality's kommune.* page: everything except the worker's own sw.js
# and sw-version.js) and writes dist/sw-version.js:
#   self.MF_BUILD = {"version": "<16 hex>", "files": {"<name>": "<sha256 hex>", ...},
#                    "onDemand": ["kommune.html", "kommune.js", "kommune.wasm", "tilgaengelighed.css", ...]};
# "onDemand" lists the files of the municipality's page and of the accessibility statement
# (tilgaengelighed.*): the worker stores them the first time that
# page is opened, not at install, so the respondent's first visit does not download them too.
# The version is the first 16 hex digits of the SHA-256 over the sorted "name sha256" lines, so it
# changes whenever any shell file changes, and the worker can check each file it downloads. The file
# is rewritten only when its content changes.
if(CMAKE_SCRIPT_MODE_FILE)
  if(NOT MF_DIST OR NOT IS_DIRECTORY "${MF_DIST}")
    message(FATAL_ERROR "WebVersion.cmake: -DMF_DIST=<dist folder> is required (got \"${MF_DIST}\")")
  endif()
  foreach(required mangfoldighedstjek.js mangfoldighedstjek.wasm index.html kommune.js kommune.wasm kommune.html)
    if(NOT EXISTS "${MF_DIST}/${required}")
      message(FATAL_ERROR "WebVersion.cmake: ${MF_DIST}/${required} is missing")
    endif()
  endforeach()
  file(GLOB names RELATIVE "${MF_DIST}" "${MF_DIST}/*")
  list(SORT names)
  set(lines "")
  set(entries "")
  set(on_demand "")
  foreach(name ${names})
    if(IS_DIRECTORY "${MF_DIST}/${name}" OR name STREQUAL "sw.js" OR name STREQUAL "sw-version.js"
       OR name MATCHES "^\\.")
      continue()
    endif()
    file(SHA256 "${MF_DIST}/${name}" hash)
    string(APPEND lines "${name} ${hash}\n")
    if(entries)
      string(APPEND entries ",\n")
    endif()
    string(APPEND entries "    \"${name}\": \"${hash}\"")
    if(name MATCHES "^kommune\\.|^tilgaengelighed\\.")
      if(on_demand)
        string(APPEND on_demand ", ")
      endif()
      string(APPEND on_demand "\"${name}\"")
    endif()
  endforeach()
  string(SHA256 all "${lines}")
  string(SUBSTRING "${all}" 0 16 version)
  set(content "// Written by cmake/WebVersion.cmake at build time: do not edit.\nself.MF_BUILD = {\n  \"version\": \"${version}\",\n  \"files\": {\n${entries}\n  },\n  \"onDemand\": [${on_demand}]\n};\n")
  set(out "${MF_DIST}/sw-version.js")
  include("${CMAKE_CURRENT_LIST_DIR}/WriteIfChanged.cmake")
  mf_write_if_changed("${out}" "${content}")
  if(MF_WRITTEN)
    message(STATUS "Web build version ${version} (dist/sw-version.js)")
  endif()
  return()
endif()

add_custom_target(mf_web_version ALL
  COMMAND ${CMAKE_COMMAND} "-DMF_DIST=${CMAKE_BINARY_DIR}/dist" -P "${CMAKE_CURRENT_LIST_FILE}"
  BYPRODUCTS "${CMAKE_BINARY_DIR}/dist/sw-version.js"
  COMMENT "Hashing the web build for the service worker (dist/sw-version.js)"
  VERBATIM)
add_dependencies(mf_web_version mf_app mf_kommune mf_web_page)
