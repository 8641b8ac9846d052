// benchmark.cpp - see benchmark.h; the format is docs/benchmark.md.
#include "core/benchmark.h"

#include "core/aggregate_output.h" // count_json
#include "core/scoring.h"

namespace mf {

namespace {

using nlohmann::json;

json figure_json(const std::optional<double>& x) { return x ? json_number(round1(*x)) : json(nullptr); }

json group_json(const Questionnaire& q, const GroupFigures& g, std::size_t k) {
    json parts = json::array();
    for (const PartFigures& p : g.parts) {
        json levels = json::object();
        for (std::size_t i = 0; i < q.levels.size() && i < p.levels.size(); ++i) levels[q.levels[i].id] = count_json(p.levels[i], k);
        parts.push_back({{"kind", part_kind_name(p.kind)}, {"id", p.id}, {"n", count_json(p.n, k)}, {"q1", figure_json(p.q1)},
                         {"median", figure_json(p.median)}, {"q3", figure_json(p.q3)}, {"levels", std::move(levels)}});
    }
    return {{"dimension", g.dimension}, {"group", g.group}, {"organisations", count_json(g.organisations, k)}, {"parts", std::move(parts)}};
}

} // namespace

json benchmark_json(const Questionnaire& q, const Publication& p, const std::string& date) {
    json levels = json::array();
    for (const Level& l : q.levels) levels.push_back({{"id", l.id}, {"minPercent", json_number(l.min_percent)}});
    json years = json::array();
    for (std::size_t i = 0; i < p.years.size() && i <= p.selected; ++i) {
        const YearFigures& y = p.years[i];
        json groups = json::array();
        for (const GroupFigures& g : y.groups) groups.push_back(group_json(q, g, p.min_group));
        years.push_back({{"year", y.year}, {"groups", std::move(groups)}});
    }
    return {{"format", kBenchmarkFormat},
            {"formatVersion", kBenchmarkFormatVersion},
            {"questionnaire", {{"id", q.id}, {"version", q.version}, {"contentHash", q.content_hash}}},
            {"created", date},
            {"minGroup", p.min_group},
            {"levels", std::move(levels)},
            {"years", std::move(years)}};
}

} // namespace mf
