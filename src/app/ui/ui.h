// ui.h - the app's own widgets on top of Dear ImGui, in the calm public-sector look. Knows nothing
// of the app: it draws texts and widgets, records them, and answers what the user did.
//
// Index
//   - Context           the ui layer's state (the record, the accessible layer's pending actions,
//                       fonts and colours, the reading column): owned by the App, bound to ImGui's
//                       context, so nothing here is global
//   - UiRegistry        everything drawn this frame, in drawing order: the interactive items
//                       (label, kind, rectangle, state; the tests click real coordinates from
//                       them) and the texts (headings, paragraphs, notices, progress), which the
//                       accessible DOM layer (src/app/a11y.cpp, src/platform/a11y_web.js) mirrors
//   - activation        the accessible layer pressing a button, choosing, typing (ui::activate)
//   - text helpers      headings, wrapped paragraphs, muted text, notices
//   - buttons           primary, secondary, small and danger; a disclosure
//   - dialogs           a centred modal
//   - choice            a full-width radio or checkbox row with wrapped text
//   - fields            labelled text input with a message under it
//   - tables            a table of figures drawn with ImGui and recorded once (caption, column
//                       headers, rows with a row header) for the layer's HTML <table>
//   - charts            percentage bars, spread bars, band bars (a group's middle half and one's own
//                       mark), stacked bars and a radar chart drawn with
//                       ImDrawList; every bar is recorded with the numbers it shows
#pragma once
#include "app/ui/style.h"

#include "imgui.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mf {

// One cell of a recorded table: its text as drawn, and a stable id when the tests look it up
// ("all/overall/mean", "cmp:<organisation>:<part>").
struct UiCell {
    std::string text;
    std::string id;
};

struct UiItem {
    // Interactive: "button", "disclosure" (checked = open), "radio", "checkbox", "input", "combo", "option", "chart".
    // Text (text = true): "heading" (level 1, 2, 3), "text", "strong", "muted", "notice" (tone),
    // "error" (a message in the error colour), "bullet" (a list line), "progress" (value = 0..100),
    // "bar" (a bar of a chart: label and the numbers it shows, as text), "table" (label = caption,
    // id, columns, rows).
    std::string kind;
    std::string label;  // what the user reads
    std::string id;     // a stable name independent of the language (e.g. "next", "q:job_ads:often")
    ImVec2 min, max;    // rectangle in CSS pixels (window coordinates)
    bool visible = false;  // inside the scrolled view
    bool focused = false;  // has keyboard focus
    bool checked = false;  // radio / checkbox state
    std::string value;     // input text, combo choice, progress percent, bar value text
    bool text = false;     // a text item (not interactive): left out of mfTest.state().items
    int level = 0;         // heading level
    std::string tone;      // notice: "info", "good", "warning", "error"
    bool enabled = true;   // a disabled button
    bool dialog_default = false, dialog_cancel = false; // a dialog's button for Enter / Escape
    bool multiline = false;
    std::string hint;      // input / combo: the muted hint shown above it
    std::string message;   // input / combo: the validation message shown under it
    std::string dialog;    // the modal the item is drawn in ("" outside modals)
    std::vector<std::pair<std::string, std::string>> options; // combo: (id, label) of every choice
    std::vector<std::string> columns;        // table: the column headers (the first names the row headers)
    std::vector<std::vector<UiCell>> rows;   // table: each row's cells, the row header first
};

struct UiRegistry {
    std::vector<UiItem> items;
    std::string focused_id;
    std::size_t content_start = 0; // the first item of the screen's content (after the header)
    std::vector<std::pair<std::string, std::string>> messages; // field id -> message shown under it
    void clear() {
        items.clear();
        focused_id.clear();
        content_start = 0;
        messages.clear();
    }
};

namespace ui {

// A text field's or button's pending action from the accessible layer (see activate).
struct Activation {
    std::string id, action, value;
    int frame = 0; // ImGui's frame count when it arrived: valid for the frame after it only
};

// Everything the ui layer keeps between calls. The App owns one and binds it to ImGui's context
// (ImGuiIO::UserData), so the widgets find it the way ImGui's own functions find theirs, and two
// apps in one process (the tests' hosts) would each have their own.
struct Context {
    UiRegistry record;          // this frame's items (the tests and the accessible layer read it)
    std::string dialog;         // the open modal's name this frame ("" when none), see name_dialog
    std::string dialog_default, dialog_cancel; // its buttons for Enter and Escape
    Fonts fonts;
    Palette palette;
    bool high_contrast = false;
    float applied_scale = 1.0f, built_ratio = -1.0f, built_scale = -1.0f;
    bool built_all_glyphs = false; // the atlas has every glyph, not only the first frame's
    ImGuiStyle unscaled;        // the theme at scale 1 (ui::FixedScale draws parts at another scale)
    // Widget state.
    std::vector<Activation> activations;
    bool quiet = false;         // texts drawn as part of a widget are not recorded again
    float column = 600, indent = 0;
    bool last_left = false;     // the last text field lost focus this frame
    // The keyboard's Tab order (ui::move_focus): the item to focus when it is drawn next, whether
    // to let go of the keyboard focus at the next frame, frames left to show the focus ring.
    std::string focus_request;
    bool release_focus = false;
    int show_focus_frames = 0;
    std::set<std::string> open_disclosures; // ids of the disclosures shown open (see disclosure)
    struct Table {
        bool open = false, drawn = false;
        std::size_t item = 0;
    } table;
};

// Binds `context` to the current ImGui context (call once after ImGui::CreateContext).
void bind(Context& context);
Context& context();
// At the start of every frame: forgets the last frame's record.
void begin_frame();
const UiRegistry& record();

// Tab and Shift+Tab in the drawn view: moves the keyboard focus to the next (previous) interactive
// item of the last frame, in drawing order, across the header and the content; inside an open
// dialog it cycles among the dialog's items. False when it went past the last item (or before the
// first) outside a dialog: the focus is let go and the host hands the keyboard to the page.
bool move_focus(bool backward);
// Marks where the screen's content begins in the record: a Tab with nothing focused goes there.
void begin_content();
// The screen changed: nothing keeps the focus, and the next Tab starts at the content.
void restart_tab_order();

// Records the last ImGui item. Call right after the widget. Returns true when the accessible layer
// activated this id (pressed the button, chose the option) for this frame: custom widgets act on
// `pressed || ui::note(...)` exactly as on a click.
bool note(const char* kind, const std::string& label, const std::string& id, bool checked = false,
          const std::string& value = "", bool enabled = true);
// Records a text drawn with ImGui directly (kinds as in UiItem, e.g. "heading" with level 1; a
// "bar" with `value`, the numbers it shows as text).
void note_text(const char* kind, const std::string& text, int level = 0, const std::string& value = "");

// A validation message drawn under item `id` (already recorded this frame): recorded with the item
// and in the frame's messages, and drawn in the error colour.
void message(const std::string& id, const std::string& text);

// The accessible layer acting on item `id`: action "press" (button, radio, checkbox, combo option
// with `value` = the option's id), "set" (a text field's new text in `value`), "leave" (the field
// lost focus). Applied by the widget with that id in the next frame; forgotten when no widget with
// that id is drawn in it.
void activate(const std::string& id, const std::string& action, const std::string& value);

// The centred reading column (about 46 em, less on a narrow window): everything between
// begin_column() and end_column() wraps to it.
void begin_column();
void end_column();
float column_width();

void heading(const std::string& text);
void subheading(const std::string& text);
void paragraph(const std::string& text);
void muted(const std::string& text);
void bold(const std::string& text);
// A line of a list, wrapped, with a bullet (recorded as "bullet").
void bullet(const std::string& text);

enum class Tone { Info, Good, Warning, Error };
// A boxed message with a coloured edge, wrapped to the column. `id` names it for the tests.
void notice(Tone tone, const std::string& text, const std::string& id = "");

// `id` is stable across languages; the label is what is shown. `name`, when given, is the button's
// name in the record and the accessible layer where the drawn label leans on what is drawn beside it
// ("Åbn" under an organisation's name is "Åbn Nørrebro Bageri ApS"); it begins with the label's words.
bool primary_button(const std::string& label, const std::string& id, bool enabled = true, const std::string& name = "");
bool secondary_button(const std::string& label, const std::string& id, bool enabled = true, const std::string& name = "");
bool small_button(const std::string& label, const std::string& id);
// A disclosure ("Technical details"): a small button that opens and closes what follows it; true
// while open (draw the hidden part then). Recorded as kind "disclosure", checked when open, which the
// accessible layer shows as a button with aria-expanded. close_disclosure forgets one (a dialog that
// goes away).
bool disclosure(const std::string& label, const std::string& id);
void close_disclosure(const std::string& id);
// The destructive choice of a dialog ("Yes, delete"): white text on the error colour.
bool danger_button(const std::string& label, const std::string& id);

// A centred modal without title bar, `width_em` font sizes wide (the screen width less a margin on
// a narrow screen), at most 90 % of the screen high, its centre at `y_fraction` of the height.
// Opened while `open` is true. Returns true when it is drawn: the caller draws the content and
// calls ImGui::EndPopup(). `name` is an ImGui window name ("Title###id").
bool begin_dialog(const std::string& name, bool open, float width_em, float y_fraction = 0.4f);
// Names the dialog being drawn for the record (its items carry it; the accessible layer and the
// tests see which dialog is open), and its keys: Enter presses the button `default_id` (unless the
// keyboard is on another button, which Enter then presses), Escape presses `cancel_id`. The same in
// the accessible layer. Call after begin_dialog returned true, before the buttons.
void name_dialog(const std::string& name, const std::string& default_id, const std::string& cancel_id);

// A choice row the width of the column: a radio circle (radio) or a box, and the text wrapped.
bool choice(const std::string& text, const std::string& id, bool selected, bool radio);

struct ComboOption {
    std::string id;
    std::string label;
    bool indent = false; // drawn indented under the option before it (a question under its theme)
};
// A drop-down of `options`. `current` is the chosen id ("" for none, then `placeholder`
// is shown). Returns true when the user chose another option; `current` then holds it. The label is
// recorded for the accessible layer and drawn above it in bold when `label_above`.
bool combo(const std::string& label, const std::string& id, const std::vector<ComboOption>& options,
           std::string& current, const std::string& placeholder, float width, bool label_above = true,
           const std::string& hint = "");

// A labelled single-line (or multiline) text field. Returns true when the text changed. `message`
// is shown under the field in the error colour; `hint` in muted text above it.
bool text_field(const std::string& label, const std::string& id, std::string& text, const std::string& hint,
                const std::string& message, bool multiline = false, float width = 0);
// True when the last text_field (or date_field) lost focus this frame.
bool last_field_left();

// A date field: the text as typed (the caller reads it: core/date_input.h) and a calendar button that
// opens a month grid, usable with the mouse and the keyboard (arrow keys, Enter, Escape). `iso` is
// the date the field holds now ("" when none): the calendar opens on it, else on `today` (both
// YYYY-MM-DD). Returns true when typed or picked; `text` then holds the new text (a picked date as
// ISO). The accessible layer shows the browser's own date field with `iso` as its value.
struct CalendarTexts {
    std::string button;              // the calendar button's label
    std::string previous, next;      // the month arrows' names
    std::string months[12];
    std::string weekdays[7];         // short names, Monday first
};
bool date_field(const std::string& label, const std::string& id, std::string& text, const std::string& iso,
                const std::string& today, const std::string& hint, const std::string& message, const CalendarTexts& texts);

// A table of figures, drawn with ImGui and recorded once for the accessible layer (an HTML table
// with caption, column headers and row headers). Between begin_table and end_table: table_row
// starts a row with its header (the first column), table_cell adds the next cell. The record does
// not depend on what is on screen: every row is recorded, scrolled out of view or not.
struct TableColumn {
    std::string label;  // the column header
    float width = 0;    // > 0: a fixed width in pixels; 0: stretches
    float weight = 1;   // a stretching column's share of the width
};
struct TableOptions {
    bool headers = true; // draw the header row (always recorded)
    bool grid = false;   // lines between the columns as well as the rows
};
// `id` is stable across languages; `caption` names the table in the layer (the canvas shows the
// section's heading above it instead). Always pair with end_table().
void begin_table(const std::string& id, const std::string& caption, const std::vector<TableColumn>& columns,
                 const TableOptions& options = {});
void table_row(const std::string& header);
void table_cell(const std::string& text, const std::string& id = "");
void end_table();

// A horizontal bar for a percentage, with an optional earlier value as a marker.
void percent_bar(const std::string& label, std::optional<double> percent, std::optional<double> earlier,
                 const std::string& value_text);

// A bar from 0 to 100 filled to `mean`, and under it a line across the middle half (q1..q3) with a
// dot at the median; `value_text` is written at its right. `label` is drawn above it in bold.
// Recorded as a "bar": `label` and `summary` (every number it shows, as text).
void spread_bar(const std::string& label, std::optional<double> mean, std::optional<double> q1,
                std::optional<double> median, std::optional<double> q3, const std::string& value_text,
                const std::string& summary);
// A band from 0 to 100 with the middle half of a group (q1..q3) filled, a line at the median and
// the company's own marker at `own` (none when absent); `text` (the numbers and what they mean) is
// wrapped under it. `label` is drawn above it; recorded as a "bar" with `text`.
void band_bar(const std::string& label, double q1, double median, double q3, std::optional<double> own, const std::string& text);
// A 100 % bar of `counts` (one piece per category, coloured by scale_colour, the count in each
// piece that has room). `label` is drawn above it in bold; recorded as a "bar" with `summary`.
void stacked_bar(const std::string& label, const std::vector<std::size_t>& counts, const std::string& summary);
// Colour i of an ordered scale of n: light to dark accent, so the order reads without a legend.
ImU32 scale_colour(std::size_t i, std::size_t n);

// A radar chart: one axis per value (0..100), numbered 1..n, the earlier values as a dashed outline.
void radar_chart(const std::vector<std::optional<double>>& values,
                 const std::vector<std::optional<double>>& earlier, float size);

} // namespace ui
} // namespace mf
