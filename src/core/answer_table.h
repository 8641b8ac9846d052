// answer_table.h - a questionnaire's questions as arrays, for checking many result files.
//
// Index
//   - CodedAnswer          one answer without heap strings: the AnswerValue's alternative, its text
//                          as a view, a number, or the chosen answer ids as bits
//   - AnswerTable          made once per questionnaire: the questions in questionnaire order, found
//                          by id with one merge over sorted keys; per question its answer ids,
//                          normalised option scores and weights per principle; conditions compiled
//                          to question indices
//   - code_answer          a value from the file -> CodedAnswer, only when check_answer says it fits
//   - coded_visible, coded_scores_match   conditions and the scores over coded answers
//
// The per-file fast path (result.h, import_result_fast; aggregate.h, check_result) spent most of its
// time on std::map lookups by string: the answer of a question, a principle's weight, an option's
// score, each looked up again by scores, visibility and encode_answers. This is the same arithmetic
// from arrays: every number is computed as compute_scores computes it (the same operations in the
// same order, so the same bits), every condition as evaluate_condition decides it. tests/core/
// answer_table_test.cpp and the fuzz target fast_import compare it with the map-based code.
#pragma once
#include "core/answers.h"
#include "core/questionnaire.h"
#include "core/scoring.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mf {

// One answer, as AnswerValue holds it but without owning anything: `text` points into the file's
// bytes (or the fast reader's decoded strings) and is valid while they are.
struct CodedAnswer {
    enum class Kind : std::uint8_t { None, Text, Number, Choices }; // None: unanswered
    Kind kind = Kind::None;
    std::uint32_t bits = 0;   // Text on a single / yes-no question: 1 << its answer index; Choices: one bit per chosen id
    double number = 0;        // Number
    std::string_view text;    // Text
};

class AnswerTable {
public:
    explicit AnswerTable(const Questionnaire& questionnaire);

    // Made for this questionnaire (the same object, id, version and content hash). A caller that
    // changes a questionnaire after checking files with it makes a new table.
    bool made_for(const Questionnaire& questionnaire) const;
    // False for a questionnaire the arrays cannot describe exactly (duplicate ids of questions,
    // principles or themes, more than 31 answer ids on a question): the fast path then gives up.
    bool usable() const { return usable_; }

    std::size_t size() const { return questions_.size(); }
    const Question& question(std::size_t index) const { return *questions_[index].question; }
    // The question indices sorted by id (the first question with an id, profile first, as
    // Questionnaire::question finds it); for a merge with a file's sorted answer keys.
    const std::vector<std::uint32_t>& by_id() const { return by_id_; }
    // The index of the question with this id, or npos.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t find(std::string_view id) const;
    // The profile question with this role (Questionnaire::profile_field), as an index; npos when none.
    std::size_t role(const char* role) const;

    // `value` (a string, a number or a list of strings from a file) as a coded answer to question
    // `index`, when check_answer would say it fits; false otherwise.
    bool code_text(std::size_t index, std::string_view text, CodedAnswer& out) const;
    bool code_number(std::size_t index, double number, CodedAnswer& out) const;
    // Choices: start with begin_choices, add each id; false when one does not fit (not an option,
    // chosen twice); finish_choices checks the rule on exclusive options.
    bool begin_choices(std::size_t index, CodedAnswer& out) const;
    bool add_choice(std::size_t index, std::string_view id, CodedAnswer& out) const;
    bool finish_choices(std::size_t index, const CodedAnswer& out) const;

    // The AnswerValue a coded answer stands for (Choices in option order, as in_option_order gives).
    AnswerValue value(std::size_t index, const CodedAnswer& answer) const;

    // is_visible(question, answers) for the question at `index`, `answers` parallel to the table.
    bool visible(std::size_t index, const std::vector<CodedAnswer>& answers) const;
    // summarise_visible(questionnaire, answers) == stored, for answers that are all visible and fit.
    bool scores_match(const std::vector<CodedAnswer>& answers, const ScoreSummary& stored) const;
    // encode_answers(questionnaire, answers): the scored questions' answers as option bits.
    std::vector<std::uint32_t> encode(const std::vector<CodedAnswer>& answers) const;

private:
    struct Compiled { // a Condition with its question found
        Condition::Kind kind = Condition::Kind::Compare;
        std::vector<Compiled> children;
        std::size_t question = npos;     // Compare: the index of c.question, npos when not in the questionnaire
        Condition::Op op = Condition::Op::Equals;
        std::string value_text;
        double value_number = 0;
        bool value_is_number = false;
        std::uint32_t value_bit = 0;      // Includes: the bit of value_text among the question's answer ids (0: none)
    };
    struct Entry {
        const Question* question = nullptr;
        std::size_t theme = npos;         // npos for the profile
        bool scored = false;              // in a theme and of a scored type
        bool scorable = false;            // normalised_score gives a number for an answer that fits
        std::vector<std::string_view> ids; // answer_ids()
        std::vector<double> option_value; // Single: score / max score; Multiple: points
        std::uint32_t exclusive = 0;      // Multiple: bits of the exclusive options
        double weight = 0;                // W: the sum of the weights, in principle order
        std::vector<double> weights;      // per principle (questionnaire order)
        std::vector<char> has_weight;     // per principle: the question has a weight for it
        int condition = -1;               // into conditions_
    };
    const Questionnaire* source_;
    std::string id_, version_, content_hash_;
    bool usable_ = true;
    std::vector<Entry> questions_;
    std::vector<std::uint32_t> by_id_;
    std::vector<Compiled> conditions_;
    std::vector<std::size_t> principle_order_, theme_order_; // indices sorted by id (a std::map's order)
    std::size_t principles_ = 0, themes_ = 0, scored_ = 0;
    std::vector<std::pair<std::string, std::size_t>> roles_; // role -> its profile question's index (role())

    Compiled compile(const Condition& c) const;
    bool evaluate(const Compiled& c, const std::vector<CodedAnswer>& answers) const;
    std::uint32_t bit_of(std::size_t index, std::string_view id) const; // 0 when not an answer id
};

} // namespace mf
