// check_worker_web.cpp - the municipality page's Web Worker (kommune.check.js / .wasm): its own
// instance of the engine that checks result files away from the page's main thread. The worker's
// JS side is check_worker.js; the page's side is platform_web_checks.js. This file only moves
// bytes: the embedded questionnaire to the checker (src/app/file_checker.h), a file's name
// and bytes in, the checked records out.
#include "app/file_checker.h"
#include "platform/embedded_assets.h"

#include <emscripten.h>

#include <memory>
#include <string>

namespace {
std::unique_ptr<mf::FileChecker> g_checker;
std::string g_records; // the records of the files checked since mf_worker_clear
} // namespace

extern "C" {

// 1 when the checker has its questionnaire (else the page checks the files itself).
EMSCRIPTEN_KEEPALIVE int mf_worker_start() {
    const mf::EmbeddedAsset* asset = mf::find_embedded_asset("aktoersporet.json");
    if (!asset) return 0;
    g_checker = std::make_unique<mf::FileChecker>(std::string_view(reinterpret_cast<const char*>(asset->data), asset->size),
                                                 "aktoersporet.json", asset->content_hash ? asset->content_hash : "");
    return g_checker->loaded() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void mf_worker_check(const char* name, const char* data, int size) {
    g_checker->check(name ? name : "", std::string_view(data, size > 0 ? static_cast<std::size_t>(size) : 0), g_records);
}

EMSCRIPTEN_KEEPALIVE const char* mf_worker_records() { return g_records.data(); }
EMSCRIPTEN_KEEPALIVE int mf_worker_records_size() { return static_cast<int>(g_records.size()); }
EMSCRIPTEN_KEEPALIVE void mf_worker_clear() { g_records.clear(); }

} // extern "C"
