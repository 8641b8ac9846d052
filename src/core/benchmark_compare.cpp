// benchmark_compare.cpp - reading a benchmark and placing a company in it (benchmark_compare.h).
//
// Index
//   1. Reading: the document, years, groups, parts, counts and percentages (benchmark.* codes)
//   2. The company's groups and its place in each
#include "core/benchmark_compare.h"

#include "core/aggregate.h" // size_band
#include "core/benchmark.h" // kBenchmarkFormat
#include "core/json_input.h"
#include "core/json_reader.h"

#include <algorithm>

namespace mf {

namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// 1. Reading
// ---------------------------------------------------------------------------------------------
struct Reading {
    JsonReader reader;
    long long min_group = 0;
    bool ok = true;

    void fail(const std::string& pointer, std::string_view code, ParamList params, const std::string& message) {
        reader.error(pointer, code, params, message);
        ok = false;
    }

    bool read_count(const json& v, const std::string& p, BenchmarkCount& out) {
        if (v.is_null()) {
            out = {BenchmarkCount::Kind::Hidden, 0};
            return true;
        }
        if (v.is_number_integer() && v.get<long long>() >= 0) {
            out = {BenchmarkCount::Kind::Number, v.get<long long>()};
            return true;
        }
        if (v.is_object() && v.size() == 1 && v.contains("under") && v["under"].is_number_integer() && v["under"].get<long long>() >= 3) {
            out = {BenchmarkCount::Kind::Under, v["under"].get<long long>()};
            return true;
        }
        DiagnosticParams params = got_params(v);
        reader.error(p, "benchmark.count.invalid", params,
                     "expected a count (a whole number of 0 or more, {\"under\": k} or null), got " + describe_json(v));
        ok = false;
        return false;
    }

    std::optional<double> read_percent(const json& part, const std::string& p, const char* key) {
        const json* v = reader.member(part, p, key, true);
        if (!v) {
            ok = false;
            return std::nullopt;
        }
        if (v->is_null()) return std::nullopt;
        if (!v->is_number() || !(v->get<double>() >= 0 && v->get<double>() <= 100)) {
            fail(child_pointer(p, key), "benchmark.percent.invalid", {{"got", describe_json(*v)}},
                 "expected a percentage from 0 to 100 or null, got " + describe_json(*v));
            return std::nullopt;
        }
        return v->get<double>();
    }

    bool read_string_field(const json& object, const std::string& p, const char* key, std::string& out) {
        const json* v = reader.member(object, p, key, true);
        if (!v || !reader.read_string(*v, child_pointer(p, key), out)) return ok = false;
        return true;
    }

    // A string field that must be one of `allowed` (a part's kind, a group's dimension).
    void read_choice(const json& object, const std::string& p, const char* key, std::string& out, const std::vector<std::string>& allowed,
                     std::string_view code, const std::string& what) {
        if (!read_string_field(object, p, key, out) || std::find(allowed.begin(), allowed.end(), out) != allowed.end()) return;
        std::string list;
        for (std::size_t i = 0; i < allowed.size(); ++i) list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
        fail(child_pointer(p, key), code, {{"got", out}}, "\"" + out + "\" is not " + what + " (" + list + ")");
    }

    void read_count_field(const json& object, const std::string& p, const char* key, BenchmarkCount& out) {
        if (const json* n = reader.member(object, p, key, true)) read_count(*n, child_pointer(p, key), out);
        else ok = false;
    }

    void read_part(const json& v, const std::string& p, BenchmarkPart& part) {
        if (!reader.expect_object(v, p)) return void(ok = false);
        reader.warn_unknown(v, p, {"kind", "id", "n", "q1", "median", "q3", "levels"});
        read_choice(v, p, "kind", part.kind, {"overall", "principle", "theme"}, "benchmark.kind.unknown", "a part kind");
        read_string_field(v, p, "id", part.id);
        read_count_field(v, p, "n", part.n);
        const bool read_so_far = ok;
        ok = true;
        part.q1 = read_percent(v, p, "q1");
        part.median = read_percent(v, p, "median");
        part.q3 = read_percent(v, p, "q3");
        if (const json* levels = reader.member(v, p, "levels", true)) {
            if (reader.expect_object(*levels, p + "/levels")) {
                BenchmarkCount ignored;
                for (auto it = levels->begin(); it != levels->end(); ++it) read_count(*it, child_pointer(p + "/levels", it.key()), ignored);
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        const bool percents_read = ok;
        ok = ok && read_so_far;
        // A percentage already reported is not reported again as disordered quartiles.
        if (!percents_read || !(part.q1 || part.median || part.q3)) return;
        // Quartiles only from a published n of at least k (docs/aggregation.md section 12).
        if (!part.n.published() || part.n.value < min_group) {
            fail(p, "benchmark.quartiles.small_group",
                 {{"n", part.n.published() ? std::to_string(part.n.value) : std::string("not a number")}, {"min_group", std::to_string(min_group)}},
                 "quartiles are given for a group that is not published with at least " + std::to_string(min_group) + " organisations");
        } else if (!part.q1 || !part.median || !part.q3 || *part.q1 > *part.median || *part.median > *part.q3) {
            auto text = [](const std::optional<double>& x) { return x ? json_number(*x).dump() : std::string("null"); };
            fail(p, "benchmark.quartiles.not_ordered", {{"q1", text(part.q1)}, {"median", text(part.median)}, {"q3", text(part.q3)}},
                 "the quartiles must all be given and ordered q1 <= median <= q3 (" + text(part.q1) + ", " + text(part.median) + ", " +
                     text(part.q3) + ")");
        }
    }

    void read_group(const json& v, const std::string& p, BenchmarkGroup& g) {
        if (!reader.expect_object(v, p)) return void(ok = false);
        reader.warn_unknown(v, p, {"dimension", "group", "organisations", "parts"});
        read_choice(v, p, "dimension", g.dimension, {"all", "sector", "size"}, "benchmark.dimension.unknown", "a dimension");
        read_string_field(v, p, "group", g.group);
        read_count_field(v, p, "organisations", g.organisations);
        const json* parts = reader.member(v, p, "parts", true);
        if (!parts || !reader.expect_array(*parts, p + "/parts")) return void(ok = false);
        for (std::size_t i = 0; i < parts->size(); ++i) {
            g.parts.emplace_back();
            read_part((*parts)[i], child_pointer(p + "/parts", i), g.parts.back());
        }
    }

    void read_year(const json& v, const std::string& p, BenchmarkYear& y) {
        if (!reader.expect_object(v, p)) return void(ok = false);
        reader.warn_unknown(v, p, {"year", "groups"});
        if (const json* year = reader.member(v, p, "year", true)) {
            if (year->is_number_integer() && year->get<long long>() >= 1900 && year->get<long long>() <= 9999)
                y.year = year->get<int>();
            else
                fail(p + "/year", "benchmark.year.invalid", {{"got", describe_json(*year)}},
                     "expected a year from 1900 to 9999, got " + describe_json(*year));
        } else {
            ok = false;
        }
        const json* groups = reader.member(v, p, "groups", true);
        if (!groups || !reader.expect_array(*groups, p + "/groups")) return void(ok = false);
        for (std::size_t i = 0; i < groups->size(); ++i) {
            y.groups.emplace_back();
            read_group((*groups)[i], child_pointer(p + "/groups", i), y.groups.back());
        }
    }
};

} // namespace

const BenchmarkPart* BenchmarkGroup::part(const std::string& kind, const std::string& id) const {
    for (const BenchmarkPart& p : parts)
        if (p.kind == kind && p.id == id) return &p;
    return nullptr;
}

const BenchmarkGroup* BenchmarkYear::group(const std::string& dimension, const std::string& name) const {
    for (const BenchmarkGroup& g : groups)
        if (g.dimension == dimension && g.group == name) return &g;
    return nullptr;
}

bool mentions_benchmark(std::string_view bytes) { return bytes.find(kBenchmarkFormat) != std::string_view::npos; }

std::optional<Benchmark> read_benchmark(std::string_view bytes, const std::string& file, const std::string& questionnaire_id,
                                        Diagnostics& out) {
    std::optional<json> doc = parse_json_document(bytes, file, out, JsonLimits{kMaxBenchmarkBytes, 16});
    if (!doc) return std::nullopt;
    Reading r{JsonReader{file, &out}};
    JsonReader& reader = r.reader;
    if (!reader.expect_object(*doc, "")) return std::nullopt;
    const json* format = reader.member(*doc, "", "format", true);
    if (!format) return std::nullopt;
    if (!format->is_string() || *format != kBenchmarkFormat) {
        reader.error("/format", "benchmark.format.wrong", got_params(*format),
                     "expected \"" + std::string(kBenchmarkFormat) + "\", got " + describe_json(*format) + ": not a benchmark file");
        return std::nullopt;
    }
    const json* version = reader.member(*doc, "", "formatVersion", true);
    if (!version) return std::nullopt;
    if (!version->is_number_integer() || version->get<long long>() != kBenchmarkFormatVersion) {
        reader.error("/formatVersion", "benchmark.format_version.unknown",
                     {{"version", version->dump()}, {"supported", std::to_string(kBenchmarkFormatVersion)}},
                     "benchmark version " + version->dump() + " is not known to this program (it reads " +
                         std::to_string(kBenchmarkFormatVersion) + ")");
        return std::nullopt;
    }
    reader.warn_unknown(*doc, "", {"format", "formatVersion", "questionnaire", "created", "minGroup", "levels", "years"});

    Benchmark b;
    b.file = file;
    if (const json* q = reader.member(*doc, "", "questionnaire", true); q && reader.expect_object(*q, "/questionnaire")) {
        r.read_string_field(*q, "/questionnaire", "id", b.questionnaire_id);
        r.read_string_field(*q, "/questionnaire", "version", b.questionnaire_version);
        if (r.ok && b.questionnaire_id != questionnaire_id)
            r.fail("/questionnaire/id", "benchmark.questionnaire.other", {{"questionnaire", b.questionnaire_id}, {"expected", questionnaire_id}},
                   "the benchmark is about the questionnaire \"" + b.questionnaire_id + "\", not \"" + questionnaire_id + "\"");
    } else {
        return std::nullopt;
    }
    r.read_string_field(*doc, "", "created", b.created);
    if (const json* k = reader.member(*doc, "", "minGroup", true)) {
        if (k->is_number_integer() && k->get<long long>() >= 3) b.min_group = r.min_group = k->get<long long>();
        else r.fail("/minGroup", "benchmark.min_group.invalid", {{"got", describe_json(*k)}},
                    "expected a whole number of 3 or more (the smallest group shown), got " + describe_json(*k));
    } else {
        r.ok = false;
    }
    if (const json* levels = reader.member(*doc, "", "levels", true); !levels || !reader.expect_array(*levels, "/levels")) r.ok = false;
    if (!r.ok) return std::nullopt; // the years are checked against minGroup
    const json* years = reader.member(*doc, "", "years", true);
    if (!years || !reader.expect_array(*years, "/years")) return std::nullopt;
    for (std::size_t i = 0; i < years->size(); ++i) {
        b.years.emplace_back();
        r.read_year((*years)[i], child_pointer("/years", i), b.years.back());
    }
    if (!r.ok) return std::nullopt;
    std::sort(b.years.begin(), b.years.end(), [](const BenchmarkYear& x, const BenchmarkYear& y) { return x.year < y.year; });
    return b;
}

// ---------------------------------------------------------------------------------------------
// 2. The company's place
// ---------------------------------------------------------------------------------------------
BenchmarkGroups benchmark_groups(const Questionnaire& questionnaire, const Answers& answers, const std::string& updated) {
    BenchmarkGroups g;
    if (const Question* q = questionnaire.profile_field("sector"))
        if (const std::string* s = answer_text(answers, q->id)) g.sector = *s;
    std::optional<double> employees;
    if (const Question* q = questionnaire.profile_field("employees"))
        if (const double* x = answer_number(answers, q->id)) employees = *x;
    g.size = size_band(employees);
    if (updated.size() >= 4 && std::all_of(updated.begin(), updated.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
        g.year = std::stoi(updated.substr(0, 4));
    return g;
}

namespace {

BenchmarkPlace place(const BenchmarkYear& year, const std::string& dimension, const std::string& group, const std::string& kind,
                     const std::string& id, const std::optional<double>& own) {
    BenchmarkPlace p;
    p.dimension = dimension;
    p.group = group;
    if (group.empty() || group == kUnknownGroup) {
        p.status = BenchmarkPlace::Status::NoGroup;
        return p;
    }
    const BenchmarkGroup* g = year.group(dimension, group);
    const BenchmarkPart* part = g ? g->part(kind, id) : nullptr;
    if (!g || !part) {
        p.status = BenchmarkPlace::Status::NotInFile;
        return p;
    }
    // The group's own count first: a small group's parts are withheld whatever they say.
    const BenchmarkCount& count = g->organisations.published() ? part->n : g->organisations;
    if (count.kind == BenchmarkCount::Kind::Under) p.status = BenchmarkPlace::Status::Small;
    else if (!count.published() || !part->q1) p.status = BenchmarkPlace::Status::Hidden;
    else p.status = BenchmarkPlace::Status::Shown;
    if (p.status != BenchmarkPlace::Status::Shown) return p;
    p.n = part->n.value;
    p.q1 = part->q1;
    p.median = part->median;
    p.q3 = part->q3;
    if (own) p.position = *own < *p.q1 ? BenchmarkPosition::Below : *own > *p.q3 ? BenchmarkPosition::Above : BenchmarkPosition::Middle;
    return p;
}

} // namespace

BenchmarkComparison place_in_benchmark(const Benchmark& benchmark, const Questionnaire& questionnaire, const ScoreSummary& own,
                                       const BenchmarkGroups& groups) {
    BenchmarkComparison c;
    c.min_group = benchmark.min_group;
    c.assessment_year = groups.year;
    if (benchmark.years.empty()) return c;
    const BenchmarkYear* year = &benchmark.years.back();
    for (const BenchmarkYear& y : benchmark.years)
        if (y.year == groups.year) year = &y;
    c.year = year->year;
    c.own_year = year->year == groups.year;
    auto add = [&](const std::string& kind, const std::string& id, const std::optional<double>& value) {
        BenchmarkPartPlace part;
        part.kind = kind;
        part.id = id;
        if (value) part.own = round1(*value);
        part.places.push_back(place(*year, "all", "all", kind, id, part.own));
        part.places.push_back(place(*year, "sector", groups.sector, kind, id, part.own));
        part.places.push_back(place(*year, "size", groups.size, kind, id, part.own));
        c.parts.push_back(std::move(part));
    };
    auto in_file = [&](const std::string& kind, const std::string& id) {
        for (const BenchmarkGroup& g : year->groups)
            if (g.part(kind, id)) return true;
        return false;
    };
    if (in_file("overall", "overall")) add("overall", "overall", own.overall);
    for (const Principle& pr : questionnaire.principles) {
        if (!in_file("principle", pr.id)) continue;
        auto it = own.principles.find(pr.id);
        add("principle", pr.id, it == own.principles.end() ? std::nullopt : it->second);
    }
    return c;
}

} // namespace mf
