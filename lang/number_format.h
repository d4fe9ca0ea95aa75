// Python's number <-> text conversions, byte-identical to CPython 3.11:
//   * repr/str of floats (shortest round-trip digits, CPython's layout rules),
//   * PyOS_double_to_string (the 'e' 'f' 'g' 'r' core shared by format() and %-formatting),
//   * the format-spec mini-language for int, float and str (__format__), error messages included,
//   * float(str) and int(str, base) parsing, round(x, n).
// Fixed-precision digits come from snprintf("%.*e"/"%.*f") and strtod, which are correctly
// rounded (half-even on exact ties) in glibc and musl alike; repr's shortest digits come from
// Ryu (integer arithmetic only). Output is identical natively and in wasm. No locale: 'n'
// behaves as in the C locale (no grouping), like CPython run without setlocale(LC_NUMERIC).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bigint.h"

namespace interleave::lang {

// ---- floats to text ----

// repr(float) == str(float): '0.1', '1e+16', '1.5e-07', '100.0', 'inf', '-inf', 'nan', '-0.0'.
std::string floatRepr(double v);
inline std::string floatStr(double v) { return floatRepr(v); }

// CPython's PyOS_double_to_string. code: 'e' 'E' 'f' 'F' 'g' 'G' 'r' ('r' = shortest repr,
// precision must be 0). flags: the Py_DTSF_* bits below.
enum : unsigned {
  kDtsfSign = 1,      // always add a sign ('+' for non-negatives)
  kDtsfAddDot0 = 2,   // an integral result without exponent gets ".0"
  kDtsfAlt = 4,       // '#': keep the decimal point and trailing zeros
  kDtsfNoNegZero = 8  // 'z': a result that is zero prints without '-'
};
std::string doubleToString(double v, char code, int precision, unsigned flags);

// ---- the format-spec mini-language ----

// What a spec is parsed for: the presentation type and alignment that apply when the spec
// omits them ('d' and '>' for int, none and '>' for float, 's' and '<' for str), and the
// object's type name used in error messages ("Invalid format specifier ... for object of type
// 'int'").
enum class FormatTarget : uint8_t { Int, Float, Str };

// CPython's InternalFormatSpec after parse_internal_render_format_spec: defaults are already
// applied (align and type are never 0 except type == 0 for float's "no type").
struct FormatSpec {
  char32_t fill = U' ';
  char align = '>';        // '<' '>' '=' '^'
  char sign = 0;           // '+' '-' ' ' or 0
  bool noNegZero = false;  // 'z'
  bool alternate = false;  // '#'
  int64_t width = -1;      // -1 = not given
  char grouping = 0;       // ',' '_' or 0
  int64_t precision = -1;  // -1 = not given
  char32_t type = 0;       // presentation type (a code point: unknown ones are reported later)
};

enum class FormatErrorKind : uint8_t { ValueError, OverflowError };
struct FormatError {
  FormatErrorKind kind = FormatErrorKind::ValueError;
  std::string message;
};

// Parses `spec` (UTF-8) for a value of `target`. typeName overrides the type name in error
// messages (e.g. "bool"); empty means "int"/"float"/"str". On failure returns nullopt and sets
// *error to the ValueError message, e.g. "Invalid format specifier 'abc' for object of type
// 'int'", "Cannot specify both ',' and '_'.", "Format specifier missing precision".
std::optional<FormatSpec> parseFormatSpec(std::string_view spec, std::string* error,
                                          FormatTarget target = FormatTarget::Int,
                                          std::string_view typeName = {});

// Formatting with a parsed spec. nullopt + *error on failure (e.g. "Unknown format code 'd' for
// object of type 'float'"). Ints accept b c d o x X n and the float types e E f F g G % (through
// float(x): an int too large gives OverflowError "int too large to convert to float").
// maxStrDigits is sys.get_int_max_str_digits() (0 = unlimited): decimal output of an int with
// more digits fails like CPython ("Exceeds the limit (4300 digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit").
std::optional<std::string> formatInt(const BigInt& v, const FormatSpec& spec, FormatError* error,
                                     std::string_view typeName = "int", int maxStrDigits = 4300);
std::optional<std::string> formatInt(int64_t v, const FormatSpec& spec, FormatError* error,
                                     std::string_view typeName = "int");
std::optional<std::string> formatFloat(double v, const FormatSpec& spec, FormatError* error,
                                       std::string_view typeName = "float");
std::optional<std::string> formatStr(std::string_view utf8, const FormatSpec& spec,
                                     FormatError* error, std::string_view typeName = "str");

// The whole of format(value, spec) / f"{value:spec}": an empty spec gives str(value) (for a
// bool the caller passes "True"/"False" itself), otherwise parse then format.
std::optional<std::string> formatInt(const BigInt& v, std::string_view spec, FormatError* error,
                                     std::string_view typeName = "int", int maxStrDigits = 4300);
std::optional<std::string> formatInt(int64_t v, std::string_view spec, FormatError* error,
                                     std::string_view typeName = "int");
std::optional<std::string> formatFloat(double v, std::string_view spec, FormatError* error,
                                       std::string_view typeName = "float");
std::optional<std::string> formatStr(std::string_view utf8, std::string_view spec,
                                     FormatError* error, std::string_view typeName = "str");

// ---- text to numbers ----

// float(s): surrounding whitespace (ASCII and Unicode), sign, digits with PEP 515 underscores,
// '.', exponent, "inf"/"infinity"/"nan" in any case; Unicode decimal digits count as digits.
// nullopt on anything else: the caller raises "ValueError: could not convert string to float:
// <repr(s)>". Out-of-range values give +-inf or +-0.0 like CPython.
std::optional<double> parseFloat(std::string_view utf8);

// int(s, base) with base 0 or 2..36 (the caller rejects other bases with "int() base must be
// >= 2 and <= 36, or 0"). Accepts surrounding whitespace, a sign, the 0x/0o/0b prefix matching
// the base (then one optional '_'), single underscores between digits, Unicode decimal digits.
enum class IntParseError : uint8_t {
  None,
  // "invalid literal for int() with base %d: %.200R" with the caller's base argument (0 stays
  // 0) and repr(s) cut to 200 code points (the closing quote is lost on long strings).
  Invalid,
  // "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; use
  // sys.set_int_max_str_digits() to increase the limit" -- *digitCount gets the digit count.
  // Only for bases that are not powers of two; maxStrDigits 0 = unlimited.
  TooManyDigits,
};
std::optional<BigInt> parseIntLiteral(std::string_view utf8, int base, IntParseError* error,
                                      size_t* digitCount = nullptr, int maxStrDigits = 4300);

// ---- rounding ----

// round(x, ndigits) for a float, like CPython's float.__round__ (correctly rounded, half to
// even on the exact decimal value: round(2.675, 2) == 2.67, round(-0.5, 0) == -0.0). NaN and
// infinities are returned unchanged. When the rounded value overflows, sets *overflow (if
// given) and returns +-inf: the caller raises "OverflowError: rounded value too large to
// represent".
double roundHalfEven(double x, int64_t ndigits, bool* overflow = nullptr);
// round(x) with no ndigits: the nearest integral value, ties to even (as a double; the caller
// converts with BigInt::fromDouble after rejecting NaN/inf).
double roundToIntegral(double x);

// ---- Unicode helpers shared by the parsers ----

// The value of a Unicode decimal digit (category Nd, Unicode 14 as in CPython 3.11), else -1.
int unicodeDecimalValue(char32_t c);
// str.isspace() for one code point.
bool unicodeIsSpace(char32_t c);
// Number of code points in UTF-8 text (continuation bytes are not counted).
size_t utf8Length(std::string_view s);

}  // namespace interleave::lang
