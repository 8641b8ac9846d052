// benchmark_sample.h - a small benchmark.json as the municipality publishes it (docs/benchmark.md),
// built in code for the core tests (benchmark_compare_test.cpp) and the app model's tests.
//
// Index
//   - benchmark_part, benchmark_group   one part / one group of a year
//   - sample_benchmark                  two years with every kind of group (see its comment)
#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace mf_test {

using nlohmann::json;

inline json benchmark_part(const std::string& kind, const std::string& id, json n, json q1, json median, json q3) {
    return {{"kind", kind}, {"id", id}, {"n", n}, {"q1", q1}, {"median", median}, {"q3", q3}, {"levels", {{"ikke_startet", nullptr}}}};
}

// A group whose overall and principles share the quartiles (q1, median, q3).
inline json benchmark_group(const std::string& dimension, const std::string& name, json organisations, json q1, json median, json q3) {
    json parts = json::array({benchmark_part("overall", "overall", organisations, q1, median, q3)});
    for (const char* p : {"forskellighed", "deltagelse", "medborgerskab"}) parts.push_back(benchmark_part("principle", p, organisations, q1, median, q3));
    parts.push_back(benchmark_part("theme", "ledelse", organisations, q1, median, q3));
    return {{"dimension", dimension}, {"group", name}, {"organisations", organisations}, {"parts", parts}};
}

// Two years. 2026: all 40 (30-50-70), industri 12 (20-30-40), viden {"under": 5}, handel_transport
// hidden (null), size 10-49 8 (60-65-70). 2025: all 20 (10-20-30).
inline json sample_benchmark() {
    json y2026 = {{"year", 2026},
                  {"groups",
                   {benchmark_group("all", "all", 40, 30, 50, 70), benchmark_group("sector", "industri", 12, 20, 30, 40),
                    benchmark_group("sector", "viden", {{"under", 5}}, nullptr, nullptr, nullptr),
                    benchmark_group("sector", "handel_transport", nullptr, nullptr, nullptr, nullptr), benchmark_group("size", "10-49", 8, 60, 65, 70)}}};
    json y2025 = {{"year", 2025}, {"groups", {benchmark_group("all", "all", 20, 10, 20, 30)}}};
    return {{"format", "mangfoldighedstjek/benchmark"},
            {"formatVersion", 1},
            {"questionnaire", {{"id", "aktoersporet"}, {"version", "1.1.0"}, {"contentHash", "sha256:" + std::string(64, '0')}}},
            {"created", "2026-11-26"},
            {"minGroup", 5},
            {"levels", {{{"id", "ikke_startet"}, {"minPercent", 0}}}},
            {"years", {y2025, y2026}}};
}

} // namespace mf_test
