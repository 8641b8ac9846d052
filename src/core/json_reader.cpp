// json_reader.cpp - typed access to parsed JSON with a Diagnostic per problem (json_reader.h).
#include "core/json_reader.h"

#include "core/json_input.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mf {

using nlohmann::json;

std::string child_pointer(const std::string& pointer, const std::string& key) {
    // Built in one allocation: the importer makes one for every field it reads.
    if (key.find_first_of("~/") != std::string::npos) return pointer + "/" + json_pointer_token(key);
    std::string out;
    out.reserve(pointer.size() + 1 + key.size());
    out += pointer;
    out += '/';
    out += key;
    return out;
}

std::string child_pointer(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

void JsonReader::error(const std::string& pointer, std::string_view code, DiagnosticParams params, const std::string& message) const {
    out->push_back(Diagnostic{Diagnostic::Severity::Error, file, pointer, message, std::string(code), std::move(params)});
}

void JsonReader::error(const std::string& pointer, std::string_view code, ParamList params, const std::string& message) const {
    error(pointer, code, make_params(params), message);
}

void JsonReader::warning(const std::string& pointer, std::string_view code, DiagnosticParams params, const std::string& message) const {
    out->push_back(Diagnostic{Diagnostic::Severity::Warning, file, pointer, message, std::string(code), std::move(params)});
}

void JsonReader::warning(const std::string& pointer, std::string_view code, ParamList params, const std::string& message) const {
    warning(pointer, code, make_params(params), message);
}

const json* JsonReader::member(const json& object, const std::string& pointer, const char* key, bool required) const {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) error(pointer, "json.missing_field", {{"field", key}}, std::string("the field \"") + key + "\" is missing");
        return nullptr;
    }
    return &*it;
}

bool JsonReader::expect_object(const json& value, const std::string& pointer) const {
    if (value.is_object()) return true;
    error(pointer, "json.expected_object", got_params(value), "expected an object, got " + describe_json(value));
    return false;
}

bool JsonReader::expect_array(const json& value, const std::string& pointer) const {
    if (value.is_array()) return true;
    error(pointer, "json.expected_array", got_params(value), "expected an array, got " + describe_json(value));
    return false;
}

bool JsonReader::read_string(const json& value, const std::string& pointer, std::string& out_value) const {
    if (!value.is_string()) {
        error(pointer, "json.expected_string", got_params(value), "expected a string, got " + describe_json(value));
        return false;
    }
    out_value = value.get<std::string>();
    return true;
}

bool JsonReader::read_number(const json& value, const std::string& pointer, double& out_value) const {
    if (!value.is_number()) {
        error(pointer, "json.expected_number", got_params(value), "expected a number, got " + describe_json(value));
        return false;
    }
    out_value = value.get<double>();
    if (!std::isfinite(out_value)) {
        error(pointer, "json.not_finite", {}, "expected a finite number");
        return false;
    }
    return true;
}

bool JsonReader::read_optional_number(const json& value, const std::string& pointer, std::optional<double>& out_value) const {
    if (value.is_null()) {
        out_value.reset();
        return true;
    }
    if (!value.is_number()) {
        error(pointer, "json.expected_number_or_null", got_params(value), "expected a number or null, got " + describe_json(value));
        return false;
    }
    double x = 0;
    if (!read_number(value, pointer, x)) return false;
    out_value = x;
    return true;
}

void JsonReader::warn_unknown(const json& object, const std::string& pointer, const std::vector<std::string>& known) const {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            warning(child_pointer(pointer, it.key()), "json.unknown_field", {{"field", it.key()}},
                    "unknown field \"" + it.key() + "\" is ignored");
    }
}

void throw_first_error(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            throw std::invalid_argument((d.pointer.empty() ? std::string() : d.pointer + ": ") + d.message);
}

} // namespace mf
