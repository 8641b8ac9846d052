// aggregate_output.cpp - see aggregate_output.h; the columns are listed in docs/aggregation.md.
//
// Index
//   - csv_field, csv_number, CsvLine
//   - rows_csv, rows_json
//   - summary_csv, summary_json (goal follow-up: goal_counts_json, share, the "goals" lines)
#include "core/aggregate_output.h"

#include "core/scoring.h"

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

std::string first_language(const Questionnaire& q) { return q.languages.empty() ? std::string("da") : q.languages.front(); }

std::string sector_title(const Questionnaire& q, const std::string& id) {
    if (const Question* sector = q.profile_field("sector"))
        if (const Option* o = sector->option(id)) return o->text.in(first_language(q));
    return std::string();
}

std::string level_title(const Questionnaire& q, const std::string& id) {
    for (const Level& l : q.levels)
        if (l.id == id) return l.title.in(first_language(q));
    return std::string();
}

std::string group_title(const Questionnaire& q, const GroupStats& g) {
    if (g.group == kUnknownGroup) return std::string();
    if (g.dimension == "sector") return sector_title(q, g.group);
    if (g.dimension == "size") {
        const Question* employees = q.profile_field("employees");
        const std::string unit = employees ? employees->unit.in(first_language(q)) : std::string();
        return unit.empty() ? g.group : g.group + " " + unit;
    }
    return std::string();
}

std::string part_title(const Questionnaire& q, PartKind kind, const std::string& id) {
    const std::string lang = first_language(q);
    if (kind == PartKind::Principle)
        if (const Principle* p = q.principle(id)) return p->title.in(lang);
    if (kind == PartKind::Theme)
        for (const Theme& t : q.themes)
            if (t.id == id) return t.title.in(lang);
    return std::string();
}

bool row_listed(const OrganisationRow& row) { return row.counted; }

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

} // namespace

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------
std::string rows_csv(const Questionnaire& q, const Aggregate& a, const CsvOptions& options) {
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    CsvLine header{options, {}};
    for (const char* name : {"cvr", "name", "sector", "sector_name", "employees", "size_band", "overall_pct", "level", "level_name", "coverage_pct"})
        header.text(name);
    for (const Principle& p : q.principles) header.text("principle_" + p.id + "_pct");
    for (const Theme& t : q.themes) header.text("theme_" + t.id + "_pct");
    for (const char* name : {"focus_areas", "questionnaire_version", "created", "updated", "language", "contact", "email", "file",
                             "first_updated", "first_file", "first_overall_pct", "change_overall_pp"})
        header.text(name);
    for (const Principle& p : q.principles) header.text("change_principle_" + p.id + "_pp");
    for (const char* name : {"follow_up_of", "goals_followed_up", "goals_reached", "goals_partly", "goals_not_reached", "goals_dropped"})
        header.text(name);
    append_line(out, header);

    for (const OrganisationRow& r : a.rows) {
        if (!row_listed(r)) continue;
        CsvLine line{options, {}};
        line.text(r.cvr);
        line.text(r.name);
        line.text(r.sector);
        line.text(sector_title(q, r.sector));
        line.raw(csv_count_or_number(r.employees, options));
        line.text(r.size);
        line.number(r.overall);
        line.text(r.level);
        line.text(level_title(q, r.level));
        line.number(r.coverage);
        for (const auto& x : r.principles) line.number(x);
        for (const auto& x : r.themes) line.number(x);
        line.count(static_cast<std::size_t>(r.focus_areas));
        for (const std::string* s : {&r.questionnaire_version, &r.created, &r.updated, &r.language, &r.contact, &r.email, &r.file}) line.text(*s);
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
    }
    return out;
}

json rows_json(const Questionnaire& q, const Aggregate& a) {
    json rows = json::array();
    for (const OrganisationRow& r : a.rows) {
        if (!row_listed(r)) continue;
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
                    {"contact", text_or_null(r.contact)},
                    {"email", text_or_null(r.email)},
                    {"file", r.file},
                    {"change", nullptr},
                    {"followUp", nullptr}};
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
    return json{{"format", kAggregateRowsFormat},
                {"formatVersion", kAggregateFormatVersion},
                {"questionnaire", {{"id", q.id}, {"version", q.version}, {"contentHash", q.content_hash}}},
                {"rows", std::move(rows)}};
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------
namespace {

void stats_columns(CsvLine& line, const Stats& s) {
    line.count(s.n);
    for (const auto* x : {&s.mean, &s.median, &s.q1, &s.q3, &s.min, &s.max}) line.number(*x);
}

// A status's share of the followed-up goals, in percent; absent when none was followed up.
std::optional<double> share(std::size_t part, std::size_t whole) {
    if (whole == 0) return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

json stats_json(const Questionnaire& q, const Stats& s, bool with_levels);

json goal_stats_json(const Questionnaire& q, const GoalStats& g) {
    return json{{"theme", g.theme},
                {"focusAreas", g.focus_areas},
                {"followedUp", g.followed_up},
                {"reached", g.reached},
                {"partly", g.partly},
                {"notReached", g.not_reached},
                {"dropped", g.dropped},
                {"shares", {{"reached", optional_json(share(g.reached, g.followed_up))},
                            {"partly", optional_json(share(g.partly, g.followed_up))},
                            {"notReached", optional_json(share(g.not_reached, g.followed_up))},
                            {"dropped", optional_json(share(g.dropped, g.followed_up))}}},
                {"progress", stats_json(q, g.progress, false)}};
}

json stats_json(const Questionnaire& q, const Stats& s, bool with_levels) {
    json j = {{"n", s.n},           {"mean", optional_json(s.mean)}, {"median", optional_json(s.median)}, {"q1", optional_json(s.q1)},
              {"q3", optional_json(s.q3)}, {"min", optional_json(s.min)},   {"max", optional_json(s.max)}};
    if (with_levels) {
        json levels = json::object();
        for (std::size_t i = 0; i < q.levels.size() && i < s.levels.size(); ++i) levels[q.levels[i].id] = s.levels[i];
        j["levels"] = levels;
    }
    return j;
}

} // namespace

std::string summary_csv(const Questionnaire& q, const Aggregate& a, const CsvOptions& options) {
    std::string out = options.bom ? "\xEF\xBB\xBF" : "";
    CsvLine header{options, {}};
    for (const char* name : {"dimension", "group", "group_name", "organisations", "part_kind", "part", "part_name", "n", "mean", "median", "q1", "q3", "min", "max"})
        header.text(name);
    for (const Level& l : q.levels) header.text("level_" + l.id);
    for (const char* name : {"improved", "unchanged", "declined", "focus_areas", "followed_up", "reached", "partly", "not_reached",
                             "dropped", "reached_pct", "partly_pct", "not_reached_pct", "dropped_pct"})
        header.text(name);
    append_line(out, header);
    const std::size_t goal_columns = 10; // focus_areas .. dropped_pct, empty on the score lines

    for (const GroupStats& g : a.groups)
        for (const PartStats& p : g.parts) {
            CsvLine line{options, {}};
            line.text(g.dimension);
            line.text(g.group);
            line.text(group_title(q, g));
            line.count(g.organisations);
            line.text(part_kind_name(p.kind));
            line.text(p.id);
            line.text(part_title(q, p.kind, p.id));
            stats_columns(line, p.stats);
            for (std::size_t n : p.stats.levels) line.count(n);
            for (std::size_t i = 0; i < 3 + goal_columns; ++i) line.raw(std::string());
            append_line(out, line);
        }
    for (const ChangeStats& c : a.changes) {
        CsvLine line{options, {}};
        line.text("change");
        line.text("all");
        line.text(std::string());
        line.count(a.organisations_with_change);
        line.text(part_kind_name(c.kind));
        line.text(c.id);
        line.text(part_title(q, c.kind, c.id));
        stats_columns(line, c.stats);
        for (std::size_t i = 0; i < q.levels.size(); ++i) line.raw(std::string());
        line.count(c.improved);
        line.count(c.unchanged);
        line.count(c.declined);
        for (std::size_t i = 0; i < goal_columns; ++i) line.raw(std::string());
        append_line(out, line);
    }
    // Goal follow-up: a line per year and theme (and all themes), progress in the stats columns.
    for (const GoalYear& y : a.goals) {
        std::vector<const GoalStats*> lines{&y.all};
        for (const GoalStats& g : y.themes) lines.push_back(&g);
        for (const GoalStats* g : lines) {
            CsvLine line{options, {}};
            line.text("goals");
            line.text(y.year);
            line.text(std::string());
            line.count(y.organisations);
            const bool all = g->theme == "all";
            line.text(all ? "all" : "theme");
            line.text(g->theme);
            line.text(all ? std::string() : part_title(q, PartKind::Theme, g->theme));
            stats_columns(line, g->progress);
            for (std::size_t i = 0; i < q.levels.size() + 3; ++i) line.raw(std::string());
            for (std::size_t n : {g->focus_areas, g->followed_up, g->reached, g->partly, g->not_reached, g->dropped}) line.count(n);
            for (std::size_t n : {g->reached, g->partly, g->not_reached, g->dropped}) line.number(share(n, g->followed_up));
            append_line(out, line);
        }
    }
    return out;
}

json summary_json(const Questionnaire& q, const Aggregate& a, const AggregateOptions& options) {
    json groups = json::array();
    for (const GroupStats& g : a.groups) {
        json parts = json::array();
        for (const PartStats& p : g.parts) {
            json part = {{"kind", part_kind_name(p.kind)}, {"id", p.id}};
            part.update(stats_json(q, p.stats, true));
            parts.push_back(std::move(part));
        }
        groups.push_back({{"dimension", g.dimension}, {"group", g.group}, {"organisations", g.organisations}, {"parts", std::move(parts)}});
    }
    json changes = json::array();
    for (const ChangeStats& c : a.changes) {
        json part = {{"kind", part_kind_name(c.kind)}, {"id", c.id}};
        part.update(stats_json(q, c.stats, false));
        part["improved"] = c.improved;
        part["unchanged"] = c.unchanged;
        part["declined"] = c.declined;
        changes.push_back(std::move(part));
    }
    json goals = json::array();
    for (const GoalYear& y : a.goals) {
        json themes = json::array();
        for (const GoalStats& g : y.themes) themes.push_back(goal_stats_json(q, g));
        goals.push_back({{"year", y.year}, {"organisations", y.organisations}, {"withFollowUp", y.with_follow_up},
                         {"all", goal_stats_json(q, y.all)}, {"themes", std::move(themes)}});
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
    return json{{"format", kAggregateFormat},
                {"formatVersion", kAggregateFormatVersion},
                {"questionnaire", {{"id", q.id}, {"version", q.version}, {"contentHash", q.content_hash}}},
                {"options", {{"keepDuplicates", options.keep_duplicates}}},
                {"files", {{"read", a.files.size()}, {"bytes", a.bytes}, {"accepted", a.accepted}, {"rejected", a.rejected},
                           {"superseded", a.superseded}, {"counted", a.counted}}},
                {"organisations", a.counted},
                {"groups", std::move(groups)},
                {"change", {{"organisations", a.organisations_with_change}, {"parts", std::move(changes)}}},
                {"goals", std::move(goals)},
                {"fileProblems", std::move(files)}};
}

} // namespace mf
