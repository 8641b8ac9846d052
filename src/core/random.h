// random.h - a small seeded random number generator that gives the same numbers on every machine
// and in WebAssembly (the standard library's distributions differ between implementations).
//
// Index
//   - Random   splitmix64: next, uniform in [0, 1), below(n), chance(p), normal(), pick(array)
//
// Used by mf-generate (the same seed gives the same files everywhere) and by the tests that draw
// random populations (a failing seed can be replayed natively and in wasm).
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace mf {

struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); } // [0, 1)
    int below(int n) { return static_cast<int>(uniform() * n); }
    bool chance(double p) { return uniform() < p; }
    double normal() { // Box-Muller; one value per call is plenty here
        const double u = 1.0 - uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N]) { return items[below(static_cast<int>(N))]; }
};

} // namespace mf
