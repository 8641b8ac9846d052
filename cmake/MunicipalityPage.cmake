# MunicipalityPage.cmake - makes dist/kommune.html, the municipality's overview page, from
# web/index.html, so the two pages share one source (head, styles, boot, offline worker):
#   cmake -DMF_IN=web/index.html -DMF_OUT=<build>/dist/kommune.html -P cmake/MunicipalityPage.cmake
# The copy differs in its title and description, and it loads kommune.js / kommune.wasm (the
# overview's own build, CMakeLists.txt §6) instead of mangfoldighedstjek.js / .wasm. Every
# replacement must match: a changed index.html fails the build here instead of making a page that
# quietly loads the wrong program. Rewritten only when its content changes.
if(NOT MF_IN OR NOT MF_OUT)
  message(FATAL_ERROR "MunicipalityPage.cmake: -DMF_IN=<index.html> and -DMF_OUT=<kommune.html> are required")
endif()
file(READ "${MF_IN}" page)

# Replaces `from` by `to`, which must occur exactly `count` times.
function(mf_page_replace from to count)
  string(LENGTH "${page}" before)
  string(REPLACE "${from}" "" without "${page}")
  string(LENGTH "${without}" after)
  string(LENGTH "${from}" length)
  math(EXPR found "(${before} - ${after}) / ${length}")
  if(NOT found EQUAL count)
    message(FATAL_ERROR "MunicipalityPage.cmake: ${MF_IN} has \"${from}\" ${found} times, expected ${count}")
  endif()
  string(REPLACE "${from}" "${to}" page "${page}")
  set(page "${page}" PARENT_SCOPE)
endfunction()

mf_page_replace("<title>Mangfoldighedstjek – Bland dig i byen</title>"
                "<title>Kommunens overblik – Mangfoldighedstjek</title>" 1)
mf_page_replace("content=\"Et selvtjek for virksomheder og organisationer i København: mangfoldighed, inklusion og medborgerskab på arbejdspladsen. Alt bliver på din computer, indtil du selv eksporterer.\""
                "content=\"Københavns Kommunes overblik over organisationernes resultater fra Mangfoldighedstjek. Resultatfilerne læses kun i din browser; intet sendes eller gemmes.\"" 1)
mf_page_replace("aria-label=\"Mangfoldighedstjek\"" "aria-label=\"Kommunens overblik – Mangfoldighedstjek\"" 1)
mf_page_replace("Indlæser Mangfoldighedstjek …" "Indlæser kommunens overblik …" 1)
mf_page_replace("href=\"mangfoldighedstjek.wasm\"" "href=\"kommune.wasm\"" 1)
mf_page_replace("href=\"mangfoldighedstjek.js\"" "href=\"kommune.js\"" 1)
mf_page_replace("data-app=\"mangfoldighedstjek\"" "data-app=\"kommune\"" 1)
mf_page_replace("/mangfoldighedstjek\\.wasm$/" "/kommune\\.wasm$/" 1)

include("${CMAKE_CURRENT_LIST_DIR}/WriteIfChanged.cmake")
mf_write_if_changed("${MF_OUT}" "${page}")
