// a11y.cpp - the accessible layer's view of the app: the UiRegistry of the last frame as JSON for
// the page's DOM mirror (src/platform/a11y_web.js). The way back is App::a11y_act (ui::activate).
//
// Index
//   - App::a11y_json  the current screen: every heading, text, notice, progress and control, in
//                     drawing order, with stable ids, state, hints, messages and dialogs
//
// Why the registry: every screen draws through the ui:: helpers, which record what they draw. The
// DOM layer is built from that record, so a new screen is mirrored without code of its own, and
// the mirror can never show a state the canvas does not (both come from the same frame).
//
// Format (short keys: it is rebuilt and compared every frame):
//   {"view": "theme:2" (changes when the screen, theme or modal changes: the layer moves focus to
//    the new heading), "lang": "da", "scale": 1.25 (text size), "texts": the layer's own words in
//    that language (skip, name, leave, choose: from the text table), "items": [
//      {"k": kind, "l": label or text, "id": stable id (controls), "c": checked, "v": value,
//       "lv": heading level, "tone": notice tone, "off": disabled, "ml": multiline,
//       "hint": hint, "msg": validation message, "dlg": modal name, "def"/"esc": the dialog's button
//       for Enter / Escape, "opts": [[id, label], ...],
//       a table: "cols": [column header, ...], "rows": [[[text, cell id or ""], ...], ...] (each
//       row's first cell is its row header)}]}
// Positions are left out on purpose: scrolling the canvas must not republish the layer.
#include "app/app.h"

#include "app/app_parts.h"

#include <nlohmann/json.hpp>

namespace mf {

std::string App::a11y_json() const {
    using nlohmann::json;
    const AppModel& m = parts_->model;
    const Texts& tr = m.texts();
    json j;
    const Session& s = m.session();
    std::string view = view_key(m);
    if (!parts_->ui.dialog.empty()) view += "|" + parts_->ui.dialog;
    j["view"] = view;
    j["lang"] = s.assessment.language;
    j["scale"] = text_scale(s);
    j["texts"] = {{"skip", tr("a11y.skip")}, {"name", tr("a11y.name")}, {"leave", tr("a11y.leave")}, {"choose", tr("a11y.choose")},
                  {"statement", tr("statement.link")}, {"statementUrl", m.statement_url()}};
    json items = json::array();
    for (const UiItem& it : parts_->ui.record.items) {
        // An open combo's list (the combo carries its options) and the canvas's calendar (the layer
        // has the browser's own date field): not mirrored.
        if (it.kind == "option" || it.kind == "calendar-button" || it.kind == "calendar-day") continue;
        json i;
        i["k"] = it.kind;
        i["l"] = it.label;
        if (!it.id.empty()) i["id"] = it.id;
        if (it.checked) i["c"] = true;
        if (!it.value.empty() || it.kind == "input") i["v"] = it.value;
        if (it.level) i["lv"] = it.level;
        if (!it.tone.empty()) i["tone"] = it.tone;
        if (!it.enabled) i["off"] = true;
        if (it.multiline) i["ml"] = true;
        if (!it.hint.empty()) i["hint"] = it.hint;
        if (!it.message.empty()) i["msg"] = it.message;
        if (!it.dialog.empty()) i["dlg"] = it.dialog;
        if (it.dialog_default) i["def"] = true;
        if (it.dialog_cancel) i["esc"] = true;
        if (!it.options.empty()) {
            json opts = json::array();
            for (const auto& o : it.options) opts.push_back(json::array({o.first, o.second}));
            i["opts"] = opts;
        }
        if (it.kind == "table") {
            i["cols"] = it.columns;
            json rows = json::array();
            for (const auto& row : it.rows) {
                json r = json::array();
                for (const UiCell& c : row) r.push_back(json::array({c.text, c.id}));
                rows.push_back(std::move(r));
            }
            i["rows"] = std::move(rows);
        }
        items.push_back(std::move(i));
    }
    j["items"] = std::move(items);
    return j.dump();
}

} // namespace mf
