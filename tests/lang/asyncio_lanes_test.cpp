// asyncio's event-loop and task lanes (LANE instructions, lang/lib/asyncio.py): what they show,
// and that they are instrumentation: no engine requests, no virtual CPU.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler.h"
#include "cost_model.h"
#include "parser.h"
#include "runner.h"

using namespace interleave;
using namespace interleave::lang;

namespace {

ProgramOutcome run(const std::string& source) {
  ProgramOutcome o = runProgram("lanes.py", source, "");
  EXPECT_EQ(o.exitCode, 0) << o.stderrText;
  return o;
}

const Lane* laneNamed(const Trace& t, LaneKind kind, const std::string& name) {
  for (const Lane& l : t.lanes) {
    if (l.kind == kind && l.name == name) return &l;
  }
  return nullptr;
}

// The labels of a lane's segments in `state`, in order, consecutive repeats once.
std::vector<std::string> labels(const Trace& t, const Lane& lane, State state) {
  std::vector<std::string> out;
  for (const Segment& s : lane.segments) {
    if (s.state != state) continue;
    std::string label = s.label >= 0 ? t.strings[static_cast<size_t>(s.label)] : "";
    if (out.empty() || out.back() != label) out.push_back(label);
  }
  return out;
}

const char* kSteps = R"PY(
import asyncio

def plain():
    pass

async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    asyncio.get_running_loop().call_soon(plain)
    await asyncio.gather(worker(2), worker(1))

asyncio.run(main())
)PY";

}  // namespace

TEST(AsyncioLanes, TheLoopLaneNamesEachTaskStepAndCallback) {
  ProgramOutcome o = run(kSteps);
  const Lane* loop = laneNamed(o.trace, LaneKind::EventLoop, "event loop");
  ASSERT_NE(loop, nullptr);
  // main's first step, then the plain callback and the two workers' first steps, ...
  std::vector<std::string> shown = labels(o.trace, *loop, State::LoopRunning);
  ASSERT_GE(shown.size(), 4u);
  EXPECT_EQ(shown[0], "Task-1");
  EXPECT_EQ(shown[1], "plain");
  EXPECT_EQ(shown[2], "Task-2");
  EXPECT_EQ(shown[3], "Task-3");
  // gather's done callbacks are closures: their __qualname__.
  bool closure = false;
  for (const std::string& s : shown) closure |= s == "gather.<locals>._done_callback";
  EXPECT_TRUE(closure);
}

TEST(AsyncioLanes, EachTaskLaneRunsItsStepsAndEndsWhenTheTaskIsDone) {
  ProgramOutcome o = run(kSteps);
  const Lane* two = laneNamed(o.trace, LaneKind::Task, "Task-2");
  ASSERT_NE(two, nullptr);
  int running = 0;
  for (const Segment& s : two->segments) running += s.state == State::TaskRunning;
  EXPECT_EQ(running, 3);  // two awaits: three steps
  EXPECT_EQ(two->segments.front().state, State::TaskWaiting);
  EXPECT_EQ(two->segments.back().state, State::TaskRunning);  // the last step, then no segment
}

TEST(AsyncioLanes, LaneChangesAreNoEngineRequests) {
  // 100 tasks x 10 sleep(0): 1,100 steps, each changing three lanes. A select with timeout 0
  // returns without the engine, so only start-up, the printing and the end ask it anything.
  ProgramOutcome o = run(R"PY(
import asyncio
async def worker():
    for _ in range(10):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*[worker() for _ in range(100)])
    print('done')
asyncio.run(main())
)PY");
  EXPECT_EQ(o.stdoutText, "done\n");
  EXPECT_LT(o.trace.metrics.events, 20u);
}

TEST(AsyncioLanes, AHookStatementIsOneInstructionThatCostsNothing) {
  // In library code a hook loads nothing and calls nothing: one LANE instruction reads the
  // locals itself, and LANE's cost is zero.
  const char* src =
      "def step(self, handle):\n"
      "    x = 1\n"
      "    _interleave_lane('loop_running', self, handle)\n"
      "    _interleave_lane('task_running', self)\n"
      "    return x\n";
  ParseResult parsed = parseModule(src, "<lib>");
  ASSERT_TRUE(parsed.module);
  Heap heap;
  CompileResult lib = compileModule(heap, *parsed.module, "<lib>", false, /*library=*/true);
  ASSERT_TRUE(lib.code) << lib.error->message;
  const CodeObj* fn = nullptr;
  for (const Value& c : lib.code->constants) {
    if (c.isObj() && c.asObj()->kind == ObjKind::Code) fn = static_cast<const CodeObj*>(c.asObj());
  }
  ASSERT_NE(fn, nullptr);
  int lanes = 0;
  for (const Instr& in : fn->code) {
    lanes += in.op == static_cast<uint8_t>(lang::Op::LANE);
    EXPECT_NE(in.op, static_cast<uint8_t>(lang::Op::LOAD_GLOBAL)) << "the hook must not be a call";
  }
  EXPECT_EQ(lanes, 2);
  std::array<int64_t, static_cast<size_t>(lang::Op::Count)> costs{};
  initOpCosts(&costs);
  EXPECT_EQ(costs[static_cast<size_t>(lang::Op::LANE)], 0);
}

TEST(AsyncioLanes, OutsideTheLibraryTheHookIsAnOrdinaryName) {
  ProgramOutcome o = runProgram("user.py", "_interleave_lane('task_running', 1)\n", "");
  EXPECT_EQ(o.exitCode, 1);
  EXPECT_NE(o.stderrText.find("NameError: name '_interleave_lane' is not defined"), std::string::npos) << o.stderrText;
}
