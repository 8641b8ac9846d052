// answer_check.cpp - whether an answer fits its question (answer_check.h).
#include "core/answer_check.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace mf {
namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string number_text(double x) {
    // Whole numbers without a decimal part ("50", not "50.000000") for messages.
    if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
    std::string s = std::to_string(x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

const char* alternative_name(const AnswerValue& value) {
    if (std::holds_alternative<std::string>(value)) return "a string";
    if (std::holds_alternative<double>(value)) return "a number";
    return "a list";
}

// The alternative as a stable token for parameters: "string", "number" or "list".
const char* alternative_token(const AnswerValue& value) {
    if (std::holds_alternative<std::string>(value)) return "string";
    if (std::holds_alternative<double>(value)) return "number";
    return "list";
}

AnswerProblem wrong_type(const char* expected, const AnswerValue& value, std::string reason) {
    return AnswerProblem{"wrong_type", make_params({{"expected", expected}, {"got_type", alternative_token(value)}}),
                         std::move(reason)};
}

} // namespace

AnswerProblem check_answer(const Question& question, const AnswerValue& value) {
    switch (question.type) {
    case QuestionType::Single: {
        const std::string* id = std::get_if<std::string>(&value);
        if (!id)
            return wrong_type("option_id", value, std::string("expected an option id (a string), got ") + alternative_name(value));
        if (!question.option(*id))
            return {"not_an_option", make_params({{"value", *id}}), quoted(*id) + " is not an option of this question"};
        return {};
    }
    case QuestionType::YesNo: {
        const std::string* id = std::get_if<std::string>(&value);
        if (!id)
            return wrong_type("yes_no", value, std::string("expected \"yes\", \"no\" or \"dont_know\", got ") + alternative_name(value));
        if (*id != kYes && *id != kNo && *id != kDontKnow)
            return {"not_yes_no", make_params({{"value", *id}}), "expected \"yes\", \"no\" or \"dont_know\", got " + quoted(*id)};
        return {};
    }
    case QuestionType::Multiple: {
        const auto* ids = std::get_if<std::vector<std::string>>(&value);
        if (!ids) return wrong_type("option_ids", value, std::string("expected a list of option ids, got ") + alternative_name(value));
        std::set<std::string> seen;
        bool has_exclusive = false;
        for (const std::string& id : *ids) {
            const Option* option = question.option(id);
            if (!option) return {"not_an_option", make_params({{"value", id}}), quoted(id) + " is not an option of this question"};
            if (!seen.insert(id).second) return {"chosen_twice", make_params({{"value", id}}), quoted(id) + " is chosen twice"};
            if (option->exclusive) has_exclusive = true;
        }
        if (has_exclusive && ids->size() > 1)
            return {"exclusive_with_others", {}, "an option that excludes the others is chosen together with others"};
        return {};
    }
    case QuestionType::Number: {
        const double* x = std::get_if<double>(&value);
        if (!x) return wrong_type("number", value, std::string("expected a number, got ") + alternative_name(value));
        if (!std::isfinite(*x)) return {"not_finite", {}, "expected a finite number"};
        if (question.integer && *x != std::floor(*x))
            return {"not_whole", make_params({{"value", number_text(*x)}}), "expected a whole number, got " + number_text(*x)};
        if (question.min && *x < *question.min)
            return {"below_minimum", make_params({{"value", number_text(*x)}, {"min", number_text(*question.min)}}),
                    number_text(*x) + " is below the minimum " + number_text(*question.min)};
        if (question.max && *x > *question.max)
            return {"above_maximum", make_params({{"value", number_text(*x)}, {"max", number_text(*question.max)}}),
                    number_text(*x) + " is above the maximum " + number_text(*question.max)};
        return {};
    }
    case QuestionType::Text: {
        if (!std::holds_alternative<std::string>(value))
            return wrong_type("text", value, std::string("expected a string, got ") + alternative_name(value));
        return {};
    }
    }
    return {"unknown_type", {}, "unknown question type"};
}

std::string answer_problem(const Question& question, const AnswerValue& value) { return check_answer(question, value).reason; }

std::vector<std::string> in_option_order(const Question& question, const std::vector<std::string>& selection) {
    std::vector<std::string> out;
    for (const Option& o : question.options)
        if (std::find(selection.begin(), selection.end(), o.id) != selection.end()) out.push_back(o.id);
    return out;
}

} // namespace mf
