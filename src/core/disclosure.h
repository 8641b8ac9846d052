// disclosure.h - statistical disclosure control: which counts and figures may be published.
//
// Index
//   - Disclosure, kDefaultMinGroup   a cell's fate: published, a small group ("under k"), hidden
//   - SuppressionTable               counts linked by lines "total = sum of parts"; solve() decides
//                                    primary and secondary suppression for one threshold k
//
// The rules (docs/aggregation.md section 5 has a worked example), after Danmarks Statistik's
// discretion practice:
//   - Primary: a count of 1 to k-1 organisations is a small group. It is shown only as a band
//     ("under 5"), and nothing computed from it is published.
//   - Secondary: no hidden count may be worked out from the published ones. Tables that split the
//     same population are linked by lines (all = sum of the sectors, a sector = sum of its size
//     bands, a group = sum of its levels, ...). Someone who knows the rules knows that a small
//     group holds 1 to k-1 organisations and that a cell hidden for another's sake holds at least k.
//     solve() hides the next smallest sibling until no hidden count with organisations in it can
//     be pinned down, neither by linear algebra over all lines (subtraction, also across several
//     tables) nor by those bounds; and, on lines whose figures add up (sums of scores), until the
//     hidden parts together hold 0 or at least k organisations, so their combined mean, which can be
//     worked out from the total, is itself a group of k or more.
//   - A count of 0 is published (it says nothing about anyone). Cells that are never shown (the
//     figures of a hidden group) are `Withheld`: nothing is known about them.
// One implementation for every output that can leave the municipality's computer (summary files,
// barometer, benchmark, the overview), deterministic (same counts, same decisions), no floating
// point in the decisions that depends on the platform beyond exact small-integer elimination.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace mf {

inline constexpr std::size_t kDefaultMinGroup = 5;  // k: groups of fewer organisations are not shown
inline constexpr std::size_t kSmallestMinGroup = 3; // --min-group never goes below this

enum class Disclosure : unsigned char {
    Published, // the count is shown, and figures computed from it may be
    Small,     // primary: 1 to k-1; shown as "under k", no figure
    Secondary, // hidden so that a small group cannot be worked out; holds at least k (or is a total)
    Withheld,  // not shown at all (part of a hidden group's figures); nothing is known about it
};
const char* disclosure_name(Disclosure d); // "published", "small", "secondary", "withheld"

class SuppressionTable {
public:
    // A cell holding `count` organisations; returns its index.
    std::size_t add_cell(std::size_t count);
    // total = sum of parts. `carries_sums`: the cells' figures are sums that add up the same way
    // (mean x n of a score), so the hidden parts' combined figure can be worked out from the total.
    void add_line(std::size_t total, std::vector<std::size_t> parts, bool carries_sums = false);
    // The cell's fate was decided elsewhere (e.g. a group's count, decided in the groups table, when
    // solving the table of its levels); solve() keeps it and never picks it.
    void fix(std::size_t cell, Disclosure status);
    // Never shown, whatever its count (e.g. the level counts of a hidden group).
    void withhold(std::size_t cell);

    std::size_t size() const { return counts_.size(); }
    std::size_t count(std::size_t cell) const { return counts_[cell]; }

    // Primary and secondary suppression for threshold k (>= 1). `unresolved` (optional) receives
    // the cells that could still be worked out because only fixed cells were left to hide; empty
    // in every table this project builds (the tests check it).
    std::vector<Disclosure> solve(std::size_t k, std::vector<std::size_t>* unresolved = nullptr) const;

    struct Line {
        std::size_t total;
        std::vector<std::size_t> parts;
        bool carries_sums;
    };
    const std::vector<Line>& lines() const { return lines_; }

private:
    std::vector<std::size_t> counts_;
    std::vector<Line> lines_;
    std::vector<bool> fixed_, withheld_;
    std::vector<Disclosure> fixed_status_;
};

} // namespace mf
