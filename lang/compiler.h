// AST -> bytecode. A symbol-table pass decides where every name lives (fast local, cell, free,
// global, or a dict for module and class bodies), then code generation emits one CodeObj per
// scope, mirroring CPython 3.11's choice of instructions so calibrated costs apply.
#pragma once
#include <optional>
#include <string>

#include "ast.h"
#include "heap.h"

namespace interleave::lang {

struct CompileError {
  std::string type = "SyntaxError";  // SyntaxError, or "unsupported" for valid Python
  std::string message;               // outside the subset (message names the construct)
  int line = 0, col = 0;
};

struct CompileResult {
  CodeObj* code = nullptr;
  std::optional<CompileError> error;
};

// `prelude` marks every code object as part of the builtins (costed as C, hidden from
// tracebacks). `library`: lang/lib code, where `_interleave_lane(...)` statements compile to
// LANE instructions (opcodes.h).
CompileResult compileModule(Heap& heap, const Module& module, const std::string& filename,
                            bool prelude = false, bool library = false);

}  // namespace interleave::lang
