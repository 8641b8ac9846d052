// scoring.cpp - the scoring engine (scoring.h); docs/scoring.md is its specification.
//
// Index: round1 / json_number, normalised_score, PartScore, compute_scores, summarise and the
// ScoreSummary JSON readers. Every sum runs in questionnaire order so the wasm build matches bit for bit.
#include "core/scoring.h"

#include "core/answer_check.h"
#include "core/condition.h"

#include <algorithm>
#include <cmath>

namespace mf {

using nlohmann::json;

double round1(double x) { return std::round(x * 10.0) / 10.0; }

json json_number(double x) {
    // 2^53: every integer up to here is exact in a double and fits in int64.
    if (x == std::floor(x) && std::fabs(x) <= 9007199254740992.0) return json(static_cast<std::int64_t>(x));
    return json(x);
}

std::optional<double> normalised_score(const Question& question, const AnswerValue& value) {
    if (!question.scored() || !check_answer(question, value).fits()) return std::nullopt;
    switch (question.type) {
    case QuestionType::Single: {
        double max_score = 0;
        for (const Option& o : question.options) max_score = std::max(max_score, o.score);
        if (max_score <= 0) return std::nullopt; // the loader forbids this; never divide by zero
        return question.option(std::get<std::string>(value))->score / max_score;
    }
    case QuestionType::YesNo: {
        const std::string& id = std::get<std::string>(value);
        if (id == kYes) return question.invert ? 0.0 : 1.0;
        if (id == kNo) return question.invert ? 1.0 : 0.0;
        return 0.0; // dont_know: answered, but nothing to credit
    }
    case QuestionType::Multiple: {
        if (question.max_points <= 0) return std::nullopt;
        double points = 0;
        for (const std::string& id : std::get<std::vector<std::string>>(value)) points += question.option(id)->score;
        return std::min(points, question.max_points) / question.max_points;
    }
    default: return std::nullopt;
    }
}

std::optional<double> PartScore::percent() const {
    if (answered == 0 || weight_sum <= 0) return std::nullopt;
    return 100.0 * weighted_sum / weight_sum;
}

std::optional<double> PartScore::coverage() const {
    if (visible == 0) return std::nullopt;
    return 100.0 * answered / visible;
}

const QuestionScore* Scores::question(const std::string& question_id) const {
    for (const QuestionScore& q : questions)
        if (q.question_id == question_id) return &q;
    return nullptr;
}

Scores compute_scores(const Questionnaire& questionnaire, const Answers& answers) {
    return compute_scores_of_visible(questionnaire, visible_answers(questionnaire, answers));
}

namespace {

struct PartSums {
    PartScore overall;
    std::vector<PartScore> themes, principles;
};

// The engine: the sums over the visible answers, in questionnaire order. `on_question` sees every
// scored question as the engine saw it (compute_scores keeps them; summarise_visible needs only the sums).
template <typename OnQuestion>
PartSums accumulate(const Questionnaire& questionnaire, const Answers& visible, OnQuestion&& on_question) {
    PartSums sums;
    sums.themes.resize(questionnaire.themes.size());
    sums.principles.resize(questionnaire.principles.size());
    std::vector<const double*> weights(questionnaire.principles.size()); // per principle; nullptr: none

    for (std::size_t t = 0; t < questionnaire.themes.size(); ++t) {
        const Theme& theme = questionnaire.themes[t];
        for (std::size_t i = 0; i < theme.questions.size(); ++i) {
            const Question& question = theme.questions[i];
            if (!question.scored()) continue;
            // W in the questionnaire's principle order, so every implementation adds in one order.
            double weight = 0;
            for (std::size_t p = 0; p < questionnaire.principles.size(); ++p) {
                auto w = question.weights.find(questionnaire.principles[p].id);
                weights[p] = w == question.weights.end() ? nullptr : &w->second;
                if (weights[p]) weight += *weights[p];
            }
            const bool shown = is_visible(question, visible);
            bool answered = false;
            double score = 0;
            if (shown) {
                auto it = visible.find(question.id);
                if (it != visible.end()) {
                    if (std::optional<double> s = normalised_score(question, it->second)) {
                        answered = true;
                        score = *s;
                    }
                }
            }
            on_question(t, i, question, shown, answered, score, weight);
            if (!shown) continue;

            for (PartScore* part : {&sums.overall, &sums.themes[t]}) {
                ++part->visible;
                if (answered) {
                    ++part->answered;
                    part->weighted_sum += weight * score;
                    part->weight_sum += weight;
                }
            }
            for (std::size_t p = 0; p < questionnaire.principles.size(); ++p) {
                if (!weights[p] || *weights[p] <= 0) continue;
                PartScore& part = sums.principles[p];
                ++part.visible;
                if (answered) {
                    ++part.answered;
                    part.weighted_sum += *weights[p] * score;
                    part.weight_sum += *weights[p];
                }
            }
        }
    }
    return sums;
}

Scores scores_of(const Questionnaire& questionnaire, PartSums&& sums) {
    Scores scores;
    scores.overall = sums.overall;
    scores.themes = std::move(sums.themes);
    scores.principles = std::move(sums.principles);
    if (std::optional<double> overall = scores.overall.percent()) scores.level = &questionnaire.level_for(*overall);
    return scores;
}

} // namespace

Scores compute_scores_of_visible(const Questionnaire& questionnaire, const Answers& visible) {
    std::vector<QuestionScore> questions;
    std::size_t question_count = 0;
    for (const Theme& theme : questionnaire.themes) question_count += theme.questions.size();
    questions.reserve(question_count);
    PartSums sums = accumulate(questionnaire, visible,
                               [&](std::size_t t, std::size_t i, const Question& question, bool shown, bool answered, double score, double weight) {
                                   QuestionScore qs;
                                   qs.question_id = question.id;
                                   qs.theme_index = t;
                                   qs.question_index = i;
                                   qs.visible = shown;
                                   qs.answered = answered;
                                   qs.score = score;
                                   qs.weight = weight;
                                   questions.push_back(std::move(qs));
                               });
    Scores scores = scores_of(questionnaire, std::move(sums));
    scores.questions = std::move(questions);
    return scores;
}

ScoreSummary summarise_visible(const Questionnaire& questionnaire, const Answers& visible) {
    return summarise(questionnaire, scores_of(questionnaire, accumulate(questionnaire, visible, [](auto&&...) {})));
}

namespace {

std::optional<double> rounded(std::optional<double> x) {
    if (!x) return std::nullopt;
    return round1(*x);
}

json optional_number(const std::optional<double>& x) { return x ? json_number(*x) : json(nullptr); }

} // namespace

ScoreSummary summarise(const Questionnaire& questionnaire, const Scores& scores) {
    ScoreSummary s;
    s.overall = rounded(scores.overall.percent());
    if (scores.level) s.level = scores.level->id;
    s.coverage = rounded(scores.overall.coverage());
    for (std::size_t p = 0; p < questionnaire.principles.size() && p < scores.principles.size(); ++p)
        s.principles[questionnaire.principles[p].id] = rounded(scores.principles[p].percent());
    for (std::size_t t = 0; t < questionnaire.themes.size() && t < scores.themes.size(); ++t)
        s.themes[questionnaire.themes[t].id] = ThemeSummary{rounded(scores.themes[t].percent()), rounded(scores.themes[t].coverage())};
    return s;
}

void to_json(json& j, const ScoreSummary& s) {
    j = json::object();
    j["overall"] = optional_number(s.overall);
    j["level"] = s.level ? json(*s.level) : json(nullptr);
    j["coverage"] = optional_number(s.coverage);
    json principles = json::object();
    for (const auto& [id, percent] : s.principles) principles[id] = optional_number(percent);
    j["principles"] = principles;
    json themes = json::object();
    for (const auto& [id, theme] : s.themes) themes[id] = {{"percent", optional_number(theme.percent)}, {"coverage", optional_number(theme.coverage)}};
    j["themes"] = themes;
}

namespace {

bool read_percent(const json& value, const std::string& pointer, const JsonReader& reader, std::optional<double>& out) {
    if (!reader.read_optional_number(value, pointer, out)) return false;
    if (out && (*out < 0 || *out > 100)) {
        reader.error(pointer, "scores.not_a_percentage", {{"got", value.dump()}},
                     "expected a percentage between 0 and 100, got " + value.dump());
        return false;
    }
    // The format writes whole numbers as integers (50, not 50.0 or 5e1): a file that does not was
    // written by some other program; the value is the same, so it is read, with a word.
    if (out && value.is_number_float() && *out == std::floor(*out)) {
        const std::string integer = std::to_string(static_cast<long long>(*out));
        reader.warning(pointer, "scores.whole_number_as_float", {{"got", value.dump()}, {"value", integer}},
                       "the whole number " + value.dump() + " is written as a decimal number; the format writes whole numbers as integers (" +
                           integer + ")");
    }
    return true;
}

} // namespace

bool read_score_summary(const json& j, const std::string& pointer, const JsonReader& reader, ScoreSummary& s) {
    const std::size_t errors_before = count_errors(*reader.out);
    s = ScoreSummary{};
    if (!reader.expect_object(j, pointer)) return false;
    reader.warn_unknown(j, pointer, {"overall", "level", "coverage", "principles", "themes"});
    if (const json* v = reader.member(j, pointer, "overall", true)) read_percent(*v, child_pointer(pointer, "overall"), reader, s.overall);
    if (const json* v = reader.member(j, pointer, "coverage", true)) read_percent(*v, child_pointer(pointer, "coverage"), reader, s.coverage);
    if (const json* v = reader.member(j, pointer, "level", true)) {
        std::string level;
        if (v->is_null()) s.level.reset();
        else if (reader.read_string(*v, child_pointer(pointer, "level"), level)) s.level = level;
    }
    if (const json* v = reader.member(j, pointer, "principles", true)) {
        const std::string p = child_pointer(pointer, "principles");
        if (reader.expect_object(*v, p))
            for (auto it = v->begin(); it != v->end(); ++it) {
                std::optional<double> percent;
                if (read_percent(it.value(), child_pointer(p, it.key()), reader, percent)) s.principles[it.key()] = percent;
            }
    }
    if (const json* v = reader.member(j, pointer, "themes", true)) {
        const std::string p = child_pointer(pointer, "themes");
        if (reader.expect_object(*v, p))
            for (auto it = v->begin(); it != v->end(); ++it) {
                const std::string tp = child_pointer(p, it.key());
                if (!reader.expect_object(it.value(), tp)) continue;
                reader.warn_unknown(it.value(), tp, {"percent", "coverage"});
                ThemeSummary theme;
                bool ok = true;
                if (const json* x = reader.member(it.value(), tp, "percent", true)) ok &= read_percent(*x, child_pointer(tp, "percent"), reader, theme.percent);
                else ok = false;
                if (const json* x = reader.member(it.value(), tp, "coverage", true)) ok &= read_percent(*x, child_pointer(tp, "coverage"), reader, theme.coverage);
                else ok = false;
                if (ok) s.themes[it.key()] = theme;
            }
    }
    return count_errors(*reader.out) == errors_before;
}

void from_json(const json& j, ScoreSummary& s) {
    Diagnostics diagnostics;
    JsonReader reader{"", &diagnostics};
    read_score_summary(j, "", reader, s);
    throw_first_error(diagnostics);
}

} // namespace mf
