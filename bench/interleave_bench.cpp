// Benchmarks (Google Benchmark), results in events per second:
//   BM_EventQueue/<size>      push/pop throughput of the event core at a steady heap size;
//   BM_TenThousandThreads     a main thread starts 10,000 threads (io 1ms + cpu 20us + io 1ms
//                             each) on 4 cores and joins them: simulated events per host second;
//   BM_Scenario/<name>        every built-in scenario, run to completion.
// Counters: "events/s" is simulated events per host second (trace.metrics.events / time);
// "events" and "makespan_ms" are per run.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "event_queue.h"
#include "machine_config.h"
#include "program.h"
#include "scenarios.h"
#include "simulation.h"
#include "trace.h"

namespace {

using namespace interleave;

// Steady-state push/pop: a heap of `size` events; each iteration pops the earliest and pushes
// one later event (like a simulation does). Times come from a fixed LCG, so runs are repeatable.
void BM_EventQueue(benchmark::State& state) {
  const int64_t size = state.range(0);
  EventQueue<uint64_t> queue;
  uint64_t lcg = 12345;
  const auto next = [&lcg]() {
    lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<Nanos>((lcg >> 33) % 1000000);
  };
  for (int64_t i = 0; i < size; ++i) {
    queue.push(next(), static_cast<EventPriority>(i % 4), static_cast<uint64_t>(i));
  }
  uint64_t sink = 0;
  for (auto _ : state) {
    const auto entry = queue.pop();
    sink += entry.payload;
    queue.push(entry.key.time + next(), static_cast<EventPriority>(entry.payload % 4),
               entry.payload);
  }
  benchmark::DoNotOptimize(sink);
  // One push and one pop per iteration.
  state.SetItemsProcessed(state.iterations() * 2);
  state.counters["pushes+pops/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 2, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventQueue)->Arg(16)->Arg(1024)->Arg(65536);

// Fill then drain: the pattern of a burst of events scheduled at once.
void BM_EventQueueFillDrain(benchmark::State& state) {
  const int64_t size = state.range(0);
  uint64_t sink = 0;
  for (auto _ : state) {
    EventQueue<uint64_t> queue;
    uint64_t lcg = 99;
    for (int64_t i = 0; i < size; ++i) {
      lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
      queue.push(static_cast<Nanos>((lcg >> 33) % 1000000), EventPriority::Completion,
                 static_cast<uint64_t>(i));
    }
    while (!queue.empty()) sink += queue.pop().payload;
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations() * size * 2);
}
BENCHMARK(BM_EventQueueFillDrain)->Arg(10000);

void reportRun(benchmark::State& state, uint64_t totalEvents, const Trace& last) {
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(totalEvents), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(last.metrics.events);
  state.counters["makespan_ms"] = static_cast<double>(last.metrics.makespan) / 1e6;
  state.counters["segments"] = [&last] {
    double n = 0;
    for (const Lane& lane : last.lanes) n += static_cast<double>(lane.segments.size());
    return n;
  }();
  state.SetItemsProcessed(static_cast<int64_t>(totalEvents));
}

constexpr int kThreads = 10000;

Program tenThousandThreadsProgram() {
  Program main;
  for (int i = 0; i < kThreads; ++i) {
    main.spawn(i, "worker-" + std::to_string(i),
               Program().io(1 * kMillisecond).cpu(20 * kMicrosecond).io(1 * kMillisecond));
  }
  for (int i = 0; i < kThreads; ++i) main.join(i);
  return main;
}

void BM_TenThousandThreads(benchmark::State& state) {
  MachineConfig config;
  config.cores = 4;
  uint64_t totalEvents = 0;
  Trace last;
  for (auto _ : state) {
    state.PauseTiming();
    Program program = tenThousandThreadsProgram();
    state.ResumeTiming();
    Simulation sim(config);
    sim.startMainProcess("MainProcess", makeProgramBody(std::move(program)));
    sim.run();
    totalEvents += sim.trace().metrics.events;
    state.PauseTiming();
    if (!sim.trace().completed) state.SkipWithError(("did not complete: " + sim.trace().stopReason).c_str());
    last = sim.trace();
    state.ResumeTiming();
  }
  reportRun(state, totalEvents, last);
}
BENCHMARK(BM_TenThousandThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Scenario(benchmark::State& state, std::string name) {
  uint64_t totalEvents = 0;
  Trace last;
  for (auto _ : state) {
    Trace trace;
    std::string error;
    if (!runBuiltin(name, "", &trace, &error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    totalEvents += trace.metrics.events;
    state.PauseTiming();
    last = std::move(trace);
    state.ResumeTiming();
  }
  reportRun(state, totalEvents, last);
}

}  // namespace

int main(int argc, char** argv) {
  for (const BuiltinScenario& s : builtinScenarios()) {
    benchmark::RegisterBenchmark(("BM_Scenario/" + s.name).c_str(), BM_Scenario, s.name)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
