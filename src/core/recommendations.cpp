// recommendations.cpp - which questionnaire texts apply, and their order by possible gain
// (recommendations.h; docs/scoring.md, "Recommendations").
//
// Index
//   - kGainTolerance   when two gains count as equal
//   - recommend        gains in the documented order of operations, then the order: gain
//                      descending, equal gains in questionnaire order
#include "core/recommendations.h"

#include "core/condition.h"

#include <algorithm>
#include <cstddef>
#include <tuple>

namespace mf {

namespace {

// Two gains are equal when they differ by at most this part of the larger one. Gains that are
// equal in exact arithmetic (1400/109 twice, from different questions) come out of double
// arithmetic a few units in the last place apart (12.844036697247706 and ...708), and sorting by
// that last bit would put a later theme first; the rounding error of a gain is below 1e-13 of it
// (at most a few hundred operations on doubles), so 1e-9 keeps every exact tie a tie.
constexpr double kGainTolerance = 1e-9;

} // namespace

RecommendationList recommend(const Questionnaire& questionnaire, const Answers& answers, const Scores& scores,
                             const std::string& lang) {
    struct Ranked {
        Recommendation rec;
        std::tuple<std::size_t, std::size_t, std::size_t> order; // (theme, 0 = theme / 1 + question, index)
    };
    std::vector<Ranked> ranked;
    RecommendationList list;
    const Answers visible = visible_answers(questionnaire, answers);
    const double total_weight = scores.overall.weight_sum;

    // docs/scoring.md §7: ((100 × W) × (1 − s)) / ΣW, in that order.
    auto gain_of = [&](const QuestionScore& qs) {
        return total_weight > 0 ? 100.0 * qs.weight * (1.0 - qs.score) / total_weight : 0.0;
    };

    for (const QuestionScore& qs : scores.questions) {
        if (!qs.visible) continue;
        const Theme& theme = questionnaire.themes[qs.theme_index];
        if (!qs.answered) {
            list.unanswered.push_back(qs.question_id);
            continue;
        }
        const Question& question = theme.questions[qs.question_index];
        for (std::size_t r = 0; r < question.recommendations.size(); ++r) {
            const QuestionRecommendation& qr = question.recommendations[r];
            const bool applies = qr.when ? evaluate_condition(*qr.when, visible) : qs.score < 1.0;
            if (!applies) continue;
            Recommendation rec{Recommendation::Kind::Question, question.id, theme.id, qr.text.in(lang), gain_of(qs)};
            ranked.push_back(Ranked{rec, {qs.theme_index, 1 + qs.question_index, r}});
        }
    }

    for (std::size_t t = 0; t < questionnaire.themes.size() && t < scores.themes.size(); ++t) {
        const Theme& theme = questionnaire.themes[t];
        std::optional<double> percent = scores.themes[t].percent();
        if (!percent) continue;
        double gain = 0;
        for (const QuestionScore& qs : scores.questions)
            if (qs.theme_index == t && qs.visible && qs.answered) gain += gain_of(qs);
        for (std::size_t r = 0; r < theme.recommendations.size(); ++r) {
            const ThemeRecommendation& tr = theme.recommendations[r];
            if (!(*percent < tr.below_percent)) continue;
            Recommendation rec{Recommendation::Kind::Theme, theme.id, theme.id, tr.text.in(lang), gain};
            ranked.push_back(Ranked{rec, {t, 0, r}});
        }
    }

    // Largest gain first. Then, from the top, each recommendation not yet placed leads a group of
    // the ones after it whose gain is within kGainTolerance of its own: a group counts as equal
    // gains and keeps questionnaire order.
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.rec.gain != b.rec.gain) return a.rec.gain > b.rec.gain;
        return a.order < b.order;
    });
    for (std::size_t begin = 0; begin < ranked.size();) {
        const double leader = ranked[begin].rec.gain;
        std::size_t end = begin + 1;
        while (end < ranked.size() && leader - ranked[end].rec.gain <= kGainTolerance * leader) ++end;
        std::sort(ranked.begin() + static_cast<std::ptrdiff_t>(begin), ranked.begin() + static_cast<std::ptrdiff_t>(end),
                  [](const Ranked& a, const Ranked& b) { return a.order < b.order; });
        begin = end;
    }
    for (Ranked& r : ranked) list.items.push_back(std::move(r.rec));
    return list;
}

} // namespace mf
