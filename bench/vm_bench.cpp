// VM speed (Google Benchmark): three pure-Python loop shapes run through lang::runProgram, the
// whole pipeline (parse, compile, run on the simulated machine), n = 200,000 iterations each:
//   BM_Vm/for_range_total    `for i in range(n): total += i * i` inside a function
//   BM_Vm/sum_genexpr        `sum(x**2 for x in range(n))`
//   BM_Vm/while_call_attr    while loop with a call and an attribute update
//                            (`obj.count = obj.count + step(i)`)
//   BM_Vm/empty              the same program text with n = 0 (start-up: parse, compile, run)
// Counters: "host_ns/iter" is host (wall) nanoseconds per loop iteration, start-up included
// (its share is small: see BM_Vm/empty, where the counter is the whole run); "virtual_ns/iter"
// is what the cost model charged per iteration (simulated makespan / n). tools/bench_vm.sh runs the same three programs
// under python3, the native CLI and the wasm CLI and prints the ratios to CPython; keep the
// programs here and there identical.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

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

std::string programFor(const std::string& shape, int n) {
  return std::string(kPrelude) + "\nprint(" + shape + "(" + std::to_string(n) + "))\n";
}

// What CPython prints for n = 200,000.
std::string expectedOutput(const std::string& shape) {
  if (shape == "for_range_total" || shape == "sum_genexpr") return "2666626666700000\n";
  if (shape == "while_call_attr") return "300000\n";
  return "";
}

void BM_Vm(benchmark::State& state, std::string shape) {
  const bool empty = shape == "empty";
  const std::string source = programFor(empty ? "for_range_total" : shape, empty ? 0 : kN);
  const std::string want = empty ? "0\n" : expectedOutput(shape);
  Nanos makespan = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    lang::ProgramOutcome out = lang::runProgram("vm_bench.py", source, "");
    if (!out.ran || out.exitCode != 0 || out.stdoutText != want) {
      state.SkipWithError(("unexpected result: " + out.stdoutText + out.stderrText).c_str());
      break;
    }
    makespan = out.trace.metrics.makespan;
  }
  const double elapsedNs = std::chrono::duration<double, std::nano>(
                               std::chrono::steady_clock::now() - start).count();
  const double n = empty ? 1.0 : static_cast<double>(kN);
  state.counters["host_ns/iter"] = elapsedNs / (static_cast<double>(state.iterations()) * n);
  state.counters["virtual_ns/iter"] = static_cast<double>(makespan) / n;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

}  // namespace

BENCHMARK_CAPTURE(BM_Vm, for_range_total, std::string("for_range_total"))
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Vm, sum_genexpr, std::string("sum_genexpr"))
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Vm, while_call_attr, std::string("while_call_attr"))
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Vm, empty, std::string("empty"))->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
