// aggregate_output.h - the municipality's files: organisation rows and the aggregate, as CSV and JSON.
//
// Index
//   - CsvOptions, csv_field   separator, decimal comma, BOM; quoting (and Excel formula neutralising)
//   - rows_csv, rows_json     one row per counted organisation (all accepted files with keep_duplicates)
//   - summary_csv             the aggregate as one long table: a line per group and part, plus change
//   - summary_json            the aggregate, the change over time and every file's status and problems
//
// docs/aggregation.md lists every column. Percentages are written rounded to one decimal (round1,
// like result files); counts as integers. The CLI and the app write the same bytes.
#pragma once
#include "core/aggregate.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mf {

inline constexpr const char* kAggregateFormat = "mangfoldighedstjek/aggregate";
inline constexpr const char* kAggregateRowsFormat = "mangfoldighedstjek/aggregate-rows";
inline constexpr int kAggregateFormatVersion = 1;

struct CsvOptions {
    char separator = ';';        // Danish Excel expects ';' (its list separator); ',' and '\t' also work
    bool decimal_comma = false;  // "52,5" instead of "52.5" (Danish Excel reads numbers only with ',')
    bool bom = true;             // UTF-8 byte order mark: without it Excel reads UTF-8 as Windows-1252
};

// One CSV field: quoted when it holds the separator, '"', CR or LF (or starts/ends with a space),
// with '"' doubled. A text that starts with = + - @ or a tab gets a leading apostrophe so Excel shows
// it instead of running it as a formula (names come from untrusted files).
std::string csv_field(std::string_view text, char separator);
// A percentage or other decimal, one decimal place; "" when absent.
std::string csv_number(std::optional<double> x, const CsvOptions& options);

std::string rows_csv(const Questionnaire& questionnaire, const Aggregate& aggregate, const CsvOptions& options = {});
std::string summary_csv(const Questionnaire& questionnaire, const Aggregate& aggregate, const CsvOptions& options = {});
nlohmann::json rows_json(const Questionnaire& questionnaire, const Aggregate& aggregate);
nlohmann::json summary_json(const Questionnaire& questionnaire, const Aggregate& aggregate, const AggregateOptions& options);

} // namespace mf
