// Internal helpers shared by the trace writers (trace_json.cpp, trace_chrome.cpp): JSON string
// escaping and integer formatting. Integer arithmetic only, so the bytes are the same natively
// and in wasm. Not part of the engine's public API.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace interleave::detail {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there are not valid
// UTF-8 (overlong forms, surrogates, code points above U+10FFFF and truncated sequences are
// invalid).
inline size_t utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const unsigned char cc = byte(i + k);
    if ((cc & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return n;
}

// Appends `s` as a JSON string literal (with the quotes). Escapes '"', '\\' and every control
// character below U+0020 (\b \f \n \r \t by name, the rest as \u00XX). Valid UTF-8 passes
// through unchanged; each byte of an invalid sequence becomes U+FFFD, so the output is always
// valid UTF-8 and valid JSON.
inline void appendJsonString(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = utf8SequenceLength(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        ++i;
      } else {
        out.append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

inline std::string jsonString(std::string_view s) {
  std::string out;
  appendJsonString(out, s);
  return out;
}

inline void appendInt(std::string& out, int64_t v) { out += std::to_string(v); }
inline void appendUint(std::string& out, uint64_t v) { out += std::to_string(v); }

// Number of Unicode code points in valid UTF-8 (continuation bytes are not counted): the
// column width of a name in the text Gantt (our names and block characters are one column).
inline size_t utf8Length(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

}  // namespace interleave::detail
