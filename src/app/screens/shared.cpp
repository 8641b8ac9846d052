// shared.cpp - pieces several screens show: the way to open a result file, and the printable
// report's button.
#include "app/screens/screens.h"
#include "app/ui/ui.h"

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

} // namespace mf
