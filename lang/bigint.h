// Arbitrary-precision signed integers with Python's semantics (floor division, modulo sign,
// infinite two's-complement bitwise operations, int.__hash__, int.__float__, int/int true
// division). Magnitude in base 2^32 limbs (little-endian, no leading zero limbs) plus a sign
// flag; zero is the empty magnitude and is never negative. No exceptions: failures are reported
// through return values (bool / optional / status enums) and the caller raises the Python error.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace interleave::lang {

class BigInt {
 public:
  BigInt() = default;
  BigInt(int64_t v);  // NOLINT(google-explicit-constructor): implicit, like Python's int(n)
  static BigInt fromU64(uint64_t v);
  // Truncates toward zero, like int(3.7) == 3 and int(-3.7) == -3. `d` must be finite (the
  // caller raises "cannot convert float infinity/NaN to integer").
  static BigInt fromDouble(double d);
  // Plain digits in `base` (2..36), no sign, prefix, underscores or whitespace; letters in
  // either case. nullopt if empty or a character is not a digit of the base. (Python's int(s,
  // base) grammar is parseIntLiteral in number_format.h.)
  static std::optional<BigInt> parse(std::string_view digits, int base = 10);

  bool isZero() const { return mag_.empty(); }
  bool isNegative() const { return neg_; }
  bool isOdd() const { return !mag_.empty() && (mag_[0] & 1u); }
  int sign() const { return mag_.empty() ? 0 : (neg_ ? -1 : 1); }
  bool fitsInt64() const;
  int64_t toInt64() const;         // requires fitsInt64()
  bool fitsU64() const { return !neg_ && mag_.size() <= 2; }
  uint64_t lowU64() const;         // |x| mod 2^64
  // int.__float__, correctly rounded (half-even). On |x| >= 2^1024 sets *overflow (if
  // given) and returns +-inf: the caller raises "OverflowError: int too large to convert to
  // float".
  double toDouble(bool* overflow = nullptr) const;
  // Digits in `base` (2..36, lower-case letters) with a leading '-' for negatives, no prefix.
  std::string toString(int base = 10) const;
  // Number of decimal digits of |x| (0 has 1); exact. Used for CPython's 4300-digit limit.
  size_t decimalDigitCount() const { return toString(10).size() - (neg_ ? 1 : 0); }

  uint64_t bitLength() const;       // int.bit_length()
  uint64_t bitCount() const;        // int.bit_count(): popcount of |x|
  // CPython's hash(int): sign * (|x| mod 2^61-1), with -1 mapped to -2.
  int64_t hash() const;
  static int64_t hashInt64(int64_t v);

  // -1, 0, 1.
  static int compare(const BigInt& a, const BigInt& b);
  // Compares exactly against a double like CPython's int/float comparisons (2**53 + 1 >
  // 2.0**53). `d` must not be NaN (every comparison with NaN is False except !=).
  static int compareWithDouble(const BigInt& a, double d);

  BigInt operator-() const;
  BigInt abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt operator~() const;  // -x - 1
  // Shifts by a non-negative count (the caller raises "negative shift count"); >> floors.
  BigInt shiftLeft(uint64_t n) const;
  BigInt shiftRight(uint64_t n) const;
  BigInt operator<<(uint64_t n) const { return shiftLeft(n); }
  BigInt operator>>(uint64_t n) const { return shiftRight(n); }
  friend bool operator==(const BigInt& a, const BigInt& b) { return a.neg_ == b.neg_ && a.mag_ == b.mag_; }
  friend bool operator!=(const BigInt& a, const BigInt& b) { return !(a == b); }
  friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }
  friend bool operator<=(const BigInt& a, const BigInt& b) { return compare(a, b) <= 0; }
  friend bool operator>(const BigInt& a, const BigInt& b) { return compare(a, b) > 0; }
  friend bool operator>=(const BigInt& a, const BigInt& b) { return compare(a, b) >= 0; }

  // Python's divmod: q = floor(a / b), r = a - q*b (r has the sign of b). Either output may be
  // null. Returns false on division by zero (ZeroDivisionError: "integer division or modulo by
  // zero" for //, "integer modulo by zero" for % in 3.11).
  static bool divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
  // C-style truncating division (quotient toward zero, remainder with the sign of a).
  static bool divmodTrunc(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);

  enum class DivStatus : uint8_t { Ok, ZeroDivision, Overflow };
  // a / b as a correctly rounded double, like CPython's long_true_divide. ZeroDivision ->
  // "division by zero"; Overflow -> "OverflowError: integer division result too large for a
  // float".
  static DivStatus trueDivide(const BigInt& a, const BigInt& b, double* out);

  // base ** exp (exp >= 0; 0 ** 0 == 1). The caller bounds the result size.
  static BigInt pow(const BigInt& base, uint64_t exp);
  enum class ModPowStatus : uint8_t { Ok, ZeroModulus, NotInvertible };
  // pow(base, exp, mod) with Python's rules: the result has the sign of mod; a negative exp
  // uses the modular inverse. ZeroModulus -> "ValueError: pow() 3rd argument cannot be 0";
  // NotInvertible -> "ValueError: base is not invertible for the given modulus".
  static ModPowStatus modPow(const BigInt& base, const BigInt& exp, const BigInt& mod, BigInt* out);
  static BigInt gcd(const BigInt& a, const BigInt& b);  // math.gcd: non-negative

  const std::vector<uint32_t>& magnitude() const { return mag_; }

 private:
  std::vector<uint32_t> mag_;
  bool neg_ = false;

  void trim();
  static BigInt make(std::vector<uint32_t> mag, bool neg);
};

}  // namespace interleave::lang
