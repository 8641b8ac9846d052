// fast_import_fuzz.cpp - the fast path of the per-file check (json_fast.h, import_result_fast)
// against the full import, on any bytes, with the shipped questionnaire. It must never crash, and:
//   - when the fast reader accepts the bytes, the import gate (json_input.h) accepts them too, the
//     document is the same (fast_to_json), and so is the canonical text of the checksum;
//   - when import_result_fast gives a result, import_result gives one with no diagnostic at all;
//   - check_result gives the same FileCheck (every field of the row, every diagnostic) by the fast
//     path and by the full import alone.
// A mutation almost always breaks the checksum, after which both paths stop early; so each input is
// also tried with its checksum repaired (the checksum is not part of what it sums, so its value can
// be put right in place), which takes the fast path through answers, scores, plan and follow-up.
#include "../support/file_check_text.h"
#include "core/aggregate.h"
#include "core/json_canonical.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "shipped_questionnaire.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

void fail(const char* what, const std::string& a = {}, const std::string& b = {}) {
    std::fprintf(stderr, "fast_import: %s\n--- fast\n%s\n--- full\n%s\n", what, a.c_str(), b.c_str());
    std::abort();
}

void check(std::string_view bytes);

// The bytes with the 64 hex digits after the first "checksum": "sha256: replaced by the content's
// checksum, when the gate reads them; empty otherwise.
std::string with_repaired_checksum(std::string_view bytes) {
    const std::string_view marker = "\"checksum\": \"sha256:";
    const std::size_t at = bytes.find(marker);
    if (at == std::string_view::npos || bytes.size() - at - marker.size() < 64) return {};
    mf::Diagnostics diagnostics;
    std::optional<nlohmann::json> parsed = mf::parse_json_document(bytes, "fuzz.json", diagnostics, mf::JsonLimits{mf::kMaxResultBytes, 64});
    if (!parsed || !parsed->is_object()) return {};
    std::string repaired(bytes);
    repaired.replace(at + marker.size(), 64, mf::result_checksum(*parsed).substr(7));
    return repaired;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check(bytes);
    const std::string repaired = with_repaired_checksum(bytes);
    if (!repaired.empty() && repaired != bytes) check(repaired);
    return 0;
}

namespace {

void check(std::string_view bytes) {
    const mf::Questionnaire& q = mf_fuzz::shipped_questionnaire();

    mf::FastDocument doc;
    if (mf::parse_fast_json(bytes, doc, "checksum", mf::kMaxResultBytes)) {
        mf::Diagnostics diagnostics;
        std::optional<nlohmann::json> parsed = mf::parse_json_document(bytes, "fuzz.json", diagnostics, mf::JsonLimits{mf::kMaxResultBytes, 64});
        if (!parsed) fail("the fast reader accepted what the gate refuses");
        if (mf::fast_to_json(doc, 0) != *parsed) fail("another document", mf::fast_to_json(doc, 0).dump(), parsed->dump());
        std::string canonical;
        mf::append_canonical_json(*parsed, canonical, "checksum");
        if (canonical != doc.canonical) fail("another canonical text", doc.canonical, canonical);
    }

    mf::FastDocument scratch;
    if (std::optional<mf::ImportedResult> fast = mf::import_result_fast(bytes, q, scratch)) {
        mf::ImportOutcome full = mf::import_result(bytes, "fuzz.json", q);
        if (!full.result || !full.diagnostics.empty()) fail("a fast result where the import has something to say");
        if (fast->content_checksum != full.result->content_checksum) fail("another checksum", fast->content_checksum, full.result->content_checksum);
    }

    const std::string fast = mf_test::file_check_text(mf::check_result(bytes, "fuzz.json", q, mf::ImportPath::FastFirst));
    const std::string full = mf_test::file_check_text(mf::check_result(bytes, "fuzz.json", q, mf::ImportPath::FullOnly));
    if (fast != full) fail("another FileCheck", fast, full);
}

} // namespace
