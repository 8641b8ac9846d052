// json_fast.h - a strict, allocation-light JSON reader for the common, well-formed file.
//
// The per-file check of many result files (aggregate.h) spends most of its time building
// nlohmann's document (a std::map node per member, a heap string per value). This reader builds a
// flat array of nodes whose strings point into the input, and writes the canonical text of the
// checksum (json_canonical.h) in the same pass. It never reports anything: it accepts only what the
// import gate (json_input.h) surely accepts with the same meaning, and gives up on anything else,
// after which the caller takes the full, diagnosing path. It gives up on:
//   - empty input, more than `max_bytes`, a byte order mark, anything that is not strict JSON,
//   - invalid UTF-8 (also in escapes: lone surrogates), control characters in strings,
//   - object keys that are not strictly increasing in byte order: a duplicate key, or a file not
//     written with sorted keys (every file the app exports has them sorted, as nlohmann sorts),
//   - integers of more than 18 digits, floats that overflow or underflow,
//   - nesting deeper than kMaxFastDepth.
// With keys in order the canonical text is the members in input order, so it needs no sorting.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace mf {

inline constexpr int kMaxFastDepth = 32;

struct FastNode {
    enum class Kind : std::uint8_t { Null, False, True, Integer, Float, String, Array, Object };
    Kind kind = Kind::Null;
    std::uint32_t end = 0;   // index one past this node's subtree (its next sibling)
    std::uint32_t count = 0; // members of an object, elements of an array
    std::string_view key;    // the member's name, when the node is a member of an object
    std::string_view text;   // a string's decoded text
    double number = 0;       // Integer and Float (an integer converted as nlohmann's get<double>)
    std::int64_t integer = 0;

    bool is_number() const { return kind == Kind::Integer || kind == Kind::Float; }
};

class AnswerTable;

// Whether two keys are equal, compared here: keys are short, and std::string_view's == called
// memcmp for each member looked at (a library call each, natively a tenth of mf-aggregate's time).
inline bool same_key(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// a < b as std::string compares them (bytes as unsigned char), compared here likewise.
inline bool key_less(std::string_view a, std::string_view b) {
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    return a.size() < b.size();
}

struct FastDocument {
    std::vector<FastNode> nodes; // preorder; a container's children follow it, node i's next sibling is nodes[i].end
    std::string decoded;         // strings that had escapes, decoded (reserved up front: views stay valid)
    std::string canonical;       // the canonical text, without the skipped top-level member
    // Kept here by import_result_fast (result.h) between files: the questionnaire's answer table
    // (answer_table.h), made again when a file is checked against another questionnaire.
    std::shared_ptr<const AnswerTable> answer_table;

    // The first child of container `index`, and the member `key` of object `index` (nullptr when absent).
    std::uint32_t first_child(std::uint32_t index) const { return index + 1; }
    const FastNode* member(std::uint32_t index, std::string_view key) const;
};

// Parses `bytes` into `doc` (its buffers are reused between calls). False when the reader gives up
// (the list above); `doc` is then unspecified. `skip_member`: a top-level member left out of the
// canonical text (the checksum), or nullptr.
bool parse_fast_json(std::string_view bytes, FastDocument& doc, const char* skip_member, std::size_t max_bytes);

// The subtree at `index` as the nlohmann document json_input.h's gate would have made of the same
// text (non-negative integers unsigned, as nlohmann parses them).
nlohmann::json fast_to_json(const FastDocument& doc, std::uint32_t index);

} // namespace mf
