// ui.h - the app's own widgets on top of Dear ImGui, in the calm public-sector look.
//
// Index
//   - UiRegistry        every interactive item drawn this frame (label, kind, rectangle, state):
//                       the tests click real coordinates from it; the focused item's label
//   - text helpers      headings, wrapped paragraphs, muted text, notices
//   - buttons           primary and secondary
//   - choice            a full-width radio or checkbox row with wrapped text
//   - fields            labelled text input with a message under it
//   - charts            percentage bars and a radar chart drawn with ImDrawList
#pragma once
#include "imgui.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mf {

struct UiItem {
    std::string kind;   // "button", "radio", "checkbox", "input", "combo", "link"
    std::string label;  // what the user reads
    std::string id;     // a stable name independent of the language (e.g. "next", "q:job_ads:often")
    ImVec2 min, max;    // rectangle in CSS pixels (window coordinates)
    bool visible = false;  // inside the scrolled view
    bool focused = false;  // has keyboard focus
    bool checked = false;  // radio / checkbox state
    std::string value;     // input text
};

struct UiRegistry {
    std::vector<UiItem> items;
    std::string focused_id;
    std::vector<std::pair<std::string, std::string>> messages; // field id -> message shown under it
    void clear() {
        items.clear();
        focused_id.clear();
        messages.clear();
    }
};

namespace ui {

// Records the last ImGui item. Call right after the widget.
void note(const char* kind, const std::string& label, const std::string& id, bool checked = false,
          const std::string& value = "");

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

enum class Tone { Info, Good, Warning, Error };
// A boxed message with a coloured edge, wrapped to the column.
void notice(Tone tone, const std::string& text);

// `id` is stable across languages; the label is what is shown.
bool primary_button(const std::string& label, const std::string& id, bool enabled = true);
bool secondary_button(const std::string& label, const std::string& id, bool enabled = true);
bool small_button(const std::string& label, const std::string& id);

// A choice row the width of the column: a radio circle (radio) or a box, and the text wrapped.
bool choice(const std::string& text, const std::string& id, bool selected, bool radio);

// A labelled single-line (or multiline) text field. Returns true when the text changed. `message`
// is shown under the field in the error colour; `hint` in muted text above it.
bool text_field(const std::string& label, const std::string& id, std::string& text, const std::string& hint,
                const std::string& message, bool multiline = false, float width = 0);
// True when the last text_field lost focus this frame.
bool last_field_left();

// A horizontal bar for a percentage, with an optional earlier value as a marker.
void percent_bar(const std::string& label, std::optional<double> percent, std::optional<double> earlier,
                 const std::string& value_text);

// A radar chart: one axis per value (0..100), numbered 1..n, the earlier values as a dashed outline.
void radar_chart(const std::vector<std::optional<double>>& values,
                 const std::vector<std::optional<double>>& earlier, float size);

} // namespace ui
} // namespace mf
