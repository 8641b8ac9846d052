// publication.h - the figures the municipality may publish: per assessment year, with disclosure
// control applied (disclosure.h). Every output that can leave the municipality's computer is
// written from a Publication: the summary CSV/JSON, the barometer and the benchmark.
//
// Index
//   - PublishOptions           k (--min-group), the year, the year to compare with
//   - CountFigure              a count and its fate: the number, "under k", or hidden
//   - PartFigures, GroupFigures  per group (all, sector, size band) and part (overall, principle, theme):
//                              n, mean, quartiles and the levels; never a minimum or maximum
//   - CrossFigures             the sector x size band table: organisations, mean and median overall
//   - QuestionFigures          per scored question: organisations per answer (shares of everyone)
//   - ChangeFigures            organisations present in both years: change per part
//   - GoalFigures              goal follow-up of the year, all themes together (published only for
//                              k or more organisations that follow up an earlier plan)
//   - YearFigures, Publication, publish
//   - scored_questions         the questions OrganisationRow::answers follows
//   - group_title, part_title, answer_title, count_text   names and counts in a language
//
// docs/aggregation.md sections 4-6 define every figure and the disclosure rules. In short: a year's
// figures count each organisation (CVR number) once, with its newest accepted file whose `updated`
// lies in that year, and only organisations with an overall score. Counts of 1..k-1 are shown as
// "under k"; a hidden count is never recoverable from the published ones (secondary suppression
// across all tables that split the same organisations); figures are published only for n >= k.
#pragma once
#include "core/aggregate.h"
#include "core/disclosure.h"
#include "core/questionnaire.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mf {

struct PublishOptions {
    std::size_t min_group = kDefaultMinGroup; // k; callers keep it >= kSmallestMinGroup
    std::optional<int> year;                  // the year the summary is about; default: the latest
    std::optional<int> compare_year;          // default: the latest earlier year with organisations
    // Only the counts (groups, sector x size) of the years other than `year`: for outputs that show
    // that one year and the change (the summary), not the barometer or benchmark, which show every
    // year up to it. The year's figures and the change are the same either way.
    bool other_years_counts_only = false;
};

struct CountFigure {
    std::size_t count = 0; // the true count: internal; writers show it only when published
    Disclosure status = Disclosure::Published;
    bool published() const { return status == Disclosure::Published; }
};

struct PartFigures {
    PartKind kind = PartKind::Overall;
    std::string id;
    CountFigure n;                              // organisations with a value for this part
    bool shown = false;                         // n published and n >= k: mean and quartiles below
    std::optional<double> mean, q1, median, q3; // unrounded; absent unless shown
    std::vector<CountFigure> levels;            // per Questionnaire::levels
};

struct GroupFigures {
    std::string dimension, group; // "all"/"all", "sector"/<option id or "unknown">, "size"/<band or "unknown">
    CountFigure organisations;
    std::vector<PartFigures> parts; // overall, principles, themes (questionnaire order)
};

struct CrossFigures {
    std::string sector, size;
    CountFigure organisations;
    bool shown = false;
    std::optional<double> mean, median; // of the overall score
};

struct AnswerFigures {
    std::string option; // option id ("yes" / "no" / "dont_know" for yes/no questions)
    CountFigure count;  // organisations that gave this answer; share = count / all organisations
};

struct QuestionFigures {
    std::string id;
    QuestionType type = QuestionType::Single;
    std::vector<AnswerFigures> answers; // in the question's option order
    CountFigure not_answered;           // not shown to them (conditions) or skipped
};

struct ChangePartFigures {
    PartKind kind = PartKind::Overall;
    std::string id;
    CountFigure n; // organisations with a value in both years
    bool shown = false;
    std::optional<double> mean, q1, median, q3; // of the change in percentage points
    CountFigure improved, unchanged, declined;
};

struct ChangeFigures {
    int from_year = 0, to_year = 0;
    CountFigure organisations; // counted in both years
    std::vector<ChangePartFigures> parts;
};

// The year's goal follow-up, all themes together (docs/aggregation.md, "Goal follow-up"). The
// organisations whose file follows up an earlier plan are a count split from the year's
// organisations (with / without follow-up) under the same rules; the goal figures below are
// published only when that count is published and at least k. The figures per theme stay in the
// internal rows: a theme's goals may come from one organisation.
struct GoalFigures {
    CountFigure with_follow_up;            // organisations of the year that follow up an earlier plan
    std::optional<std::size_t> focus_areas; // focus areas in the year's plans; when the year's count is published
    bool shown = false;                    // with_follow_up published and >= k: the counts below
    std::size_t followed_up = 0;           // earlier goals followed up, with a status
    std::vector<std::size_t> statuses;     // per kFollowUpStatuses (reached, partly, not reached, dropped)
    std::size_t with_progress = 0;         // goals with a numeric indicator and a progress figure
    bool progress_shown = false;           // those goals come from k or more organisations
    std::optional<double> mean, q1, median, q3; // progress towards the target, percent of the way

    // statuses[i] as a percentage of the goals followed up (none when nothing was followed up).
    std::optional<double> status_share(std::size_t i) const {
        if (followed_up == 0 || i >= statuses.size()) return std::nullopt;
        return 100.0 * static_cast<double>(statuses[i]) / static_cast<double>(followed_up);
    }
};

struct YearFigures {
    int year = 0;
    std::vector<GroupFigures> groups;     // all; sectors (questionnaire order, then unknown); size bands, unknown
    std::vector<CrossFigures> cross;      // sector-major, the same sectors and bands
    std::vector<QuestionFigures> questions; // scored questions, questionnaire order
    GoalFigures goals;
    std::vector<std::string> versions;    // questionnaire versions the counted files were made with
    std::size_t without_score = 0;        // newest files of the year without an overall score (not counted)

    const GroupFigures& all() const { return groups.front(); }
};

struct Publication {
    std::size_t min_group = kDefaultMinGroup;
    std::vector<YearFigures> years; // ascending; empty when no organisation was counted
    std::size_t selected = 0;       // index into years: the year of the summary
    std::optional<ChangeFigures> change; // compare year -> selected year, when both have organisations

    bool empty() const { return years.empty(); }
    const YearFigures& year() const { return years[selected]; }
};

// The figures of every year with organisations, from aggregate()'s rows (all accepted files; the
// counted / superseded marks of aggregate() are not used: a year takes each CVR's newest file in
// that year). A requested year or compare year without organisations gives an empty `years` /
// no change; callers check with publication_year_problem first.
Publication publish(const Questionnaire& questionnaire, const std::vector<OrganisationRow>& rows, const PublishOptions& options = {});

// publish() a part at a time, for a page that must not hold its thread for all of it (10,000 rows:
// 0.1-0.3 s in the browser): step() does the next part (each CVR's newest file per year, then one
// year's figures, then the change between two years); once done(), take() gives exactly what
// publish() gives. It keeps pointers into `rows`, which must not change until then.
class Publishing {
public:
    Publishing(const Questionnaire& questionnaire, const std::vector<OrganisationRow>& rows, const PublishOptions& options = {});
    ~Publishing();
    Publishing(const Publishing&) = delete;
    Publishing& operator=(const Publishing&) = delete;
    bool done() const;
    void step();
    Publication take();

    struct State; // publication.cpp's

private:
    std::unique_ptr<State> state_;
};

// "" when the options fit the rows; otherwise what is wrong ("no organisation has an assessment
// from 2023; the files hold 2025, 2026"), for the CLI to print.
std::string publication_year_problem(const std::vector<OrganisationRow>& rows, const PublishOptions& options);

// The assessment year of a row: the year of `updated` (0 when it has none).
int assessment_year(const OrganisationRow& row);

// The scored questions in questionnaire order (the order of OrganisationRow::answers).
std::vector<const Question*> scored_questions(const Questionnaire& questionnaire);

// Names as people read them, in `language`: "Alle organisationer", a sector's option text,
// "10-49 medarbejdere", "Ikke oplyst"; a principle's or theme's title ("" for overall); an answer's
// option text ("Ja" / "Nej" / "Ved ikke" for yes/no questions, from the text table).
std::string group_title(const Questionnaire& questionnaire, const std::string& dimension, const std::string& group, const std::string& language);
std::string part_title(const Questionnaire& questionnaire, PartKind kind, const std::string& id, const std::string& language);
std::string answer_title(const Question& question, const std::string& answer, const std::string& language);
// One count as published, in `language`: "12", "færre end 5" / "under 5", "skjult" / "hidden" when
// hidden for another group's sake, "" when withheld (a hidden group's figures).
std::string count_text(const CountFigure& count, std::size_t min_group, const std::string& language);

} // namespace mf
