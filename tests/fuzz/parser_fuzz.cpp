// libFuzzer target for the Python front end's parser and compiler: arbitrary bytes go through
// parseModule (lexer + parser) and, when they parse, compileModule (symbol table + codegen).
// Nothing is executed. Built and run by tools/fuzz.sh; see docs/fuzzing.md.
//
// Besides the sanitizers (ASan, UBSan) it checks the documented contracts:
//   - parser.h: exactly one of module / error / unsupported is set, whatever the bytes;
//   - compiler.h: a CompileResult has either a code object or an error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler.h"
#include "heap.h"
#include "parser.h"

using namespace interleave::lang;

namespace {
[[noreturn]] void contractViolation(const char* what) {
  std::fprintf(stderr, "parser_fuzz: contract violated: %s\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The VM fuzzer caps inputs at 4 KB; the parser gets a little more room (deep nesting, long
  // lines) but stays small enough that every run is fast.
  if (size > 16 * 1024) return -1;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  ParseResult parsed = parseModule(source, "fuzz.py");
  int set = (parsed.module ? 1 : 0) + (parsed.error ? 1 : 0) + (parsed.unsupported ? 1 : 0);
  if (set != 1) contractViolation("ParseResult must have exactly one of module/error/unsupported");
  if (!parsed.module) return 0;
  Heap heap;
  CompileResult compiled = compileModule(heap, *parsed.module, "fuzz.py");
  if ((compiled.code != nullptr) == compiled.error.has_value())
    contractViolation("CompileResult must have exactly one of code/error");
  return 0;
}
