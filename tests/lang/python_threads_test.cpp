// Thread scenarios written as Python reproduce the engine's GIL figures and CPython 3.11's
// race behaviour (issue 3). Expected numbers come from the model: sleeps and GIL waits of the
// switch interval, each timed wait late by the timer slack.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "runner.h"

using namespace interleave;
using namespace interleave::lang;

namespace {

ProgramOutcome run(const std::string& source, const std::string& settings = "") {
  ProgramOutcome o = runProgram("scenario.py", source, settings);
  EXPECT_EQ(o.exitCode, 0) << o.stderrText;
  return o;
}

double firstNumber(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

const char* kConvoy = R"PY(
import sys, threading, time
from interleave import cpu
def io_loop():
    start = time.perf_counter()
    for _ in range(50):
        time.sleep(0.001)
    print(time.perf_counter() - start)
INTERVAL
c = threading.Thread(target=cpu, args=(1.0,))
t = threading.Thread(target=io_loop)
c.start(); t.start(); t.join(); c.join()
)PY";

std::string convoy(const std::string& intervalLine) {
  std::string s = kConvoy;
  s.replace(s.find("INTERVAL"), 8, intervalLine);
  return s;
}

std::string race(const std::string& body) {
  return "import sys, threading\nsys.setswitchinterval(0.000001)\n" + body +
         "\nts = [threading.Thread(target=work) for _ in range(4)]\n"
         "for t in ts: t.start()\nfor t in ts: t.join()\nprint(result())\n";
}

}  // namespace

TEST(PythonThreads, IoThreadBesideCpuThreadPaysOneSwitchIntervalPerSleep) {
  // Model: 50 x (1 ms sleep + 5 ms GIL wait), each late by 50 us. CPython 3.11 here: 0.31 s.
  double loop = firstNumber(run(convoy("")).stdoutText);
  EXPECT_NEAR(loop, 50 * (0.001 + 0.00005 + 0.005 + 0.00005), 0.006);
}

TEST(PythonThreads, ShorterSwitchIntervalShortensTheConvoy) {
  // sys.setswitchinterval(0.001): 50 x (1 ms + 1 ms). CPython 3.11 here: about 0.11 s.
  double loop = firstNumber(run(convoy("sys.setswitchinterval(0.001)")).stdoutText);
  EXPECT_NEAR(loop, 50 * (0.001 + 0.00005 + 0.001 + 0.00005), 0.003);
}

TEST(PythonThreads, FourNativeThreadsOnTwoCoresTakeHalfTheirWork) {
  ProgramOutcome o = run(R"PY(
import threading, time
from interleave import native
start = time.perf_counter()
ts = [threading.Thread(target=native, args=(0.2,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(time.perf_counter() - start)
)PY", "cores=2");
  EXPECT_NEAR(firstNumber(o.stdoutText), 0.4, 0.01);
}

TEST(PythonThreads, CpuBoundThreadsDoNotSpeedUpWithTheGilButDoWithout) {
  const char* src = R"PY(
import threading, time
from interleave import cpu
start = time.perf_counter()
ts = [threading.Thread(target=cpu, args=(0.1,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(time.perf_counter() - start)
)PY";
  EXPECT_NEAR(firstNumber(run(src, "cores=4").stdoutText), 0.4, 0.02);
  EXPECT_NEAR(firstNumber(run(src, "cores=4 gil=off").stdoutText), 0.1, 0.005);
}

TEST(PythonThreads, AugmentedAddOnAGlobalIntLosesNoUpdate) {
  // No eval breaker between LOAD_GLOBAL and STORE_GLOBAL of `total += 1`. CPython: 400000.
  ProgramOutcome o = run(race(R"PY(
total = 0
def work():
    global total
    for _ in range(100000):
        total += 1
def result():
    return total
)PY"));
  EXPECT_EQ(o.stdoutText, "400000\n");
}

TEST(PythonThreads, ACallBetweenLoadAndStoreLosesUpdates) {
  // one()'s RESUME is an eval breaker between the load and the store. CPython: 214268.
  ProgramOutcome o = run(race(R"PY(
total = 0
def one():
    return 1
def work():
    global total
    for _ in range(100000):
        total = total + one()
def result():
    return total
)PY"));
  long total = std::atol(o.stdoutText.c_str());
  EXPECT_LT(total, 400000);
  EXPECT_GT(total, 100000);
}

TEST(PythonThreads, InPlaceAddWithAPythonDunderLosesUpdates) {
  ProgramOutcome o = run(race(R"PY(
class Counter:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Counter(self.n + other)
total = Counter(0)
def work():
    global total
    for _ in range(100000):
        total += 1
def result():
    return total.n
)PY"));
  EXPECT_LT(std::atol(o.stdoutText.c_str()), 400000);
}

TEST(PythonThreads, TheLessonRaceLosesUpdatesEveryTime) {
  ProgramOutcome o = run(R"PY(
from time import sleep
from threading import Thread
balance = 1000
def withdraw(amount):
    global balance
    temp = balance
    sleep(0.001)
    balance = temp - amount
threads = [Thread(target=withdraw, args=[50]) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(balance)
)PY");
  EXPECT_EQ(o.stdoutText, "950\n");
}

TEST(PythonThreads, SameProgramTwiceGivesTheSameTrace) {
  std::string src = convoy("");
  EXPECT_EQ(run(src).trace.hash(), run(src).trace.hash());
}

TEST(PythonLimits, AnEndlessLoopStopsWithAMessage) {
  ProgramOutcome o = runProgram("loop.py", "while True:\n    pass\n", "max_instructions=1000000");
  EXPECT_EQ(o.exitCode, 1);
  EXPECT_NE(o.stderrText.find("executed more than 1000000 bytecode instructions"), std::string::npos) << o.stderrText;
}

TEST(PythonLimits, UnboundedRecursionRaisesRecursionError) {
  ProgramOutcome o = runProgram("rec.py", "def f():\n    return f()\nf()\n", "");
  EXPECT_EQ(o.exitCode, 1);
  EXPECT_NE(o.stderrText.find("RecursionError: maximum recursion depth exceeded"), std::string::npos);
  EXPECT_NE(o.stderrText.find("[Previous line repeated 996 more times]"), std::string::npos);
}

TEST(PythonLimits, AHundredThousandThreadsStopAtTheThreadLimit) {
  ProgramOutcome o = runProgram("many.py",
                                "import threading, time\n"
                                "for _ in range(100000):\n"
                                "    threading.Thread(target=time.sleep, args=(1,)).start()\n",
                                "");
  EXPECT_NE(o.stderrText.find("kMaxThreads"), std::string::npos) << o.stderrText;
}

TEST(PythonLimits, HugeOutputStopsAtTheOutputLimit) {
  ProgramOutcome o = runProgram("out.py", "while True:\n    print('x' * 1000)\n", "");
  EXPECT_NE(o.stderrText.find("kMaxOutputBytes"), std::string::npos);
}

TEST(PythonErrors, SyntaxErrorShowsTheLineAndACaret) {
  ProgramOutcome o = runProgram("bad.py", "x = 1\nprint(x +)\n", "");
  EXPECT_FALSE(o.ran);
  EXPECT_EQ(o.exitCode, 1);
  EXPECT_NE(o.stderrText.find("line 2"), std::string::npos) << o.stderrText;
  EXPECT_NE(o.stderrText.find("SyntaxError: invalid syntax"), std::string::npos) << o.stderrText;
}

TEST(PythonErrors, UnsupportedConstructNamesItselfAndTheLine) {
  ProgramOutcome o = runProgram("gen.py", "def g():\n    yield from range(3)\n", "");
  EXPECT_NE(o.stderrText.find("`yield from` is not supported by Interleave (line 2)"), std::string::npos)
      << o.stderrText;
}

TEST(PythonErrors, HeaderSettingsApplyAndBadOnesAreReported) {
  ProgramOutcome o = runProgram("h.py", "# interleave: cores=3\nimport os\nprint(os.cpu_count())\n", "");
  EXPECT_EQ(o.stdoutText, "3\n");
  ProgramOutcome bad = runProgram("h.py", "# interleave: cores=zero\nprint(1)\n", "");
  EXPECT_NE(bad.stderrText.find("cores"), std::string::npos);
  EXPECT_FALSE(bad.ran);
}
