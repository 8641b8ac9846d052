// questionnaire.h - the questionnaire model: what the municipality writes in questionnaires/*.json.
//
// Index
//   - LocalText          a text in every language the questionnaire lists ("da", "en")
//   - Principle, Level   the policy's three principles; the five named maturity levels
//   - Condition          visibility conditions as a small tree (see condition.h for evaluation)
//   - Option, Question   the five question types and what scores them
//   - SuggestedIndicator what a focus area in the theme could measure (offered in the action plan)
//   - Theme              a group of questions with its own recommendations and suggested indicators
//   - Submission         how a respondent sends the result file to the municipality
//   - Questionnaire      the whole document, with lookups by id
//
// The format is documented in docs/questionnaire-format.md and checked by
// questionnaires/schema/questionnaire.schema.json. The loader (questionnaire_load.h) turns JSON into
// these types and reports every problem with file, JSON pointer and a plain message. Once loaded, a
// Questionnaire is valid: code that uses it does not re-check ids or types.
#pragma once
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

// A text in several languages, keyed by language code. The loader guarantees every language the
// questionnaire lists is present and non-empty; in() falls back to the first language present (in
// key order) only for a language the questionnaire does not list, and to "" for an empty text.
struct LocalText {
    std::map<std::string, std::string> by_lang;
    const std::string& in(const std::string& lang) const;
    bool empty() const { return by_lang.empty(); }
};

struct Principle {
    std::string id;  // e.g. "forskellighed", "deltagelse", "medborgerskab"
    LocalText title; // "Forskellighed er en styrke", ...
    LocalText description;
};

// A maturity level: reached when the overall percentage is >= min_percent. Levels are ordered by
// min_percent ascending; the first has min_percent 0.
struct Level {
    std::string id;
    double min_percent = 0;
    LocalText title;
    LocalText description;
};

// A visibility condition. Leaves compare an earlier answer; inner nodes combine.
struct Condition {
    enum class Kind { All, Any, Not, Compare };
    enum class Op {
        Equals,     // single choice / yes-no: the chosen option id equals value_text; number: == value_number
        NotEquals,  // negation of Equals (true when unanswered)
        Greater, GreaterEq, Less, LessEq, // number answers only
        Includes,   // multiple choice: value_text is among the selected options
        Answered,   // the question has an answer
    };
    Kind kind = Kind::Compare;
    std::vector<Condition> children; // All, Any: one or more; Not: exactly one
    std::string question;            // Compare: id of an earlier question (profile or theme)
    Op op = Op::Equals;
    std::string value_text;
    double value_number = 0;
    bool value_is_number = false;
};

enum class QuestionType {
    Single,    // one option from a list, each with a score (a maturity scale)
    YesNo,     // "yes", "no", "dont_know"
    Multiple,  // several options, points per option, capped at max_points
    Number,    // a number between min and max (never scored)
    Text,      // free text (never scored)
};

// "single", "yesno", "multiple", "number", "text": the type as questionnaires write it.
const char* question_type_name(QuestionType type);

// The yes/no/don't-know option ids, as they appear in answers and conditions.
inline constexpr const char* kYes = "yes";
inline constexpr const char* kNo = "no";
inline constexpr const char* kDontKnow = "dont_know";

struct Option {
    std::string id;
    LocalText text;
    double score = 0;       // Single: score of this step; Multiple: points of this option
    bool exclusive = false; // Multiple: choosing it clears the others ("none of these")
};

// A recommendation tied to an answer: shown when `when` holds, or (without `when`) whenever the
// question's normalised score is below 1.
struct QuestionRecommendation {
    std::optional<Condition> when;
    LocalText text;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Single;
    LocalText text;
    LocalText help;                   // may be empty
    std::vector<Option> options;      // Single, Multiple
    double max_points = 0;            // Multiple: the cap
    bool invert = false;              // YesNo: "no" is the good answer
    std::optional<double> min, max;   // Number
    bool integer = false;             // Number: whole numbers only
    LocalText unit;                   // Number: e.g. "medarbejdere"
    std::string format;               // Text: "", "email", "cvr"
    bool required = false;            // profile fields the export cannot do without
    std::string role;                 // profile: "name", "cvr", "sector", "employees", "contact", "email"
    std::map<std::string, double> weights; // principle id -> weight (>= 0); empty for unscored types
    std::optional<Condition> visible_if;
    std::vector<QuestionRecommendation> recommendations;

    bool scored() const { return type == QuestionType::Single || type == QuestionType::YesNo || type == QuestionType::Multiple; }
    double total_weight() const;      // sum of weights over principles
    const Option* option(const std::string& option_id) const;
    // The ids an answer can choose: "yes", "no", "dont_know" for yes/no; the options' ids otherwise.
    std::vector<std::string> answer_ids() const;
    // The position of `answer_id` in answer_ids() without building that list, or nullopt.
    std::optional<std::size_t> answer_index(std::string_view answer_id) const;
};

// A recommendation for a whole theme, shown when the theme's percentage is below `below_percent`.
struct ThemeRecommendation {
    double below_percent = 0;
    LocalText text;
};

// An indicator the municipality suggests for focus areas in a theme, so that companies measure
// comparable things; the respondent may take it as it is, edit it or write their own.
struct SuggestedIndicator {
    LocalText measure;  // what is measured, e.g. "Andel stillingsopslag delt via jobcenter og foreninger"
    std::string unit;   // "percent", "number" or "yesno" (action_plan.h)
};

struct Theme {
    std::string id;
    LocalText title;
    LocalText intro;
    std::vector<Question> questions;
    std::vector<ThemeRecommendation> recommendations;
    std::vector<SuggestedIndicator> indicators;
};

// How a result file reaches the municipality: written by the municipality in its questionnaire, so
// another municipality reuses the tool by editing data. Shown on the export page and in the report.
// Not part of the content hash (questionnaire_content_hash): it says where to send, not what was asked.
struct Submission {
    LocalText recipient; // who receives the file, e.g. "Københavns Kommune, Bland dig i byen"
    LocalText channel;   // how to send it, e.g. Digital Post from the business mailbox on virk.dk
    LocalText contact;   // whom to ask

    // The three parts in the order shown, each with the text-table key of its label (the export page
    // and the report show the same lines).
    struct Line {
        const char* label_key;
        const LocalText* text;
    };
    std::array<Line, 3> lines() const {
        return {{{"submission.recipient", &recipient}, {"submission.channel", &channel}, {"submission.contact", &contact}}};
    }
};

struct Questionnaire {
    int format_version = 1;
    std::string id;          // stable across versions, e.g. "aktoersporet"
    std::string version;     // e.g. "1.0.0"
    std::vector<std::string> languages; // first is the fallback
    LocalText title;
    LocalText intro;
    std::vector<Principle> principles;
    std::vector<Level> levels;          // ascending by min_percent
    std::vector<Question> profile;      // organisation profile, never scored
    std::vector<Theme> themes;
    std::optional<Submission> submission; // absent: the export page and report say nothing about sending
    std::string content_hash;           // "sha256:<hex>" of the canonical JSON (set by the loader)

    // Lookups (linear; questionnaires are small). nullptr when absent.
    const Question* question(const std::string& question_id) const;
    const Question* profile_field(const std::string& role) const;
    const Theme* theme_of(const std::string& question_id) const;
    const Principle* principle(const std::string& principle_id) const;
    const Level& level_for(double percent) const; // the highest level whose min_percent <= percent
    std::size_t scored_question_count() const; // scored types in themes (the profile never scores)
};

} // namespace mf
