// diagnostic_codes.h - the one registry of diagnostic codes: every code core (and mf-validate) gives
// a Diagnostic, an ActionPlanProblem or a FieldProblem, with its parameter names and what it means.
//
// Index
//   - DiagnosticCodeInfo     code, parameter names (in order), one-line English description
//   - diagnostic_codes       the whole registry, in the order docs/diagnostics.md lists it
//   - find_diagnostic_code   lookup by code
//   - fits_registry          does a code with these parameters match its entry (what a text can be filled from)
//
// This is a contract: docs/diagnostics.md lists exactly these (a test compares the two), the app's
// text table has a "diag.<code>" entry per code, and tools may key on codes. A code never changes
// its meaning or its parameters; a new problem gets a new code. Codes are lower case, dotted:
// "<family>.<what>[.<detail>]", e.g. "json.syntax", "result.checksum.mismatch".
#pragma once
#include "core/diagnostics.h"

#include <string>
#include <string_view>
#include <vector>

namespace mf {

struct DiagnosticCodeInfo {
    std::string code;
    std::vector<std::string> params; // the parameter names every diagnostic with this code carries, in this order
    std::string description;         // one line of English: what the problem is
};

const std::vector<DiagnosticCodeInfo>& diagnostic_codes();

// nullptr when `code` is not in the registry.
const DiagnosticCodeInfo* find_diagnostic_code(std::string_view code);

// True when `code` is registered and `params` has exactly its parameter names, in that order: then a
// "diag.<code>" text can be filled from the parameters. Every diagnostic core makes fits (the tests
// and the fuzz targets check it); one made elsewhere without a code does not.
bool fits_registry(std::string_view code, const DiagnosticParams& params);

} // namespace mf
