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

} // namespace mf
