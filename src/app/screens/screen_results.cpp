// screen_results.cpp - the overall level, bars per principle and per theme, a radar chart of the
// themes, last year's goals with their status (when the assessment follows a plan up), the
// prioritised recommendations, "Compare with others" (the municipality's benchmark: the company
// against all, its sector and its size band) and the comparison with an earlier result.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/publication.h" // group_title
#include "core/recommendations.h"
#include "core/scoring.h"

#include "imgui.h"

namespace mf {

namespace {

constexpr std::size_t kShownRecommendations = 10;

std::optional<double> rounded(std::optional<double> x) { return x ? std::optional<double>(round1(*x)) : std::nullopt; }

// "54,3 %" or "54,3 % (+4,2)" with the change since the earlier result.
std::string with_change(const Texts& tr, std::optional<double> now, std::optional<double> change) {
    return change ? tr("results.value_change", {{"value", tr.percent(now)}, {"change", tr.points(*change)}}) : tr.percent(now);
}

void no_result_yet(AppModel& m) {
    const Texts& tr = m.texts();
    ui::notice(ui::Tone::Warning, tr("results.none_yet"));
    if (ui::primary_button(tr("results.to_questions"), "to-questions")) m.go_to_theme(0);
    ImGui::Spacing();
    ui::subheading(tr("results.compare_heading"));
    import_controls(m, ImportPurpose::Compare);
}

void overall_section(AppModel& m, const Scores& scores, const ScoreSummary& summary, const std::optional<ScoreComparison>& cmp) {
    const Texts& tr = m.texts();
    const ui::Fonts& fonts = ui::fonts();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(tr.percent(summary.overall).c_str());
    ImGui::PopFont();
    ui::note_text("strong", tr("results.overall", {{"value", tr.percent(summary.overall)}}));
    if (scores.level) {
        const std::string level = tr("results.level", {{"level", scores.level->title.in(m.language())}});
        ImGui::SameLine();
        ImGui::PushFont(fonts.heading);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (fonts.title->FontSize - fonts.heading->FontSize) * 0.6f);
        ImGui::TextUnformatted(level.c_str());
        ImGui::PopFont();
        ui::note_text("strong", level);
        ui::paragraph(scores.level->description.in(m.language()));
    }
    const std::optional<EarlierResult>& earlier = m.session().earlier;
    if (cmp && cmp->overall.change) {
        const std::string since = earlier->created.size() >= 10 ? earlier->created.substr(0, 10) : earlier->file;
        const char* key = !cmp->level_steps || *cmp->level_steps == 0 ? "results.since"
                          : *cmp->level_steps > 0                     ? "results.since_level_up"
                                                                      : "results.since_level_down";
        ui::notice(*cmp->overall.change >= 0 ? ui::Tone::Good : ui::Tone::Warning,
                   tr(key, {{"date", since}, {"change", tr.points(*cmp->overall.change)}}));
    }
    const Progress p = total_progress(m.questionnaire(), m.answers());
    ui::muted(tr("results.coverage", {{"answered", std::to_string(p.answered)}, {"total", std::to_string(p.visible)}}));
    report_button(m);
}

void principles_section(AppModel& m, const Scores& scores, const std::optional<ScoreComparison>& cmp) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    ui::subheading(tr("results.principles"));
    for (std::size_t i = 0; i < q.principles.size(); i++) {
        const std::optional<double> now = rounded(scores.principles[i].percent());
        std::optional<double> before, change;
        if (cmp)
            for (const ScoreChange& c : cmp->principles)
                if (c.id == q.principles[i].id) before = c.before, change = c.change;
        ui::percent_bar(q.principles[i].title.in(m.language()), now, before, with_change(tr, now, change));
    }
}

void themes_section(AppModel& m, const Scores& scores, const std::optional<ScoreComparison>& cmp) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    const std::optional<EarlierResult>& earlier = m.session().earlier;
    ui::subheading(tr("results.themes"));
    std::vector<std::optional<double>> values, earlier_values;
    for (std::size_t t = 0; t < q.themes.size(); t++) {
        values.push_back(rounded(scores.themes[t].percent()));
        if (earlier) {
            auto it = earlier->scores.themes.find(q.themes[t].id);
            earlier_values.push_back(it == earlier->scores.themes.end() ? std::nullopt : it->second.percent);
        }
    }
    const float chart = ui::column_width() < 26 * ImGui::GetFontSize() ? ui::column_width() : 26 * ImGui::GetFontSize();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ui::column_width() - chart) * 0.5f);
    ui::radar_chart(values, earlier_values, chart);
    ui::note("chart", tr("results.radar"), "radar");
    if (earlier) ui::muted(tr("results.radar_earlier"));
    for (std::size_t t = 0; t < q.themes.size(); t++) {
        std::optional<double> change;
        if (cmp)
            for (const ScoreChange& c : cmp->themes)
                if (c.id == q.themes[t].id) change = c.change;
        ui::percent_bar(std::to_string(t + 1) + ". " + q.themes[t].title.in(m.language()), values[t],
                        earlier ? earlier_values[t] : std::nullopt, with_change(tr, values[t], change));
    }
}

// A bold title over what follows, a level-3 heading in the accessible layer.
void minor_heading(const std::string& title) {
    ImGui::PushFont(ui::fonts().bold);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
    ui::note_text("heading", title, 3);
}

void recommendations_section(AppModel& m, const Scores& scores) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    const RecommendationList recs = recommend(q, m.answers(), scores, m.language());
    ui::subheading(tr("results.recommendations"));
    if (recs.items.empty()) ui::paragraph(tr("results.no_recommendations"));
    std::size_t n = 1;
    for (const Recommendation& r : recs.items) {
        if (n > kShownRecommendations) break;
        const Theme* theme = nullptr;
        for (const Theme& t : q.themes)
            if (t.id == r.theme_id) theme = &t;
        minor_heading(std::to_string(n++) + ". " + (theme ? theme->title.in(m.language()) : ""));
        ui::paragraph(r.text);
        ui::muted(tr("results.gain", {{"gain", tr.points(r.gain)}}));
        ImGui::Spacing();
    }
    if (recs.items.size() > kShownRecommendations)
        ui::muted(tr("results.more_recommendations", {{"more", std::to_string(recs.items.size() - kShownRecommendations)}}));
}

// One group's line for one part: the band with the company's mark and the numbers, or why there is
// no figure.
void benchmark_place(AppModel& m, const BenchmarkComparison& c, const BenchmarkPartPlace& part, const BenchmarkPlace& place) {
    const Texts& tr = m.texts();
    const std::string group = group_title(m.questionnaire(), place.dimension, place.group, m.language());
    const std::string k = std::to_string(c.min_group);
    using Status = BenchmarkPlace::Status;
    switch (place.status) {
    case Status::Shown: break;
    case Status::Small: return ui::muted(tr("results.benchmark.small", {{"group", group}, {"k", k}}));
    case Status::Hidden: return ui::muted(tr("results.benchmark.hidden", {{"group", group}}));
    case Status::NotInFile: return ui::muted(tr("results.benchmark.not_in_file", {{"group", group}, {"year", std::to_string(c.year)}}));
    case Status::NoGroup: return ui::muted(tr(place.dimension == "sector" ? "results.benchmark.no_sector" : "results.benchmark.no_size"));
    }
    const TextArgs figures = {{"own", tr.percent(part.own)}, {"q1", tr.percent(place.q1)}, {"median", tr.percent(place.median)}, {"q3", tr.percent(place.q3)}};
    std::string text = tr(part.own ? "results.benchmark.figures" : "results.benchmark.figures_no_own", figures);
    if (place.position) {
        const char* key = *place.position == BenchmarkPosition::Below   ? "results.benchmark.below"
                          : *place.position == BenchmarkPosition::Above ? "results.benchmark.above"
                                                                        : "results.benchmark.middle";
        text += std::string(" ") + tr(key);
    }
    ui::band_bar(tr("results.benchmark.group_count", {{"group", group}, {"n", std::to_string(place.n.value_or(0))}}), *place.q1, *place.median,
                 *place.q3, part.own, text);
}

void benchmark_figures(AppModel& m, const BenchmarkState& state, const BenchmarkComparison& c) {
    const Texts& tr = m.texts();
    if (c.parts.empty()) return ui::paragraph(tr("results.benchmark.empty"));
    ui::paragraph(tr("results.benchmark.intro", {{"year", std::to_string(c.year)}}));
    if (!c.own_year && c.assessment_year > 0)
        ui::notice(ui::Tone::Info, tr("results.benchmark.other_year", {{"own_year", std::to_string(c.assessment_year)}, {"year", std::to_string(c.year)}}));
    for (const BenchmarkPartPlace& part : c.parts) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        minor_heading(part.kind == "overall" ? tr("compare.overall")
                                             : part_title(m.questionnaire(), PartKind::Principle, part.id, m.language()));
        for (const BenchmarkPlace& place : part.places) benchmark_place(m, c, part, place);
    }
    const TextArgs source = {{"file", state.file}, {"created", tr.date_in_words(state.benchmark->created)}, {"k", std::to_string(c.min_group)}};
    ui::muted(tr(state.served ? "results.benchmark.source_served" : "results.benchmark.source_file", source));
}

// "Compare with others": the municipality's benchmark served next to the app, or one the user loads.
void benchmark_section(AppModel& m) {
    const Texts& tr = m.texts();
    const BenchmarkState& state = m.benchmark();
    ui::subheading(tr("results.benchmark.heading"));
    using Status = BenchmarkState::Status;
    switch (state.status) {
    case Status::NotAsked:
    case Status::Fetching: ui::muted(tr("results.benchmark.loading")); break;
    case Status::Absent: ui::paragraph(tr("results.benchmark.none")); break;
    case Status::Bad:
        ui::notice(ui::Tone::Warning, tr("results.benchmark.bad", {{"file", state.file}}), "benchmark-bad");
        for (const Diagnostic& d : state.problems)
            if (d.severity == Diagnostic::Severity::Error) ui::bullet(diagnostic_text(tr, d));
        break;
    case Status::Loaded: benchmark_figures(m, state, *m.benchmark_comparison()); break;
    }
    const std::string load = tr(state.status == Status::Loaded ? "results.benchmark.load_other" : "results.benchmark.load");
    if (!m.host().has_file_picker()) ui::text_field(tr("import.path"), "benchmark-path", m.benchmark_path(), "", "");
    if (ui::secondary_button(load, "benchmark-load")) m.choose_benchmark();
}

void comparison_section(AppModel& m) {
    const Texts& tr = m.texts();
    const std::optional<EarlierResult>& earlier = m.session().earlier;
    ui::subheading(tr("results.compare_heading"));
    if (earlier) {
        const TextArgs args = {{"file", earlier->file}, {"organisation", earlier->organisation}};
        ui::muted(tr(earlier->organisation.empty() ? "results.compared_with" : "results.compared_with_organisation", args));
        if (ui::small_button(tr("results.remove_comparison"), "compare-remove")) m.remove_comparison();
    }
    import_controls(m, ImportPurpose::Compare);
}

} // namespace

// Not inlined into the frame: the respondent's web page moves this screen and what only it calls
// into the module loaded after the start screen (cmake/split_wasm.py, docs/performance.md part 5).
[[gnu::noinline]] void screen_results(AppModel& m) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    const Scores scores = compute_scores(q, m.answers());
    const ScoreSummary summary = summarise(q, scores);
    const std::optional<EarlierResult>& earlier = m.session().earlier;
    const std::optional<ScoreComparison> cmp =
        earlier ? std::optional<ScoreComparison>(compare_scores(q, earlier->scores, summary)) : std::nullopt;

    ui::heading(tr("results.heading"));
    if (!summary.overall) return no_result_yet(m);
    overall_section(m, scores, summary, cmp);
    ImGui::Spacing();
    principles_section(m, scores, cmp);
    ImGui::Spacing();
    themes_section(m, scores, cmp);
    ImGui::Spacing();
    follow_up_summary(m, cmp);
    ImGui::Spacing();
    recommendations_section(m, scores);
    ImGui::Spacing();
    benchmark_section(m);
    ImGui::Spacing();
    comparison_section(m);
    ImGui::Spacing();
    if (ui::secondary_button(tr("review.back"), "back")) m.go_to_theme(m.session().theme);
    ImGui::SameLine();
    if (ui::primary_button(tr("results.to_plan"), "next")) m.go_to(Screen::Plan);
}

} // namespace mf
