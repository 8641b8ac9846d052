// ui.cpp - the app's widgets (see ui.h).
//
// Index
//   - registry      ui::note, note_text, activate (the accessible layer acting on an item)
//   - column        begin_column, end_column, column_width
//   - text          heading, paragraph, muted, bold, notice
//   - buttons       primary_button, secondary_button, small_button
//   - choice        radio / checkbox rows
//   - combo
//   - text_field
//   - tables        begin_table, table_row, table_cell, end_table
//   - charts        percent_bar, spread_bar, stacked_bar, radar_chart
#include "app/ui/ui.h"

#include "core/date_input.h" // the calendar's arithmetic

#include "imgui_internal.h" // RenderNavHighlight, RenderCheckMark: our widgets get ImGui's focus ring
#include "imgui_stdlib.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mf::ui {

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------
void bind(Context& ctx) { ImGui::GetIO().UserData = &ctx; }

Context& context() { return *static_cast<Context*>(ImGui::GetIO().UserData); }

void begin_frame() {
    Context& ctx = context();
    ctx.record.clear();
    ctx.dialog.clear();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // A click after a Tab wins: the field clicked keeps the keys typed next (under load the Tab's
    // target may not have been drawn yet).
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right))
        ctx.focus_request.clear();
    if (ctx.release_focus) {
        ImGui::ClearActiveID(); // a text field lets go, so the host stops giving it the keys
        ImGui::FocusWindow(nullptr);
        ctx.release_focus = false;
    }
    // Focus moved by the keyboard shows ImGui's focus ring (SetKeyboardFocusHere alone does not).
    if (ctx.show_focus_frames > 0) {
        g.NavDisableHighlight = false;
        ctx.show_focus_frames--;
    }
}

// An item the keyboard can reach with Tab: interactive, enabled, not a part of a chart or of an
// open list of choices.
static bool tab_stop(const UiItem& it) {
    return !it.text && it.enabled && it.kind != "chart" && it.kind != "bar" && it.kind != "option" &&
           it.kind != "table" && !it.id.empty();
}

void begin_content() { context().record.content_start = context().record.items.size(); }

void restart_tab_order() {
    Context& ctx = context();
    ctx.focus_request.clear();
    ctx.release_focus = true;
}

bool move_focus(bool backward) {
    Context& ctx = context();
    const UiRegistry& rec = ctx.record; // the last frame's: move_focus is called between frames
    bool in_dialog = false;
    for (const UiItem& it : rec.items)
        if (!it.dialog.empty()) in_dialog = true;
    std::vector<const UiItem*> order;
    int first_of_content = -1;
    for (std::size_t i = 0; i < rec.items.size(); i++) {
        const UiItem& it = rec.items[i];
        if (!tab_stop(it) || (in_dialog && it.dialog.empty())) continue;
        if (first_of_content < 0 && i >= rec.content_start) first_of_content = (int)order.size();
        order.push_back(&it);
    }
    // From where the keyboard is, or is on its way to (a Tab pressed before the last one landed).
    const std::string& from = !ctx.focus_request.empty() ? ctx.focus_request : rec.focused_id;
    int at = -1;
    for (std::size_t i = 0; i < order.size(); i++)
        if (order[i]->id == from) at = (int)i;
    const int n = (int)order.size();
    const int start = in_dialog || first_of_content < 0 ? 0 : first_of_content;
    int next = at < 0 ? (backward ? n - 1 : start) : at + (backward ? -1 : 1);
    if (in_dialog && n > 0) next = (next + n) % n;
    if (next < 0 || next >= n) {
        ctx.focus_request.clear();
        ctx.release_focus = true;
        return false;
    }
    ctx.focus_request = order[(std::size_t)next]->id;
    return true;
}

const UiRegistry& record() { return context().record; }

// ---------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------
// Draws the texts that `draw` draws as part of the widget being drawn (a field's label and hint, a
// bar's label): seen, recorded with the widget and not a second time as a paragraph.
template <typename Draw> static void unrecorded(Draw draw) {
    Context& ctx = context();
    const bool saved = ctx.quiet;
    ctx.quiet = true;
    draw();
    ctx.quiet = saved;
}

void activate(const std::string& id, const std::string& action, const std::string& value) {
    Context& ctx = context();
    const int frame = ImGui::GetFrameCount();
    std::vector<Activation> kept;
    for (Activation& a : ctx.activations)
        if (a.frame >= frame - 1) kept.push_back(std::move(a));
    kept.push_back(Activation{id, action, value, frame});
    ctx.activations = std::move(kept);
}

// Takes the pending activation `action` of item `id`, if any (and its value).
static bool take_activation(const std::string& id, const char* action, std::string* value = nullptr) {
    std::vector<Activation>& pending = context().activations;
    const int frame = ImGui::GetFrameCount();
    for (std::size_t i = 0; i < pending.size(); i++) {
        const Activation& a = pending[i];
        if (a.id != id || a.action != action || a.frame < frame - 1) continue;
        if (value) *value = a.value;
        pending.erase(pending.begin() + (std::ptrdiff_t)i);
        return true;
    }
    return false;
}

static UiItem& push_item(const char* kind, const std::string& label, const std::string& id) {
    UiItem item;
    item.kind = kind;
    item.label = label;
    item.id = id;
    item.min = ImGui::GetItemRectMin();
    item.max = ImGui::GetItemRectMax();
    // Items inside a modal popup belong to that dialog in the accessible layer.
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    Context& ctx = context();
    if (!ctx.focus_request.empty() && ctx.focus_request == id) {
        ImGui::SetKeyboardFocusHere(-1); // the item just drawn; a text field becomes active
        ctx.focus_request.clear();
        ctx.show_focus_frames = 3;
    }
    if (w && w->RootWindow && (w->RootWindow->Flags & ImGuiWindowFlags_Modal))
        item.dialog = context().dialog.empty() ? std::string(w->RootWindow->Name) : context().dialog;
    context().record.items.push_back(std::move(item));
    return context().record.items.back();
}

bool note(const char* kind, const std::string& label, const std::string& id, bool checked, const std::string& value,
          bool enabled) {
    UiItem& item = push_item(kind, label, id);
    const ImVec2 vp_min = ImGui::GetMainViewport()->Pos;
    const ImVec2 vp_max = ImVec2(vp_min.x + ImGui::GetMainViewport()->Size.x, vp_min.y + ImGui::GetMainViewport()->Size.y);
    // Visible: not clipped by the scrolled window and inside the screen.
    item.visible = ImGui::IsItemVisible() && item.min.y >= ImGui::GetWindowPos().y - 1 &&
                   item.max.y <= ImGui::GetWindowPos().y + ImGui::GetWindowHeight() + 1 && item.max.y <= vp_max.y;
    item.focused = ImGui::IsItemFocused();
    item.checked = checked;
    item.value = value;
    item.enabled = enabled;
    if (item.focused) context().record.focused_id = id;
    return take_activation(id, "press") && enabled;
}

void message(const std::string& id, const std::string& text) {
    if (text.empty()) return;
    UiRegistry& record = context().record;
    for (auto it = record.items.rbegin(); it != record.items.rend(); ++it)
        if (it->id == id) {
            it->message = text;
            break;
        }
    record.messages.emplace_back(id, text);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void note_text(const char* kind, const std::string& text, int level, const std::string& value) {
    if (context().quiet) return;
    UiItem& item = push_item(kind, text, "");
    item.text = true;
    item.level = level;
    item.value = value;
}

// ---------------------------------------------------------------------------------------------
// Column
// ---------------------------------------------------------------------------------------------
void begin_column() {
    Context& ctx = context();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float max_width = 46.0f * ImGui::GetFontSize() / kNotoLineHeightPerEm;
    ctx.column = avail < max_width ? avail : max_width;
    ctx.indent = std::floor((avail - ctx.column) * 0.5f);
    if (ctx.indent > 0) ImGui::Indent(ctx.indent);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ctx.column);
}

void end_column() {
    ImGui::PopTextWrapPos();
    if (context().indent > 0) ImGui::Unindent(context().indent);
}

float column_width() {
    const float avail = ImGui::GetContentRegionAvail().x;
    return avail < context().column ? avail : context().column;
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------
void heading(const std::string& text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
    note_text("heading", text, 1);
}

void subheading(const std::string& text) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
    note_text("heading", text, 2);
}

void paragraph(const std::string& text) {
    ImGui::TextWrapped("%s", text.c_str());
    note_text("text", text);
}

void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    note_text("muted", text);
}

void bullet(const std::string& text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text.c_str());
    note_text("bullet", text);
}

void bold(const std::string& text) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
    note_text("strong", text);
}

void notice(Tone tone, const std::string& text, const std::string& id) {
    ImU32 edge = palette().accent, fill = palette().accent_soft;
    if (tone == Tone::Good) edge = palette().good, fill = palette().good_soft;
    if (tone == Tone::Warning) edge = palette().warn, fill = palette().warn_soft;
    if (tone == Tone::Error) edge = palette().error, fill = palette().error_soft;
    const float w = column_width();
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float bar = 4.0f * ImGui::GetFontSize() / 23.0f;
    const float text_w = w - 2 * pad.x - bar;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_w);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(w, ts.y + 2 * pad.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), fill, 6.0f);
    dl->AddRectFilled(p, ImVec2(p.x + bar, p.y + size.y), edge, 6.0f, ImDrawFlags_RoundCornersLeft);
    dl->AddText(nullptr, 0, ImVec2(p.x + bar + pad.x, p.y + pad.y), palette().text, text.c_str(), nullptr, text_w);
    ImGui::Dummy(size);
    if (!context().quiet) {
        static const char* const kTones[] = {"info", "good", "warning", "error"};
        UiItem& item = push_item("notice", text, id);
        item.text = true;
        item.tone = kTones[(int)tone];
    }
}

// ---------------------------------------------------------------------------------------------
// Buttons
// ---------------------------------------------------------------------------------------------
static bool dialog_key_presses(const std::string& id);

static bool button(const std::string& label, const std::string& id, bool enabled, bool primary, const std::string& name = "") {
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(0x17, 0x47, 0x86));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(0x12, 0x3a, 0x6e));
        ImGui::PushStyleColor(ImGuiCol_Text, rgb(0xff, 0xff, 0xff));
        ImGui::PushFont(fonts().bold);
    }
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button((label + "###" + id).c_str());
    ImGui::EndDisabled();
    if (primary) {
        ImGui::PopFont();
        ImGui::PopStyleColor(4);
    }
    const bool via_layer = note("button", name.empty() ? label : name, id, false, "", enabled);
    UiItem& item = context().record.items.back();
    item.dialog_default = !context().dialog.empty() && id == context().dialog_default;
    item.dialog_cancel = !context().dialog.empty() && id == context().dialog_cancel;
    // A dialog opens with the keyboard on its default button, not on whatever comes first (a
    // "Tekniske detaljer" disclosure above it would otherwise take Enter).
    if (item.dialog_default) ImGui::SetItemDefaultFocus();
    return ((pressed || dialog_key_presses(id)) && enabled) || via_layer;
}

bool primary_button(const std::string& label, const std::string& id, bool enabled, const std::string& name) {
    return button(label, id, enabled, true, name);
}
bool secondary_button(const std::string& label, const std::string& id, bool enabled, const std::string& name) {
    return button(label, id, enabled, false, name);
}

bool danger_button(const std::string& label, const std::string& id) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette().error);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(0x90, 0x18, 0x18));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(0x70, 0x12, 0x12));
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(0xff, 0xff, 0xff));
    const bool pressed = button(label, id, true, false);
    ImGui::PopStyleColor(4);
    return pressed;
}

// ---------------------------------------------------------------------------------------------
// Dialogs
// ---------------------------------------------------------------------------------------------
bool begin_dialog(const std::string& name, bool open, float width_em, float y_fraction) {
    if (open && !ImGui::IsPopupOpen(name.c_str())) ImGui::OpenPopup(name.c_str());
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float wanted = width_em * ImGui::GetFontSize();
    const float w = vp->WorkSize.x < wanted ? vp->WorkSize.x - 20 : wanted;
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->WorkSize.y * 0.9f));
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * y_fraction),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    return ImGui::BeginPopupModal(name.c_str(), nullptr,
                                  ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
}

void name_dialog(const std::string& name, const std::string& default_id, const std::string& cancel_id) {
    Context& ctx = context();
    ctx.dialog = name;
    ctx.dialog_default = default_id;
    ctx.dialog_cancel = cancel_id;
}

// The dialog's keys: Escape for its cancel button; Enter for its default button when the keyboard is
// not on a button of its own (then ImGui presses that one).
static bool dialog_key_presses(const std::string& id) {
    const Context& ctx = context();
    if (ctx.dialog.empty() || id.empty()) return false;
    if (id == ctx.dialog_cancel && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return true;
    return id == ctx.dialog_default && !ImGui::IsAnyItemFocused() && !ImGui::IsAnyItemActive() &&
           (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
}

bool small_button(const std::string& label, const std::string& id) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.6f, ImGui::GetStyle().FramePadding.y * 0.4f));
    const bool pressed = ImGui::Button((label + "###" + id).c_str());
    ImGui::PopStyleVar();
    const bool via_layer = note("button", label, id);
    return pressed || via_layer;
}

bool disclosure(const std::string& label, const std::string& id) {
    Context& c = context();
    const bool open = c.open_disclosures.count(id) > 0;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.6f, ImGui::GetStyle().FramePadding.y * 0.4f));
    const bool pressed = ImGui::Button(((open ? "\xE2\x80\x93 " : "+ ") + label + "###" + id).c_str()); // "– " / "+ "
    ImGui::PopStyleVar();
    const bool via_layer = note("disclosure", label, id, open);
    if (pressed || via_layer) {
        if (open) c.open_disclosures.erase(id);
        else c.open_disclosures.insert(id);
    }
    return c.open_disclosures.count(id) > 0;
}

void close_disclosure(const std::string& id) { context().open_disclosures.erase(id); }

// ---------------------------------------------------------------------------------------------
// Choice rows
// ---------------------------------------------------------------------------------------------
bool choice(const std::string& text, const std::string& id, bool selected, bool radio) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const float box = std::round(fs * 0.8f);
    const float w = column_width();
    const float text_x = st.FramePadding.x + box + st.ItemInnerSpacing.x * 1.5f;
    const float wrap = w - text_x - st.FramePadding.x;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float h = std::round((ts.y > box ? ts.y : box) + st.FramePadding.y * 1.6f);
    const ImVec2 p = ImGui::GetCursorScreenPos();

    ImGui::PushID(id.c_str());
    const bool pressed = ImGui::InvisibleButton("##choice", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = selected ? palette().accent_soft : hovered ? palette().panel : rgb(0xff, 0xff, 0xff);
    const ImU32 edge = selected ? palette().accent : hovered ? palette().field_border : palette().border;
    dl->AddRectFilled(bb.Min, bb.Max, fill, st.FrameRounding);
    dl->AddRect(bb.Min, bb.Max, edge, st.FrameRounding, 0, selected ? 2.0f : 1.0f);
    const ImVec2 c(p.x + st.FramePadding.x + box * 0.5f, p.y + st.FramePadding.y * 0.8f + fs * 0.5f);
    if (radio) {
        dl->AddCircleFilled(c, box * 0.5f, rgb(0xff, 0xff, 0xff), 24);
        dl->AddCircle(c, box * 0.5f, selected ? palette().accent : palette().field_border, 24, 1.5f);
        if (selected) dl->AddCircleFilled(c, box * 0.26f, palette().accent, 24);
    } else {
        const ImVec2 b0(c.x - box * 0.5f, c.y - box * 0.5f), b1(c.x + box * 0.5f, c.y + box * 0.5f);
        dl->AddRectFilled(b0, b1, selected ? palette().accent : rgb(0xff, 0xff, 0xff), 3.0f);
        dl->AddRect(b0, b1, selected ? palette().accent : palette().field_border, 3.0f, 0, 1.5f);
        if (selected) ImGui::RenderCheckMark(dl, ImVec2(b0.x + box * 0.15f, b0.y + box * 0.15f), rgb(0xff, 0xff, 0xff), box * 0.7f);
    }
    dl->AddText(nullptr, 0, ImVec2(p.x + text_x, p.y + st.FramePadding.y * 0.8f), palette().text, text.c_str(), nullptr, wrap);
    ImGui::RenderNavHighlight(bb, ImGui::GetItemID());
    ImGui::PopID();
    const bool via_layer = note(radio ? "radio" : "checkbox", text, id, selected);
    return pressed || via_layer;
}

// ---------------------------------------------------------------------------------------------
// Combo
// ---------------------------------------------------------------------------------------------
bool combo(const std::string& label, const std::string& id, const std::vector<ComboOption>& options, std::string& current,
           const std::string& placeholder, float width, bool label_above, const std::string& hint) {
    unrecorded([&] {
        if (label_above) bold(label);
        if (!hint.empty()) muted(hint);
    });
    std::string preview = placeholder;
    for (const ComboOption& o : options)
        if (o.id == current) preview = o.label;
    bool changed = false;
    ImGui::SetNextItemWidth(width > 0 ? width : column_width());
    if (ImGui::BeginCombo(("##" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const ComboOption& o : options) {
            if (o.indent) ImGui::Indent();
            const bool selected = o.id == current;
            if (ImGui::Selectable((o.label + "###" + o.id).c_str(), selected) && !selected) {
                current = o.id;
                changed = true;
            }
            note("option", o.label, id + ":" + o.id, selected);
            if (selected) ImGui::SetItemDefaultFocus();
            if (o.indent) ImGui::Unindent();
        }
        ImGui::EndCombo();
    }
    note("combo", label, id, false, current);
    UiItem& item = context().record.items.back();
    item.hint = hint;
    for (const ComboOption& o : options) item.options.emplace_back(o.id, o.label);
    std::string chosen;
    if (take_activation(id, "set", &chosen) && chosen != current)
        for (const ComboOption& o : options)
            if (o.id == chosen) {
                current = chosen;
                changed = true;
            }
    return changed;
}

// ---------------------------------------------------------------------------------------------
// Text fields
// ---------------------------------------------------------------------------------------------
// A text input recorded as `kind` ("input", or "date" for the accessible layer's date field).
static bool input(const char* kind, const std::string& label, const std::string& id, std::string& text, const std::string& hint,
                  const std::string& message, bool multiline, float width, const std::string& layer_value);

bool text_field(const std::string& label, const std::string& id, std::string& text, const std::string& hint,
                const std::string& message, bool multiline, float width) {
    return input("input", label, id, text, hint, message, multiline, width, "");
}

static bool input(const char* kind, const std::string& label, const std::string& id, std::string& text, const std::string& hint,
                  const std::string& message, bool multiline, float width, const std::string& layer_value) {
    unrecorded([&] {
        bold(label);
        if (!hint.empty()) muted(hint);
    });
    // Typed in the accessible layer: the new text replaces the old, as if typed here.
    std::string typed;
    const bool set_by_layer = take_activation(id, "set", &typed) && typed != text;
    if (set_by_layer) text = typed;
    const float w = width > 0 ? width : column_width();
    bool changed;
    const std::string imgui_id = "##" + id;
    ImGui::PushStyleColor(ImGuiCol_Border, message.empty() ? palette().field_border : palette().error);
    if (multiline) {
        changed = ImGui::InputTextMultiline(imgui_id.c_str(), &text, ImVec2(w, ImGui::GetTextLineHeight() * 4.5f));
    } else {
        ImGui::SetNextItemWidth(w);
        changed = ImGui::InputText(imgui_id.c_str(), &text);
    }
    ImGui::PopStyleColor();
    bool& left = context().last_left;
    left = ImGui::IsItemDeactivated();
    note(kind, label, id, false, layer_value.empty() && std::string(kind) == "input" ? text : layer_value);
    {
        UiItem& item = context().record.items.back();
        item.hint = hint;
        item.multiline = multiline;
    }
    if (take_activation(id, "leave")) left = true;
    changed = changed || set_by_layer;
    ui::message(id, message);
    return changed;
}

bool last_field_left() { return context().last_left; }

// ---------------------------------------------------------------------------------------------
// Date field: a text field and a calendar popup
// ---------------------------------------------------------------------------------------------
// The month the calendar shows, kept in ImGui's storage of the window under the field's id.
struct YearMonth {
    int year, month;
};

static YearMonth parse_year_month(const std::string& iso) {
    if (iso.size() < 7) return {0, 0};
    return {std::atoi(iso.substr(0, 4).c_str()), std::atoi(iso.substr(5, 2).c_str())};
}

// The grid of one month; true when a day was picked (then `picked` is its ISO date).
static bool calendar(const std::string& id, const std::string& iso, const std::string& today, const CalendarTexts& texts,
                     std::string& picked) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID((id + ":shown-month").c_str());
    int shown = storage->GetInt(key, 0); // year * 12 + month - 1
    if (shown == 0 || ImGui::IsWindowAppearing()) {
        YearMonth ym = parse_year_month(iso);
        if (ym.year < 1000 || ym.month < 1 || ym.month > 12) ym = parse_year_month(today);
        if (ym.year < 1000 || ym.month < 1 || ym.month > 12) ym = {2027, 1};
        shown = ym.year * 12 + ym.month - 1;
    }
    const int year = shown / 12, month = shown % 12 + 1;
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) shown--;
    ImGui::SetItemTooltip("%s", texts.previous.c_str());
    ImGui::SameLine();
    const std::string title = texts.months[month - 1] + " " + std::to_string(year);
    const float grid_w = 7 * (ImGui::GetFrameHeight() * 1.25f + ImGui::GetStyle().ItemSpacing.x);
    const float title_w = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (grid_w - title_w) * 0.5f - ImGui::GetFrameHeight() * 1.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ImGui::SameLine(grid_w - ImGui::GetFrameHeight());
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) shown++;
    ImGui::SetItemTooltip("%s", texts.next.c_str());
    storage->SetInt(key, shown);

    bool chosen = false;
    const float cell = ImGui::GetFrameHeight() * 1.25f;
    for (int w = 0; w < 7; w++) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        const float tw = ImGui::CalcTextSize(texts.weekdays[w].c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (cell - tw) * 0.5f);
        ImGui::TextUnformatted(texts.weekdays[w].c_str());
        ImGui::PopStyleColor();
        if (w < 6) ImGui::SameLine((w + 1) * (cell + ImGui::GetStyle().ItemSpacing.x) + ImGui::GetStyle().WindowPadding.x);
    }
    const int first = weekday(year, month, 1), days = days_in_month(year, month);
    char day_iso[40];
    for (int d = 1; d <= days; d++) {
        const int column = (first + d - 1) % 7;
        if (column != 0 && d != 1) ImGui::SameLine();
        else if (d == 1 && column != 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + column * (cell + ImGui::GetStyle().ItemSpacing.x));
        std::snprintf(day_iso, sizeof day_iso, "%04d-%02d-%02d", year % 10000, month, d);
        const bool selected = iso == day_iso, is_today = today == day_iso;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent), ImGui::PushStyleColor(ImGuiCol_Text, rgb(0xff, 0xff, 0xff));
        else if (is_today) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent), ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
        const bool pressed = ImGui::Button((std::to_string(d) + "###day-" + std::to_string(d)).c_str(), ImVec2(cell, 0));
        if (selected || is_today) ImGui::PopStyleColor(2);
        if ((selected || (iso.empty() && is_today)) && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(-1);
        note("calendar-day", day_iso, id + ":day:" + day_iso);
        if (pressed) {
            picked = day_iso;
            chosen = true;
        }
    }
    return chosen;
}

bool date_field(const std::string& label, const std::string& id, std::string& text, const std::string& iso,
                const std::string& today, const std::string& hint, const std::string& message, const CalendarTexts& texts) {
    const float width = 12 * ImGui::GetFontSize();
    ImGui::BeginGroup();
    bool changed = input("date", label, id, text, hint, "", false, width, iso);
    const bool left = context().last_left;
    ImGui::SameLine();
    const std::string popup = id + ":calendar";
    const bool open = ImGui::Button((texts.button + "###" + popup).c_str());
    note("calendar-button", texts.button, popup);
    if (open) ImGui::OpenPopup(popup.c_str());
    ImGui::EndGroup();
    if (ImGui::BeginPopup(popup.c_str())) {
        std::string picked;
        if (calendar(id, iso, today, texts, picked)) {
            text = picked;
            changed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ui::message(id, message);
    context().last_left = left;
    return changed;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------
// The table being drawn (Context::table): its record (an index: cells may hold widgets that add
// items) and whether ImGui drew it (BeginTable can refuse, e.g. in a collapsed window; the record is
// made anyway).

// A cell's text, wrapped at the cell's edge (not at the reading column's, which is further right).
static void cell_text(const std::string& text, bool header) {
    if (header) ImGui::PushFont(fonts().bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    if (header) ImGui::PopFont();
}

void begin_table(const std::string& id, const std::string& caption, const std::vector<TableColumn>& columns,
                 const TableOptions& options) {
    Context::Table& table = context().table;
    IM_ASSERT(!table.open && "ui::begin_table inside another table");
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX |
                            (options.grid ? ImGuiTableFlags_Borders : ImGuiTableFlags_BordersInnerH);
    table = Context::Table{};
    table.open = true;
    table.drawn = ImGui::BeginTable(("##" + id).c_str(), (int)columns.size(), flags, ImVec2(column_width(), 0));
    if (table.drawn) {
        for (const TableColumn& c : columns) {
            if (c.width > 0) ImGui::TableSetupColumn(c.label.c_str(), ImGuiTableColumnFlags_WidthFixed, c.width);
            else ImGui::TableSetupColumn(c.label.c_str(), ImGuiTableColumnFlags_WidthStretch, c.weight);
        }
        if (options.headers) {
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
            for (std::size_t i = 0; i < columns.size(); i++) {
                ImGui::TableSetColumnIndex((int)i);
                cell_text(columns[i].label, true);
            }
        }
    }
    UiItem& item = push_item("table", caption, id);
    item.text = true;
    for (const TableColumn& c : columns) item.columns.push_back(c.label);
    table.item = context().record.items.size() - 1;
}

void table_row(const std::string& header) {
    const Context::Table& table = context().table;
    IM_ASSERT(table.open);
    if (table.drawn) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        cell_text(header, false);
    }
    context().record.items[table.item].rows.push_back({UiCell{header, ""}});
}

void table_cell(const std::string& text, const std::string& id) {
    const Context::Table& table = context().table;
    IM_ASSERT(table.open && !context().record.items[table.item].rows.empty());
    if (table.drawn) {
        ImGui::TableNextColumn();
        cell_text(text, false);
    }
    context().record.items[table.item].rows.back().push_back(UiCell{text, id});
}

void end_table() {
    Context::Table& table = context().table;
    IM_ASSERT(table.open);
    if (table.drawn) ImGui::EndTable();
    table = Context::Table{};
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------
void percent_bar(const std::string& label, std::optional<double> percent, std::optional<double> earlier,
                 const std::string& value_text) {
    unrecorded([&] { paragraph(label); });
    const float fs = ImGui::GetFontSize();
    const float w = column_width();
    const float value_w = ImGui::CalcTextSize("100,0 % (+100,0)").x;
    const float bar_w = w - value_w - ImGui::GetStyle().ItemSpacing.x;
    const float h = std::round(fs * 0.75f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y0 = p.y + (fs - h) * 0.5f;
    dl->AddRectFilled(ImVec2(p.x, y0), ImVec2(p.x + bar_w, y0 + h), palette().panel, 4.0f);
    dl->AddRect(ImVec2(p.x, y0), ImVec2(p.x + bar_w, y0 + h), palette().border, 4.0f);
    if (percent) {
        const float fw = (float)(bar_w * (*percent < 0 ? 0 : *percent > 100 ? 100 : *percent) / 100.0);
        if (fw > 0.5f) dl->AddRectFilled(ImVec2(p.x, y0), ImVec2(p.x + fw, y0 + h), palette().accent, 4.0f);
    }
    if (earlier) {
        const float x = p.x + (float)(bar_w * (*earlier < 0 ? 0 : *earlier > 100 ? 100 : *earlier) / 100.0);
        dl->AddRectFilled(ImVec2(x - 1.5f, y0 - 4), ImVec2(x + 1.5f, y0 + h + 4), palette().text);
    }
    dl->AddText(ImVec2(p.x + bar_w + ImGui::GetStyle().ItemSpacing.x, p.y), palette().text, value_text.c_str());
    ImGui::Dummy(ImVec2(w, fs));
    note_text("bar", label, 0, value_text);
}

void spread_bar(const std::string& label, std::optional<double> mean, std::optional<double> q1, std::optional<double> median,
                std::optional<double> q3, const std::string& value_text, const std::string& summary) {
    unrecorded([&] { bold(label); });
    const float fs = ImGui::GetFontSize();
    const float width = column_width();
    const float value_w = ImGui::CalcTextSize("100,0 %").x + ImGui::GetStyle().ItemSpacing.x;
    const float bar_w = width - value_w;
    const float h = std::round(fs * 0.7f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto x_of = [&](double v) { return p.x + (float)(bar_w * (v < 0 ? 0 : v > 100 ? 100 : v) / 100.0); };
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), palette().panel, 4.0f);
    dl->AddRect(p, ImVec2(p.x + bar_w, p.y + h), palette().border, 4.0f);
    if (mean && x_of(*mean) - p.x > 0.5f) dl->AddRectFilled(p, ImVec2(x_of(*mean), p.y + h), palette().accent, 4.0f);
    dl->AddText(ImVec2(p.x + bar_w + ImGui::GetStyle().ItemSpacing.x, p.y + (h - fs) * 0.5f), palette().text, value_text.c_str());
    const float ym = p.y + h + fs * 0.45f;
    if (q1 && q3 && median) {
        const float t = fs * 0.25f;
        dl->AddLine(ImVec2(x_of(*q1), ym), ImVec2(x_of(*q3), ym), palette().text, 2.0f);
        dl->AddLine(ImVec2(x_of(*q1), ym - t), ImVec2(x_of(*q1), ym + t), palette().text, 2.0f);
        dl->AddLine(ImVec2(x_of(*q3), ym - t), ImVec2(x_of(*q3), ym + t), palette().text, 2.0f);
        dl->AddCircleFilled(ImVec2(x_of(*median), ym), fs * 0.28f, palette().text);
    }
    ImGui::Dummy(ImVec2(width, h + fs * 0.9f));
    note_text("bar", label, 0, summary);
}

void band_bar(const std::string& label, double q1, double median, double q3, std::optional<double> own, const std::string& text) {
    unrecorded([&] { paragraph(label); });
    const float fs = ImGui::GetFontSize();
    const float width = column_width();
    const float h = std::round(fs * 0.8f), over = std::round(fs * 0.3f); // the own mark reaches above and below
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float top = p.y + over;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto x_of = [&](double v) { return p.x + (float)(width * (v < 0 ? 0 : v > 100 ? 100 : v) / 100.0); };
    dl->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + width, top + h), palette().panel, 4.0f);
    dl->AddRectFilled(ImVec2(x_of(q1), top), ImVec2(std::max(x_of(q3), x_of(q1) + 2.0f), top + h), scale_colour(1, 4));
    dl->AddRect(ImVec2(p.x, top), ImVec2(p.x + width, top + h), palette().border, 4.0f);
    dl->AddLine(ImVec2(x_of(median), top), ImVec2(x_of(median), top + h), palette().text, 2.5f);
    if (own) {
        const float x = x_of(*own), t = fs * 0.35f;
        dl->AddRectFilled(ImVec2(x - 2.0f, p.y), ImVec2(x + 2.0f, top + h + over), palette().accent);
        dl->AddTriangleFilled(ImVec2(x - t, p.y - t * 0.6f), ImVec2(x + t, p.y - t * 0.6f), ImVec2(x, p.y + t * 0.6f), palette().accent);
    }
    ImGui::Dummy(ImVec2(width, h + 2 * over));
    unrecorded([&] { paragraph(text); });
    note_text("bar", label, 0, text);
}

ImU32 scale_colour(std::size_t i, std::size_t n) {
    const float t = n > 1 ? (float)i / (float)(n - 1) : 1.0f;
    auto mix = [&](int a, int b) { return (unsigned)(a + (b - a) * t); };
    return rgb(mix(0xc9, 0x12), mix(0xd9, 0x3b), mix(0xee, 0x70));
}

void stacked_bar(const std::string& label, const std::vector<std::size_t>& counts, const std::string& summary) {
    unrecorded([&] { bold(label); });
    std::size_t total = 0;
    for (std::size_t c : counts) total += c;
    const float fs = ImGui::GetFontSize();
    const float width = column_width();
    const float h = fs * 1.1f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), palette().panel);
    float x = p.x;
    const std::size_t n = counts.size();
    for (std::size_t i = 0; i < n && total > 0; i++) {
        const float w = width * (float)counts[i] / (float)total;
        if (w <= 0) continue;
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), scale_colour(i, n));
        const std::string count = std::to_string(counts[i]);
        const ImVec2 ts = ImGui::CalcTextSize(count.c_str());
        if (ts.x + 4 < w)
            dl->AddText(ImVec2(x + (w - ts.x) * 0.5f, p.y + (h - ts.y) * 0.5f),
                        i * 2 >= n ? rgb(0xff, 0xff, 0xff) : palette().text, count.c_str());
        x += w;
    }
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), palette().border);
    ImGui::Dummy(ImVec2(width, h));
    note_text("bar", label, 0, summary);
}

void radar_chart(const std::vector<std::optional<double>>& values, const std::vector<std::optional<double>>& earlier,
                 float size) {
    const std::size_t n = values.size();
    if (n < 3) return;
    const float fs = ImGui::GetFontSize();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c(p.x + size * 0.5f, p.y + size * 0.5f);
    const float r = size * 0.5f - fs * 1.3f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto at = [&](std::size_t i, double percent) {
        const double a = -IM_PI / 2 + 2 * IM_PI * (double)i / (double)n;
        const float rr = (float)(r * (percent < 0 ? 0 : percent > 100 ? 100 : percent) / 100.0);
        return ImVec2(c.x + rr * (float)std::cos(a), c.y + rr * (float)std::sin(a));
    };
    for (int ring = 1; ring <= 4; ring++) {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < n; i++) pts.push_back(at(i, ring * 25.0));
        dl->AddPolyline(pts.data(), (int)pts.size(), ring == 4 ? palette().field_border : palette().border, ImDrawFlags_Closed, 1.0f);
    }
    for (std::size_t i = 0; i < n; i++) {
        dl->AddLine(c, at(i, 100), palette().border, 1.0f);
        const std::string num = std::to_string(i + 1);
        const ImVec2 tip = at(i, 100);
        const ImVec2 ts = ImGui::CalcTextSize(num.c_str());
        const float dx = tip.x - c.x, dy = tip.y - c.y, len = std::sqrt(dx * dx + dy * dy);
        const ImVec2 lp(tip.x + dx / len * fs * 0.8f - ts.x * 0.5f, tip.y + dy / len * fs * 0.8f - ts.y * 0.5f);
        dl->AddText(fonts().bold, fonts().bold->FontSize, lp, palette().text, num.c_str());
    }
    auto polygon = [&](const std::vector<std::optional<double>>& v, ImU32 line, ImU32 fill, bool dashed) {
        if (v.size() != n) return;
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < n; i++) pts.push_back(at(i, v[i].value_or(0)));
        if (fill) dl->AddConvexPolyFilled(pts.data(), (int)pts.size(), fill); // star-shaped, drawn as a fan from the centre below
        if (!dashed) {
            dl->AddPolyline(pts.data(), (int)pts.size(), line, ImDrawFlags_Closed, 2.5f);
        } else {
            for (std::size_t i = 0; i < n; i++) {
                const ImVec2 a = pts[i], b = pts[(i + 1) % n];
                const int steps = 8;
                for (int s = 0; s < steps; s += 2) {
                    const ImVec2 s0(a.x + (b.x - a.x) * s / steps, a.y + (b.y - a.y) * s / steps);
                    const ImVec2 s1(a.x + (b.x - a.x) * (s + 1) / steps, a.y + (b.y - a.y) * (s + 1) / steps);
                    dl->AddLine(s0, s1, line, 2.0f);
                }
            }
        }
        for (const ImVec2& q : pts) dl->AddCircleFilled(q, dashed ? 3.0f : 4.0f, line);
    };
    // The fill as triangles from the centre: a radar polygon need not be convex.
    {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < n; i++) pts.push_back(at(i, values[i].value_or(0)));
        for (std::size_t i = 0; i < n; i++)
            dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % n], IM_COL32(0x1d, 0x55, 0x9e, 0x30));
    }
    polygon(earlier, palette().muted, 0, true);
    polygon(values, palette().accent, 0, false);
    ImGui::Dummy(ImVec2(size, size));
}

} // namespace mf::ui
