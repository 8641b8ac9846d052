// json_fast.cpp - see json_fast.h.
//
// Index
//   - kPlain, load8, first_set_byte, special_bytes   bytes of strings and spaces, eight at a time
//   - Parser          one recursive pass: nodes, decoded strings, the canonical text
//   - FastDocument::member, fast_to_json
#include "core/json_fast.h"

#include "core/json_canonical.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace mf {
namespace {

using Kind = FastNode::Kind;

// Bytes a string may hold as they are: printable ASCII other than '"' and '\\'.
struct PlainTable {
    bool plain[256] = {};
    constexpr PlainTable() {
        for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    }
};
constexpr PlainTable kPlain;

// Eight bytes at a time (SWAR) where the target is little-endian (x86-64, wasm): the byte order
// decides which set bit belongs to the first byte. Elsewhere the byte loops alone do the work.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kWordScan = true;
#else
constexpr bool kWordScan = false;
#endif
// skip_space runs between any two tokens: inlined, not a call each time.
#if defined(__GNUC__) || defined(__clang__)
#define MF_FAST_INLINE __attribute__((always_inline)) inline
#else
#define MF_FAST_INLINE inline
#endif

constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::uint64_t load8(const char* at) {
    std::uint64_t w;
    std::memcpy(&w, at, 8);
    return w;
}

// The index of the first byte of `w` (in memory order) whose high bit is set; w != 0.
std::size_t first_set_byte(std::uint64_t w) { return static_cast<std::size_t>(__builtin_ctzll(w)) / 8; }

// High bit set in each byte of `w` that a string cannot hold as it is ('"', '\\', a control
// character, a byte >= 0x80). A borrow may mark bytes after the first such byte too, never one
// before it, so the first set byte is exact.
std::uint64_t special_bytes(std::uint64_t w) {
    auto zero_bytes = [](std::uint64_t v) { return (v - kEveryByte) & ~v & kHighBits; };
    return zero_bytes(w ^ (kEveryByte * '"')) | zero_bytes(w ^ (kEveryByte * '\\')) | ((w - kEveryByte * 0x20) & ~w & kHighBits) |
           (w & kHighBits);
}

struct Parser {
    const char* p;
    const char* end;
    FastDocument& doc;
    const char* skip_member;
    // The canonical text is written through a pointer into doc.canonical, sized ahead (a byte at a
    // time through std::string::push_back was a call per byte: a fifth of the reader's time); finish()
    // cuts it to what was written.
    char* put_at = nullptr;
    char* put_end = nullptr;

    void start_output(std::size_t size) {
        doc.canonical.resize(size);
        put_at = &doc.canonical[0];
        put_end = put_at + doc.canonical.size();
    }
    void grow(std::size_t more) {
        const std::size_t used = static_cast<std::size_t>(put_at - doc.canonical.data());
        doc.canonical.resize(std::max(doc.canonical.size() * 2, used + more + 64));
        put_at = &doc.canonical[0] + used;
        put_end = &doc.canonical[0] + doc.canonical.size();
    }
    void put(char c) {
        if (put_at == put_end) grow(1);
        *put_at++ = c;
    }
    void put(const char* s, std::size_t n) {
        if (static_cast<std::size_t>(put_end - put_at) < n) grow(n);
        std::memcpy(put_at, s, n);
        put_at += n;
    }
    // For the canonical writers of json_canonical.h, which append to a std::string (rare: escapes,
    // numbers written otherwise than in the file).
    template <typename Write>
    void put_with(Write&& write) {
        doc.canonical.resize(static_cast<std::size_t>(put_at - doc.canonical.data()));
        write(doc.canonical);
        const std::size_t used = doc.canonical.size();
        doc.canonical.resize(std::max(doc.canonical.capacity(), used + 64));
        put_at = &doc.canonical[0] + used;
        put_end = &doc.canonical[0] + doc.canonical.size();
    }
    void finish_output() { doc.canonical.resize(static_cast<std::size_t>(put_at - doc.canonical.data())); }

    // Whitespace. A pretty-printed file is a quarter indentation: a run of spaces is skipped eight
    // bytes at a time (load8, first_set_byte), the rest a byte at a time.
    MF_FAST_INLINE void skip_space() {
        while (p < end) {
            const char c = *p;
            if (c == ' ') {
                if (kWordScan && end - p >= 8) {
                    const std::uint64_t not_space = load8(p) ^ kEveryByte * ' ';
                    p += not_space == 0 ? 8 : first_set_byte(not_space);
                } else {
                    ++p;
                }
            } else if (c == '\n' || c == '\r' || c == '\t') {
                ++p;
            } else {
                return;
            }
        }
    }

    // One UTF-8 sequence starting at p (a byte >= 0x80), strictly: no overlong forms, no surrogates,
    // nothing above U+10FFFF. Advances p past it.
    bool utf8_sequence() {
        const auto* s = reinterpret_cast<const unsigned char*>(p);
        const std::size_t left = static_cast<std::size_t>(end - p);
        const unsigned char c = s[0];
        auto cont = [&](std::size_t i) { return i < left && (s[i] & 0xC0) == 0x80; };
        if (c >= 0xC2 && c <= 0xDF) {
            if (!cont(1)) return false;
            p += 2;
            return true;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            if (!cont(1) || !cont(2)) return false;
            if (c == 0xE0 && s[1] < 0xA0) return false;  // overlong
            if (c == 0xED && s[1] >= 0xA0) return false; // surrogate
            p += 3;
            return true;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3)) return false;
            if (c == 0xF0 && s[1] < 0x90) return false; // overlong
            if (c == 0xF4 && s[1] >= 0x90) return false; // above U+10FFFF
            p += 4;
            return true;
        }
        return false;
    }

    static int hex_value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned& out) {
        if (end - p < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int v = hex_value(p[i]);
            if (v < 0) return false;
            out = out * 16 + static_cast<unsigned>(v);
        }
        p += 4;
        return true;
    }

    static void append_utf8(unsigned cp, std::string& out) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // A string (p at the opening quote) into `text`: a view of the input when it has no escapes,
    // else of its decoded copy in doc.decoded (`escaped`).
    bool string(std::string_view& text, bool& escaped) {
        escaped = false;
        ++p;
        const char* start = p;
        while (true) {
            while (kWordScan && end - p >= 8) { // eight plain bytes at a time, the common case
                const std::uint64_t special = special_bytes(load8(p));
                if (special != 0) {
                    p += first_set_byte(special);
                    break;
                }
                p += 8;
            }
            while (p < end && kPlain.plain[static_cast<unsigned char>(*p)]) ++p;
            if (p >= end) return false;
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                text = std::string_view(start, static_cast<std::size_t>(p - start));
                ++p;
                return true;
            }
            if (c == '\\') break;
            if (c < 0x80 || !utf8_sequence()) return false; // a control character, or invalid UTF-8
        }
        escaped = true;
        // Escapes: decode from the start into doc.decoded, which never reallocates (reserved to the
        // input's size, and decoding never makes a string longer).
        const std::size_t begin = doc.decoded.size();
        doc.decoded.append(start, static_cast<std::size_t>(p - start));
        while (true) {
            if (p >= end) return false;
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                ++p;
                text = std::string_view(doc.decoded.data() + begin, doc.decoded.size() - begin);
                return true;
            }
            if (c < 0x20) return false;
            if (c >= 0x80) {
                const char* from = p;
                if (!utf8_sequence()) return false;
                doc.decoded.append(from, static_cast<std::size_t>(p - from));
                continue;
            }
            if (c != '\\') {
                doc.decoded += static_cast<char>(c);
                ++p;
                continue;
            }
            if (++p >= end) return false;
            const char e = *p++;
            switch (e) {
            case '"': doc.decoded += '"'; break;
            case '\\': doc.decoded += '\\'; break;
            case '/': doc.decoded += '/'; break;
            case 'b': doc.decoded += '\b'; break;
            case 'f': doc.decoded += '\f'; break;
            case 'n': doc.decoded += '\n'; break;
            case 'r': doc.decoded += '\r'; break;
            case 't': doc.decoded += '\t'; break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return false; // a lone low surrogate
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned low = 0;
                    if (end - p < 2 || p[0] != '\\' || p[1] != 'u') return false;
                    p += 2;
                    if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(cp, doc.decoded);
                break;
            }
            default: return false;
            }
        }
    }

    // A number as JSON's grammar has it; integers of up to 18 digits exactly, other numbers by strtod.
    bool number(FastNode& node, bool emit) {
        const char* start = p;
        if (p < end && *p == '-') ++p;
        if (p >= end) return false;
        const char* digits = p;
        if (*p == '0') ++p;
        else if (*p >= '1' && *p <= '9')
            while (p < end && *p >= '0' && *p <= '9') ++p;
        else return false;
        const std::size_t integer_digits = static_cast<std::size_t>(p - digits);
        bool is_float = false;
        if (p < end && *p == '.') {
            is_float = true;
            ++p;
            const char* frac = p;
            while (p < end && *p >= '0' && *p <= '9') ++p;
            if (p == frac) return false;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            is_float = true;
            ++p;
            if (p < end && (*p == '+' || *p == '-')) ++p;
            const char* exp = p;
            while (p < end && *p >= '0' && *p <= '9') ++p;
            if (p == exp) return false;
        }
        if (!is_float) {
            if (integer_digits > 18) return false;
            std::int64_t value = 0;
            for (const char* d = digits; d < p; ++d) value = value * 10 + (*d - '0');
            if (*start == '-') value = -value;
            node.kind = Kind::Integer;
            node.integer = value;
            node.number = static_cast<double>(value);
            if (emit) {
                // Plain digits, as nlohmann writes an integer ("-0" is the integer 0).
                if (value == 0) put('0');
                else put(start, static_cast<std::size_t>(p - start));
            }
            return true;
        }
        const std::size_t length = static_cast<std::size_t>(p - start);
        double value = 0;
        if (!short_decimal(start, p, value)) {
            char buffer[64];
            if (length >= sizeof buffer) return false;
            std::memcpy(buffer, start, length);
            buffer[length] = '\0';
            errno = 0;
            value = std::strtod(buffer, nullptr);
            if (errno == ERANGE || !std::isfinite(value)) return false;
        } else if (emit && canonical_as_written(start, p)) {
            put(start, length);
            emit = false;
        }
        node.kind = Kind::Float;
        node.number = value;
        if (emit) put_with([&](std::string& canonical) { append_canonical_double(value, canonical); });
        return true;
    }

    // A decimal without exponent of at most 15 significant digits and 22 decimals: m / 10^k with m
    // and 10^k exact doubles, so the one division is correctly rounded, as strtod is.
    static bool short_decimal(const char* s, const char* e, double& out) {
        static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        const bool negative = *s == '-';
        if (negative) ++s;
        std::uint64_t m = 0;
        int significant = 0, decimals = 0;
        bool after_point = false;
        for (; s < e; ++s) {
            if (*s == '.') {
                after_point = true;
                continue;
            }
            if (*s < '0' || *s > '9') return false; // an exponent
            if (m != 0 || *s != '0') ++significant;
            m = m * 10 + static_cast<std::uint64_t>(*s - '0');
            if (after_point) ++decimals;
            if (significant > 15 || decimals > 22) return false;
        }
        const double x = static_cast<double>(m) / kPow10[decimals];
        out = negative ? -x : x;
        return true;
    }

    // Whether Python's repr() of a short_decimal writes exactly its text: no trailing zero after
    // the point (its digits, at most 15 significant, are then the shortest that read back: two
    // decimals of at most 15 digits never read back as the same double) and at least 1e-4 (below
    // that repr() switches to an exponent).
    static bool canonical_as_written(const char* s, const char* e) {
        if (e[-1] == '0') return false;
        if (*s == '-') ++s;
        if (*s == '0' && e - s >= 6 && s[2] == '0' && s[3] == '0' && s[4] == '0' && s[5] == '0') return false;
        return true;
    }

    bool literal(const char* word, std::size_t length) {
        if (static_cast<std::size_t>(end - p) < length || std::memcmp(p, word, length) != 0) return false;
        p += length;
        return true;
    }

    // A string's canonical text: the input's bytes when it had no escapes (then it holds no
    // control character, '"' or '\\', so nothing needs escaping), else the decoded text escaped.
    void emit_string(std::string_view text, bool escaped) {
        if (!escaped) {
            if (static_cast<std::size_t>(put_end - put_at) < text.size() + 2) grow(text.size() + 2);
            *put_at++ = '"';
            std::memcpy(put_at, text.data(), text.size());
            put_at += text.size();
            *put_at++ = '"';
        } else {
            put_with([&](std::string& canonical) { append_canonical_string(text, canonical); });
        }
    }

    // Strictly increasing keys, compared as std::string compares them (bytes as unsigned char).
    static bool key_before(std::string_view a, std::string_view b) { return key_less(a, b); }

    // After a member or an element: a ',' (more follow) or the container's `close`; else malformed.
    bool after_item(char close, bool& more) {
        skip_space();
        if (p >= end) return false;
        more = *p == ',';
        if (!more && *p != close) return false;
        ++p;
        return true;
    }

    // The value at p into a new node; writes its canonical text when `emit`.
    bool value(int depth, std::string_view key, bool emit) {
        if (p >= end) return false;
        const std::uint32_t index = static_cast<std::uint32_t>(doc.nodes.size());
        doc.nodes.emplace_back();
        doc.nodes[index].key = key;
        switch (*p) {
        case '{': {
            if (depth >= kMaxFastDepth) return false;
            ++p;
            doc.nodes[index].kind = Kind::Object;
            if (emit) put('{');
            std::uint32_t count = 0;
            bool written = false;
            std::string_view previous;
            skip_space();
            if (p < end && *p == '}') {
                ++p;
            } else {
                while (true) {
                    skip_space();
                    if (p >= end || *p != '"') return false;
                    std::string_view name;
                    bool escaped = false;
                    if (!string(name, escaped)) return false;
                    if (count > 0 && !key_before(previous, name)) return false;
                    previous = name;
                    skip_space();
                    if (p >= end || *p != ':') return false;
                    ++p;
                    skip_space();
                    const bool emit_member = emit && !(depth == 0 && skip_member && name == skip_member);
                    if (emit_member) {
                        if (written) put(',');
                        written = true;
                        emit_string(name, escaped);
                        put(':');
                    }
                    if (!value(depth + 1, name, emit_member)) return false;
                    ++count;
                    bool more = false;
                    if (!after_item('}', more)) return false;
                    if (!more) break;
                }
            }
            if (emit) put('}');
            doc.nodes[index].count = count;
            break;
        }
        case '[': {
            if (depth >= kMaxFastDepth) return false;
            ++p;
            doc.nodes[index].kind = Kind::Array;
            if (emit) put('[');
            std::uint32_t count = 0;
            skip_space();
            if (p < end && *p == ']') {
                ++p;
            } else {
                while (true) {
                    skip_space();
                    if (emit && count > 0) put(',');
                    if (!value(depth + 1, std::string_view(), emit)) return false;
                    ++count;
                    bool more = false;
                    if (!after_item(']', more)) return false;
                    if (!more) break;
                }
            }
            if (emit) put(']');
            doc.nodes[index].count = count;
            break;
        }
        case '"': {
            std::string_view text;
            bool escaped = false;
            if (!string(text, escaped)) return false;
            doc.nodes[index].kind = Kind::String;
            doc.nodes[index].text = text;
            if (emit) emit_string(text, escaped);
            break;
        }
        case 't':
            if (!literal("true", 4)) return false;
            doc.nodes[index].kind = Kind::True;
            if (emit) put("true", 4);
            break;
        case 'f':
            if (!literal("false", 5)) return false;
            doc.nodes[index].kind = Kind::False;
            if (emit) put("false", 5);
            break;
        case 'n':
            if (!literal("null", 4)) return false;
            doc.nodes[index].kind = Kind::Null;
            if (emit) put("null", 4);
            break;
        default: {
            FastNode scratch;
            if (!number(scratch, emit)) return false;
            doc.nodes[index].kind = scratch.kind;
            doc.nodes[index].number = scratch.number;
            doc.nodes[index].integer = scratch.integer;
        }
        }
        doc.nodes[index].end = static_cast<std::uint32_t>(doc.nodes.size());
        return true;
    }
};

} // namespace

const FastNode* FastDocument::member(std::uint32_t index, std::string_view key) const {
    const FastNode& object = nodes[index];
    if (object.kind != FastNode::Kind::Object) return nullptr;
    for (std::uint32_t i = index + 1; i < object.end; i = nodes[i].end)
        if (same_key(nodes[i].key, key)) return &nodes[i];
    return nullptr;
}

bool parse_fast_json(std::string_view bytes, FastDocument& doc, const char* skip_member, std::size_t max_bytes) {
    doc.nodes.clear();
    doc.decoded.clear();
    if (bytes.empty() || bytes.size() > max_bytes) return false;
    doc.decoded.reserve(bytes.size());
    doc.nodes.reserve(bytes.size() / 8 + 16); // a pretty-printed result file has a node per 15-20 bytes
    Parser parser{bytes.data(), bytes.data() + bytes.size(), doc, skip_member};
    parser.start_output(bytes.size() + 64); // the canonical text is the file less its spaces, as a rule
    parser.skip_space();
    const bool ok = parser.value(0, std::string_view(), true);
    parser.finish_output();
    if (!ok) return false;
    parser.skip_space();
    return parser.p == parser.end;
}

nlohmann::json fast_to_json(const FastDocument& doc, std::uint32_t index) {
    const FastNode& node = doc.nodes[index];
    switch (node.kind) {
    case Kind::Null: return nullptr;
    case Kind::False: return false;
    case Kind::True: return true;
    case Kind::Integer:
        if (node.integer >= 0) return static_cast<std::uint64_t>(node.integer);
        return node.integer;
    case Kind::Float: return node.number;
    case Kind::String: return std::string(node.text);
    case Kind::Array: {
        nlohmann::json out = nlohmann::json::array();
        for (std::uint32_t i = index + 1; i < node.end; i = doc.nodes[i].end) out.push_back(fast_to_json(doc, i));
        return out;
    }
    case Kind::Object: {
        nlohmann::json out = nlohmann::json::object();
        for (std::uint32_t i = index + 1; i < node.end; i = doc.nodes[i].end) out[std::string(doc.nodes[i].key)] = fast_to_json(doc, i);
        return out;
    }
    }
    return nullptr;
}

} // namespace mf
