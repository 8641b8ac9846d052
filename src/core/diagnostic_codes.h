// diagnostic_codes.h - the one registry of diagnostic codes: every code core (and mf-validate) gives
// a Diagnostic, an ActionPlanProblem or a FieldProblem, with its parameter names and what it means.
//
// Index
//   - DiagnosticCodeInfo     code, parameter names (in order), one-line English description
//   - diagnostic_codes       the whole registry, in the order docs/diagnostics.md lists it
//   - find_diagnostic_code   lookup by code
//   - fits_registry          does a code with these parameters match its entry (what a text can be filled from)
//   - diagnostic_text        a problem in plain words in the user's language (assets/texts.json "diag.<code>")
//   - diagnostic_details     the same for experts: file, JSON pointer, English message and code
//
// This is a contract: docs/diagnostics.md lists exactly these (a test compares the two), the app's
// text table has a "diag.<code>" entry per code, and tools may key on codes. A code never changes
// its meaning or its parameters; a new problem gets a new code. Codes are lower case, dotted:
// "<family>.<what>[.<detail>]", e.g. "json.syntax", "result.checksum.mismatch".
#pragma once
#include "core/diagnostics.h"
#include "core/texts.h"

#include <string>
#include <string_view>
#include <vector>

namespace mf {

struct DiagnosticCodeInfo {
    std::string code;
    std::vector<std::string> params; // the parameter names every diagnostic with this code carries, in this order
    std::string description;         // one line of English: what the problem is
};

// Every code with its description (the docs and their test read it). The app and the tools only check
// codes (fits_registry), from a copy of the registry built without descriptions, so a program that
// never calls this does not carry them.
const std::vector<DiagnosticCodeInfo>& diagnostic_codes();

// nullptr when `code` is not in the registry.
const DiagnosticCodeInfo* find_diagnostic_code(std::string_view code);

// True when `code` is registered and `params` has exactly its parameter names, in that order: then a
// "diag.<code>" text can be filled from the parameters. Every diagnostic core makes fits (the tests
// and the fuzz targets check it); one made elsewhere without a code does not.
bool fits_registry(std::string_view code, const DiagnosticParams& params);

// The problem in plain words, in `texts`' language: the text "diag.<code>" with its {placeholders}
// filled from the parameters. No JSON pointer, byte offset or hash (those are in the details).
// `fallback` (core's English message) when the code does not fit the registry.
std::string diagnostic_text(const Texts& texts, std::string_view code, const DiagnosticParams& params, const std::string& fallback);
std::string diagnostic_text(const Texts& texts, const Diagnostic& diagnostic);

// For experts ("Technical details"): "file: /pointer: English message [code]" (Diagnostic::to_string
// and the code).
std::string diagnostic_details(const Diagnostic& diagnostic);

} // namespace mf
