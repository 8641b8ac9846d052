// diagnostics.h - one problem found in an input file, and how it is shown.
//
// Every loader in core reports problems as a list of Diagnostics rather than stopping at the first:
// the municipality editing a questionnaire wants all mistakes at once. A Diagnostic names the file,
// the JSON pointer (RFC 6901, "" for the whole document) and a plain message, e.g.
//   questionnaires/x.json: /themes/2/questions/4/options/1/score: expected a number, got "3"
#pragma once
#include <string>
#include <vector>

namespace mf {

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;
    std::string pointer; // JSON pointer; empty means the whole file
    std::string message;

    // "file: /pointer: message" (the pointer part omitted when empty; "warning: " before warnings)
    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
std::size_t count_errors(const Diagnostics& diagnostics);

} // namespace mf
