// json_reader.h - reading parsed JSON into C++ types while collecting every problem as a Diagnostic.
//
// Index
//   - child_pointer      build JSON pointers ("/answers/q1", "/actionPlan/0")
//   - JsonReader         typed field access that reports "expected a string, got 3" with the pointer
//   - throw_first_error  turns collected Diagnostics into the exception nlohmann-style from_json throws
//
// The result importer and the from_json functions of the result types share these readers, so a file
// and a from_json call reject the same things with the same words.
#pragma once
#include "core/diagnostics.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

std::string child_pointer(const std::string& pointer, const std::string& key);
std::string child_pointer(const std::string& pointer, std::size_t index);

struct JsonReader {
    std::string file;
    Diagnostics* out = nullptr;

    // A problem with its code and parameters (docs/diagnostics.md) and the English message.
    void error(const std::string& pointer, std::string_view code, ParamList params, const std::string& message) const;
    void error(const std::string& pointer, std::string_view code, DiagnosticParams params, const std::string& message) const;
    void warning(const std::string& pointer, std::string_view code, ParamList params, const std::string& message) const;
    void warning(const std::string& pointer, std::string_view code, DiagnosticParams params, const std::string& message) const;

    // The member `key` of `object` (at `pointer`); nullptr when absent, reported when required
    // (json.missing_field).
    const nlohmann::json* member(const nlohmann::json& object, const std::string& pointer, const char* key,
                                 bool required) const;

    // Type checks that report "expected ..., got ..." at `pointer` (json.expected_*, json.not_finite);
    // false when the type is wrong.
    bool expect_object(const nlohmann::json& value, const std::string& pointer) const;
    bool expect_array(const nlohmann::json& value, const std::string& pointer) const;
    bool read_string(const nlohmann::json& value, const std::string& pointer, std::string& out_value) const;
    bool read_number(const nlohmann::json& value, const std::string& pointer, double& out_value) const;
    // A number or null (null -> nullopt).
    bool read_optional_number(const nlohmann::json& value, const std::string& pointer,
                              std::optional<double>& out_value) const;

    // Warns about members of `object` not in `known` ("unknown field \"x\" is ignored", json.unknown_field).
    void warn_unknown(const nlohmann::json& object, const std::string& pointer,
                      const std::vector<std::string>& known) const;
};

// Throws std::invalid_argument("/pointer: message") for the first error in `diagnostics`, if any.
void throw_first_error(const Diagnostics& diagnostics);

} // namespace mf
