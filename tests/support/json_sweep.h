// json_sweep.h - the tests' sweep over a valid document: every value (leaf, object or array) in turn
// replaced by each of a list of wrong values, and removed. Bad input the tests do not have to write
// out one by one.
#pragma once
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace mf_test {

// Calls `use(pointer, changed document)` for every change; returns how many pointers were changed.
inline std::size_t sweep_json(const nlohmann::json& original, const std::vector<nlohmann::json>& replacements,
                              const std::function<void(const std::string&, const nlohmann::json&)>& use) {
    using nlohmann::json;
    std::vector<std::string> pointers;
    const json flat = original.flatten();
    for (auto it = flat.begin(); it != flat.end(); ++it)
        for (json::json_pointer p(it.key()); !p.empty(); p = p.parent_pointer()) pointers.push_back(p.to_string());
    std::sort(pointers.begin(), pointers.end());
    pointers.erase(std::unique(pointers.begin(), pointers.end()), pointers.end());
    for (const std::string& pointer : pointers) {
        for (const json& value : replacements) {
            json doc = original;
            doc[json::json_pointer(pointer)] = value;
            use(pointer, doc);
        }
        json doc = original;
        json::json_pointer p(pointer);
        json& parent = doc[p.parent_pointer()];
        if (parent.is_object()) parent.erase(p.back());
        else parent.erase(static_cast<std::size_t>(std::stoul(p.back())));
        use(pointer, doc);
    }
    return pointers.size();
}

} // namespace mf_test
