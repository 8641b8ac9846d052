// report_button.cpp - "Open printable report" on the results and plan screens: core's report_html
// with the current answers (and the comparison, when one is loaded), shown through the platform:
// a new browser tab, or an .html file next to the exports on the desktop.
#include "app/app_internal.h"
#include "core/report.h"
#include "core/scoring.h"
#include "platform/platform.h"

namespace mf {

void report_button() {
    const Questionnaire& q = questionnaire();
    const Assessment& a = g_app.session.assessment;
    if (!ui::secondary_button(tr("Åbn udskriftsvenlig rapport", "Open printable report"), "report")) return;
    ReportOptions options;
    options.date = today_date();
    if (g_app.session.earlier) options.earlier = ReportEarlier{g_app.session.earlier->created, g_app.session.earlier->scores};
    const std::string html = report_html(q, a, compute_scores(q, a.answers), options);
    // The export's name with "-rapport.html": the two files of one assessment sort together.
    std::string file = export_file_name(organisation_name(q, a.answers), today_date());
    if (file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0) file.resize(file.size() - 5);
    file += "-rapport.html";
    std::string where;
    if (!platform::open_html(file, html, where)) {
        show_notice("Rapporten kunne ikke åbnes: ", "The report could not be opened: ", where);
    } else if (where == "tab") {
        show_notice("Rapporten er åbnet i en ny fane. Udskriv den derfra (Ctrl+P), fx som PDF.",
                    "The report opened in a new tab. Print it from there (Ctrl+P), for example as a PDF.");
    } else {
        show_notice("Rapporten er gemt: ", "The report was saved: ", where);
    }
}

} // namespace mf
