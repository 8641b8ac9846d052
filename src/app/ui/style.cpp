// style.cpp - fonts (embedded Noto Sans subsets) and the theme (see style.h). The state (fonts,
// palette, scale) lives in the ui::Context the App owns (ui.h).
//
// Index
//   - update_fonts   the four faces, with the first frame's glyphs or all (glyph_ranges.h)
//   - apply          colours and spacing, scaled with the UI
//   - set_high_contrast
#include "app/ui/style.h"

#include "app/ui/glyph_ranges.h"
#include "app/ui/ui.h"
#include "platform/embedded_assets.h"

#include <algorithm>
#include <cmath>

namespace mf::ui {

const Fonts& fonts() { return context().fonts; }
const Palette& palette() { return context().palette; }

FixedScale::FixedScale(float scale) {
    const Context& ctx = context();
    const ImGuiStyle& unit = ctx.unscaled;
    // The body font's size at `scale`, as update_fonts rounds it; the current font drawn to that size.
    const float wanted = std::round(kBodyEm * scale * kNotoLineHeightPerEm);
    ImGui::SetWindowFontScale(ImGui::GetFont()->FontSize > 0 ? wanted / ImGui::GetFont()->FontSize : 1.0f);
    // Sizes as ImGuiStyle::ScaleAllSizes makes them (it floors).
    auto at = [&](ImVec2 v) { return ImVec2(std::floor(v.x * scale), std::floor(v.y * scale)); };
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, at(unit.FramePadding));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, at(unit.ItemSpacing));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, at(unit.ItemInnerSpacing));
    window_padding = at(unit.WindowPadding);
}

FixedScale::~FixedScale() {
    ImGui::PopStyleVar(3);
    ImGui::SetWindowFontScale(1.0f);
}

float scale_without(float factor) { return factor > 0 ? context().applied_scale / factor : context().applied_scale; }

static_assert(sizeof(ImWchar) == sizeof(unsigned short), "glyph_ranges.h is written for 16-bit ImWchar");

static ImFont* add_font(const char* asset_name, float size, float pixel_ratio, const ImWchar* glyphs, int oversample_h = 2) {
    ImGuiIO& io = ImGui::GetIO();
    const EmbeddedAsset* asset = find_embedded_asset(asset_name);
    if (!asset) {
#ifdef __EMSCRIPTEN__
        // The web build always has them compiled in (CMakeLists.txt §5), and it has no ImGui font of
        // its own: its ImGui is built without ProggyClean (CMakeLists.txt §2, docs/performance.md).
        IM_ASSERT(asset && "the fonts are compiled into the web build");
        return nullptr;
#else
        // The assets are compiled in by CMake; without them ImGui's own font keeps the app usable.
        ImFontConfig cfg;
        cfg.SizePixels = size;
        return io.Fonts->AddFontDefault(&cfg);
#endif
    }
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the bytes live in the binary
    cfg.RasterizerDensity = pixel_ratio; // glyphs at device resolution, metrics in ImGui units
    // Horizontal oversampling (glyphs rasterised at half-pixel steps) for the body faces only: at
    // heading and title sizes a glyph drawn between pixels looks the same without it, and
    // rasterising those two faces twice as wide was most of the font atlas's time before the first
    // frame (docs/performance.md, "part 6"). Metrics and advances do not change with it.
    cfg.OversampleH = oversample_h;
    cfg.OversampleV = 1;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(asset->data), (int)asset->size,
                                          size, &cfg, glyphs);
}

static void apply(float ui_scale);

bool update_fonts(float pixel_ratio, float ui_scale, bool first_frame) {
    Context& ctx = context();
    if (pixel_ratio <= 0) pixel_ratio = 1;
    if (ui_scale <= 0) ui_scale = 1;
    const bool all_glyphs = !first_frame || ctx.built_all_glyphs; // a full atlas is never made smaller
    if (std::fabs(ctx.built_ratio - pixel_ratio) < 0.001f && std::fabs(ctx.built_scale - ui_scale) < 0.001f &&
        all_glyphs == ctx.built_all_glyphs)
        return false;
    ctx.built_ratio = pixel_ratio;
    ctx.built_scale = ui_scale;
    ctx.built_all_glyphs = all_glyphs;

    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    // The texture as high as the glyphs need, not the next power of two (WebGL 2 and OpenGL 3 take
    // any size): the first frame's atlas at pixel ratio 1 is 512 x 293 instead of 512 x 512, a
    // smaller texture to convert to RGBA and upload before the first frame.
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const ImWchar* glyphs = all_glyphs ? kAllGlyphs : kFirstFrameGlyphs;
    // Line heights are rounded to whole pixels so that lines start on pixel boundaries.
    auto size = [&](float em) { return std::round(em * ui_scale * kNotoLineHeightPerEm); };
    ctx.fonts.body = add_font("NotoSans-Regular-subset.ttf", size(kBodyEm), pixel_ratio, glyphs);
    ctx.fonts.bold = add_font("NotoSans-Bold-subset.ttf", size(kBodyEm), pixel_ratio, glyphs);
    ctx.fonts.heading = add_font("NotoSans-Bold-subset.ttf", size(22.0f), pixel_ratio, glyphs, 1);
    ctx.fonts.title = add_font("NotoSans-Bold-subset.ttf", size(30.0f), pixel_ratio, glyphs, 1);
    atlas->Build();
    ImGui::GetIO().FontDefault = ctx.fonts.body;
    apply(ui_scale);
    return true;
}

static ImVec4 col(ImU32 c, float alpha = 1.0f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w = alpha;
    return v;
}

static void apply(float ui_scale) {
    Context& ctx = context();
    ctx.applied_scale = ui_scale;
    const Palette& p = ctx.palette;
    ImGuiStyle style; // start from the defaults each time: ScaleAllSizes multiplies
    style.WindowPadding = ImVec2(32, 24);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = 8;
    style.ChildBorderSize = 1;
    style.PopupRounding = 8;
    style.PopupBorderSize = 1;
    style.FramePadding = ImVec2(12, 8);
    style.FrameRounding = 6;
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(10, 6);
    style.IndentSpacing = 24;
    style.ScrollbarSize = 16;
    style.ScrollbarRounding = 8;
    style.GrabMinSize = 14;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.SeparatorTextBorderSize = 2;
    style.SelectableTextAlign = ImVec2(0, 0.5f);
    ctx.unscaled = style;
    style.ScaleAllSizes(ui_scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = col(p.text);
    c[ImGuiCol_TextDisabled] = col(p.muted);
    c[ImGuiCol_WindowBg] = col(rgb(0xff, 0xff, 0xff));
    c[ImGuiCol_ChildBg] = col(p.panel);
    c[ImGuiCol_PopupBg] = col(rgb(0xff, 0xff, 0xff));
    c[ImGuiCol_Border] = col(p.border);
    c[ImGuiCol_BorderShadow] = col(0, 0);
    c[ImGuiCol_FrameBg] = col(rgb(0xff, 0xff, 0xff));
    c[ImGuiCol_FrameBgHovered] = col(p.accent_soft);
    c[ImGuiCol_FrameBgActive] = col(p.accent_soft);
    c[ImGuiCol_TitleBg] = col(p.panel);
    c[ImGuiCol_TitleBgActive] = col(p.panel);
    c[ImGuiCol_TitleBgCollapsed] = col(p.panel);
    c[ImGuiCol_MenuBarBg] = col(p.panel);
    c[ImGuiCol_ScrollbarBg] = col(p.panel);
    c[ImGuiCol_ScrollbarGrab] = col(rgb(0xa9, 0xb2, 0xbf));
    c[ImGuiCol_ScrollbarGrabHovered] = col(rgb(0x8a, 0x94, 0xa3));
    c[ImGuiCol_ScrollbarGrabActive] = col(rgb(0x6b, 0x75, 0x85));
    c[ImGuiCol_CheckMark] = col(p.accent);
    c[ImGuiCol_SliderGrab] = col(p.accent);
    c[ImGuiCol_SliderGrabActive] = col(rgb(0x15, 0x40, 0x78));
    c[ImGuiCol_Button] = col(rgb(0xe8, 0xed, 0xf3));
    c[ImGuiCol_ButtonHovered] = col(rgb(0xd6, 0xe0, 0xed));
    c[ImGuiCol_ButtonActive] = col(rgb(0xc4, 0xd3, 0xe6));
    c[ImGuiCol_Header] = col(p.accent_soft);
    c[ImGuiCol_HeaderHovered] = col(rgb(0xd6, 0xe4, 0xf5));
    c[ImGuiCol_HeaderActive] = col(rgb(0xc4, 0xd8, 0xf0));
    c[ImGuiCol_Separator] = col(p.border);
    c[ImGuiCol_SeparatorHovered] = col(p.accent);
    c[ImGuiCol_SeparatorActive] = col(p.accent);
    c[ImGuiCol_ResizeGrip] = col(0, 0);
    c[ImGuiCol_ResizeGripHovered] = col(0, 0);
    c[ImGuiCol_ResizeGripActive] = col(0, 0);
    c[ImGuiCol_Tab] = col(p.panel);
    c[ImGuiCol_TabHovered] = col(p.accent_soft);
    c[ImGuiCol_TabActive] = col(p.accent_soft);
    c[ImGuiCol_TabUnfocused] = col(p.panel);
    c[ImGuiCol_TabUnfocusedActive] = col(p.accent_soft);
    c[ImGuiCol_PlotLines] = col(p.accent);
    c[ImGuiCol_PlotLinesHovered] = col(p.accent);
    c[ImGuiCol_PlotHistogram] = col(p.accent);
    c[ImGuiCol_PlotHistogramHovered] = col(p.accent);
    c[ImGuiCol_TableHeaderBg] = col(p.panel);
    c[ImGuiCol_TableBorderStrong] = col(p.border);
    c[ImGuiCol_TableBorderLight] = col(p.border);
    c[ImGuiCol_TableRowBg] = col(0, 0);
    c[ImGuiCol_TableRowBgAlt] = col(p.panel);
    c[ImGuiCol_TextSelectedBg] = col(rgb(0xb9, 0xd2, 0xf2));
    c[ImGuiCol_DragDropTarget] = col(p.accent);
    c[ImGuiCol_NavHighlight] = col(p.focus);
    c[ImGuiCol_NavWindowingHighlight] = col(p.focus);
    c[ImGuiCol_NavWindowingDimBg] = col(rgb(0x20, 0x20, 0x20), 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = col(rgb(0x1b, 0x1f, 0x27), 0.35f);
    if (ctx.high_contrast) {
        // A projector washes out light greys: black text, black frames, darker hover fills.
        style.FrameBorderSize = std::max(2.0f, style.FrameBorderSize);
        c[ImGuiCol_Button] = col(rgb(0xff, 0xff, 0xff));
        c[ImGuiCol_ButtonHovered] = col(rgb(0xdd, 0xe8, 0xf7));
        c[ImGuiCol_ButtonActive] = col(rgb(0xc4, 0xd8, 0xf0));
        c[ImGuiCol_TableRowBgAlt] = col(rgb(0xf2, 0xf2, 0xf2));
        c[ImGuiCol_TableBorderStrong] = col(p.text);
        c[ImGuiCol_TableBorderLight] = col(p.muted);
    }
    ImGui::GetStyle() = style;
}

// Text colours measured against white and the soft fills (WCAG 2 relative luminance):
// text 21:1, muted 13.4:1, accent 11.2:1 (white on it 11.2:1), good 10.4:1, warn 11.3:1,
// error 9.6:1, focus ring 9.1:1; on #f2f2f2 each is still above 8:1.
void set_high_contrast(bool on) {
    Context& ctx = context();
    if (ctx.high_contrast == on) return;
    static const Palette kDefault{};
    Palette high;
    high.text = rgb(0, 0, 0);
    high.muted = rgb(0x2b, 0x2f, 0x36);
    high.accent = rgb(0x0b, 0x3a, 0x75);
    high.accent_soft = rgb(0xdd, 0xe8, 0xf7);
    high.panel = rgb(0xf2, 0xf2, 0xf2);
    high.border = rgb(0x2b, 0x2f, 0x36);
    high.field_border = rgb(0, 0, 0);
    high.focus = rgb(0x7a, 0x33, 0x00);
    high.good = rgb(0x0d, 0x4a, 0x22);
    high.warn = rgb(0x5a, 0x30, 0x00);
    high.error = rgb(0x8c, 0x10, 0x10);
    ctx.palette = on ? high : kDefault;
    ctx.high_contrast = on;
    apply(ctx.applied_scale);
}

bool high_contrast() { return context().high_contrast; }

} // namespace mf::ui
