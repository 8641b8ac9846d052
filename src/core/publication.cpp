// publication.cpp - see publication.h; docs/aggregation.md sections 4-6 define the figures.
//
// Index
//   - assessment_year, scored_questions
//   - rows_by_year           each CVR's newest file within each year; only rows with an overall score
//   - YearBuilder            one year: the groups table (all, sectors, sizes, sector x size) first, then
//                            per part the levels, per question the answers, each its own
//                            SuppressionTable with the group counts fixed as the groups table decided
//   - YearBuilder::add_goals the goal follow-up, all themes together
//   - change_figures         the organisations present in both years, the same way
//   - publish, Publishing (the same a part at a time), publication_year_problem
#include "core/publication.h"

#include "core/scoring.h"
#include "core/texts.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>
#include <set>
#include <utility>

namespace mf {

int assessment_year(const OrganisationRow& row) {
    if (row.updated.size() < 4) return 0;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const char c = row.updated[i];
        if (c < '0' || c > '9') return 0;
        year = year * 10 + (c - '0');
    }
    return year;
}

std::vector<const Question*> scored_questions(const Questionnaire& q) {
    std::vector<const Question*> out;
    for (const Theme& theme : q.themes)
        for (const Question& question : theme.questions)
            if (question.scored()) out.push_back(&question);
    return out;
}

std::string group_title(const Questionnaire& q, const std::string& dimension, const std::string& group, const std::string& lang) {
    const Texts t(lang);
    if (dimension == "all") return t("aggregate.all_organisations");
    if (group == kUnknownGroup) return t("aggregate.not_stated");
    if (dimension == "sector")
        if (const Question* sector = q.profile_field("sector"))
            if (const Option* o = sector->option(group)) return o->text.in(lang);
    if (dimension == "size") {
        const Question* employees = q.profile_field("employees");
        const std::string unit = employees ? employees->unit.in(lang) : std::string();
        return unit.empty() ? group : group + " " + unit;
    }
    return group;
}

std::string part_title(const Questionnaire& q, PartKind kind, const std::string& id, const std::string& lang) {
    if (kind == PartKind::Principle)
        if (const Principle* p = q.principle(id)) return p->title.in(lang);
    if (kind == PartKind::Theme)
        for (const Theme& theme : q.themes)
            if (theme.id == id) return theme.title.in(lang);
    return std::string();
}

std::string answer_title(const Question& question, const std::string& answer, const std::string& lang) {
    if (question.type == QuestionType::YesNo) {
        const Texts t(lang);
        if (answer == kYes) return t("aggregate.answer_yes");
        if (answer == kNo) return t("aggregate.answer_no");
        if (answer == kDontKnow) return t("aggregate.answer_dont_know");
    }
    if (const Option* o = question.option(answer)) return o->text.in(lang);
    return answer;
}

std::string count_text(const CountFigure& c, std::size_t min_group, const std::string& language) {
    const Texts t(language);
    switch (c.status) {
    case Disclosure::Published: return std::to_string(c.count);
    case Disclosure::Small: return t("aggregate.under", {{"k", std::to_string(min_group)}});
    case Disclosure::Secondary: return t("aggregate.hidden");
    case Disclosure::Withheld: return std::string();
    }
    return std::string();
}

namespace {

// The index of the lowest set bit of `bits` (not 0).
std::size_t lowest_bit_index(std::uint32_t bits) {
    std::size_t i = 0;
    while (!(bits & 1u)) {
        bits >>= 1;
        ++i;
    }
    return i;
}

struct YearRows {
    int year = 0;
    std::vector<const OrganisationRow*> rows; // by CVR
    std::size_t without_score = 0;
};

// Each CVR's newest file within each year (latest `updated`, then `created`, then the first file
// name), as section 3 of docs/aggregation.md orders duplicates. Years ascending.
std::vector<YearRows> rows_by_year(const std::vector<OrganisationRow>& rows) {
    // Each row's year read once, not in every comparison (10,000 rows: a third of the sort's time).
    std::vector<std::pair<int, const OrganisationRow*>> sorted;
    for (const OrganisationRow& row : rows)
        if (const int year = assessment_year(row); year > 0) sorted.emplace_back(year, &row);
    auto before = [](const OrganisationRow* a, const OrganisationRow* b) {
        if (a->cvr != b->cvr) return a->cvr < b->cvr;
        if (a->updated != b->updated) return a->updated > b->updated;
        if (a->created != b->created) return a->created > b->created;
        return a->file < b->file;
    };
    // Rows already strictly in that order apart from the year (aggregate()'s rows are: by CVR, newest
    // first, then by file name) need only be grouped by year, keeping their order: the result is the
    // one order the sort below can give. A tenth of publish() at 10,000 files, and it ran twice
    // (publication_year_problem too). Any other rows, or two rows that tie, go through the sort.
    bool in_order = true;
    for (std::size_t i = 1; i < sorted.size() && in_order; ++i) in_order = before(sorted[i - 1].second, sorted[i].second);
    if (in_order)
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const std::pair<int, const OrganisationRow*>& x, const std::pair<int, const OrganisationRow*>& y) { return x.first < y.first; });
    else
        std::sort(sorted.begin(), sorted.end(), [&](const std::pair<int, const OrganisationRow*>& x, const std::pair<int, const OrganisationRow*>& y) {
            if (x.first != y.first) return x.first < y.first;
            return before(x.second, y.second);
        });
    std::vector<YearRows> years;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const OrganisationRow& row = *sorted[i].second;
        const int year = sorted[i].first;
        if (i > 0 && sorted[i - 1].first == year && sorted[i - 1].second->cvr == row.cvr) continue; // an older file
        if (years.empty() || years.back().year != year) years.push_back(YearRows{year, {}, 0});
        if (row.overall) years.back().rows.push_back(&row);
        else ++years.back().without_score;
    }
    years.erase(std::remove_if(years.begin(), years.end(), [](const YearRows& y) { return y.rows.empty(); }), years.end());
    return years;
}

CountFigure figure(std::size_t count, Disclosure status) { return CountFigure{count, status}; }

// One group of organisations in a year (all / a sector / a size band) and its cells in the tables.
struct Group {
    std::string dimension, group;
    std::vector<const OrganisationRow*> members;
    Disclosure status = Disclosure::Published; // of its count, from the groups table
    bool listed = true;                        // "unknown" is listed only when someone is in it
};

class YearBuilder {
public:
    YearBuilder(const Questionnaire& q, const YearRows& rows, std::size_t k) : q_(q), rows_(rows), k_(k) {}

    // counts_only: the groups and the sector x size cells only (PublishOptions::other_years_counts_only).
    YearFigures build(bool counts_only = false) {
        YearFigures y;
        y.year = rows_.year;
        y.without_score = rows_.without_score;
        make_groups();
        solve_groups(y);
        if (counts_only) return y;
        for (const ScorePart& part : score_parts(q_)) add_part(part, y);
        add_questions(y);
        add_goals(y);
        std::set<std::string> versions;
        for (const OrganisationRow* row : rows_.rows) versions.insert(row->questionnaire_version);
        y.versions.assign(versions.begin(), versions.end());
        return y;
    }

private:
    const Questionnaire& q_;
    const YearRows& rows_;
    std::size_t k_;
    std::vector<Group> groups_;                 // all, sectors (options, unknown), sizes (bands, unknown)
    std::size_t first_sector_ = 1, first_size_ = 0;
    std::vector<std::vector<const OrganisationRow*>> cross_; // sector-major
    std::vector<Disclosure> cross_status_;

    std::size_t sectors() const { return first_size_ - first_sector_; }
    std::size_t sizes() const { return groups_.size() - first_size_; }

    void make_groups() {
        groups_.push_back(Group{"all", "all", rows_.rows});
        std::vector<std::string> sector_ids;
        if (const Question* sector = q_.profile_field("sector"))
            for (const Option& o : sector->options) sector_ids.push_back(o.id);
        sector_ids.push_back(kUnknownGroup);
        std::vector<std::string> bands(std::begin(kSizeBands), std::end(kSizeBands));
        bands.push_back(kUnknownGroup);
        for (const std::string& id : sector_ids) groups_.push_back(Group{"sector", id, {}});
        first_size_ = groups_.size();
        for (const std::string& band : bands) groups_.push_back(Group{"size", band, {}});
        cross_.assign(sectors() * sizes(), {});
        for (const OrganisationRow* row : rows_.rows) {
            std::size_t s = sectors() - 1, b = sizes() - 1; // unknown
            for (std::size_t i = 0; i + 1 < sectors(); ++i)
                if (groups_[first_sector_ + i].group == row->sector) s = i;
            for (std::size_t i = 0; i + 1 < sizes(); ++i)
                if (groups_[first_size_ + i].group == row->size) b = i;
            groups_[first_sector_ + s].members.push_back(row);
            groups_[first_size_ + b].members.push_back(row);
            cross_[s * sizes() + b].push_back(row);
        }
        groups_[first_size_ - 1].listed = !groups_[first_size_ - 1].members.empty();
        groups_.back().listed = !groups_.back().members.empty();
    }

    // Adds the lines all = sum of sectors and all = sum of size bands for one cell per group.
    void group_lines(SuppressionTable& t, const std::vector<std::size_t>& cell, bool sums) const {
        std::vector<std::size_t> by_sector, by_size;
        for (std::size_t i = 0; i < sectors(); ++i) by_sector.push_back(cell[first_sector_ + i]);
        for (std::size_t i = 0; i < sizes(); ++i) by_size.push_back(cell[first_size_ + i]);
        t.add_line(cell[0], by_sector, sums);
        t.add_line(cell[0], by_size, sums);
    }

    void solve_groups(YearFigures& y) {
        SuppressionTable t;
        std::vector<std::size_t> cell, cross;
        for (const Group& g : groups_) cell.push_back(t.add_cell(g.members.size()));
        for (const auto& members : cross_) cross.push_back(t.add_cell(members.size()));
        group_lines(t, cell, true); // the overall score's sums add up like the counts
        for (std::size_t s = 0; s < sectors(); ++s) {
            std::vector<std::size_t> row;
            for (std::size_t b = 0; b < sizes(); ++b) row.push_back(cross[s * sizes() + b]);
            t.add_line(cell[first_sector_ + s], row, true);
        }
        for (std::size_t b = 0; b < sizes(); ++b) {
            std::vector<std::size_t> column;
            for (std::size_t s = 0; s < sectors(); ++s) column.push_back(cross[s * sizes() + b]);
            t.add_line(cell[first_size_ + b], column, true);
        }
        const std::vector<Disclosure> status = t.solve(k_);
        for (std::size_t i = 0; i < groups_.size(); ++i) groups_[i].status = status[cell[i]];
        for (const Group& g : groups_)
            if (g.listed) y.groups.push_back(GroupFigures{g.dimension, g.group, figure(g.members.size(), g.status), {}});
        cross_status_.clear();
        for (std::size_t i = 0; i < cross.size(); ++i) cross_status_.push_back(status[cross[i]]);
        for (std::size_t s = 0; s < sectors(); ++s) {
            if (!groups_[first_sector_ + s].listed) continue;
            for (std::size_t b = 0; b < sizes(); ++b) {
                if (!groups_[first_size_ + b].listed) continue;
                const auto& members = cross_[s * sizes() + b];
                CrossFigures c{groups_[first_sector_ + s].group, groups_[first_size_ + b].group,
                               figure(members.size(), cross_status_[s * sizes() + b]), false, std::nullopt, std::nullopt};
                c.shown = c.organisations.published() && members.size() >= k_;
                if (c.shown) {
                    std::vector<double> values;
                    for (const OrganisationRow* row : members) values.push_back(*row->overall);
                    const Stats st = compute_stats(values, q_);
                    c.mean = st.mean;
                    c.median = st.median;
                }
                y.cross.push_back(std::move(c));
            }
        }
    }

    // One part: per group its count (fixed), n, the organisations without a value, and the levels.
    void add_part(const ScorePart& part, YearFigures& y) {
        const std::size_t levels = q_.levels.size();
        SuppressionTable t;
        std::vector<std::size_t> orgs, n, none;
        std::vector<std::vector<std::size_t>> level(levels);
        std::vector<std::vector<double>> values(groups_.size());
        std::vector<Stats> stats(groups_.size()); // the figures, and the count per level for the table
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            for (const OrganisationRow* row : groups_[g].members)
                if (std::optional<double> x = part_value(*row, part)) values[g].push_back(*x);
            stats[g] = compute_stats(values[g], q_);
            const std::vector<std::size_t>& per_level = stats[g].levels;
            orgs.push_back(t.add_cell(groups_[g].members.size()));
            t.fix(orgs.back(), groups_[g].status);
            n.push_back(t.add_cell(values[g].size()));
            none.push_back(t.add_cell(groups_[g].members.size() - values[g].size()));
            std::vector<std::size_t> level_cells;
            for (std::size_t l = 0; l < levels; ++l) {
                level[l].push_back(t.add_cell(per_level[l]));
                level_cells.push_back(level[l].back());
            }
            if (groups_[g].status != Disclosure::Published) {
                t.withhold(n.back());
                t.withhold(none.back());
                for (std::size_t c : level_cells) t.withhold(c);
            }
            t.add_line(orgs.back(), {n.back(), none.back()});
            t.add_line(n.back(), level_cells);
        }
        group_lines(t, orgs, false);
        group_lines(t, n, true);
        group_lines(t, none, false);
        for (std::size_t l = 0; l < levels; ++l) group_lines(t, level[l], false);
        const std::vector<Disclosure> status = t.solve(k_);

        std::size_t out = 0;
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            if (!groups_[g].listed) continue;
            PartFigures p;
            p.kind = part.kind;
            p.id = part.id;
            p.n = figure(values[g].size(), status[n[g]]);
            p.shown = p.n.published() && values[g].size() >= k_;
            const Stats& st = stats[g];
            if (p.shown) {
                p.mean = st.mean;
                p.q1 = st.q1;
                p.median = st.median;
                p.q3 = st.q3;
            }
            for (std::size_t l = 0; l < levels; ++l) p.levels.push_back(figure(st.levels[l], status[level[l][g]]));
            y.groups[out++].parts.push_back(std::move(p));
        }
    }

    // Per scored question: all organisations of the year split by their answer.
    void add_questions(YearFigures& y) {
        const Disclosure all_status = groups_[0].status;
        const std::size_t everyone = rows_.rows.size();
        const std::vector<const Question*> questions = scored_questions(q_);
        // Every question's counts in one pass over the rows (a row's answers are read together, not
        // once per question from rows spread over memory): per question the organisations per
        // answer (the answers' bits, at most 31, visited one set bit at a time) and the unanswered.
        std::vector<std::vector<std::string>> question_ids(questions.size());
        std::vector<std::uint32_t> answer_bits(questions.size());
        std::vector<std::vector<std::size_t>> chosen_of(questions.size());
        std::vector<std::size_t> answered_of(questions.size(), 0);
        for (std::size_t qi = 0; qi < questions.size(); ++qi) {
            question_ids[qi] = questions[qi]->answer_ids();
            const std::size_t n = question_ids[qi].size();
            answer_bits[qi] = n >= 31 ? 0x7FFFFFFFu : (1u << n) - 1;
            chosen_of[qi].assign(n, 0);
        }
        for (const OrganisationRow* row : rows_.rows) {
            const std::size_t known = std::min(row->answers.size(), questions.size());
            for (std::size_t qi = 0; qi < known; ++qi) {
                const std::uint32_t code = row->answers[qi];
                if (!(code & kAnsweredBit)) continue;
                ++answered_of[qi];
                std::vector<std::size_t>& chosen = chosen_of[qi];
                for (std::uint32_t bits = code & answer_bits[qi]; bits != 0; bits &= bits - 1) ++chosen[lowest_bit_index(bits)];
            }
        }
        for (std::size_t qi = 0; qi < questions.size(); ++qi) {
            const Question& question = *questions[qi];
            const std::vector<std::string>& ids = question_ids[qi];
            const std::vector<std::size_t>& chosen = chosen_of[qi];
            const std::size_t not_answered = everyone - answered_of[qi];
            SuppressionTable t;
            const std::size_t all = t.add_cell(everyone);
            t.fix(all, all_status);
            std::vector<std::size_t> answer_cells;
            for (std::size_t c : chosen) answer_cells.push_back(t.add_cell(c));
            const std::size_t skipped = t.add_cell(not_answered);
            if (question.type == QuestionType::Multiple) {
                const std::size_t answered = t.add_cell(everyone - not_answered);
                t.add_line(all, {answered, skipped});
                for (std::size_t i = 0; i < chosen.size(); ++i) {
                    const std::size_t rest = t.add_cell(everyone - chosen[i]);
                    t.add_line(all, {answer_cells[i], rest});
                    if (all_status != Disclosure::Published) t.withhold(rest);
                }
                if (all_status != Disclosure::Published) t.withhold(answered);
            } else {
                std::vector<std::size_t> parts = answer_cells;
                parts.push_back(skipped);
                t.add_line(all, parts);
            }
            if (all_status != Disclosure::Published) {
                for (std::size_t c : answer_cells) t.withhold(c);
                t.withhold(skipped);
            }
            const std::vector<Disclosure> status = t.solve(k_);
            QuestionFigures f;
            f.id = question.id;
            f.type = question.type;
            for (std::size_t i = 0; i < ids.size(); ++i) f.answers.push_back(AnswerFigures{ids[i], figure(chosen[i], status[answer_cells[i]])});
            f.not_answered = figure(not_answered, status[skipped]);
            y.questions.push_back(std::move(f));
        }
    }

    // The goal follow-up: the year's organisations split into those that follow up an earlier plan
    // and the others (a line like any other), the goals' figures only for k or more of them.
    void add_goals(YearFigures& y) {
        const Disclosure all_status = groups_[0].status;
        GoalFigures& g = y.goals;
        std::size_t with = 0, focus_areas = 0, from_organisations = 0;
        std::vector<double> progress;
        g.statuses.assign(std::size(kFollowUpStatuses), 0);
        for (const OrganisationRow* row : rows_.rows) {
            focus_areas += row->plan_themes.size();
            if (!row->follow_up_of) continue;
            ++with;
            bool contributes = false;
            for (const FollowedUpGoal& goal : row->followed_up) {
                if (goal.status == FollowUpStatus::None) continue; // a file written outside the app: nothing to count
                ++g.followed_up;
                for (std::size_t i = 0; i < g.statuses.size(); ++i)
                    if (kFollowUpStatuses[i] == goal.status) ++g.statuses[i];
                if (goal.numeric && goal.progress) {
                    progress.push_back(*goal.progress);
                    contributes = true;
                }
            }
            if (contributes) ++from_organisations;
        }
        SuppressionTable t;
        const std::size_t all = t.add_cell(rows_.rows.size());
        t.fix(all, all_status);
        const std::size_t with_cell = t.add_cell(with), without_cell = t.add_cell(rows_.rows.size() - with);
        t.add_line(all, {with_cell, without_cell});
        if (all_status != Disclosure::Published) {
            t.withhold(with_cell);
            t.withhold(without_cell);
        }
        const std::vector<Disclosure> status = t.solve(k_);
        g.with_follow_up = figure(with, status[with_cell]);
        if (all_status == Disclosure::Published) g.focus_areas = focus_areas;
        g.shown = g.with_follow_up.published() && with >= k_;
        g.with_progress = progress.size();
        g.progress_shown = g.shown && from_organisations >= k_;
        if (!g.shown) {
            g.followed_up = g.with_progress = 0;
            g.statuses.assign(g.statuses.size(), 0);
        }
        if (!g.progress_shown) return;
        std::sort(progress.begin(), progress.end());
        g.mean = std::accumulate(progress.begin(), progress.end(), 0.0) / static_cast<double>(progress.size());
        g.q1 = quantile_r7(progress, 0.25);
        g.median = quantile_r7(progress, 0.5);
        g.q3 = quantile_r7(progress, 0.75);
    }
};

const YearRows* find_year(const std::vector<YearRows>& years, int year) {
    for (const YearRows& y : years)
        if (y.year == year) return &y;
    return nullptr;
}

// The organisations counted in both years (by CVR): their change per part, from -> to.
ChangeFigures change_figures(const Questionnaire& q, const YearRows& from, const YearRows& to, Disclosure from_status,
                             Disclosure to_status, std::size_t k) {
    std::map<std::string, const OrganisationRow*> before;
    for (const OrganisationRow* row : from.rows) before.emplace(row->cvr, row);
    std::vector<std::pair<const OrganisationRow*, const OrganisationRow*>> pairs;
    for (const OrganisationRow* row : to.rows) {
        auto it = before.find(row->cvr);
        if (it != before.end()) pairs.emplace_back(it->second, row);
    }
    ChangeFigures c;
    c.from_year = from.year;
    c.to_year = to.year;

    // Who is in both years, who is new, who is no longer there: the sums of the two years' scores
    // split the same way, so these are lines with sums.
    SuppressionTable members;
    const std::size_t after = members.add_cell(to.rows.size()), earlier = members.add_cell(from.rows.size());
    members.fix(after, to_status);
    members.fix(earlier, from_status);
    const std::size_t both = members.add_cell(pairs.size());
    const std::size_t joined = members.add_cell(to.rows.size() - pairs.size());
    const std::size_t left = members.add_cell(from.rows.size() - pairs.size());
    members.add_line(after, {both, joined}, true);
    members.add_line(earlier, {both, left}, true);
    const Disclosure both_status = members.solve(k)[both];
    c.organisations = figure(pairs.size(), both_status);

    for (const ScorePart& part : score_parts(q)) {
        std::vector<double> changes;
        for (const auto& [first, latest] : pairs)
            if (std::optional<double> d = score_change(part_value(*first, part), part_value(*latest, part))) changes.push_back(*d);
        std::size_t up = 0, same = 0, down = 0;
        for (double d : changes) (d > 0 ? up : d < 0 ? down : same)++;
        SuppressionTable t;
        const std::size_t total = t.add_cell(pairs.size());
        t.fix(total, both_status);
        const std::size_t n = t.add_cell(changes.size()), none = t.add_cell(pairs.size() - changes.size());
        const std::size_t improved = t.add_cell(up), unchanged = t.add_cell(same), declined = t.add_cell(down);
        if (both_status != Disclosure::Published)
            for (std::size_t cell : {n, none, improved, unchanged, declined}) t.withhold(cell);
        t.add_line(total, {n, none});
        t.add_line(n, {improved, unchanged, declined});
        const std::vector<Disclosure> status = t.solve(k);
        ChangePartFigures p;
        p.kind = part.kind;
        p.id = part.id;
        p.n = figure(changes.size(), status[n]);
        p.shown = p.n.published() && changes.size() >= k;
        const Stats st = compute_stats(changes, q);
        if (p.shown) {
            p.mean = st.mean;
            p.q1 = st.q1;
            p.median = st.median;
            p.q3 = st.q3;
        }
        p.improved = figure(up, status[improved]);
        p.unchanged = figure(same, status[unchanged]);
        p.declined = figure(down, status[declined]);
        c.parts.push_back(std::move(p));
    }
    return c;
}

} // namespace

struct Publishing::State {
    virtual ~State() = default;
    virtual void step() = 0;
    Publication p;
    bool finished = false;
};

namespace {

// publish() as steps: the rows by year; each year's figures; the selection and the change.
struct PublishingSteps final : Publishing::State {
    const Questionnaire& q;
    const std::vector<OrganisationRow>& rows;
    PublishOptions options;
    std::vector<YearRows> years;
    std::size_t summary_year = 0; // index into years (and p.years), chosen once they are sorted
    bool sorted = false;

    PublishingSteps(const Questionnaire& q_, const std::vector<OrganisationRow>& rows_, const PublishOptions& options_)
        : q(q_), rows(rows_), options(options_) {
        p.min_group = std::max<std::size_t>(options.min_group, 1);
    }

    void step() override {
        if (!sorted) {
            years = rows_by_year(rows);
            sorted = true;
            // The summary's year: the one asked for when it has rows, else the latest.
            summary_year = years.empty() ? 0 : years.size() - 1;
            for (std::size_t i = 0; i < years.size(); ++i)
                if (options.year && years[i].year == *options.year) summary_year = i;
        } else if (p.years.size() < years.size()) {
            const bool counts_only = options.other_years_counts_only && p.years.size() != summary_year;
            p.years.push_back(YearBuilder(q, years[p.years.size()], p.min_group).build(counts_only));
        } else {
            select();
            finished = true;
        }
    }

    void select() {
        if (p.years.empty()) return;
        p.selected = summary_year; // p.years[i] is years[i]'s figures
        const int to_year = p.years[p.selected].year;
        const YearRows* from = nullptr;
        if (options.compare_year) from = *options.compare_year < to_year ? find_year(years, *options.compare_year) : nullptr;
        else if (p.selected > 0) from = &years[p.selected - 1];
        if (from) {
            std::size_t from_index = 0;
            while (p.years[from_index].year != from->year) ++from_index;
            p.change = change_figures(q, *from, years[p.selected], p.years[from_index].all().organisations.status,
                                      p.year().all().organisations.status, p.min_group);
        }
    }
};

} // namespace

Publishing::Publishing(const Questionnaire& q, const std::vector<OrganisationRow>& rows, const PublishOptions& options)
    : state_(std::make_unique<PublishingSteps>(q, rows, options)) {}

Publishing::~Publishing() = default;

bool Publishing::done() const { return state_->finished; }

void Publishing::step() {
    if (!state_->finished) state_->step();
}

Publication Publishing::take() {
    while (!state_->finished) state_->step();
    return std::move(state_->p);
}

Publication publish(const Questionnaire& q, const std::vector<OrganisationRow>& rows, const PublishOptions& options) {
    return Publishing(q, rows, options).take();
}

std::string publication_year_problem(const std::vector<OrganisationRow>& rows, const PublishOptions& options) {
    const std::vector<YearRows> years = rows_by_year(rows);
    std::string list;
    for (const YearRows& y : years) list += (list.empty() ? "" : ", ") + std::to_string(y.year);
    if (list.empty()) list = "none";
    auto missing = [&](int year) {
        return "no organisation has an assessment (with an overall score) from " + std::to_string(year) + "; the files hold " + list;
    };
    if (options.year && !find_year(years, *options.year)) return missing(*options.year);
    if (options.compare_year) {
        if (!find_year(years, *options.compare_year)) return missing(*options.compare_year);
        const int to_year = options.year ? *options.year : (years.empty() ? 0 : years.back().year);
        if (*options.compare_year >= to_year)
            return "the year to compare with (" + std::to_string(*options.compare_year) + ") must be before the year of the figures (" +
                   std::to_string(to_year) + ")";
    }
    return std::string();
}

} // namespace mf
