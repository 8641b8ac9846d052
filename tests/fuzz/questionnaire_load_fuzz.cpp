// questionnaire_load_fuzz.cpp - any bytes through the questionnaire loader. It must never crash or
// throw; a questionnaire comes back exactly when there is no error, every diagnostic names the file,
// says something and has its registered code and parameters (docs/diagnostics.md), and a loaded
// questionnaire can be walked (visibility, lookups, levels).
#include "core/condition.h"
#include "core/diagnostic_codes.h"
#include "core/questionnaire_load.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    mf::LoadedQuestionnaire r = mf::load_questionnaire_text(bytes, "fuzz.json");
    if (r.questionnaire.has_value() == mf::has_errors(r.diagnostics)) std::abort();
    for (const mf::Diagnostic& d : r.diagnostics)
        if (d.file != "fuzz.json" || d.message.empty() || !mf::fits_registry(d.code, d.params)) std::abort();
    if (r.questionnaire) {
        const mf::Questionnaire& q = *r.questionnaire;
        // Every question answered with its first option (or a number / text): conditions evaluate.
        mf::Answers answers;
        auto answer = [&](const mf::Question& question) {
            switch (question.type) {
            case mf::QuestionType::Single: answers[question.id] = question.options.front().id; break;
            case mf::QuestionType::YesNo: answers[question.id] = std::string(mf::kYes); break;
            case mf::QuestionType::Multiple: answers[question.id] = std::vector<std::string>{question.options.front().id}; break;
            case mf::QuestionType::Number: answers[question.id] = question.min.value_or(0.0); break;
            case mf::QuestionType::Text: answers[question.id] = std::string("x"); break;
            }
        };
        for (const mf::Question& question : q.profile) answer(question);
        for (const mf::Theme& t : q.themes)
            for (const mf::Question& question : t.questions) answer(question);
        mf::Answers visible = mf::visible_answers(q, answers);
        if (visible.size() > answers.size()) std::abort();
        for (const auto& a : visible)
            if (!q.question(a.first)) std::abort();
        if (q.level_for(50).id.empty() || q.scored_question_count() == 0) std::abort();
    }
    return 0;
}
