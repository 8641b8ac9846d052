// condition.h - evaluating visibility conditions (Condition in questionnaire.h) against answers.
//
// Index
//   - visible_answers      the answers that count: every hidden question's answer removed
//   - evaluate_condition   one condition against those answers
//   - is_visible           whether a question is shown
//
// Semantics (docs/questionnaire-format.md, "Conditions"):
//   - a comparison with an unanswered question is false; "!=" is then true (it negates "=");
//   - numbers compare as doubles; "=" on a single or yes/no question compares the chosen option id;
//   - "includes" holds when a multiple-choice answer selects the option;
//   - an answer of the wrong kind for the comparison (which the loader makes impossible for the
//     question's type) compares false, so a stale or hand-edited answer cannot show a question.
// A condition only refers to earlier questions (the loader checks this), so visibility is computed
// in one pass in questionnaire order and can never loop.
#pragma once
#include "core/answers.h"
#include "core/questionnaire.h"

namespace mf {

// Answers with every hidden question's answer removed, computed in questionnaire order (profile, then
// themes): a condition only refers to earlier questions, so one pass suffices. An answer to a hidden
// question counts as unanswered in later conditions. Answers to ids the questionnaire does not have
// are dropped too.
Answers visible_answers(const Questionnaire& q, const Answers& answers);

// `visible` should come from visible_answers, so that answers to hidden questions do not count.
bool evaluate_condition(const Condition& c, const Answers& visible);

// True without visible_if.
bool is_visible(const Question& question, const Answers& visible);

} // namespace mf
