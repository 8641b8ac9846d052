// app_parts.h - what the App (app.h) is made of: the host adapter, the model and the ui layer's
// context. Built in app.cpp; read by a11y.cpp and test_hooks.cpp. Not for the host's eyes.
#pragma once
#include "app/app.h"
#include "app/model/model.h"
#include "app/platform_host.h"
#include "app/ui/ui.h"

namespace mf {

struct App::Parts {
    explicit Parts(Page page) : model(host, page) {}
    PlatformHost host;
    AppModel model;
    ui::Context ui;
    std::string shown_view; // view_key of the last frame: a new screen starts the Tab order afresh
};

// What the user is looking at: "error", "municipality", or the screen ("theme:2" with its theme).
// A dialog is not part of it. The accessible layer moves its focus when it changes.
std::string view_key(const AppModel& m);

} // namespace mf
