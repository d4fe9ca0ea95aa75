// BigInt: schoolbook and Karatsuba multiplication, Knuth's algorithm D for division, chunked
// radix conversion. Everything is integer arithmetic except the two conversions to double,
// which round explicitly and finish with an exact ldexp, so results are identical natively and
// in wasm.
#include "bigint.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace interleave::lang {

namespace {

using Limbs = std::vector<uint32_t>;
constexpr size_t kKaratsubaThreshold = 40;  // limbs of the shorter operand

void trimLimbs(Limbs& v) {
  while (!v.empty() && v.back() == 0) v.pop_back();
}

size_t trimmedSize(const uint32_t* p, size_t n) {
  while (n > 0 && p[n - 1] == 0) --n;
  return n;
}

int cmpMag(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
  na = trimmedSize(a, na);
  nb = trimmedSize(b, nb);
  if (na != nb) return na < nb ? -1 : 1;
  for (size_t i = na; i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

int cmpMag(const Limbs& a, const Limbs& b) { return cmpMag(a.data(), a.size(), b.data(), b.size()); }

Limbs addMag(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  Limbs r(na + 1);
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < nb; ++i) {
    uint64_t t = uint64_t(a[i]) + b[i] + carry;
    r[i] = uint32_t(t);
    carry = t >> 32;
  }
  for (; i < na; ++i) {
    uint64_t t = uint64_t(a[i]) + carry;
    r[i] = uint32_t(t);
    carry = t >> 32;
  }
  r[na] = uint32_t(carry);
  trimLimbs(r);
  return r;
}

Limbs addMag(const Limbs& a, const Limbs& b) { return addMag(a.data(), a.size(), b.data(), b.size()); }

// a - b, requires |a| >= |b|.
Limbs subMag(const Limbs& a, const Limbs& b) {
  Limbs r(a.size());
  int64_t borrow = 0;
  size_t i = 0;
  for (; i < b.size(); ++i) {
    int64_t t = int64_t(a[i]) - b[i] - borrow;
    borrow = t < 0;
    r[i] = uint32_t(t + (borrow << 32));
  }
  for (; i < a.size(); ++i) {
    int64_t t = int64_t(a[i]) - borrow;
    borrow = t < 0;
    r[i] = uint32_t(t + (borrow << 32));
  }
  trimLimbs(r);
  return r;
}

// out[0..nout) += x[0..nx); the sum must fit in nout limbs.
void addInto(uint32_t* out, size_t nout, const uint32_t* x, size_t nx) {
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < nx; ++i) {
    uint64_t t = uint64_t(out[i]) + x[i] + carry;
    out[i] = uint32_t(t);
    carry = t >> 32;
  }
  for (; carry && i < nout; ++i) {
    uint64_t t = uint64_t(out[i]) + carry;
    out[i] = uint32_t(t);
    carry = t >> 32;
  }
}

// out[0..nout) -= x[0..nx); the result must be non-negative.
void subInto(uint32_t* out, size_t nout, const uint32_t* x, size_t nx) {
  int64_t borrow = 0;
  size_t i = 0;
  for (; i < nx; ++i) {
    int64_t t = int64_t(out[i]) - x[i] - borrow;
    borrow = t < 0;
    out[i] = uint32_t(t + (borrow << 32));
  }
  for (; borrow && i < nout; ++i) {
    int64_t t = int64_t(out[i]) - borrow;
    borrow = t < 0;
    out[i] = uint32_t(t + (borrow << 32));
  }
}

// out[0..na+nb) = a * b; out must be zeroed.
void mulSchool(const uint32_t* a, size_t na, const uint32_t* b, size_t nb, uint32_t* out) {
  for (size_t i = 0; i < na; ++i) {
    uint64_t carry = 0;
    uint64_t ai = a[i];
    if (ai == 0) continue;
    for (size_t j = 0; j < nb; ++j) {
      uint64_t t = ai * b[j] + out[i + j] + carry;
      out[i + j] = uint32_t(t);
      carry = t >> 32;
    }
    out[i + nb] = uint32_t(carry);
  }
}

// Returns a * b in exactly na + nb limbs (not trimmed).
Limbs mulKaratsuba(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  Limbs out(na + nb, 0);
  if (nb == 0) return out;
  if (nb < kKaratsubaThreshold) {
    mulSchool(a, na, b, nb, out.data());
    return out;
  }
  if (na >= 2 * nb) {
    // Unbalanced: multiply nb-limb slices of a by b.
    for (size_t i = 0; i < na; i += nb) {
      size_t len = std::min(nb, na - i);
      Limbs p = mulKaratsuba(a + i, len, b, nb);
      size_t np = trimmedSize(p.data(), p.size());
      addInto(out.data() + i, na + nb - i, p.data(), np);
    }
    return out;
  }
  // Balanced: a = a1*B^m + a0, b = b1*B^m + b0 with m = na/2 < nb.
  size_t m = na / 2;
  Limbs z0 = mulKaratsuba(a, m, b, m);
  Limbs z2 = mulKaratsuba(a + m, na - m, b + m, nb - m);
  Limbs sa = addMag(a, trimmedSize(a, m), a + m, na - m);
  Limbs sb = addMag(b, trimmedSize(b, m), b + m, nb - m);
  Limbs z1 = mulKaratsuba(sa.data(), sa.size(), sb.data(), sb.size());
  subInto(z1.data(), z1.size(), z0.data(), trimmedSize(z0.data(), z0.size()));
  subInto(z1.data(), z1.size(), z2.data(), trimmedSize(z2.data(), z2.size()));
  std::copy(z0.begin(), z0.end(), out.begin());
  std::copy(z2.begin(), z2.end(), out.begin() + 2 * m);
  addInto(out.data() + m, na + nb - m, z1.data(), trimmedSize(z1.data(), z1.size()));
  return out;
}

Limbs mulMag(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  Limbs r = mulKaratsuba(a.data(), a.size(), b.data(), b.size());
  trimLimbs(r);
  return r;
}

// In place: a = a * m + add.
void mulAddSmall(Limbs& a, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (auto& limb : a) {
    uint64_t t = uint64_t(limb) * m + carry;
    limb = uint32_t(t);
    carry = t >> 32;
  }
  if (carry) a.push_back(uint32_t(carry));
}

// In place: a /= d, returns the remainder. d != 0.
uint32_t divSmall(Limbs& a, uint32_t d) {
  uint64_t rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | a[i];
    a[i] = uint32_t(cur / d);
    rem = cur % d;
  }
  trimLimbs(a);
  return uint32_t(rem);
}

// divSmall for the decimal chunk divisor: a compile-time constant lets the compiler replace the
// 64-bit division by a multiplication.
uint32_t divBillion(Limbs& a) {
  constexpr uint64_t kBillion = 1000000000u;
  uint64_t rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | a[i];
    uint64_t q = cur / kBillion;
    a[i] = uint32_t(q);
    rem = cur - q * kBillion;
  }
  trimLimbs(a);
  return uint32_t(rem);
}

// Knuth's algorithm D (after Hacker's Delight divmnu): |u| / |v| for v with >= 2 limbs and
// u >= v. Either output may be null.
void divKnuth(const Limbs& u, const Limbs& v, Limbs* q, Limbs* r) {
  const size_t n = v.size(), m = u.size();
  const int s = std::countl_zero(v[n - 1]);
  Limbs vn(n), un(m + 1);
  for (size_t i = n - 1; i > 0; --i) {
    vn[i] = s ? (v[i] << s) | (v[i - 1] >> (32 - s)) : v[i];
  }
  vn[0] = v[0] << s;
  un[m] = s ? u[m - 1] >> (32 - s) : 0;
  for (size_t i = m - 1; i > 0; --i) {
    un[i] = s ? (u[i] << s) | (u[i - 1] >> (32 - s)) : u[i];
  }
  un[0] = u[0] << s;

  Limbs quot(m - n + 1, 0);
  const uint64_t kBase = uint64_t(1) << 32;
  for (size_t jj = m - n + 1; jj-- > 0;) {
    const size_t j = jj;
    uint64_t num = (uint64_t(un[j + n]) << 32) | un[j + n - 1];
    uint64_t qhat = num / vn[n - 1];
    uint64_t rhat = num - qhat * vn[n - 1];
    while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= kBase) break;
    }
    int64_t k = 0, t = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * vn[i];
      t = int64_t(un[i + j]) - k - int64_t(p & 0xFFFFFFFFu);
      un[i + j] = uint32_t(t);
      k = int64_t(p >> 32) - (t >> 32);
    }
    t = int64_t(un[j + n]) - k;
    un[j + n] = uint32_t(t);
    if (t < 0) {
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        uint64_t sum = uint64_t(un[i + j]) + vn[i] + c;
        un[i + j] = uint32_t(sum);
        c = sum >> 32;
      }
      un[j + n] = uint32_t(un[j + n] + c);
    }
    quot[j] = uint32_t(qhat);
  }
  if (q) {
    trimLimbs(quot);
    *q = std::move(quot);
  }
  if (r) {
    Limbs rem(n);
    for (size_t i = 0; i < n; ++i) {
      rem[i] = s ? (un[i] >> s) | (un[i + 1] << (32 - s)) : un[i];
    }
    trimLimbs(rem);
    *r = std::move(rem);
  }
}

// Truncating division of magnitudes; b non-empty.
void divmodMag(const Limbs& a, const Limbs& b, Limbs* q, Limbs* r) {
  if (cmpMag(a, b) < 0) {
    if (r) *r = a;
    if (q) q->clear();
    return;
  }
  if (b.size() == 1) {
    Limbs quot = a;
    uint32_t rem = divSmall(quot, b[0]);
    if (r) {
      r->clear();
      if (rem) r->push_back(rem);
    }
    if (q) *q = std::move(quot);
    return;
  }
  divKnuth(a, b, q, r);
}

// Decimal digits of x (chunked division by 10^9), left-padded with zeros to `width` if given.
void appendDecimalSmall(Limbs x, size_t width, std::string& out) {
  std::vector<uint32_t> chunks;
  while (!x.empty()) chunks.push_back(divBillion(x));
  std::string s;
  char buf[16];
  for (size_t i = chunks.size(); i-- > 0;) {
    uint32_t c = chunks[i];
    int len = 0;
    do {
      buf[len++] = char('0' + c % 10);
      c /= 10;
    } while (c);
    if (i != chunks.size() - 1) {
      while (len < 9) buf[len++] = '0';
    }
    while (len > 0) s.push_back(buf[--len]);
  }
  if (s.size() < width) out.append(width - s.size(), '0');
  out += s;
}

// Divide and conquer: x < pows[k]^2 where pows[k] = 10^(9 * 2^k). Splitting by pows[k] turns
// the quadratic number of single-limb divisions into Knuth divisions (multiply-adds).
void appendDecimal(const Limbs& x, const std::vector<Limbs>& pows, int k, size_t width,
                   std::string& out) {
  if (k < 0 || x.size() <= 30) {
    appendDecimalSmall(x, width, out);
    return;
  }
  const size_t lowWidth = size_t(9) << k;
  if (cmpMag(x, pows[size_t(k)]) < 0) {
    appendDecimal(x, pows, k - 1, width, out);
    return;
  }
  Limbs q, r;
  divmodMag(x, pows[size_t(k)], &q, &r);
  appendDecimal(q, pows, k - 1, width > lowWidth ? width - lowWidth : 0, out);
  appendDecimal(r, pows, k - 1, lowWidth, out);
}

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

Limbs shiftLeftMag(const Limbs& a, uint64_t n) {
  if (a.empty()) return {};
  size_t limbs = size_t(n / 32);
  int bits = int(n % 32);
  Limbs r(a.size() + limbs + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t v = uint64_t(a[i]) << bits;
    r[i + limbs] |= uint32_t(v);
    r[i + limbs + 1] |= uint32_t(v >> 32);
  }
  trimLimbs(r);
  return r;
}

// |a| >> n; *lost is set if any one bit was shifted out.
Limbs shiftRightMag(const Limbs& a, uint64_t n, bool* lost) {
  size_t limbs = n / 32 > a.size() ? a.size() : size_t(n / 32);
  int bits = int(n % 32);
  bool any = false;
  for (size_t i = 0; i < limbs && !any; ++i) any = a[i] != 0;
  if (limbs >= a.size()) {
    if (lost) *lost = any;
    return {};
  }
  if (bits && (a[limbs] & ((uint32_t(1) << bits) - 1))) any = true;
  Limbs r(a.size() - limbs);
  for (size_t i = 0; i < r.size(); ++i) {
    uint64_t lo = a[i + limbs];
    uint64_t hi = i + limbs + 1 < a.size() ? a[i + limbs + 1] : 0;
    r[i] = uint32_t(((hi << 32) | lo) >> bits);
  }
  trimLimbs(r);
  if (lost) *lost = any;
  return r;
}

uint64_t bitLengthMag(const Limbs& a) {
  if (a.empty()) return 0;
  return uint64_t(a.size() - 1) * 32 + uint64_t(32 - std::countl_zero(a.back()));
}

// The top `count` (<= 64) bits of |a| starting at bit `from` (bits below are ignored).
uint64_t bitsAt(const Limbs& a, uint64_t from, int count) {
  uint64_t v = 0;
  for (int i = count - 1; i >= 0; --i) {
    uint64_t bit = from + uint64_t(i);
    size_t limb = size_t(bit / 32);
    uint32_t b = limb < a.size() ? (a[limb] >> (bit % 32)) & 1u : 0;
    v = (v << 1) | b;
  }
  return v;
}

bool anyBitsBelow(const Limbs& a, uint64_t n) {
  size_t limbs = size_t(std::min<uint64_t>(n / 32, a.size()));
  for (size_t i = 0; i < limbs; ++i) {
    if (a[i]) return true;
  }
  if (limbs < a.size() && n % 32) return (a[limbs] & ((uint32_t(1) << (n % 32)) - 1)) != 0;
  return false;
}

// Two's complement of x in n limbs (sign-extended).
Limbs toTwos(const BigInt& x, size_t n) {
  Limbs v(n, 0);
  const Limbs& m = x.magnitude();
  std::copy(m.begin(), m.end(), v.begin());
  if (x.isNegative()) {
    uint64_t carry = 1;
    for (auto& limb : v) {
      uint64_t t = uint64_t(uint32_t(~limb)) + carry;
      limb = uint32_t(t);
      carry = t >> 32;
    }
  }
  return v;
}

}  // namespace

// ---- construction and conversion ----

BigInt::BigInt(int64_t v) {
  uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  if (m) {
    mag_.push_back(uint32_t(m));
    if (m >> 32) mag_.push_back(uint32_t(m >> 32));
  }
  neg_ = v < 0;
}

BigInt BigInt::fromU64(uint64_t v) {
  BigInt r;
  if (v) {
    r.mag_.push_back(uint32_t(v));
    if (v >> 32) r.mag_.push_back(uint32_t(v >> 32));
  }
  return r;
}

BigInt BigInt::make(std::vector<uint32_t> mag, bool neg) {
  BigInt r;
  r.mag_ = std::move(mag);
  r.trim();
  r.neg_ = neg && !r.mag_.empty();
  return r;
}

void BigInt::trim() {
  trimLimbs(mag_);
  if (mag_.empty()) neg_ = false;
}

BigInt BigInt::fromDouble(double d) {
  double t = std::trunc(d);
  if (!(std::fabs(t) < 9223372036854775808.0)) {
    if (!std::isfinite(t)) return BigInt();
    int e = 0;
    double m = std::frexp(std::fabs(t), &e);  // |t| = m * 2^e, m in [0.5, 1)
    uint64_t mant = uint64_t(std::ldexp(m, 53));
    BigInt r = fromU64(mant).shiftLeft(uint64_t(e - 53));
    if (t < 0) r.neg_ = true;
    return r;
  }
  return BigInt(int64_t(t));
}

std::optional<BigInt> BigInt::parse(std::string_view digits, int base) {
  if (base < 2 || base > 36 || digits.empty()) return std::nullopt;
  for (char c : digits) {
    if (digitValue(c) >= base) return std::nullopt;
  }
  BigInt r;
  if ((base & (base - 1)) == 0) {
    int bitsPer = std::countr_zero(unsigned(base));
    uint64_t totalBits = uint64_t(digits.size()) * bitsPer;
    r.mag_.assign(size_t(totalBits / 32 + 1), 0);
    uint64_t bit = 0;
    for (size_t i = digits.size(); i-- > 0;) {
      uint64_t v = uint64_t(digitValue(digits[i]));
      size_t limb = size_t(bit / 32);
      int off = int(bit % 32);
      r.mag_[limb] |= uint32_t(v << off);
      if (off + bitsPer > 32) r.mag_[limb + 1] |= uint32_t(v >> (32 - off));
      bit += uint64_t(bitsPer);
    }
    r.trim();
    return r;
  }
  // Chunks of k digits, base^k < 2^32.
  uint32_t chunkMul = uint32_t(base);
  int k = 1;
  while (uint64_t(chunkMul) * uint64_t(base) <= 0xFFFFFFFFu) {
    chunkMul *= uint32_t(base);
    ++k;
  }
  r.mag_.reserve(digits.size() / 9 + 2);
  size_t i = 0;
  size_t first = digits.size() % size_t(k);
  if (first == 0) first = size_t(k);
  while (i < digits.size()) {
    size_t len = i == 0 ? first : size_t(k);
    uint32_t chunk = 0, mul = 1;
    for (size_t j = 0; j < len; ++j) {
      chunk = chunk * uint32_t(base) + uint32_t(digitValue(digits[i + j]));
      mul *= uint32_t(base);
    }
    mulAddSmall(r.mag_, mul, chunk);
    i += len;
  }
  r.trim();
  return r;
}

bool BigInt::fitsInt64() const {
  if (mag_.size() <= 1) return true;
  if (mag_.size() > 2) return false;
  uint64_t m = lowU64();
  return neg_ ? m <= (uint64_t(1) << 63) : m < (uint64_t(1) << 63);
}

int64_t BigInt::toInt64() const {
  uint64_t m = lowU64();
  return neg_ ? int64_t(uint64_t(0) - m) : int64_t(m);
}

uint64_t BigInt::lowU64() const {
  uint64_t m = 0;
  if (!mag_.empty()) m = mag_[0];
  if (mag_.size() > 1) m |= uint64_t(mag_[1]) << 32;
  return m;
}

double BigInt::toDouble(bool* overflow) const {
  if (overflow) *overflow = false;
  uint64_t nbits = bitLength();
  if (nbits == 0) return 0.0;
  double r;
  if (nbits <= 53) {
    r = double(lowU64());  // exact
  } else {
    // Keep 54 bits (53 + the rounding bit) plus a sticky bit, round half to even.
    uint64_t shift = nbits - 54;
    uint64_t m = bitsAt(mag_, shift, 54);
    bool sticky = anyBitsBelow(mag_, shift);
    bool roundBit = m & 1;
    m >>= 1;
    uint64_t e = shift + 1;
    if (roundBit && (sticky || (m & 1))) {
      ++m;
      if (m == (uint64_t(1) << 53)) {
        m >>= 1;
        ++e;
      }
    }
    if (e + 53 > 1024) {  // m * 2^e >= 2^1024
      if (overflow) *overflow = true;
      return neg_ ? -HUGE_VAL : HUGE_VAL;
    }
    r = std::ldexp(double(m), int(e));
  }
  return neg_ ? -r : r;
}

std::string BigInt::toString(int base) const {
  if (base < 2 || base > 36) base = 10;
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  if (mag_.empty()) return "0";
  std::string out;
  if ((base & (base - 1)) == 0) {
    int bitsPer = std::countr_zero(unsigned(base));
    uint64_t nbits = bitLength();
    uint64_t ndigits = (nbits + uint64_t(bitsPer) - 1) / uint64_t(bitsPer);
    out.reserve(size_t(ndigits) + 1);
    for (uint64_t d = ndigits; d-- > 0;) {
      out.push_back(kDigits[bitsAt(mag_, d * uint64_t(bitsPer), bitsPer)]);
    }
  } else {
    uint32_t chunkDiv = uint32_t(base);
    int k = 1;
    while (uint64_t(chunkDiv) * uint64_t(base) <= 0xFFFFFFFFu) {
      chunkDiv *= uint32_t(base);
      ++k;
    }
    Limbs work = mag_;
    std::vector<uint32_t> chunks;
    chunks.reserve(work.size() * 32 / size_t(k) + 2);
    if (base == 10) {
      std::vector<Limbs> pows{Limbs{1000000000u}};
      if (mag_.size() > 30) {
        for (;;) {
          Limbs sq = mulMag(pows.back(), pows.back());
          if (cmpMag(sq, mag_) > 0) break;
          pows.push_back(std::move(sq));
        }
      }
      if (neg_) out.push_back('-');
      appendDecimal(mag_, pows, int(pows.size()) - 1, 0, out);
      return out;
    }
    while (!work.empty()) chunks.push_back(divSmall(work, chunkDiv));
    out.reserve(chunks.size() * size_t(k) + 1);
    char buf[40];
    for (size_t i = chunks.size(); i-- > 0;) {
      uint32_t c = chunks[i];
      int len = 0;
      do {
        buf[len++] = kDigits[c % uint32_t(base)];
        c /= uint32_t(base);
      } while (c);
      if (i != chunks.size() - 1) {
        while (len < k) buf[len++] = '0';
      }
      while (len > 0) out.push_back(buf[--len]);
    }
  }
  if (neg_) out.insert(out.begin(), '-');
  return out;
}

uint64_t BigInt::bitLength() const { return bitLengthMag(mag_); }

uint64_t BigInt::bitCount() const {
  uint64_t n = 0;
  for (uint32_t limb : mag_) n += uint64_t(std::popcount(limb));
  return n;
}

namespace {
constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
}

int64_t BigInt::hash() const {
  uint64_t x = 0;
  for (size_t i = mag_.size(); i-- > 0;) {
    // x = (x * 2^32 + limb) mod (2^61 - 1): multiplying by 2^32 is a rotation in 61 bits.
    x = ((x << 32) & kHashModulus) | (x >> 29);
    x += mag_[i];
    if (x >= kHashModulus) x -= kHashModulus;
  }
  int64_t h = neg_ ? -int64_t(x) : int64_t(x);
  return h == -1 ? -2 : h;
}

int64_t BigInt::hashInt64(int64_t v) {
  uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  uint64_t x = m % kHashModulus;
  int64_t h = v < 0 ? -int64_t(x) : int64_t(x);
  return h == -1 ? -2 : h;
}

// ---- comparison and arithmetic ----

int BigInt::compare(const BigInt& a, const BigInt& b) {
  if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
  int c = cmpMag(a.mag_, b.mag_);
  return a.neg_ ? -c : c;
}

int BigInt::compareWithDouble(const BigInt& a, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (a.bitLength() <= 53) {
    double ad = a.toDouble();
    return ad < d ? -1 : (ad > d ? 1 : 0);
  }
  // |a| >= 2^53: compare with the integer part of d, then let the fraction decide ties.
  double t = std::trunc(d);
  int c = compare(a, fromDouble(t));
  if (c != 0) return c;
  double frac = d - t;
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

BigInt BigInt::operator-() const {
  BigInt r = *this;
  if (!r.mag_.empty()) r.neg_ = !r.neg_;
  return r;
}

BigInt BigInt::abs() const {
  BigInt r = *this;
  r.neg_ = false;
  return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  if (a.neg_ == b.neg_) return BigInt::make(addMag(a.mag_, b.mag_), a.neg_);
  int c = cmpMag(a.mag_, b.mag_);
  if (c == 0) return BigInt();
  if (c > 0) return BigInt::make(subMag(a.mag_, b.mag_), a.neg_);
  return BigInt::make(subMag(b.mag_, a.mag_), b.neg_);
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt::make(mulMag(a.mag_, b.mag_), a.neg_ != b.neg_);
}

namespace {
enum class BitOp { And, Or, Xor };

// Python's infinite two's-complement semantics: operate on sign-extended limbs one longer than
// either operand, then convert back. Returns the magnitude; *neg receives the sign.
Limbs bitwiseMag(const BigInt& a, const BigInt& b, BitOp op, bool* neg) {
  size_t n = std::max(a.magnitude().size(), b.magnitude().size()) + 1;
  Limbs x = toTwos(a, n), y = toTwos(b, n);
  for (size_t i = 0; i < n; ++i) {
    switch (op) {
      case BitOp::And: x[i] &= y[i]; break;
      case BitOp::Or: x[i] |= y[i]; break;
      case BitOp::Xor: x[i] ^= y[i]; break;
    }
  }
  *neg = (x[n - 1] >> 31) != 0;
  if (*neg) {
    uint64_t carry = 1;
    for (auto& limb : x) {
      uint64_t t = uint64_t(uint32_t(~limb)) + carry;
      limb = uint32_t(t);
      carry = t >> 32;
    }
  }
  return x;
}
}  // namespace

BigInt operator&(const BigInt& a, const BigInt& b) {
  bool neg = false;
  Limbs m = bitwiseMag(a, b, BitOp::And, &neg);
  return BigInt::make(std::move(m), neg);
}

BigInt operator|(const BigInt& a, const BigInt& b) {
  bool neg = false;
  Limbs m = bitwiseMag(a, b, BitOp::Or, &neg);
  return BigInt::make(std::move(m), neg);
}

BigInt operator^(const BigInt& a, const BigInt& b) {
  bool neg = false;
  Limbs m = bitwiseMag(a, b, BitOp::Xor, &neg);
  return BigInt::make(std::move(m), neg);
}

BigInt BigInt::operator~() const { return -*this - BigInt(1); }

BigInt BigInt::shiftLeft(uint64_t n) const { return make(shiftLeftMag(mag_, n), neg_); }

BigInt BigInt::shiftRight(uint64_t n) const {
  bool lost = false;
  Limbs m = shiftRightMag(mag_, n, &lost);
  if (neg_ && lost) {  // floor: -((|a| >> n) + 1) when bits were lost
    Limbs one{1};
    m = addMag(m, one);
  }
  return make(std::move(m), neg_);
}

// ---- division ----

bool BigInt::divmodTrunc(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  if (b.mag_.empty()) return false;
  Limbs qm, rm;
  divmodMag(a.mag_, b.mag_, q ? &qm : nullptr, r ? &rm : nullptr);
  if (q) *q = make(std::move(qm), a.neg_ != b.neg_);
  if (r) *r = make(std::move(rm), a.neg_);
  return true;
}

bool BigInt::divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  if (b.mag_.empty()) return false;
  Limbs qm, rm;
  divmodMag(a.mag_, b.mag_, &qm, &rm);
  bool signsDiffer = a.neg_ != b.neg_;
  if (signsDiffer && !rm.empty()) {
    // floor: q = -(|q| + 1), r = b - (a's remainder sign) ... i.e. r = sign(b) * (|b| - |r|)
    if (q) *q = make(addMag(qm, Limbs{1}), true);
    if (r) *r = make(subMag(b.mag_, rm), b.neg_);
  } else {
    if (q) *q = make(std::move(qm), signsDiffer);
    if (r) *r = make(std::move(rm), b.neg_);
  }
  return true;
}

BigInt::DivStatus BigInt::trueDivide(const BigInt& a, const BigInt& b, double* out) {
  // A port of CPython's long_true_divide (Objects/longobject.c).
  constexpr int kMantDig = 53, kMinExp = -1021, kMaxExp = 1024;
  if (b.mag_.empty()) return DivStatus::ZeroDivision;
  const bool negate = a.neg_ != b.neg_;
  if (a.mag_.empty()) {
    *out = negate ? -0.0 : 0.0;
    return DivStatus::Ok;
  }
  const uint64_t aBits = a.bitLength(), bBits = b.bitLength();
  if (aBits <= uint64_t(kMantDig) && bBits <= uint64_t(kMantDig)) {
    double da = double(a.lowU64()), db = double(b.lowU64());  // both exact
    double r = da / db;
    *out = negate ? -r : r;
    return DivStatus::Ok;
  }
  const int64_t diff = int64_t(aBits) - int64_t(bBits);
  if (diff > kMaxExp) return DivStatus::Overflow;
  if (diff < kMinExp - kMantDig - 1) {
    *out = negate ? -0.0 : 0.0;
    return DivStatus::Ok;
  }
  const int64_t shift = std::max<int64_t>(diff, kMinExp) - kMantDig - 2;
  bool inexact = false;
  Limbs x;
  if (shift <= 0) {
    x = shiftLeftMag(a.mag_, uint64_t(-shift));
  } else {
    x = shiftRightMag(a.mag_, uint64_t(shift), &inexact);
  }
  Limbs q, r;
  divmodMag(x, b.mag_, &q, &r);
  if (!r.empty()) inexact = true;
  const int64_t xBits = int64_t(bitLengthMag(q));  // <= 56: q fits in 64 bits
  uint64_t xv = 0;
  if (!q.empty()) xv = q[0];
  if (q.size() > 1) xv |= uint64_t(q[1]) << 32;
  const int64_t extraBits = std::max<int64_t>(xBits, kMinExp - shift) - kMantDig;
  const uint64_t mask = uint64_t(1) << (extraBits - 1);
  uint64_t low = xv | (inexact ? 1u : 0u);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  xv = low & ~(2 * mask - 1);
  const double dx = double(xv);  // exact: at most 54 significant bits, low bits cleared
  if (shift + xBits >= kMaxExp &&
      (shift + xBits > kMaxExp || dx == std::ldexp(1.0, int(xBits)))) {
    return DivStatus::Overflow;
  }
  double result = std::ldexp(dx, int(shift));
  *out = negate ? -result : result;
  return DivStatus::Ok;
}

// ---- powers ----

BigInt BigInt::pow(const BigInt& base, uint64_t exp) {
  BigInt result(1);
  if (exp == 0) return result;
  // Left-to-right square and multiply.
  int top = 63 - std::countl_zero(exp);
  for (int i = top; i >= 0; --i) {
    result = result * result;
    if ((exp >> i) & 1) result = result * base;
  }
  return result;
}

namespace {
BigInt floorMod(const BigInt& a, const BigInt& m) {
  BigInt r;
  BigInt::divmod(a, m, nullptr, &r);
  return r;
}
}  // namespace

BigInt::ModPowStatus BigInt::modPow(const BigInt& base, const BigInt& exp, const BigInt& mod,
                                    BigInt* out) {
  if (mod.isZero()) return ModPowStatus::ZeroModulus;
  const BigInt m = mod.abs();
  BigInt b = floorMod(base, m);
  BigInt e = exp;
  if (e.isNegative()) {
    // Modular inverse by the extended Euclidean algorithm.
    BigInt r0 = m, r1 = b, t0(0), t1(1);
    while (!r1.isZero()) {
      BigInt q, r;
      divmod(r0, r1, &q, &r);
      BigInt t = t0 - q * t1;
      r0 = std::move(r1);
      r1 = std::move(r);
      t0 = std::move(t1);
      t1 = std::move(t);
    }
    if (r0 != BigInt(1)) return ModPowStatus::NotInvertible;
    b = floorMod(t0, m);
    e = -e;
  }
  BigInt result = floorMod(BigInt(1), m);
  uint64_t nbits = e.bitLength();
  for (uint64_t i = nbits; i-- > 0;) {
    result = floorMod(result * result, m);
    if ((e.mag_[size_t(i / 32)] >> (i % 32)) & 1u) result = floorMod(result * b, m);
  }
  if (mod.isNegative() && !result.isZero()) result = result - m;
  *out = std::move(result);
  return ModPowStatus::Ok;
}

BigInt BigInt::gcd(const BigInt& a, const BigInt& b) {
  BigInt x = a.abs(), y = b.abs();
  while (!y.isZero()) {
    if (x.fitsU64() && y.fitsU64()) {
      uint64_t u = x.lowU64(), v = y.lowU64();
      while (v) {
        uint64_t t = u % v;
        u = v;
        v = t;
      }
      return fromU64(u);
    }
    BigInt r;
    divmodTrunc(x, y, nullptr, &r);
    x = std::move(y);
    y = std::move(r);
  }
  return x;
}

}  // namespace interleave::lang
