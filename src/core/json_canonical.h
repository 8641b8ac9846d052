// json_canonical.h - the canonical text of a JSON document, the input of the result checksum.
//
// The canonical form (docs/result-format.md, "The checksum") is what Python's
// json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False) prints: compact, object
// keys sorted (nlohmann keeps them sorted), strings as UTF-8 with only '"', '\\' and control
// characters escaped, integers as plain digits, other numbers as Python's repr() writes them (the
// shortest digits that read back, the closest of those; "1000000000000000.0", "1e+16"). That is
// nlohmann's dump(-1, ' ', false, error_handler_t::replace) except for numbers: nlohmann's Grisu2
// now and then writes a longer or a farther form, and 1e+15 where Python writes 1000000000000000.0.
// append_canonical_json writes it without copying the document, and can leave out one member of
// the top-level object (the checksum, which cannot be part of what it checks).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace mf {

// Appends the canonical text of `value` to `out`. When `value` is an object and `skip_member` is not
// null, the top-level member of that name is left out (as if erased from a copy first).
void append_canonical_json(const nlohmann::json& value, std::string& out, const char* skip_member = nullptr);

// The pieces, for writers that do not hold a nlohmann document (json_fast.h): a string (UTF-8 as
// nlohmann escapes it) and a floating-point number (Python's repr; "null" when not finite).
void append_canonical_string(std::string_view text, std::string& out);
void append_canonical_double(double x, std::string& out);

} // namespace mf
