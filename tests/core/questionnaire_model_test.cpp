// questionnaire_model_test.cpp - the model's small methods: text fallback, weights, lookups by id,
// maturity level for a percentage, scored question count.
#include "core/questionnaire.h"

#include <cmath>
#include <gtest/gtest.h>

namespace {

mf::LocalText text(std::map<std::string, std::string> by_lang) {
    mf::LocalText t;
    t.by_lang = std::move(by_lang);
    return t;
}

mf::Level level(const std::string& id, double min_percent) {
    mf::Level l;
    l.id = id;
    l.min_percent = min_percent;
    return l;
}

mf::Questionnaire sample() {
    mf::Questionnaire q;
    q.principles.resize(2);
    q.principles[0].id = "forskellighed";
    q.principles[1].id = "deltagelse";
    q.levels = {level("ikke_startet", 0), level("opstart", 20), level("udvikling", 40), level("etableret", 60),
                level("foregangs", 80)};
    mf::Question name;
    name.id = "org_name";
    name.type = mf::QuestionType::Text;
    name.role = "name";
    mf::Question sector;
    sector.id = "sector";
    sector.type = mf::QuestionType::Single; // a choice, but profile questions are never scored
    sector.role = "sector";
    q.profile = {name, sector};
    mf::Theme a, b;
    a.id = "ledelse";
    b.id = "rekruttering";
    mf::Question q1;
    q1.id = "policy";
    q1.type = mf::QuestionType::YesNo;
    q1.weights = {{"forskellighed", 2}, {"deltagelse", 0.5}};
    mf::Question q2;
    q2.id = "comment";
    q2.type = mf::QuestionType::Text;
    a.questions = {q1, q2};
    mf::Question q3;
    q3.id = "channels";
    q3.type = mf::QuestionType::Multiple;
    q3.options.resize(2);
    q3.options[0].id = "jobcenter";
    q3.options[0].score = 2;
    q3.options[1].id = "schools";
    q3.options[1].score = 1;
    mf::Question q4;
    q4.id = "ads";
    q4.type = mf::QuestionType::Single;
    mf::Question q5;
    q5.id = "staff";
    q5.type = mf::QuestionType::Number;
    b.questions = {q3, q4, q5};
    q.themes = {a, b};
    return q;
}

} // namespace

TEST(Questionnaire, TextFallsBackToTheFirstLanguagePresent) {
    mf::LocalText t = text({{"da", "Ja"}, {"en", "Yes"}});
    EXPECT_EQ(t.in("da"), "Ja");
    EXPECT_EQ(t.in("en"), "Yes");
    EXPECT_EQ(t.in("de"), "Ja");
    EXPECT_EQ(text({{"en", "Yes"}}).in("da"), "Yes");
    EXPECT_EQ(text({{"da", ""}, {"en", "Yes"}}).in("da"), "Yes");
    EXPECT_EQ(text({}).in("da"), "");
    EXPECT_TRUE(text({}).empty());
}

TEST(Questionnaire, WeightsAndOptions) {
    mf::Questionnaire q = sample();
    EXPECT_DOUBLE_EQ(q.question("policy")->total_weight(), 2.5);
    EXPECT_DOUBLE_EQ(q.question("comment")->total_weight(), 0.0);
    const mf::Question* channels = q.question("channels");
    ASSERT_NE(channels, nullptr);
    ASSERT_NE(channels->option("schools"), nullptr);
    EXPECT_DOUBLE_EQ(channels->option("schools")->score, 1.0);
    EXPECT_EQ(channels->option("mentors"), nullptr);
}

TEST(Questionnaire, LookupsById) {
    mf::Questionnaire q = sample();
    EXPECT_EQ(q.question("org_name"), &q.profile[0]);
    EXPECT_EQ(q.question("staff"), &q.themes[1].questions[2]);
    EXPECT_EQ(q.question("nope"), nullptr);
    EXPECT_EQ(q.profile_field("sector"), &q.profile[1]);
    EXPECT_EQ(q.profile_field("cvr"), nullptr);
    EXPECT_EQ(q.profile_field(""), nullptr); // questions without a role do not match an empty role
    EXPECT_EQ(q.theme_of("channels"), &q.themes[1]);
    EXPECT_EQ(q.theme_of("policy"), &q.themes[0]);
    EXPECT_EQ(q.theme_of("org_name"), nullptr); // profile questions belong to no theme
    EXPECT_EQ(q.principle("deltagelse"), &q.principles[1]);
    EXPECT_EQ(q.principle("medborgerskab"), nullptr);
}

TEST(Questionnaire, LevelForPercentIsTheHighestReached) {
    mf::Questionnaire q = sample();
    EXPECT_EQ(q.level_for(0).id, "ikke_startet");
    EXPECT_EQ(q.level_for(19.999).id, "ikke_startet");
    EXPECT_EQ(q.level_for(20).id, "opstart");
    EXPECT_EQ(q.level_for(59.9).id, "udvikling");
    EXPECT_EQ(q.level_for(80).id, "foregangs");
    EXPECT_EQ(q.level_for(100).id, "foregangs");
    EXPECT_EQ(q.level_for(-5).id, "ikke_startet");
    EXPECT_EQ(q.level_for(std::nan("")).id, "ikke_startet");
    EXPECT_EQ(mf::Questionnaire{}.level_for(50).id, "");
}

TEST(Questionnaire, ScoredQuestionCountIgnoresProfileAndUnscoredTypes) {
    EXPECT_EQ(sample().scored_question_count(), 3u); // policy, channels, ads
}
