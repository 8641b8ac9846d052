// file_check_text.h - every field of a FileCheck as text, so that two ways of checking a file
// (check_result's fast path and the full import, aggregate.h) can be compared field by field and a
// difference shows where it is.
#pragma once
#include "core/aggregate.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace mf_test {

inline std::string number_text(const std::optional<double>& x) {
    if (!x) return "none";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", *x);
    return buffer;
}

inline std::string file_check_text(const mf::FileCheck& check) {
    std::string out = "file " + check.file + "\nbytes " + std::to_string(check.bytes) + "\n";
    for (const mf::Diagnostic& d : check.diagnostics) {
        out += std::string(d.severity == mf::Diagnostic::Severity::Error ? "error " : "warning ") + d.file + " | " + d.pointer +
               " | " + d.code + " | " + d.message;
        for (const auto& [name, value] : d.params) out += " | " + name + "=" + value;
        out += "\n";
    }
    if (!check.row) return out + "no row\n";
    const mf::OrganisationRow& r = *check.row;
    auto line = [&](const char* name, const std::string& value) { out += std::string(name) + " " + value + "\n"; };
    line("row.file", r.file);
    line("row.bytes", std::to_string(r.bytes));
    for (auto [name, value] : {std::pair<const char*, const std::string*>{"cvr", &r.cvr}, {"name", &r.name}, {"contact", &r.contact},
                               {"email", &r.email}, {"sector", &r.sector}, {"size", &r.size},
                               {"questionnaire_version", &r.questionnaire_version}, {"created", &r.created}, {"updated", &r.updated},
                               {"language", &r.language}, {"level", &r.level}, {"checksum", &r.checksum},
                               {"superseded_by", &r.superseded_by}})
        line(name, *value);
    line("employees", number_text(r.employees));
    line("same_questionnaire", r.same_questionnaire ? "yes" : "no");
    line("overall", number_text(r.overall));
    line("coverage", number_text(r.coverage));
    for (const auto& p : r.principles) line("principle", number_text(p));
    for (const auto& t : r.themes) line("theme", number_text(t));
    line("focus_areas", std::to_string(r.focus_areas));
    for (std::uint32_t a : r.answers) line("answer", std::to_string(a));
    for (const std::string& t : r.plan_themes) line("plan_theme", t);
    line("follow_up_of", r.follow_up_of ? *r.follow_up_of : "none");
    for (const mf::FollowedUpGoal& g : r.followed_up)
        line("followed_up", g.focus + " | " + g.theme + " | " + std::to_string(static_cast<int>(g.status)) + " | " +
                                (g.numeric ? "numeric" : "not numeric") + " | " + number_text(g.progress));
    line("counted", r.counted ? "yes" : "no");
    line("same_file", r.same_file ? "yes" : "no");
    line("change", r.change ? "yes" : "no");
    return out;
}

} // namespace mf_test
