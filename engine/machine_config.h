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
  // fork ~1.45 ms from start() to the child's first line (median; tests/fidelity/micro/process_exit.py),
  // forkserver ~14 ms, spawn ~50 ms (fresh interpreter + imports).
  StartMethod startMethod = StartMethod::Fork;  // Linux default for 3.11-3.13
  // These are the child's share: the parent's start() call (processStartCall) comes first.
  Nanos forkStart = 950 * kMicrosecond;
  Nanos forkserverStart = 13500 * kMicrosecond;
  Nanos spawnStart = 49500 * kMicrosecond;
  // The parent's side of Process.start(): os.fork()/posix_spawn and Popen's bookkeeping, with
  // the GIL held (measured: median 0.55 ms per start() with fork, CPython 3.11 here; a whole
  // start+join cycle ~2 ms, tests/fidelity/f17_process_startup.py).
  Nanos processStartCall = 500 * kMicrosecond;
  // A child process's end: multiprocessing's exit function, os._exit and the kernel tearing
  // down its address space, until the parent's join() sees it: median 0.42-0.44 ms from the child's
  // last line to join() returning (process_exit.py).
  Nanos processExit = 430 * kMicrosecond;
  // Values crossing processes are pickled (ForkingPickler.dumps on the sending thread, loads on
  // the receiving one, with the GIL). Measured per value shape with CPython 3.11 here
  // (tests/fidelity/micro/pickle_shapes.py): an int 1.77 us to dump, 0.19 us to load; each
  // further object ~15 ns; a function or class (pickled by name, looked up again when loaded)
  // +1.3 / +1.2 us; an instance (__reduce_ex__, its __dict__) +1.0 / +0.5 us more; bytes
  // 30 ns per KiB. multiprocessing's own Python code around it (Queue.put, the feeder thread,
  // Connection) runs as simulated Python.
  Nanos pickleSend = 1750;
  Nanos pickleReceive = 200;
  Nanos picklePerObject = 15;
  Nanos pickleGlobalSend = 1300;
  Nanos pickleGlobalReceive = 1200;
  Nanos pickleInstanceSend = 1000;
  Nanos pickleInstanceReceive = 500;
  Nanos picklePerKiB = 30;
  // Pipes carry multiprocessing's messages (Queue, SimpleQueue, Pipe, the process pool's
  // wake-ups). Measured with CPython 3.11 here with a writer and a reader process streaming
  // (tests/fidelity/micro/pipe_stream.py): a read() or write() syscall of a small message
  // 0.47-0.51 us each side (0.27 us when one thread writes and reads: the other core's cache
  // lines cost the rest), without the GIL as os.read/os.write release it; Connection.send(7)
  // 3.9 us and recv() 3.4-3.5 us per message, which leaves for Connection's framing around the
  // syscalls (struct.pack of the length header, BytesIO, two reads per message) ~1.4 us on
  // the sending side and ~2.0 us on the receiving side, with the GIL.
  Nanos pipeSyscall = 500;
  Nanos connectionSend = 1400;
  Nanos connectionRecv = 2000;
  // Copying a message into and out of the pipe (and Connection's BytesIO): a 10 KB item costs
  // ~3 us more than a small one on each side of a Queue (mp_queue_item_cost.py): 270 ns per
  // KiB each side, without the GIL. A message bigger than the pipe (Linux's default pipe
  // size, 64 KiB) crosses in parts, the writer waiting for the reader to drain each.
  Nanos pipePerKiB = 270;
  int64_t pipeCapacity = 64 * 1024;
  // Creating a multiprocessing Lock/Semaphore (a named POSIX semaphore: sem_open, sem_unlink):
  // 20.8 us; a Pipe (os.pipe and two Connection objects): 11.6 us, so that a Queue (a pipe and
  // three semaphores) takes ~80 us as measured (Lock() 20.8 us, Pipe() 11.6 us, Queue() 81 us,
  // tests/fidelity/micro/creation.py). The pipe's share: 10 us, half on each end.
  Nanos semLockCreate = 20 * kMicrosecond;
  Nanos pipeCreate = 10 * kMicrosecond;
  // multiprocessing.connection.wait(): selectors.PollSelector's Python code (set-up, one
  // register per object, the ready list) around the poll() syscall, with the GIL: 3 us + 1 us
  // per object (5.0-5.6 us over 2 pipes, 7.0 us over 4 objects, poll(0) itself 0.46 us).
  // Connection.poll() is a wait over one.
  Nanos waitCall = 3 * kMicrosecond;
  Nanos waitPerObject = 1 * kMicrosecond;
  // A thread woken onto an idle core (from a lock, a queue, a pipe, a sleep, the GIL) starts
  // late: the core leaves its idle state first (on this KVM guest: the IPI, HLT, the host's
  // halt polling). Measured with CPython 3.11 here as a lock ping-pong between two threads
  // with K iterations of work per hop, on 2 cores against 1 core (`taskset -c 0`: a plain
  // switch), tests/fidelity/micro/lock_wake_cost.py: per hop 4.0 us more on 2 cores when the
  // other core idled ~3 us, 5.2 after ~9 us, 5.7 after ~11, 6.6 after ~19, 4-8 after 50-100 us
  // (the whole round trip: 10-15 us on 2 cores, 3.3-4.7 on 1; thread_handoff.py,
  // sync_ping_pong.py): 3.5 us + 15 % of the idle time, at most 8 us. It applies to every
  // program. (Before, it was fitted to process hops over a 20,000-object working set,
  // switch_cost.py, as 35 % of the idle time up to 20 us, which included the cache refill
  // below, and applied only once a program had started a process; between threads that
  // overestimated a wake after 50-100 us of idling 2-3 x and left out the fixed part.)
  Nanos idleWakeupFixed = 3500;
  int idleWakeupPercent = 15;
  Nanos idleWakeupMax = 8 * kMicrosecond;
  // A thread that resumes on a core where another process ran since it last ran there (or
  // moves to a core another process used last) first reloads its working set: the caches and
  // the TLB hold the other process's data. Measured on one core with a pipe ping-pong between
  // two processes and between two threads, each hop running ~20 us of Python over 50,000
  // objects: 14-26 us of overhead per hop between processes, 4.5-6.6 us between threads
  // (tests/fidelity/micro/process_switch.py); with 2,000 objects both ~5 us. 15 us. Threads of
  // one process share their working set: a one-process program never pays it.
  Nanos crossProcessRefill = 15 * kMicrosecond;
  int refillPercentOfBurst = 50;
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

  Nanos processStartCost() const { return processStartCost(startMethod); }
  Nanos processStartCost(StartMethod method) const {
    switch (method) {
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
