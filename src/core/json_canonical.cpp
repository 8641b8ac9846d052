// json_canonical.cpp - see json_canonical.h.
#include "core/json_canonical.h"

#include "core/json_input.h"

#include <cmath>
#include <cstdint>

namespace mf {
namespace {

using nlohmann::json;

// Bytes nlohmann escapes: control characters, '"' and '\\'.
struct EscapeTable {
    bool escape[256] = {};
    constexpr EscapeTable() {
        for (int c = 0; c < 0x20; ++c) escape[c] = true;
        escape[static_cast<unsigned char>('"')] = true;
        escape[static_cast<unsigned char>('\\')] = true;
    }
};
constexpr EscapeTable kEscape;

void append_string(const std::string& s, std::string& out) {
    // nlohmann decodes UTF-8 to find what to escape and replaces invalid sequences; valid UTF-8 is
    // copied unchanged, which is all this fast path handles. An invalid string (possible only in a
    // document built in memory: the import gate rejects invalid UTF-8) is printed by nlohmann itself.
    static const char kHex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out += '"';
    unsigned char high = 0;  // OR of all bytes: >= 0x80 when the string is not plain ASCII
    std::size_t run = 0;     // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        high |= c;
        if (!kEscape.escape[c]) continue;
        out.append(s, run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\t': out += 't'; break;
        case '\n': out += 'n'; break;
        case '\f': out += 'f'; break;
        case '\r': out += 'r'; break;
        default:
            out += "u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    out.append(s, run, std::string::npos);
    out += '"';
    if (high >= 0x80 && find_invalid_utf8(s) != std::string::npos) {
        out.resize(start);
        out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    }
}

template <typename Integer>
void append_integer(Integer x, std::string& out) {
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* p = end;
    const bool negative = x < 0;
    // The magnitude as unsigned, so the most negative int64 does not overflow.
    unsigned long long magnitude = negative ? 0ull - static_cast<unsigned long long>(x) : static_cast<unsigned long long>(x);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

void append_value(const json& value, std::string& out, const char* skip_member) {
    switch (value.type()) {
    case json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : *value.get_ptr<const json::object_t*>()) {
            if (skip_member && key == skip_member) continue;
            if (!first) out += ',';
            first = false;
            append_string(key, out);
            out += ':';
            append_value(member, out, nullptr);
        }
        out += '}';
        return;
    }
    case json::value_t::array: {
        out += '[';
        bool first = true;
        for (const json& element : *value.get_ptr<const json::array_t*>()) {
            if (!first) out += ',';
            first = false;
            append_value(element, out, nullptr);
        }
        out += ']';
        return;
    }
    case json::value_t::string: append_string(*value.get_ptr<const std::string*>(), out); return;
    case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case json::value_t::null: out += "null"; return;
    case json::value_t::number_integer: append_integer(value.get<std::int64_t>(), out); return;
    case json::value_t::number_unsigned: append_integer(value.get<std::uint64_t>(), out); return;
    case json::value_t::number_float: {
        const double x = value.get<double>();
        if (!std::isfinite(x)) {
            out += "null"; // as nlohmann prints NaN and infinity
            return;
        }
        // nlohmann's own shortest round-trip formatting (Grisu2, "%g"-like, "1.0" for whole numbers),
        // the function its serializer calls, so the digits are the same by construction.
        char buffer[64];
        char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
        out.append(buffer, static_cast<std::size_t>(end - buffer));
        return;
    }
    default: out += value.dump(-1, ' ', false, json::error_handler_t::replace); return; // binary, discarded
    }
}

} // namespace

void append_canonical_json(const json& value, std::string& out, const char* skip_member) {
    append_value(value, out, value.is_object() ? skip_member : nullptr);
}

} // namespace mf
