// Tokens of the Python front end, as CPython 3.11's tokenizer produces them (Lib/token.py):
// keywords are NAME tokens (the parser tells them apart), every operator and delimiter is an OP.
#pragma once
#include <cstdint>
#include <string_view>

namespace interleave::lang {

enum class TokenKind : uint8_t {
  EndMarker,
  Name,     // identifiers and keywords
  Number,   // int, float or imaginary literal, exactly as written (underscores included)
  String,   // one string literal with its prefix and quotes: rb'..', f"""...""", ...
  Op,       // operators and delimiters; also a lone unknown ASCII character such as '$' or '?',
            // which no grammar rule accepts (CPython reports "invalid syntax" at it)
  Newline,  // end of a logical line
  Indent,
  Dedent,
  Error,    // the lexer stopped here: LexResult::error says why
};

const char* tokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  // The token's source text (a view into the lexed buffer; empty for INDENT/DEDENT/ENDMARKER).
  std::string_view text;
  // Position: 1-based lines, 0-based columns counted in code points like CPython's col_offset
  // (for ASCII text these are byte offsets too). The end is exclusive.
  int line = 0, col = 0, endLine = 0, endCol = 0;
  // Bracket nesting depth after this token (CPython's tok->level): '(' at top level has 1.
  int level = 0;
  // Byte offset of the token's first character in the lexed buffer.
  uint32_t offset = 0;

  bool is(std::string_view s) const {
    return (kind == TokenKind::Op || kind == TokenKind::Name) && text == s;
  }
  bool isOp(std::string_view s) const { return kind == TokenKind::Op && text == s; }
};

}  // namespace interleave::lang
