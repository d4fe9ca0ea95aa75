// BigInt against values computed with CPython 3.11: pinned known values, algebraic identities
// on operands far above the Karatsuba threshold, and the generated table
// data/bigint_cases.txt (see data/gen_bigint_cases.py).
#include "bigint.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

using interleave::lang::BigInt;

namespace {

BigInt big(const char* s) {
  std::string_view v(s);
  bool neg = !v.empty() && v[0] == '-';
  if (neg) v.remove_prefix(1);
  auto r = BigInt::parse(v, 10);
  EXPECT_TRUE(r.has_value()) << s;
  if (!r) return BigInt();
  return neg ? -*r : *r;
}

std::string str(const BigInt& v) { return v.toString(); }

BigInt factorial(int n) {
  BigInt f(1);
  for (int i = 2; i <= n; ++i) f = f * BigInt(i);
  return f;
}

BigInt floordiv(const BigInt& a, const BigInt& b) {
  BigInt q;
  EXPECT_TRUE(BigInt::divmod(a, b, &q, nullptr));
  return q;
}

BigInt mod(const BigInt& a, const BigInt& b) {
  BigInt r;
  EXPECT_TRUE(BigInt::divmod(a, b, nullptr, &r));
  return r;
}

// Same shortest-repr rule as Python for the doubles in the table: parse both and compare bits.
double parseDouble(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

}  // namespace

TEST(BigInt, KnownValues) {
  EXPECT_EQ(str(factorial(100)),
            "93326215443944152681699238856266700490715968264381621468592963895217599993229915"
            "608941463976156518286253697920827223758251185210916864000000000000000000000000");
  EXPECT_EQ(str(BigInt::pow(BigInt(2), 200)),
            "1606938044258990275541962092341162602522202993782792835301376");
  EXPECT_EQ(str(BigInt(0)), "0");
  EXPECT_EQ(str(BigInt(-1)), "-1");
  EXPECT_EQ(str(BigInt(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(str(BigInt::fromU64(UINT64_MAX)), "18446744073709551615");
  std::string f1000 = str(factorial(1000));
  EXPECT_EQ(f1000.size(), 2568u);
  EXPECT_EQ(f1000.substr(0, 40), "4023872600770937735437024339230039857193");
  EXPECT_EQ(f1000.substr(f1000.size() - 10), "0000000000");
}

TEST(BigInt, FloorDivisionAndModuloSigns) {
  EXPECT_EQ(str(floordiv(BigInt(-7), BigInt(2))), "-4");
  EXPECT_EQ(str(mod(BigInt(-7), BigInt(2))), "1");
  EXPECT_EQ(str(floordiv(BigInt(7), BigInt(-2))), "-4");
  EXPECT_EQ(str(mod(BigInt(7), BigInt(-2))), "-1");
  EXPECT_EQ(str(floordiv(BigInt(-7), BigInt(-2))), "3");
  EXPECT_EQ(str(mod(BigInt(-7), BigInt(-2))), "-1");
  EXPECT_EQ(str(floordiv(BigInt(-6), BigInt(2))), "-3");
  EXPECT_EQ(str(mod(BigInt(-6), BigInt(2))), "0");
  BigInt p100 = BigInt::pow(BigInt(2), 100);
  EXPECT_EQ(str(floordiv(-p100, BigInt(3))), "-422550200076076467165567735126");
  EXPECT_EQ(str(mod(-p100, BigInt(3))), "2");
  BigInt q, r;
  EXPECT_FALSE(BigInt::divmod(BigInt(1), BigInt(0), &q, &r));
  EXPECT_TRUE(BigInt::divmodTrunc(BigInt(-7), BigInt(2), &q, &r));
  EXPECT_EQ(str(q), "-3");
  EXPECT_EQ(str(r), "-1");
}

TEST(BigInt, BitwiseOnNegatives) {
  EXPECT_EQ(str(BigInt(-5) & BigInt(3)), "3");
  EXPECT_EQ(str(BigInt(-5) | BigInt(3)), "-5");
  EXPECT_EQ(str(BigInt(-5) ^ BigInt(3)), "-8");
  EXPECT_EQ(str(BigInt(-5) & BigInt(-3)), "-7");
  EXPECT_EQ(str(~BigInt(5)), "-6");
  EXPECT_EQ(str(~BigInt(-1)), "0");
  EXPECT_EQ(str(BigInt(-12) >> 2), "-3");
  EXPECT_EQ(str(BigInt(-13) >> 2), "-4");
  EXPECT_EQ(str(BigInt(-1) >> 100), "-1");
  EXPECT_EQ(str(BigInt(5) >> 100), "0");
  EXPECT_EQ(str(BigInt(-3) << 64), "-55340232221128654848");
  BigInt p100 = BigInt::pow(BigInt(2), 100);
  EXPECT_EQ(str((-p100) & (p100 - BigInt(1))), "0");
  EXPECT_EQ(str((-p100) | BigInt(1)), str(-p100 + BigInt(1)));
}

TEST(BigInt, Hash) {
  EXPECT_EQ(BigInt::pow(BigInt(2), 100).hash(), 549755813888);
  EXPECT_EQ(BigInt(-1).hash(), -2);
  EXPECT_EQ(BigInt(-2).hash(), -2);
  EXPECT_EQ(BigInt(0).hash(), 0);
  BigInt p61 = BigInt::pow(BigInt(2), 61);
  EXPECT_EQ((p61 - BigInt(1)).hash(), 0);
  EXPECT_EQ(p61.hash(), 1);
  EXPECT_EQ((-p61).hash(), -2);
  EXPECT_EQ(BigInt::pow(BigInt(2), 64).hash(), 8);
  EXPECT_EQ(BigInt(INT64_MIN).hash(), -4);
  EXPECT_EQ(BigInt::hashInt64(INT64_MIN), -4);
  EXPECT_EQ(BigInt::hashInt64(-1), -2);
  EXPECT_EQ(BigInt::hashInt64(12345), 12345);
}

TEST(BigInt, Int64Boundaries) {
  EXPECT_TRUE(BigInt(INT64_MAX).fitsInt64());
  EXPECT_TRUE(BigInt(INT64_MIN).fitsInt64());
  EXPECT_EQ(BigInt(INT64_MIN).toInt64(), INT64_MIN);
  EXPECT_EQ(BigInt(INT64_MAX).toInt64(), INT64_MAX);
  EXPECT_FALSE((BigInt(INT64_MAX) + BigInt(1)).fitsInt64());
  EXPECT_FALSE((BigInt(INT64_MIN) - BigInt(1)).fitsInt64());
  EXPECT_TRUE((-(BigInt(INT64_MAX) + BigInt(1))).fitsInt64());
  EXPECT_EQ((BigInt(INT64_MAX) + BigInt(1)).toString(16), "8000000000000000");
}

TEST(BigInt, ToDouble) {
  bool overflow = false;
  EXPECT_EQ(BigInt::pow(BigInt(2), 1023).toDouble(&overflow), std::ldexp(1.0, 1023));
  EXPECT_FALSE(overflow);
  BigInt p1024 = BigInt::pow(BigInt(2), 1024), p970 = BigInt::pow(BigInt(2), 970);
  p1024.toDouble(&overflow);
  EXPECT_TRUE(overflow);
  (p1024 - p970).toDouble(&overflow);  // halfway to 2^1024: rounds to even = overflow
  EXPECT_TRUE(overflow);
  EXPECT_EQ((p1024 - p970 - BigInt(1)).toDouble(&overflow), 1.7976931348623157e308);
  EXPECT_FALSE(overflow);
  BigInt p53 = BigInt::pow(BigInt(2), 53);
  EXPECT_EQ((p53 + BigInt(1)).toDouble(), 9007199254740992.0);  // tie to even
  EXPECT_EQ((p53 + BigInt(3)).toDouble(), 9007199254740996.0);
  EXPECT_EQ((-(p53 + BigInt(3))).toDouble(), -9007199254740996.0);
  EXPECT_EQ(BigInt(0).toDouble(), 0.0);
}

TEST(BigInt, FromDouble) {
  EXPECT_EQ(str(BigInt::fromDouble(3.7)), "3");
  EXPECT_EQ(str(BigInt::fromDouble(-3.7)), "-3");
  EXPECT_EQ(str(BigInt::fromDouble(-0.0)), "0");
  EXPECT_EQ(str(BigInt::fromDouble(0.99)), "0");
  EXPECT_EQ(str(BigInt::fromDouble(9223372036854775808.0)), "9223372036854775808");
  EXPECT_EQ(str(BigInt::fromDouble(-9223372036854775808.0)), "-9223372036854775808");
  EXPECT_EQ(str(BigInt::fromDouble(1e300)),
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195"
            "78637137508044786404370444383288387817694252323536043057564479218478670698284838720"
            "09265758037378302337947880900593689532349707999450811190389676408800746527427801424"
            "94579258788820056842838115669472196386865459400540160");
}

TEST(BigInt, ParseAndBases) {
  EXPECT_EQ(str(*BigInt::parse("zz", 36)), "1295");
  EXPECT_EQ(str(*BigInt::parse("ZZ", 36)), "1295");
  EXPECT_EQ(str(*BigInt::parse("0000", 10)), "0");
  EXPECT_EQ(str(*BigInt::parse("ff", 16)), "255");
  EXPECT_EQ(str(*BigInt::parse("777", 8)), "511");
  EXPECT_EQ(str(*BigInt::parse("101", 2)), "5");
  EXPECT_FALSE(BigInt::parse("", 10));
  EXPECT_FALSE(BigInt::parse("12a", 10));
  EXPECT_FALSE(BigInt::parse("2", 2));
  EXPECT_FALSE(BigInt::parse("-1", 10));
  EXPECT_FALSE(BigInt::parse("1_0", 10));
  EXPECT_FALSE(BigInt::parse("1", 37));
  std::string digits(5000, '7');
  BigInt v = *BigInt::parse(digits, 10);
  EXPECT_EQ(v.toString(), digits);
  EXPECT_EQ(v.decimalDigitCount(), 5000u);
  EXPECT_EQ(BigInt(-255).toString(16), "-ff");
  EXPECT_EQ(BigInt(-255).toString(2), "-11111111");
  EXPECT_EQ(BigInt(8).toString(8), "10");
  EXPECT_EQ(BigInt(35).toString(36), "z");
  EXPECT_EQ(BigInt(0).toString(2), "0");
}

TEST(BigInt, PowAndModPow) {
  EXPECT_EQ(str(BigInt::pow(BigInt(0), 0)), "1");
  EXPECT_EQ(str(BigInt::pow(BigInt(-3), 3)), "-27");
  EXPECT_EQ(str(BigInt::pow(BigInt(10), 30)), "1000000000000000000000000000000");
  BigInt out;
  EXPECT_EQ(BigInt::modPow(BigInt(3), BigInt(-1), BigInt(7), &out), BigInt::ModPowStatus::Ok);
  EXPECT_EQ(str(out), "5");
  EXPECT_EQ(BigInt::modPow(BigInt(-3), BigInt(5), BigInt(-7), &out), BigInt::ModPowStatus::Ok);
  EXPECT_EQ(str(out), "-5");
  EXPECT_EQ(BigInt::modPow(BigInt(2), BigInt(10), BigInt(1), &out), BigInt::ModPowStatus::Ok);
  EXPECT_EQ(str(out), "0");
  EXPECT_EQ(BigInt::modPow(BigInt(5), BigInt(0), BigInt(-1), &out), BigInt::ModPowStatus::Ok);
  EXPECT_EQ(str(out), "0");
  EXPECT_EQ(BigInt::modPow(BigInt(2), BigInt(1), BigInt(0), &out),
            BigInt::ModPowStatus::ZeroModulus);
  EXPECT_EQ(BigInt::modPow(BigInt(2), BigInt(-1), BigInt(4), &out),
            BigInt::ModPowStatus::NotInvertible);
}

TEST(BigInt, TrueDivide) {
  double d = 0;
  EXPECT_EQ(BigInt::trueDivide(BigInt(1), BigInt(3), &d), BigInt::DivStatus::Ok);
  EXPECT_EQ(d, 1.0 / 3.0);
  EXPECT_EQ(BigInt::trueDivide(BigInt(1), BigInt(0), &d), BigInt::DivStatus::ZeroDivision);
  BigInt p10_400 = BigInt::pow(BigInt(10), 400);
  EXPECT_EQ(BigInt::trueDivide(p10_400, BigInt(3), &d), BigInt::DivStatus::Overflow);
  EXPECT_EQ(BigInt::trueDivide(p10_400, BigInt::pow(BigInt(10), 399) * BigInt(3), &d),
            BigInt::DivStatus::Ok);
  EXPECT_EQ(d, 3.3333333333333335);
  EXPECT_EQ(BigInt::trueDivide(BigInt(0), BigInt(-5), &d), BigInt::DivStatus::Ok);
  EXPECT_TRUE(d == 0.0 && std::signbit(d));
  EXPECT_EQ(BigInt::trueDivide(BigInt(-1), p10_400, &d), BigInt::DivStatus::Ok);
  EXPECT_TRUE(d == 0.0 && std::signbit(d));
  BigInt p53 = BigInt::pow(BigInt(2), 53);
  EXPECT_EQ(BigInt::trueDivide(p53 + BigInt(1), BigInt(1), &d), BigInt::DivStatus::Ok);
  EXPECT_EQ(d, 9007199254740992.0);
}

TEST(BigInt, CompareWithDouble) {
  BigInt p53 = BigInt::pow(BigInt(2), 53);
  EXPECT_EQ(BigInt::compareWithDouble(p53 + BigInt(1), 9007199254740992.0), 1);
  EXPECT_EQ(BigInt::compareWithDouble(p53, 9007199254740992.0), 0);
  EXPECT_EQ(BigInt::compareWithDouble(BigInt(3), 3.5), -1);
  EXPECT_EQ(BigInt::compareWithDouble(BigInt(-3), -3.5), 1);
  EXPECT_EQ(BigInt::compareWithDouble(BigInt::pow(BigInt(10), 400), HUGE_VAL), -1);
  EXPECT_EQ(BigInt::compareWithDouble(BigInt::pow(BigInt(10), 400), 1e308), 1);
  EXPECT_EQ(BigInt::compareWithDouble(BigInt::fromDouble(1e300), 1e300), 0);
  EXPECT_EQ(BigInt::compareWithDouble(BigInt::fromDouble(1e300) + BigInt(1), 1e300), 1);
}

TEST(BigInt, MiscQueries) {
  EXPECT_EQ(BigInt(0).bitLength(), 0u);
  EXPECT_EQ(BigInt(-1).bitLength(), 1u);
  EXPECT_EQ(BigInt(255).bitLength(), 8u);
  EXPECT_EQ(BigInt(-255).bitCount(), 8u);
  EXPECT_EQ(str(BigInt::gcd(BigInt(-12), BigInt(18))), "6");
  EXPECT_EQ(str(BigInt::gcd(BigInt(0), BigInt(0))), "0");
  EXPECT_TRUE(BigInt(0).isZero());
  EXPECT_FALSE((-BigInt(0)).isNegative());
  EXPECT_EQ(BigInt(-4).sign(), -1);
  EXPECT_EQ(BigInt::compare(BigInt(-4), BigInt(3)), -1);
  EXPECT_TRUE(BigInt(5) == BigInt(5));
  EXPECT_TRUE(BigInt(-5) < BigInt(-4));
}

// Identities on operands of thousands of limbs, which go through Karatsuba (balanced and
// unbalanced) and the multi-limb division path.
TEST(BigInt, LargeOperandIdentities) {
  BigInt a = BigInt::pow(BigInt(3), 40000) + BigInt(12345);   // ~1981 limbs
  BigInt b = BigInt::pow(BigInt(7), 13000) - BigInt(999);     // ~1140 limbs
  BigInt c = BigInt::pow(BigInt(11), 300) + BigInt(1);        // ~33 limbs (schoolbook side)
  BigInt ab = a * b;
  BigInt q, r;
  ASSERT_TRUE(BigInt::divmod(ab + BigInt(77), b, &q, &r));
  EXPECT_EQ(q, a);
  EXPECT_EQ(r, BigInt(77));
  EXPECT_EQ((a + b) * (a + b), a * a + BigInt(2) * ab + b * b);
  EXPECT_EQ((a - b) * (a + b), a * a - b * b);
  EXPECT_EQ(a * (b + c), ab + a * c);
  ASSERT_TRUE(BigInt::divmod(-(a * c) - BigInt(1), c, &q, &r));
  EXPECT_EQ(q, -a - BigInt(1));
  EXPECT_EQ(r, c - BigInt(1));
  // Shifts agree with multiplication and floor division by powers of two.
  BigInt p777 = BigInt::pow(BigInt(2), 777);
  EXPECT_EQ(a << 777, a * p777);
  EXPECT_EQ((-a) >> 777, floordiv(-a, p777));
  // Round trip through decimal strings.
  EXPECT_EQ(*BigInt::parse(ab.toString(), 10), ab);
  EXPECT_EQ(*BigInt::parse(ab.toString(16), 16), ab);
}

TEST(BigInt, FactorialToStringIsFast) {
  BigInt f = factorial(5000);
  auto t0 = std::chrono::steady_clock::now();
  std::string s = f.toString();
  auto t1 = std::chrono::steady_clock::now();
  double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  EXPECT_EQ(s.size(), 16326u);
  EXPECT_EQ(s.substr(0, 30), "422857792660554352220106420023");
#ifdef NDEBUG
  EXPECT_LT(ms, 50.0);  // optimized builds; ~2.5 ms on a desktop
#else
  EXPECT_LT(ms, 1000.0);
#endif
}

// The generated table: `op a b expected`.
TEST(BigInt, GeneratedCasesMatchCPython) {
  std::string path = std::string(__FILE__);
  path = path.substr(0, path.find_last_of("/\\") + 1) + "data/bigint_cases.txt";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << path;
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream ls(line);
    std::string op, sa, sb, expected;
    ls >> op >> sa >> sb >> expected;
    BigInt a = big(sa.c_str()), b = big(sb.c_str());
    std::string got;
    if (op == "add") got = str(a + b);
    else if (op == "sub") got = str(a - b);
    else if (op == "mul") got = str(a * b);
    else if (op == "floordiv" || op == "mod") {
      BigInt q, r;
      if (!BigInt::divmod(a, b, &q, &r)) got = "ZeroDivisionError";
      else got = str(op == "mod" ? r : q);
    } else if (op == "truediv") {
      double d = 0;
      auto st = BigInt::trueDivide(a, b, &d);
      if (st == BigInt::DivStatus::ZeroDivision) got = "ZeroDivisionError";
      else if (st == BigInt::DivStatus::Overflow) got = "OverflowError";
      else {
        EXPECT_EQ(d, parseDouble(expected)) << line.substr(0, 300);
        EXPECT_EQ(std::signbit(d), std::signbit(parseDouble(expected))) << line.substr(0, 300);
        got = expected;
      }
    } else if (op == "and") got = str(a & b);
    else if (op == "or") got = str(a | b);
    else if (op == "xor") got = str(a ^ b);
    else if (op == "cmp") got = std::to_string(BigInt::compare(a, b));
    else if (op == "gcd") got = str(BigInt::gcd(a, b));
    else if (op == "neg") got = str(-a);
    else if (op == "invert") got = str(~a);
    else if (op == "hash") got = std::to_string(a.hash());
    else if (op == "bitlen") got = std::to_string(a.bitLength());
    else if (op == "float") {
      bool overflow = false;
      double d = a.toDouble(&overflow);
      if (overflow) got = "OverflowError";
      else {
        EXPECT_EQ(d, parseDouble(expected)) << line.substr(0, 300);
        got = expected;
      }
    } else if (op == "lshift") got = str(a << uint64_t(b.toInt64()));
    else if (op == "rshift") got = str(a >> uint64_t(b.toInt64()));
    else if (op.rfind("str", 0) == 0) got = a.toString(std::atoi(op.c_str() + 3));
    else if (op == "pow") got = str(BigInt::pow(a, uint64_t(b.toInt64())));
    else if (op == "modpow") {
      // modpow a e m expected
      BigInt m = big(expected.c_str());
      ls >> expected;
      BigInt out;
      auto st = BigInt::modPow(a, b, m, &out);
      if (st == BigInt::ModPowStatus::Ok) got = str(out);
      else got = "ValueError";
    } else {
      ADD_FAILURE() << "unknown op " << op;
      continue;
    }
    EXPECT_EQ(got, expected) << line.substr(0, 300);
    ++count;
  }
  EXPECT_GT(count, 1500);
}
