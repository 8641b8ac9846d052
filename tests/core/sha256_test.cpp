#include "core/sha256.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

// Test vectors from FIPS 180-4 examples and NIST's SHA-256 short-message set.
TEST(Sha256, KnownVectors) {
    EXPECT_EQ(mf::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(mf::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(mf::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, LengthsAroundTheBlockBoundary) {
    // 55, 56 and 64 bytes exercise the one-block and two-block padding paths.
    EXPECT_EQ(mf::sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(mf::sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(mf::sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, MillionAs) {
    EXPECT_EQ(mf::sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// sha256() may run on the CPU's SHA instructions (x86-64 SHA-NI); the portable code must give the
// same digests for every length around and across block boundaries, and both must match the vectors.
TEST(Sha256, CpuInstructionsAndPortableCodeAgree) {
    EXPECT_EQ(mf::sha256_portable("abc"), mf::sha256("abc"));
    const auto million = mf::sha256_portable(std::string(1000000, 'a'));
    EXPECT_EQ(million, mf::sha256(std::string(1000000, 'a')));
    std::string data;
    std::uint32_t x = 12345;
    for (std::size_t n = 0; n <= 300; ++n) {
        EXPECT_EQ(mf::sha256_portable(data), mf::sha256(data)) << "length " << n;
        x = x * 1103515245u + 12345u;
        data += static_cast<char>(x >> 24);
    }
    std::printf("sha256 here uses %s\n", mf::sha256_uses_cpu_instructions() ? "the CPU's SHA instructions" : "the portable code");
}
