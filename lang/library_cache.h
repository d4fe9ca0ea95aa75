// Compiled library code, kept for the life of the host process. Every run compiles the prelude
// and the library modules (lang/lib/*.py) into its own heap; parsing and compiling them took
// most of a run's start-up (≈ 80 % of `import asyncio; asyncio.run(...)` of an empty
// coroutine). The first run in a process compiles each one into a private template heap; later
// runs get a copy of the template's code objects (and their constants) in their own heap,
// made in a fraction of the time. The page, the benchmarks and the tests run many programs in
// one process; the CLI runs one and gains nothing.
//
// A copy is indistinguishable from a fresh compilation: same instructions, constants, names,
// flags and source positions; no object is shared between heaps. Like the rest of the VM, for
// one host thread (the cache is a plain static).
#pragma once
#include <string>

#include "heap.h"

namespace interleave::lang {

// The code object of library source `source` (an embedded string, the same pointer on every
// call) compiled under `filename`, in `heap`; nullptr and *error on a parse or compile error.
// `prelude` as in compileModule.
CodeObj* compileLibraryCode(Heap& heap, const char* source, const std::string& filename, bool prelude,
                            std::string* error);

}  // namespace interleave::lang
