// memory_store.h - localStorage in a map, for the unit tests of core's workshop functions and of the
// app model: every write can be refused (storage full, private browsing) and every read can fail
// (access denied), to test what the app does then.
#pragma once
#include "core/workshop.h"

#include <map>
#include <set>
#include <string>

namespace mf_test {

struct MemoryStore : mf::Store {
    std::map<std::string, std::string> data;
    bool refuse = false;            // every set() fails
    std::set<std::string> failing;  // keys whose get() fails as if access were denied
    int reads = 0;                  // get() calls, to check what the app reads when

    mf::StoreRead get(const std::string& key, std::string& value) override {
        reads++;
        if (failing.count(key)) return mf::StoreRead::Failed;
        auto it = data.find(key);
        if (it == data.end()) return mf::StoreRead::Absent;
        value = it->second;
        return mf::StoreRead::Found;
    }
    bool set(const std::string& key, const std::string& value) override {
        if (refuse) return false;
        data[key] = value;
        return true;
    }
    void remove(const std::string& key) override { data.erase(key); }
};

} // namespace mf_test
