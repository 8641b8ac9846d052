// The disclosure engine (core/disclosure.h) on small tables worked out by hand: primary suppression,
// the next smallest sibling, bounds that pin a small group, whole breakdowns withheld, the combined
// size of hidden parts on lines whose figures add up, fixed and withheld cells.
#include "core/disclosure.h"

#include <gtest/gtest.h>

namespace {

using mf::Disclosure;
using mf::SuppressionTable;

// all = sum of parts, one line; returns the statuses of {all, parts...}.
std::vector<Disclosure> one_line(std::size_t all, const std::vector<std::size_t>& parts, bool sums = false, std::size_t k = 5,
                                 std::vector<std::size_t>* unresolved = nullptr) {
    SuppressionTable t;
    const std::size_t total = t.add_cell(all);
    std::vector<std::size_t> cells;
    for (std::size_t p : parts) cells.push_back(t.add_cell(p));
    t.add_line(total, cells, sums);
    return t.solve(k, unresolved);
}

constexpr Disclosure P = Disclosure::Published, S = Disclosure::Small, H = Disclosure::Secondary, W = Disclosure::Withheld;

} // namespace

TEST(Disclosure, GroupsOfOneToKMinusOneAreSmallZeroAndKOrMoreArePublished) {
    // 10 = 5 + 5 + 0: nothing small, nothing hidden.
    EXPECT_EQ(one_line(10, {5, 5, 0}), (std::vector<Disclosure>{P, P, P, P}));
    // With k = 3 a group of 3 is shown, with k = 5 it is not.
    SuppressionTable t;
    t.add_cell(3);
    EXPECT_EQ(t.solve(3), (std::vector<Disclosure>{P}));
    EXPECT_EQ(t.solve(5), (std::vector<Disclosure>{S}));
    EXPECT_EQ(t.solve(4), (std::vector<Disclosure>{S}));
}

TEST(Disclosure, TheNextSmallestSiblingIsHiddenSoTheSmallGroupCannotBeSubtracted) {
    // 20 = 3 + 7 + 10. Shown alone, "3" would be 20 - 7 - 10. Hiding 7 (the next smallest) leaves
    // 3 + 7 = 10 with the 3 in 1..4 and the 7 at least 5: the 3 is anything from 1 to 4.
    EXPECT_EQ(one_line(20, {3, 7, 10}), (std::vector<Disclosure>{P, S, H, P}));
    // Two small groups protect each other when their sum leaves room: 20 = 2 + 3 + 15 (2 + 3 = 5:
    // (1,4), (2,3), (3,2), (4,1)).
    EXPECT_EQ(one_line(20, {2, 3, 15}), (std::vector<Disclosure>{P, S, S, P}));
}

TEST(Disclosure, BandsThatPinAGroupHideMore) {
    // 20 = 1 + 1 + 18: two small groups, 1 + 1 = 2 can only be (1, 1). The 18 is hidden; then
    // 1 + 1 + h = 20 with h >= 5 leaves each small one 1..4 again.
    EXPECT_EQ(one_line(20, {1, 1, 18}), (std::vector<Disclosure>{P, S, S, H}));
    // 8 = 4 + 4: each is at most 4, so both are 4. Nothing published is left to hide: the whole
    // breakdown is withheld ("–", zeros included), so nothing is known about its parts.
    EXPECT_EQ(one_line(8, {4, 4, 0}), (std::vector<Disclosure>{P, W, W, W}));
}

TEST(Disclosure, HiddenPartsOfALineWithSumsHoldAtLeastK) {
    // 30 = 2 + 2 + 26: the two small groups protect each other's count, but their combined mean
    // would follow from the total's and the 26's (4 organisations). With sums on the line the 26
    // is hidden too; without, it stays.
    EXPECT_EQ(one_line(30, {2, 2, 26}, false), (std::vector<Disclosure>{P, S, S, P}));
    EXPECT_EQ(one_line(30, {2, 2, 26}, true), (std::vector<Disclosure>{P, S, S, H}));
    // 30 = 3 + 2 + 25 with sums: hidden parts hold 5 organisations: enough.
    EXPECT_EQ(one_line(30, {3, 2, 25}, true), (std::vector<Disclosure>{P, S, S, P}));
}

TEST(Disclosure, SubtractionAcrossTwoTablesIsCaught) {
    // Two breakdowns of the same 20: A = 3 + 17 (by sector), B: 17 = 10 + 7 (the 17 by size).
    // The 3 is small; hiding the 17 (its only sibling) leaves it computable from the other table
    // (17 = 10 + 7 published), so one of the 17's parts must go too.
    SuppressionTable t;
    const std::size_t all = t.add_cell(20), small = t.add_cell(3), big = t.add_cell(17), b1 = t.add_cell(10), b2 = t.add_cell(7);
    t.add_line(all, {small, big});
    t.add_line(big, {b1, b2});
    std::vector<std::size_t> unresolved;
    const std::vector<Disclosure> s = t.solve(5, &unresolved);
    EXPECT_TRUE(unresolved.empty());
    EXPECT_EQ(s[small], S);
    EXPECT_EQ(s[big], H);
    EXPECT_TRUE(s[b1] != P || s[b2] != P) << "17 = 10 + 7 would give the 17 and then the 3 away";
}

TEST(Disclosure, FixedCellsAreKeptAndNeverPicked) {
    // The 17 was decided elsewhere (published): it cannot be hidden here, so the 3 can always be
    // worked out as 20 - 17; solve() says so instead of pretending.
    SuppressionTable t;
    const std::size_t all = t.add_cell(20), small = t.add_cell(3), big = t.add_cell(17);
    t.fix(all, P);
    t.fix(big, P);
    t.add_line(all, {small, big});
    std::vector<std::size_t> unresolved;
    const std::vector<Disclosure> s = t.solve(5, &unresolved);
    EXPECT_EQ(s[big], P);
    EXPECT_EQ(unresolved, (std::vector<std::size_t>{small}));
}

TEST(Disclosure, WithheldCellsStayWithheldWhateverTheirCount) {
    // The levels of a hidden group: never shown, whatever they hold; the lines still count them.
    SuppressionTable t;
    const std::size_t n = t.add_cell(12), l1 = t.add_cell(2), l2 = t.add_cell(10);
    t.fix(n, H);
    t.withhold(l1);
    t.withhold(l2);
    t.add_line(n, {l1, l2});
    EXPECT_EQ(t.solve(5), (std::vector<Disclosure>{H, W, W}));
}

TEST(Disclosure, NamesOfTheStatuses) {
    EXPECT_STREQ(mf::disclosure_name(P), "published");
    EXPECT_STREQ(mf::disclosure_name(S), "small");
    EXPECT_STREQ(mf::disclosure_name(H), "secondary");
    EXPECT_STREQ(mf::disclosure_name(W), "withheld");
}
