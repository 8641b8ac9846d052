// screen_results.cpp - the overall level, bars per principle and per theme, a radar chart of the
// themes, the prioritised recommendations, and the comparison with an earlier result.
#include "app/app_internal.h"
#include "app/style.h"
#include "core/recommendations.h"
#include "core/scoring.h"

#include "imgui.h"

namespace mf {

static std::string change_text(const std::optional<double>& change) {
    if (!change) return "";
    return " (" + format_points(*change) + ")";
}

void screen_results() {
    const Questionnaire& q = questionnaire();
    const Session& s = g_app.session;
    const Answers& answers = s.assessment.answers;
    const Scores scores = compute_scores(q, answers);
    const ScoreSummary summary = summarise(q, scores);
    const std::optional<ScoreComparison> cmp =
        s.earlier ? std::optional<ScoreComparison>(compare_scores(q, s.earlier->scores, summary)) : std::nullopt;

    ui::heading(tr("Jeres resultat", "Your result"));
    if (!summary.overall) {
        ui::notice(ui::Tone::Warning, tr("Der er endnu ingen besvarede spørgsmål, så der er intet resultat at vise.",
                                         "No questions are answered yet, so there is no result to show."));
        if (ui::primary_button(tr("Gå til spørgsmålene ›", "Go to the questions ›"), "to-questions")) go_to_theme(0);
        ImGui::Spacing();
        ui::subheading(tr("Sammenlign med et tidligere resultat", "Compare with an earlier result"));
        import_controls(ImportPurpose::Compare);
        return;
    }

    // Overall: the percentage large, the level and what it means.
    ImGui::PushFont(g_fonts.title);
    ImGui::TextUnformatted(format_percent(summary.overall).c_str());
    ImGui::PopFont();
    ui::note_text("strong", std::string(tr("Samlet: ", "Overall: ")) + format_percent(summary.overall));
    if (scores.level) {
        ImGui::SameLine();
        ImGui::PushFont(g_fonts.heading);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (g_fonts.title->FontSize - g_fonts.heading->FontSize) * 0.6f);
        ImGui::TextUnformatted((std::string(tr("Niveau: ", "Level: ")) + scores.level->title.in(lang())).c_str());
        ImGui::PopFont();
        ui::note_text("strong", std::string(tr("Niveau: ", "Level: ")) + scores.level->title.in(lang()));
        ui::paragraph(scores.level->description.in(lang()));
    }
    if (cmp && cmp->overall.change) {
        std::string line = std::string(tr("Siden ", "Since ")) + (s.earlier->created.size() >= 10 ? s.earlier->created.substr(0, 10) : s.earlier->file) +
                           ": " + format_points(*cmp->overall.change) + tr(" procentpoint", " percentage points");
        if (cmp->level_steps && *cmp->level_steps != 0)
            line += std::string(", ") + (*cmp->level_steps > 0 ? tr("et niveau op", "a level up") : tr("et niveau ned", "a level down"));
        ui::notice(*cmp->overall.change >= 0 ? ui::Tone::Good : ui::Tone::Warning, line);
    }
    const Progress p = total_progress(q, answers);
    ui::muted(std::to_string(p.answered) + tr(" af ", " of ") + std::to_string(p.visible) +
              tr(" spørgsmål besvaret. Ubesvarede spørgsmål tæller ikke med.", " questions answered. Unanswered questions do not count."));
    report_button();
    ImGui::Spacing();

    // Principles.
    ui::subheading(tr("De tre principper", "The three principles"));
    for (std::size_t i = 0; i < q.principles.size(); i++) {
        const Principle& pr = q.principles[i];
        const std::optional<double> now = scores.principles[i].percent();
        std::optional<double> before, change;
        if (cmp)
            for (const ScoreChange& c : cmp->principles)
                if (c.id == pr.id) before = c.before, change = c.change;
        ui::percent_bar(pr.title.in(lang()), now ? std::optional<double>(round1(*now)) : std::nullopt, before,
                        format_percent(now ? std::optional<double>(round1(*now)) : std::nullopt) + change_text(change));
    }
    ImGui::Spacing();

    // Themes: radar chart beside the numbered bars.
    ui::subheading(tr("Temaerne", "The themes"));
    std::vector<std::optional<double>> values, earlier_values;
    for (std::size_t t = 0; t < q.themes.size(); t++) {
        const std::optional<double> v = scores.themes[t].percent();
        values.push_back(v ? std::optional<double>(round1(*v)) : std::nullopt);
        if (s.earlier) {
            auto it = s.earlier->scores.themes.find(q.themes[t].id);
            earlier_values.push_back(it == s.earlier->scores.themes.end() ? std::nullopt : it->second.percent);
        }
    }
    const float chart = ui::column_width() < 26 * ImGui::GetFontSize() ? ui::column_width() : 26 * ImGui::GetFontSize();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ui::column_width() - chart) * 0.5f);
    ui::radar_chart(values, earlier_values, chart);
    ui::note("chart", tr("Radardiagram over temaerne", "Radar chart of the themes"), "radar");
    if (s.earlier)
        ui::muted(tr("Den stiplede linje og de mørke streger viser det tidligere resultat.",
                     "The dashed line and the dark markers show the earlier result."));
    for (std::size_t t = 0; t < q.themes.size(); t++) {
        std::optional<double> change;
        if (cmp)
            for (const ScoreChange& c : cmp->themes)
                if (c.id == q.themes[t].id) change = c.change;
        ui::percent_bar(std::to_string(t + 1) + ". " + q.themes[t].title.in(lang()), values[t],
                        s.earlier ? earlier_values[t] : std::nullopt, format_percent(values[t]) + change_text(change));
    }
    ImGui::Spacing();

    // Recommendations, biggest gain first.
    const RecommendationList recs = recommend(q, answers, scores, lang());
    ui::subheading(tr("Anbefalinger – det vigtigste først", "Recommendations – most important first"));
    if (recs.items.empty()) ui::paragraph(tr("Ingen anbefalinger: flot arbejde.", "No recommendations: well done."));
    int n = 1;
    for (const Recommendation& r : recs.items) {
        if (n > 10) break;
        const Theme* theme = nullptr;
        for (const Theme& t : q.themes)
            if (t.id == r.theme_id) theme = &t;
        ImGui::PushFont(g_fonts.bold);
        ImGui::TextWrapped("%d. %s", n, theme ? theme->title.in(lang()).c_str() : "");
        ImGui::PopFont();
        ui::note_text("heading", std::to_string(n++) + ". " + (theme ? theme->title.in(lang()) : ""), 3);
        ui::paragraph(r.text);
        ui::muted(std::string(tr("Mulig forbedring: ", "Possible gain: ")) + format_points(r.gain) +
                  tr(" procentpoint samlet", " percentage points overall"));
        ImGui::Spacing();
    }
    if (recs.items.size() > 10)
        ui::muted(std::to_string(recs.items.size() - 10) + tr(" flere anbefalinger følger, når du har arbejdet med de første.",
                                                             " more recommendations follow once you have worked on these."));
    ImGui::Spacing();

    ui::subheading(tr("Sammenlign med et tidligere resultat", "Compare with an earlier result"));
    if (s.earlier) {
        ui::muted(std::string(tr("Sammenlignet med: ", "Compared with: ")) + s.earlier->file +
                  (s.earlier->organisation.empty() ? "" : " (" + s.earlier->organisation + ")"));
        if (ui::small_button(tr("Fjern sammenligningen", "Remove the comparison"), "compare-remove")) {
            g_app.session.earlier.reset();
            session_changed();
        }
    }
    import_controls(ImportPurpose::Compare);
    ImGui::Spacing();
    if (ui::secondary_button(tr("‹ Tilbage til spørgsmålene", "‹ Back to the questions"), "back")) go_to_theme(g_app.session.theme);
    ImGui::SameLine();
    if (ui::primary_button(tr("Lav en handlingsplan ›", "Make an action plan ›"), "next")) go_to(Screen::Plan);
}

} // namespace mf
