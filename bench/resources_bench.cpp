// What recording the program's locks and queues (Trace::resources, lang/resource_watch.h) costs
// in host time: whole programs through lang::runProgram with recording on (arg 1) and off
// (arg 0, lang::setResourceRecording(false)); the runs are otherwise identical (tests check it).
//   BM_ThreadQueue/R     4 producer threads put 5,000 items each into a queue.Queue(maxsize=100)
//                        under a threading.Lock, one consumer gets them: every put and get is
//                        observed (the queue's mutex is released)
//   BM_QueueFlood/R      one thread puts 200,000 items: the history limit is reached at 10,000
//                        and the rest are only counted
//   BM_AsyncioShared/R   1,000 tasks share an asyncio.Lock, an asyncio.Semaphore(10) and an
//                        asyncio.Queue: observed at every task step
// Counters: cpu_ms per run (process CPU time; min over 5 repetitions is the number to quote),
// states (history entries kept over all resources).
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
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

const char* kThreadQueue = R"PY(
import threading, queue
q = queue.Queue(maxsize=100)
lock = threading.Lock()
count = 0
def produce(n):
    global count
    for i in range(5000):
        q.put((n, i))
        with lock:
            count += 1
def consume():
    for _ in range(20000):
        q.get()
ts = [threading.Thread(target=produce, args=(n,)) for n in range(4)] + [threading.Thread(target=consume)]
for t in ts: t.start()
for t in ts: t.join()
print(count)
)PY";

const char* kQueueFlood = R"PY(
import queue
q = queue.Queue()
for i in range(200000):
    q.put(i)
print(q.qsize())
)PY";

const char* kAsyncioShared = R"PY(
import asyncio
async def worker(i, lock, sem, q):
    async with sem:
        await asyncio.sleep(0.001 * (i % 7))
        async with lock:
            await q.put(i)
async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(10)
    q = asyncio.Queue()
    await asyncio.gather(*(worker(i, lock, sem, q) for i in range(1000)))
    print(q.qsize())
asyncio.run(main())
)PY";

void runCase(benchmark::State& state, const char* source, const std::string& want) {
  lang::setResourceRecording(state.range(0) != 0);
  size_t states = 0;
  const double cpuStart = processCpuNs();
  for (auto _ : state) {
    lang::ProgramOutcome out = lang::runProgram("resources_bench.py", source, "");
    if (!out.ran || out.exitCode != 0 || out.stdoutText != want) {
      state.SkipWithError(("unexpected result: " + out.stdoutText + out.stderrText).c_str());
      break;
    }
    states = 0;
    for (const Resource& r : out.trace.resources) states += r.history.size();
  }
  lang::setResourceRecording(true);
  state.counters["cpu_ms"] = (processCpuNs() - cpuStart) / static_cast<double>(state.iterations()) / 1e6;
  state.counters["states"] = static_cast<double>(states);
}

void BM_ThreadQueue(benchmark::State& state) { runCase(state, kThreadQueue, "20000\n"); }
void BM_QueueFlood(benchmark::State& state) { runCase(state, kQueueFlood, "200000\n"); }
void BM_AsyncioShared(benchmark::State& state) { runCase(state, kAsyncioShared, "1000\n"); }

double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

#define RESOURCES_BENCH(b)         \
  b->Arg(0)->Arg(1)                \
      ->Unit(benchmark::kMillisecond) \
      ->MeasureProcessCPUTime()    \
      ->MinTime(0.5)               \
      ->Repetitions(5)             \
      ->ReportAggregatesOnly(true) \
      ->ComputeStatistics("min", minimum)

RESOURCES_BENCH(BENCHMARK(BM_ThreadQueue));
RESOURCES_BENCH(BENCHMARK(BM_QueueFlood));
RESOURCES_BENCH(BENCHMARK(BM_AsyncioShared));

}  // namespace

BENCHMARK_MAIN();
