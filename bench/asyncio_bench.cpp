// asyncio simulation speed (Google Benchmark, issue 4): whole programs through lang::runProgram
// (parse, compile, run on the simulated machine, trace), natively:
//   BM_AsyncioLesson         the lesson file ../shared/seed-examples/p002_asyncio_1000.py, read
//                            at run time (1,000 tasks gathered, each `await asyncio.sleep(1)`)
//   BM_AsyncioTasks/T/A      T tasks gathered, each awaiting asyncio.sleep A times with staggered
//                            delays of 1..10 ms (so wake-ups interleave across tasks); 10,000 x 10
//                            is the acceptance case, 1,000 x 10 shows that the cost per step does
//                            not grow with the number of tasks
//   BM_AsyncioEmpty          `import asyncio` + `asyncio.run` of an empty coroutine (start-up)
// Counters (per run, min over 5 repetitions is the number to quote: other jobs only add time):
//   cpu_ms         process CPU time per run (the VM runs on the calling thread)
//   steps          task steps per run: times a coroutine was resumed by the event loop
//                  (Task.__step), counted from the program's shape: T * (A + 1) for the workers
//                  plus 2 for main(); a SimPy process resumption is the same unit
//   events         engine events per run (trace metrics.events)
//   cpu_ns/step    cpu time / steps; cpu_ns/event likewise per engine event
//   virtual_ms     simulated makespan
// tools/bench_asyncio.sh runs this binary next to the SimPy 2.3 peer and CPython's own asyncio and
// prints the comparison; keep its programs identical to the ones here.
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runner.h"

namespace {

using namespace interleave;

double processCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// T tasks x A awaits. Task i's k-th sleep lasts 1 + (i + 3k) mod 10 ms.
std::string tasksProgram(int tasks, int awaits) {
  return "import asyncio\n"
         "\n"
         "TASKS = " + std::to_string(tasks) + "\n"
         "AWAITS = " + std::to_string(awaits) + "\n"
         "\n"
         "async def worker(i):\n"
         "    for k in range(AWAITS):\n"
         "        await asyncio.sleep((1 + (i + 3 * k) % 10) / 1000)\n"
         "\n"
         "async def main():\n"
         "    await asyncio.gather(*[worker(i) for i in range(TASKS)])\n"
         "    print('done')\n"
         "\n"
         "asyncio.run(main())\n";
}

std::string lessonPath() {
  return (std::filesystem::path(INTERLEAVE_SOURCE_DIR) / ".." / "shared" / "seed-examples" /
          "p002_asyncio_1000.py")
      .lexically_normal()
      .string();
}

bool readFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

void runCase(benchmark::State& state, const std::string& name, const std::string& source,
             const std::string& want, double steps) {
  uint64_t events = 0;
  Nanos makespan = 0;
  const double cpuStart = processCpuNs();
  for (auto _ : state) {
    lang::ProgramOutcome out = lang::runProgram(name, source, "");
    if (!out.ran || out.exitCode != 0 || out.stdoutText != want || !out.trace.completed) {
      state.SkipWithError(("unexpected result: " + out.stdoutText + out.stderrText).c_str());
      return;
    }
    events = out.trace.metrics.events;
    makespan = out.trace.metrics.makespan;
  }
  const double runs = static_cast<double>(state.iterations());
  const double cpuNs = (processCpuNs() - cpuStart) / runs;
  state.counters["cpu_ms"] = cpuNs / 1e6;
  state.counters["steps"] = steps;
  state.counters["events"] = static_cast<double>(events);
  state.counters["cpu_ns/step"] = cpuNs / steps;
  state.counters["cpu_ns/event"] = events ? cpuNs / static_cast<double>(events) : 0.0;
  state.counters["virtual_ms"] = static_cast<double>(makespan) / 1e6;
}

void BM_AsyncioLesson(benchmark::State& state) {
  std::string source;
  if (!readFile(lessonPath(), &source)) {
    state.SkipWithError(("cannot read " + lessonPath()).c_str());
    return;
  }
  // 1,000 workers x (1 + 1 awaits) + main()'s 2 steps.
  runCase(state, "p002_asyncio_1000.py", source, "", 1000.0 * 2 + 2);
}

void BM_AsyncioTasks(benchmark::State& state) {
  const int tasks = static_cast<int>(state.range(0));
  const int awaits = static_cast<int>(state.range(1));
  runCase(state, "asyncio_tasks.py", tasksProgram(tasks, awaits), "done\n",
          static_cast<double>(tasks) * (awaits + 1) + 2);
}

void BM_AsyncioEmpty(benchmark::State& state) {
  runCase(state, "asyncio_empty.py", "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n",
          "", 1.0);
}

double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

#define ASYNCIO_BENCH(b)          \
  b->Unit(benchmark::kMillisecond) \
      ->MeasureProcessCPUTime()   \
      ->MinTime(0.5)              \
      ->Repetitions(5)            \
      ->ReportAggregatesOnly(true) \
      ->ComputeStatistics("min", minimum)

ASYNCIO_BENCH(BENCHMARK(BM_AsyncioEmpty));
ASYNCIO_BENCH(BENCHMARK(BM_AsyncioLesson));
ASYNCIO_BENCH(BENCHMARK(BM_AsyncioTasks)->Args({1000, 10}));
ASYNCIO_BENCH(BENCHMARK(BM_AsyncioTasks)->Args({10000, 10}));

}  // namespace

BENCHMARK_MAIN();
