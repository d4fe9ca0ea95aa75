// The parser of the Python front end: source text → AST (ast.h), following CPython 3.11's
// grammar (Grammar/python.gram) for Interleave's subset (PRODUCT.md §1), with CPython's
// SyntaxError messages and positions for the mistakes learners make. It also performs the
// checks CPython does at compile time that need no name resolution ('return' outside function,
// 'break' outside loop, 'yield' outside function, duplicate argument, misplaced starred
// expression, repeated keyword argument, nonlocal at module level).
//
// It never throws, crashes or hangs, whatever the bytes: deep nesting stops with a SyntaxError
// (see kMaxNestingDepth in parser.cpp).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ast.h"
#include "syntax_error.h"  // SyntaxErrorInfo, NotSupportedInfo

namespace interleave::lang {

struct ParseResult {
  std::unique_ptr<Module> module;               // null on error
  std::optional<SyntaxErrorInfo> error;
  std::optional<NotSupportedInfo> unsupported;  // valid Python outside the subset
};

// Exactly one of module / error / unsupported is set. A program that is invalid Python reports
// the error even if it also uses an unsupported construct (CPython would reject it too).
ParseResult parseModule(std::string_view source, const std::string& filename);

}  // namespace interleave::lang
