// aggregate_output.cpp - see aggregate_output.h; the columns are listed in docs/aggregation.md.
//
// Index
//   - csv_field, csv_number, CsvLine
//   - rows_csv, rows_json
//   - rows: goal_counts (one organisation's followed-up goals by status)
//   - summary_csv, summary_json: from a Publication (the "goals" lines: its GoalFigures)
#include "core/aggregate_output.h"

#include "core/scoring.h"
#include "core/texts.h"

#include <cmath>
#include <cstdio>

namespace mf {

using nlohmann::json;

std::string csv_field(std::string_view text, char separator) {
    std::string value;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t')) value += '\'';
    value += text;
    const bool quote = value.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_number(std::optional<double> x, const CsvOptions& options) {
    if (!x) return std::string();
    double r = round1(*x);
    if (r == 0) r = 0; // no "-0.0"
    char buf[64];
    // r is n / 10 rounded to a double, so "%.1f" prints n with a point before its last digit: written
    // so here (snprintf was 2,000 instructions a number, 60 % of the rows CSV). Checked: n / 10 must
    // give r back; anything else (huge, not finite) goes to snprintf.
    const double tenths = std::round(r * 10.0);
    if (std::fabs(tenths) < 1e15 && tenths / 10.0 == r) {
        long long n = static_cast<long long>(tenths);
        char* end = buf + sizeof buf;
        char* p = end;
        const bool negative = n < 0;
        unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
        *--p = static_cast<char>('0' + u % 10);
        *--p = '.';
        u /= 10;
        do {
            *--p = static_cast<char>('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (negative) *--p = '-';
        std::string out(p, static_cast<std::size_t>(end - p));
        if (options.decimal_comma)
            for (char& c : out)
                if (c == '.') c = ',';
        return out;
    }
    std::snprintf(buf, sizeof buf, "%.1f", r);
    std::string out = buf;
    if (options.decimal_comma)
        for (char& c : out)
            if (c == '.') c = ',';
    return out;
}

namespace {

// Builds one line; numbers and counts are never quoted, texts always go through csv_field.
struct CsvLine {
    const CsvOptions& options;
    std::string line;
    std::size_t fields = 0;
    void raw(const std::string& s) {
        if (fields++ > 0) line += options.separator;
        line += s;
    }
    void text(std::string_view s) { raw(csv_field(s, options.separator)); }
    void number(std::optional<double> x) { raw(csv_number(x, options)); }
    void count(std::size_t n) { raw(std::to_string(n)); }
};

// Employee counts are whole numbers in the questionnaire; written without decimals when whole.
std::string csv_count_or_number(std::optional<double> x, const CsvOptions& options) {
    if (!x) return std::string();
    if (*x == static_cast<double>(static_cast<long long>(*x)) && *x >= 0 && *x < 1e15) return std::to_string(static_cast<long long>(*x));
    return csv_number(x, options);
}

void append_line(std::string& out, CsvLine& line) {
    out += line.line;
    out += "\r\n"; // RFC 4180 line ends; Excel accepts both, and fields may hold "\n" themselves
}

std::string sector_title(const Questionnaire& q, const std::string& id, const std::string& lang) {
    if (const Question* sector = q.profile_field("sector"))
        if (const Option* o = sector->option(id)) return o->text.in(lang);
    return std::string();
}

std::string level_title(const Questionnaire& q, const std::string& id, const std::string& lang) {
    for (const Level& l : q.levels)
        if (l.id == id) return l.title.in(lang);
    return std::string();
}

// One organisation's followed-up goals by status (goals without a status are not counted).
struct GoalCounts {
    std::size_t followed_up = 0, reached = 0, partly = 0, not_reached = 0, dropped = 0;
};
GoalCounts goal_counts(const std::vector<FollowedUpGoal>& goals) {
    GoalCounts c;
    for (const FollowedUpGoal& g : goals) {
        if (g.status == FollowUpStatus::None) continue;
        ++c.followed_up;
        if (g.status == FollowUpStatus::Reached) ++c.reached;
        if (g.status == FollowUpStatus::Partly) ++c.partly;
        if (g.status == FollowUpStatus::NotReached) ++c.not_reached;
        if (g.status == FollowUpStatus::Dropped) ++c.dropped;
    }
    return c;
}

json optional_json(const std::optional<double>& x) { return x ? json_number(round1(*x)) : json(nullptr); }
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json questionnaire_json(const Questionnaire& q) { return {{"id", q.id}, {"version", q.version}, {"contentHash", q.content_hash}}; }

} // namespace

json count_json(const CountFigure& c, std::size_t min_group) {
    if (c.status == Disclosure::Published) return c.count;
    if (c.status == Disclosure::Small) return json{{"under", min_group}};
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Rows (internal)
// ---------------------------------------------------------------------------------------------
std::string rows_csv(const Questionnaire& q, const Aggregate& a, const CsvOptions& options, const RowsOptions& rows) {
    std::string text;
    write_rows_csv(q, a, options, rows, [&](std::string_view chunk) { text.append(chunk); });
    return text;
}

void write_rows_csv(const Questionnaire& q, const Aggregate& a, const CsvOptions& options, const RowsOptions& rows,
                    const std::function<void(std::string_view)>& write) {
    const std::string& lang = options.language;
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    const Texts t(lang);
    CsvLine label{options, {}};
    label.text(t("aggregate.internal_rows"));
    append_line(out, label);
    // The header in the file's language: English is the columns' ids (docs/aggregation.md, section 7).
    CsvLine header{options, {}};
    for (const char* key : {"csv.cvr", "csv.name", "csv.sector", "csv.sector_name", "csv.employees", "csv.size_band", "csv.overall_pct",
                            "csv.level", "csv.level_name", "csv.coverage_pct"})
        header.text(t(key));
    for (const Principle& p : q.principles) header.text(t("csv.principle_pct", {{"id", p.id}}));
    for (const Theme& th : q.themes) header.text(t("csv.theme_pct", {{"id", th.id}}));
    for (const char* key : {"csv.focus_areas", "csv.questionnaire_version", "csv.created", "csv.updated", "csv.language"}) header.text(t(key));
    if (rows.with_contacts)
        for (const char* key : {"csv.contact", "csv.email"}) header.text(t(key));
    for (const char* key : {"csv.file", "csv.first_updated", "csv.first_file", "csv.first_overall_pct", "csv.change_overall_pp"}) header.text(t(key));
    for (const Principle& p : q.principles) header.text(t("csv.change_principle_pp", {{"id", p.id}}));
    for (const char* key : {"csv.follow_up_of", "csv.goals_followed_up", "csv.goals_reached", "csv.goals_partly", "csv.goals_not_reached",
                            "csv.goals_dropped"})
        header.text(t(key));
    append_line(out, header);

    for (const OrganisationRow& r : a.rows) {
        if (!r.counted) continue;
        CsvLine line{options, {}};
        line.text(r.cvr);
        line.text(r.name);
        line.text(r.sector);
        line.text(sector_title(q, r.sector, lang));
        line.raw(csv_count_or_number(r.employees, options));
        line.text(r.size);
        line.number(r.overall);
        line.text(r.level);
        line.text(level_title(q, r.level, lang));
        line.number(r.coverage);
        for (const auto& x : r.principles) line.number(x);
        for (const auto& x : r.themes) line.number(x);
        line.count(static_cast<std::size_t>(r.focus_areas));
        for (const std::string* s : {&r.questionnaire_version, &r.created, &r.updated, &r.language}) line.text(*s);
        if (rows.with_contacts) {
            line.text(r.contact);
            line.text(r.email);
        }
        line.text(r.file);
        if (r.change) {
            line.text(r.change->first_updated);
            line.text(r.change->first_file);
            line.number(r.change->first_overall);
            line.number(r.change->overall);
            for (const auto& x : r.change->principles) line.number(x);
        } else {
            for (std::size_t i = 0; i < 4 + q.principles.size(); ++i) line.raw(std::string());
        }
        if (r.follow_up_of) {
            const GoalCounts c = goal_counts(r.followed_up);
            line.text(*r.follow_up_of);
            for (std::size_t n : {c.followed_up, c.reached, c.partly, c.not_reached, c.dropped}) line.count(n);
        } else {
            for (int i = 0; i < 6; ++i) line.raw(std::string());
        }
        append_line(out, line);
        if (out.size() >= (1u << 16)) {
            write(out);
            out.clear();
        }
    }
    write(out);
}

json rows_json(const Questionnaire& q, const Aggregate& a, const RowsOptions& options, const std::string& language) {
    json rows = json::array();
    for (const OrganisationRow& r : a.rows) {
        if (!r.counted) continue;
        json principles = json::object(), themes = json::object();
        for (std::size_t i = 0; i < q.principles.size(); ++i) principles[q.principles[i].id] = optional_json(r.principles[i]);
        for (std::size_t i = 0; i < q.themes.size(); ++i) themes[q.themes[i].id] = optional_json(r.themes[i]);
        json row = {{"cvr", r.cvr},
                    {"name", r.name},
                    {"sector", text_or_null(r.sector)},
                    {"employees", r.employees ? json_number(*r.employees) : json(nullptr)},
                    {"sizeBand", r.size},
                    {"overall", optional_json(r.overall)},
                    {"level", text_or_null(r.level)},
                    {"coverage", optional_json(r.coverage)},
                    {"principles", principles},
                    {"themes", themes},
                    {"focusAreas", r.focus_areas},
                    {"questionnaireVersion", r.questionnaire_version},
                    {"created", r.created},
                    {"updated", r.updated},
                    {"language", r.language},
                    {"file", r.file},
                    {"change", nullptr},
                    {"followUp", nullptr}};
        if (options.with_contacts) {
            row["contact"] = text_or_null(r.contact);
            row["email"] = text_or_null(r.email);
        }
        if (r.change) {
            json cp = json::object(), ct = json::object();
            for (std::size_t i = 0; i < q.principles.size(); ++i) cp[q.principles[i].id] = optional_json(r.change->principles[i]);
            for (std::size_t i = 0; i < q.themes.size(); ++i) ct[q.themes[i].id] = optional_json(r.change->themes[i]);
            row["change"] = {{"firstFile", r.change->first_file},
                             {"firstUpdated", r.change->first_updated},
                             {"firstOverall", optional_json(r.change->first_overall)},
                             {"overall", optional_json(r.change->overall)},
                             {"principles", cp},
                             {"themes", ct}};
        }
        if (r.follow_up_of) {
            json goals = json::array();
            for (const FollowedUpGoal& g : r.followed_up)
                goals.push_back({{"focus", g.focus}, {"theme", text_or_null(g.theme)},
                                 {"status", *follow_up_status_id(g.status) ? json(follow_up_status_id(g.status)) : json(nullptr)},
                                 {"progress", optional_json(g.progress)}});
            const GoalCounts c = goal_counts(r.followed_up);
            row["followUp"] = {{"earlierCreated", *r.follow_up_of}, {"followedUp", c.followed_up}, {"reached", c.reached},
                               {"partly", c.partly}, {"notReached", c.not_reached}, {"dropped", c.dropped}, {"goals", std::move(goals)}};
        }
        rows.push_back(std::move(row));
    }
    json files = json::array();
    for (const FileReport& f : a.files) {
        if (f.status == FileReport::Status::Counted && f.diagnostics.empty()) continue;
        json problems = json::array();
        for (const Diagnostic& d : f.diagnostics)
            problems.push_back({{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"}, {"pointer", d.pointer}, {"message", d.message}});
        json entry = {{"file", f.file}, {"status", status_name(f.status)}, {"problems", std::move(problems)}};
        if (!f.superseded_by.empty()) entry["supersededBy"] = f.superseded_by;
        if (f.same_file) entry["sameFile"] = true;
        files.push_back(std::move(entry));
    }
    // "classification" sorts before every other member, so it is the file's first line.
    return json{{"classification", Texts(language)("aggregate.internal_rows")},
                {"format", kAggregateRowsFormat},
                {"formatVersion", kAggregateRowsFormatVersion},
                {"questionnaire", questionnaire_json(q)},
                {"options", {{"keepDuplicates", a.keep_duplicates}, {"withContacts", options.with_contacts}}},
                {"files", {{"read", a.files.size()}, {"bytes", a.bytes}, {"accepted", a.accepted}, {"rejected", a.rejected},
                           {"superseded", a.superseded}, {"counted", a.counted}}},
                {"rows", std::move(rows)},
                {"fileProblems", std::move(files)}};
}

// ---------------------------------------------------------------------------------------------
// Summary (published)
// ---------------------------------------------------------------------------------------------
namespace {

std::optional<double> share_of(const CountFigure& part, const CountFigure& whole) {
    if (!part.published() || !whole.published() || whole.count == 0) return std::nullopt;
    return 100.0 * static_cast<double>(part.count) / static_cast<double>(whole.count);
}

// The columns of every line, in order; a line fills what applies to it.
struct SummaryLine {
    const Questionnaire& q;
    const Publication& p;
    const CsvOptions& options;
    CsvLine line{options, {}};
    std::string count(const CountFigure& c) const { return csv_field(count_text(c, p.min_group, options.language), options.separator); }
    void start(int year, const std::string& dimension, const std::string& group, const std::string& group_name, const CountFigure& organisations) {
        line.count(static_cast<std::size_t>(year));
        line.text(dimension);
        line.text(group);
        line.text(group_name);
        line.raw(count(organisations));
    }
    void part(PartKind kind, const std::string& id) {
        line.text(part_kind_name(kind));
        line.text(id);
        line.text(part_title(q, kind, id, options.language));
    }
    void figures(const CountFigure& n, const std::optional<double>& mean, const std::optional<double>& median,
                 const std::optional<double>& q1, const std::optional<double>& q3) {
        line.raw(count(n));
        for (const auto* x : {&mean, &median, &q1, &q3}) line.number(*x);
    }
    void empty(std::size_t fields) {
        for (std::size_t i = 0; i < fields; ++i) line.raw(std::string());
    }
};

} // namespace

std::string summary_csv(const Questionnaire& q, const Publication& p, const CsvOptions& options) {
    const std::string& lang = options.language;
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    const Texts t(lang); // the header in the file's language, as in rows_csv
    CsvLine header{options, {}};
    for (const char* key : {"csv.year", "csv.dimension", "csv.group", "csv.group_name", "csv.organisations", "csv.part_kind", "csv.part",
                            "csv.part_name", "csv.n", "csv.mean", "csv.median", "csv.q1", "csv.q3"})
        header.text(t(key));
    for (const Level& l : q.levels) header.text(t("csv.level_count", {{"id", l.id}}));
    for (const char* key : {"csv.improved", "csv.unchanged", "csv.declined", "csv.answer", "csv.answer_name", "csv.share_pct"}) header.text(t(key));
    append_line(out, header);
    if (p.empty()) return out;
    const YearFigures& y = p.year();
    const std::size_t levels = q.levels.size();

    for (const GroupFigures& g : y.groups)
        for (const PartFigures& part : g.parts) {
            SummaryLine l{q, p, options};
            l.start(y.year, g.dimension, g.group, group_title(q, g.dimension, g.group, lang), g.organisations);
            l.part(part.kind, part.id);
            l.figures(part.n, part.mean, part.median, part.q1, part.q3);
            for (const CountFigure& c : part.levels) l.line.raw(l.count(c));
            l.empty(6);
            append_line(out, l.line);
        }
    for (const CrossFigures& c : y.cross) {
        SummaryLine l{q, p, options};
        l.start(y.year, "sector_size", c.sector + "/" + c.size,
                group_title(q, "sector", c.sector, lang) + ", " + group_title(q, "size", c.size, lang), c.organisations);
        l.part(PartKind::Overall, "overall");
        l.figures(c.organisations, c.mean, c.median, std::nullopt, std::nullopt);
        l.empty(levels + 6);
        append_line(out, l.line);
    }
    const std::vector<const Question*> questions = scored_questions(q);
    const CountFigure& everyone = y.all().organisations;
    for (std::size_t i = 0; i < y.questions.size(); ++i) {
        const QuestionFigures& f = y.questions[i];
        auto answer_line = [&](const std::string& id, const std::string& name, const CountFigure& count) {
            SummaryLine l{q, p, options};
            l.start(y.year, "answer", "all", group_title(q, "all", "all", lang), everyone);
            l.line.text("question");
            l.line.text(f.id);
            l.line.text(questions[i]->text.in(lang));
            l.figures(count, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
            l.empty(levels + 3);
            l.line.text(id);
            l.line.text(name);
            l.line.number(share_of(count, everyone));
            append_line(out, l.line);
        };
        for (const AnswerFigures& a : f.answers) answer_line(a.option, answer_title(*questions[i], a.option, lang), a.count);
        answer_line("not_answered", t("aggregate.not_answered"), f.not_answered);
    }
    if (p.change) {
        const ChangeFigures& c = *p.change;
        for (const ChangePartFigures& part : c.parts) {
            SummaryLine l{q, p, options};
            l.start(c.to_year, "change", std::to_string(c.from_year) + "-" + std::to_string(c.to_year), std::string(), c.organisations);
            l.part(part.kind, part.id);
            l.figures(part.n, part.mean, part.median, part.q1, part.q3);
            l.empty(levels);
            for (const CountFigure* x : {&part.improved, &part.unchanged, &part.declined}) l.line.raw(l.count(*x));
            l.empty(3);
            append_line(out, l.line);
        }
    }
    // Goal follow-up (all themes): the focus areas, then, for k or more organisations with a
    // follow-up, a line per status with its share of the followed-up goals, and the progress.
    const GoalFigures& g = y.goals;
    auto goal_line = [&](const std::string& id, const std::string& name, const std::string& n) {
        SummaryLine l{q, p, options};
        l.start(y.year, "goals", "all", group_title(q, "all", "all", lang), g.with_follow_up);
        l.line.text("goals");
        l.line.text(id);
        l.line.text(name);
        l.line.raw(n);
        return l;
    };
    if (g.focus_areas) {
        SummaryLine l = goal_line("focus_areas", t("aggregate.focus_areas"), std::to_string(*g.focus_areas));
        l.empty(4 + levels + 6);
        append_line(out, l.line);
    }
    if (g.shown) {
        for (std::size_t i = 0; i < g.statuses.size(); ++i) {
            SummaryLine l = goal_line(follow_up_status_id(kFollowUpStatuses[i]), follow_up_status_name(kFollowUpStatuses[i], lang),
                                      std::to_string(g.statuses[i]));
            l.empty(4 + levels + 5);
            l.line.number(g.status_share(i));
            append_line(out, l.line);
        }
        SummaryLine l = goal_line("progress", t("aggregate.goal_progress"), std::to_string(g.with_progress));
        for (const auto* x : {&g.mean, &g.median, &g.q1, &g.q3}) l.line.number(*x);
        l.empty(levels + 6);
        append_line(out, l.line);
    }
    return out;
}

json summary_json(const Questionnaire& q, const Aggregate& a, const Publication& p) {
    const std::size_t k = p.min_group;
    json out = {{"format", kAggregateFormat},
                {"formatVersion", kAggregateFormatVersion},
                {"questionnaire", questionnaire_json(q)},
                {"disclosure", {{"minGroup", k}}},
                {"files", {{"read", a.files.size()}, {"bytes", a.bytes}, {"accepted", a.accepted}, {"rejected", a.rejected}}},
                {"years", json::array()},
                {"year", nullptr},
                {"organisations", 0},
                {"withoutScore", 0},
                {"questionnaireVersions", json::array()},
                {"groups", json::array()},
                {"sectorBySize", json::array()},
                {"questions", json::array()},
                {"change", nullptr}};
    for (const YearFigures& y : p.years) out["years"].push_back(y.year);
    if (p.empty()) return out;
    const YearFigures& y = p.year();
    out["year"] = y.year;
    out["organisations"] = count_json(y.all().organisations, k);
    out["withoutScore"] = y.without_score;
    out["questionnaireVersions"] = y.versions;
    for (const GroupFigures& g : y.groups) {
        json parts = json::array();
        for (const PartFigures& part : g.parts) {
            json levels = json::object();
            for (std::size_t i = 0; i < q.levels.size() && i < part.levels.size(); ++i) levels[q.levels[i].id] = count_json(part.levels[i], k);
            parts.push_back({{"kind", part_kind_name(part.kind)}, {"id", part.id}, {"n", count_json(part.n, k)}, {"mean", optional_json(part.mean)},
                             {"median", optional_json(part.median)}, {"q1", optional_json(part.q1)}, {"q3", optional_json(part.q3)},
                             {"levels", std::move(levels)}});
        }
        out["groups"].push_back({{"dimension", g.dimension}, {"group", g.group}, {"organisations", count_json(g.organisations, k)}, {"parts", std::move(parts)}});
    }
    for (const CrossFigures& c : y.cross)
        out["sectorBySize"].push_back({{"sector", c.sector}, {"size", c.size}, {"organisations", count_json(c.organisations, k)},
                                       {"mean", optional_json(c.mean)}, {"median", optional_json(c.median)}});
    const std::vector<const Question*> questions = scored_questions(q);
    for (std::size_t i = 0; i < y.questions.size(); ++i) {
        const QuestionFigures& f = y.questions[i];
        json answers = json::array();
        for (const AnswerFigures& ans : f.answers)
            answers.push_back({{"id", ans.option}, {"count", count_json(ans.count, k)}, {"share", optional_json(share_of(ans.count, y.all().organisations))}});
        const Theme* theme = q.theme_of(f.id);
        out["questions"].push_back({{"id", f.id}, {"theme", theme ? theme->id : std::string()}, {"type", question_type_name(questions[i]->type)},
                                    {"answers", std::move(answers)}, {"notAnswered", count_json(f.not_answered, k)}});
    }
    if (p.change) {
        json parts = json::array();
        for (const ChangePartFigures& part : p.change->parts)
            parts.push_back({{"kind", part_kind_name(part.kind)}, {"id", part.id}, {"n", count_json(part.n, k)}, {"mean", optional_json(part.mean)},
                             {"median", optional_json(part.median)}, {"q1", optional_json(part.q1)}, {"q3", optional_json(part.q3)},
                             {"improved", count_json(part.improved, k)}, {"unchanged", count_json(part.unchanged, k)},
                             {"declined", count_json(part.declined, k)}});
        out["change"] = {{"fromYear", p.change->from_year}, {"toYear", p.change->to_year},
                         {"organisations", count_json(p.change->organisations, k)}, {"parts", std::move(parts)}};
    }
    const GoalFigures& g = y.goals;
    json goals = {{"withFollowUp", count_json(g.with_follow_up, k)},
                  {"focusAreas", g.focus_areas ? json(*g.focus_areas) : json(nullptr)},
                  {"followedUp", nullptr},
                  {"statuses", nullptr},
                  {"progress", nullptr}};
    if (g.shown) {
        goals["followedUp"] = g.followed_up;
        json statuses = json::object();
        for (std::size_t i = 0; i < g.statuses.size(); ++i) {
            statuses[follow_up_status_id(kFollowUpStatuses[i])] = {{"count", g.statuses[i]}, {"share", optional_json(g.status_share(i))}};
        }
        goals["statuses"] = std::move(statuses);
        goals["progress"] = {{"n", g.with_progress}, {"mean", optional_json(g.mean)}, {"median", optional_json(g.median)},
                             {"q1", optional_json(g.q1)}, {"q3", optional_json(g.q3)}};
    }
    out["goals"] = std::move(goals);
    return out;
}

std::string summary_csv(const Questionnaire& q, const Aggregate& a, const CsvOptions& options) {
    return summary_csv(q, publish(q, a.rows), options);
}

json summary_json(const Questionnaire& q, const Aggregate& a, const AggregateOptions&) {
    return summary_json(q, a, publish(q, a.rows));
}

} // namespace mf
