// Ports of CPython 3.11's Python/pystrtod.c (format_float_short, PyOS_double_to_string),
// Python/formatter_unicode.c (the format-spec mini-language) and the string-to-number parsers.
// Gay's dtoa is replaced by snprintf/strtod, which are correctly rounded (ties to even) in
// both glibc and musl ("%.*e" gives dtoa mode 2, "%.*f" mode 3), and by Ryu for mode 0 (the
// shortest round-trip digits of repr).
#include "number_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace interleave::lang {

namespace {

// ---------------------------------------------------------------- UTF-8

// Lenient decoding: a byte that does not start a well-formed sequence stands for itself
// (U+0080..U+00FF), so nothing is ever dropped; surrogates encoded in 3 bytes are accepted.
std::vector<char32_t> decodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + size_t(len) <= s.size();
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(c);
      ++i;
    } else {
      out.push_back(cp);
      i += size_t(len);
    }
  }
  return out;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

void appendFill(std::string& out, char32_t fill, int64_t n) {
  if (n <= 0) return;
  if (fill < 0x80) {
    out.append(size_t(n), char(fill));
    return;
  }
  std::string one;
  appendUtf8(one, fill);
  for (int64_t i = 0; i < n; ++i) out += one;
}

// Py_ISSPACE: the ASCII whitespace accepted around numbers.
bool asciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes ' ',
// non-ASCII decimal digits become ASCII digits; anything else non-ASCII ends the text with '?'
// (which no parser accepts).
std::string transformDecimalAndSpace(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(utf8);
  std::string out;
  for (char32_t c : decodeUtf8(utf8)) {
    if (c < 127) {
      out.push_back(char(c));
    } else if (unicodeIsSpace(c)) {
      out.push_back(' ');
    } else {
      int d = unicodeDecimalValue(c);
      if (d < 0) {
        out.push_back('?');
        break;
      }
      out.push_back(char('0' + d));
    }
  }
  return out;
}

// ---------------------------------------------------------------- digit generation

std::string formatC(const char* fmt, int precision, double v) {
  char buf[512];
  int n = std::snprintf(buf, sizeof buf, fmt, precision, v);
  if (n < 0) return std::string();
  if (size_t(n) < sizeof buf) return std::string(buf, size_t(n));
  std::string big(size_t(n) + 1, '\0');
  std::snprintf(big.data(), big.size(), fmt, precision, v);
  big.resize(size_t(n));
  return big;
}

// The output of _Py_dg_dtoa: digits without trailing zeros (empty when a mode-3 result rounds
// to zero), decimal point position (value = 0.DIGITS * 10^decpt), sign, or inf/nan.
struct DtoaResult {
  std::string digits;
  int decpt = 0;
  bool negative = false;
  char special = 0;  // 0, 'i' (infinity) or 'n' (nan)
};

// Splits "%.*e" output of a non-negative finite value into mantissa digits and exponent.
void splitE(const std::string& s, std::string* digits, int* exp10) {
  digits->clear();
  size_t i = 0;
  for (; i < s.size() && s[i] != 'e'; ++i) {
    if (s[i] >= '0' && s[i] <= '9') digits->push_back(s[i]);
  }
  *exp10 = i < s.size() ? std::atoi(s.c_str() + i + 1) : 0;
}

void stripTrailingZeros(std::string& d) {
  while (!d.empty() && d.back() == '0') d.pop_back();
}

// Mode 0, the shortest digit string that reads back as v: Ryu (Ulf Adams, PLDI 2018), d2d
// with the 64-bit multiplications done in 32-bit halves (no __int128 needed). Among the
// shortest candidates it picks the one nearest v, like dtoa mode 0. The 5^i tables are built
// once from exact BigInt powers of five.
namespace ryu {

constexpr int kPow5InvBitcount = 125;
constexpr int kPow5Bitcount = 125;
constexpr int kPow5InvTableSize = 342;
constexpr int kPow5TableSize = 326;

struct Tables {
  uint64_t pow5[kPow5TableSize][2];        // top 125 bits of 5^i
  uint64_t pow5Inv[kPow5InvTableSize][2];  // floor(2^(bitlen(5^i) - 1 + 125) / 5^i) + 1
};

void store(const BigInt& v, uint64_t out[2]) {
  const std::vector<uint32_t>& m = v.magnitude();
  auto limb = [&](size_t i) { return i < m.size() ? uint64_t(m[i]) : 0; };
  out[0] = limb(0) | (limb(1) << 32);
  out[1] = limb(2) | (limb(3) << 32);
}

const Tables& tables() {
  static const Tables* t = [] {
    auto* tb = new Tables();
    BigInt pow(1);
    for (int i = 0; i < kPow5InvTableSize; ++i) {
      const int64_t len = int64_t(pow.bitLength());
      if (i < kPow5TableSize) {
        int64_t shift = len - kPow5Bitcount;
        store(shift >= 0 ? pow.shiftRight(uint64_t(shift)) : pow.shiftLeft(uint64_t(-shift)),
              tb->pow5[i]);
      }
      BigInt q;
      BigInt::divmod(BigInt(1).shiftLeft(uint64_t(len - 1 + kPow5InvBitcount)), pow, &q, nullptr);
      store(q + BigInt(1), tb->pow5Inv[i]);
      pow = pow * BigInt(5);
    }
    return tb;
  }();
  return *t;
}

uint64_t umul128(uint64_t a, uint64_t b, uint64_t* hi) {
  const uint64_t aLo = uint32_t(a), aHi = a >> 32, bLo = uint32_t(b), bHi = b >> 32;
  const uint64_t b00 = aLo * bLo, b01 = aLo * bHi, b10 = aHi * bLo, b11 = aHi * bHi;
  const uint64_t mid1 = b10 + (b00 >> 32);
  const uint64_t mid2 = b01 + uint32_t(mid1);
  *hi = b11 + (mid1 >> 32) + (mid2 >> 32);
  return (mid2 << 32) | uint32_t(b00);
}

// (m * mul) >> j for the 128-bit mul, 64 < j < 128.
uint64_t mulShift64(uint64_t m, const uint64_t mul[2], int j) {
  uint64_t high1;
  const uint64_t low1 = umul128(m, mul[1], &high1);
  uint64_t high0;
  umul128(m, mul[0], &high0);
  const uint64_t sum = high0 + low1;
  if (sum < high0) ++high1;
  const int dist = j - 64;
  return (high1 << (64 - dist)) | (sum >> dist);
}

uint32_t pow5Factor(uint64_t v) {
  uint32_t count = 0;
  while (v % 5 == 0) {
    v /= 5;
    ++count;
  }
  return count;
}
bool multipleOfPowerOf5(uint64_t v, uint32_t p) { return pow5Factor(v) >= p; }
bool multipleOfPowerOf2(uint64_t v, uint32_t p) { return (v & ((uint64_t(1) << p) - 1)) == 0; }
int32_t log10Pow2(int32_t e) { return int32_t((uint32_t(e) * 78913) >> 18); }
int32_t log10Pow5(int32_t e) { return int32_t((uint32_t(e) * 732923) >> 20); }
int32_t pow5bits(int32_t e) { return int32_t(((uint32_t(e) * 1217359) >> 19) + 1); }

// v (positive, finite) = output * 10^exponent with the fewest digits.
void d2d(double v, uint64_t* outMantissa, int32_t* outExponent) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const uint64_t ieeeMantissa = bits & ((uint64_t(1) << 52) - 1);
  const uint32_t ieeeExponent = uint32_t((bits >> 52) & 0x7FF);
  int32_t e2;
  uint64_t m2;
  if (ieeeExponent == 0) {
    e2 = 1 - 1023 - 52 - 2;
    m2 = ieeeMantissa;
  } else {
    e2 = int32_t(ieeeExponent) - 1023 - 52 - 2;
    m2 = (uint64_t(1) << 52) | ieeeMantissa;
  }
  const bool acceptBounds = (m2 & 1) == 0;
  const uint64_t mv = 4 * m2;
  const uint32_t mmShift = ieeeMantissa != 0 || ieeeExponent <= 1;
  const Tables& t = tables();
  uint64_t vr, vp, vm;
  int32_t e10;
  bool vmIsTrailingZeros = false, vrIsTrailingZeros = false;
  if (e2 >= 0) {
    const int32_t q = log10Pow2(e2) - (e2 > 3);
    e10 = q;
    const int32_t k = kPow5InvBitcount + pow5bits(q) - 1;
    const int32_t i = -e2 + q + k;
    vr = mulShift64(4 * m2, t.pow5Inv[q], i);
    vp = mulShift64(4 * m2 + 2, t.pow5Inv[q], i);
    vm = mulShift64(4 * m2 - 1 - mmShift, t.pow5Inv[q], i);
    if (q <= 21) {
      if (mv % 5 == 0) {
        vrIsTrailingZeros = multipleOfPowerOf5(mv, uint32_t(q));
      } else if (acceptBounds) {
        vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, uint32_t(q));
      } else {
        vp -= multipleOfPowerOf5(mv + 2, uint32_t(q));
      }
    }
  } else {
    const int32_t q = log10Pow5(-e2) - (-e2 > 1);
    e10 = q + e2;
    const int32_t i = -e2 - q;
    const int32_t k = pow5bits(i) - kPow5Bitcount;
    const int32_t j = q - k;
    vr = mulShift64(4 * m2, t.pow5[i], j);
    vp = mulShift64(4 * m2 + 2, t.pow5[i], j);
    vm = mulShift64(4 * m2 - 1 - mmShift, t.pow5[i], j);
    if (q <= 1) {
      vrIsTrailingZeros = true;
      if (acceptBounds) {
        vmIsTrailingZeros = mmShift == 1;
      } else {
        --vp;
      }
    } else if (q < 63) {
      vrIsTrailingZeros = multipleOfPowerOf2(mv, uint32_t(q));
    }
  }
  int32_t removed = 0;
  uint64_t output;
  if (vmIsTrailingZeros || vrIsTrailingZeros) {
    uint8_t lastRemovedDigit = 0;
    for (;;) {
      const uint64_t vpDiv10 = vp / 10, vmDiv10 = vm / 10;
      if (vpDiv10 <= vmDiv10) break;
      const uint32_t vmMod10 = uint32_t(vm - 10 * vmDiv10);
      const uint64_t vrDiv10 = vr / 10;
      const uint32_t vrMod10 = uint32_t(vr - 10 * vrDiv10);
      vmIsTrailingZeros &= vmMod10 == 0;
      vrIsTrailingZeros &= lastRemovedDigit == 0;
      lastRemovedDigit = uint8_t(vrMod10);
      vr = vrDiv10;
      vp = vpDiv10;
      vm = vmDiv10;
      ++removed;
    }
    if (vmIsTrailingZeros) {
      for (;;) {
        const uint64_t vmDiv10 = vm / 10;
        const uint32_t vmMod10 = uint32_t(vm - 10 * vmDiv10);
        if (vmMod10 != 0) break;
        const uint64_t vpDiv10 = vp / 10, vrDiv10 = vr / 10;
        const uint32_t vrMod10 = uint32_t(vr - 10 * vrDiv10);
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = uint8_t(vrMod10);
        vr = vrDiv10;
        vp = vpDiv10;
        vm = vmDiv10;
        ++removed;
      }
    }
    if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
      lastRemovedDigit = 4;  // the exact value is ...50..0: round half to even
    }
    output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5);
  } else {
    bool roundUp = false;
    for (;;) {
      const uint64_t vpDiv10 = vp / 10, vmDiv10 = vm / 10;
      if (vpDiv10 <= vmDiv10) break;
      const uint64_t vrDiv10 = vr / 10;
      const uint32_t vrMod10 = uint32_t(vr - 10 * vrDiv10);
      roundUp = vrMod10 >= 5;
      vr = vrDiv10;
      vp = vpDiv10;
      vm = vmDiv10;
      ++removed;
    }
    output = vr + (vr == vm || roundUp);
  }
  *outMantissa = output;
  *outExponent = e10 + removed;
}

}  // namespace ryu

void shortestDigits(double v, std::string* digits, int* decpt) {
  uint64_t mantissa = 0;
  int32_t exponent = 0;
  ryu::d2d(v, &mantissa, &exponent);
  *digits = std::to_string(mantissa);
  *decpt = int(digits->size()) + exponent;
  stripTrailingZeros(*digits);
}

DtoaResult dtoa(double v, int mode, int ndigits) {
  DtoaResult r;
  r.negative = std::signbit(v);
  if (std::isnan(v)) {
    r.special = 'n';
    return r;
  }
  if (std::isinf(v)) {
    r.special = 'i';
    return r;
  }
  if (v == 0) {
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  double a = std::fabs(v);
  if (mode == 0) {
    shortestDigits(a, &r.digits, &r.decpt);
  } else if (mode == 2) {
    int exp10 = 0;
    splitE(formatC("%.*e", std::max(ndigits, 1) - 1, a), &r.digits, &exp10);
    stripTrailingZeros(r.digits);
    r.decpt = exp10 + 1;
  } else {  // mode 3: ndigits digits after the point
    std::string s = formatC("%.*f", ndigits, a);
    size_t dot = s.find('.');
    std::string all = dot == std::string::npos ? s : s.substr(0, dot) + s.substr(dot + 1);
    int decpt = int(dot == std::string::npos ? s.size() : dot);
    size_t lead = 0;
    while (lead < all.size() && all[lead] == '0') ++lead;
    all.erase(0, lead);
    decpt -= int(lead);
    stripTrailingZeros(all);
    if (all.empty()) decpt = -ndigits;
    r.digits = std::move(all);
    r.decpt = decpt;
  }
  return r;
}

// format_float_short from Python/pystrtod.c.
std::string formatFloatShort(double d, char formatCode, int mode, int precision, bool alwaysAddSign,
                             bool addDot0IfInteger, bool useAltFormatting, bool noNegativeZero,
                             bool upper) {
  DtoaResult r = dtoa(d, mode, precision);
  std::string out;
  bool sign = r.negative;
  const std::string& digits = r.digits;
  const int64_t digitsLen = int64_t(digits.size());
  if (noNegativeZero && sign && !r.special &&
      (digitsLen == 0 || (digitsLen == 1 && digits[0] == '0'))) {
    sign = false;
  }
  if (r.special) {
    if (r.special == 'n') sign = false;  // the sign of a nan is ignored
    if (sign) out.push_back('-');
    else if (alwaysAddSign) out.push_back('+');
    out += r.special == 'i' ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    return out;
  }
  int64_t decpt = r.decpt;
  int64_t vdigitsEnd = digitsLen;
  bool useExp = false;
  int64_t exp = 0;
  switch (formatCode) {
    case 'e':
      useExp = true;
      vdigitsEnd = precision;
      break;
    case 'f':
      vdigitsEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0IfInteger ? precision - 1 : precision)) useExp = true;
      if (useAltFormatting) vdigitsEnd = precision;
      break;
    case 'r':
      // Exponent notation from 1e16 on.
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
    default:
      return out;
  }
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const int64_t vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0IfInteger) {
    vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  } else {
    vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;
  }
  out.reserve(size_t(vdigitsEnd - vdigitsStart) + 10);
  if (sign) out.push_back('-');
  else if (alwaysAddSign) out.push_back('+');
  if (decpt <= 0) {
    out.append(size_t(decpt - vdigitsStart), '0');
    out.push_back('.');
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vdigitsStart), '0');
  }
  if (0 < decpt && decpt <= digitsLen) {
    out.append(digits, 0, size_t(decpt));
    out.push_back('.');
    out.append(digits, size_t(decpt), std::string::npos);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out.append(size_t(decpt - digitsLen), '0');
    out.push_back('.');
    out.append(size_t(vdigitsEnd - decpt), '0');
  } else {
    out.append(size_t(vdigitsEnd - digitsLen), '0');
  }
  if (!out.empty() && out.back() == '.' && !useAltFormatting) out.pop_back();
  if (useExp) {
    out.push_back(upper ? 'E' : 'e');
    char buf[16];
    std::snprintf(buf, sizeof buf, "%+.02d", int(exp));
    out += buf;
  }
  return out;
}

// ---------------------------------------------------------------- number layout

struct LocaleInfo {
  char thousandsSep = 0;  // 0 = none
  int grouping = 0;       // group size, 0 = no grouping
};

LocaleInfo localeFor(char grouping, char32_t type) {
  LocaleInfo l;
  if (type == 'n') return l;  // LT_CURRENT_LOCALE in the C locale: no grouping
  if (grouping == ',') {
    l.thousandsSep = ',';
    l.grouping = 3;
  } else if (grouping == '_') {
    l.thousandsSep = '_';
    l.grouping = (type == 'b' || type == 'o' || type == 'x' || type == 'X') ? 4 : 3;
  }
  return l;
}

// _PyUnicode_InsertThousandsGrouping: the digits grouped from the right, left-padded with
// zeros (which are grouped too) up to minWidth characters.
std::string groupDigits(std::string_view digits, int64_t minWidth, const LocaleInfo& loc) {
  minWidth = std::max<int64_t>(0, minWidth);
  std::string rev;  // built right to left
  int64_t remaining = int64_t(digits.size());
  size_t pos = digits.size();
  bool useSep = false;
  auto emit = [&](int64_t len) {
    int64_t nZeros = std::max<int64_t>(0, len - remaining);
    int64_t nChars = std::max<int64_t>(0, std::min(remaining, len));
    if (useSep) rev.push_back(loc.thousandsSep);
    for (int64_t i = 0; i < nChars; ++i) rev.push_back(digits[--pos]);
    rev.append(size_t(nZeros), '0');
    useSep = true;
    remaining -= nChars;
  };
  bool broken = false;
  if (loc.grouping > 0) {
    for (;;) {
      int64_t len = std::min<int64_t>(loc.grouping,
                                      std::max<int64_t>(std::max(remaining, minWidth), 1));
      emit(len);
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) {
        broken = true;
        break;
      }
      minWidth -= 1;  // the separator
    }
  }
  if (!broken) emit(std::max<int64_t>(std::max(remaining, minWidth), 1));
  std::reverse(rev.begin(), rev.end());
  return rev;
}

// calc_number_widths + fill_number: [lpad][sign][prefix][spad][grouped digits][.][remainder]
// [rpad]. `numberSign` is '-' or 0 (the sign of the number itself); `remainder` is UTF-8.
std::string layoutNumber(char numberSign, std::string_view prefix, std::string_view digits,
                         bool hasDecimal, std::string_view remainder, const FormatSpec& spec,
                         const LocaleInfo& loc, bool toUpper) {
  char sign = 0;
  if (spec.sign == '+') sign = numberSign == '-' ? '-' : '+';
  else if (spec.sign == ' ') sign = numberSign == '-' ? '-' : ' ';
  else if (numberSign == '-') sign = '-';
  const int64_t nSign = sign ? 1 : 0;
  const int64_t nRemainder = int64_t(utf8Length(remainder));
  const int64_t nonDigit = nSign + int64_t(prefix.size()) + (hasDecimal ? 1 : 0) + nRemainder;
  const int64_t minWidth =
      (spec.fill == U'0' && spec.align == '=') ? spec.width - nonDigit : 0;
  std::string grouped;
  if (!digits.empty()) grouped = groupDigits(digits, minWidth, loc);
  const int64_t padding = spec.width - (nonDigit + int64_t(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<': rpad = padding; break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  std::string out;
  out.reserve(size_t(std::max<int64_t>(spec.width, 0)) + grouped.size() + remainder.size() + 8);
  appendFill(out, spec.fill, lpad);
  if (sign) out.push_back(sign);
  for (char c : prefix) out.push_back(toUpper && c >= 'a' && c <= 'z' ? char(c - 32) : c);
  appendFill(out, spec.fill, spad);
  for (char c : grouped) out.push_back(toUpper && c >= 'a' && c <= 'z' ? char(c - 32) : c);
  if (hasDecimal) out.push_back('.');
  out += remainder;
  appendFill(out, spec.fill, rpad);
  return out;
}

std::string typeChar(char32_t t) {
  char buf[32];
  if (t > 32 && t < 128) std::snprintf(buf, sizeof buf, "%c", char(t));
  else std::snprintf(buf, sizeof buf, "\\x%x", unsigned(t));
  return buf;
}

bool fail(FormatError* error, std::string message,
          FormatErrorKind kind = FormatErrorKind::ValueError) {
  if (error) {
    error->kind = kind;
    error->message = std::move(message);
  }
  return false;
}

std::string unknownPresentation(char32_t type, std::string_view typeName) {
  return "Unknown format code '" + typeChar(type) + "' for object of type '" +
         std::string(typeName) + "'";
}

std::string maxStrDigitsMessage(int limit) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase "
         "the limit";
}

// format_float_internal.
std::optional<std::string> formatFloatInternal(double val, const FormatSpec& spec,
                                               FormatError* error) {
  if (spec.precision > 2147483647) {
    fail(error, "precision too big");
    return std::nullopt;
  }
  int precision = int(spec.precision);
  int defaultPrecision = 6;
  unsigned flags = 0;
  char32_t type = spec.type;
  if (spec.alternate) flags |= kDtsfAlt;
  if (spec.noNegZero) flags |= kDtsfNoNegZero;
  if (type == 0) {
    // No type: like repr without precision, else like 'g' with at least one digit after the
    // point.
    flags |= kDtsfAddDot0;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type == 'n') type = 'g';
  bool addPct = false;
  if (type == '%') {
    type = 'f';
    val *= 100;
    addPct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type == 'r') type = 'g';
  std::string buf = doubleToString(val, char(type), precision, flags);
  if (addPct) buf.push_back('%');
  if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && spec.type != 'n' &&
      !spec.grouping) {
    return buf;  // fast path
  }
  std::string_view s(buf);
  char numberSign = 0;
  if (!s.empty() && s[0] == '-') {
    numberSign = '-';
    s.remove_prefix(1);
  }
  size_t p = 0;
  while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
  std::string_view digits = s.substr(0, p);
  bool hasDecimal = p < s.size() && s[p] == '.';
  std::string_view remainder = s.substr(p + (hasDecimal ? 1 : 0));
  LocaleInfo loc = localeFor(spec.grouping, spec.type);
  return layoutNumber(numberSign, "", digits, hasDecimal, remainder, spec, loc, false);
}

// format_long_internal, on the digits of |v| in the base of the type.
std::optional<std::string> formatIntegerDigits(bool negative, const std::string& digits,
                                               const FormatSpec& spec) {
  std::string_view prefix;
  if (spec.alternate) {
    if (spec.type == 'b') prefix = "0b";
    else if (spec.type == 'o') prefix = "0o";
    else if (spec.type == 'x' || spec.type == 'X') prefix = "0x";
  }
  LocaleInfo loc = localeFor(spec.grouping, spec.type);
  return layoutNumber(negative ? '-' : 0, prefix, digits, false, "", spec, loc,
                      spec.type == 'X');
}

int baseForType(char32_t type) {
  switch (type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x':
    case 'X': return 16;
    default: return 10;
  }
}

// The checks of format_long_internal before any digits are produced; for 'c' also the
// character. Returns false with *error set.
bool checkIntSpec(const FormatSpec& spec, FormatError* error) {
  if (spec.precision != -1) return fail(error, "Precision not allowed in integer format specifier");
  if (spec.noNegZero) {
    return fail(error, "Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (spec.type == 'c') {
    if (spec.sign) return fail(error, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      return fail(error, "Alternate form (#) not allowed with integer format specifier 'c'");
    }
  }
  return true;
}

std::optional<std::string> formatChar(int64_t x, const FormatSpec& spec, FormatError* error) {
  if (x < 0 || x > 0x10FFFF) {
    fail(error, "%c arg not in range(0x110000)", FormatErrorKind::OverflowError);
    return std::nullopt;
  }
  std::string ch;
  appendUtf8(ch, char32_t(x));
  LocaleInfo loc = localeFor(spec.grouping, spec.type);
  return layoutNumber(0, "", "", false, ch, spec, loc, false);
}

bool isIntType(char32_t t) {
  return t == 'b' || t == 'c' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n';
}
bool isFloatType(char32_t t) {
  return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

std::string_view defaultTypeName(FormatTarget target) {
  switch (target) {
    case FormatTarget::Int: return "int";
    case FormatTarget::Float: return "float";
    default: return "str";
  }
}

}  // namespace

// ---------------------------------------------------------------- public: floats to text

std::string doubleToString(double v, char code, int precision, unsigned flags) {
  bool upper = false;
  int mode = 0;
  switch (code) {
    case 'E': upper = true; code = 'e'; [[fallthrough]];
    case 'e':
      mode = 2;
      ++precision;
      break;
    case 'F': upper = true; code = 'f'; [[fallthrough]];
    case 'f': mode = 3; break;
    case 'G': upper = true; code = 'g'; [[fallthrough]];
    case 'g':
      mode = 2;
      if (precision == 0) precision = 1;
      break;
    case 'r':
      mode = 0;
      precision = 0;
      break;
    default: return std::string();
  }
  return formatFloatShort(v, code, mode, precision, flags & kDtsfSign, flags & kDtsfAddDot0,
                          flags & kDtsfAlt, flags & kDtsfNoNegZero, upper);
}

std::string floatRepr(double v) { return doubleToString(v, 'r', 0, kDtsfAddDot0); }

// ---------------------------------------------------------------- public: format specs

std::optional<FormatSpec> parseFormatSpec(std::string_view specText, std::string* error,
                                          FormatTarget target, std::string_view typeName) {
  if (typeName.empty()) typeName = defaultTypeName(target);
  const char defaultType = target == FormatTarget::Int ? 'd' : target == FormatTarget::Str ? 's' : 0;
  const char defaultAlign = target == FormatTarget::Str ? '<' : '>';
  auto setError = [&](std::string m) {
    if (error) *error = std::move(m);
    return std::nullopt;
  };
  const std::vector<char32_t> s = decodeUtf8(specText);
  const size_t end = s.size();
  size_t pos = 0;
  FormatSpec f;
  f.align = defaultAlign;
  f.type = char32_t(defaultType);
  auto isAlign = [](char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  bool alignSpecified = false, fillSpecified = false;
  if (end - pos >= 2 && isAlign(s[pos + 1])) {
    f.align = char(s[pos + 1]);
    f.fill = s[pos];
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(s[pos])) {
    f.align = char(s[pos]);
    alignSpecified = true;
    ++pos;
  }
  if (pos < end && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f.sign = char(s[pos++]);
  if (pos < end && s[pos] == 'z') {
    f.noNegZero = true;
    ++pos;
  }
  if (pos < end && s[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (!fillSpecified && pos < end && s[pos] == '0') {
    f.fill = U'0';
    if (!alignSpecified && defaultAlign == '>') f.align = '=';
    ++pos;
  }
  // get_integer: Unicode decimal digits, overflow past Py_ssize_t is an error.
  auto getInteger = [&](int64_t* result, bool* overflow) {
    int64_t acc = 0;
    int count = 0;
    *overflow = false;
    for (; pos < end; ++pos, ++count) {
      int d = unicodeDecimalValue(s[pos]);
      if (d < 0) break;
      if (acc > (INT64_MAX - d) / 10) {
        *overflow = true;
        return count;
      }
      acc = acc * 10 + d;
    }
    *result = acc;
    return count;
  };
  bool overflow = false;
  int64_t width = 0;
  int consumed = getInteger(&width, &overflow);
  if (overflow) return setError("Too many decimal digits in format string");
  f.width = consumed ? width : -1;
  if (pos < end && s[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && s[pos] == '_') {
    if (f.grouping) return setError("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && s[pos] == ',' && f.grouping == '_') {
    return setError("Cannot specify both ',' and '_'.");
  }
  if (pos < end && s[pos] == '.') {
    ++pos;
    int64_t precision = 0;
    consumed = getInteger(&precision, &overflow);
    if (overflow) return setError("Too many decimal digits in format string");
    if (consumed == 0) return setError("Format specifier missing precision");
    f.precision = precision;
  }
  if (end - pos > 1) {
    return setError("Invalid format specifier '" + std::string(specText) + "' for object of type '" +
                    std::string(typeName) + "'");
  }
  if (end - pos == 1) f.type = s[pos++];
  if (f.grouping) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == '_') break;
        [[fallthrough]];
      default:
        return setError(std::string("Cannot specify '") + f.grouping + "' with '" +
                        typeChar(f.type) + "'.");
    }
  }
  return f;
}

std::optional<std::string> formatInt(const BigInt& v, const FormatSpec& spec, FormatError* error,
                                     std::string_view typeName, int maxStrDigits) {
  if (isFloatType(spec.type)) {
    bool overflow = false;
    double d = v.toDouble(&overflow);
    if (overflow) {
      fail(error, "int too large to convert to float", FormatErrorKind::OverflowError);
      return std::nullopt;
    }
    return formatFloatInternal(d, spec, error);
  }
  if (!isIntType(spec.type)) {
    fail(error, unknownPresentation(spec.type, typeName));
    return std::nullopt;
  }
  if (!checkIntSpec(spec, error)) return std::nullopt;
  if (spec.type == 'c') {
    if (!v.fitsInt64()) {
      fail(error, "Python int too large to convert to C long", FormatErrorKind::OverflowError);
      return std::nullopt;
    }
    return formatChar(v.toInt64(), spec, error);
  }
  const int base = baseForType(spec.type);
  std::string digits = v.abs().toString(base);
  if (base == 10 && maxStrDigits > 0 && digits.size() > size_t(maxStrDigits)) {
    fail(error, maxStrDigitsMessage(maxStrDigits));
    return std::nullopt;
  }
  return formatIntegerDigits(v.isNegative(), digits, spec);
}

std::optional<std::string> formatInt(int64_t v, const FormatSpec& spec, FormatError* error,
                                     std::string_view typeName) {
  if (isFloatType(spec.type)) {
    // float(v): correctly rounded (BigInt's conversion does not depend on the platform's).
    return formatFloatInternal(BigInt(v).toDouble(), spec, error);
  }
  if (!isIntType(spec.type)) {
    fail(error, unknownPresentation(spec.type, typeName));
    return std::nullopt;
  }
  if (!checkIntSpec(spec, error)) return std::nullopt;
  if (spec.type == 'c') return formatChar(v, spec, error);
  const unsigned base = unsigned(baseForType(spec.type));
  uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  char buf[72];
  int n = 0;
  do {
    buf[n++] = "0123456789abcdef"[m % base];
    m /= base;
  } while (m);
  std::string digits(buf, size_t(n));
  std::reverse(digits.begin(), digits.end());
  return formatIntegerDigits(v < 0, digits, spec);
}

std::optional<std::string> formatFloat(double v, const FormatSpec& spec, FormatError* error,
                                       std::string_view typeName) {
  if (spec.type != 0 && spec.type != 'n' && !isFloatType(spec.type)) {
    fail(error, unknownPresentation(spec.type, typeName));
    return std::nullopt;
  }
  return formatFloatInternal(v, spec, error);
}

std::optional<std::string> formatStr(std::string_view utf8, const FormatSpec& spec,
                                     FormatError* error, std::string_view typeName) {
  if (spec.type != 's') {
    fail(error, unknownPresentation(spec.type, typeName));
    return std::nullopt;
  }
  if (spec.sign) {
    fail(error, spec.sign == ' ' ? "Space not allowed in string format specifier"
                                 : "Sign not allowed in string format specifier");
    return std::nullopt;
  }
  if (spec.noNegZero) {
    fail(error, "Negative zero coercion (z) not allowed in string format specifier");
    return std::nullopt;
  }
  if (spec.alternate) {
    fail(error, "Alternate form (#) not allowed in string format specifier");
    return std::nullopt;
  }
  if (spec.align == '=') {
    fail(error, "'=' alignment not allowed in string format specifier");
    return std::nullopt;
  }
  int64_t len = int64_t(utf8Length(utf8));
  if ((spec.width == -1 || spec.width <= len) && (spec.precision == -1 || spec.precision >= len)) {
    return std::string(utf8);
  }
  std::string_view text = utf8;
  if (spec.precision >= 0 && len >= spec.precision) {
    // Keep the first `precision` code points.
    size_t i = 0;
    int64_t cps = 0;
    while (i < text.size()) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        if (cps == spec.precision) break;
        ++cps;
      }
      ++i;
    }
    text = text.substr(0, i);
    len = spec.precision;
  }
  int64_t total = spec.width >= 0 && spec.width > len ? spec.width : len;
  int64_t lpad = spec.align == '>' ? total - len : spec.align == '^' ? (total - len) / 2 : 0;
  int64_t rpad = total - len - lpad;
  std::string out;
  appendFill(out, spec.fill, lpad);
  out += text;
  appendFill(out, spec.fill, rpad);
  return out;
}

std::optional<std::string> formatInt(const BigInt& v, std::string_view spec, FormatError* error,
                                     std::string_view typeName, int maxStrDigits) {
  if (spec.empty()) {
    std::string s = v.toString(10);
    if (maxStrDigits > 0 && s.size() - (v.isNegative() ? 1 : 0) > size_t(maxStrDigits)) {
      fail(error, maxStrDigitsMessage(maxStrDigits));
      return std::nullopt;
    }
    return s;
  }
  std::string message;
  auto parsed = parseFormatSpec(spec, &message, FormatTarget::Int, typeName);
  if (!parsed) {
    fail(error, std::move(message));
    return std::nullopt;
  }
  return formatInt(v, *parsed, error, typeName, maxStrDigits);
}

std::optional<std::string> formatInt(int64_t v, std::string_view spec, FormatError* error,
                                     std::string_view typeName) {
  if (spec.empty()) return std::to_string(v);
  std::string message;
  auto parsed = parseFormatSpec(spec, &message, FormatTarget::Int, typeName);
  if (!parsed) {
    fail(error, std::move(message));
    return std::nullopt;
  }
  return formatInt(v, *parsed, error, typeName);
}

std::optional<std::string> formatFloat(double v, std::string_view spec, FormatError* error,
                                       std::string_view typeName) {
  if (spec.empty()) return floatRepr(v);
  std::string message;
  auto parsed = parseFormatSpec(spec, &message, FormatTarget::Float, typeName);
  if (!parsed) {
    fail(error, std::move(message));
    return std::nullopt;
  }
  return formatFloat(v, *parsed, error, typeName);
}

std::optional<std::string> formatStr(std::string_view utf8, std::string_view spec,
                                     FormatError* error, std::string_view typeName) {
  if (spec.empty()) return std::string(utf8);
  std::string message;
  auto parsed = parseFormatSpec(spec, &message, FormatTarget::Str, typeName);
  if (!parsed) {
    fail(error, std::move(message));
    return std::nullopt;
  }
  return formatStr(utf8, *parsed, error, typeName);
}

// ---------------------------------------------------------------- public: text to numbers

namespace {

bool matchNoCase(std::string_view s, size_t pos, const char* word) {
  size_t n = std::strlen(word);
  if (s.size() - pos < n) return false;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// _Py_dg_strtod's grammar on an ASCII string without whitespace: [sign] digits [. digits]
// [e [sign] digits], at least one mantissa digit, exponent only if it has digits; or
// _Py_parse_inf_or_nan. Must consume all of s.
std::optional<double> parseFloatCore(std::string_view s) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  size_t mantStart = i;
  size_t intDigits = 0, fracDigits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++intDigits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++fracDigits;
  }
  if (intDigits + fracDigits == 0) {
    // inf / infinity / nan, any case.
    i = mantStart;
    double r;
    if (matchNoCase(s, i, "infinity")) {
      i += 8;
      r = HUGE_VAL;
    } else if (matchNoCase(s, i, "inf")) {
      i += 3;
      r = HUGE_VAL;
    } else if (matchNoCase(s, i, "nan")) {
      i += 3;
      r = std::nan("");
    } else {
      return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return neg ? -r : r;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    size_t expDigits = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j, ++expDigits;
    if (expDigits) i = j;
  }
  if (i != s.size()) return std::nullopt;
  std::string text(s);  // validated: plain decimal, so strtod reads exactly this
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace

std::optional<double> parseFloat(std::string_view utf8) {
  std::string s = transformDecimalAndSpace(utf8);
  // _Py_string_to_number_with_underscores: underscores only between digits.
  if (s.find('_') != std::string::npos) {
    std::string dup;
    char prev = 0;
    for (char c : s) {
      if (c == '_') {
        if (!(prev >= '0' && prev <= '9')) return std::nullopt;
      } else {
        dup.push_back(c);
        if (prev == '_' && !(c >= '0' && c <= '9')) return std::nullopt;
      }
      prev = c;
    }
    if (prev == '_') return std::nullopt;
    s = std::move(dup);
  }
  if (s.find('\0') != std::string::npos) return std::nullopt;
  size_t b = 0, e = s.size();
  while (b < e && asciiSpace(s[b])) ++b;
  while (e > b + 1 && asciiSpace(s[e - 1])) --e;
  return parseFloatCore(std::string_view(s).substr(b, e - b));
}

std::optional<BigInt> parseIntLiteral(std::string_view utf8, int base, IntParseError* error,
                                      size_t* digitCount, int maxStrDigits) {
  auto invalid = [&]() -> std::optional<BigInt> {
    if (error) *error = IntParseError::Invalid;
    return std::nullopt;
  };
  if (error) *error = IntParseError::None;
  if ((base != 0 && base < 2) || base > 36) return invalid();
  const std::string text = transformDecimalAndSpace(utf8);
  std::string_view s(text);
  size_t i = 0;
  auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
  while (i < s.size() && asciiSpace(s[i])) ++i;
  bool neg = false;
  if (at(i) == '+') ++i;
  else if (at(i) == '-') {
    neg = true;
    ++i;
  }
  bool errorIfNonzero = false;
  if (base == 0) {
    char c1 = at(i + 1);
    if (at(i) != '0') base = 10;
    else if (c1 == 'x' || c1 == 'X') base = 16;
    else if (c1 == 'o' || c1 == 'O') base = 8;
    else if (c1 == 'b' || c1 == 'B') base = 2;
    else {
      errorIfNonzero = true;  // "old" octal literal: only zero is allowed
      base = 10;
    }
  }
  if (at(i) == '0') {
    char c1 = at(i + 1);
    if ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
        (base == 2 && (c1 == 'b' || c1 == 'B'))) {
      i += 2;
      if (at(i) == '_') ++i;  // one underscore allowed after the prefix
    }
  }
  if (at(i) == '_') return invalid();
  auto digitVal = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
  };
  std::string digits;
  char prev = 0;
  size_t j = i;
  while (j < s.size() && (digitVal(s[j]) < base || s[j] == '_')) {
    if (s[j] == '_') {
      if (prev == '_') return invalid();
    } else {
      digits.push_back(s[j]);
    }
    prev = s[j];
    ++j;
  }
  if (prev == '_') return invalid();
  if ((base & (base - 1)) != 0 && maxStrDigits > 0 && digits.size() > size_t(maxStrDigits)) {
    if (error) *error = IntParseError::TooManyDigits;
    if (digitCount) *digitCount = digits.size();
    return std::nullopt;
  }
  if (digits.empty()) return invalid();
  std::optional<BigInt> value = BigInt::parse(digits, base);
  if (!value) return invalid();
  if (errorIfNonzero && !value->isZero()) return invalid();
  while (j < s.size() && asciiSpace(s[j])) ++j;
  if (j != s.size()) return invalid();
  return neg ? -*value : *value;
}

// ---------------------------------------------------------------- rounding

double roundHalfEven(double x, int64_t ndigits, bool* overflow) {
  if (overflow) *overflow = false;
  if (!std::isfinite(x)) return x;
  // Beyond these, x rounds to itself / to a signed zero (0.30103 > log10(2)).
  const int64_t kMax = int64_t((53 - (-1021)) * 0.30103);  // 323
  const int64_t kMin = -int64_t((1024 + 1) * 0.30103);     // -308
  if (ndigits > kMax) return x;
  if (ndigits < kMin) return 0.0 * x;
  double rounded;
  if (ndigits >= 0) {
    // "%.*f" is dtoa mode 3: the exact value rounded half-even to ndigits decimals.
    std::string s = formatC("%.*f", int(ndigits), x);
    rounded = std::strtod(s.c_str(), nullptr);
  } else {
    // Round the exact integer part at 10^k; a nonzero fraction only breaks ties.
    const int k = int(-ndigits);
    const double a = std::fabs(x);
    const double t = std::trunc(a);
    const bool sticky = a != t;
    std::string d = formatC("%.*f", 0, t);  // exact: t is an integer
    std::string kept;
    if (int(d.size()) > k) {
      kept = d.substr(0, d.size() - size_t(k));
      std::string_view dropped(d.data() + kept.size(), size_t(k));
      int cmpHalf;  // dropped part (with the fraction) against 5000...
      if (dropped[0] != '5') {
        cmpHalf = dropped[0] > '5' ? 1 : -1;
      } else {
        bool rest = sticky || dropped.find_first_not_of('0', 1) != std::string_view::npos;
        cmpHalf = rest ? 1 : 0;
      }
      bool up = cmpHalf > 0 || (cmpHalf == 0 && (kept.back() - '0') % 2 == 1);
      if (up) {
        int p = int(kept.size()) - 1;
        while (p >= 0 && kept[size_t(p)] == '9') kept[size_t(p--)] = '0';
        if (p < 0) kept.insert(kept.begin(), '1');
        else ++kept[size_t(p)];
      }
    } else if (int(d.size()) == k && d[0] >= '5' &&
               (d[0] > '5' || sticky || d.find_first_not_of('0', 1) != std::string::npos)) {
      kept = "1";  // above half of 10^k (exactly half rounds to the even 0)
    } else {
      kept = "0";
    }
    std::string s = kept + "e" + std::to_string(k);
    rounded = std::strtod(s.c_str(), nullptr);
    rounded = std::copysign(rounded, x);
  }
  if (std::isinf(rounded)) {
    if (overflow) *overflow = true;
  }
  return rounded;
}

double roundToIntegral(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return rounded;
}

// ---------------------------------------------------------------- Unicode helpers

int unicodeDecimalValue(char32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c < 0x660) return -1;
  // The zero of every run of ten Nd digits in Unicode 14.0 (generated with unicodedata).
  static const char32_t kZeros[] = {
      0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,
      0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,
      0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,
      0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,
      0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
      0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
      0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0,
      0x1e950, 0x1fbf0};
  const char32_t* end = kZeros + sizeof kZeros / sizeof kZeros[0];
  const char32_t* it = std::upper_bound(kZeros, end, c);
  if (it == kZeros) return -1;
  char32_t zero = *(it - 1);
  return c - zero < 10 ? int(c - zero) : -1;
}

bool unicodeIsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

size_t utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace interleave::lang
