// sha256.h - SHA-256 (FIPS 180-4), used for the questionnaire content hash and the result checksum.
// Small and dependency-free so the native and the wasm build compute the same digest.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mf {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data); // 64 lowercase hex digits

// sha256() uses the CPU's SHA instructions when it has them (x86-64 SHA-NI, checked at run time)
// and portable code otherwise. For tests: which one runs here, and the portable code on its own.
bool sha256_uses_cpu_instructions();
std::array<std::uint8_t, 32> sha256_portable(std::string_view data);

} // namespace mf
