// fake_host.cpp - the helpers of fake_host.h: start a model on the shipped questionnaire, run a
// frame, fill in a profile and answer every question as a respondent would.
#include "fake_host.h"

#include <fstream>
#include <sstream>

namespace mf_test {

const std::string& shipped_questionnaire_text() {
    static const std::string text = [] {
        std::ifstream in(MF_SOURCE_DIR "/questionnaires/aktoersporet.json", std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }();
    return text;
}

void start(mf::AppModel& m, mf::Page page) {
    (void)page; // the page is the model's, given at construction; kept for readability at call sites
    m.start(shipped_questionnaire_text(), "aktoersporet.json");
    frame(m);
}

void frame(mf::AppModel& m, double time) {
    m.begin_frame(time);
    m.end_frame();
}

void fill_profile(mf::AppModel& m, const std::string& name, const std::string& cvr) {
    const mf::Questionnaire& q = m.questionnaire();
    for (const mf::Question& field : q.profile) {
        if (field.type == mf::QuestionType::Single) m.set_answer(field, field.options.front().id);
        else if (field.format == "cvr") m.type_into(field, cvr);
        else if (field.format == "email") m.type_into(field, "hr@example.dk");
        else if (field.type == mf::QuestionType::Number) m.type_into(field, "25");
        else if (field.role == "name") m.type_into(field, name);
        else m.type_into(field, "Anne Andersen");
    }
}

void answer_everything(mf::AppModel& m) {
    const mf::Questionnaire& q = m.questionnaire();
    for (int round = 0; round < 4; round++) // answers can show follow-up questions
        for (std::size_t t = 0; t < q.themes.size(); t++)
            for (const mf::Question* question : mf::visible_questions(q, m.answers(), t)) {
                if (m.answers().count(question->id)) continue;
                switch (question->type) {
                case mf::QuestionType::YesNo: m.set_answer(*question, std::string(mf::kYes)); break;
                case mf::QuestionType::Single: m.set_answer(*question, question->options.front().id); break;
                case mf::QuestionType::Multiple: m.toggle_option(*question, question->options.front().id); break;
                case mf::QuestionType::Number: m.type_into(*question, "3"); break;
                case mf::QuestionType::Text: break; // optional, never counted
                }
            }
}

std::string exported_result(const std::string& name, const std::string& cvr, const std::string& now) {
    FakeHost host;
    host.now = now;
    mf::AppModel m(host, mf::Page::Respondent);
    start(m);
    fill_profile(m, name, cvr);
    answer_everything(m);
    return m.prepare_export().text;
}

} // namespace mf_test
