// workshop.h - several assessments on one computer: the consultant's list of organisations.
//
// Index
//   - Store              the key/value storage the app has (localStorage, config files), as an
//                        interface so that loading, saving and the migration are tested in core
//   - WorkshopEntry, Workshop   the list: ids, names, timestamps, which one is open, the settings
//                        that belong to the computer rather than to one organisation
//   - workshop_text, read_workshop   the index's saved form and its validating reader
//   - add / rename / remove        changing the list
//   - load_workshop      start-up: the index, the open assessment, the migration of the single
//                        saved session of earlier versions, recovery from an unreadable index
//   - read_entry, save_entry       one assessment under its own key
//   - anonymous_name     "Organisation A", "B", ... for showing on a projector
//
// Storage layout (docs/workshop.md): the index under "workshop" (small: names and timestamps) and
// every assessment as a saved Session under "assessment-<id>". Each is read and written on its own,
// so a corrupt or oversized assessment cannot take the others down, and switching writes the open
// one before another is read. Ids are "a1", "a2", ... and never reused.
#pragma once
#include "core/diagnostics.h"
#include "core/questionnaire.h"
#include "core/session.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

// What reading a key found: its text, nothing (never written, or removed), or a failure (the
// browser refused access, a file could not be read). Absent and Failed are different stories for the
// user: an added organisation that was never answered is absent and opens empty; a failure must not
// be taken for "empty", or the next save would overwrite what is there.
enum class StoreRead { Found, Absent, Failed };

// What the app's storage offers (localStorage or config files through the app's host, a map in the
// tests: tests/support/memory_store.h).
struct Store {
    virtual ~Store() = default;
    virtual StoreRead get(const std::string& key, std::string& value) = 0;
    virtual bool set(const std::string& key, const std::string& value) = 0; // false when refused
    virtual void remove(const std::string& key) = 0;
};

inline constexpr const char* kWorkshopKey = "workshop";
inline constexpr const char* kLegacySessionKey = "session"; // versions before the workshop list
inline constexpr std::size_t kMaxAssessments = 200;
inline constexpr std::size_t kMaxEntryBytes = 4u << 20;     // a saved assessment is about 5 KB
inline constexpr std::size_t kMaxNameBytes = 120;

// "assessment-<id>"
std::string assessment_key(const std::string& id);

struct WorkshopEntry {
    std::string id;       // "a1", "a2", ...
    std::string name;     // what the consultant calls the organisation ("" until named)
    std::string created;  // UTC timestamps, as in result files ("" when unknown)
    std::string updated;
};

struct Workshop {
    std::vector<WorkshopEntry> entries; // in the order they were added
    std::string current;                // id of the open assessment
    int next_id = 1;                    // the number of the next id
    bool presentation = false;          // presentation mode (large text, high contrast)
    int text_size = 0;                  // index into kTextSizes: the computer's setting, not one organisation's

    const WorkshopEntry* find(const std::string& id) const;
    WorkshopEntry* find(const std::string& id);
    std::size_t index_of(const std::string& id) const; // entries.size() when absent
};

// The saved form: {"format": "mangfoldighedstjek/workshop", "formatVersion": 1, "current", "nextId",
// "presentation", "textSize", "entries": [{"id", "name", "created", "updated"}]}, compact JSON.
std::string workshop_text(const Workshop& workshop);

// Reads an index back. Entries with a malformed or repeated id, a name that is not a string or too
// long, or malformed timestamps are dropped with a warning each; more than kMaxAssessments entries
// are cut. "current" that names no entry becomes the first entry; "nextId" is raised above every id
// in use. False (and `out` untouched) when the text is not an index at all.
bool read_workshop(std::string_view text, Workshop& out, Diagnostics& diagnostics);

// Whitespace trimmed and runs of it made one space, control characters dropped, cut to
// kMaxNameBytes on a UTF-8 boundary.
std::string clean_name(std::string_view name);

// Adds an entry (name cleaned, both timestamps `now`), makes it current and returns its id; "" when
// the list already has kMaxAssessments entries.
std::string add_entry(Workshop& workshop, std::string_view name, const std::string& now);
// False when there is no such entry.
bool rename_entry(Workshop& workshop, const std::string& id, std::string_view name);
// Removes the entry; when it was the current one the next (or else the previous) becomes current,
// "" when none is left. False when there is no such entry.
bool remove_entry(Workshop& workshop, const std::string& id);

// The name to show: the entry's name, else the organisation's name from the profile, else
// "Organisation <n>" (n = its position, 1-based; the same word in Danish and English).
std::string display_name(const WorkshopEntry& entry, std::size_t position, const std::string& organisation);

// "Organisation A", ..., "Organisation Z", "Organisation AA", ... for position 0, 1, ...
std::string anonymous_name(std::size_t position);

// --- Loading and saving ---------------------------------------------------------------------------
struct WorkshopLoad {
    Workshop workshop;      // at least one entry; its `current` is open
    Session session;        // the open assessment (a fresh one when it had nothing saved)
    bool migrated = false;  // the single session of an earlier version became the first entry
    bool recovered = false; // the index was unreadable and was rebuilt from the assessments found
    std::vector<std::string> problems; // plain messages: what could not be read and where it was kept
};

// Reads the index (or migrates the legacy "session" key: it becomes "assessment-a1" and is removed
// only after the new keys were written and read back), then the current assessment. Nothing read
// is ever thrown away: an unreadable index or assessment is kept under "<key>-unreadable". A new
// list (first visit) is not written until save_entry/save_workshop is called. `now` stamps the
// entry made for a first visit; `language` is a fresh session's language.
WorkshopLoad load_workshop(Store& store, const Questionnaire& questionnaire, const std::string& now,
                           const std::string& language);

// One assessment by id. Read: `out` holds it. Absent: nothing was ever saved under its key (an entry
// added and not answered yet), `out` untouched, nothing reported. Unreadable: the store failed, the
// text is over kMaxEntryBytes or not a session; `out` untouched, the reasons in `diagnostics`.
enum class EntryRead { Read, Absent, Unreadable };
EntryRead read_entry(Store& store, const Questionnaire& questionnaire, const std::string& id, Session& out,
                     Diagnostics& diagnostics);

// Writes one assessment and copies its timestamps into the index entry (the index is not written).
bool save_entry(Store& store, Workshop& workshop, const std::string& id, const Session& session);
bool save_workshop(Store& store, const Workshop& workshop);

} // namespace mf
