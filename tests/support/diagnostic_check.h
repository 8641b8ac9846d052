// diagnostic_check.h - the test-side check of the diagnostic-code contract (diagnostic_codes.h):
// a problem's code is in the registry and its parameters are exactly the registry's names, in order.
// The core tests run it on every diagnostic their bad inputs produce (through their helpers), and
// diagnostic_codes_test.cpp on every bad fixture.
#pragma once
#include "core/action_plan.h"
#include "core/diagnostic_codes.h"
#include "core/diagnostics.h"
#include "core/session.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mf_test {

// "" when `code` is registered and `params` has exactly its parameter names, in order; otherwise why not.
inline std::string code_problem(const std::string& code, const mf::DiagnosticParams& params) {
    if (mf::fits_registry(code, params)) return "";
    if (code.empty()) return "no code";
    const mf::DiagnosticCodeInfo* info = mf::find_diagnostic_code(code);
    if (!info) return "code \"" + code + "\" is not in the registry";
    std::vector<std::string> names;
    for (const auto& p : params) names.push_back(p.first);
    auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
        return "{" + s + "}";
    };
    return "code \"" + code + "\" has parameters " + list(names) + "; the registry says " + list(info->params);
}

inline void expect_coded(const mf::Diagnostic& d) {
    const std::string problem = code_problem(d.code, d.params);
    EXPECT_EQ(problem, "") << d.to_string();
}

inline void expect_coded(const mf::Diagnostics& diagnostics) {
    for (const mf::Diagnostic& d : diagnostics) expect_coded(d);
}

inline void expect_coded(const std::vector<mf::ActionPlanProblem>& problems) {
    for (const mf::ActionPlanProblem& p : problems) EXPECT_EQ(code_problem(p.code, p.params), "") << p.message;
}

// A field problem is either fine (no code, no message) or coded.
inline void expect_coded(const mf::FieldProblem& p) {
    if (p.fine()) EXPECT_EQ(p.message, "");
    else EXPECT_EQ(code_problem(p.code, p.params), "") << p.message;
}

} // namespace mf_test
