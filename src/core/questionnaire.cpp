// questionnaire.cpp - the small methods of the model (questionnaire.h): text lookup with fallback,
// weights, and lookups by id. Validation lives in questionnaire_load.cpp.
#include "core/questionnaire.h"

#include <cmath>
#include <iterator>

namespace mf {

const std::string& LocalText::in(const std::string& lang) const {
    static const std::string kEmpty;
    auto it = by_lang.find(lang);
    if (it != by_lang.end() && !it->second.empty()) return it->second;
    // A loaded questionnaire has every listed language, so this only serves languages it does not
    // list: fall back to the first language present.
    for (const auto& entry : by_lang)
        if (!entry.second.empty()) return entry.second;
    return kEmpty;
}

double Question::total_weight() const {
    double sum = 0;
    for (const auto& w : weights) sum += w.second;
    return sum;
}

const char* question_type_name(QuestionType t) {
    switch (t) {
    case QuestionType::Single: return "single";
    case QuestionType::YesNo: return "yesno";
    case QuestionType::Multiple: return "multiple";
    case QuestionType::Number: return "number";
    case QuestionType::Text: return "text";
    }
    return "?";
}

const Option* Question::option(const std::string& option_id) const {
    for (const Option& o : options)
        if (o.id == option_id) return &o;
    return nullptr;
}

static const char* const kYesNoAnswerIds[] = {kYes, kNo, kDontKnow};

std::vector<std::string> Question::answer_ids() const {
    if (type == QuestionType::YesNo) return {std::begin(kYesNoAnswerIds), std::end(kYesNoAnswerIds)};
    std::vector<std::string> ids;
    for (const Option& o : options) ids.push_back(o.id);
    return ids;
}

std::optional<std::size_t> Question::answer_index(std::string_view answer_id) const {
    if (type == QuestionType::YesNo) {
        for (std::size_t i = 0; i < std::size(kYesNoAnswerIds); ++i)
            if (answer_id == kYesNoAnswerIds[i]) return i;
        return std::nullopt;
    }
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == answer_id) return i;
    return std::nullopt;
}

const Question* Questionnaire::question(const std::string& question_id) const {
    for (const Question& q : profile)
        if (q.id == question_id) return &q;
    for (const Theme& t : themes)
        for (const Question& q : t.questions)
            if (q.id == question_id) return &q;
    return nullptr;
}

const Question* Questionnaire::profile_field(const std::string& field_role) const {
    for (const Question& q : profile)
        if (!field_role.empty() && q.role == field_role) return &q;
    return nullptr;
}

const Theme* Questionnaire::theme_of(const std::string& question_id) const {
    for (const Theme& t : themes)
        for (const Question& q : t.questions)
            if (q.id == question_id) return &t;
    return nullptr;
}

const Principle* Questionnaire::principle(const std::string& principle_id) const {
    for (const Principle& p : principles)
        if (p.id == principle_id) return &p;
    return nullptr;
}

const Level& Questionnaire::level_for(double percent) const {
    static const Level kNone;
    if (levels.empty()) return kNone; // never for a loaded questionnaire
    const Level* best = &levels.front(); // below 0 or NaN: the first level
    for (const Level& l : levels)
        if (!std::isnan(percent) && l.min_percent <= percent) best = &l;
    return *best;
}

std::size_t Questionnaire::scored_question_count() const {
    // Profile questions are never scored, whatever their type.
    std::size_t n = 0;
    for (const Theme& t : themes)
        for (const Question& q : t.questions)
            if (q.scored()) ++n;
    return n;
}

} // namespace mf
