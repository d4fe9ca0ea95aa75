// Lexer tests: tokens, indentation, numbers, strings, f-string fields, errors. Expected error
// messages and columns are CPython 3.11's (compile(source, "f.py", "exec") on this machine).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexer.h"

using namespace interleave::lang;
using namespace std::string_view_literals;

namespace {

// "NAME(x) OP(=) NUMBER(1) NEWLINE ENDMARKER"; string tokens show their whole text.
std::string kinds(std::string_view source) {
  LexResult r = tokenize(source);
  std::string out;
  for (const Token& t : r.tokens) {
    if (!out.empty()) out += ' ';
    out += tokenKindName(t.kind);
    if (t.kind == TokenKind::Name || t.kind == TokenKind::Number || t.kind == TokenKind::Op ||
        t.kind == TokenKind::String) {
      out += '(';
      out += t.text;
      out += ')';
    }
  }
  if (r.error) out += " [" + r.error->message + "]";
  return out;
}

struct LexError {
  std::string type, message;
  int line = 0, col = 0;
};
LexError lexError(std::string_view source) {
  LexResult r = tokenize(source);
  if (!r.error) return {"none", "", 0, 0};
  EXPECT_EQ(r.tokens.back().kind, TokenKind::Error);
  return {r.error->type, r.error->message, r.error->line, r.error->col};
}

void expectLexError(std::string_view source, std::string_view type, std::string_view message,
                    int line, int col) {
  SCOPED_TRACE(std::string(source));
  LexError e = lexError(source);
  EXPECT_EQ(e.type, type);
  EXPECT_EQ(e.message, message);
  EXPECT_EQ(e.line, line);
  EXPECT_EQ(e.col, col);
}

std::string decoded(std::string_view body, bool bytes = false, bool raw = false) {
  std::string out;
  DecodeStatus st = decodeStringBody(body, bytes, raw, out);
  if (st.kind != DecodeStatus::Ok) return "<" + st.message + ">";
  return out;
}

}  // namespace

// ---- Line structure ------------------------------------------------------------------------

TEST(Lexer, SimpleStatementEndsWithNewlineAndEndmarker) {
  EXPECT_EQ(kinds("x = 1\n"), "NAME(x) OP(=) NUMBER(1) NEWLINE ENDMARKER");
}

TEST(Lexer, LastLineWithoutNewlineGetsAnImplicitNewline) {
  EXPECT_EQ(kinds("x"), "NAME(x) NEWLINE ENDMARKER");
}

TEST(Lexer, IndentAndDedentFollowTheBlocks) {
  EXPECT_EQ(kinds("if x:\n    y\n    if z:\n        w\nv\n"),
            "NAME(if) NAME(x) OP(:) NEWLINE INDENT NAME(y) NEWLINE NAME(if) NAME(z) OP(:) NEWLINE "
            "INDENT NAME(w) NEWLINE DEDENT DEDENT NAME(v) NEWLINE ENDMARKER");
}

TEST(Lexer, EndOfFileClosesEveryOpenBlock) {
  EXPECT_EQ(kinds("if x:\n  if y:\n    z"),
            "NAME(if) NAME(x) OP(:) NEWLINE INDENT NAME(if) NAME(y) OP(:) NEWLINE INDENT NAME(z) "
            "NEWLINE DEDENT DEDENT ENDMARKER");
}

TEST(Lexer, BlankAndCommentOnlyLinesProduceNoTokens) {
  EXPECT_EQ(kinds("if x:\n\n    # comment\n# at column 0\n        # deeper\n    y\n"),
            "NAME(if) NAME(x) OP(:) NEWLINE INDENT NAME(y) NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("# only a comment"), "ENDMARKER");
  EXPECT_EQ(kinds(""), "ENDMARKER");
}

TEST(Lexer, BracketsJoinLinesWithoutNewlineOrIndentation) {
  EXPECT_EQ(kinds("x = [1,\n        2,  # two\n\n  3]\n"),
            "NAME(x) OP(=) OP([) NUMBER(1) OP(,) NUMBER(2) OP(,) NUMBER(3) OP(]) NEWLINE "
            "ENDMARKER");
}

TEST(Lexer, BackslashJoinsLines) {
  EXPECT_EQ(kinds("x = 1 + \\\n  2\n"), "NAME(x) OP(=) NUMBER(1) OP(+) NUMBER(2) NEWLINE ENDMARKER");
}

TEST(Lexer, TabsAdvanceToTheNextMultipleOfEight) {
  // "  \t" is column 8 like "\t": same level, no INDENT/DEDENT between y and z.
  EXPECT_EQ(kinds("if x:\n\ty\n\tz\n"),
            "NAME(if) NAME(x) OP(:) NEWLINE INDENT NAME(y) NEWLINE NAME(z) NEWLINE DEDENT "
            "ENDMARKER");
  LexResult r = tokenize("if x:\n  \ty\n");
  EXPECT_FALSE(r.error);
}

TEST(Lexer, IndentTokenSpansTheIndentationAndDedentIsEmpty) {
  LexResult r = tokenize("if x:\n    y\nz\n");
  ASSERT_FALSE(r.error);
  const Token& indent = r.tokens[4];
  ASSERT_EQ(indent.kind, TokenKind::Indent);
  EXPECT_EQ(indent.line, 2);
  EXPECT_EQ(indent.col, 0);
  EXPECT_EQ(indent.endCol, 4);
  const Token& dedent = r.tokens[7];
  ASSERT_EQ(dedent.kind, TokenKind::Dedent);
  EXPECT_EQ(dedent.line, 3);
  EXPECT_EQ(dedent.col, dedent.endCol);
}

TEST(Lexer, NewlineTokenIsEmptyAndStartsAtATrailingComment) {
  LexResult r = tokenize("x  # note\ny\n");
  ASSERT_EQ(r.tokens[1].kind, TokenKind::Newline);
  EXPECT_EQ(r.tokens[1].col, 3);     // CPython: the '#'
  EXPECT_EQ(r.tokens[1].endCol, 9);  // the '\n'
  ASSERT_EQ(r.tokens[3].kind, TokenKind::Newline);
  EXPECT_EQ(r.tokens[3].col, 1);
  EXPECT_EQ(r.tokens[3].endCol, 1);
}

TEST(Lexer, TokensKnowTheirBracketLevel) {
  LexResult r = tokenize("f(a[1])\n");
  std::vector<int> levels;
  for (const Token& t : r.tokens) levels.push_back(t.level);
  EXPECT_EQ(levels, (std::vector<int>{0, 1, 1, 2, 2, 1, 0, 0, 0}));
}

TEST(Lexer, WindowsNewlinesAndByteOrderMarkAreNormalised) {
  EXPECT_EQ(kinds("\xef\xbb\xbfx = 1\r\ny = 2\rz\n"),
            "NAME(x) OP(=) NUMBER(1) NEWLINE NAME(y) OP(=) NUMBER(2) NEWLINE NAME(z) NEWLINE "
            "ENDMARKER");
}

// ---- Indentation errors --------------------------------------------------------------------

TEST(Lexer, UnindentThatMatchesNoOuterLevelIsAnIndentationError) {
  // CPython puts the caret just past the end of the line.
  expectLexError("if x:\n    a\n  b\n", "IndentationError",
                 "unindent does not match any outer indentation level", 3, 4);
  LexResult r = tokenize("if x:\n    a\n  b\n");
  EXPECT_EQ(r.errorKind, LexResult::ErrorKind::Deferred);
}

TEST(Lexer, MixingTabsAndSpacesInconsistentlyIsATabError) {
  expectLexError("if x:\n        a\n\tb\n", "TabError",
                 "inconsistent use of tabs and spaces in indentation", 3, 1);
  expectLexError("if x:\n\ta\n        b\n", "TabError",
                 "inconsistent use of tabs and spaces in indentation", 3, 1);
}

TEST(Lexer, AHundredIndentationLevelsAreTooMany) {
  std::string src;
  for (int i = 0; i < 100; ++i) src += std::string(i, ' ') + "if x:\n";
  src += std::string(100, ' ') + "pass\n";
  expectLexError(src, "IndentationError", "too many levels of indentation", 101, 1);
}

TEST(Lexer, LineContinuationErrors) {
  expectLexError("x = 1\\ y\n", "SyntaxError",
                 "unexpected character after line continuation character", 1, 7);
  expectLexError("x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8);
  expectLexError("if x:\n   \\ y\n", "SyntaxError",
                 "unexpected character after line continuation character", 2, 5);
}

// ---- Numbers -------------------------------------------------------------------------------

TEST(Lexer, EveryNumberFormIsOneToken) {
  for (std::string_view n :
       {"0"sv, "00"sv, "7"sv, "1_000"sv, "0x1F"sv, "0XdeadBEEF"sv, "0x_1"sv, "0o17"sv, "0O7"sv,
        "0b1010"sv, "0B1_1"sv, "3.14"sv, "10."sv, ".5"sv, "1e10"sv, "1E+10"sv, "1e-10"sv,
        "1_0.0_1e1_0"sv, "0.0"sv, "0e0"sv, "2j"sv, "1.5J"sv, "0j"sv, "1e5j"sv, "09.5"sv,
        "09j"sv}) {
    SCOPED_TRACE(std::string(n));
    LexResult r = tokenize(n);
    ASSERT_FALSE(r.error) << r.error->message;
    ASSERT_GE(r.tokens.size(), 1u);
    EXPECT_EQ(r.tokens[0].kind, TokenKind::Number);
    EXPECT_EQ(r.tokens[0].text, n);
  }
}

TEST(Lexer, NumberDirectlyFollowedByAKeywordEndsBeforeIt) {
  EXPECT_EQ(kinds("1if x else 2\n"),
            "NUMBER(1) NAME(if) NAME(x) NAME(else) NUMBER(2) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("0b1or 0x1 and 1.5in y\n"),
            "NUMBER(0b1) NAME(or) NUMBER(0x1) NAME(and) NUMBER(1.5) NAME(in) NAME(y) NEWLINE "
            "ENDMARKER");
}

TEST(Lexer, MalformedNumbersHaveCPythonsMessagesAndColumns) {
  expectLexError("x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5);
  expectLexError("x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6);
  expectLexError("x = 0xg\n", "SyntaxError", "invalid hexadecimal literal", 1, 6);
  expectLexError("x = 012\n", "SyntaxError",
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                 "for octal integers",
                 1, 5);
  expectLexError("x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7);
  expectLexError("x = 0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 7);
  expectLexError("x = 0b\n", "SyntaxError", "invalid binary literal", 1, 6);
  expectLexError("x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6);
  expectLexError("x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6);
  expectLexError("x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5);
  expectLexError("x = 1e+\n", "SyntaxError", "invalid decimal literal", 1, 7);
  expectLexError("x = 1jk\n", "SyntaxError", "invalid imaginary literal", 1, 6);
  LexResult r = tokenize("x = 1abc\n");
  EXPECT_EQ(r.errorKind, LexResult::ErrorKind::Raised);
}

// ---- Strings -------------------------------------------------------------------------------

TEST(Lexer, EveryStringPrefixIsPartOfTheStringToken) {
  for (std::string_view s :
       {"'a'"sv, "\"a\""sv, "r'a'"sv, "R'a'"sv, "u'a'"sv, "U'a'"sv, "b'a'"sv, "B'a'"sv,
        "br'a'"sv, "rb'a'"sv, "Rb'a'"sv, "bR'a'"sv, "BR'a'"sv, "f'a'"sv, "F'a'"sv, "fr'a'"sv,
        "rf'a'"sv, "FR'a'"sv, "Rf'a'"sv, "''"sv, "''''''"sv, "'''a'''"sv, "\"\"\"a\"\"\""sv}) {
    SCOPED_TRACE(std::string(s));
    LexResult r = tokenize(s);
    ASSERT_FALSE(r.error);
    EXPECT_EQ(r.tokens[0].kind, TokenKind::String);
    EXPECT_EQ(r.tokens[0].text, s);
  }
}

TEST(Lexer, InvalidPrefixCombinationsAreANameThenAString) {
  EXPECT_EQ(kinds("ur'x'\n"), "NAME(ur) STRING('x') NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("fb'x'\n"), "NAME(fb) STRING('x') NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("bu'x'\n"), "NAME(bu) STRING('x') NEWLINE ENDMARKER");
}

TEST(Lexer, BackslashesEscapeQuotesAndNewlinesInsideStrings) {
  EXPECT_EQ(kinds("'it\\'s' r'\\'' 'a\\\nb'\n"),
            "STRING('it\\'s') STRING(r'\\'') STRING('a\\\nb') NEWLINE ENDMARKER");
}

TEST(Lexer, TripleQuotedStringsSpanLinesAndKeepTheirPositions) {
  LexResult r = tokenize("x = '''a\nbc\n''' + y\n");
  ASSERT_FALSE(r.error);
  const Token& s = r.tokens[2];
  EXPECT_EQ(s.kind, TokenKind::String);
  EXPECT_EQ(s.line, 1);
  EXPECT_EQ(s.col, 4);
  EXPECT_EQ(s.endLine, 3);
  EXPECT_EQ(s.endCol, 3);
  EXPECT_EQ(r.tokens[3].line, 3);
  EXPECT_EQ(r.tokens[3].col, 4);
}

TEST(Lexer, UnterminatedStringsPointAtTheirStart) {
  expectLexError("x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)",
                 1, 5);
  expectLexError("x = f\"abc\ny = 1\n", "SyntaxError",
                 "unterminated string literal (detected at line 1)", 1, 5);
  expectLexError("x = \"abc\\\ny", "SyntaxError",
                 "unterminated string literal (detected at line 2)", 1, 5);
  expectLexError("x = '''abc\n\ny\n", "SyntaxError",
                 "unterminated triple-quoted string literal (detected at line 3)", 1, 5);
}

TEST(Lexer, SplittingAStringTokenGivesPrefixFlagsAndBody) {
  LexResult r = tokenize("Rb'''x\\n''' f\"{a}\" u''\n");
  StringLiteral a = splitStringToken(r.tokens[0]);
  EXPECT_TRUE(a.isBytes);
  EXPECT_TRUE(a.isRaw);
  EXPECT_FALSE(a.isFString);
  EXPECT_EQ(a.quoteLen, 3);
  EXPECT_EQ(a.prefixLen, 2);
  EXPECT_EQ(a.body, "x\\n");
  StringLiteral b = splitStringToken(r.tokens[1]);
  EXPECT_TRUE(b.isFString);
  EXPECT_EQ(b.quoteLen, 1);
  EXPECT_EQ(b.body, "{a}");
  StringLiteral c = splitStringToken(r.tokens[2]);
  EXPECT_TRUE(c.isUnicode);
  EXPECT_EQ(c.body, "");
}

TEST(Lexer, StringEscapesDecodeLikePython) {
  EXPECT_EQ(decoded("a\\tb\\nc\\\\d\\'\\\"e"), "a\tb\nc\\d'\"e");
  EXPECT_EQ(decoded("\\a\\b\\f\\r\\v"), "\a\b\f\r\v");
  EXPECT_EQ(decoded("\\x41\\101\\0\\7"), std::string("AA\0\a", 4));
  EXPECT_EQ(decoded("\\u00e9\\U0001F600"), "\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(decoded("\\777"), "\xc7\xbf");  // chr(0o777) in a str
  EXPECT_EQ(decoded("line\\\ncontinued"), "linecontinued");
  EXPECT_EQ(decoded("\\q\\d"), "\\q\\d");  // unknown escapes stay (CPython warns)
  EXPECT_EQ(decoded("\\ud800"), "\xed\xa0\x80");  // a lone surrogate, encoded like UTF-8
  EXPECT_EQ(decoded("\\n\\x41", false, true), "\\n\\x41");  // raw
}

TEST(Lexer, BytesEscapesDecodeToRawBytes) {
  EXPECT_EQ(decoded("\\x00\\xff\\n", true), std::string("\0\xff\n", 3));
  EXPECT_EQ(decoded("\\400", true), std::string("\0", 1));  // 0o400 & 0xFF, as CPython
  EXPECT_EQ(decoded("\\u0041\\N{X}", true), "\\u0041\\N{X}");  // not escapes in bytes
}

TEST(Lexer, BadEscapesHaveCPythonsMessages) {
  EXPECT_EQ(decoded("a\\xZZ"),
            "<(unicode error) 'unicodeescape' codec can't decode bytes in position 1-2: "
            "truncated \\xXX escape>");
  EXPECT_EQ(decoded("\\u12"),
            "<(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: "
            "truncated \\uXXXX escape>");
  EXPECT_EQ(decoded("\\U00110000"),
            "<(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal "
            "Unicode character>");
  EXPECT_EQ(decoded("\\xZ", true), "<(value error) invalid \\x escape at position 0>");
  std::string out;
  DecodeStatus st = decodeStringBody("\\N{BULLET}", false, false, out);
  EXPECT_EQ(st.kind, DecodeStatus::Unsupported);
  EXPECT_EQ(st.message, "`\\N{...}` escapes in strings");
}

// ---- Identifiers and characters ------------------------------------------------------------

TEST(Lexer, UnicodeIdentifiersAreNames) {
  EXPECT_EQ(kinds("café = π\n"), "NAME(café) OP(=) NAME(π) NEWLINE ENDMARKER");
  EXPECT_TRUE(isIdentifierStart(0xE9));
  EXPECT_TRUE(isIdentifierStart(0x3C0));
  EXPECT_FALSE(isIdentifierStart(0x2014));
  EXPECT_TRUE(isIdentifierContinue(0x0663));  // ARABIC-INDIC DIGIT THREE
  EXPECT_FALSE(isIdentifierStart(0x0663));
  EXPECT_FALSE(isPrintable(0xA0));
  EXPECT_TRUE(isPrintable(0x2014));
}

TEST(Lexer, ColumnsAreCountedInCodePoints) {
  LexResult r = tokenize("é = 'ü—' + x\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[0].endCol, 1);
  EXPECT_EQ(r.tokens[2].col, 4);
  EXPECT_EQ(r.tokens[2].endCol, 8);
  EXPECT_EQ(r.tokens[4].col, 11);
}

TEST(Lexer, InvalidCharactersAreNamedWithTheirCodePoint) {
  expectLexError("x = 1 \xe2\x80\x94 2\n", "SyntaxError", "invalid character '\xe2\x80\x94' (U+2014)",
                 1, 7);
  expectLexError("print(\xe2\x80\x9chi\xe2\x80\x9d)\n", "SyntaxError",
                 "invalid character '\xe2\x80\x9c' (U+201C)", 1, 7);
  expectLexError("x\xc2\xa0= 1\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 2);
  expectLexError("x = \x01\n", "SyntaxError", "invalid non-printable character U+0001", 1, 5);
}

TEST(Lexer, UnknownAsciiCharactersAreLoneOperators) {
  // CPython reports "invalid syntax" at them; that is the parser's job.
  EXPECT_EQ(kinds("$ ? ` !\n"), "OP($) OP(?) OP(`) OP(!) NEWLINE ENDMARKER");
}

TEST(Lexer, EveryOperatorIsOneToken) {
  EXPECT_EQ(kinds("**= //= >>= <<= ... != %= &= ** *= += -= -> // /= := << <= == >= >> @= ^= |= "
                  "+ - * / % @ < > = . , : ; ~ ^ | &\n"),
            "OP(**=) OP(//=) OP(>>=) OP(<<=) OP(...) OP(!=) OP(%=) OP(&=) OP(**) OP(*=) OP(+=) "
            "OP(-=) OP(->) OP(//) OP(/=) OP(:=) OP(<<) OP(<=) OP(==) OP(>=) OP(>>) OP(@=) OP(^=) "
            "OP(|=) OP(+) OP(-) OP(*) OP(/) OP(%) OP(@) OP(<) OP(>) OP(=) OP(.) OP(,) OP(:) OP(;) "
            "OP(~) OP(^) OP(|) OP(&) NEWLINE ENDMARKER");
}

// ---- Brackets ------------------------------------------------------------------------------

TEST(Lexer, BracketErrors) {
  expectLexError("x = )\n", "SyntaxError", "unmatched ')'", 1, 5);
  expectLexError("x = (]\n", "SyntaxError",
                 "closing parenthesis ']' does not match opening parenthesis '('", 1, 6);
  expectLexError("x = (\n]\n", "SyntaxError",
                 "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1);
  expectLexError("x = (" + std::string(200, '[') + "\n", "SyntaxError",
                 "too many nested parentheses", 1, 205);
}

TEST(Lexer, EndOfFileInsideBracketsIsNeverClosed) {
  LexResult r = tokenize("x = [1,\n  (2,\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "'(' was never closed");
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(r.error->col, 3);
  EXPECT_EQ(r.errorKind, LexResult::ErrorKind::UnclosedBracket);
}

// ---- Source preparation ----------------------------------------------------------------------

TEST(Lexer, PrepareSourceRejectsInvalidUtf8AndNulBytes) {
  std::string out;
  SyntaxErrorInfo e;
  EXPECT_FALSE(prepareSource("ok = 1\nx = '\xc3('\n", out, e));
  EXPECT_EQ(e.message,
            "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 5: invalid "
            "continuation byte");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.col, 6);
  EXPECT_EQ(e.sourceLine, "x = '\xef\xbf\xbd('");
  EXPECT_FALSE(prepareSource("\xf4\x90\x80\x80", out, e));  // beyond U+10FFFF
  EXPECT_FALSE(prepareSource("\xc0\x80", out, e));           // overlong
  EXPECT_EQ(e.message,
            "(unicode error) 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start "
            "byte");
  EXPECT_FALSE(prepareSource("x = 1\0"sv, out, e));
  EXPECT_EQ(e.message, "source code string cannot contain null bytes");
  EXPECT_TRUE(prepareSource("a\r\nb\rc", out, e));
  EXPECT_EQ(out, "a\nb\nc");
}

TEST(Lexer, LineTextFindsALineWithoutItsNewline) {
  EXPECT_EQ(lineText("a\nbb\nccc", 2), "bb");
  EXPECT_EQ(lineText("a\nbb\nccc", 3), "ccc");
  EXPECT_EQ(lineText("a\n", 5), "");
}

// ---- f-string replacement fields ---------------------------------------------------------------

TEST(Lexer, FStringFieldModeJoinsLinesAndStartsAtTheGivenPosition) {
  LexOptions options;
  options.startLine = 3;
  options.startCol = 10;
  options.fstringExpr = true;
  std::string text = "a +\n  b";
  LexResult r = tokenizePrepared(text, options);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.tokens.size(), 4u);
  EXPECT_EQ(r.tokens[0].line, 3);
  EXPECT_EQ(r.tokens[0].col, 10);
  EXPECT_EQ(r.tokens[0].level, 1);
  EXPECT_EQ(r.tokens[2].line, 4);
  EXPECT_EQ(r.tokens[2].col, 2);
  EXPECT_EQ(r.tokens[3].kind, TokenKind::EndMarker);
}

// ---- Robustness --------------------------------------------------------------------------------

TEST(Lexer, AnyBytesGiveTokensEndingInEndmarkerOrError) {
  uint64_t state = 7;
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (int k = 0; k < i % 64; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      s += static_cast<char>(state >> 56);
    }
    LexResult r = tokenize(s);
    ASSERT_FALSE(r.tokens.empty());
    TokenKind last = r.tokens.back().kind;
    EXPECT_TRUE(last == TokenKind::EndMarker || last == TokenKind::Error);
    EXPECT_EQ(last == TokenKind::Error, r.error.has_value());
  }
}
