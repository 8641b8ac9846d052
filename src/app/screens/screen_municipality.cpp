// screen_municipality.cpp - the municipality's overview: many result files in, the same figures as
// mf-aggregate publishes (tables and simple charts; disclosure control: a year, k, "under k" and no
// figure for small groups, no minimum or maximum), the rejected files with their reasons, the exports
// (internal rows, summary CSV/JSON, barometer, benchmark).
//
// Index
//   - drawing helpers      titles, the tables' columns, the bars' summaries for the layer
//   - sections             files, duplicates, export, settings (year, k), figures, levels, groups,
//                          sector x size, answers per question, change, goal follow-up, problems
//   - screen_municipality
//
// The files, the figures and the exports are the MunicipalityModel's (model/municipality_model.h),
// computed by core exactly as in mf-aggregate (its Publication: only what may be published); what is drawn is formatted from those figures (round1,
// like the CSV). Every table goes through ui::begin_table / table_row / table_cell, which draws it and
// records it for the accessible layer (an HTML table) and for the tests (mfTest.state().cells, keyed
// by the cells' ids); every bar records the numbers it shows as text.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/follow_up.h"
#include "core/publication.h"
#include "core/scoring.h"

#include "imgui.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace mf {

namespace {

// ---------------------------------------------------------------------------------------------
// Drawing helpers
// ---------------------------------------------------------------------------------------------
std::string pct(const Texts& tr, std::optional<double> x) { return tr.percent(x); }
std::string pts(const Texts& tr, std::optional<double> x) { return x ? tr.points(*x) : std::string("\u2013"); }

std::string part_title(const AppModel& m, PartKind kind, const std::string& id) {
    if (kind == PartKind::Overall) return m.texts()("muni.overall");
    if (kind == PartKind::Principle)
        if (const Principle* pr = m.questionnaire().principle(id)) return pr->title.in(m.language());
    for (const Theme& t : m.questionnaire().themes)
        if (t.id == id) return t.title.in(m.language());
    return id;
}

std::string part_key(PartKind kind, const std::string& id) {
    return kind == PartKind::Overall ? std::string("overall") : std::string(part_kind_name(kind)) + ":" + id;
}

// The first column (the row headers) stretches; `kinds` has a letter per number column: 'c' a
// count (narrow), 'p' a percentage or points.
std::vector<ui::TableColumn> columns(const std::string& first, const std::vector<std::string>& numbers, const std::string& kinds) {
    std::vector<ui::TableColumn> cols;
    cols.push_back(ui::TableColumn{first});
    const float pad = ImGui::GetFontSize() * 0.6f;
    const float wide = ImGui::CalcTextSize("100,0 %").x + pad, narrow = ImGui::CalcTextSize("00000").x + pad;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        const float w = kinds[i] == 'c' ? narrow : wide;
        cols.push_back({numbers[i], std::max(w, ImGui::CalcTextSize(numbers[i].c_str()).x + pad * 0.5f)});
    }
    return cols;
}

// What a spread bar shows, as text: "mean 54,3 %; middle half 40,0 % to 70,0 %; median 55,0 % (n = 12)".
std::string spread_summary(const Texts& tr, const Stats& s) {
    if (s.q1 && s.q3 && s.median)
        return tr("muni.spread_summary", {{"mean", pct(tr, s.mean)}, {"q1", pct(tr, s.q1)}, {"q3", pct(tr, s.q3)},
                                          {"median", pct(tr, s.median)}, {"n", std::to_string(s.n)}});
    return tr("muni.mean_summary", {{"mean", pct(tr, s.mean)}, {"n", std::to_string(s.n)}});
}

// A long list (thousands of rejected files) in a scrolled box; only the visible lines are drawn.
void line_list(const char* id, const std::vector<std::string>& lines) {
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float h = std::min((float)lines.size(), 12.0f) * line_h + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette().panel);
    // Long reasons wrap (no horizontal scrolling); lines above and below the view are only measured.
    ImGui::BeginChild(id, ImVec2(ui::column_width(), h), ImGuiChildFlags_Border);
    ImGui::PushTextWrapPos(0);
    for (const std::string& line : lines) {
        ui::note_text("bullet", line); // the layer has every line (a list a reader can walk), drawn or not
        const float top = ImGui::GetCursorPosY();
        const bool seen = top + line_h * 4 >= ImGui::GetScrollY() && top <= ImGui::GetScrollY() + h;
        if (seen) ImGui::TextWrapped("%s", line.c_str());
        else ImGui::Dummy(ImGui::CalcTextSize(line.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------
void input_section(AppModel& m) {
    const Texts& tr = m.texts();
    MunicipalityModel& v = *m.municipality();
    std::string error;
    if (m.host().has_file_picker()) {
        if (ui::primary_button(tr("muni.choose_files"), "muni-pick-files") && !m.host().choose_files("", ManyFiles::Thousands, error)) v.export_error = error;
        ImGui::SameLine();
        if (ui::secondary_button(tr("muni.choose_folder"), "muni-pick-folder") && !m.host().choose_files("", ManyFiles::Folder, error)) v.export_error = error;
        ui::muted(tr("muni.drop_hint"));
    } else {
        if (v.paths.empty()) v.paths = m.host().documents_folder() + "/";
        ui::text_field(tr("muni.paths"), "muni-paths", v.paths, tr("muni.paths_hint"), "");
        if (ui::primary_button(tr("import.load"), "muni-read") && !m.host().choose_files(v.paths, ManyFiles::Thousands, error)) v.export_error = error;
        ui::muted(tr("muni.drop_hint_desktop"));
    }
    if (v.loading())
        ui::notice(ui::Tone::Info, tr("muni.reading", {{"arrived", std::to_string(v.arrived())}, {"announced", std::to_string(v.announced())}}));
}

void files_section(AppModel& m, const MunicipalityModel::Counts& a) {
    const Texts& tr = m.texts();
    ui::subheading(tr("muni.files"));
    // No header row drawn (the rows say what they count); the layer's table has them.
    ui::begin_table("muni-files", tr("muni.files_caption"),
                    {{tr("muni.files")}, {tr("muni.number"), ImGui::CalcTextSize("1000000").x}}, ui::TableOptions{false, false});
    const struct { const char* id; const char* text; std::size_t count; } rows[] = {
        {"read", "muni.files_read", a.files},
        {"accepted", "muni.files_accepted", a.accepted},
        {"counted", "muni.files_counted", a.counted},
        {"superseded", "muni.files_superseded", a.superseded},
        {"rejected", "muni.files_rejected", a.rejected},
        {"change", "muni.files_change", a.with_change}};
    for (const auto& row : rows) {
        ui::table_row(tr(row.text));
        ui::table_cell(std::to_string(row.count), std::string("files/") + row.id);
    }
    ui::end_table();
    if (m.municipality()->replaced() > 0) ui::muted(tr("muni.replaced", {{"count", std::to_string(m.municipality()->replaced())}}));
}

void duplicates_section(AppModel& m) {
    const Texts& tr = m.texts();
    MunicipalityModel& v = *m.municipality();
    ui::subheading(tr("muni.duplicates"));
    if (ui::choice(tr("muni.newest_counts"), "muni-newest", !v.keep_duplicates(), true)) v.set_keep_duplicates(false);
    if (ui::choice(tr("muni.every_file_counts"), "muni-keep-all", v.keep_duplicates(), true)) v.set_keep_duplicates(true);
}

// A published count as the tables show it: "12", "færre end 5", "skjult", "" (withheld).
std::string count_cell(const AppModel& m, const CountFigure& c) {
    return count_text(c, m.municipality()->min_group(), m.language());
}

// Year and k: which published figures the overview shows (and exports).
void settings_section(AppModel& m, const Publication& p) {
    const Texts& tr = m.texts();
    MunicipalityModel& v = *m.municipality();
    ui::subheading(tr("muni.settings"));
    std::vector<ui::ComboOption> years;
    for (const YearFigures& y : p.years) years.push_back({std::to_string(y.year), std::to_string(y.year)});
    std::string year = std::to_string(p.year().year);
    const float width = ImGui::CalcTextSize("0000000000").x * 1.6f;
    if (ui::combo(tr("muni.year"), "muni-year", years, year, "", width)) v.set_year(std::stoi(year));
    std::vector<ui::ComboOption> ks;
    for (std::size_t k = kSmallestMinGroup; k <= 10; ++k) ks.push_back({std::to_string(k), std::to_string(k)});
    std::string k = std::to_string(v.min_group());
    if (ui::combo(tr("muni.min_group"), "muni-min-group", ks, k, "", width, true, tr("muni.min_group_hint")))
        v.set_min_group(static_cast<std::size_t>(std::stoul(k)));
    ui::notice(ui::Tone::Info, tr("muni.published_only", {{"k", std::to_string(p.min_group)}, {"year", std::to_string(p.year().year)}}));
}

void figures_section(AppModel& m, const GroupFigures& all) {
    const Texts& tr = m.texts();
    ui::subheading(tr("muni.figures"));
    ui::muted(tr("muni.figures_hint"));
    for (const PartFigures& p : all.parts) {
        if (p.kind == PartKind::Theme || !p.shown) continue;
        Stats s; // what the bar's summary reads: published figures only
        s.n = p.n.count;
        s.mean = p.mean, s.q1 = p.q1, s.median = p.median, s.q3 = p.q3;
        ui::spread_bar(part_title(m, p.kind, p.id), p.mean, p.q1, p.median, p.q3, pct(tr, p.mean), spread_summary(tr, s));
    }
    ImGui::Spacing();
    ui::begin_table("muni-parts", tr("muni.parts_caption"),
                    columns(tr("compare.part"), {"n", tr("muni.mean"), "Q1", "Median", "Q3"}, "cpppp"));
    for (const PartFigures& p : all.parts) {
        ui::table_row(p.kind == PartKind::Theme ? tr("plan.theme", {{"theme", part_title(m, p.kind, p.id)}}) : part_title(m, p.kind, p.id));
        const std::string key = "all/" + part_key(p.kind, p.id) + "/";
        ui::table_cell(count_cell(m, p.n), key + "n");
        ui::table_cell(p.shown ? pct(tr, p.mean) : std::string(), key + "mean");
        ui::table_cell(p.shown ? pct(tr, p.q1) : std::string(), key + "q1");
        ui::table_cell(p.shown ? pct(tr, p.median) : std::string(), key + "median");
        ui::table_cell(p.shown ? pct(tr, p.q3) : std::string(), key + "q3");
    }
    ui::end_table();
}

void levels_section(AppModel& m, const GroupFigures& all) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    ui::subheading(tr("muni.levels"));
    ui::muted(tr("muni.levels_hint"));
    // Legend: a coloured square and the level's name (the layer has the names in each bar's text).
    for (std::size_t i = 0; i < q.levels.size(); i++) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float fs = ImGui::GetFontSize();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + fs * 0.2f), ImVec2(p.x + fs * 0.8f, p.y + fs), ui::scale_colour(i, q.levels.size()));
        ImGui::Dummy(ImVec2(fs, fs));
        ImGui::SameLine();
        ImGui::TextUnformatted(q.levels[i].title.in(m.language()).c_str());
        if (i + 1 < q.levels.size()) ImGui::SameLine(0, fs);
    }
    // A bar only where every level's count is published (a bar cannot show "under 5").
    for (const PartFigures& p : all.parts) {
        if (p.kind == PartKind::Theme) continue;
        std::vector<std::size_t> counts;
        std::string summary;
        bool all_published = p.levels.size() == q.levels.size();
        for (std::size_t i = 0; i < p.levels.size() && i < q.levels.size(); i++) {
            all_published = all_published && p.levels[i].published();
            counts.push_back(p.levels[i].count);
            summary += (i ? ", " : "") + q.levels[i].title.in(m.language()) + ": " + count_cell(m, p.levels[i]);
        }
        if (all_published) ui::stacked_bar(part_title(m, p.kind, p.id), counts, summary);
    }
    ImGui::Spacing();
    std::vector<std::string> heads;
    for (const Level& l : q.levels) heads.push_back(l.title.in(m.language()));
    ui::begin_table("muni-levels", tr("muni.levels_caption"), columns(tr("compare.part"), heads, std::string(heads.size(), 'p')));
    for (const PartFigures& p : all.parts) {
        ui::table_row(p.kind == PartKind::Theme ? tr("plan.theme", {{"theme", part_title(m, p.kind, p.id)}}) : part_title(m, p.kind, p.id));
        for (std::size_t i = 0; i < q.levels.size(); i++)
            ui::table_cell(i < p.levels.size() ? count_cell(m, p.levels[i]) : std::string(), "levels/" + part_key(p.kind, p.id) + "/" + q.levels[i].id);
    }
    ui::end_table();
}

std::string group_name(const AppModel& m, const std::string& dimension, const std::string& group) {
    return group_title(m.questionnaire(), dimension, group, m.language());
}

void groups_section(AppModel& m, const YearFigures& y) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    MunicipalityModel& v = *m.municipality();
    const bool by_sector = v.breakdown == MunicipalityModel::Breakdown::Sector;
    ui::subheading(tr("muni.groups"));
    if (ui::choice(tr("muni.by_sector"), "muni-by-sector", by_sector, true)) v.breakdown = MunicipalityModel::Breakdown::Sector;
    if (ui::choice(tr("muni.by_size"), "muni-by-size", !by_sector, true)) v.breakdown = MunicipalityModel::Breakdown::Size;
    const std::string dimension = v.breakdown == MunicipalityModel::Breakdown::Sector ? "sector" : "size";
    ImGui::Spacing();
    ui::muted(tr("muni.groups_hint"));
    for (const GroupFigures& g : y.groups) {
        if (g.dimension != dimension || g.parts.empty() || !g.parts.front().shown) continue; // the others: in the table
        const PartFigures& s = g.parts.front();
        ui::percent_bar(tr("muni.group_bar", {{"group", group_name(m, g.dimension, g.group)}, {"count", count_cell(m, g.organisations)}}),
                        s.mean ? std::optional<double>(round1(*s.mean)) : std::nullopt, std::nullopt, pct(tr, s.mean));
    }
    ImGui::Spacing();
    // Two tables, so that the groups' names keep room for their words: organisations and the overall
    // score, then the mean per principle (the principles' titles as the column headers).
    const char* caption = dimension == "sector" ? "muni.groups_caption_sector" : "muni.groups_caption_size";
    ui::begin_table("muni-groups", tr(caption),
                    columns(tr("muni.group"), {tr("muni.organisations"), "n", tr("muni.mean"), "Median"}, "pppp"));
    for (const GroupFigures& g : y.groups) {
        if (g.dimension != dimension || g.parts.empty()) continue;
        const std::string key = g.dimension + "/" + g.group + "/";
        ui::table_row(group_name(m, g.dimension, g.group));
        ui::table_cell(count_cell(m, g.organisations), key + "organisations");
        const PartFigures& s = g.parts.front();
        ui::table_cell(count_cell(m, s.n), key + "overall/n");
        ui::table_cell(s.shown ? pct(tr, s.mean) : std::string(), key + "overall/mean");
        ui::table_cell(s.shown ? pct(tr, s.median) : std::string(), key + "overall/median");
    }
    ui::end_table();
    ImGui::Spacing();
    // The count again (without an id: the first table's cell is the figure), so an empty cell here
    // reads as the small group it is.
    std::vector<ui::TableColumn> cols = columns(tr("muni.group"), {tr("muni.organisations")}, "p");
    cols.front().weight = 1.3f;
    for (const Principle& pr : q.principles) cols.push_back(ui::TableColumn{pr.title.in(m.language())});
    ui::begin_table("muni-groups-principles", tr(dimension == "sector" ? "muni.principles_caption_sector" : "muni.principles_caption_size"), cols);
    for (const GroupFigures& g : y.groups) {
        if (g.dimension != dimension || g.parts.empty()) continue;
        const std::string key = g.dimension + "/" + g.group + "/";
        ui::table_row(group_name(m, g.dimension, g.group));
        ui::table_cell(count_cell(m, g.organisations), "");
        for (const PartFigures& p : g.parts)
            if (p.kind == PartKind::Principle) ui::table_cell(p.shown ? pct(tr, p.mean) : std::string(), key + part_key(p.kind, p.id) + "/mean");
    }
    ui::end_table();
}

// Sector x size band: a row per sector, a column per band; a cell holds the count and, for k or
// more organisations, the mean overall score.
void cross_section(AppModel& m, const YearFigures& y) {
    const Texts& tr = m.texts();
    ui::subheading(tr("muni.cross"));
    ui::muted(tr("muni.cross_hint"));
    std::vector<std::string> bands, heads;
    for (const CrossFigures& c : y.cross)
        if (std::find(bands.begin(), bands.end(), c.size) == bands.end()) bands.push_back(c.size);
    for (const std::string& b : bands) heads.push_back(group_name(m, "size", b));
    std::vector<ui::TableColumn> cols{ui::TableColumn{tr("muni.group"), 0, 1.6f}};
    for (const std::string& h : heads) cols.push_back(ui::TableColumn{h});
    ui::begin_table("muni-cross", tr("muni.cross_caption"), cols);
    std::string sector;
    for (const CrossFigures& c : y.cross) {
        if (c.sector != sector) {
            sector = c.sector;
            ui::table_row(group_name(m, "sector", c.sector));
        }
        const std::string count = count_cell(m, c.organisations);
        ui::table_cell(c.shown ? tr("muni.cross_cell", {{"count", count}, {"mean", pct(tr, c.mean)}}) : count, "cross/" + c.sector + "/" + c.size);
    }
    ui::end_table();
}

// The share of organisations per answer to each scored question of one theme (the barometer's
// indicators).
void questions_section(AppModel& m, const YearFigures& y) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    MunicipalityModel& v = *m.municipality();
    ui::subheading(tr("muni.questions"));
    ui::muted(tr("muni.questions_hint"));
    std::vector<ui::ComboOption> themes;
    for (const Theme& t : q.themes) themes.push_back({t.id, t.title.in(m.language())});
    if (v.question_theme.empty() && !q.themes.empty()) v.question_theme = q.themes.front().id;
    ui::combo(tr("muni.questions_theme"), "muni-question-theme", themes, v.question_theme, "", ui::column_width() * 0.6f);
    const std::vector<const Question*> questions = scored_questions(q);
    const CountFigure& everyone = y.all().organisations;
    ui::begin_table("muni-questions", tr("muni.questions_caption"),
                    columns(tr("muni.answer"), {tr("muni.organisations"), tr("muni.share")}, "pp"));
    for (std::size_t i = 0; i < y.questions.size() && i < questions.size(); ++i) {
        const QuestionFigures& f = y.questions[i];
        const Theme* theme = q.theme_of(f.id);
        if (!theme || theme->id != v.question_theme) continue;
        const std::string text = questions[i]->text.in(m.language());
        auto row = [&](const std::string& answer, const std::string& name, const CountFigure& c) {
            ui::table_row(tr("muni.question_answer", {{"question", text}, {"answer", name}}));
            ui::table_cell(count_cell(m, c), "question/" + f.id + "/" + answer + "/count");
            const bool shown = c.published() && everyone.published() && everyone.count > 0;
            ui::table_cell(shown ? pct(tr, 100.0 * static_cast<double>(c.count) / static_cast<double>(everyone.count)) : std::string(),
                           "question/" + f.id + "/" + answer + "/share");
        };
        for (const AnswerFigures& a : f.answers) row(a.option, answer_title(*questions[i], a.option, m.language()), a.count);
        row("not_answered", tr("aggregate.not_answered"), f.not_answered);
    }
    ui::end_table();
}

void change_section(AppModel& m, const Publication& p) {
    const Texts& tr = m.texts();
    ui::subheading(tr("muni.change"));
    if (!p.change) {
        ui::muted(tr("muni.no_change"));
        return;
    }
    const ChangeFigures& c = *p.change;
    ui::muted(tr("muni.change_hint", {{"count", count_cell(m, c.organisations)}, {"from", std::to_string(c.from_year)}, {"to", std::to_string(c.to_year)}}));
    ui::begin_table("muni-change", tr("muni.change_caption"),
                    columns(tr("compare.part"), {"n", tr("muni.mean"), "Median", tr("muni.better"), tr("muni.same"), tr("muni.worse")}, "pppppp"));
    for (const ChangePartFigures& part : c.parts) {
        if (part.kind == PartKind::Theme) continue;
        ui::table_row(part_title(m, part.kind, part.id));
        const std::string key = "change/" + part_key(part.kind, part.id) + "/";
        ui::table_cell(count_cell(m, part.n), key + "n");
        ui::table_cell(part.shown ? pts(tr, part.mean) : std::string(), key + "mean");
        ui::table_cell(part.shown ? pts(tr, part.median) : std::string(), key + "median");
        ui::table_cell(count_cell(m, part.improved), key + "improved");
        ui::table_cell(count_cell(m, part.unchanged), key + "unchanged");
        ui::table_cell(count_cell(m, part.declined), key + "declined");
    }
    ui::end_table();
}

// The goal follow-up of the selected year (issue 17): the organisations that follow up an earlier
// plan, their goals by status and the progress towards the target, each only where the small-group
// rule publishes it (core's GoalFigures; the same texts as the barometer's section).
void goals_section(AppModel& m, const Publication& p) {
    const Texts& tr = m.texts();
    const YearFigures& y = p.year();
    const GoalFigures& g = y.goals;
    const std::string year = std::to_string(y.year), k = std::to_string(p.min_group);
    ui::subheading(tr("barometer.goals"));
    ui::paragraph(tr("barometer.goals_intro", {{"year", year}, {"organisations", count_cell(m, g.with_follow_up)},
                                               {"focus", g.focus_areas ? std::to_string(*g.focus_areas) : std::string("\u2013")}}));
    if (!g.shown) {
        ui::muted(tr("barometer.goals_too_few", {{"k", k}}));
        return;
    }
    ui::begin_table("muni-goals", tr("barometer.goals_table", {{"year", year}, {"n", std::to_string(g.followed_up)}}),
                    columns(tr("followup.how_did_it_go"), {tr("barometer.goals_count"), tr("barometer.goals_share")}, "cp"));
    for (std::size_t i = 0; i < g.statuses.size() && i < std::size(kFollowUpStatuses); ++i) {
        const std::string id = follow_up_status_id(kFollowUpStatuses[i]);
        ui::table_row(follow_up_status_name(kFollowUpStatuses[i], m.language()));
        ui::table_cell(std::to_string(g.statuses[i]), "goals/" + id + "/goals");
        ui::table_cell(pct(tr, g.status_share(i)), "goals/" + id + "/share");
    }
    ui::end_table();
    if (g.progress_shown)
        ui::paragraph(tr("barometer.goals_progress", {{"n", std::to_string(g.with_progress)}, {"median", pct(tr, g.median)},
                                                      {"q1", pct(tr, g.q1)}, {"q3", pct(tr, g.q3)}, {"mean", pct(tr, g.mean)}}));
    else
        ui::muted(tr("barometer.goals_progress_too_few", {{"k", k}}));
}

void problems_section(AppModel& m) {
    const Texts& tr = m.texts();
    const MunicipalityModel& v = *m.municipality();
    ui::subheading(tr("muni.rejected"));
    if (v.rejections().empty()) {
        ui::muted(tr("muni.none_rejected"));
    } else {
        ui::muted(tr("muni.rejected_hint"));
        std::vector<std::string> lines;
        lines.reserve(v.rejections().size());
        for (const Diagnostic& d : v.rejections()) lines.push_back(d.file + ": " + diagnostic_text(tr, d));
        line_list("##muni-rejected", lines);
        if (ui::disclosure(tr("details.technical"), "muni-rejected-details")) {
            std::vector<std::string> details;
            details.reserve(v.rejections().size());
            for (const Diagnostic& d : v.rejections()) details.push_back(diagnostic_details(d));
            line_list("##muni-rejected-details", details);
        }
    }
    if (!v.superseded().empty()) {
        ui::subheading(tr("muni.not_counted"));
        std::vector<std::string> lines;
        lines.reserve(v.superseded().size());
        for (const auto& s : v.superseded()) lines.push_back(not_counted_text(tr, s));
        line_list("##muni-superseded", lines);
    }
}

void save(AppModel& m, const std::string& name, const std::string& bytes, const char* mime) {
    MunicipalityModel& v = *m.municipality();
    std::string where;
    const std::string path = m.host().has_file_picker() ? name : m.host().documents_folder() + "/" + name;
    if (m.host().save_file(path, bytes, mime, where)) {
        v.last_export = where;
        v.export_error.clear();
        m.notify("notice.saved", {{"where", where}});
    } else {
        v.export_error = where;
    }
}

void export_section(AppModel& m) {
    const Texts& tr = m.texts();
    MunicipalityModel& v = *m.municipality();
    ui::subheading(tr("muni.export"));
    ui::muted(tr("muni.export_hint"));
    if (ui::choice(tr("muni.decimal_comma"), "muni-decimal-comma", v.csv.decimal_comma, false)) v.csv.decimal_comma = !v.csv.decimal_comma;
    v.csv.language = m.language(); // the files' headers and texts in the page's language
    const std::string date = m.host().today();
    if (ui::primary_button(tr("muni.export_rows"), "muni-export-rows"))
        save(m, "mangfoldighedstjek-organisationer-intern-" + date + ".csv", v.rows_csv_text(), "text/csv");
    if (ui::secondary_button(tr("muni.export_summary_csv"), "muni-export-summary-csv"))
        save(m, "mangfoldighedstjek-tal-" + date + ".csv", v.summary_csv_text(), "text/csv");
    ImGui::SameLine();
    if (ui::secondary_button(tr("muni.export_summary_json"), "muni-export-summary-json"))
        save(m, "mangfoldighedstjek-tal-" + date + ".json", v.summary_json_text(), "application/json");
    if (v.publication() && !v.publication()->empty()) {
        if (ui::secondary_button(tr("muni.export_barometer"), "muni-export-barometer")) {
            std::string where;
            if (m.host().show_html("mangfoldighedstjek-barometer-" + date + ".html", v.barometer_html_text(m.language(), date), where)) {
                v.export_error.clear();
            } else {
                v.export_error = where;
            }
        }
        ImGui::SameLine();
        if (ui::secondary_button(tr("muni.export_benchmark"), "muni-export-benchmark"))
            save(m, "benchmark.json", v.benchmark_json_text(date), "application/json");
    }
    if (!v.export_error.empty()) ui::notice(ui::Tone::Error, v.export_error);
    if (!v.last_export.empty()) ui::muted(tr("muni.last_saved", {{"where", v.last_export}}));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------------------------
void screen_municipality(AppModel& m) {
    const Texts& tr = m.texts();
    MunicipalityModel& v = *m.municipality();
    v.recompute(m.time()); // no extra frames while loading: each batch of files wakes the app

    if (ui::small_button(tr("muni.back"), "muni-back")) {
        m.close_overview();
        return;
    }
    ui::heading(tr("muni.heading"));
    ui::paragraph(tr("muni.intro"));
    ui::notice(ui::Tone::Info, tr("muni.privacy"));
    input_section(m);
    if (v.files() > 0 && ui::small_button(tr("muni.clear"), "muni-clear")) {
        v.clear();
        return;
    }
    if (!v.counts() || v.counts()->files == 0) return;
    const MunicipalityModel::Counts& a = *v.counts();
    ImGui::Spacing();
    files_section(m, a);
    ImGui::Spacing();
    duplicates_section(m);
    ImGui::Spacing();
    export_section(m);
    if (v.publication() && !v.publication()->empty()) {
        const Publication& p = *v.publication();
        ImGui::Spacing();
        settings_section(m, p);
        ImGui::Spacing();
        figures_section(m, p.year().all());
        ImGui::Spacing();
        levels_section(m, p.year().all());
        ImGui::Spacing();
        groups_section(m, p.year());
        ImGui::Spacing();
        cross_section(m, p.year());
        ImGui::Spacing();
        questions_section(m, p.year());
        ImGui::Spacing();
        change_section(m, p);
        ImGui::Spacing();
        goals_section(m, p);
    }
    ImGui::Spacing();
    problems_section(m);
}

} // namespace mf
