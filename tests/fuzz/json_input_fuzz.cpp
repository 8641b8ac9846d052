// json_input_fuzz.cpp - any bytes through the gate every JSON file passes (size, BOM, UTF-8, depth,
// duplicate keys, syntax). It must return a document or exactly one error (with its registered code
// and parameters), never crash or throw.
#include "core/diagnostic_codes.h"
#include "core/json_input.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mf::Diagnostics diagnostics;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto doc = mf::parse_json_document(bytes, "fuzz.json", diagnostics);
    if (doc.has_value() != diagnostics.empty()) std::abort(); // one outcome, never both or neither
    for (const mf::Diagnostic& d : diagnostics)
        if (!mf::fits_registry(d.code, d.params)) std::abort();
    if (doc) {
        // A document that passed must dump and re-parse to the same value.
        mf::Diagnostics again;
        auto round = mf::parse_json_document(doc->dump(), "fuzz.json", again);
        if (!round || *round != *doc) std::abort();
    }
    return 0;
}
