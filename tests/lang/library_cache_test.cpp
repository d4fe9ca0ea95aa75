// The compiled library code kept across runs in one process (lang/library_cache.h): a copy
// equals a fresh compilation, and a program run again in the same process gives the same trace.
#include <gtest/gtest.h>

#include <string>

#include "compiler.h"
#include "library_cache.h"
#include "modules.h"
#include "parser.h"
#include "runner.h"
#include "trace_writers.h"

namespace interleave::lang {
namespace {

// Structural equality of two code objects (and everything their constants hold).
void expectSameValue(const Value& a, const Value& b, const std::string& where);

void expectSameCode(const CodeObj* a, const CodeObj* b, const std::string& where) {
  ASSERT_NE(a, b) << where << ": the copy must not share the template's object";
  EXPECT_EQ(a->name, b->name) << where;
  EXPECT_EQ(a->qualname, b->qualname) << where;
  EXPECT_EQ(a->filename, b->filename) << where;
  ASSERT_EQ(a->code.size(), b->code.size()) << where;
  for (size_t i = 0; i < a->code.size(); ++i) {
    EXPECT_EQ(a->code[i].op, b->code[i].op) << where << " instruction " << i;
    EXPECT_EQ(a->code[i].arg, b->code[i].arg) << where << " instruction " << i;
  }
  ASSERT_EQ(a->spans.size(), b->spans.size()) << where;
  for (size_t i = 0; i < a->spans.size(); ++i) {
    EXPECT_EQ(a->spans[i].line, b->spans[i].line) << where;
    EXPECT_EQ(a->spans[i].col, b->spans[i].col) << where;
    EXPECT_EQ(a->spans[i].endCol, b->spans[i].endCol) << where;
  }
  ASSERT_EQ(a->names.size(), b->names.size()) << where;
  for (size_t i = 0; i < a->names.size(); ++i) EXPECT_EQ(a->names[i]->s, b->names[i]->s) << where;
  EXPECT_EQ(a->varnames, b->varnames) << where;
  EXPECT_EQ(a->cellvars, b->cellvars) << where;
  EXPECT_EQ(a->freevars, b->freevars) << where;
  EXPECT_EQ(a->cellFromArg, b->cellFromArg) << where;
  EXPECT_EQ(a->argcount, b->argcount) << where;
  EXPECT_EQ(a->posonlyargcount, b->posonlyargcount) << where;
  EXPECT_EQ(a->kwonlyargcount, b->kwonlyargcount) << where;
  EXPECT_EQ(a->flags, b->flags) << where;
  EXPECT_EQ(a->firstLine, b->firstLine) << where;
  EXPECT_EQ(a->stackSize, b->stackSize) << where;
  EXPECT_EQ(a->docstring == nullptr, b->docstring == nullptr) << where;
  if (a->docstring && b->docstring) EXPECT_EQ(a->docstring->s, b->docstring->s) << where;
  ASSERT_EQ(a->constants.size(), b->constants.size()) << where;
  for (size_t i = 0; i < a->constants.size(); ++i) {
    expectSameValue(a->constants[i], b->constants[i], where + " constant " + std::to_string(i));
  }
}

void expectSameValue(const Value& a, const Value& b, const std::string& where) {
  ASSERT_EQ(a.isObj(), b.isObj()) << where;
  if (!a.isObj()) {
    EXPECT_TRUE(a.is(b)) << where;
    return;
  }
  ASSERT_EQ(a.asObj()->kind, b.asObj()->kind) << where;
  switch (a.asObj()->kind) {
    case ObjKind::Str:
      EXPECT_EQ(static_cast<StrObj*>(a.asObj())->s, static_cast<StrObj*>(b.asObj())->s) << where;
      break;
    case ObjKind::BigInt:
      EXPECT_EQ(static_cast<BigIntObj*>(a.asObj())->value.toString(), static_cast<BigIntObj*>(b.asObj())->value.toString())
          << where;
      break;
    case ObjKind::Tuple: {
      const auto& x = static_cast<TupleObj*>(a.asObj())->items;
      const auto& y = static_cast<TupleObj*>(b.asObj())->items;
      ASSERT_EQ(x.size(), y.size()) << where;
      for (size_t i = 0; i < x.size(); ++i) expectSameValue(x[i], y[i], where + "[" + std::to_string(i) + "]");
      break;
    }
    case ObjKind::Code:
      expectSameCode(static_cast<CodeObj*>(a.asObj()), static_cast<CodeObj*>(b.asObj()), where);
      break;
    default:
      ADD_FAILURE() << where << ": a constant of an unexpected kind";
  }
}

CodeObj* freshCompile(Heap& heap, const char* source, const std::string& filename, bool prelude) {
  ParseResult parsed = parseModule(source, filename);
  if (!parsed.module) return nullptr;
  return compileModule(heap, *parsed.module, filename, prelude, /*library=*/true).code;
}

TEST(LibraryCache, ACopyOfEachLibraryModuleEqualsAFreshCompilation) {
  for (const char* name : {"prelude", "asyncio", "threading", "concurrent_futures", "multiprocessing", "json"}) {
    std::string filename = std::string("<") + name + ">";
    bool prelude = std::string(name) == "prelude";
    Heap fresh;
    CodeObj* expected = freshCompile(fresh, librarySource(name), filename, prelude);
    ASSERT_NE(expected, nullptr) << name;
    for (int round = 0; round < 2; ++round) {  // the first call compiles, the second copies
      Heap heap;
      std::string error;
      CodeObj* copy = compileLibraryCode(heap, librarySource(name), filename, prelude, &error);
      ASSERT_NE(copy, nullptr) << name << ": " << error;
      expectSameCode(expected, copy, name);
    }
  }
}

TEST(LibraryCache, ConstantsSharedByTheCompilerStaySharedInTheCopy) {
  Heap heap;
  std::string error;
  CodeObj* code = compileLibraryCode(heap, librarySource("asyncio"), "<asyncio>", false, &error);
  ASSERT_NE(code, nullptr) << error;
  // A name used twice in one code object is one StrObj there, as the compiler made it.
  Heap fresh;
  CodeObj* expected = freshCompile(fresh, librarySource("asyncio"), "<asyncio>", false);
  ASSERT_NE(expected, nullptr);
  for (size_t i = 0; i < expected->names.size(); ++i) {
    for (size_t j = i + 1; j < expected->names.size(); ++j) {
      EXPECT_EQ(expected->names[i] == expected->names[j], code->names[i] == code->names[j]);
    }
  }
}

TEST(LibraryCache, AProgramRunTwiceInOneProcessGivesTheSameTrace) {
  const std::string program =
      "import asyncio, threading, queue, json\n"
      "from concurrent.futures import ThreadPoolExecutor\n"
      "\n"
      "async def worker(i):\n"
      "    await asyncio.sleep(0.001 * (i % 3))\n"
      "    return i * i\n"
      "\n"
      "async def main():\n"
      "    print(await asyncio.gather(*[worker(i) for i in range(20)]))\n"
      "    print(await asyncio.to_thread(sum, range(10)))\n"
      "\n"
      "asyncio.run(main())\n"
      "with ThreadPoolExecutor() as pool:\n"
      "    print(list(pool.map(abs, [-1, -2, 3])))\n"
      "print(json.dumps({'a': [1, 2]}))\n";
  ProgramOutcome first = runProgram("twice.py", program, "");
  ProgramOutcome second = runProgram("twice.py", program, "");
  ASSERT_TRUE(first.ran);
  EXPECT_EQ(first.exitCode, 0) << first.stderrText;
  EXPECT_EQ(first.stdoutText, "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225, 256, 289, 324, 361]\n"
                              "45\n[1, 2, 3]\n{\"a\": [1, 2]}\n");
  EXPECT_EQ(first.stdoutText, second.stdoutText);
  EXPECT_EQ(first.stderrText, second.stderrText);
  EXPECT_EQ(traceToJson(first.trace), traceToJson(second.trace));
}

}  // namespace
}  // namespace interleave::lang
