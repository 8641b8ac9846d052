// report.h - the printable report: the results, charts and action plan as one self-contained HTML
// page that prints well on A4 (the app opens it in a new tab or saves it; mf-report writes it).
//
// Index
//   - ReportEarlier, ReportOptions   what the report needs besides the assessment: today's date and,
//                                    optionally, an earlier result to compare with
//   - report_html                    the page (UTF-8): inline CSS and inline SVG charts, no scripts,
//                                    no external resources, every user text escaped
//   - html_escape                    & < > " ' as entities (text and attribute values alike)
//   - report_css                     the page's styles (assets/report.css), exactly as in its <style>
//
// The page is in the assessment's language ("en" English, anything else Danish): fixed texts here,
// everything else from the questionnaire. Numbers are rounded exactly as on screen and in result
// files (round1) and written with the language's decimal mark. Core has no clock: the caller passes
// the date.
#pragma once
#include "core/questionnaire.h"
#include "core/result.h"
#include "core/scoring.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mf {

// An earlier result (last year's) as loaded for comparison: its stored scores and when it was made.
struct ReportEarlier {
    std::string created; // its "created" timestamp (YYYY-MM-DDTHH:MM:SSZ); only the date is shown
    ScoreSummary scores; // ImportedResult::stored_scores
};

struct ReportOptions {
    std::string date;                     // the report's date, YYYY-MM-DD (shown; "" leaves it out)
    std::optional<ReportEarlier> earlier; // adds the comparison section when present
    // How many recommendations (largest gain first) the page prints; it says how many more there
    // are. 10, as on the app's results screen; 0 prints every one.
    std::size_t max_recommendations = 10;
};

// The whole page. `scores` must be compute_scores(questionnaire, assessment.answers).
std::string report_html(const Questionnaire& questionnaire, const Assessment& assessment, const Scores& scores,
                        const ReportOptions& options);

std::string html_escape(std::string_view text);

// The report's styles: the whole text of its one <style> element, the bytes of assets/report.css.
// The web pages' Content-Security-Policy allows that element by the SHA-256 of the same file.
std::string_view report_css();

} // namespace mf
