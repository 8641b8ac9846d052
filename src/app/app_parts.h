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
};

} // namespace mf
