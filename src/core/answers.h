// answers.h - what a respondent has answered, by stable question id.
//
// The value's alternative follows the question's type:
//   Single, YesNo  -> std::string               the chosen option id ("yes", "no", "dont_know" for YesNo)
//   Multiple       -> std::vector<std::string>  the selected option ids, in the questionnaire's order
//   Number         -> double
//   Text           -> std::string
// A question that is absent from the map is unanswered. An empty Multiple selection is an answer
// ("none chosen"), distinct from unanswered.
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace mf {

using AnswerValue = std::variant<std::string, std::vector<std::string>, double>;
using Answers = std::map<std::string, AnswerValue>;

inline const std::string* answer_text(const Answers& a, const std::string& id) {
    auto it = a.find(id);
    return it == a.end() ? nullptr : std::get_if<std::string>(&it->second);
}
inline const double* answer_number(const Answers& a, const std::string& id) {
    auto it = a.find(id);
    return it == a.end() ? nullptr : std::get_if<double>(&it->second);
}
inline const std::vector<std::string>* answer_selection(const Answers& a, const std::string& id) {
    auto it = a.find(id);
    return it == a.end() ? nullptr : std::get_if<std::vector<std::string>>(&it->second);
}

} // namespace mf
