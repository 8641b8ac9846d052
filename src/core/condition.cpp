// condition.cpp - evaluating visibility conditions. See condition.h for the semantics.
//
// Index
//   - compare_leaf        one {"question", "op", "value"} leaf
//   - evaluate_condition  all / any / not / leaf
//   - visible_answers     the one pass in questionnaire order
#include "core/condition.h"

#include <algorithm>

namespace mf {
namespace {

// "=" for one answer; false when the answer is not of the kind the value compares with.
bool answer_equals(const AnswerValue& answer, const Condition& c) {
    if (c.value_is_number) {
        const double* n = std::get_if<double>(&answer);
        return n && *n == c.value_number;
    }
    const std::string* s = std::get_if<std::string>(&answer);
    return s && *s == c.value_text;
}

bool compare_leaf(const Condition& c, const Answers& visible) {
    auto it = visible.find(c.question);
    if (it == visible.end()) return c.op == Condition::Op::NotEquals; // unanswered: only "!=" holds
    const AnswerValue& answer = it->second;
    const double* n = std::get_if<double>(&answer);
    switch (c.op) {
    case Condition::Op::Equals: return answer_equals(answer, c);
    case Condition::Op::NotEquals: return !answer_equals(answer, c);
    case Condition::Op::Greater: return n && c.value_is_number && *n > c.value_number;
    case Condition::Op::GreaterEq: return n && c.value_is_number && *n >= c.value_number;
    case Condition::Op::Less: return n && c.value_is_number && *n < c.value_number;
    case Condition::Op::LessEq: return n && c.value_is_number && *n <= c.value_number;
    case Condition::Op::Includes: {
        const auto* selected = std::get_if<std::vector<std::string>>(&answer);
        return selected && std::find(selected->begin(), selected->end(), c.value_text) != selected->end();
    }
    case Condition::Op::Answered: return true;
    }
    return false;
}

} // namespace

bool evaluate_condition(const Condition& c, const Answers& visible) {
    switch (c.kind) {
    case Condition::Kind::All:
        for (const Condition& child : c.children)
            if (!evaluate_condition(child, visible)) return false;
        return true;
    case Condition::Kind::Any:
        for (const Condition& child : c.children)
            if (evaluate_condition(child, visible)) return true;
        return false;
    case Condition::Kind::Not:
        // The loader guarantees exactly one child; an empty Not (hand-built) negates "true".
        return c.children.empty() ? false : !evaluate_condition(c.children.front(), visible);
    case Condition::Kind::Compare: return compare_leaf(c, visible);
    }
    return false;
}

bool is_visible(const Question& question, const Answers& visible) {
    return !question.visible_if || evaluate_condition(*question.visible_if, visible);
}

Answers visible_answers(const Questionnaire& q, const Answers& answers) {
    Answers visible;
    auto visit = [&](const Question& question) {
        auto it = answers.find(question.id);
        if (it == answers.end()) return;
        // `visible` holds exactly the answers of earlier visible questions at this point.
        if (is_visible(question, visible)) visible.emplace(it->first, it->second);
    };
    for (const Question& question : q.profile) visit(question);
    for (const Theme& theme : q.themes)
        for (const Question& question : theme.questions) visit(question);
    return visible;
}

} // namespace mf
