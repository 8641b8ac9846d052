// json_canonical.cpp - see json_canonical.h.
//
// Index
//   - append_string          UTF-8, escaping '"', '\\' and control characters (as nlohmann)
//   - append_integer         plain digits
//   - shortest_digits        the shortest decimal digits that read back as a double (the closest
//                            of those): a fast path for up to 15 digits, else printf + strtod
//   - append_double          those digits laid out as Python's repr() lays them out
//   - append_value           the document, keys sorted
#include "core/json_canonical.h"

#include "core/json_input.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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

void append_string(std::string_view s, std::string& out) {
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
        out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
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

// The significant digits of a positive finite double x (no leading or trailing zeros) and the
// position of the decimal point: x = 0.<digits> × 10^point. The digits are the fewest that read
// back as x (a correctly rounded strtod gives x again) and, of those, the closest to x: what
// Python's repr(), JavaScript's Number#toString and C++17's std::to_chars choose.
struct Digits {
    char digits[20];
    int count = 0;
    int point = 0;
};

// Up to 15 significant digits: x = m / 10^k for a whole m < 10^15 and the smallest such k, checked
// exactly (m and 10^k are exact doubles and the division is correctly rounded, so m / 10^k == x
// means the decimal m·10^-k reads back as x). Decimals of at most 15 digits near x lie at least
// |x|·10^-15 apart, more than the width of the interval that reads back as x (under |x|·2^-52), so
// no other decimal of 15 digits or fewer reads back as x: these digits are the answer.
bool short_digits(double x, Digits& d) {
    static const double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    for (int k = 0; k <= 15; ++k) {
        const double scaled = x * kPow10[k];
        if (scaled >= 1e15) return false;
        const double m = std::nearbyint(scaled);
        if (m == 0 || m / kPow10[k] != x) continue;
        char buffer[24];
        int n = std::snprintf(buffer, sizeof buffer, "%.0f", m);
        int zeros = 0;
        while (n - zeros > 1 && buffer[n - zeros - 1] == '0') ++zeros;
        d.count = n - zeros;
        std::memcpy(d.digits, buffer, static_cast<std::size_t>(d.count));
        d.point = n - k;
        return true;
    }
    return false;
}

// Any positive finite double: for 1, 2, ... 17 digits, the correctly rounded decimal of that many
// digits (printf "%.*e") and, when that one does not read back as x, the decimal one unit in its
// last digit away on the other side of x. Only these two can read back as x (the decimals that do
// form an interval around x), so the first length where one does is the shortest, and the rounded
// one, when it does, is the closest. 17 digits always read back.
void long_digits(double x, Digits& d) {
    char buffer[40];
    for (int p = 1; p <= 17; ++p) {
        std::snprintf(buffer, sizeof buffer, "%.*e", p - 1, x); // d.ddde±XX
        char digits[20];
        int n = 0;
        const char* s = buffer;
        for (; *s != 'e'; ++s)
            if (*s != '.') digits[n++] = *s;
        int exponent = std::atoi(s + 1);
        const double back = std::strtod(buffer, nullptr);
        if (back != x) {
            // One unit in the last digit towards x: down when the rounded decimal is above x.
            const bool down = back > x;
            int i = n - 1;
            if (down) {
                while (i >= 0 && digits[i] == '0') digits[i--] = '9';
                --digits[i];
                if (digits[0] == '0') { // 1000 -> 0999: one digit fewer; keep p digits
                    std::memmove(digits, digits + 1, static_cast<std::size_t>(n - 1));
                    digits[n - 1] = '9';
                    --exponent;
                }
            } else {
                while (i >= 0 && digits[i] == '9') digits[i--] = '0';
                if (i < 0) { // 999 -> 1000
                    digits[0] = '1';
                    ++exponent;
                } else {
                    ++digits[i];
                }
            }
            char other[40];
            std::snprintf(other, sizeof other, "0.%.*se%d", n, digits, exponent + 1);
            if (std::strtod(other, nullptr) != x) continue;
        }
        while (n > 1 && digits[n - 1] == '0') --n;
        std::memcpy(d.digits, digits, static_cast<std::size_t>(n));
        d.count = n;
        d.point = exponent + 1;
        return;
    }
}

// x as Python's repr() writes it (the number form of the canonical text, docs/result-format.md):
// the digits above; in positional form when 10^-4 <= |x| < 10^16 ("0.0001", "42.9", "100.0",
// "1000000000000000.0"), with ".0" after a whole number; else as d.ddde±XX with at least two
// exponent digits ("1e-05", "1e+16", "1.8446744073709552e+19"). Zero is "0.0" or "-0.0".
void append_double(double x, std::string& out) {
    if (std::signbit(x)) out += '-';
    const double a = std::fabs(x);
    if (a == 0) {
        out += "0.0";
        return;
    }
    Digits d;
    if (!short_digits(a, d)) long_digits(a, d);
    const std::string digits(d.digits, static_cast<std::size_t>(d.count));
    if (d.point > -4 && d.point <= 16) {
        if (d.point <= 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-d.point), '0');
            out += digits;
        } else if (d.point >= d.count) {
            out += digits;
            out.append(static_cast<std::size_t>(d.point - d.count), '0');
            out += ".0";
        } else {
            out.append(digits, 0, static_cast<std::size_t>(d.point));
            out += '.';
            out.append(digits, static_cast<std::size_t>(d.point), std::string::npos);
        }
        return;
    }
    out += digits[0];
    if (d.count > 1) {
        out += '.';
        out.append(digits, 1, std::string::npos);
    }
    char exponent[16];
    std::snprintf(exponent, sizeof exponent, "e%c%02d", d.point - 1 < 0 ? '-' : '+', std::abs(d.point - 1));
    out += exponent;
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
            out += "null"; // as nlohmann prints NaN and infinity (the import gate refuses both)
            return;
        }
        append_double(x, out);
        return;
    }
    default: out += value.dump(-1, ' ', false, json::error_handler_t::replace); return; // binary, discarded
    }
}

} // namespace

void append_canonical_string(std::string_view text, std::string& out) { append_string(text, out); }

void append_canonical_double(double x, std::string& out) {
    if (!std::isfinite(x)) {
        out += "null";
        return;
    }
    append_double(x, out);
}

void append_canonical_json(const json& value, std::string& out, const char* skip_member) {
    append_value(value, out, value.is_object() ? skip_member : nullptr);
}

} // namespace mf
