// json_canonical.h - the canonical text of a JSON document, the input of the result checksum.
//
// The canonical form is what nlohmann's dump(-1, ' ', false, error_handler_t::replace) prints:
// compact, object keys sorted (nlohmann keeps them sorted), strings as UTF-8 with only '"', '\\' and
// control characters escaped, numbers as nlohmann prints them. append_canonical_json writes the same
// bytes without copying the document or going through nlohmann's output adapters, and can leave out
// one member of the top-level object (the checksum, which cannot be part of what it checks).
#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace mf {

// Appends the canonical text of `value` to `out`. When `value` is an object and `skip_member` is not
// null, the top-level member of that name is left out (as if erased from a copy first).
void append_canonical_json(const nlohmann::json& value, std::string& out, const char* skip_member = nullptr);

} // namespace mf
