#include "virtual_time.h"

#include <cstdlib>

namespace interleave {

std::string formatFixed(Nanos value, Nanos unit, int decimals) {
  Nanos scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  bool negative = value < 0;
  // Work in unsigned to survive INT64_MIN; round half away from zero.
  unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(value)
                                  : static_cast<unsigned long long>(value);
  unsigned long long u = static_cast<unsigned long long>(unit);
  unsigned long long whole = v / u;
  unsigned long long rem = v % u;
  // fraction = rem * scale / u, rounded (rem < u, scale <= 1e9: use 128-bit safe split)
  unsigned long long frac = 0;
  {
    // long division digit by digit keeps it exact without overflow
    unsigned long long r = rem;
    for (int i = 0; i < decimals; ++i) {
      r *= 10;
      frac = frac * 10 + r / u;
      r %= u;
    }
    if (r * 2 >= u) {
      ++frac;
      if (frac == static_cast<unsigned long long>(scale)) {
        frac = 0;
        ++whole;
      }
    }
  }
  std::string out = negative && (whole != 0 || frac != 0) ? "-" : "";
  out += std::to_string(whole);
  if (decimals > 0) {
    std::string f = std::to_string(frac);
    out += '.';
    out.append(static_cast<size_t>(decimals) - f.size(), '0');
    out += f;
  }
  return out;
}

std::string formatDuration(Nanos ns) {
  struct Unit { Nanos size; const char* name; };
  static const Unit units[] = {{kSecond, "s"}, {kMillisecond, "ms"}, {kMicrosecond, "us"}};
  Nanos mag = ns < 0 ? -ns : ns;
  for (const Unit& u : units) {
    if (mag >= u.size) {
      std::string s = formatFixed(ns, u.size, 3);
      // trim trailing zeros and a trailing dot: "5.000" -> "5", "1.250" -> "1.25"
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
      return s + u.name;
    }
  }
  return std::to_string(ns) + "ns";
}

bool parseDuration(std::string_view text, Nanos* out) {
  struct Unit { const char* suffix; Nanos size; };
  static const Unit units[] = {{"ns", 1}, {"us", kMicrosecond}, {"µs", kMicrosecond},
                               {"ms", kMillisecond}, {"s", kSecond}};
  Nanos unit = kSecond;
  std::string_view number = text;
  for (const Unit& u : units) {
    std::string_view suf(u.suffix);
    if (text.size() > suf.size() && text.substr(text.size() - suf.size()) == suf) {
      unit = u.size;
      number = text.substr(0, text.size() - suf.size());
      break;
    }
  }
  if (number.empty()) return false;
  // decimal number, parsed exactly: whole part and up to 9 fractional digits
  unsigned long long whole = 0, frac = 0, fracScale = 1;
  size_t i = 0;
  bool any = false;
  for (; i < number.size() && number[i] >= '0' && number[i] <= '9'; ++i) {
    whole = whole * 10 + static_cast<unsigned>(number[i] - '0');
    if (whole > 1000000000000ULL) return false;
    any = true;
  }
  if (i < number.size() && number[i] == '.') {
    ++i;
    for (; i < number.size() && number[i] >= '0' && number[i] <= '9'; ++i) {
      if (fracScale < 1000000000ULL) {
        frac = frac * 10 + static_cast<unsigned>(number[i] - '0');
        fracScale *= 10;
      }
      any = true;
    }
  }
  if (!any || i != number.size()) return false;
  unsigned long long total = whole * static_cast<unsigned long long>(unit) +
                             frac * static_cast<unsigned long long>(unit) / fracScale;
  if (total > static_cast<unsigned long long>(INT64_MAX / 2)) return false;
  *out = static_cast<Nanos>(total);
  return true;
}

}  // namespace interleave
