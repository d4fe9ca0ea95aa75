// The trace: everything a run produced, in a form the UI and the writers only read.
// No UI include here (Tracy's rule: the data model knows nothing of drawing).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "machine_config.h"
#include "virtual_time.h"

namespace interleave {

enum class LaneKind : uint8_t { Core, Gil, Thread, EventLoop, Task };

// What a lane is doing during a segment. One colour per state everywhere (legend, chart, text).
// The JSON names (stateName) are part of the documented schema: never renumber or rename.
enum class State : uint8_t {
  RunningPython,  // on a core, holding the GIL, executing bytecode
  RunningNative,  // on a core, GIL released (C extension work, or any thread with gil=off... see
                  // note: with gil=off Python code is RunningPython too)
  WaitingGil,     // blocked in take_gil (or in the forced-switch wait after dropping it)
  Runnable,       // wants a core, none free (OS run queue)
  BlockedIo,      // sleep, network, disk: off core, GIL released
  BlockedSync,    // lock, semaphore, event, condition, queue, join, future
  Starting,       // thread/process start-up work
  ContextSwitch,  // core lanes only: the OS switching threads
  GilHeld,        // GIL lanes only: label says which thread holds it
  LoopRunning,    // event loop lanes: running a task step or callback
  LoopIdle,       // event loop lanes: idle in select()
  LoopFrozen,     // event loop lanes: a blocking call inside a coroutine froze the loop
  TaskRunning,    // task lanes: this task's step is running
  TaskWaiting,    // task lanes: awaiting
  Count
};
const char* stateName(State s);      // "python", "native", "gil_wait", ...
const char* stateTitle(State s);     // "Running Python", ... (legend text)

enum class InstantKind : uint8_t {
  DropRequest,    // a GIL waiter timed out and asked the holder to drop
  GilHandoff,     // the GIL changed hands
  Output,         // the program printed a line
  ThreadStart,
  ThreadEnd,
  ProcessStart,
  ProcessEnd,
  Mark,           // scenario-defined marker
  Count
};
const char* instantName(InstantKind k);

enum class FlowKind : uint8_t {
  DropRequestToHandoff,  // drop request -> the thread that took the GIL
  SpawnToStart,          // parent's start() -> child's first instruction
  WakeUp,                // release/set/put/done -> the waiter it woke
  Count
};
const char* flowName(FlowKind k);

struct Segment {
  Nanos start = 0;
  Nanos end = 0;
  State state = State::RunningPython;
  int32_t thread = -1;  // who: on core/GIL lanes the thread, on thread lanes itself
  int32_t label = -1;   // index into Trace::strings, -1 for none
  int32_t line = -1;    // source line, -1 for none
};

struct Lane {
  int32_t id = 0;
  LaneKind kind = LaneKind::Thread;
  int32_t process = 0;     // owning process (cores: -1)
  int32_t thread = -1;     // for thread lanes
  std::string name;
  std::vector<Segment> segments;  // sorted by start, non-overlapping
};

struct Instant {
  Nanos time = 0;
  int32_t lane = 0;
  InstantKind kind = InstantKind::Mark;
  int32_t label = -1;
};

struct Flow {
  Nanos fromTime = 0;
  int32_t fromLane = 0;
  Nanos toTime = 0;
  int32_t toLane = 0;
  FlowKind kind = FlowKind::WakeUp;
};

struct CounterPoint {
  Nanos time = 0;
  int64_t value = 0;
};
struct Counter {
  std::string name;        // e.g. "memory"
  int32_t process = -1;    // -1: whole machine
  std::vector<CounterPoint> points;  // value holds from `time` until the next point
};

struct OutputLine {
  Nanos time = 0;
  int32_t thread = 0;
  uint8_t stream = 1;  // 1 stdout, 2 stderr
  std::string text;    // without the trailing newline
  bool partial = false;  // no newline after it (print(..., end=""), sys.stdout.write)
};

struct ProcessInfo {
  int32_t id = 0;
  int32_t parent = -1;
  int64_t osPid = 0;  // what os.getpid() returns in the model
  std::string name;
  int32_t gilLane = -1;
  Nanos start = 0, end = 0;
};

struct ThreadInfo {
  int32_t id = 0;
  int32_t process = 0;
  int32_t lane = -1;
  std::string name;
  Nanos start = 0, end = 0;
};

// Synchronisation objects the program made (locks, semaphores, queues): the playback panel's
// "lock owners and queue contents". The JSON names (resourceKindName) are part of the schema.
enum class ResourceKind : uint8_t {
  Lock, RLock, Semaphore, BoundedSemaphore,                   // threading
  Queue, LifoQueue, PriorityQueue, SimpleQueue,               // queue
  MpQueue, MpSimpleQueue, MpLock, MpRLock,                    // multiprocessing
  AsyncLock, AsyncSemaphore, AsyncBoundedSemaphore, AsyncQueue,  // asyncio
  Count
};
const char* resourceKindName(ResourceKind k);   // "threading.Lock", "queue.Queue", ...
bool resourceIsQueue(ResourceKind k);           // shown in the Queues table, else in Locks
ResourceKind resourceKindFromName(const std::string& name);  // Count if unknown

// One state of a resource, from `time` until the next state.
struct ResourceState {
  Nanos time = 0;
  int32_t owner = -1;              // locks: the lane (thread or task) holding it; -1 free / none
  int64_t count = 0;               // Lock: 1 held; RLock: recursion level; Semaphore: value;
                                   // queues: items in it (all of them, even past the shown ones)
  std::vector<int32_t> waiters;    // lanes blocked acquiring it (queues: in get()), in wake-up
                                   // order: the first kMaxResourceWaiters of them
  std::vector<int32_t> putters;    // queues: lanes blocked in put() on a full queue (likewise)
  std::vector<std::string> items;  // queues: repr of the first items, in the order get() takes
                                   // them (at most kMaxResourceItems, each kMaxResourceItemBytes)
  int64_t waiting = 0;             // how many wait to acquire / get (waiters holds the first)
  int64_t putting = 0;             // how many wait to put
  bool sameAs(const ResourceState& o) const {
    return owner == o.owner && count == o.count && waiting == o.waiting && putting == o.putting &&
           waiters == o.waiters && putters == o.putters && items == o.items;
  }
};

// Limits of resource recording, each with its reason.
// Items shown per queue state: the panel's row has room for a few; `count` says how many more.
constexpr size_t kMaxResourceItems = 5;
// Waiters named per state (the rest are counted in `waiting`/`putting`): a cell shows a few
// names, and observing a thousand waiters at every change would make recording O(n^2).
constexpr size_t kMaxResourceWaiters = 16;
// Bytes of one item's repr (cut at a UTF-8 boundary, with "..."): one panel cell.
constexpr size_t kMaxResourceItemBytes = 40;
// States kept per resource: a queue that sees a million puts must not hold a million states.
// Past it the history stops (Resource::truncatedAt) while `changes` keeps counting.
constexpr size_t kMaxResourceHistory = 10'000;
// States kept over all resources (about 100-300 bytes each: ~50 MB at most in the page).
constexpr size_t kMaxResourceStatesTotal = 200'000;
// Resources recorded per run (a program making a lock per task, 100,000 times, is a runaway
// for a panel); later ones are counted in Trace::resourcesUnrecorded.
constexpr size_t kMaxResources = 1'000;

struct Resource {
  int32_t id = 0;
  ResourceKind kind = ResourceKind::Lock;
  std::string name;        // the variable it was first bound to ("lock", "self.q"), else
                           // "Lock (line 7)"; repeated names get " #2", " #3"
  int32_t process = 0;     // where it was created
  int32_t line = -1;       // source line of its creation, -1 unknown
  Nanos created = 0;
  int64_t capacity = 0;    // queues: maxsize (0 unbounded); semaphores: initial value
  std::vector<ResourceState> history;  // sorted by time; empty until first observed
  int64_t changes = 0;     // states observed, including those not kept
  Nanos truncatedAt = -1;  // the first state not kept (history limit); -1 all kept
};

struct Metrics {
  Nanos makespan = 0;             // first event to last thread done
  Nanos totalCpu = 0;             // busy core time (work, switches excluded)
  std::vector<int32_t> coreUtilisationPermille;  // per core, busy/makespan
  std::vector<Nanos> coreBusy;
  Nanos gilHeld = 0;              // summed over processes
  Nanos gilWaited = 0;            // summed over threads
  int64_t gilHandoffs = 0;        // GIL changed from one thread to another
  int64_t dropRequests = 0;
  int64_t contextSwitches = 0;
  int64_t peakMemoryBytes = 0;    // machine-wide
  int64_t threadsStarted = 0;
  int64_t processesStarted = 0;
  uint64_t events = 0;            // events processed (benchmarks: events/s)
  int32_t speedupPermille = 0;    // sequential work / makespan, 1000 = 1.0x
};

struct Trace {
  MachineConfig config;
  std::vector<Lane> lanes;
  std::vector<Instant> instants;  // sorted by time
  std::vector<Flow> flows;        // sorted by fromTime
  std::vector<Counter> counters;
  std::vector<OutputLine> output;
  std::vector<ProcessInfo> processes;
  std::vector<ThreadInfo> threads;
  std::vector<Resource> resources;   // by id
  int64_t resourcesUnrecorded = 0;   // past kMaxResources
  std::vector<std::string> strings;  // labels
  std::vector<std::string> diagnostics;
  Metrics metrics;
  std::string stopReason;  // empty if the program ran to completion
  bool completed = false;

  const std::string& str(int32_t index) const {
    static const std::string empty;
    return index < 0 || index >= static_cast<int32_t>(strings.size()) ? empty : strings[index];
  }
  // Stable 64-bit FNV-1a hash over the JSON form: "same scenario, same trace".
  uint64_t hash() const;
};

}  // namespace interleave
