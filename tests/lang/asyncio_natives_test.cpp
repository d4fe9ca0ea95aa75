// asyncio's Future and Task as natives (lang/module_asyncio.cpp): what the program and the trace
// see is what the Python classes gave, and a task step costs what CPython's takes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runner.h"

using namespace interleave;
using namespace interleave::lang;

namespace {

ProgramOutcome run(const std::string& source) {
  ProgramOutcome o = runProgram("natives.py", source, "");
  EXPECT_EQ(o.exitCode, 0) << o.stderrText;
  return o;
}

std::vector<std::string> loopLabels(const Trace& t) {
  std::vector<std::string> out;
  for (const Lane& l : t.lanes) {
    if (l.kind != LaneKind::EventLoop) continue;
    for (const Segment& s : l.segments) {
      if (s.state == State::LoopRunning && s.label >= 0) out.push_back(t.strings[static_cast<size_t>(s.label)]);
    }
  }
  return out;
}

}  // namespace

TEST(AsyncioNatives, AFutureMethodScheduledAsACallbackIsLabelledLikeThePythonMethod) {
  ProgramOutcome o = run(R"PY(
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 1)
    print(await fut, fut.set_result.__qualname__)

asyncio.run(main())
)PY");
  EXPECT_EQ(o.stdoutText, "1 Future.set_result\n");
  std::vector<std::string> labels = loopLabels(o.trace);
  ASSERT_GE(labels.size(), 2u);
  EXPECT_EQ(labels[0], "Task-1");
  EXPECT_EQ(labels[1], "Future.set_result");
}

TEST(AsyncioNatives, ATaskStepGoesThroughASubclassesOwnMethods) {
  ProgramOutcome o = run(R"PY(
import asyncio

class Loud(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        print("add_done_callback", callable(fn))
        super().add_done_callback(fn, context=context)

async def main():
    fut = Loud(loop=asyncio.get_running_loop())
    asyncio.get_running_loop().call_later(0.001, fut.set_result, 7)
    print(await fut, fut.done())

asyncio.run(main())
)PY");
  EXPECT_EQ(o.stdoutText, "add_done_callback True\n7 True\n");
}

TEST(AsyncioNatives, AnExceptionEscapingATaskIsItsResultAndSystemExitStillEndsTheProgram) {
  ProgramOutcome o = runProgram("natives.py", R"PY(
import asyncio

async def fails():
    raise KeyError("k")

async def leaves():
    await asyncio.sleep(0)
    raise SystemExit(4)

async def main():
    t = asyncio.create_task(fails())
    try:
        await t
    except KeyError as e:
        print("caught", repr(e), repr(t.exception()))
    await asyncio.create_task(leaves())
    print("not reached")

asyncio.run(main())
)PY", "");
  EXPECT_EQ(o.stdoutText, "caught KeyError('k') KeyError('k')\n");
  EXPECT_EQ(o.exitCode, 4);
}

TEST(AsyncioNatives, ASleepZeroTaskStepCostsWhatCPythonsDoes) {
  // 100 tasks x 100 awaits of sleep(0): CPython 3.11 takes 1.29-1.30 us per step on the
  // development machine (PRODUCT.md section 2 says about 1.3 us; docs/cost-model.md).
  ProgramOutcome o = run(R"PY(
import asyncio, time

async def worker():
    for _ in range(100):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker() for _ in range(100)])

loop = asyncio.new_event_loop()
start = time.perf_counter_ns()
loop.run_until_complete(main())
print((time.perf_counter_ns() - start) // (100 * 101))
)PY");
  int64_t ns = std::stoll(o.stdoutText);
  EXPECT_GE(ns, 1170);
  EXPECT_LE(ns, 1430);
}
