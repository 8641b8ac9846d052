// aggregate_output.h - the municipality's files: the internal organisation rows, and the published
// figures (a Publication, disclosure control applied) as CSV and JSON.
//
// Index
//   - CsvOptions, csv_field   separator, decimal comma, BOM, language; quoting (and Excel formula neutralising)
//   - RowsOptions, rows_csv, rows_json   INTERNAL: one row per counted organisation (all accepted files
//                             with keep_duplicates), labelled internal in their first line; contact
//                             person and e-mail only when asked for; the JSON also lists every file's
//                             status and problems
//   - summary_csv             the published figures as one long table: a line per group and part,
//                             sector x size band, answer, and change
//   - summary_json            the same as JSON (format version 2)
//   - count_json              one count as published: the number, {"under": 5}, or null
//
// docs/aggregation.md lists every column. Percentages are written rounded to one decimal (round1,
// like result files); counts as integers. The CLI and the app write the same bytes.
#pragma once
#include "core/aggregate.h"
#include "core/publication.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mf {

inline constexpr const char* kAggregateFormat = "mangfoldighedstjek/aggregate";
inline constexpr const char* kAggregateRowsFormat = "mangfoldighedstjek/aggregate-rows";
inline constexpr int kAggregateFormatVersion = 2;     // the summary (published figures)
inline constexpr int kAggregateRowsFormatVersion = 2; // the internal rows

struct CsvOptions {
    char separator = ';';        // Danish Excel expects ';' (its list separator); ',' and '\t' also work
    bool decimal_comma = false;  // "52,5" instead of "52.5" (Danish Excel reads numbers only with ',')
    bool bom = true;             // UTF-8 byte order mark: without it Excel reads UTF-8 as Windows-1252
    std::string language = "en"; // the texts in the file: column headers, names of groups and parts, "under 5", labels
};

struct RowsOptions {
    bool with_contacts = false; // the contact person and e-mail columns (--with-contacts)
};

// One CSV field: quoted when it holds the separator, '"', CR or LF (or starts/ends with a space),
// with '"' doubled. A text that starts with = + - @ or a tab gets a leading apostrophe so Excel shows
// it instead of running it as a formula (names come from untrusted files).
std::string csv_field(std::string_view text, char separator);
// A percentage or other decimal, one decimal place; "" when absent.
std::string csv_number(std::optional<double> x, const CsvOptions& options);

// One published count as JSON: 12, {"under": 5}, or null.
nlohmann::json count_json(const CountFigure& count, std::size_t min_group);

std::string rows_csv(const Questionnaire& questionnaire, const Aggregate& aggregate, const CsvOptions& options = {},
                     const RowsOptions& rows = {});
// The same text handed to `write` in pieces of about 64 KB (mf-aggregate writes them to the file
// as they come: at 100,000 organisations the whole text is 25 MB more at the peak of memory).
void write_rows_csv(const Questionnaire& questionnaire, const Aggregate& aggregate, const CsvOptions& options, const RowsOptions& rows,
                    const std::function<void(std::string_view)>& write);
nlohmann::json rows_json(const Questionnaire& questionnaire, const Aggregate& aggregate, const RowsOptions& rows = {},
                         const std::string& language = "en");

std::string summary_csv(const Questionnaire& questionnaire, const Publication& publication, const CsvOptions& options = {});
nlohmann::json summary_json(const Questionnaire& questionnaire, const Aggregate& aggregate, const Publication& publication);
// The same with the default PublishOptions (the latest year, k = 5): what the app's overview exports
// until it has a year picker and the min-group setting of its own.
std::string summary_csv(const Questionnaire& questionnaire, const Aggregate& aggregate, const CsvOptions& options = {});
nlohmann::json summary_json(const Questionnaire& questionnaire, const Aggregate& aggregate, const AggregateOptions& options);

} // namespace mf
