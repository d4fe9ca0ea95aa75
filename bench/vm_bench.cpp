// VM speed (Google Benchmark): three pure-Python loop shapes run through lang::runProgram, the
// whole pipeline (parse, compile, run on the simulated machine), n = 200,000 iterations each:
//   BM_Vm/for_range_total    `for i in range(n): total += i * i` inside a function
//   BM_Vm/sum_genexpr        `sum(x**2 for x in range(n))`
//   BM_Vm/while_call_attr    while loop with a call and an attribute update
//                            (`obj.count = obj.count + step(i)`)
//   BM_Vm/empty              the same program text with n = 0 (start-up: parse, compile, run)
// Counters: "host_ns/iter" is host (wall) nanoseconds per loop iteration, start-up included
// (its share is small: see BM_Vm/empty, where the counter is the whole run); "cpu_ns/iter" the
// same in process CPU time (trust it more on a loaded machine); "virtual_ns/iter" is what the
// cost model charged per iteration (simulated makespan / n). Each benchmark is repeated 5 times
// and reported as mean, median, stddev and min: take the min (other jobs only ever add time). tools/bench_vm.sh runs the same three programs
// under python3, the native CLI and the wasm CLI and prints the ratios to CPython; keep the
// programs here and there identical.
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "runner.h"

namespace {

using namespace interleave;

constexpr int kN = 200000;

const char* const kPrelude = R"PY(
def for_range_total(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

def sum_genexpr(n):
    return sum(x**2 for x in range(n))

class Counter:
    def __init__(self):
        self.count = 0

def step(i):
    return i & 3

def while_call_attr(n):
    obj = Counter()
    i = 0
    while i < n:
        obj.count = obj.count + step(i)
        i += 1
    return obj.count
)PY";

// CPU time of this process (the VM runs on the calling thread): robust on a loaded machine.
double processCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

std::string programFor(const std::string& shape, int n) {
  return std::string(kPrelude) + "\nprint(" + shape + "(" + std::to_string(n) + "))\n";
}

// What CPython prints for n = 200,000.
std::string expectedOutput(const std::string& shape) {
  if (shape == "for_range_total" || shape == "sum_genexpr") return "2666646666700000\n";
  if (shape == "while_call_attr") return "300000\n";
  return "";
}

void BM_Vm(benchmark::State& state, std::string shape) {
  const bool empty = shape == "empty";
  const std::string source = programFor(empty ? "for_range_total" : shape, empty ? 0 : kN);
  const std::string want = empty ? "0\n" : expectedOutput(shape);
  Nanos makespan = 0;
  const auto start = std::chrono::steady_clock::now();
  const double cpuStart = processCpuNs();
  for (auto _ : state) {
    lang::ProgramOutcome out = lang::runProgram("vm_bench.py", source, "");
    if (!out.ran || out.exitCode != 0 || out.stdoutText != want) {
      state.SkipWithError(("unexpected result: " + out.stdoutText + out.stderrText).c_str());
      break;
    }
    makespan = out.trace.metrics.makespan;
  }
  const double wallNs = std::chrono::duration<double, std::nano>(
                            std::chrono::steady_clock::now() - start).count();
  const double cpuNs = processCpuNs() - cpuStart;
  const double n = empty ? 1.0 : static_cast<double>(kN);
  const double per = static_cast<double>(state.iterations()) * n;
  state.counters["host_ns/iter"] = wallNs / per;
  state.counters["cpu_ns/iter"] = cpuNs / per;
  state.counters["virtual_ns/iter"] = static_cast<double>(makespan) / n;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

#define VM_BENCH(name)                                                                 \
  BENCHMARK_CAPTURE(BM_Vm, name, std::string(#name))                                   \
      ->Unit(benchmark::kMillisecond)                                                  \
      ->UseRealTime()                                                                  \
      ->MinTime(0.5)                                                                   \
      ->Repetitions(5)                                                                 \
      ->ReportAggregatesOnly(true)                                                     \
      ->ComputeStatistics("min", minimum)

VM_BENCH(for_range_total);
VM_BENCH(sum_genexpr);
VM_BENCH(while_call_attr);
VM_BENCH(empty);

}  // namespace

BENCHMARK_MAIN();
