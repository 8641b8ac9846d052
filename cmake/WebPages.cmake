# WebPages.cmake - makes the web build's two pages from web/index.html, so they share one source
# (head, styles, boot, offline worker, Content-Security-Policy):
#   cmake -DMF_IN=web/index.html "-DMF_PRINT_CSS=assets/report.css|assets/barometer.css"
#         -DMF_DIST=<build>/dist -P cmake/WebPages.cmake
# writes dist/index.html and dist/kommune.html.
#
# Index
#   - mf_csp_sha256      a file's SHA-256 as a CSP source ('sha256-<base64>')
#   - mf_page_replace    one replacement that must match a given number of times
#   - index.html         the placeholder @MF_PRINT_STYLE_HASHES@ in the policy's style-src becomes the
#                        hashes of the printable pages' <style> elements (assets/report.css for the
#                        company's report, assets/barometer.css for the municipality's barometer, each
#                        embedded byte for byte): they open from a blob: URL and inherit the page's
#                        policy, so each one inline style needs its hash (docs/deployment.md)
#   - kommune.html       index.html with another title and description, loading kommune.js /
#                        kommune.wasm (the overview's own build, CMakeLists.txt §6)
# Every replacement must match: a changed index.html fails the build here instead of making a page
# that quietly loads the wrong program or blocks the report's styles. Rewritten only when changed.
if(NOT MF_IN OR NOT MF_PRINT_CSS OR NOT MF_DIST)
  message(FATAL_ERROR "WebPages.cmake: -DMF_IN=<index.html> -DMF_PRINT_CSS=<a.css|b.css> -DMF_DIST=<dist> are required")
endif()
string(REPLACE "|" ";" MF_PRINT_CSS "${MF_PRINT_CSS}")

# `file`'s SHA-256 as a CSP hash source: 'sha256-' and the 32 bytes in base64 (RFC 4648, padded).
function(mf_csp_sha256 file out_var)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  file(SHA256 "${file}" hex)
  string(LENGTH "${hex}" hex_length)
  set(base64 "")
  set(i 0)
  while(i LESS hex_length)
    string(SUBSTRING "${hex}" ${i} 6 group) # up to 3 bytes
    string(LENGTH "${group}" group_length)
    math(EXPR bytes "${group_length} / 2")
    while(group_length LESS 6)
      string(APPEND group "00")
      math(EXPR group_length "${group_length} + 2")
    endwhile()
    math(EXPR value "0x${group}")
    foreach(shift 18 12 6 0)
      math(EXPR emitted "(18 - ${shift}) / 6") # characters before this one in the group
      if(emitted GREATER bytes)
        string(APPEND base64 "=")
      else()
        math(EXPR index "(${value} >> ${shift}) & 63")
        string(SUBSTRING "${alphabet}" ${index} 1 character)
        string(APPEND base64 "${character}")
      endif()
    endforeach()
    math(EXPR i "${i} + 6")
  endwhile()
  set(${out_var} "'sha256-${base64}'" PARENT_SCOPE)
endfunction()

# Replaces `from` by `to` in `page`, where it must occur exactly `count` times.
function(mf_page_replace from to count)
  string(LENGTH "${page}" before)
  string(REPLACE "${from}" "" without "${page}")
  string(LENGTH "${without}" after)
  string(LENGTH "${from}" length)
  math(EXPR found "(${before} - ${after}) / ${length}")
  if(NOT found EQUAL count)
    message(FATAL_ERROR "WebPages.cmake: ${MF_IN} has \"${from}\" ${found} times, expected ${count}")
  endif()
  string(REPLACE "${from}" "${to}" page "${page}")
  set(page "${page}" PARENT_SCOPE)
endfunction()

include("${CMAKE_CURRENT_LIST_DIR}/WriteIfChanged.cmake")
file(READ "${MF_IN}" page)

# --- index.html ---------------------------------------------------------------------------------
set(style_hashes "")
foreach(css IN LISTS MF_PRINT_CSS)
  mf_csp_sha256("${css}" hash)
  list(APPEND style_hashes "${hash}")
endforeach()
string(JOIN " " style_hashes ${style_hashes})
mf_page_replace("@MF_PRINT_STYLE_HASHES@" "${style_hashes}" 1)
mf_write_if_changed("${MF_DIST}/index.html" "${page}")

# --- kommune.html -------------------------------------------------------------------------------
mf_page_replace("<title>Mangfoldighedstjek – Bland dig i byen</title>"
                "<title>Kommunens overblik – Mangfoldighedstjek</title>" 1)
mf_page_replace("content=\"Et selvtjek for virksomheder og organisationer i København: mangfoldighed, inklusion og medborgerskab på arbejdspladsen. Alt bliver på din computer, indtil du selv eksporterer.\""
                "content=\"Københavns Kommunes overblik over organisationernes resultater fra Mangfoldighedstjek. Resultatfilerne læses kun i din browser; intet sendes eller gemmes.\"" 1)
mf_page_replace("aria-label=\"Mangfoldighedstjek\"" "aria-label=\"Kommunens overblik – Mangfoldighedstjek\"" 1)
mf_page_replace("Indlæser Mangfoldighedstjek …" "Indlæser kommunens overblik …" 1)
mf_page_replace("href=\"mangfoldighedstjek.wasm\"" "href=\"kommune.wasm\"" 1)
mf_page_replace("href=\"mangfoldighedstjek.js\"" "href=\"kommune.js\"" 1)
mf_page_replace("data-app=\"mangfoldighedstjek\"" "data-app=\"kommune\"" 1)
mf_page_replace(" data-deferred=\"mangfoldighedstjek.deferred.wasm\"" "" 1) # one module
mf_write_if_changed("${MF_DIST}/kommune.html" "${page}")
