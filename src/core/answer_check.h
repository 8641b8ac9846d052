// answer_check.h - does an answer value fit its question? One rule set for scoring, import and the app.
//
// A value fits when it is the alternative answers.h prescribes for the question's type and:
//   single      the option id exists
//   yesno       "yes", "no" or "dont_know"
//   multiple    every id is an option, none repeated, an exclusive option ("none of these") alone
//   number      finite, within min..max, whole when the question says integer
//   text        any string (format checks such as CVR are reported where they matter: the export)
#pragma once
#include "core/answers.h"
#include "core/questionnaire.h"

#include <string>

namespace mf {

// Empty when the value fits; otherwise a plain English reason, e.g.
// "\"often\" is not an option of this question".
std::string answer_problem(const Question& question, const AnswerValue& value);

// A fitting selection (answer_problem accepted it) in the questionnaire's option order, the order
// answers.h promises and result files are written in.
std::vector<std::string> in_option_order(const Question& question, const std::vector<std::string>& selection);

} // namespace mf
