// What the Python front end reports when the source is not valid Python (or is valid Python
// outside Interleave's subset). Shared by the lexer and the parser; parser.h re-exports it.
#pragma once
#include <string>

namespace interleave::lang {

// A SyntaxError (or one of its subclasses) as CPython 3.11 would raise it while compiling.
struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // or "IndentationError", "TabError"
  std::string message;               // CPython 3.11's wording where feasible
  int line = 0, col = 0;             // 1-based line; 1-based column like SyntaxError.offset
  int endLine = 0, endCol = 0;       // 1-based, like SyntaxError.end_lineno / end_offset
  std::string sourceLine;            // the offending line's text (for the caret display)
};

// Valid Python that Interleave does not implement, e.g. {"`yield from`", 12}: the message
// shown to the user is "`yield from` is not supported by Interleave (line 12)".
struct NotSupportedInfo {
  std::string construct;
  int line = 0;
};

}  // namespace interleave::lang
