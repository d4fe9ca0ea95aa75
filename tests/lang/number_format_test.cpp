// number_format against CPython 3.11: hand-picked cases (the ones the VM leans on most), and the
// generated table data/number_format_cases.txt (see data/gen_number_format_cases.py): format()
// of floats, ints and strs with thousands of specs, repr of every power of two and of random
// doubles, float()/int() parsing and round().
#include "number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <vector>

using namespace interleave::lang;

namespace {

std::string fmtF(double v, std::string_view spec) {
  FormatError err;
  auto r = formatFloat(v, spec, &err);
  return r ? *r : "!" + err.message;
}

std::string fmtI(int64_t v, std::string_view spec) {
  FormatError err;
  auto r = formatInt(v, spec, &err);
  return r ? *r : "!" + err.message;
}

std::string fmtS(std::string_view v, std::string_view spec) {
  FormatError err;
  auto r = formatStr(v, spec, &err);
  return r ? *r : "!" + err.message;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    f.push_back(unescape(line.substr(start, tab == std::string::npos ? tab : tab - start)));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return f;
}

std::string errorText(const FormatError& e) {
  return std::string("!") + (e.kind == FormatErrorKind::OverflowError ? "OverflowError: " : "ValueError: ") +
         e.message;
}

std::optional<BigInt> parseSigned(const std::string& s) {
  bool neg = !s.empty() && s[0] == '-';
  auto v = BigInt::parse(std::string_view(s).substr(neg ? 1 : 0), 10);
  if (!v) return v;
  return neg ? -*v : *v;
}

}  // namespace

TEST(NumberFormat, FloatRepr) {
  EXPECT_EQ(floatRepr(0.1), "0.1");
  EXPECT_EQ(floatRepr(1e16), "1e+16");
  EXPECT_EQ(floatRepr(1.5e-7), "1.5e-07");
  EXPECT_EQ(floatRepr(100.0), "100.0");
  EXPECT_EQ(floatRepr(HUGE_VAL), "inf");
  EXPECT_EQ(floatRepr(-HUGE_VAL), "-inf");
  EXPECT_EQ(floatRepr(std::nan("")), "nan");
  EXPECT_EQ(floatRepr(-std::nan("")), "nan");
  EXPECT_EQ(floatRepr(-0.0), "-0.0");
  EXPECT_EQ(floatRepr(0.0), "0.0");
  EXPECT_EQ(floatRepr(1e22), "1e+22");
  EXPECT_EQ(floatRepr(123456789012345.0), "123456789012345.0");
  EXPECT_EQ(floatRepr(1234567890123456.0), "1234567890123456.0");
  EXPECT_EQ(floatRepr(12345678901234567.0), "1.2345678901234568e+16");
  EXPECT_EQ(floatRepr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(floatRepr(0.0001), "0.0001");
  EXPECT_EQ(floatRepr(0.00001), "1e-05");
  EXPECT_EQ(floatRepr(5e-324), "5e-324");
  EXPECT_EQ(floatRepr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(floatRepr(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(floatStr(2.5), "2.5");
}

TEST(NumberFormat, BriefExamples) {
  EXPECT_EQ(fmtF(1.0, ""), "1.0");
  EXPECT_EQ(fmtF(1e16, ""), "1e+16");
  EXPECT_EQ(fmtF(0.1 + 0.2, ".2f"), "0.30");
  EXPECT_EQ(fmtF(1234567.891, ",.2f"), "1,234,567.89");
  EXPECT_EQ(fmtI(5, "03d"), "005");
  EXPECT_EQ(fmtS("ab", ">5"), "   ab");
  EXPECT_EQ(fmtF(3.14159, "10.3f"), "     3.142");
  EXPECT_EQ(fmtF(0.5, "%"), "50.000000%");
  EXPECT_EQ(fmtI(255, "#x"), "0xff");
  EXPECT_EQ(fmtI(-5, "+d"), "-5");
  EXPECT_EQ(fmtI(5, "+d"), "+5");
  EXPECT_EQ(fmtI(12, "^6"), "  12  ");
  EXPECT_EQ(fmtF(2.675, ".2f"), "2.67");
  EXPECT_EQ(fmtF(0.125, ".2f"), "0.12");
  EXPECT_EQ(fmtF(0.375, ".2f"), "0.38");
  EXPECT_EQ(fmtF(2.5, ".0f"), "2");
  EXPECT_EQ(fmtF(1.0, "#.0f"), "1.");
  EXPECT_EQ(fmtF(1e16, "#"), "1.e+16");
  EXPECT_EQ(fmtF(123.0, ".2"), "1.2e+02");
  EXPECT_EQ(fmtF(HUGE_VAL, "010"), "0000000inf");
  EXPECT_EQ(fmtF(-0.0, "z.1f"), "0.0");
  EXPECT_EQ(fmtI(1234, "010,"), "00,001,234");
  EXPECT_EQ(fmtI(-1234, "0=12_"), "-000_001_234");
  EXPECT_EQ(fmtI(255, "#X"), "0XFF");
  EXPECT_EQ(fmtI(-255, "_b"), "-1111_1111");
  EXPECT_EQ(fmtI(65, "^5c"), "  A  ");
  EXPECT_EQ(fmtI(0xE9, "c"), "\xC3\xA9");
  EXPECT_EQ(fmtS("h\xC3\xA9llo", ".2"), "h\xC3\xA9");
  EXPECT_EQ(fmtS("\xC3\xA9", "*^6"), "**\xC3\xA9***");
  EXPECT_EQ(fmtI(5, "\xE2\x82\xAC>6"), "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC" "5");
  EXPECT_EQ(fmtI(5, "\xD9\xA3"), "  5");  // U+0663 ARABIC-INDIC DIGIT THREE is a width
  EXPECT_EQ(fmtS("ab", "05"), "ab000");
}

TEST(NumberFormat, ErrorMessages) {
  EXPECT_EQ(fmtF(1.5, "d"), "!Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(fmtS("a", "d"), "!Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(fmtI(1, ".2d"), "!Precision not allowed in integer format specifier");
  EXPECT_EQ(fmtI(1, "abc"), "!Invalid format specifier 'abc' for object of type 'int'");
  EXPECT_EQ(fmtF(1.5, "abc"), "!Invalid format specifier 'abc' for object of type 'float'");
  EXPECT_EQ(fmtS("a", ","), "!Cannot specify ',' with 's'.");
  EXPECT_EQ(fmtI(1, ",_"), "!Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmtI(1, "_,"), "!Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmtI(1, ",x"), "!Cannot specify ',' with 'x'.");
  EXPECT_EQ(fmtI(1, "."), "!Format specifier missing precision");
  EXPECT_EQ(fmtI(1, "99999999999999999999"), "!Too many decimal digits in format string");
  EXPECT_EQ(fmtF(1.0, ".99999999999"), "!precision too big");
  EXPECT_EQ(fmtI(1, "\xC3\xA9"), "!Unknown format code '\\xe9' for object of type 'int'");
  EXPECT_EQ(fmtI(1, "z"), "!Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(fmtI(65, "+c"), "!Sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(fmtS("a", " "), "!Space not allowed in string format specifier");
  EXPECT_EQ(fmtS("a", "=5"), "!'=' alignment not allowed in string format specifier");
  FormatError err;
  EXPECT_FALSE(formatInt(int64_t(0x110000), "c", &err));
  EXPECT_EQ(err.kind, FormatErrorKind::OverflowError);
  EXPECT_EQ(err.message, "%c arg not in range(0x110000)");
  EXPECT_FALSE(formatInt(BigInt::pow(BigInt(10), 400), "f", &err));
  EXPECT_EQ(err.kind, FormatErrorKind::OverflowError);
  EXPECT_EQ(err.message, "int too large to convert to float");
  EXPECT_FALSE(formatInt(BigInt(1), "s", &err, "bool"));
  EXPECT_EQ(err.message, "Unknown format code 's' for object of type 'bool'");
  // CPython 3.11's int_max_str_digits (4300 by default).
  BigInt big = BigInt::pow(BigInt(10), 5000);
  EXPECT_FALSE(formatInt(big, "d", &err));
  EXPECT_EQ(err.message,
            "Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_FALSE(formatInt(big, "", &err));
  EXPECT_TRUE(formatInt(big, "x", &err));
  EXPECT_TRUE(formatInt(big, "d", &err, "int", 0));
}

TEST(NumberFormat, ParseFormatSpecFields) {
  std::string error;
  auto s = parseFormatSpec("*^+z#012_.3f", &error, FormatTarget::Float);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->fill, U'*');
  EXPECT_EQ(s->align, '^');
  EXPECT_EQ(s->sign, '+');
  EXPECT_TRUE(s->noNegZero);
  EXPECT_TRUE(s->alternate);
  EXPECT_EQ(s->width, 12);  // the fill was given, so "012" is just the width
  EXPECT_EQ(s->grouping, '_');
  EXPECT_EQ(s->precision, 3);
  EXPECT_EQ(s->type, U'f');
  s = parseFormatSpec("08", &error, FormatTarget::Int);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->fill, U'0');
  EXPECT_EQ(s->align, '=');
  EXPECT_EQ(s->width, 8);
  EXPECT_EQ(s->type, U'd');
  s = parseFormatSpec("", &error, FormatTarget::Str);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->align, '<');
  EXPECT_EQ(s->type, U's');
  EXPECT_FALSE(parseFormatSpec("1.2.3", &error, FormatTarget::Float));
  EXPECT_EQ(error, "Invalid format specifier '1.2.3' for object of type 'float'");
}

TEST(NumberFormat, DoubleToString) {
  EXPECT_EQ(doubleToString(1.5, 'f', 3, 0), "1.500");
  EXPECT_EQ(doubleToString(1.5, 'e', 2, kDtsfSign), "+1.50e+00");
  EXPECT_EQ(doubleToString(1e-5, 'g', 6, 0), "1e-05");
  EXPECT_EQ(doubleToString(HUGE_VAL, 'F', 2, 0), "INF");
  EXPECT_EQ(doubleToString(-0.0, 'g', 6, kDtsfNoNegZero), "0");
  EXPECT_EQ(doubleToString(1e100, 'r', 0, kDtsfAddDot0), "1e+100");
}

TEST(NumberFormat, ParseFloat) {
  EXPECT_EQ(parseFloat("1.5"), 1.5);
  EXPECT_EQ(parseFloat(" 1e3 "), 1000.0);
  EXPECT_EQ(parseFloat("1_000.5"), 1000.5);
  EXPECT_EQ(parseFloat("-inf"), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(*parseFloat("nan")));
  EXPECT_TRUE(std::signbit(*parseFloat("-nan")));
  EXPECT_EQ(parseFloat("\xD9\xA1\xD9\xA2"), 12.0);  // Arabic-Indic "12"
  EXPECT_FALSE(parseFloat("x"));
  EXPECT_FALSE(parseFloat("1__0"));
  EXPECT_FALSE(parseFloat("0x10"));
  EXPECT_FALSE(parseFloat(""));
  EXPECT_FALSE(parseFloat("1e"));
  EXPECT_EQ(parseFloat("1e500"), HUGE_VAL);
}

TEST(NumberFormat, ParseIntLiteral) {
  IntParseError e;
  EXPECT_EQ(parseIntLiteral(" 0x_1f ", 0, &e)->toString(), "31");
  EXPECT_EQ(parseIntLiteral("-1_000", 10, &e)->toString(), "-1000");
  EXPECT_EQ(parseIntLiteral("0b1", 16, &e)->toString(), "177");
  EXPECT_EQ(parseIntLiteral("00", 0, &e)->toString(), "0");
  EXPECT_FALSE(parseIntLiteral("010", 0, &e));
  EXPECT_EQ(e, IntParseError::Invalid);
  EXPECT_FALSE(parseIntLiteral("1__0", 10, &e));
  size_t digits = 0;
  EXPECT_FALSE(parseIntLiteral(std::string(5000, '1'), 10, &e, &digits));
  EXPECT_EQ(e, IntParseError::TooManyDigits);
  EXPECT_EQ(digits, 5000u);
  EXPECT_TRUE(parseIntLiteral(std::string(5000, '1'), 10, &e, nullptr, 0));
  EXPECT_TRUE(parseIntLiteral(std::string(5000, '1'), 16, &e));
}

TEST(NumberFormat, Round) {
  EXPECT_EQ(roundHalfEven(2.675, 2), 2.67);
  EXPECT_EQ(roundHalfEven(0.125, 2), 0.12);
  EXPECT_EQ(roundHalfEven(1234.5, -1), 1230.0);
  EXPECT_EQ(roundHalfEven(1250.0, -2), 1200.0);
  EXPECT_EQ(roundHalfEven(1250.4, -2), 1300.0);
  double z = roundHalfEven(-0.5, 0);
  EXPECT_TRUE(z == 0.0 && std::signbit(z));
  bool overflow = false;
  roundHalfEven(1.7e308, -308, &overflow);
  EXPECT_TRUE(overflow);
  EXPECT_EQ(roundToIntegral(0.5), 0.0);
  EXPECT_EQ(roundToIntegral(1.5), 2.0);
  EXPECT_EQ(roundToIntegral(2.5), 2.0);
  EXPECT_EQ(roundToIntegral(-2.5), -2.0);
  EXPECT_EQ(roundToIntegral(2.6), 3.0);
}

TEST(NumberFormat, Unicode) {
  EXPECT_EQ(unicodeDecimalValue(U'7'), 7);
  EXPECT_EQ(unicodeDecimalValue(0x0663), 3);
  EXPECT_EQ(unicodeDecimalValue(0xFF19), 9);
  EXPECT_EQ(unicodeDecimalValue(0x1D7FF), 9);
  EXPECT_EQ(unicodeDecimalValue(0x00B2), -1);  // SUPERSCRIPT TWO is a digit, not decimal
  EXPECT_EQ(unicodeDecimalValue(U'a'), -1);
  EXPECT_TRUE(unicodeIsSpace(0x3000));
  EXPECT_FALSE(unicodeIsSpace(0x200B));
  EXPECT_EQ(utf8Length("h\xC3\xA9\xF0\x9F\x98\x80"), 3u);
}

TEST(NumberFormat, GeneratedCasesMatchCPython) {
  std::string path = std::string(__FILE__);
  path = path.substr(0, path.find_last_of("/\\") + 1) + "data/number_format_cases.txt";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << path;
  std::string line;
  std::map<std::string, int> counts;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f = splitTabs(line);
    ASSERT_EQ(f.size(), 4u) << line;
    const std::string &kind = f[0], &value = f[1], &arg = f[2], &expected = f[3];
    std::string got;
    FormatError err;
    if (kind == "float") {
      double v = std::strtod(value.c_str(), nullptr);
      if (value == "-nan") v = -v;
      auto r = formatFloat(v, arg, &err);
      got = r ? *r : errorText(err);
    } else if (kind == "int") {
      auto v = parseSigned(value);
      ASSERT_TRUE(v) << line;
      auto r = formatInt(*v, arg, &err);
      got = r ? *r : errorText(err);
      if (v->fitsInt64()) {
        FormatError err2;
        auto r2 = formatInt(v->toInt64(), arg, &err2);
        EXPECT_EQ(r2 ? *r2 : errorText(err2), expected) << "int64 path: " << line;
      }
    } else if (kind == "str") {
      auto r = formatStr(value, arg, &err);
      got = r ? *r : errorText(err);
    } else if (kind == "repr") {
      got = floatRepr(std::strtod(value.c_str(), nullptr));
    } else if (kind == "parsefloat") {
      auto r = parseFloat(value);
      if (r) {
        got = floatRepr(*r);
      } else {
        got = expected.rfind("!ValueError: could not convert string to float:", 0) == 0
                  ? expected
                  : "!nullopt";
      }
    } else if (kind == "parseint") {
      int base = std::atoi(arg.c_str());
      IntParseError e;
      size_t digits = 0;
      auto r = parseIntLiteral(value, base, &e, &digits);
      if (r) {
        got = r->toString();
        if (got.size() > 60) got = "len" + std::to_string(got.size()) + ":" + got.substr(0, 40);
      } else if (e == IntParseError::TooManyDigits) {
        got = "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
              "value has " + std::to_string(digits) +
              " digits; use sys.set_int_max_str_digits() to increase the limit";
      } else {
        std::string prefix = "!ValueError: invalid literal for int() with base " + arg + ": ";
        got = expected.rfind(prefix, 0) == 0 ? expected : prefix + "...";
      }
    } else if (kind == "round") {
      bool overflow = false;
      double r = roundHalfEven(std::strtod(value.c_str(), nullptr), std::atoll(arg.c_str()), &overflow);
      got = overflow ? "!OverflowError: rounded value too large to represent" : floatRepr(r);
    } else if (kind == "round0") {
      got = BigInt::fromDouble(roundToIntegral(std::strtod(value.c_str(), nullptr))).toString();
    } else {
      ADD_FAILURE() << "unknown kind " << kind;
      continue;
    }
    EXPECT_EQ(got, expected) << kind << " value=[" << value << "] arg=[" << arg << "]";
    ++counts[kind];
  }
  EXPECT_GT(counts["float"], 1000);
  EXPECT_GT(counts["int"], 1000);
  EXPECT_GT(counts["str"], 100);
  EXPECT_GT(counts["repr"], 2000);
  EXPECT_GT(counts["parsefloat"], 50);
  EXPECT_GT(counts["parseint"], 40);
  EXPECT_GT(counts["round"], 500);
}
