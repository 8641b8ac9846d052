// answer_check.h - does an answer value fit its question? One rule set for scoring, import and the app.
//
// A value fits when it is the alternative answers.h prescribes for the question's type and:
//   single      the option id exists
//   yesno       "yes", "no" or "dont_know"
//   multiple    every id is an option, none repeated, an exclusive option ("none of these") alone
//   number      finite, within min..max, whole when the question says integer
//   text        any string (format checks such as CVR are reported where they matter: the export)
//
// Index
//   - AnswerProblem, check_answer   why a value does not fit: a kind and its parameters (the
//                                   diagnostics built from it are "result.answer.<kind>" and
//                                   "export.answer.<kind>", docs/diagnostics.md) and an English reason
//   - answer_problem                just the reason
//   - in_option_order
#pragma once
#include "core/answers.h"
#include "core/diagnostics.h"
#include "core/questionnaire.h"

#include <string>

namespace mf {

// kind (empty when the value fits) and its parameters:
//   wrong_type {expected, got_type}   expected: option_id, yes_no, option_ids, number or text;
//                                     got_type: string, number or list
//   not_an_option {value}             not_yes_no {value}        chosen_twice {value}
//   exclusive_with_others {}          not_finite {}             not_whole {value}
//   below_minimum {value, min}        above_maximum {value, max}
//   unknown_type {}                   (a question type this code does not know; not reached)
struct AnswerProblem {
    std::string kind;
    DiagnosticParams params;
    std::string reason; // plain English, e.g. "\"often\" is not an option of this question"
    bool fits() const { return kind.empty(); }
};
AnswerProblem check_answer(const Question& question, const AnswerValue& value);

// Empty when the value fits; otherwise check_answer's reason.
std::string answer_problem(const Question& question, const AnswerValue& value);

// A fitting selection (answer_problem accepted it) in the questionnaire's option order, the order
// answers.h promises and result files are written in.
std::vector<std::string> in_option_order(const Question& question, const std::vector<std::string>& selection);

} // namespace mf
