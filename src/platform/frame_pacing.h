// frame_pacing.h - shared by both hosts: when to draw the next frame, and when to stop drawing.
//
// Index
//   - FramePacer              counts the frames still to draw after an event
//   - draw_data_hash          equal hashes mean an identical picture (so drawing can stop)
//   - seconds_to_cursor_blink when the focused text field's cursor changes next
//
// ImGui by default redraws every frame. Here the host draws only after something happened: an
// event asks for a couple of frames (ImGui reacts to a click a frame later, layouts settle in one or
// two more), and every frame whose picture differs from the previous one asks for one more, so
// drawing stops as soon as two consecutive frames are identical.
#pragma once
#include "imgui.h"
#include "imgui_internal.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace mf {

struct FramePacer {
    int pending = 0;          // frames still to draw
    int changed_run = 0;      // consecutive frames that changed without new input
    std::uint64_t last_hash = 0;

    // An input event or anything else that may change the picture.
    void event(int frames = 2) {
        changed_run = 0;
        if (pending < frames) pending = frames;
    }
    // After drawing a frame with this picture hash. A picture that keeps changing without input
    // gets at most 120 extra frames: a bug must not keep a laptop busy forever.
    void drawn(std::uint64_t hash) {
        if (hash != last_hash && changed_run < 120) {
            changed_run++;
            if (pending < 2) pending = 2;
        }
        last_hash = hash;
        if (pending > 0) pending--;
    }
    bool busy() const { return pending > 0; }
};

inline std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t size) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

// Over everything that reaches the GPU: vertices, indices, clip rectangles, textures.
inline std::uint64_t draw_data_hash(const ImDrawData* dd) {
    std::uint64_t h = 14695981039346656037ull;
    if (!dd) return h;
    h = fnv1a(h, &dd->DisplaySize, sizeof(dd->DisplaySize));
    h = fnv1a(h, &dd->FramebufferScale, sizeof(dd->FramebufferScale));
    for (int n = 0; n < dd->CmdListsCount; n++) {
        const ImDrawList* list = dd->CmdLists[n];
        h = fnv1a(h, list->VtxBuffer.Data, (std::size_t)list->VtxBuffer.size_in_bytes());
        h = fnv1a(h, list->IdxBuffer.Data, (std::size_t)list->IdxBuffer.size_in_bytes());
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h = fnv1a(h, &cmd.ClipRect, sizeof(cmd.ClipRect));
            h = fnv1a(h, &cmd.TextureId, sizeof(cmd.TextureId));
            h = fnv1a(h, &cmd.ElemCount, sizeof(cmd.ElemCount));
            h = fnv1a(h, &cmd.IdxOffset, sizeof(cmd.IdxOffset));
            h = fnv1a(h, &cmd.VtxOffset, sizeof(cmd.VtxOffset));
        }
    }
    return h;
}

// ImGui shows the cursor while CursorAnim <= 0 (just typed) or fmod(CursorAnim, 1.2) <= 0.8.
// Returns the seconds until that changes, or -1 when no text field is being edited.
inline double seconds_to_cursor_blink() {
    ImGuiContext& g = *GImGui;
    if (!g.IO.ConfigInputTextCursorBlink || g.ActiveId == 0 || g.ActiveId != g.InputTextState.ID) return -1;
    const float anim = g.InputTextState.CursorAnim;
    if (anim <= 0) return -anim + 0.8;
    const float m = std::fmod(anim, 1.2f);
    return m <= 0.8f ? 0.8 - m : 1.2 - m;
}

} // namespace mf
