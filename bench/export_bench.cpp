// The exports on the page's 1,000,000-segment benchmark trace (ui/trace_query.h
// makeSyntheticTrace: 8 lanes of mostly short spans): the SVG of the whole run and of a zoomed
// range, and the Chrome trace. Counters: the output's size (docs/benchmarks.md).
#include <benchmark/benchmark.h>

#include "trace_query.h"
#include "trace_writers.h"

namespace {

using namespace interleave;

const Trace& synthetic() {
  static const Trace t = ui::makeSyntheticTrace(1000000, 8);
  return t;
}

void BM_SvgWholeRun1M(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string svg = traceToSvg(synthetic());
    bytes = svg.size();
    benchmark::DoNotOptimize(svg);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SvgWholeRun1M)->Unit(benchmark::kMillisecond);

void BM_SvgZoomed1M(benchmark::State& state) {
  SvgOptions o;
  const Nanos end = traceEnd(synthetic());
  o.start = end / 2;
  o.end = end / 2 + end / 1000;
  size_t bytes = 0;
  for (auto _ : state) {
    std::string svg = traceToSvg(synthetic(), o);
    bytes = svg.size();
    benchmark::DoNotOptimize(svg);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SvgZoomed1M)->Unit(benchmark::kMillisecond);

void BM_Chrome1M(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = traceToChrome(synthetic());
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Chrome1M)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
