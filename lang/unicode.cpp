#include "unicode.h"

#include <algorithm>
#include <iterator>

namespace interleave::lang::unicode {

namespace {

struct CpRange {
  uint32_t lo, hi;
};
// A run of single-code-point case mappings: code points start, start+stride, ... (count of
// them) map to themselves + delta.
struct CaseRun {
  uint32_t start;
  uint16_t count;
  uint8_t stride;
  int32_t delta;
};
// A mapping to several code points (0-terminated when shorter than 3).
struct CaseMulti {
  uint32_t cp;
  uint32_t out[3];
};

#include "unicode_tables.inc"

template <size_t N>
bool inRanges(const CpRange (&table)[N], char32_t c) {
  const CpRange* end = table + N;
  const CpRange* it = std::upper_bound(table, end, static_cast<uint32_t>(c),
                                       [](uint32_t v, const CpRange& r) { return v < r.lo; });
  if (it == table) return false;
  --it;
  return c <= it->hi;
}

template <size_t R, size_t M>
int mapCase(const CaseRun (&runs)[R], const CaseMulti (&multi)[M], char32_t c, char32_t out[3]) {
  const CaseMulti* mend = multi + M;
  const CaseMulti* m = std::lower_bound(multi, mend, static_cast<uint32_t>(c),
                                        [](const CaseMulti& e, uint32_t v) { return e.cp < v; });
  if (m != mend && m->cp == c) {
    int n = 0;
    while (n < 3 && m->out[n] != 0) {
      out[n] = m->out[n];
      ++n;
    }
    return n;
  }
  const CaseRun* end = runs + R;
  const CaseRun* it = std::upper_bound(runs, end, static_cast<uint32_t>(c),
                                       [](uint32_t v, const CaseRun& r) { return v < r.start; });
  if (it != runs) {
    --it;
    uint32_t off = static_cast<uint32_t>(c) - it->start;
    if (off < static_cast<uint32_t>(it->count) * it->stride && off % it->stride == 0) {
      out[0] = static_cast<char32_t>(static_cast<int64_t>(c) + it->delta);
      return 1;
    }
  }
  out[0] = c;
  return 1;
}

}  // namespace

size_t length(std::string_view s) {
  size_t n = 0;
  for (char b : s) n += !isContinuation(b);
  return n;
}

bool isAscii(std::string_view s) {
  for (char b : s)
    if (static_cast<unsigned char>(b) >= 0x80) return false;
  return true;
}

size_t byteOffset(std::string_view s, size_t index) {
  size_t i = 0;
  while (i < s.size() && index > 0) {
    ++i;
    while (i < s.size() && isContinuation(s[i])) ++i;
    --index;
  }
  return i;
}

size_t cpIndex(std::string_view s, size_t byteOffset) {
  size_t n = 0;
  for (size_t i = 0; i < byteOffset && i < s.size(); ++i) n += !isContinuation(s[i]);
  return n;
}

std::u32string toU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) out.push_back(decode(s, &i));
  return out;
}

std::string fromU32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append(out, c);
  return out;
}

bool isAlpha(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return inRanges(kAlpha, c);
}
bool isDecimal(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : inRanges(kDecimal, c); }
bool isDigit(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : inRanges(kDigit, c); }
bool isNumeric(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : inRanges(kNumeric, c); }
bool isAlnum(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  return inRanges(kAlnum, c);
}
bool isSpace(char32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
bool isLinebreak(char32_t c) {
  return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}
bool isPrintable(char32_t c) {
  if (c < 0x80) return c >= 0x20 && c < 0x7F;
  return inRanges(kPrintable, c);
}
bool isLower(char32_t c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : inRanges(kLower, c); }
bool isUpper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : inRanges(kUpper, c); }
bool isTitle(char32_t c) { return c < 0x80 ? false : inRanges(kTitle, c); }
bool isCased(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return inRanges(kCased, c);
}
bool isCaseIgnorable(char32_t c) { return inRanges(kCaseIgnorable, c); }
bool isXidStart(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
  return inRanges(kXidStart, c);
}
bool isXidContinue(char32_t c) {
  if (c < 0x80)
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || (c >= '0' && c <= '9');
  return inRanges(kXidContinue, c);
}

int toUpper(char32_t c, char32_t out[3]) {
  if (c < 0x80) {
    out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
    return 1;
  }
  return mapCase(kToUpperRuns, kToUpperMulti, c, out);
}
int toLower(char32_t c, char32_t out[3]) {
  if (c < 0x80) {
    out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return 1;
  }
  return mapCase(kToLowerRuns, kToLowerMulti, c, out);
}
int toTitle(char32_t c, char32_t out[3]) {
  if (c < 0x80) {
    out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
    return 1;
  }
  return mapCase(kToTitleRuns, kToTitleMulti, c, out);
}
int toFold(char32_t c, char32_t out[3]) {
  if (c < 0x80) {
    out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return 1;
  }
  return mapCase(kToFoldRuns, kToFoldMulti, c, out);
}

}  // namespace interleave::lang::unicode
