// answer_table_test.cpp - the answer table (answer_table.h) decides and computes exactly what the
// map-based code does: check_answer (which values fit), is_visible, summarise_visible (compared as
// ScoreSummary's operator== compares), encode_answers and the AnswerValue itself; on many random
// answer sets for the shipped questionnaire and the worked example of docs/scoring.md, values that do
// not fit included.
#include "core/aggregate.h"
#include "core/answer_check.h"
#include "core/answer_table.h"
#include "core/condition.h"
#include "core/scoring.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace answer_table_test {

// A value for `q`: mostly one that fits, sometimes one that does not (an unknown id, a duplicate, an
// exclusive option with others, a number out of range or not whole, the wrong alternative).
mf::AnswerValue random_value(const mf::Question& q, std::mt19937& rng) {
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::vector<std::string> ids = q.answer_ids();
    if (pick(25) == 0) return 42.0;                          // the wrong alternative (fits only a number question)
    if (pick(25) == 0) return std::string("not-an-option");  // fits only a text question
    switch (q.type) {
    case mf::QuestionType::Single:
    case mf::QuestionType::YesNo: return ids[pick(ids.size())];
    case mf::QuestionType::Multiple: {
        std::vector<std::string> chosen;
        const std::size_t n = pick(ids.size() + 1);
        for (std::size_t i = 0; i < n; ++i) chosen.push_back(ids[pick(ids.size())]); // duplicates and exclusives now and then
        if (pick(3) == 0) { // and often a clean choice
            chosen.clear();
            for (const std::string& id : ids)
                if (pick(2) == 0) chosen.push_back(id);
            std::shuffle(chosen.begin(), chosen.end(), rng);
        }
        return chosen;
    }
    case mf::QuestionType::Number: {
        const double lo = q.min.value_or(0) - 3, hi = q.max.value_or(1000) + 3;
        double x = lo + static_cast<double>(pick(static_cast<std::size_t>(hi - lo) + 1));
        if (pick(6) == 0) x += 0.5;
        return x;
    }
    case mf::QuestionType::Text: return pick(4) == 0 ? std::string() : "tekst " + std::to_string(pick(1000));
    }
    return std::string();
}

bool code(const mf::AnswerTable& table, std::size_t index, const mf::AnswerValue& value, std::vector<std::string>& keep, mf::CodedAnswer& out) {
    if (const std::string* s = std::get_if<std::string>(&value)) {
        keep.push_back(*s);
        return table.code_text(index, keep.back(), out);
    }
    if (const double* x = std::get_if<double>(&value)) return table.code_number(index, *x, out);
    if (!table.begin_choices(index, out)) return false;
    for (const std::string& id : std::get<std::vector<std::string>>(value))
        if (!table.add_choice(index, id, out)) return false;
    return table.finish_choices(index, out);
}

void compare_on_random_answers(const mf::Questionnaire& q, std::uint32_t seed, int rounds) {
    const mf::AnswerTable table(q);
    ASSERT_TRUE(table.usable());
    ASSERT_TRUE(table.made_for(q));
    std::mt19937 rng(seed);
    for (int round = 0; round < rounds; ++round) {
        mf::Answers answers;
        std::vector<mf::CodedAnswer> coded(table.size());
        std::vector<std::string> keep; // the texts the coded answers point into
        keep.reserve(table.size());
        for (std::size_t i = 0; i < table.size(); ++i) {
            const mf::Question& question = table.question(i);
            if (rng() % 5 == 0) continue; // unanswered
            const mf::AnswerValue value = random_value(question, rng);
            mf::CodedAnswer c;
            const bool fits = mf::check_answer(question, value).fits();
            ASSERT_EQ(code(table, i, value, keep, c), fits) << question.id;
            if (!fits) continue;
            mf::AnswerValue kept = value;
            if (auto* ids = std::get_if<std::vector<std::string>>(&kept)) *ids = mf::in_option_order(question, *ids);
            EXPECT_EQ(table.value(i, c), kept) << question.id;
            answers[question.id] = kept;
            coded[i] = c;
        }
        for (std::size_t i = 0; i < table.size(); ++i)
            EXPECT_EQ(table.visible(i, coded), mf::is_visible(table.question(i), answers)) << table.question(i).id << " round " << round;

        // The scores and the row's codes are taken from answers that are all visible (the fast path
        // gives up otherwise): drop the hidden ones on both sides.
        const mf::Answers visible = mf::visible_answers(q, answers);
        for (std::size_t i = 0; i < table.size(); ++i)
            if (!visible.count(table.question(i).id)) coded[i] = mf::CodedAnswer{};
        mf::ScoreSummary summary = mf::summarise_visible(q, visible);
        EXPECT_TRUE(table.scores_match(coded, summary)) << "round " << round;
        EXPECT_EQ(table.encode(coded), mf::encode_answers(q, visible)) << "round " << round;
        // and a summary that differs anywhere does not match
        mf::ScoreSummary other = summary;
        other.overall = other.overall ? std::optional<double>(*other.overall + 0.1) : std::optional<double>(0.0);
        EXPECT_FALSE(table.scores_match(coded, other));
        other = summary;
        other.level = std::string("nope");
        EXPECT_FALSE(table.scores_match(coded, other));
        other = summary;
        other.principles.begin()->second = std::nullopt;
        if (summary.principles.begin()->second) {
            EXPECT_FALSE(table.scores_match(coded, other));
        }
        other = summary;
        other.themes.rbegin()->second.coverage = 101.0;
        EXPECT_FALSE(table.scores_match(coded, other));
        other = summary;
        other.themes.erase(other.themes.begin());
        EXPECT_FALSE(table.scores_match(coded, other));
    }
}

TEST(AnswerTable, DecidesAndScoresAsTheMapsDoOnTheShippedQuestionnaire) { compare_on_random_answers(mf_test::shipped(), 7, 1500); }

TEST(AnswerTable, DecidesAndScoresAsTheMapsDoOnTheWorkedExample) { compare_on_random_answers(mf_test::example(), 11, 1500); }

TEST(AnswerTable, FindsQuestionsByIdAndRole) {
    const mf::Questionnaire& q = mf_test::shipped();
    const mf::AnswerTable table(q);
    for (std::size_t i = 0; i < table.size(); ++i) EXPECT_EQ(table.find(table.question(i).id), i);
    EXPECT_EQ(table.find("no such question"), mf::AnswerTable::npos);
    for (const char* role : {"name", "cvr", "sector", "employees", "contact", "email"}) {
        const mf::Question* field = q.profile_field(role);
        ASSERT_NE(field, nullptr) << role;
        EXPECT_EQ(&table.question(table.role(role)), field) << role;
    }
    EXPECT_EQ(table.role("no such role"), mf::AnswerTable::npos);
    // by_id is sorted by id
    for (std::size_t i = 1; i < table.by_id().size(); ++i)
        EXPECT_LT(table.question(table.by_id()[i - 1]).id, table.question(table.by_id()[i]).id);
}

TEST(AnswerTable, AQuestionnaireItCannotDescribeIsNotUsable) {
    mf::Questionnaire q = mf_test::example();
    EXPECT_TRUE(mf::AnswerTable(q).usable());
    mf::Questionnaire twice = q;
    twice.themes.front().questions.push_back(twice.themes.front().questions.front()); // a duplicate id
    EXPECT_FALSE(mf::AnswerTable(twice).usable());
    mf::Questionnaire principles = q;
    principles.principles.push_back(principles.principles.front());
    EXPECT_FALSE(mf::AnswerTable(principles).usable());
    // A changed copy is another questionnaire: the table says it was not made for it.
    const mf::AnswerTable table(q);
    mf::Questionnaire copy = q;
    EXPECT_FALSE(table.made_for(copy));
}

} // namespace answer_table_test
