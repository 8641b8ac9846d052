// diagnostics.h - one problem found in an input file, and how it is shown.
//
// Index
//   - DiagnosticParams   the named variable parts of a message ({"line", "3"}, {"field", "cvr"}, ...)
//   - ParamList, make_params   how call sites write them
//   - Diagnostic         file, JSON pointer, English message, stable code and its parameters
//   - has_errors, count_errors
//
// Every loader in core reports problems as a list of Diagnostics rather than stopping at the first:
// the municipality editing a questionnaire wants all mistakes at once. A Diagnostic names the file,
// the JSON pointer (RFC 6901, "" for the whole document) and a plain English message, e.g.
//   questionnaires/x.json: /themes/2/questions/4/options/1/score: expected a number, got "3"
// Beside the message it carries a stable code ("json.expected_number") and named parameters
// ({"got", "\"3\""}, {"got_type", "string"}), so that a user interface can word the problem in its
// own language without parsing the English. The codes and their parameters are a contract: one
// registry (diagnostic_codes.h), documented in docs/diagnostics.md.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mf {

// Name -> value, in the order docs/diagnostics.md lists them for the code; values are plain text.
using DiagnosticParams = std::vector<std::pair<std::string, std::string>>;

// Parameters as call sites write them, {{"line", line}, {"detail", text}}: names are string literals,
// values are views that live until the end of the call. make_params copies them (then `more`), out of
// line: there are some 200 call sites, and each one's code is part of the app's download.
using ParamList = std::initializer_list<std::pair<const char*, std::string_view>>;
DiagnosticParams make_params(ParamList params, const DiagnosticParams& more = {});

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;
    std::string pointer; // JSON pointer; empty means the whole file
    std::string message; // English (export and action-plan problems: the respondent's language)
    std::string code;    // stable, e.g. "json.syntax" (docs/diagnostics.md); every core diagnostic has one
    DiagnosticParams params;

    Diagnostic() = default;
    // Code and parameters are optional here only so that diagnostics made outside core still build.
    Diagnostic(Severity severity_, std::string file_, std::string pointer_, std::string message_,
               std::string code_ = {}, DiagnosticParams params_ = {});

    // The parameter `name`: nullptr when absent (find_param) or "" (param).
    const std::string* find_param(std::string_view name) const;
    std::string param(std::string_view name) const;

    // "file: /pointer: message" (the pointer part omitted when empty; "warning: " before warnings)
    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
std::size_t count_errors(const Diagnostics& diagnostics);

} // namespace mf
