// benchmark.h - the benchmark the municipality publishes back to the companies: per year, where the
// organisations stand (quartiles and levels), overall and per sector and size band, with the same
// disclosure control as every published figure (publication.h).
//
// Index
//   - kBenchmarkFormat   "mangfoldighedstjek/benchmark", format version 1
//   - benchmark_json     a Publication as the benchmark file (docs/benchmark.md,
//                        questionnaires/schema/benchmark.schema.json)
//
// Small on purpose: per year, per group (all, each sector, each size band) the number of
// organisations and, per part (overall, principles, themes), n, the quartiles (Q1, median, Q3) and
// the number of organisations on each level. No mean (a company compares itself with the middle
// of the others), no minimum or maximum, no organisation, nothing of a group under k.
#pragma once
#include "core/publication.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <string>

namespace mf {

inline constexpr const char* kBenchmarkFormat = "mangfoldighedstjek/benchmark";
inline constexpr int kBenchmarkFormatVersion = 1;

// `date`: when it was made, YYYY-MM-DD (core has no clock). Years ascending, up to and including the
// publication's year.
nlohmann::json benchmark_json(const Questionnaire& questionnaire, const Publication& publication, const std::string& date);

} // namespace mf
