// recommendations.h - what to do next, biggest possible gain first, in the respondent's language.
//
// Index
//   - Recommendation       one text from the questionnaire, with what it could gain
//   - RecommendationList   the sorted recommendations and the visible questions left unanswered
//   - recommend            the rules (docs/scoring.md, "Recommendations")
//
// The gain is in overall percentage points: how much the overall percentage would rise if the
// question(s) concerned were answered with the best answer, everything else unchanged.
#pragma once
#include "core/answers.h"
#include "core/questionnaire.h"
#include "core/scoring.h"

#include <cstddef>
#include <string>
#include <vector>

namespace mf {

struct Recommendation {
    enum class Kind { Theme, Question };
    Kind kind = Kind::Question;
    std::string id;        // the question id (Question) or the theme id (Theme)
    std::string theme_id;  // the theme it belongs to (== id for Theme)
    std::string text;      // in the chosen language
    double gain = 0;       // overall percentage points, unrounded
};

struct RecommendationList {
    std::vector<Recommendation> items;   // gain descending; equal gains (within a relative 1e-9)
                                         // in questionnaire order
    std::vector<std::string> unanswered; // visible scored questions without an answer, questionnaire order
};

// Question recommendations: for answered, visible, scored questions only; one with `when` applies
// when the condition holds on the visible answers, one without when s < 1.
// Theme recommendations: when the theme's unrounded percentage is below belowPercent (a theme with no
// percentage gets none). Gain of a question: ((100 * W) * (1 - s)) / (sum of W over all answered
// questions); of a theme: the sum of its answered questions' gains, in questionnaire order.
RecommendationList recommend(const Questionnaire& questionnaire, const Answers& answers, const Scores& scores,
                             const std::string& lang);

} // namespace mf
