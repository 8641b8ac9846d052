// test_hooks.cpp - the test interface: the app's real state for the browser tests, as JSON
// (window.mfTest.state(), src/platform/platform_web.js). Nothing else in the app exists only for
// tests; everything here is read from the model and the ui layer's record of the last frame. The
// rest of window.mfTest is the web host's own facts (ready, frames, painted, busy: platform_web.cpp),
// which the benchmarks read too.
//
// The object:
//   page ("respondent", "municipality" or "app" on the desktop), screen, language, textSize (0..3),
//   textScale, glyphs (the body face's glyphs in the font atlas: fewer in the first frame, style.h),
//   platform, modal (null, "start-over", "import", "import-error", "delete-organisation"),
//   notice (the text shown now), focused (id of the item with keyboard focus), loadErrors (when the
//   questionnaire did not load), theme (index), themeId, themeCount, answered / questions (visible
//   scored questions), unanswered, profileComplete, answerCount, overall (percent or null), level
//   (id or null), planAreas, earlier (file or null), lastExport, exportError, storageFailed, answers
//   (id -> value, as in result files), plan and followUp (the action plan and the follow-up of an
//   earlier plan, as in result files: "actionPlan" and "planFollowUp"), import (null, or the open
//   import dialog's {file, errors, warnings} as the dialog words them, and errorDetails,
//   warningDetails: "/pointer: message" as core reports them), dialogText (every text drawn in the
//   open dialog, in order), notices (the boxed messages drawn: id, text, tone, y), items (every interactive item
//   of the last frame: kind, id, label, x, y, w, h in CSS pixels, visible, focused, checked, value
//   for inputs and bars), tables (id, caption, columns, rows) and cells (cell id -> text), messages (field id
//   -> the validation message shown under it), municipality (the overview: loading, announced,
//   arrived, files, keepDuplicates, decimalComma, stale, rejected (file: plain reason),
//   rejectedDetails (Diagnostic::to_string), superseded, lastExport,
//   exportError, open) and workshop (entries {id, name, updated}, current, presentation,
//   highContrast, anonymise, batch, exportMessage).
#include "app/app.h"

#include "app/app_parts.h"
#include "core/scoring.h"
#include "platform/platform.h"

#include <nlohmann/json.hpp>

namespace mf {

using nlohmann::json;

static json municipality_state(const AppModel& m) {
    json j;
    j["open"] = m.overview_open();
    const MunicipalityModel* v = m.municipality();
    if (!v) return j;
    j["loading"] = v->loading();
    j["announced"] = v->announced();
    j["arrived"] = v->arrived();
    j["files"] = v->files();
    j["keepDuplicates"] = v->keep_duplicates();
    j["decimalComma"] = v->csv.decimal_comma;
    j["stale"] = v->stale();
    json rejected = json::array(), rejected_details = json::array();
    for (const Diagnostic& d : v->rejections()) {
        rejected.push_back(d.file + ": " + diagnostic_text(m.texts(), d));
        rejected_details.push_back(d.to_string());
    }
    j["rejected"] = rejected;
    j["rejectedDetails"] = rejected_details;
    json superseded = json::array();
    for (const auto& s : v->superseded())
        superseded.push_back({{"file", s.file}, {"supersededBy", s.by}, {"sameFile", s.same_file}, {"text", not_counted_text(m.texts(), s)}});
    j["superseded"] = superseded;
    j["lastExport"] = v->last_export;
    j["exportError"] = v->export_error;
    return j;
}

static json workshop_state(const AppModel& m) {
    const WorkshopModel& w = m.workshop();
    json entries = json::array();
    for (const WorkshopEntry& e : w.list().entries)
        entries.push_back({{"id", e.id}, {"name", w.name_of(e.id)}, {"updated", e.updated}});
    std::string message;
    if (const auto& report = w.export_report()) message = report->saved ? report->where : std::string();
    return {{"entries", entries}, {"current", w.current()}, {"presentation", w.presentation()},
            {"highContrast", ui::high_contrast()}, {"anonymise", w.anonymise}, {"batch", w.batch().size()},
            {"exportMessage", message}};
}

static json recorded_items(const UiRegistry& record) {
    json items = json::array();
    for (const UiItem& it : record.items) {
        if (it.text) continue; // the texts are for the accessible layer (a11y.cpp)
        json i;
        i["kind"] = it.kind;
        i["id"] = it.id;
        i["label"] = it.label;
        i["x"] = it.min.x;
        i["y"] = it.min.y;
        i["w"] = it.max.x - it.min.x;
        i["h"] = it.max.y - it.min.y;
        i["visible"] = it.visible;
        i["focused"] = it.focused;
        i["checked"] = it.checked;
        // a date field: the ISO date it holds; a bar: the numbers it shows
        if (it.kind == "input" || it.kind == "date" || it.kind == "bar") i["value"] = it.value;
        items.push_back(i);
    }
    return items;
}

std::string App::state_json() const {
    const AppModel& m = parts_->model;
    const UiRegistry& record = parts_->ui.record;
    json j;
    const Session& s = m.session();
    j["page"] = m.page() == Page::Both ? "app" : m.page() == Page::Respondent ? "respondent" : "municipality";
    j["screen"] = m.overview_open() ? "municipality" : screen_id(s.screen);
    j["language"] = s.assessment.language;
    j["textSize"] = s.text_size;
    j["textScale"] = text_scale(s);
    j["glyphs"] = ui::fonts().body ? ui::fonts().body->Glyphs.Size : 0;
    j["platform"] = platform::name();
    j["modal"] = parts_->ui.dialog.empty() ? json(nullptr) : json(parts_->ui.dialog);
    j["notice"] = m.notice_text();
    j["focused"] = record.focused_id;
    if (!m.loaded()) {
        j["loadErrors"] = m.load_errors();
        return j.dump();
    }
    const Questionnaire& q = m.questionnaire();
    j["theme"] = s.theme;
    j["themeId"] = s.theme < q.themes.size() ? q.themes[s.theme].id : "";
    j["themeCount"] = q.themes.size();
    const Progress p = total_progress(q, m.answers());
    j["answered"] = p.answered;
    j["questions"] = p.visible;
    j["unanswered"] = unanswered_questions(q, m.answers()).size();
    j["profileComplete"] = profile_complete(q, m.answers());
    j["answerCount"] = m.answers().size();
    const ScoreSummary summary = summarise(q, compute_scores(q, m.answers()));
    j["overall"] = summary.overall ? json(*summary.overall) : json(nullptr);
    j["level"] = summary.level ? json(*summary.level) : json(nullptr);
    j["planAreas"] = m.plan().areas.size();
    j["earlier"] = s.earlier ? json(s.earlier->file) : json(nullptr);
    j["lastExport"] = m.last_export();
    j["exportError"] = m.export_error();
    j["storageFailed"] = m.storage_failed();
    const json assessment = s.assessment;
    j["answers"] = assessment["answers"];
    j["plan"] = assessment["actionPlan"];
    j["followUp"] = assessment["planFollowUp"];
    if (const auto& pending = m.pending_import()) {
        // Each problem as the dialog words it, and as core reports it ("/pointer: message", English).
        std::vector<std::string> errors, warnings, error_details, warning_details;
        for (const Diagnostic& d : pending->problems) {
            const bool error = d.severity == Diagnostic::Severity::Error;
            (error ? errors : warnings).push_back(diagnostic_text(m.texts(), d));
            (error ? error_details : warning_details).push_back(d.pointer.empty() ? d.message : d.pointer + ": " + d.message);
        }
        j["import"] = {{"file", pending->file}, {"errors", errors}, {"warnings", warnings},
                       {"errorDetails", error_details}, {"warningDetails", warning_details}};
    } else {
        j["import"] = nullptr;
    }
    json dialog_text = json::array(); // every text drawn in the open dialog, in order
    for (const UiItem& it : record.items)
        if (it.text && !it.dialog.empty() && it.dialog == parts_->ui.dialog) dialog_text.push_back(it.label);
    j["dialogText"] = dialog_text;
    json notices = json::array(); // the boxed messages on screen (texts are not in items)
    for (const UiItem& it : record.items)
        if (it.kind == "notice") notices.push_back({{"id", it.id}, {"text", it.label}, {"tone", it.tone}, {"y", it.min.y}});
    j["notices"] = notices;
    j["items"] = recorded_items(record);
    // The tables as recorded for the accessible layer, and every cell with an id by its id ("54,3 %").
    json tables = json::array(), cells = json::object();
    for (const UiItem& it : record.items) {
        if (it.kind != "table") continue;
        json rows = json::array();
        for (const auto& row : it.rows) {
            json r = json::array();
            for (const UiCell& c : row) {
                r.push_back(c.text);
                if (!c.id.empty()) cells[c.id] = c.text;
            }
            rows.push_back(std::move(r));
        }
        tables.push_back({{"id", it.id}, {"caption", it.label}, {"columns", it.columns}, {"rows", std::move(rows)}});
    }
    j["tables"] = std::move(tables);
    j["cells"] = std::move(cells);
    json messages = json::object();
    for (const auto& msg : record.messages) messages[msg.first] = msg.second;
    j["messages"] = messages;
    j["municipality"] = municipality_state(m);
    if (m.page() != Page::Municipality) j["workshop"] = workshop_state(m);
    return j.dump();
}

} // namespace mf
