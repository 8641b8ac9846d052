// result_import_fuzz.cpp - any bytes through the result importer, against the shipped questionnaire.
// It must never crash or throw; a result comes back exactly when there is no error; every diagnostic
// names the file, says something and has its registered code and parameters (docs/diagnostics.md),
// the export's too; and whatever was imported exports, and that export imports and
// exports again to the same bytes (the importer never lets in what the exporter cannot write back).
#include "core/diagnostic_codes.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "shipped_questionnaire.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const mf::Questionnaire& q = mf_fuzz::shipped_questionnaire();
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    mf::ImportOutcome in = mf::import_result(bytes, "fuzz.json", q);
    if (in.result.has_value() == mf::has_errors(in.diagnostics)) std::abort();
    for (const mf::Diagnostic& d : in.diagnostics)
        if (d.file != "fuzz.json" || d.message.empty() || !mf::fits_registry(d.code, d.params)) std::abort();
    if (!in.result) return 0;

    // The unchecked document always builds; a refusing export says why.
    const std::string draft = mf::result_text(q, in.result->assessment);
    mf::ImportOutcome again = mf::import_result(draft, "draft.json", q);
    if (!again.result || !again.result->checksum_matches) std::abort();
    if (mf::result_text(q, again.result->assessment) != draft) std::abort();
    mf::ExportOutcome out = mf::export_result(q, in.result->assessment);
    if (out.ok() == out.text.empty() || (!out.ok() && out.diagnostics.empty())) std::abort();
    for (const mf::Diagnostic& d : out.diagnostics)
        if (!mf::fits_registry(d.code, d.params)) std::abort();
    return 0;
}
