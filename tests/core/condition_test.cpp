// condition_test.cpp - visibility conditions: each op, unanswered answers, and/or/not, and the one
// pass in questionnaire order that drops answers to hidden questions (also across chains).
#include "core/condition.h"

#include <gtest/gtest.h>

namespace {

using mf::Answers;
using mf::Condition;

Condition leaf(const std::string& question, Condition::Op op, const std::string& value) {
    Condition c;
    c.question = question;
    c.op = op;
    c.value_text = value;
    return c;
}

Condition leaf(const std::string& question, Condition::Op op, double value) {
    Condition c;
    c.question = question;
    c.op = op;
    c.value_number = value;
    c.value_is_number = true;
    return c;
}

Condition node(Condition::Kind kind, std::vector<Condition> children) {
    Condition c;
    c.kind = kind;
    c.children = std::move(children);
    return c;
}

mf::Question question(const std::string& id, mf::QuestionType type, std::optional<Condition> visible_if = {}) {
    mf::Question q;
    q.id = id;
    q.type = type;
    q.visible_if = std::move(visible_if);
    return q;
}

} // namespace

TEST(Condition, NumbersCompareAsDoubles) {
    Answers a{{"employees", 50.0}};
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::GreaterEq, 50.0), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("employees", Condition::Op::Greater, 50.0), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::Greater, 49.5), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::LessEq, 50.0), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("employees", Condition::Op::Less, 50.0), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::Less, 50.25), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::Equals, 50.0), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("employees", Condition::Op::Equals, 50.000001), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::NotEquals, 49.0), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("employees", Condition::Op::NotEquals, 50.0), a));
}

TEST(Condition, EqualsComparesTheChosenOptionId) {
    Answers a{{"has_policy", std::string("yes")}, {"maturity", std::string("step_2")}};
    EXPECT_TRUE(mf::evaluate_condition(leaf("has_policy", Condition::Op::Equals, "yes"), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("has_policy", Condition::Op::Equals, "no"), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("has_policy", Condition::Op::NotEquals, "dont_know"), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("has_policy", Condition::Op::NotEquals, "yes"), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("maturity", Condition::Op::Equals, "step_2"), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("maturity", Condition::Op::Equals, "step_1"), a));
}

TEST(Condition, IncludesLooksAtTheSelection) {
    Answers a{{"channels", std::vector<std::string>{"jobcenter", "schools"}}, {"none", std::vector<std::string>{}}};
    EXPECT_TRUE(mf::evaluate_condition(leaf("channels", Condition::Op::Includes, "jobcenter"), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("channels", Condition::Op::Includes, "schools"), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("channels", Condition::Op::Includes, "mentors"), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("none", Condition::Op::Includes, "jobcenter"), a));
    // An empty selection is an answer.
    EXPECT_TRUE(mf::evaluate_condition(leaf("none", Condition::Op::Answered, ""), a));
}

TEST(Condition, UnansweredComparesFalseExceptNotEquals) {
    Answers none;
    for (auto op : {Condition::Op::Equals, Condition::Op::Greater, Condition::Op::GreaterEq, Condition::Op::Less,
                    Condition::Op::LessEq, Condition::Op::Answered})
        EXPECT_FALSE(mf::evaluate_condition(leaf("employees", op, 0.0), none)) << static_cast<int>(op);
    EXPECT_FALSE(mf::evaluate_condition(leaf("channels", Condition::Op::Includes, "jobcenter"), none));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::NotEquals, 0.0), none));
    EXPECT_TRUE(mf::evaluate_condition(leaf("has_policy", Condition::Op::NotEquals, "yes"), none));
}

TEST(Condition, AnswerOfTheWrongKindComparesFalse) {
    Answers a{{"employees", std::string("50")}, {"has_policy", 1.0}, {"channels", std::string("jobcenter")}};
    EXPECT_FALSE(mf::evaluate_condition(leaf("employees", Condition::Op::GreaterEq, 10.0), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("employees", Condition::Op::Equals, 50.0), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("has_policy", Condition::Op::Equals, "yes"), a));
    EXPECT_FALSE(mf::evaluate_condition(leaf("channels", Condition::Op::Includes, "jobcenter"), a));
    EXPECT_TRUE(mf::evaluate_condition(leaf("employees", Condition::Op::Answered, ""), a));
}

TEST(Condition, AllAnyNot) {
    Answers a{{"employees", 120.0}, {"has_policy", std::string("no")}};
    Condition big = leaf("employees", Condition::Op::GreaterEq, 50.0);
    Condition policy = leaf("has_policy", Condition::Op::Equals, "yes");
    EXPECT_FALSE(mf::evaluate_condition(node(Condition::Kind::All, {big, policy}), a));
    EXPECT_TRUE(mf::evaluate_condition(node(Condition::Kind::All, {big}), a));
    EXPECT_TRUE(mf::evaluate_condition(node(Condition::Kind::Any, {big, policy}), a));
    EXPECT_FALSE(mf::evaluate_condition(node(Condition::Kind::Any, {policy}), a));
    EXPECT_TRUE(mf::evaluate_condition(node(Condition::Kind::Not, {policy}), a));
    EXPECT_FALSE(mf::evaluate_condition(node(Condition::Kind::Not, {big}), a));
    // not(all(big, not(policy))) = not(true and true)
    EXPECT_FALSE(mf::evaluate_condition(
        node(Condition::Kind::Not, {node(Condition::Kind::All, {big, node(Condition::Kind::Not, {policy})})}), a));
    // A comparison with an unanswered question is false, so its negation holds.
    EXPECT_TRUE(mf::evaluate_condition(node(Condition::Kind::Not, {leaf("x", Condition::Op::Equals, "yes")}), a));
}

TEST(Condition, QuestionWithoutConditionIsVisible) {
    EXPECT_TRUE(mf::is_visible(question("q", mf::QuestionType::YesNo), Answers{}));
    EXPECT_FALSE(mf::is_visible(question("q", mf::QuestionType::YesNo, leaf("p", Condition::Op::Answered, "")),
                                Answers{}));
    EXPECT_TRUE(mf::is_visible(question("q", mf::QuestionType::YesNo, leaf("p", Condition::Op::Answered, "")),
                               Answers{{"p", std::string("yes")}}));
}

TEST(Condition, VisibleAnswersDropsHiddenAnswersAlongAChain) {
    // employees (profile) -> has_policy (shown from 50) -> policy_age (shown if has_policy = yes)
    // -> policy_review (shown if policy_age answered). Free text always shown.
    mf::Questionnaire q;
    q.profile.push_back(question("employees", mf::QuestionType::Number));
    mf::Theme t;
    t.id = "ledelse";
    t.questions.push_back(question("has_policy", mf::QuestionType::YesNo, leaf("employees", Condition::Op::GreaterEq, 50.0)));
    t.questions.push_back(question("policy_age", mf::QuestionType::Number, leaf("has_policy", Condition::Op::Equals, "yes")));
    t.questions.push_back(question("policy_review", mf::QuestionType::YesNo, leaf("policy_age", Condition::Op::Answered, "")));
    t.questions.push_back(question("comment", mf::QuestionType::Text));
    q.themes.push_back(t);

    Answers all{{"employees", 80.0},
                {"has_policy", std::string("yes")},
                {"policy_age", 3.0},
                {"policy_review", std::string("no")},
                {"comment", std::string("hej")},
                {"not_a_question", std::string("x")}};
    Answers v = mf::visible_answers(q, all);
    EXPECT_EQ(v.size(), 5u);
    EXPECT_EQ(v.count("not_a_question"), 0u);

    // Fewer employees hide has_policy; its answer then counts as unanswered, so the whole chain hides.
    all["employees"] = 20.0;
    v = mf::visible_answers(q, all);
    EXPECT_EQ(v.size(), 2u);
    EXPECT_EQ(v.count("employees"), 1u);
    EXPECT_EQ(v.count("comment"), 1u);
    EXPECT_EQ(v.count("has_policy"), 0u);
    EXPECT_EQ(v.count("policy_age"), 0u);
    EXPECT_EQ(v.count("policy_review"), 0u);

    // Employees unanswered: comparisons are false, so has_policy is hidden as well.
    all.erase("employees");
    v = mf::visible_answers(q, all);
    EXPECT_EQ(v.size(), 1u);
    EXPECT_EQ(v.count("comment"), 1u);

    // has_policy = no: policy_age hidden, so policy_review (answered-check on policy_age) hides too.
    all["employees"] = 50.0;
    all["has_policy"] = std::string("no");
    v = mf::visible_answers(q, all);
    EXPECT_EQ(v.count("has_policy"), 1u);
    EXPECT_EQ(v.count("policy_age"), 0u);
    EXPECT_EQ(v.count("policy_review"), 0u);
}
