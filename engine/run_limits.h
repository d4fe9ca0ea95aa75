// Every limit that stops a runaway simulation, with its reason. When one is hit the run ends
// with a clear message (Simulation::stopReason) instead of hanging or exhausting memory.
#pragma once
#include <cstdint>

#include "virtual_time.h"

namespace interleave::limits {

// Longest virtual time a run may cover. Lessons run for seconds; an hour means a runaway.
constexpr Nanos kMaxVirtualTime = 3600 * kSecond;
// Events processed in one run. ~10 s of host time natively; protects the page's wasm heap.
constexpr uint64_t kMaxEvents = 50'000'000;
// Live + finished threads. CPython on Linux fails near 30k threads (max map count / stacks);
// a scenario starting more is a runaway (e.g. "start 100,000 threads").
constexpr int kMaxThreads = 20'000;
// Processes. Each costs ~10 MB in the model; 512 already means 5 GB.
constexpr int kMaxProcesses = 512;
// Trace segments kept. Each is 40 bytes: 4 M segments = 160 MB, the most the page can hold.
constexpr uint64_t kMaxSegments = 4'000'000;
// Program output kept, in bytes (a runaway print loop).
constexpr uint64_t kMaxOutputBytes = 4 * 1024 * 1024;
// Simulated cores.
constexpr int kMaxCores = 256;
// Lanes in a trace (cores, GILs, threads, event loops, asyncio tasks): 10,000 tasks fit ten
// times over; past it, tasks run without lanes of their own.
constexpr int kMaxLanes = 100'000;

}  // namespace interleave::limits
