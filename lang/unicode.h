// UTF-8 text and the Unicode character database, as str methods need them. Python indexes
// strings by code point while StrObj stores UTF-8: these helpers convert between the two and
// answer per-code-point questions (isalpha, upper-case mapping, ...) exactly like CPython 3.11
// (Unicode 14.0.0; the tables in unicode_tables.inc are generated from CPython itself by
// unicode_tables_gen.py). All functions assume valid UTF-8 (the VM only creates valid strings).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace interleave::lang::unicode {

// ---- UTF-8 --------------------------------------------------------------------------------
// Decodes the code point at byte `*pos` and advances *pos past it.
inline char32_t decode(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *pos = i + 1;
    return b;
  }
  int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
  char32_t c = b & (0x3F >> n);
  for (int k = 1; k <= n && i + k < s.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *pos = i + 1 + n;
  return c;
}
// Appends the UTF-8 encoding of `c`.
inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}
inline bool isContinuation(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }
// Number of code points.
size_t length(std::string_view s);
bool isAscii(std::string_view s);
// Byte offset of code point `index` (s.size() when index >= length).
size_t byteOffset(std::string_view s, size_t index);
// Number of code points in s[0, byteOffset).
size_t cpIndex(std::string_view s, size_t byteOffset);
std::u32string toU32(std::string_view s);
std::string fromU32(std::u32string_view s);

// ---- character properties (str.isxxx() of a one-character string) --------------------------
bool isAlpha(char32_t c);
bool isDecimal(char32_t c);
bool isDigit(char32_t c);
bool isNumeric(char32_t c);
bool isAlnum(char32_t c);
bool isSpace(char32_t c);      // str.isspace / str.split() whitespace
bool isLinebreak(char32_t c);  // str.splitlines boundaries
bool isPrintable(char32_t c);  // repr() escapes what is not printable
// The raw Lowercase / Uppercase / Titlecase (Lt) / Cased / Case_Ignorable properties.
bool isLower(char32_t c);
bool isUpper(char32_t c);
bool isTitle(char32_t c);
bool isCased(char32_t c);
bool isCaseIgnorable(char32_t c);
bool isXidStart(char32_t c);     // also '_'
bool isXidContinue(char32_t c);

// ---- full case mappings (SpecialCasing included): write up to 3 code points, return count ---
// toLower maps U+03A3 (capital sigma) to U+03C3: callers apply the final-sigma rule.
int toUpper(char32_t c, char32_t out[3]);
int toLower(char32_t c, char32_t out[3]);
int toTitle(char32_t c, char32_t out[3]);
int toFold(char32_t c, char32_t out[3]);

}  // namespace interleave::lang::unicode
