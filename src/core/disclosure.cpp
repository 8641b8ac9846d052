// disclosure.cpp - see disclosure.h; docs/aggregation.md section 5 explains the rules.
//
// Index
//   - observer_bounds, tighten   what someone who knows the rules can say about each count: exact
//                                when published, 1..k-1 when small, k or more when hidden for another
//                                cell's sake, nothing when withheld; then narrowed line by line
//   - linearly_determined        Gauss-Jordan over the hidden cells of all lines: a hidden cell whose
//                                row reduces to itself alone is fixed by subtraction
//   - SuppressionTable::solve    primary suppression, then secondary until nothing can be worked out
#include "core/disclosure.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

namespace mf {

const char* disclosure_name(Disclosure d) {
    switch (d) {
    case Disclosure::Published: return "published";
    case Disclosure::Small: return "small";
    case Disclosure::Secondary: return "secondary";
    case Disclosure::Withheld: return "withheld";
    }
    return "withheld";
}

std::size_t SuppressionTable::add_cell(std::size_t count) {
    counts_.push_back(count);
    fixed_.push_back(false);
    withheld_.push_back(false);
    fixed_status_.push_back(Disclosure::Published);
    return counts_.size() - 1;
}

void SuppressionTable::add_line(std::size_t total, std::vector<std::size_t> parts, bool carries_sums) {
    lines_.push_back(Line{total, std::move(parts), carries_sums});
}

void SuppressionTable::fix(std::size_t cell, Disclosure status) {
    fixed_[cell] = true;
    fixed_status_[cell] = status;
}

void SuppressionTable::withhold(std::size_t cell) { withheld_[cell] = true; }

namespace {

struct Bounds {
    long long lo = 0, hi = 0;
};

// What an observer who knows the rules can say about each cell before combining lines.
// "k or more" and "anything" are bounded by kUnbounded: no observer knows more than that.
constexpr long long kUnbounded = 1LL << 40;

std::vector<Bounds> observer_bounds(const std::vector<std::size_t>& counts, const std::vector<Disclosure>& status, std::size_t k) {
    std::vector<Bounds> b(counts.size());
    const long long small_max = static_cast<long long>(k) - 1;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        switch (status[i]) {
        case Disclosure::Published: b[i] = {static_cast<long long>(counts[i]), static_cast<long long>(counts[i])}; break;
        case Disclosure::Small: b[i] = {1, small_max}; break;
        case Disclosure::Secondary: b[i] = {static_cast<long long>(k), kUnbounded}; break;
        case Disclosure::Withheld: b[i] = {0, kUnbounded}; break;
        }
    }
    return b;
}

// Narrows the bounds with every line (total = sum of parts) until nothing changes.
void tighten(const std::vector<SuppressionTable::Line>& lines, std::vector<Bounds>& b) {
    for (int pass = 0; pass < 200; ++pass) {
        bool changed = false;
        auto narrow = [&](Bounds& x, long long lo, long long hi) {
            if (lo > x.lo) { x.lo = lo; changed = true; }
            if (hi < x.hi) { x.hi = hi; changed = true; }
        };
        for (const SuppressionTable::Line& line : lines) {
            long long sum_lo = 0, sum_hi = 0;
            for (std::size_t p : line.parts) {
                sum_lo += b[p].lo;
                sum_hi += b[p].hi;
            }
            narrow(b[line.total], sum_lo, sum_hi);
            const Bounds total = b[line.total];
            for (std::size_t p : line.parts) {
                const Bounds x = b[p];
                narrow(b[p], total.lo - (sum_hi - x.hi), total.hi - (sum_lo - x.lo));
            }
        }
        if (!changed) return;
    }
}

// The hidden cells whose value follows from the lines alone (published cells are constants).
// Every coefficient is +1, -1 or 0 and tables are small, so Gauss-Jordan in doubles is exact enough:
// entries stay small rationals, compared with a tolerance far above rounding error.
std::vector<bool> linearly_determined(const std::vector<SuppressionTable::Line>& lines, const std::vector<Disclosure>& status) {
    const std::size_t cells = status.size();
    std::vector<std::size_t> column(cells, SIZE_MAX), unknown;
    for (std::size_t i = 0; i < cells; ++i)
        if (status[i] != Disclosure::Published) {
            column[i] = unknown.size();
            unknown.push_back(i);
        }
    std::vector<bool> determined(cells, false);
    if (unknown.empty()) return determined;
    std::vector<std::vector<double>> m;
    for (const SuppressionTable::Line& line : lines) {
        std::vector<double> row(unknown.size(), 0.0);
        bool any = false;
        if (column[line.total] != SIZE_MAX) {
            row[column[line.total]] += 1.0;
            any = true;
        }
        for (std::size_t p : line.parts)
            if (column[p] != SIZE_MAX) {
                row[column[p]] -= 1.0;
                any = true;
            }
        if (any) m.push_back(std::move(row));
    }
    constexpr double kEps = 1e-9;
    std::vector<std::size_t> pivot_col;
    std::size_t r = 0;
    for (std::size_t c = 0; c < unknown.size() && r < m.size(); ++c) {
        std::size_t best = r;
        for (std::size_t i = r + 1; i < m.size(); ++i)
            if (std::fabs(m[i][c]) > std::fabs(m[best][c])) best = i;
        if (std::fabs(m[best][c]) < kEps) continue;
        std::swap(m[r], m[best]);
        // Raw rows in the loops: the same arithmetic, but an unoptimised (sanitizer) build no longer
        // spends its time in vector::operator[] calls (the property test took minutes there).
        double* pivot_row = m[r].data();
        const std::size_t width = unknown.size();
        const double pivot = pivot_row[c];
        for (std::size_t j = 0; j < width; ++j) pivot_row[j] /= pivot;
        for (std::size_t i = 0; i < m.size(); ++i) {
            double* row = m[i].data();
            if (i == r || std::fabs(row[c]) < kEps) continue;
            const double f = row[c];
            for (std::size_t j = 0; j < width; ++j) row[j] -= f * pivot_row[j];
        }
        pivot_col.push_back(c);
        ++r;
    }
    for (std::size_t i = 0; i < pivot_col.size(); ++i) {
        bool alone = true;
        for (std::size_t j = 0; j < unknown.size() && alone; ++j)
            if (j != pivot_col[i] && std::fabs(m[i][j]) > kEps) alone = false;
        if (alone) determined[unknown[pivot_col[i]]] = true;
    }
    return determined;
}

} // namespace

std::vector<Disclosure> SuppressionTable::solve(std::size_t k, std::vector<std::size_t>* unresolved) const {
    const std::size_t cells = counts_.size();
    std::vector<Disclosure> status(cells, Disclosure::Published);
    for (std::size_t i = 0; i < cells; ++i) {
        if (fixed_[i]) status[i] = fixed_status_[i];
        else if (withheld_[i]) status[i] = Disclosure::Withheld;
        else if (counts_[i] > 0 && counts_[i] < k) status[i] = Disclosure::Small;
    }
    std::vector<std::vector<std::size_t>> lines_of(cells);
    for (std::size_t li = 0; li < lines_.size(); ++li) {
        lines_of[lines_[li].total].push_back(li);
        for (std::size_t p : lines_[li].parts) lines_of[p].push_back(li);
    }
    if (unresolved) unresolved->clear();

    // A problem: a hidden cell that can be worked out (cell), or a line with sums whose hidden
    // parts hold 1..k-1 organisations (line).
    struct Problem {
        std::size_t cell = SIZE_MAX, line = SIZE_MAX;
    };
    auto problems_in = [&](const std::vector<Disclosure>& st) {
        std::vector<Problem> out;
        for (std::size_t li = 0; li < lines_.size(); ++li) {
            const Line& line = lines_[li];
            if (!line.carries_sums || st[line.total] != Disclosure::Published) continue;
            std::size_t hidden = 0;
            for (std::size_t p : line.parts)
                if (st[p] != Disclosure::Published) hidden += counts_[p];
            if (hidden > 0 && hidden < k) out.push_back(Problem{SIZE_MAX, li});
        }
        const std::vector<bool> determined = linearly_determined(lines_, st);
        std::vector<Bounds> bounds = observer_bounds(counts_, st, k);
        tighten(lines_, bounds);
        for (std::size_t i = 0; i < cells; ++i)
            if (st[i] != Disclosure::Published && counts_[i] > 0 && (determined[i] || bounds[i].lo == bounds[i].hi)) out.push_back(Problem{i, SIZE_MAX});
        return out;
    };
    auto same_problem = [](const Problem& a, const Problem& b) { return a.cell == b.cell && a.line == b.line; };
    // Whether problems_in(st) would list `problem`, by its own test only: a line's sums need neither
    // the bounds nor the elimination, and a cell pinned by its bounds needs no elimination. (Each
    // trial of a remedy asks this: the full list for every trial was a tenth of mf-aggregate's time.)
    auto still_a_problem = [&](const Problem& problem, const std::vector<Disclosure>& st) {
        if (problem.line != SIZE_MAX) {
            const Line& line = lines_[problem.line];
            if (!line.carries_sums || st[line.total] != Disclosure::Published) return false;
            std::size_t hidden = 0;
            for (std::size_t p : line.parts)
                if (st[p] != Disclosure::Published) hidden += counts_[p];
            return hidden > 0 && hidden < k;
        }
        const std::size_t i = problem.cell;
        if (st[i] == Disclosure::Published || counts_[i] == 0) return false;
        std::vector<Bounds> bounds = observer_bounds(counts_, st, k);
        tighten(lines_, bounds);
        return bounds[i].lo == bounds[i].hi || linearly_determined(lines_, st)[i];
    };

    // What may be hidden for a problem, near the problem before far from it: the lines of the
    // cell (ring 1), then the lines that share a cell with those (ring 2), and so on.
    //   hide:     a published part with organisations in it, in rings 1 and 2, the smallest first
    //             ("skjult": the next smallest sibling);
    //   withhold: every part of a line ("–", zeros and small groups too, so that "–" says nothing):
    //             for breakdowns so thin that even their bands give them away;
    //   total:    hide a line's total.
    // Fixed cells are never picked.
    struct Remedy {
        enum Kind { Hide, Withhold, Total } kind = Hide;
        std::size_t ring = 0;
        std::size_t cell = SIZE_MAX; // Hide, Total
        std::size_t line = SIZE_MAX; // Withhold
    };
    auto options_for = [&](const Problem& problem, const std::vector<Disclosure>& st) {
        std::vector<std::vector<std::size_t>> rings;
        std::vector<bool> seen(lines_.size(), false);
        std::vector<std::size_t> ring = problem.cell != SIZE_MAX ? lines_of[problem.cell] : std::vector<std::size_t>{problem.line};
        for (std::size_t li : ring) seen[li] = true;
        while (!ring.empty()) {
            rings.push_back(ring);
            std::vector<std::size_t> next;
            for (std::size_t li : ring) {
                std::vector<std::size_t> members = lines_[li].parts;
                members.push_back(lines_[li].total);
                for (std::size_t cell : members)
                    for (std::size_t other : lines_of[cell])
                        if (!seen[other]) {
                            seen[other] = true;
                            next.push_back(other);
                        }
            }
            ring = std::move(next);
        }
        std::vector<Remedy> out;
        std::vector<bool> listed(cells, false);
        for (std::size_t r = 0; r < rings.size(); ++r) {
            std::vector<std::size_t> found;
            for (std::size_t li : rings[r])
                for (std::size_t p : lines_[li].parts)
                    if (!fixed_[p] && st[p] == Disclosure::Published && counts_[p] > 0 && !listed[p]) {
                        listed[p] = true;
                        found.push_back(p);
                    }
            std::sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) { return counts_[a] != counts_[b] ? counts_[a] < counts_[b] : a < b; });
            for (std::size_t p : found) out.push_back(Remedy{Remedy::Hide, r, p, SIZE_MAX});
            for (std::size_t li : rings[r])
                for (std::size_t p : lines_[li].parts)
                    if (!fixed_[p] && st[p] != Disclosure::Withheld) {
                        out.push_back(Remedy{Remedy::Withhold, r, SIZE_MAX, li});
                        break;
                    }
            for (std::size_t li : rings[r]) {
                const std::size_t total = lines_[li].total;
                if (!fixed_[total] && st[total] == Disclosure::Published && !listed[total]) {
                    listed[total] = true;
                    out.push_back(Remedy{Remedy::Total, r, total, SIZE_MAX});
                }
            }
        }
        return out;
    };
    auto apply = [&](const Remedy& option, std::vector<Disclosure>& st) {
        if (option.kind != Remedy::Withhold) {
            st[option.cell] = Disclosure::Secondary;
            return;
        }
        for (std::size_t p : lines_[option.line].parts)
            if (!fixed_[p]) st[p] = Disclosure::Withheld;
    };

    // One change per pass until nothing can be worked out, for the first problem left:
    //   1. the first "hide" in rings 1-2 after which the problem is gone;
    //   2. else the first "withhold" in ring 1 after which it is gone;
    //   3. else, when there is a "hide" in rings 1-2, the one with the smallest count (it may take
    //      two or three, as when a small group's sibling is also shown in another table);
    //   4. else the first of the others (withhold further out, totals) after which the problem is
    //      gone, or the first of them.
    // Trying an option means running the checks again: at most kLookahead tries per step.
    constexpr std::size_t kLookahead = 6;
    for (std::size_t pass = 0; pass <= 2 * cells + 2; ++pass) {
        const std::vector<Problem> problems = problems_in(status);
        if (problems.empty()) return status;
        // Several problems per pass, as long as they are apart: a problem whose lines a change of
        // this pass touched, or that a change has solved, waits for the next pass.
        std::vector<Problem> current = problems;
        std::vector<bool> touched(lines_.size(), false);
        bool changed = false;
        for (const Problem& problem : problems) {
            if (changed) {
                const std::vector<std::size_t>& own = problem.cell != SIZE_MAX ? lines_of[problem.cell] : std::vector<std::size_t>{problem.line};
                if (std::any_of(own.begin(), own.end(), [&](std::size_t li) { return touched[li]; })) continue;
                if (std::none_of(current.begin(), current.end(), [&](const Problem& p) { return same_problem(p, problem); })) continue;
            }
            const std::vector<Remedy> options = options_for(problem, status);
            if (options.empty()) continue;
            auto solves = [&](const Remedy& option) {
                std::vector<Disclosure> trial = status;
                apply(option, trial);
                return !still_a_problem(problem, trial);
            };
            auto first_that_solves = [&](auto&& wanted) -> const Remedy* {
                std::size_t tried = 0;
                for (const Remedy& o : options)
                    if (wanted(o) && tried++ < kLookahead && solves(o)) return &o;
                return nullptr;
            };
            auto near_hide = [](const Remedy& o) { return o.kind == Remedy::Hide && o.ring < 2; };
            const Remedy* choice = first_that_solves(near_hide);
            if (!choice) choice = first_that_solves([](const Remedy& o) { return o.kind == Remedy::Withhold && o.ring == 0; });
            if (!choice)
                for (const Remedy& o : options)
                    if (near_hide(o) && (!choice || counts_[o.cell] < counts_[choice->cell])) choice = &o;
            if (!choice) choice = first_that_solves([&](const Remedy& o) { return !near_hide(o); });
            if (!choice) choice = &options.front();
            const std::vector<Disclosure> before = status;
            apply(*choice, status);
            for (std::size_t i = 0; i < cells; ++i)
                if (status[i] != before[i])
                    for (std::size_t li : lines_of[i]) touched[li] = true;
            changed = true;
            current = problems_in(status);
            if (current.empty()) return status;
        }
        if (!changed) {
            if (unresolved)
                for (const Problem& problem : problems) unresolved->push_back(problem.cell != SIZE_MAX ? problem.cell : lines_[problem.line].total);
            return status;
        }
    }
    return status;
}

} // namespace mf
