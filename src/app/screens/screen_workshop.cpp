// screen_workshop.cpp - the consultant's side: several organisations in one session.
//
// Index
//   - workshop_bar        the line under the header: which organisation is open, the way to the list
//   - screen_workshop     the list (open, rename, delete), add, export all, import a batch
//   - screen_compare      chosen organisations side by side: grouped bars and a table, anonymised on request
//
// Every action is the WorkshopModel's (model/workshop_model.h); this file only draws. Scores come
// from compute_scores/summarise, as on the results screen, so the numbers are the same.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/scoring.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>

namespace mf {

static std::string presentation_label(const AppModel& m) {
    return m.texts()(m.workshop().presentation() ? "workshop.presentation_off" : "workshop.presentation_on");
}

// ---------------------------------------------------------------------------------------------
// The bar under the header
// ---------------------------------------------------------------------------------------------
void workshop_bar(AppModel& m) {
    const Texts& tr = m.texts();
    const Screen s = m.screen();
    if (s == Screen::Workshop || s == Screen::Compare) return;
    WorkshopModel& w = m.workshop();
    const std::size_t entries = w.list().entries.size();
    if (entries <= 1 && !w.presentation()) {
        // One organisation: nothing but a quiet way in, on the start screen only.
        if (s != Screen::Start) return;
        if (ui::small_button(tr("workshop.way_in"), "workshop")) m.go_to(Screen::Workshop);
        return;
    }
    ImGui::AlignTextToFramePadding();
    ui::bold(tr("workshop.open_organisation", {{"name", w.name_of(w.current())}}));
    if (ui::small_button(tr("workshop.all"), "workshop")) m.go_to(Screen::Workshop);
    ImGui::SameLine();
    if (entries > 1 && ui::small_button(tr("workshop.compare_short"), "compare")) m.go_to(Screen::Compare);
    if (entries > 1) ImGui::SameLine();
    if (ui::small_button(presentation_label(m), "presentation")) w.set_presentation(!w.presentation());
    ImGui::Spacing();
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------
static std::string reasons_text(const Texts& tr, const Diagnostics& reasons) {
    std::string out;
    for (const Diagnostic& d : reasons) out += (out.empty() ? "" : "; ") + diagnostic_text(tr, d);
    return out;
}

static void delete_dialog(AppModel& m) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    if (!ui::begin_dialog("###delete-organisation", !w.confirm_delete.empty(), 34)) return;
    ui::name_dialog("delete-organisation", "delete-cancel", "delete-cancel"); // Enter keeps it
    ImGui::PushTextWrapPos(0);
    if (!w.list().find(w.confirm_delete)) {
        w.confirm_delete.clear();
        ImGui::CloseCurrentPopup();
    } else {
        ui::heading(tr("workshop.delete_heading", {{"name", w.name_of(w.confirm_delete)}}));
        ui::paragraph(tr("workshop.delete_text"));
        ImGui::Spacing();
        if (ui::secondary_button(tr("workshop.delete_cancel"), "delete-cancel")) {
            w.confirm_delete.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ui::danger_button(tr("workshop.delete_confirm"), "delete-confirm")) {
            w.remove(w.confirm_delete);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

static std::string row_line(const AppModel& m, const WorkshopModel::ListRow& row) {
    const Texts& tr = m.texts();
    if (!row.readable) return tr("workshop.unreadable", {{"reason", row.problems.empty() ? std::string() : diagnostic_text(tr, row.problems.front())}});
    const TextArgs args = {{"answered", std::to_string(row.progress.answered)}, {"total", std::to_string(row.progress.visible)},
                           {"value", tr.percent(row.overall)}};
    std::string line = tr(row.overall ? "workshop.row_answered_overall" : "workshop.row_answered", args);
    if (row.updated.size() >= 16) line += " · " + row.updated.substr(0, 10) + " " + row.updated.substr(11, 5) + " UTC";
    return line;
}

static void list_section(AppModel& m) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    std::string to_open;
    for (const WorkshopModel::ListRow& row : w.rows()) {
        const bool current = row.id == w.current();
        const std::string name = w.name_of(row.id);
        ImGui::PushID(row.id.c_str());
        ImGui::Separator();
        if (w.renaming == row.id) {
            ui::text_field(tr("workshop.new_name"), "rename-text:" + row.id, w.rename_text, "", "");
            if (ui::primary_button(tr("workshop.save_name"), "rename-save:" + row.id)) w.rename(row.id, w.rename_text);
            ImGui::SameLine();
            if (ui::secondary_button(tr("import.cancel"), "rename-cancel:" + row.id)) w.renaming.clear();
        } else {
            ui::bold(current ? tr("workshop.name_open", {{"name", name}}) : name);
            ui::muted(row_line(m, row));
            // Every button is named with its organisation. The first one shows the name when the row
            // still fits the column; the others lean on the name drawn above them.
            const TextArgs who = {{"name", name}};
            const std::string first = tr(current ? "workshop.continue_named" : "workshop.open_named", who);
            const std::string rename_label = tr("workshop.rename"), delete_label = tr("workshop.delete");
            const float spacing = ImGui::GetStyle().ItemSpacing.x + 2 * ImGui::GetStyle().FramePadding.x;
            const float row_width = ImGui::CalcTextSize(first.c_str()).x + ImGui::CalcTextSize(rename_label.c_str()).x +
                                    ImGui::CalcTextSize(delete_label.c_str()).x + 3 * spacing;
            const bool named = row_width * 1.05f <= ui::column_width(); // the first is bold, a little wider
            const std::string shown = named ? first : std::string(tr(current ? "workshop.continue" : "workshop.open"));
            if (!current && ui::primary_button(shown, "open:" + row.id, row.readable, first)) to_open = row.id;
            if (current && ui::primary_button(shown, "open:" + row.id, true, first)) w.continue_current();
            ImGui::SameLine();
            if (ui::secondary_button(rename_label, "rename:" + row.id, true, tr("workshop.rename_named", who))) w.start_rename(row.id);
            ImGui::SameLine();
            if (ui::secondary_button(delete_label, "delete:" + row.id, true, tr("workshop.delete_named", who))) w.ask_delete(row.id);
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    if (!to_open.empty()) w.open(to_open);
}

// Who is (or would be) exported unfinished: one line each, with how far it got.
static void unfinished_list(const Texts& tr, const std::vector<WorkshopModel::ExportAllReport::Unfinished>& unfinished) {
    if (unfinished.empty()) return;
    ui::bold(tr("workshop.unfinished_heading"));
    for (const auto& u : unfinished)
        ui::bullet(tr("workshop.unfinished_line", {{"name", u.name}, {"answered", std::to_string(u.progress.answered)},
                                                   {"visible", std::to_string(u.progress.visible)}}));
}

// Who cannot be exported yet, one organisation at a time with each of its reasons on a line.
static void missing_list(const Texts& tr, const std::vector<WorkshopModel::ExportAllReport::Skipped>& missing) {
    for (const auto& skipped : missing) {
        ui::bold(tr("workshop.missing_for", {{"name", skipped.name}}));
        for (const Diagnostic& d : skipped.problems) ui::bullet(diagnostic_text(tr, d));
    }
}

static void export_section(AppModel& m) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    ui::subheading(tr("workshop.share_heading"));
    if (ui::secondary_button(tr("workshop.to_compare"), "to-compare", w.list().entries.size() > 1)) m.go_to(Screen::Compare);
    ImGui::SameLine();
    if (ui::secondary_button(tr("workshop.export_all"), "export-all")) w.export_all();
    ImGui::SameLine();
    if (ui::secondary_button(tr("workshop.export_check"), "export-check")) w.check_export();
    ui::muted(tr("workshop.export_all_hint"));
    if (const auto& missing = w.export_check()) {
        if (missing->empty()) ui::notice(ui::Tone::Good, tr("workshop.export_check_none"), "export-check-result");
        else missing_list(tr, *missing);
        unfinished_list(tr, w.export_check_unfinished());
    }
    if (ui::secondary_button(tr("workshop.calendar"), "calendar-all")) w.save_calendar();
    ui::muted(tr("workshop.calendar_hint"));
    if (const auto& report = w.export_report()) {
        if (report->exported == 0) ui::notice(ui::Tone::Info, tr("workshop.export_none"));
        else if (report->saved) ui::notice(ui::Tone::Info, tr("workshop.exported", {{"count", std::to_string(report->exported)}, {"where", report->where}}));
        else ui::notice(ui::Tone::Info, report->where);
        unfinished_list(tr, report->unfinished);
        missing_list(tr, report->skipped);
    }
}

static void batch_section(AppModel& m) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    ui::subheading(tr("workshop.load_heading"));
    ui::muted(tr("workshop.load_hint"));
    // Several files at once: the host hands every chosen file to the model's file intake.
    bool load = false;
    std::string& paths = m.import_path();
    if (m.host().has_file_picker()) {
        load = ui::secondary_button(tr("workshop.choose_files"), "import-batch");
    } else {
        ui::text_field(tr("workshop.paths"), "import-path-batch", paths, "", "");
        load = ui::secondary_button(tr("import.load"), "import-batch");
    }
    std::string error;
    if (load && !m.host().choose_files(paths, ManyFiles::Several, error))
        w.import_refused(paths, {Diagnostic{Diagnostic::Severity::Error, paths, "", error}});
    for (const WorkshopModel::BatchLine& b : w.batch()) {
        std::string text;
        if (b.added) {
            const std::string name = b.name.empty() ? std::string(tr("workshop.no_name")) : b.name;
            text = b.dropped ? tr("workshop.batch_added_dropped", {{"name", name}, {"dropped", std::to_string(b.dropped)}})
                             : tr("workshop.batch_added", {{"name", name}});
        } else {
            text = b.key.empty() ? reasons_text(tr, b.problems) : std::string(tr(b.key));
        }
        ui::notice(b.added ? ui::Tone::Good : ui::Tone::Error, b.file + ": " + text);
    }
    if (!w.batch().empty() && ui::small_button(tr("workshop.clear_batch"), "batch-clear")) w.clear_batch();
}

void screen_workshop(AppModel& m) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    ui::heading(tr("workshop.heading"));
    ui::paragraph(tr("workshop.intro"));
    if (ui::secondary_button(presentation_label(m), "presentation")) w.set_presentation(!w.presentation());
    ui::muted(tr("workshop.f2_hint"));
    ImGui::Spacing();
    list_section(m);

    ui::subheading(tr("workshop.add_heading"));
    ui::text_field(tr("workshop.add_name"), "new-name", w.new_name, "", "");
    if (ui::primary_button(tr("workshop.add"), "add", !w.full())) {
        w.add(w.new_name);
        w.new_name.clear();
    }
    ImGui::Spacing();
    export_section(m);
    batch_section(m);
    delete_dialog(m);
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------
// Told apart without colour: each organisation has a letter key drawn on its bars, a fill pattern
// and its number at the end of the bar; the colours only help.
static const ImU32 kSeriesColours[] = {ui::rgb(0x1d, 0x55, 0x9e), ui::rgb(0xb4, 0x53, 0x09),
                                       ui::rgb(0x1e, 0x6b, 0x3a), ui::rgb(0x6b, 0x2c, 0x91),
                                       ui::rgb(0x4e, 0x57, 0x66)};

static std::string key_letter(std::size_t position) { return anonymous_name(position).substr(13); }

static void pattern_bar(ImDrawList* dl, ImVec2 a, ImVec2 b, std::size_t series) {
    const ImU32 c = kSeriesColours[series % 5];
    const int pattern = (int)(series % 4);
    dl->AddRect(a, b, ui::palette().text, 0, 0, 1.5f);
    if (b.x - a.x < 2) return;
    dl->PushClipRect(a, b, true);
    const float step = std::max(5.0f, (b.y - a.y) / 3.0f);
    switch (pattern) {
    case 0: dl->AddRectFilled(a, b, c); break;                                  // solid
    case 1:                                                                     // diagonal stripes
        dl->AddRectFilled(a, b, ui::rgb(0xff, 0xff, 0xff));
        for (float x = a.x - (b.y - a.y); x < b.x; x += step) dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), c, 2.5f);
        break;
    case 2:                                                                     // vertical stripes
        dl->AddRectFilled(a, b, ui::rgb(0xff, 0xff, 0xff));
        for (float x = a.x + step * 0.5f; x < b.x; x += step) dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), c, 2.5f);
        break;
    default:                                                                    // dots
        dl->AddRectFilled(a, b, ui::rgb(0xff, 0xff, 0xff));
        for (float x = a.x + step * 0.5f; x < b.x; x += step)
            for (float y = a.y + step * 0.5f; y < b.y; y += step) dl->AddCircleFilled(ImVec2(x, y), step * 0.28f, c);
        break;
    }
    dl->PopClipRect();
    dl->AddRect(a, b, ui::palette().text, 0, 0, 1.5f);
}

static std::string coverage_text(const Texts& tr, const Progress& p);

struct Column {
    std::string id, name, key;
    std::size_t series = 0;
    ScoreSummary summary;
    Progress progress;
    bool few = false; // compared although it has too few answers (asked for): marked
};

// Answered / total, marked when below the threshold.
static std::string column_coverage(const Texts& tr, const Column& c) {
    return coverage_text(tr, c.progress) + (c.few ? " " + std::string(tr("compare.few_mark")) : std::string());
}

// One group of bars: the part's title, then one bar per organisation with its key and number.
// `coverage`: each organisation's answered / total is written beside its number (the overall group).
static void bar_group(const Texts& tr, const std::string& title, const std::string& part_id, const std::vector<Column>& cols,
                      const std::vector<std::optional<double>>& values, bool coverage = false) {
    ui::bold(title);
    const float fs = ImGui::GetFontSize();
    const float w = ui::column_width();
    const float key_w = ImGui::CalcTextSize("WW").x + fs * 0.4f;
    std::vector<std::string> texts;
    float value_w = ImGui::CalcTextSize("100,0 %").x;
    for (std::size_t i = 0; i < cols.size(); i++) {
        texts.push_back(tr.percent(values[i]) + (coverage ? "  \u00b7  " + column_coverage(tr, cols[i]) : std::string()));
        value_w = std::max(value_w, ImGui::CalcTextSize(texts.back().c_str()).x);
    }
    value_w += fs * 0.5f;
    const float bar_w = w - key_w - value_w;
    const float h = std::round(fs * 1.1f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < cols.size(); i++) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddText(ui::fonts().bold, ui::fonts().bold->FontSize, ImVec2(p.x, p.y + (h - fs) * 0.5f), ui::palette().text, cols[i].key.c_str());
        const ImVec2 a(p.x + key_w, p.y);
        dl->AddRectFilled(a, ImVec2(a.x + bar_w, a.y + h), ui::palette().panel);
        if (values[i]) {
            const float fw = (float)(bar_w * std::clamp(*values[i], 0.0, 100.0) / 100.0);
            pattern_bar(dl, a, ImVec2(a.x + fw, a.y + h), cols[i].series);
        }
        const std::string& v = texts[i];
        dl->AddText(ImVec2(a.x + bar_w + fs * 0.4f, p.y + (h - fs) * 0.5f), ui::palette().text, v.c_str());
        ImGui::Dummy(ImVec2(w, h));
        ui::note("bar", cols[i].name + ": " + title, "cmp-bar:" + cols[i].id + ":" + part_id, false, v);
        ImGui::Dummy(ImVec2(1, fs * 0.15f));
    }
}


static std::string coverage_text(const Texts& tr, const Progress& p) {
    return tr("compare.coverage", {{"answered", std::to_string(p.answered)}, {"total", std::to_string(p.visible)}});
}

// Who is compared: every chosen, readable organisation with enough answers (or all, when asked);
// those with too few answers go to `few`, shown apart.
static std::vector<Column> chosen_columns(const AppModel& m, WorkshopModel& w, const std::vector<WorkshopModel::ListRow>& rows,
                                          std::vector<Column>& few) {
    const Questionnaire& q = m.questionnaire();
    std::vector<Column> cols;
    for (std::size_t position = 0; position < rows.size(); position++) {
        const WorkshopModel::ListRow& row = rows[position];
        if (!w.chosen(row.id) || !row.readable) continue;
        Column c;
        c.id = row.id;
        c.name = w.anonymise ? anonymous_name(position) : w.name_of(row.id);
        c.key = key_letter(position);
        c.series = position;
        c.progress = row.progress;
        const bool enough = WorkshopModel::enough_to_compare(row.progress);
        if (!enough && !w.include_few) {
            few.push_back(std::move(c));
            continue;
        }
        c.few = !enough;
        c.summary = summarise(q, compute_scores(q, row.answers));
        cols.push_back(std::move(c));
    }
    return cols;
}

// The controls: back, presentation, anonymise, who is compared.
static void compare_controls(AppModel& m, const std::vector<WorkshopModel::ListRow>& rows) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    if (ui::secondary_button(tr("compare.back"), "back")) m.go_to(Screen::Workshop);
    ImGui::SameLine();
    if (ui::secondary_button(presentation_label(m), "presentation")) w.set_presentation(!w.presentation());
    if (ui::choice(tr("compare.anonymise"), "anonymise", w.anonymise, false)) w.anonymise = !w.anonymise;
    ui::subheading(tr("compare.who"));
    for (std::size_t position = 0; position < rows.size(); position++) {
        const WorkshopModel::ListRow& row = rows[position];
        const std::string shown = w.anonymise ? anonymous_name(position) : w.name_of(row.id);
        std::string label = key_letter(position) + "  " + (row.readable ? shown : tr("compare.unreadable", {{"name", shown}}));
        if (row.readable) label += " \u00b7 " + coverage_text(tr, row.progress);
        if (ui::choice(label, "cmp-pick:" + row.id, w.chosen(row.id), false)) w.toggle_chosen(row.id);
    }
    if (ui::choice(tr("compare.include_few"), "cmp-include-few", w.include_few, false)) w.include_few = !w.include_few;
}

// Those with too few answers, apart from the chart and the table, each with its coverage.
static void few_section(const Texts& tr, const std::vector<Column>& few) {
    if (few.empty()) return;
    ui::subheading(tr("compare.few_heading"));
    ui::muted(tr("compare.few_hint", {{"percent", std::to_string((int)(WorkshopModel::kMinCoverageToCompare * 100))}}));
    for (const Column& c : few)
        ui::notice(ui::Tone::Info, c.key + "  " + c.name + ": " + coverage_text(tr, c.progress), "cmp-few:" + c.id);
}

static void compare_chart_and_table(AppModel& m, const std::vector<Column>& cols) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    // The chart: grouped bars per principle, then per theme.
    auto values = [&](auto get) {
        std::vector<std::optional<double>> v;
        for (const Column& c : cols) v.push_back(get(c.summary));
        return v;
    };
    auto principle = [&](const Principle& p) {
        return values([&](const ScoreSummary& s) {
            auto it = s.principles.find(p.id);
            return it == s.principles.end() ? std::nullopt : it->second;
        });
    };
    auto theme = [&](const Theme& t) {
        return values([&](const ScoreSummary& s) {
            auto it = s.themes.find(t.id);
            return it == s.themes.end() ? std::nullopt : it->second.percent;
        });
    };
    const auto overall = values([](const ScoreSummary& s) { return s.overall; });
    ui::subheading(tr("compare.principles_heading"));
    bar_group(tr, tr("compare.overall"), "overall", cols, overall, true);
    for (const Principle& p : q.principles) bar_group(tr, p.title.in(m.language()), p.id, cols, principle(p));
    ui::subheading(tr("results.themes"));
    for (const Theme& t : q.themes) bar_group(tr, t.title.in(m.language()), t.id, cols, theme(t));

    // The table: the same numbers, one column per organisation. No scrolling child: the table is
    // recorded whole (the accessible layer and the tests read every cell), and a scrolled child
    // would hide most of it on a projector.
    ui::subheading(tr("compare.table"));
    std::vector<ui::TableColumn> heads{ui::TableColumn{tr("compare.part"), 0, 2.0f}};
    for (const Column& c : cols) heads.push_back(ui::TableColumn{c.key + " " + c.name, 0, 1.0f});
    ui::begin_table("compare", tr("compare.caption"), heads, ui::TableOptions{true, true});
    auto row = [&](const std::string& title, const std::string& part_id, const std::vector<std::string>& texts) {
        ui::table_row(title);
        for (std::size_t i = 0; i < cols.size(); i++) ui::table_cell(texts[i], "cmp:" + cols[i].id + ":" + part_id);
    };
    auto percents = [&](const std::vector<std::optional<double>>& v) {
        std::vector<std::string> t;
        for (const auto& x : v) t.push_back(tr.percent(x));
        return t;
    };
    row(tr("compare.overall"), "overall", percents(overall));
    std::vector<std::string> levels, answered;
    for (const Column& c : cols) {
        const Level* level = nullptr;
        for (const Level& l : q.levels)
            if (c.summary.level && l.id == *c.summary.level) level = &l;
        levels.push_back(level ? level->title.in(m.language()) : "\u2013");
        answered.push_back(std::to_string(c.progress.answered) + " / " + std::to_string(c.progress.visible) +
                           (c.few ? " " + std::string(tr("compare.few_mark")) : std::string()));
    }
    row(tr("compare.level"), "level", levels);
    row(tr("compare.answered"), "answered", answered);
    for (const Principle& p : q.principles) row(p.title.in(m.language()), p.id, percents(principle(p)));
    for (const Theme& t : q.themes) row(t.title.in(m.language()), t.id, percents(theme(t)));
    ui::end_table();
    ui::muted(tr("compare.note"));
}

// Presentation mode opens on the chart: it comes first, the controls after the table. Otherwise the
// controls come first.
void screen_compare(AppModel& m) {
    const Texts& tr = m.texts();
    WorkshopModel& w = m.workshop();
    ui::heading(tr("compare.heading"));
    const std::vector<WorkshopModel::ListRow> rows = w.rows();
    std::vector<Column> few;
    const std::vector<Column> cols = chosen_columns(m, w, rows, few);
    if (!w.presentation()) compare_controls(m, rows);
    if (cols.empty()) ui::notice(ui::Tone::Info, tr("compare.choose_one"));
    else compare_chart_and_table(m, cols);
    few_section(tr, few);
    if (w.presentation()) compare_controls(m, rows);
}

} // namespace mf
