// aggregate.cpp - see aggregate.h; docs/aggregation.md defines every figure.
//
// Index
//   - check_result     import_result + the municipality's rules (which warnings reject a file);
//                      encode_answers keeps the scored answers for the per-question figures
//   - quantile_r7, radix_sort_doubles, compute_stats
//   - aggregate        sort by CVR, duplicates, change over time, groups, goal follow-up by year
#include "core/aggregate.h"

#include "core/answer_table.h"
#include "core/answers.h"
#include "core/condition.h"
#include "core/cvr.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/json_reader.h"
#include "core/result.h"
#include "core/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <utility>

namespace mf {

std::string size_band(std::optional<double> employees) {
    if (!employees || !(*employees >= 1)) return kUnknownGroup;
    if (*employees < 10) return kSizeBands[0];
    if (*employees < 50) return kSizeBands[1];
    if (*employees < 250) return kSizeBands[2];
    return kSizeBands[3];
}

const char* part_kind_name(PartKind kind) {
    switch (kind) {
    case PartKind::Overall: return "overall";
    case PartKind::Principle: return "principle";
    case PartKind::Theme: return "theme";
    }
    return "overall";
}

const char* status_name(FileReport::Status status) {
    switch (status) {
    case FileReport::Status::Counted: return "counted";
    case FileReport::Status::Superseded: return "superseded";
    case FileReport::Status::Rejected: return "rejected";
    }
    return "rejected";
}

// ---------------------------------------------------------------------------------------------
// check_result
// ---------------------------------------------------------------------------------------------
namespace {

std::string answered_text(const Answers& answers, const Question* q) {
    const std::string* s = q ? answer_text(answers, q->id) : nullptr;
    return s ? *s : std::string();
}

std::string quoted_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "\"" : ", \"") + id + "\"";
    return out;
}

std::string comma_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

// Which principles and themes the stored scores lack or have beyond the current questionnaire.
struct ScoreIdsMismatch {
    std::vector<std::string> missing_principles, missing_themes, extra_principles, extra_themes;
    bool any() const {
        return !missing_principles.empty() || !missing_themes.empty() || !extra_principles.empty() || !extra_themes.empty();
    }
    // "it has no scores for "principle a", "theme b"; it has scores for ..., which version V does not have"
    std::string text(const std::string& version) const {
        std::vector<std::string> missing, extra;
        for (const std::string& id : missing_principles) missing.push_back("principle " + id);
        for (const std::string& id : missing_themes) missing.push_back("theme " + id);
        for (const std::string& id : extra_principles) extra.push_back("principle " + id);
        for (const std::string& id : extra_themes) extra.push_back("theme " + id);
        std::string out;
        if (!missing.empty()) out += "it has no scores for " + quoted_list(missing);
        if (!extra.empty()) out += std::string(out.empty() ? "" : "; ") + "it has scores for " + quoted_list(extra) + ", which version " + version + " does not have";
        return out;
    }
};

ScoreIdsMismatch score_ids_mismatch(const Questionnaire& current, const ScoreSummary& stored) {
    ScoreIdsMismatch m;
    std::set<std::string> principles, themes;
    for (const Principle& p : current.principles) {
        principles.insert(p.id);
        if (!stored.principles.count(p.id)) m.missing_principles.push_back(p.id);
    }
    for (const Theme& t : current.themes) {
        themes.insert(t.id);
        if (!stored.themes.count(t.id)) m.missing_themes.push_back(t.id);
    }
    for (const auto& entry : stored.principles)
        if (!principles.count(entry.first)) m.extra_principles.push_back(entry.first);
    for (const auto& entry : stored.themes)
        if (!themes.count(entry.first)) m.extra_themes.push_back(entry.first);
    return m;
}

} // namespace

std::vector<std::uint32_t> encode_answers(const Questionnaire& q, const Answers& visible) {
    std::vector<std::uint32_t> out;
    out.reserve(q.scored_question_count());
    for (const Theme& theme : q.themes)
        for (const Question& question : theme.questions) {
            if (!question.scored()) continue;
            std::uint32_t code = 0;
            auto it = visible.find(question.id);
            if (it != visible.end()) {
                // Bit i for Question::answer_ids()[i] (answer_index: without building that list per question).
                auto bit = [&](const std::string& id) {
                    if (const std::optional<std::size_t> i = question.answer_index(id); i && *i < 31) code |= 1u << *i;
                };
                if (const auto* one = std::get_if<std::string>(&it->second)) bit(*one);
                if (const auto* many = std::get_if<std::vector<std::string>>(&it->second))
                    for (const std::string& id : *many) bit(id);
                if (code != 0 || std::holds_alternative<std::vector<std::string>>(it->second)) code |= kAnsweredBit;
            }
            out.push_back(code);
        }
    return out;
}

namespace {

// What the row takes from the answers: the profile's texts and employees, and the scored answers as
// encode_answers gives them. From the answers map (the full import) or the coded answers (the fast path).
struct RowAnswers {
    std::string name, contact, email, sector;
    std::optional<double> employees;
    std::vector<std::uint32_t> codes;
};

RowAnswers row_answers(const Questionnaire& current, const Answers& answers, const Answers& visible) {
    RowAnswers out;
    out.name = answered_text(answers, current.profile_field("name"));
    out.contact = answered_text(answers, current.profile_field("contact"));
    out.email = answered_text(answers, current.profile_field("email"));
    out.sector = answered_text(answers, current.profile_field("sector"));
    if (const Question* q = current.profile_field("employees"))
        if (const double* x = answer_number(answers, q->id)) out.employees = *x;
    out.codes = encode_answers(current, visible);
    return out;
}

RowAnswers row_answers(const AnswerTable& table, const std::vector<CodedAnswer>& answers) {
    RowAnswers out;
    auto text = [&](const char* role) {
        const std::size_t q = table.role(role);
        return q != AnswerTable::npos && answers[q].kind == CodedAnswer::Kind::Text ? std::string(answers[q].text) : std::string();
    };
    out.name = text("name");
    out.contact = text("contact");
    out.email = text("email");
    out.sector = text("sector");
    if (const std::size_t q = table.role("employees"); q != AnswerTable::npos && answers[q].kind == CodedAnswer::Kind::Number)
        out.employees = answers[q].number;
    out.codes = table.encode(answers); // every answer is visible on the fast path
    return out;
}

// The row of an accepted file.
OrganisationRow organisation_row(const ImportedResult& r, RowAnswers&& answers, const std::string& cvr, const std::string& file,
                                 std::size_t bytes, const Questionnaire& current) {
    OrganisationRow row;
    row.file = file;
    row.bytes = bytes;
    row.cvr = normalise_cvr(cvr);
    row.checksum = r.content_checksum;
    row.name = std::move(answers.name);
    row.contact = std::move(answers.contact);
    row.email = std::move(answers.email);
    row.sector = std::move(answers.sector);
    row.employees = answers.employees;
    row.size = size_band(row.employees);
    row.questionnaire_version = r.source.version;
    row.same_questionnaire = r.same_questionnaire;
    row.created = r.assessment.created;
    row.updated = r.assessment.updated;
    row.language = r.assessment.language;
    const ScoreSummary& s = r.stored_scores;
    row.overall = s.overall;
    row.coverage = s.coverage;
    if (s.overall) row.level = current.level_for(*s.overall).id;
    // Every vector of the row sized exactly (it lives until the end of the run; grown by push_back,
    // the answers alone took 88 bytes more per row).
    row.principles.reserve(current.principles.size());
    row.themes.reserve(current.themes.size());
    row.plan_themes.reserve(r.stored_plan.areas.size());
    for (const Principle& p : current.principles) {
        auto it = s.principles.find(p.id);
        row.principles.push_back(it == s.principles.end() ? std::nullopt : it->second);
    }
    for (const Theme& t : current.themes) {
        auto it = s.themes.find(t.id);
        row.themes.push_back(it == s.themes.end() ? std::nullopt : it->second.percent);
    }
    row.focus_areas = static_cast<int>(r.assessment.action_plan.areas.size());
    row.answers = std::move(answers.codes);
    auto theme_of = [&](const std::string& focus) {
        const Theme* t = focus_theme(current, focus);
        return t ? t->id : std::string();
    };
    for (const FocusArea& a : r.stored_plan.areas) row.plan_themes.push_back(theme_of(a.focus));
    if (const std::optional<FollowUp>& f = r.assessment.follow_up) {
        row.follow_up_of = f->earlier_created;
        for (const FollowUpItem& item : f->items) {
            const std::string& unit = item.earlier.indicator.unit;
            row.followed_up.push_back(FollowedUpGoal{item.earlier.focus, theme_of(item.earlier.focus), item.status,
                                                     unit == kUnitPercent || unit == kUnitNumber,
                                                     indicator_progress(item.earlier.indicator, item.current)});
        }
    }
    return row;
}

} // namespace

FileCheck check_result(std::string_view bytes, const std::string& file, const Questionnaire& current, ImportPath path,
                       FastDocument* scratch) {
    FileCheck check;
    check.file = file;
    check.bytes = bytes.size();
    const Question* cvr_question = current.profile_field("cvr");
    if (path == ImportPath::FastFirst) {
        FastDocument own;
        FastImport fast;
        if (import_result_fast_coded(bytes, current, scratch ? *scratch : own, fast)) {
            // Nothing to report, so accepted when it has a CVR number (import_result_fast checked it).
            const AnswerTable& table = *fast.table;
            const std::size_t cvr_at = cvr_question ? table.find(cvr_question->id) : AnswerTable::npos;
            const CodedAnswer* cvr = cvr_at != AnswerTable::npos ? &fast.answers[cvr_at] : nullptr;
            if (cvr && cvr->kind == CodedAnswer::Kind::Text && !cvr->text.empty()) {
                check.row = organisation_row(fast.result, row_answers(table, fast.answers), std::string(cvr->text), file, bytes.size(), current);
                return check;
            }
        }
    }
    ImportOutcome imported = import_result(bytes, file, current);
    check.diagnostics = std::move(imported.diagnostics);
    if (!imported.result) return check; // the importer's errors are the reasons
    ImportedResult& r = *imported.result;
    const Answers& answers = r.assessment.answers;
    const std::string cvr_pointer = cvr_question ? child_pointer("/answers", cvr_question->id) : std::string("/organisation/cvr");

    // The importer only warns about these (a respondent may still open and fix such a file), but a
    // figure the municipality publishes must not rest on them: promote them to errors, keeping the
    // importer's words so the respondent's app and this report describe a file the same way.
    bool cvr_reported = false;
    for (Diagnostic& d : check.diagnostics) {
        if (d.severity != Diagnostic::Severity::Warning) continue;
        const bool checksum = !r.checksum_matches && (d.pointer == "/checksum" || d.pointer.empty());
        const bool scores = r.same_questionnaire && d.pointer == "/scores"; // stored scores != answers
        const bool cvr = d.pointer == cvr_pointer;
        if (checksum || scores || cvr) d.severity = Diagnostic::Severity::Error;
        cvr_reported |= cvr;
    }
    auto reject = [&](const std::string& pointer, const char* code, ParamList params, const std::string& message) {
        check.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, pointer, message, code, make_params(params)});
    };
    const std::string cvr = answered_text(answers, cvr_question);
    if (cvr.empty() && !cvr_reported)
        reject(cvr_pointer, "aggregate.cvr.missing", {}, "the CVR number is missing, so the result cannot be matched to an organisation");
    if (!r.same_questionnaire) {
        const ScoreIdsMismatch mismatch = score_ids_mismatch(current, r.stored_scores);
        if (mismatch.any())
            reject("/scores", "aggregate.scores.not_comparable",
                   {{"file_version", r.source.version}, {"version", current.version},
                    {"missing_principles", comma_list(mismatch.missing_principles)}, {"missing_themes", comma_list(mismatch.missing_themes)},
                    {"extra_principles", comma_list(mismatch.extra_principles)}, {"extra_themes", comma_list(mismatch.extra_themes)}},
                   "the result was made with questionnaire version " + r.source.version + " and its scores cannot be compared with version " +
                       current.version + ": " + mismatch.text(current.version));
    }
    if (has_errors(check.diagnostics)) return check;

    check.row = organisation_row(r, row_answers(current, answers, visible_answers(current, answers)), cvr, file, bytes.size(), current);
    return check;
}

FileCheck check_result_file(const std::string& path, const Questionnaire& current, std::string& buffer) {
    Diagnostics diagnostics;
    if (!read_file_bytes(path, buffer, diagnostics, kMaxResultBytes)) {
        FileCheck check;
        check.file = path;
        check.diagnostics = std::move(diagnostics);
        return check;
    }
    return check_result(buffer, path, current);
}

FileCheck check_result_file(const std::string& path, const Questionnaire& current) {
    std::string buffer;
    return check_result_file(path, current, buffer);
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------
std::optional<double> quantile_r7(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return std::nullopt;
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const std::size_t lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= sorted.size()) return sorted.back();
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

namespace {

// `values` in ascending order, as std::sort leaves them, by an LSD radix sort on the bits (eleven a
// pass; a pass whose digit is the same in every value is skipped): the sorts of every group's
// scores were a twentieth of mf-aggregate's time, a comparison sort's mispredicted branches. Only
// without NaN and -0: then values that compare equal are equal bit for bit, so the result is
// std::sort's exactly; otherwise, and for a few values, std::sort itself.
// Scores, changes and progress are written with one decimal: when every value is exactly the double
// k / 10.0 of an integer k (bit for bit, so never -0 or NaN) within a range of a few per value, a
// counting sort on k writes the same doubles in std::sort's order, in two passes instead of the radix
// sort's twelve over 48 KB of counts. False (values untouched) for anything else.
bool sort_tenths(std::vector<double>& values) {
    const std::size_t n = values.size();
    if (n < 32 || n > UINT32_MAX) return false;
    std::vector<std::int32_t> tenths(n);
    std::int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = values[i];
        if (!(x >= -1e8 && x <= 1e8)) return false; // NaN too
        // Rounded half away from zero by hand (std::lround is a library call per value); a k off by
        // one would only fail the check below.
        const double scaled = x * 10;
        const std::int32_t k = static_cast<std::int32_t>(scaled + (scaled < 0 ? -0.5 : 0.5));
        const double back = k / 10.0;
        std::uint64_t a = 0, b = 0;
        std::memcpy(&a, &x, sizeof a);
        std::memcpy(&b, &back, sizeof b);
        if (a != b) return false;
        tenths[i] = k;
        lo = std::min(lo, k);
        hi = std::max(hi, k);
    }
    const std::size_t range = static_cast<std::size_t>(static_cast<std::int64_t>(hi) - lo) + 1;
    if (range > 16 * n + 1024) return false;
    std::vector<std::uint32_t> counts(range, 0);
    for (std::int32_t k : tenths) ++counts[static_cast<std::size_t>(k - lo)];
    std::size_t i = 0;
    for (std::size_t b = 0; b < range; ++b)
        if (const std::uint32_t c = counts[b]) {
            const double x = static_cast<double>(static_cast<std::int64_t>(lo) + static_cast<std::int64_t>(b)) / 10.0;
            std::fill_n(values.begin() + static_cast<std::ptrdiff_t>(i), c, x);
            i += c;
        }
    return true;
}

void radix_sort_doubles(std::vector<double>& values) {
    if (sort_tenths(values)) return;
    const std::size_t n = values.size();
    if (n < 256 || n > UINT32_MAX) { // below, clearing the counts costs more than std::sort
        std::sort(values.begin(), values.end());
        return;
    }
    constexpr std::uint64_t kSign = 1ULL << 63;
    constexpr int kBits = 11, kPasses = 6; // 6 x 11 >= 64
    constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    std::vector<std::uint64_t> keys(n), other(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = values[i];
        if (std::isnan(x) || (x == 0 && std::signbit(x))) {
            std::sort(values.begin(), values.end());
            return;
        }
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof bits);
        keys[i] = (bits & kSign) ? ~bits : (bits | kSign); // unsigned order = the doubles' order
    }
    std::vector<std::uint32_t> counts(kBuckets * kPasses, 0);
    for (std::uint64_t k : keys)
        for (int pass = 0; pass < kPasses; ++pass) ++counts[pass * kBuckets + ((k >> (pass * kBits)) & (kBuckets - 1))];
    for (int pass = 0; pass < kPasses; ++pass) {
        std::uint32_t* count = &counts[pass * kBuckets];
        const int shift = pass * kBits;
        if (count[(keys[0] >> shift) & (kBuckets - 1)] == n) continue; // every value has this digit
        std::uint32_t start = 0;
        for (std::size_t b = 0; b < kBuckets; ++b) {
            const std::uint32_t c = count[b];
            count[b] = start;
            start += c;
        }
        for (std::uint64_t k : keys) other[count[(k >> shift) & (kBuckets - 1)]++] = k;
        keys.swap(other);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t bits = (keys[i] & kSign) ? (keys[i] & ~kSign) : ~keys[i];
        std::memcpy(&values[i], &bits, sizeof bits);
    }
}

} // namespace

Stats compute_stats(std::vector<double>& values, const Questionnaire& questionnaire) {
    Stats s;
    radix_sort_doubles(values);
    s.n = values.size();
    s.levels.assign(questionnaire.levels.size(), 0);
    if (values.empty()) return s;
    double sum = 0;
    bool nan = false;
    for (double x : values) {
        sum += x;
        nan |= std::isnan(x);
    }
    s.mean = sum / static_cast<double>(values.size());
    s.median = quantile_r7(values, 0.5);
    s.q1 = quantile_r7(values, 0.25);
    s.q3 = quantile_r7(values, 0.75);
    s.min = values.front();
    s.max = values.back();
    const std::vector<Level>& levels = questionnaire.levels;
    if (levels.empty()) return s;
    // level_for(x) is the last level whose minPercent is <= x (the first level below them all). With
    // the levels ascending (as loading requires) and the values sorted without NaN, a level's count
    // is the values from its minPercent up to the next one's: two binary searches a level instead of
    // level_for on every value (the same counts; that was a twentieth of the figures' time).
    bool ascending = !nan;
    for (std::size_t l = 1; l < levels.size() && ascending; ++l) ascending = levels[l - 1].min_percent < levels[l].min_percent;
    if (!ascending) {
        for (double x : values) ++s.levels[static_cast<std::size_t>(&questionnaire.level_for(x) - levels.data())];
        return s;
    }
    std::size_t below = values.size(); // values below the next level's minPercent: everything, after the last
    for (std::size_t l = levels.size(); l-- > 0;) {
        const std::size_t from = l == 0 ? 0 : static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), levels[l].min_percent) - values.begin());
        s.levels[l] = below - from;
        below = from;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// aggregate
// ---------------------------------------------------------------------------------------------
std::vector<ScorePart> score_parts(const Questionnaire& q) {
    std::vector<ScorePart> parts{{PartKind::Overall, "overall", 0}};
    for (std::size_t i = 0; i < q.principles.size(); ++i) parts.push_back({PartKind::Principle, q.principles[i].id, i});
    for (std::size_t i = 0; i < q.themes.size(); ++i) parts.push_back({PartKind::Theme, q.themes[i].id, i});
    return parts;
}

std::optional<double> part_value(const OrganisationRow& row, const ScorePart& part) {
    switch (part.kind) {
    case PartKind::Overall: return row.overall;
    case PartKind::Principle: return row.principles[part.index];
    case PartKind::Theme: return row.themes[part.index];
    }
    return std::nullopt;
}

std::optional<double> score_change(std::optional<double> before, std::optional<double> after) {
    if (!before || !after) return std::nullopt;
    return round1(*after - *before); // round again: 66.7 - 50.1 is 16.600000000000001
}

int compare_newest_first(const OrganisationRow& a, const OrganisationRow& b) {
    if (a.updated != b.updated) return a.updated > b.updated ? -1 : 1;
    if (a.created != b.created) return a.created > b.created ? -1 : 1;
    return a.file.compare(b.file);
}

bool changed_between_years(const OrganisationRow& oldest, const OrganisationRow& newest) {
    return oldest.updated.compare(0, 4, newest.updated, 0, 4) < 0;
}

bool same_file_sent_again(const OrganisationRow& row, const OrganisationRow& counted) {
    return !counted.checksum.empty() && row.checksum == counted.checksum;
}

namespace {

using Part = ScorePart;

std::optional<double> change_value(const RowChange& c, const Part& part) {
    switch (part.kind) {
    case PartKind::Overall: return c.overall;
    case PartKind::Principle: return c.principles[part.index];
    case PartKind::Theme: return c.themes[part.index];
    }
    return std::nullopt;
}

RowChange change_between(const OrganisationRow& first, const OrganisationRow& latest) {
    RowChange c;
    c.first_file = first.file;
    c.first_updated = first.updated;
    c.first_overall = first.overall;
    c.overall = score_change(first.overall, latest.overall);
    for (std::size_t i = 0; i < latest.principles.size(); ++i) c.principles.push_back(score_change(first.principles[i], latest.principles[i]));
    for (std::size_t i = 0; i < latest.themes.size(); ++i) c.themes.push_back(score_change(first.themes[i], latest.themes[i]));
    return c;
}

// Goal follow-up: one file per organisation and year (the rows come sorted by CVR, newest first), or
// every accepted file with keep_duplicates.
std::vector<GoalYear> goal_years(const Questionnaire& q, const std::vector<OrganisationRow>& rows, bool keep_duplicates) {
    struct Collect {
        GoalStats stats;
        std::vector<double> progress;
    };
    struct Year {
        GoalYear year;
        Collect all;
        std::vector<Collect> themes; // questionnaire order, then kUnknownGroup
    };
    std::map<std::string, Year> years;
    const std::size_t unknown = q.themes.size();
    auto theme_index = [&](const std::string& theme) {
        for (std::size_t i = 0; i < q.themes.size(); ++i)
            if (q.themes[i].id == theme) return i;
        return unknown;
    };
    // The (CVR, year) pairs already counted: the rows of one CVR are together (sorted by CVR), so only
    // the current CVR's years need remembering (a set of every pair was 10 MB at 100,000 files).
    const std::string* cvr = nullptr;
    std::vector<std::string> seen; // years of *cvr counted so far
    for (const OrganisationRow& row : rows) {
        const std::string year = row.updated.substr(0, 4);
        if (!cvr || *cvr != row.cvr) {
            cvr = &row.cvr;
            seen.clear();
        }
        if (!keep_duplicates) {
            if (std::find(seen.begin(), seen.end(), year) != seen.end()) continue;
            seen.push_back(year);
        }
        Year& y = years[year];
        if (y.themes.empty()) y.themes.resize(unknown + 1);
        ++y.year.organisations;
        if (row.follow_up_of) ++y.year.with_follow_up;
        for (const std::string& theme : row.plan_themes) {
            ++y.all.stats.focus_areas;
            ++y.themes[theme_index(theme)].stats.focus_areas;
        }
        for (const FollowedUpGoal& goal : row.followed_up) {
            if (goal.status == FollowUpStatus::None) continue; // a file written outside the app: nothing to count
            for (Collect* c : {&y.all, &y.themes[theme_index(goal.theme)]}) {
                GoalStats& s = c->stats;
                ++s.followed_up;
                switch (goal.status) {
                case FollowUpStatus::Reached: ++s.reached; break;
                case FollowUpStatus::Partly: ++s.partly; break;
                case FollowUpStatus::NotReached: ++s.not_reached; break;
                case FollowUpStatus::Dropped: ++s.dropped; break;
                case FollowUpStatus::None: break;
                }
                if (goal.numeric && goal.progress) c->progress.push_back(*goal.progress);
            }
        }
    }
    std::vector<GoalYear> out;
    for (auto& [year, y] : years) {
        auto finish = [&](Collect& c, const std::string& theme) {
            c.stats.theme = theme;
            c.stats.progress = compute_stats(c.progress, q);
            c.stats.progress.levels.clear(); // progress is not a level
            return std::move(c.stats);
        };
        y.year.year = year;
        y.year.all = finish(y.all, "all");
        for (std::size_t i = 0; i < q.themes.size(); ++i) y.year.themes.push_back(finish(y.themes[i], q.themes[i].id));
        Collect& other = y.themes[unknown];
        if (other.stats.focus_areas || other.stats.followed_up) y.year.themes.push_back(finish(other, kUnknownGroup));
        out.push_back(std::move(y.year));
    }
    return out;
}

GroupStats group_stats(const Questionnaire& q, const std::vector<Part>& parts, const std::vector<OrganisationRow>& rows,
                       const std::string& dimension, const std::string& group) {
    GroupStats g{dimension, group, 0, {}};
    std::vector<const OrganisationRow*> members;
    // A row's group: its sector ("unknown" when empty) or its size band. Tested without copying the
    // row's string (the old conditional made a std::string per row and group).
    const bool all = dimension == "all", by_sector = dimension == "sector", unknown = group == kUnknownGroup;
    for (const OrganisationRow& row : rows) {
        if (!row.counted) continue;
        const bool member = all || (by_sector ? (row.sector.empty() ? unknown : row.sector == group) : row.size == group);
        if (member) members.push_back(&row);
    }
    g.organisations = members.size();
    std::vector<double> values;
    for (const Part& part : parts) {
        values.clear();
        for (const OrganisationRow* row : members)
            if (std::optional<double> x = part_value(*row, part)) values.push_back(*x);
        g.parts.push_back(PartStats{part.kind, part.id, compute_stats(values, q)});
    }
    return g;
}

} // namespace

AggregateBuilder::AggregateBuilder(const Questionnaire& questionnaire, const AggregateOptions& options, std::size_t expected_files)
    : questionnaire_(questionnaire), options_(options) {
    result_.keep_duplicates = options.keep_duplicates;
    result_.files.reserve(expected_files);
    rows_.reserve(expected_files);
    row_files_.reserve(expected_files);
}

void AggregateBuilder::add(FileCheck&& check) {
    FileReport report;
    report.file = std::move(check.file);
    report.bytes = check.bytes;
    report.diagnostics = std::move(check.diagnostics);
    result_.bytes += check.bytes;
    if (check.row) {
        report.status = FileReport::Status::Counted;
        rows_.push_back(std::move(*check.row));
        row_files_.push_back(result_.files.size());
        ++result_.accepted;
    } else {
        ++result_.rejected;
    }
    result_.files.push_back(std::move(report));
}

Aggregate aggregate(const Questionnaire& questionnaire, std::vector<FileCheck> checks, const AggregateOptions& options) {
    std::size_t accepted = 0;
    for (const FileCheck& check : checks) accepted += check.row.has_value();
    AggregateBuilder builder(questionnaire, options, 0);
    builder.reserve(checks.size(), accepted);
    for (FileCheck& check : checks) builder.add(std::move(check));
    std::vector<FileCheck>().swap(checks); // frees the (moved-from) checks before the rows are sorted
    return builder.finish();
}

Aggregate AggregateBuilder::finish() {
    const Questionnaire& questionnaire = questionnaire_;
    const AggregateOptions& options = options_;
    Aggregate a = std::move(result_);
    std::vector<OrganisationRow> rows = std::move(rows_);        // accepted, in input order
    std::vector<std::size_t> row_files = std::move(row_files_); // per row: its index into a.files

    // By CVR, newest first; ties by file name, then input order, so the result never depends on
    // the order files were read in beyond that. Sorted as indices and then moved into place (a row
    // is large: no second array of them, no merge buffer).
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const OrganisationRow& a_ = rows[x];
        const OrganisationRow& b_ = rows[y];
        if (a_.cvr != b_.cvr) return a_.cvr < b_.cvr;
        if (const int newest = compare_newest_first(a_, b_)) return newest < 0;
        return x < y;
    });
    std::vector<std::size_t> files_of(rows.size()); // per sorted row: its index into a.files
    for (std::size_t k = 0; k < order.size(); ++k) files_of[k] = row_files[order[k]];
    std::vector<std::size_t>().swap(row_files);
    // rows[k] = old rows[order[k]], cycle by cycle.
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i) continue;
        OrganisationRow held = std::move(rows[i]);
        std::size_t j = i;
        while (order[j] != i) {
            const std::size_t from = order[j];
            rows[j] = std::move(rows[from]);
            order[j] = j;
            j = from;
        }
        rows[j] = std::move(held);
        order[j] = j;
    }
    std::vector<std::size_t>().swap(order); // freed as soon as done with: the figures below allocate their own

    for (std::size_t b = 0; b < rows.size();) {
        std::size_t e = b + 1;
        while (e < rows.size() && rows[e].cvr == rows[b].cvr) ++e;
        OrganisationRow& latest = rows[b];
        if (!options.keep_duplicates)
            for (std::size_t i = b + 1; i < e; ++i) {
                const bool same_file = same_file_sent_again(rows[i], latest);
                rows[i].counted = false;
                rows[i].superseded_by = latest.file;
                rows[i].same_file = same_file;
                FileReport& report = a.files[files_of[i]];
                report.status = FileReport::Status::Superseded;
                report.superseded_by = latest.file;
                report.same_file = same_file;
            }
        const OrganisationRow& first = rows[e - 1];
        if (e - b > 1 && changed_between_years(first, latest)) {
            latest.change = change_between(first, latest);
            ++a.organisations_with_change;
        }
        b = e;
    }
    for (const OrganisationRow& row : rows) {
        if (row.counted) ++a.counted;
        else ++a.superseded;
    }
    std::vector<std::size_t>().swap(files_of);
    a.rows = std::move(rows);

    const std::vector<Part> parts = score_parts(questionnaire);
    a.groups.push_back(group_stats(questionnaire, parts, a.rows, "all", "all"));
    bool unknown_sector = false, unknown_size = false;
    for (const OrganisationRow& row : a.rows) {
        if (!row.counted) continue;
        unknown_sector |= row.sector.empty();
        unknown_size |= row.size == kUnknownGroup;
    }
    if (const Question* sector = questionnaire.profile_field("sector"))
        for (const Option& option : sector->options) a.groups.push_back(group_stats(questionnaire, parts, a.rows, "sector", option.id));
    if (unknown_sector) a.groups.push_back(group_stats(questionnaire, parts, a.rows, "sector", kUnknownGroup));
    for (const char* band : kSizeBands) a.groups.push_back(group_stats(questionnaire, parts, a.rows, "size", band));
    if (unknown_size) a.groups.push_back(group_stats(questionnaire, parts, a.rows, "size", kUnknownGroup));

    a.goals = goal_years(questionnaire, a.rows, options.keep_duplicates);

    std::vector<double> values;
    for (const Part& part : parts) {
        values.clear();
        for (const OrganisationRow& row : a.rows)
            if (row.counted && row.change)
                if (std::optional<double> x = change_value(*row.change, part)) values.push_back(*x);
        ChangeStats c;
        c.kind = part.kind;
        c.id = part.id;
        for (double x : values) {
            if (x > 0) ++c.improved;
            else if (x < 0) ++c.declined;
            else ++c.unchanged;
        }
        c.stats = compute_stats(values, questionnaire);
        c.stats.levels.clear(); // a change is not a level
        a.changes.push_back(std::move(c));
    }
    return a;
}

} // namespace mf
