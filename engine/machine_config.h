// Every default of the simulated machine lives here, with where the number comes from.
// A scenario changes them (header comment, CLI flags, the page's settings panel); nothing else
// in the engine hard-codes a machine number.
#pragma once
#include <cstdint>
#include <string>

#include "virtual_time.h"

namespace interleave {

enum class StartMethod : uint8_t { Fork, Forkserver, Spawn };
enum class GilWaiterChoice : uint8_t {
  LongestWaiting,  // deterministic: the thread that entered take_gil first gets the signal
  OsNoise,         // seeded random pick among waiters, like a real futex wake-up
};

struct MachineConfig {
  // Cores of the simulated machine. PRODUCT.md §2 default: 4.
  int cores = 4;
  // gil=on models CPython 3.11-3.13's GIL; gil=off the free-threaded 3.13t build.
  bool gil = true;
  // sys.getswitchinterval() default: 0.005 s (Python/ceval_gil.c, DEFAULT_INTERVAL 5000 us).
  Nanos switchInterval = 5 * kMillisecond;
  // Linux CFS/EEVDF base slice is 3 ms (sched_base_slice_ns, 6.6+: 3 ms). Round-robin here.
  Nanos timeSlice = 3 * kMillisecond;
  // A context switch on Linux measured at 1-3 us (lmbench lat_ctx); 2 us.
  Nanos contextSwitch = 2 * kMicrosecond;
  // Timed waits (sleep, the GIL's timed condition wait, lock timeouts) end late by the
  // kernel's timer slack: /proc/self/timerslack_ns, 50 us by default for normal threads.
  Nanos timerSlack = 50 * kMicrosecond;
  // threading.Thread.start(): pthread_create + bootstrap, ~50 us measured on CPython 3.11 here.
  Nanos threadStart = 50 * kMicrosecond;
  // multiprocessing start-up cost by start method, measured with CPython 3.11 on Linux:
  // fork ~2 ms (copy page tables), forkserver ~14 ms, spawn ~50 ms (fresh interpreter + imports).
  StartMethod startMethod = StartMethod::Fork;  // Linux default for 3.11-3.13
  // These are the child's share: the parent's start() call (processStartCall) comes first, so
  // a whole start costs 2, 14 and 50 ms.
  Nanos forkStart = 1500 * kMicrosecond;
  Nanos forkserverStart = 13500 * kMicrosecond;
  Nanos spawnStart = 49500 * kMicrosecond;
  // The parent's side of Process.start(): os.fork()/posix_spawn and Popen's bookkeeping, with
  // the GIL held (measured: median 0.55 ms per start() with fork, CPython 3.11 here; a whole
  // start+join cycle ~2 ms, tests/fidelity/f17_process_startup.py).
  Nanos processStartCall = 500 * kMicrosecond;
  // Values crossing processes are pickled: CPU per item on each side plus per KiB. Measured
  // with CPython 3.11 here on small items (tests/fidelity/micro): a multiprocessing.Queue item
  // costs ~13 us of CPU in all, put ~7.5 us (caller and feeder thread), get ~5.5 us; a ping-pong
  // round trip is ~87 us, the rest being pipe and wake-up latency (not modelled: an item is
  // visible to a getter as soon as it is put).
  Nanos pickleSend = 7500;
  Nanos pickleReceive = 5500;
  Nanos picklePerKiB = 1 * kMicrosecond;
  // Simulated network latency for requests/aiohttp (PRODUCT.md §2: 200 ms) and disk latency.
  Nanos networkLatency = 200 * kMillisecond;
  Nanos diskLatency = 100 * kMicrosecond;
  // Who gets the GIL when it is dropped.
  GilWaiterChoice gilWaiterChoice = GilWaiterChoice::LongestWaiting;
  // Seed of the one generator (jitter, random module, OS noise).
  uint64_t seed = 1;
  // Runaway programs: bytecode instructions a run may execute (all processes). The lessons'
  // CPU-bound files run ~1.3 billion (p003_process_factorial.py); `while True: pass` stops
  // after ~15 s of host time natively. Not a machine property: not shown in the settings line.
  int64_t maxInstructions = 2'000'000'000;
  // Memory accounting: per-process interpreter ~10 MB (RSS of a bare python3.11), 8 MiB of
  // virtual stack per thread (ulimit -s default), an asyncio task ~1.5 KB.
  int64_t processBaseBytes = 10 * 1000 * 1000;
  int64_t threadStackBytes = 8 * 1024 * 1024;
  int64_t taskBytes = 1536;

  Nanos processStartCost() const {
    switch (startMethod) {
      case StartMethod::Fork: return forkStart;
      case StartMethod::Forkserver: return forkserverStart;
      case StartMethod::Spawn: return spawnStart;
    }
    return forkStart;
  }
};

const char* startMethodName(StartMethod m);
bool parseStartMethod(const std::string& text, StartMethod* out);

// Applies one "key=value" setting (as in `# interleave: cores=4 gil=off`). Returns an error
// message, or an empty string on success.
std::string applySetting(MachineConfig& config, const std::string& key, const std::string& value);
// Applies every key=value pair of a whitespace-separated list; first error wins.
std::string applySettings(MachineConfig& config, const std::string& text);
// The settings as the header-comment text, e.g. "cores=4 gil=on switch_interval=5ms ...".
std::string describeSettings(const MachineConfig& config);

}  // namespace interleave
