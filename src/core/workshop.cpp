// workshop.cpp - the list of assessments and its storage (see workshop.h).
//
// Index
//   - ids, keys, names
//   - workshop_text, read_workshop
//   - add / rename / remove
//   - read_entry, save_entry, save_workshop
//   - load_workshop (migration, recovery)
#include "core/workshop.h"

#include "core/json_input.h"
#include "core/json_reader.h"
#include "core/result.h"

#include <cstdlib>

namespace mf {

using json = nlohmann::json;

static constexpr const char* kWorkshopFormat = "mangfoldighedstjek/workshop";
static constexpr const char* kUnreadableSuffix = "-unreadable";
// An unreadable index is rebuilt by probing ids a1, a2, ... up to this number.
static constexpr int kRecoveryProbe = 1000;

// ---------------------------------------------------------------------------------------------
// Ids, keys, names
// ---------------------------------------------------------------------------------------------
std::string assessment_key(const std::string& id) { return "assessment-" + id; }

// "a" followed by 1..6 digits without a leading zero; returns the number, 0 when malformed.
static int id_number(const std::string& id) {
    if (id.size() < 2 || id.size() > 7 || id[0] != 'a' || id[1] == '0') return 0;
    int n = 0;
    for (std::size_t i = 1; i < id.size(); i++) {
        if (id[i] < '0' || id[i] > '9') return 0;
        n = n * 10 + (id[i] - '0');
    }
    return n;
}

static std::string make_id(int number) { return "a" + std::to_string(number); }

const WorkshopEntry* Workshop::find(const std::string& id) const {
    for (const WorkshopEntry& e : entries)
        if (e.id == id) return &e;
    return nullptr;
}

WorkshopEntry* Workshop::find(const std::string& id) {
    for (WorkshopEntry& e : entries)
        if (e.id == id) return &e;
    return nullptr;
}

std::size_t Workshop::index_of(const std::string& id) const {
    for (std::size_t i = 0; i < entries.size(); i++)
        if (entries[i].id == id) return i;
    return entries.size();
}

std::string clean_name(std::string_view name) {
    std::string out;
    bool space = false;
    for (unsigned char c : name) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (c < 0x20 || c == 0x7f) continue;
        if (space) out += ' ';
        space = false;
        out += (char)c;
    }
    if (out.size() > kMaxNameBytes) {
        std::size_t cut = kMaxNameBytes;
        while (cut > 0 && ((unsigned char)out[cut] & 0xC0) == 0x80) cut--; // not inside a character
        out.resize(cut);
        while (!out.empty() && out.back() == ' ') out.pop_back();
    }
    return out;
}

std::string anonymous_name(std::size_t position) {
    std::string letters;
    std::size_t n = position + 1; // bijective base 26: A..Z, AA..AZ, ...
    while (n > 0) {
        n--;
        letters.insert(letters.begin(), (char)('A' + n % 26));
        n /= 26;
    }
    return "Organisation " + letters;
}

std::string display_name(const WorkshopEntry& entry, std::size_t position, const std::string& organisation) {
    if (!entry.name.empty()) return entry.name;
    const std::string org = clean_name(organisation);
    if (!org.empty()) return org;
    return "Organisation " + std::to_string(position + 1); // the same word in Danish and English
}

// ---------------------------------------------------------------------------------------------
// Saved form
// ---------------------------------------------------------------------------------------------
std::string workshop_text(const Workshop& w) {
    json j;
    j["format"] = kWorkshopFormat;
    j["formatVersion"] = 1;
    j["current"] = w.current;
    j["nextId"] = w.next_id;
    j["presentation"] = w.presentation;
    j["textSize"] = w.text_size;
    json entries = json::array();
    for (const WorkshopEntry& e : w.entries)
        entries.push_back({{"id", e.id}, {"name", e.name}, {"created", e.created}, {"updated", e.updated}});
    j["entries"] = entries;
    return j.dump();
}

static bool timestamp_ok(const std::string& t) { return t.empty() || is_valid_timestamp(t); }

bool read_workshop(std::string_view text, Workshop& out, Diagnostics& diagnostics) {
    const std::string file = kWorkshopKey;
    std::optional<json> doc = parse_json_document(text, file, diagnostics);
    if (!doc) return false;
    JsonReader reader{file, &diagnostics};
    if (!reader.expect_object(*doc, "")) return false;
    const json* format = reader.member(*doc, "", "format", true);
    if (!format) return false;
    if (!format->is_string() || *format != kWorkshopFormat) {
        reader.error("/format", "workshop.format.wrong", {}, "not a list of assessments of this app");
        return false;
    }
    const json* version = reader.member(*doc, "", "formatVersion", true);
    if (!version) return false;
    if (!version->is_number_integer() || version->get<long long>() != 1) {
        reader.error("/formatVersion", "workshop.format_version.unknown", {{"version", version->dump()}, {"supported", "1"}},
                     "version " + version->dump() + " is not known to this app (it reads 1)");
        return false;
    }
    const json* entries = reader.member(*doc, "", "entries", true);
    if (!entries || !reader.expect_array(*entries, "/entries")) return false;

    Workshop w;
    int highest = 0;
    for (std::size_t i = 0; i < entries->size(); i++) {
        const std::string p = "/entries/" + std::to_string(i);
        const json& e = (*entries)[i];
        if (w.entries.size() >= kMaxAssessments) {
            reader.warning(p, "workshop.entries.too_many", {{"max", std::to_string(kMaxAssessments)}},
                           "more than " + std::to_string(kMaxAssessments) + " assessments: the rest are not listed");
            break;
        }
        // Each problem drops this entry only (its assessment stays in storage untouched).
        Diagnostics local;
        JsonReader r{file, &local};
        WorkshopEntry entry;
        if (r.expect_object(e, p)) {
            if (const json* v = r.member(e, p, "id", true)) r.read_string(*v, p + "/id", entry.id);
            if (const json* v = r.member(e, p, "name", false)) r.read_string(*v, p + "/name", entry.name);
            if (const json* v = r.member(e, p, "created", false)) r.read_string(*v, p + "/created", entry.created);
            if (const json* v = r.member(e, p, "updated", false)) r.read_string(*v, p + "/updated", entry.updated);
        }
        // Why the entry is left out, if it is: the text after "entry left out: ", its code and parameters.
        std::string problem, code;
        DiagnosticParams params;
        auto left_out = [&](std::string why_text, const char* why, ParamList why_params) {
            problem = std::move(why_text);
            code = why;
            params = make_params(why_params);
        };
        if (!local.empty()) {
            const std::string detail = local.front().pointer + ": " + local.front().message;
            left_out(detail, "workshop.entry.unreadable", {{"detail", detail}});
        } else if (id_number(entry.id) == 0) {
            left_out(p + "/id: \"" + entry.id + "\" is not an assessment id (a1, a2, ...)", "workshop.entry.bad_id", {{"id", entry.id}});
        } else if (w.find(entry.id)) {
            left_out(p + "/id: \"" + entry.id + "\" is listed twice", "workshop.entry.duplicate_id", {{"id", entry.id}});
        } else if (entry.name.size() > kMaxNameBytes || clean_name(entry.name) != entry.name) {
            left_out(p + "/name: longer than " + std::to_string(kMaxNameBytes) + " bytes or not a single line", "workshop.entry.bad_name",
                     {{"max", std::to_string(kMaxNameBytes)}});
        } else if (!timestamp_ok(entry.created)) {
            left_out(p + "/created: not a timestamp like 2026-11-25T14:03:00Z", "workshop.entry.bad_timestamp", {{"field", "created"}});
        } else if (!timestamp_ok(entry.updated)) {
            left_out(p + "/updated: not a timestamp like 2026-11-25T14:03:00Z", "workshop.entry.bad_timestamp", {{"field", "updated"}});
        }
        if (!problem.empty()) {
            diagnostics.push_back({Diagnostic::Severity::Warning, file, p, "entry left out: " + problem, code, params});
            continue;
        }
        highest = std::max(highest, id_number(entry.id));
        w.entries.push_back(entry);
    }
    if (const json* v = reader.member(*doc, "", "nextId", false); v && v->is_number_integer()) {
        const long long n = v->get<long long>();
        if (n > 0 && n < 1000000) w.next_id = (int)n;
    }
    if (w.next_id <= highest) w.next_id = highest + 1;
    if (const json* v = reader.member(*doc, "", "presentation", false); v && v->is_boolean()) w.presentation = v->get<bool>();
    if (const json* v = reader.member(*doc, "", "textSize", false); v && v->is_number_integer()) {
        const long long n = v->get<long long>();
        if (n >= 0 && n < kTextSizeCount) w.text_size = (int)n;
    }
    if (const json* v = reader.member(*doc, "", "current", false); v && v->is_string()) w.current = v->get<std::string>();
    if (!w.find(w.current)) w.current = w.entries.empty() ? "" : w.entries.front().id;
    out = std::move(w);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Changing the list
// ---------------------------------------------------------------------------------------------
std::string add_entry(Workshop& w, std::string_view name, const std::string& now) {
    if (w.entries.size() >= kMaxAssessments) return "";
    while (w.find(make_id(w.next_id))) w.next_id++;
    WorkshopEntry e;
    e.id = make_id(w.next_id++);
    e.name = clean_name(name);
    e.created = now;
    e.updated = now;
    w.entries.push_back(e);
    w.current = e.id;
    return e.id;
}

bool rename_entry(Workshop& w, const std::string& id, std::string_view name) {
    WorkshopEntry* e = w.find(id);
    if (!e) return false;
    e->name = clean_name(name);
    return true;
}

bool remove_entry(Workshop& w, const std::string& id) {
    const std::size_t i = w.index_of(id);
    if (i == w.entries.size()) return false;
    w.entries.erase(w.entries.begin() + (std::ptrdiff_t)i);
    if (w.current == id) {
        if (w.entries.empty()) w.current.clear();
        else w.current = w.entries[i < w.entries.size() ? i : i - 1].id;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// One assessment
// ---------------------------------------------------------------------------------------------
EntryRead read_entry(Store& store, const Questionnaire& q, const std::string& id, Session& out, Diagnostics& diagnostics) {
    const std::string key = assessment_key(id);
    std::string text;
    switch (store.get(key, text)) {
    case StoreRead::Absent: return EntryRead::Absent;
    case StoreRead::Failed:
        diagnostics.push_back({Diagnostic::Severity::Error, key, "", "the storage could not be read", "workshop.entry.storage_failed", {}});
        return EntryRead::Unreadable;
    case StoreRead::Found: break;
    }
    if (text.size() > kMaxEntryBytes) {
        diagnostics.push_back({Diagnostic::Severity::Error, key, "",
                               "too large to be an assessment (" + std::to_string(text.size()) + " bytes, at most " +
                                   std::to_string(kMaxEntryBytes) + ")",
                               "workshop.entry.too_large",
                               {{"size", std::to_string(text.size())}, {"limit", std::to_string(kMaxEntryBytes)}}});
        return EntryRead::Unreadable;
    }
    Diagnostics local;
    if (!read_session(text, q, out, local)) {
        for (Diagnostic& d : local) {
            d.file = key;
            diagnostics.push_back(d);
        }
        return EntryRead::Unreadable;
    }
    return EntryRead::Read;
}

bool save_entry(Store& store, Workshop& w, const std::string& id, const Session& session) {
    if (WorkshopEntry* e = w.find(id)) {
        if (!session.assessment.created.empty()) e->created = session.assessment.created;
        if (!session.assessment.updated.empty()) e->updated = session.assessment.updated;
    }
    return store.set(assessment_key(id), session_text(session));
}

bool save_workshop(Store& store, const Workshop& w) { return store.set(kWorkshopKey, workshop_text(w)); }

// ---------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------
static std::string first_problem(const Diagnostics& d) {
    for (const Diagnostic& x : d)
        if (x.severity == Diagnostic::Severity::Error) return x.to_string();
    return d.empty() ? "" : d.front().to_string();
}

// Keeps `text` aside under "<key>-unreadable" so that nothing the user did is lost.
static void keep_aside(Store& store, const std::string& key, const std::string& text, WorkshopLoad& load,
                       const std::string& why) {
    store.set(key + kUnreadableSuffix, text);
    load.problems.push_back(why + " (kept as \"" + key + kUnreadableSuffix + "\")");
}

static WorkshopEntry entry_for(const std::string& id, const Session& s, const Questionnaire& q) {
    WorkshopEntry e;
    e.id = id;
    e.name = clean_name(organisation_name(q, s.assessment.answers));
    if (is_valid_timestamp(s.assessment.created)) e.created = s.assessment.created;
    if (is_valid_timestamp(s.assessment.updated)) e.updated = s.assessment.updated;
    return e;
}

WorkshopLoad load_workshop(Store& store, const Questionnaire& q, const std::string& now, const std::string& language) {
    WorkshopLoad load;
    Workshop& w = load.workshop;
    std::string text;
    if (store.get(kWorkshopKey, text) == StoreRead::Found) {
        Diagnostics d;
        if (read_workshop(text, w, d)) {
            for (const Diagnostic& x : d) load.problems.push_back(x.to_string());
        } else {
            keep_aside(store, kWorkshopKey, text, load, "the list of assessments could not be read: " + first_problem(d));
            // Rebuild it from the assessments that are there (ids are a1, a2, ...).
            for (int n = 1; n <= kRecoveryProbe && w.entries.size() < kMaxAssessments; n++) {
                Session s;
                Diagnostics ignored;
                const std::string id = make_id(n);
                const EntryRead read = read_entry(store, q, id, s, ignored);
                if (read == EntryRead::Absent) continue;
                if (read == EntryRead::Read) w.entries.push_back(entry_for(id, s, q));
                else w.entries.push_back(WorkshopEntry{id, "", "", ""}); // listed, shown as unreadable
                w.next_id = n + 1;
            }
            if (!w.entries.empty()) w.current = w.entries.front().id;
            load.recovered = true;
        }
    } else if (store.get(kLegacySessionKey, text) == StoreRead::Found) {
        // An earlier version's single session: it becomes the first assessment of the list.
        Session s;
        Diagnostics d;
        if (read_session(text, q, s, d)) {
            WorkshopEntry e = entry_for("a1", s, q);
            w.entries.push_back(e);
            w.current = e.id;
            w.next_id = 2;
            w.text_size = s.text_size;
            std::string check;
            if (store.set(assessment_key(e.id), text) && save_workshop(store, w) &&
                store.get(assessment_key(e.id), check) == StoreRead::Found &&
                check == text) {
                store.remove(kLegacySessionKey);
                load.migrated = true;
            }
            // When storage refused, the legacy key stays (the next start tries again) and the
            // answers are open from memory all the same.
            load.session = std::move(s);
            return load;
        } else {
            keep_aside(store, kLegacySessionKey, text, load, "the saved answers could not be read: " + first_problem(d));
        }
    }
    if (w.entries.empty()) {
        add_entry(w, "", now);
        load.session.assessment.language = language;
        load.session.text_size = w.text_size;
        return load;
    }
    // The current assessment; when it cannot be read it is kept aside and a fresh one opens in its
    // place (the entry stays in the list).
    Diagnostics d;
    switch (read_entry(store, q, w.current, load.session, d)) {
    case EntryRead::Read: break;
    case EntryRead::Absent: load.session.assessment.language = language; break;
    case EntryRead::Unreadable: {
        std::string text_read;
        if (store.get(assessment_key(w.current), text_read) == StoreRead::Found)
            keep_aside(store, assessment_key(w.current), text_read, load, "an assessment could not be read: " + first_problem(d));
        else
            load.problems.push_back("an assessment could not be read: " + first_problem(d));
        load.session = Session{};
        load.session.assessment.language = language;
        break;
    }
    }
    load.session.text_size = w.text_size;
    return load;
}

} // namespace mf
