// aggregate_output.cpp - see aggregate_output.h; the columns are listed in docs/aggregation.md.
//
// Index
//   - csv_field, csv_number, CsvLine
//   - rows_csv, rows_json
//   - summary_csv, summary_json
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
                    {"change", nullptr}};
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
    for (const char* name : {"improved", "unchanged", "declined"}) header.text(name);
    append_line(out, header);

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
            for (int i = 0; i < 3; ++i) line.raw(std::string());
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
        append_line(out, line);
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
    json files = json::array();
    for (const FileReport& f : a.files) {
        if (f.status == FileReport::Status::Counted && f.diagnostics.empty()) continue;
        json problems = json::array();
        for (const Diagnostic& d : f.diagnostics)
            problems.push_back({{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"}, {"pointer", d.pointer}, {"message", d.message}});
        json entry = {{"file", f.file}, {"status", status_name(f.status)}, {"problems", std::move(problems)}};
        if (!f.superseded_by.empty()) entry["supersededBy"] = f.superseded_by;
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
                {"fileProblems", std::move(files)}};
}

} // namespace mf
