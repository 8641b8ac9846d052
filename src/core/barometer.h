// barometer.h - the municipality's barometer: the published figures as one self-contained HTML page
// that prints well on A4 (mf-aggregate --barometer; later the overview's "Eksporter barometer").
//
// Index
//   - BarometerOptions   language, date, the files read (for the method section)
//   - barometer_css      the page's styles (assets/barometer.css), exactly as in its <style>
//   - barometer_html     the page (UTF-8): inline CSS, inline SVG charts with their numbers as text,
//                        no scripts, no external resources, every text from a file escaped
//
// Sections: the year's key figures; year over year (organisations, overall and principles, levels);
// principles and themes (mean, quartiles, levels); the change for organisations present in both
// years; the goal follow-up of the year; by sector, by size band, sector x size band; per question,
// the share of organisations per answer in the latest years (the indicators); the method (who is
// counted, duplicates, the disclosure rule, the questionnaire versions). Everything comes from a Publication, so nothing the
// disclosure rules hide can appear, and no organisation is ever named.
#pragma once
#include "core/publication.h"
#include "core/questionnaire.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace mf {

struct BarometerOptions {
    std::string language = "da";  // "en" English, anything else Danish
    std::string date;             // the page's date, YYYY-MM-DD ("" leaves it out)
    std::size_t files_read = 0, files_accepted = 0, files_rejected = 0;
    std::size_t indicator_years = 3; // how many years (up to the barometer's year) the answer tables show
};

// The barometer's styles: the whole text of its one <style> element, the bytes of assets/barometer.css
// (the web pages' Content-Security-Policy allows that element by the file's SHA-256).
std::string_view barometer_css();

std::string barometer_html(const Questionnaire& questionnaire, const Publication& publication, const BarometerOptions& options);

} // namespace mf
