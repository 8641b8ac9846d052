// shared.cpp - pieces several screens show: the way to open a result file, the printable report's
// and the calendar's buttons, what a focus id names, last year's goals in short.
#include "app/screens/screens.h"
#include "app/ui/ui.h"
#include "core/scoring.h"

namespace mf {

// The browser opens its file picker (or takes a dropped file); the desktop reads a typed path.
void import_controls(AppModel& m, ImportPurpose purpose) {
    const Texts& tr = m.texts();
    const bool compare = purpose == ImportPurpose::Compare;
    if (m.host().has_file_picker()) {
        if (ui::secondary_button(tr(compare ? "import.choose_earlier" : "import.load_earlier"), compare ? "import-compare" : "import-continue"))
            m.choose_import(purpose);
        ui::muted(tr("import.drop_hint"));
    } else {
        ui::text_field(tr("import.path"), compare ? "import-path-compare" : "import-path", m.import_path(), "", "");
        if (ui::secondary_button(tr("import.load"), compare ? "import-compare" : "import-continue")) m.choose_import(purpose);
    }
}

// "Open printable report" on the results and plan screens: core's report page with the current
// answers (and the comparison, when one is loaded), in a new tab or a file next to the exports.
void report_button(AppModel& m) {
    if (ui::secondary_button(m.texts()("report.open"), "report")) m.open_report();
}

void calendar_button(AppModel& m) {
    if (ui::secondary_button(m.texts()("calendar.add"), "calendar", m.calendar_events() > 0)) m.save_calendar();
}

std::string focus_title(const AppModel& m, const std::string& id) {
    const Texts& tr = m.texts();
    const Questionnaire& q = m.questionnaire();
    for (const Theme& t : q.themes)
        if (t.id == id) return tr("plan.theme", {{"theme", t.title.in(m.language())}});
    if (const Question* question = q.question(id)) return question->text.in(m.language());
    return tr("plan.choose_focus");
}

void follow_up_summary(AppModel& m, const std::optional<ScoreComparison>& comparison) {
    const std::optional<FollowUp>& f = m.follow_up();
    if (!f || f->items.empty()) return;
    const Texts& tr = m.texts();
    ui::subheading(tr("followup.summary_heading"));
    for (const FollowUpItem& item : f->items) {
        const FocusArea& a = item.earlier;
        ui::bold(focus_title(m, a.focus) + ": " + a.goal);
        std::string line = item.status == FollowUpStatus::None ? std::string(tr("followup.no_status"))
                                                                : follow_up_status_name(item.status, m.language());
        if (const std::optional<double> p = indicator_progress(a.indicator, item.current))
            line += "  ·  " + tr("followup.progress", {{"progress", tr.percent(round1(*p))}});
        if (comparison)
            if (const Theme* theme = focus_theme(m.questionnaire(), a.focus))
                for (const ScoreChange& c : comparison->themes)
                    if (c.id == theme->id && c.change) line += "  ·  " + tr("followup.theme_change", {{"change", tr.points(*c.change)}});
        ui::muted(line);
    }
    if (ui::small_button(tr("followup.open"), "followup-open")) m.go_to(Screen::FollowUp);
}

} // namespace mf
