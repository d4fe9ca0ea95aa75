// The lexer of the Python front end: UTF-8 source → tokens with CPython 3.11's rules
// (Parser/tokenizer.c): NEWLINE/INDENT/DEDENT, implicit line joining inside brackets,
// backslash continuation, tabs to multiples of 8 (and CPython's tab/space consistency check),
// every number and string literal form, and CPython's error messages and positions.
//
// String literals are returned whole (prefix and quotes included), like CPython 3.11's
// tokenizer; the parser decodes them (decodeStringBody) and parses f-strings.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax_error.h"
#include "token.h"

namespace interleave::lang {

struct LexOptions {
  // Position of the text's first character (the lexer is also run on the expression part of
  // an f-string replacement field, which sits somewhere inside a line).
  int startLine = 1;
  int startCol = 0;
  // Lexing an f-string replacement field: the text behaves as if it were inside parentheses
  // (no NEWLINE/INDENT/DEDENT, newlines join lines), as CPython 3.11 parses "(" + expr + ")".
  bool fstringExpr = false;
};

struct LexResult {
  // Always ends with an EndMarker token, or with an Error token when `error` is set.
  std::vector<Token> tokens;
  std::optional<SyntaxErrorInfo> error;
  // How `error` competes with a syntax error the parser finds earlier in the file. CPython 3.11
  // tokenizes lazily, and after a parser error it tokenizes the rest of the file:
  //  - Raised: errors CPython's tokenizer raises at once (strings, numbers, characters,
  //    brackets) replace the parser's error;
  //  - Deferred: indentation and line-continuation errors only count when the parser reaches
  //    them;
  //  - UnclosedBracket: "'(' was never closed" replaces the parser's error only if the bracket
  //    was opened on a line before the furthest token the parser read.
  enum class ErrorKind : uint8_t { Raised, Deferred, UnclosedBracket };
  ErrorKind errorKind = ErrorKind::Raised;
  // tokenize(): the prepared source (BOM removed, newlines normalised to \n) that the token
  // texts point into. Null for tokenizePrepared(), whose caller owns the text.
  std::unique_ptr<std::string> buffer;
};

// Checks and normalises raw source bytes the way CPython reads a file: strips a UTF-8 BOM,
// translates \r\n and \r to \n, rejects invalid UTF-8 and NUL bytes. Returns false and fills
// `error` (sourceLine included) when the source cannot be read.
bool prepareSource(std::string_view source, std::string& out, SyntaxErrorInfo& error);

// Lexes raw source (prepareSource first). Never crashes or loops on any input.
LexResult tokenize(std::string_view source);

// Lexes text already prepared by prepareSource (or a piece of such text). Token texts are
// views into `text`, which must outlive them.
LexResult tokenizePrepared(std::string_view text, const LexOptions& options = {});

// The text of line `line` (1-based) of `text`, without its newline ("" if out of range).
std::string lineText(std::string_view text, int line);

// --- String literals -------------------------------------------------------------------------

struct StringLiteral {
  bool isBytes = false, isRaw = false, isFString = false, isUnicode = false;
  int quoteLen = 1;        // 1 or 3
  std::string_view body;   // the text between the quotes, undecoded
  int prefixLen = 0;       // bytes of prefix before the opening quote
};
// Splits a String token into prefix flags and body.
StringLiteral splitStringToken(const Token& token);

struct DecodeStatus {
  enum Kind { Ok, Error, Unsupported } kind = Ok;
  std::string message;  // Error: CPython's message; Unsupported: the construct
};
// Decodes the escapes of a string literal body (or of a literal part of an f-string) and
// appends the value to `out`: UTF-8 for str (lone surrogates from \uD800 are encoded as
// 3-byte sequences), raw bytes for bytes. Raw strings are copied as they are.
DecodeStatus decodeStringBody(std::string_view body, bool isBytes, bool isRaw, std::string& out);

// Unicode helpers (Unicode 14, as CPython 3.11): identifier characters and printability.
bool isIdentifierStart(uint32_t cp);
bool isIdentifierContinue(uint32_t cp);
bool isPrintable(uint32_t cp);
void appendUtf8(std::string& out, uint32_t cp);

}  // namespace interleave::lang
