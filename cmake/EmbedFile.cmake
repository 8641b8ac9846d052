# cmake -DIN=<file> -DOUT=<cpp> -DSYMBOL=<name> -P EmbedFile.cmake
# Writes <cpp> with `const unsigned char SYMBOL[]` holding the bytes of <file> (plus a trailing 0,
# not counted in SYMBOL_size, so text assets can be read as C strings).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUT}" "// Generated from ${IN}. Do not edit.\n#include <cstddef>\nextern const unsigned char ${SYMBOL}[] = {\n${bytes}0x00};\nextern const std::size_t ${SYMBOL}_size = ${size};\n")
