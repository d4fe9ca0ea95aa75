// Host time of every gallery example and compare variant (Google Benchmark): what a learner
// waits for when the page opens it (the page runs the same engine in wasm, slower by a small
// factor; tests/browser/gallery.test.mjs reports the page's own times). One benchmark per
// program, named gallery/<slug> or gallery/<slug>/<variant>.
// Counters: cpu_ms (process CPU time per run, min over repetitions is the number to quote),
// virtual_ms (the simulated makespan).
#include <benchmark/benchmark.h>

#include <time.h>

#include <string>

#include "gallery.h"
#include "runner.h"

namespace {

using namespace interleave;

double processCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

void runOne(benchmark::State& state, const std::string& file, const std::string& code, const std::string& settings) {
  double cpu = 0;
  Nanos makespan = 0;
  for (auto _ : state) {
    const double t0 = processCpuNs();
    lang::ProgramOutcome out = lang::runProgram(file, code, settings);
    cpu += processCpuNs() - t0;
    makespan = out.trace.metrics.makespan;
    benchmark::DoNotOptimize(out.trace.lanes.size());
  }
  state.counters["cpu_ms"] = cpu / 1e6 / static_cast<double>(state.iterations());
  state.counters["virtual_ms"] = static_cast<double>(makespan) / 1e6;
}

const bool registered = [] {
  for (const gallery::Example& ex : gallery::examples()) {
    const std::string file = "gallery/" + ex.file;
    if (ex.variants.empty()) {
      benchmark::RegisterBenchmark(("gallery/" + ex.slug).c_str(), [ex, file](benchmark::State& s) {
        runOne(s, file, ex.source, "");
      })->Unit(benchmark::kMillisecond);
    }
    for (const gallery::Variant& v : ex.variants) {
      benchmark::RegisterBenchmark(("gallery/" + ex.slug + "/" + v.label).c_str(), [v, file](benchmark::State& s) {
        runOne(s, file, v.code, v.settings);
      })->Unit(benchmark::kMillisecond);
    }
  }
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
