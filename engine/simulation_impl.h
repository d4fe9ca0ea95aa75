// Internal state of a Simulation, shared by the engine's feature files. Not a public header.
//
// [SECTION] Micro-ops        what a thread does next when it has a core
// [SECTION] Thread, Process  per-thread and per-process state (GIL inside Process)
// [SECTION] Primitives       locks, semaphores, events, queues
// [SECTION] Impl             the machine and the functions each feature file implements
#pragma once
#include <deque>
#include <functional>
#include <unordered_map>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "event_queue.h"
#include "run_limits.h"
#include "simulation.h"

namespace interleave {

//-----------------------------------------------------------------------------------------------
// [SECTION] Micro-ops
//-----------------------------------------------------------------------------------------------
// A body's request is expanded into micro-ops (e.g. sleep = drop GIL, block, take GIL). The
// front op runs when the thread is on a core; an op that blocks leaves the thread off-core and
// the thread continues with the next op once woken and dispatched again.
enum class OpKind : uint8_t {
  Body,          // run the thread body
  Work,          // fixed CPU work (start-up costs): `duration` left, shown as `state`
  TakeGil,       // CPython take_gil(): may block in the timed wait
  DropGil,       // CPython drop_gil(): may block in the FORCE_SWITCHING wait
  Block,         // leave the core on `block` until woken (or `duration` for sleeps/timeouts)
  SemRecheck,    // after a notify: Semaphore.acquire's `while value == 0` re-check
  QueueGetRecheck,
  QueuePutRecheck,
  PipeReadRecheck,   // a woken reader takes the oldest message (or waits again)
  PipeWriteRecheck,  // a woken writer of a full pipe tries again
  WaitRecheck,       // select/poll woken: which targets are ready now
  SignalStarted, // threading's bootstrap: wake the parent waiting in start()
  ThreadExit,    // the body returned: release everything and finish
};

enum class BlockOn : uint8_t {
  Nothing, Io, GilWait, GilSwitch, Lock, Semaphore, Event, QueueGet, QueuePut, Join,
  JoinProcess, Started, Shutdown,
  PipeRead, PipeWrite, WaitReady,  // pipe.cpp
  WakingUp,  // woken from a pipe wait, not yet runnable: the idle core's wake-up latency
};
// BlockOn::Io's target for a wait a device completes (Request::device): no timer slack.
constexpr int64_t kDeviceIo = 1;

struct Op {
  OpKind kind = OpKind::Body;
  BlockOn block = BlockOn::Nothing;
  State state = State::Starting;
  int64_t target = -1;
  Nanos duration = -1;  // Work: CPU left; Block: sleep length or timeout (-1 none)
  int32_t label = -1;
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Thread, Process
//-----------------------------------------------------------------------------------------------
enum class Phase : uint8_t { Runnable, OnCore, Blocked, Done };

struct Thread {
  int32_t id = 0;
  int32_t process = 0;
  int32_t lane = -1;
  std::string name;
  std::unique_ptr<ThreadBody> body;
  bool daemon = false;
  Phase phase = Phase::Runnable;
  std::deque<Op> ops;

  // On a core: the runner's clock and tie-break sequence.
  int32_t core = -1;
  int32_t lastCore = -1;
  // Its last run between two waits (cache refills, scheduler.cpp): since when, and how long.
  Nanos burstStart = -1;
  Nanos lastBurst = 0;
  Nanos refilled = 0;         // refill charged in this run (not part of its working set)
  Nanos clock = 0;
  uint64_t runnerSequence = 0;
  bool preempt = false;

  // GIL (CPython's per-thread view of take_gil)
  bool holdsGil = false;
  bool pythonMode = true;        // false between ReleaseGil and AcquireGil
  bool gilTimedOut = false;
  uint64_t gilSavedSwitch = 0;
  Nanos gilWaitSince = -1;       // entry into take_gil, for "longest waiting"
  uint32_t timerGeneration = 0;  // cancels stale timers
  Nanos blockedSince = 0;

  // A request returned after consuming CPU waits until the thread's clock is the earliest.
  bool hasPending = false;
  Request pending;
  // The request being served
  BlockOn blockedOn = BlockOn::Nothing;
  int64_t blockTarget = -1;
  int64_t result = 0;
  bool resultOk = true;

  // asyncio: the lane of the event loop this thread runs, and whether a task step or callback
  // is running (a blocking call then freezes the loop).
  int32_t loopLane = -1;
  bool loopInStep = false;
  bool loopFrozen = false;
  int32_t loopLabel = -1;        // what the loop runs (restored after a freeze)

  // Python threading: start() waits for the child's bootstrap
  int32_t startedWaiter = -1;
  bool startedSignalled = false;
  Nanos spawnTime = -1;
  int32_t spawnLane = -1;
  std::vector<int32_t> joiners;
  int32_t lockHeld = 0;  // count of locks held (diagnostics)

  // select/poll (pipe.cpp): what the thread waits on, and until when (-1: forever).
  std::vector<int64_t> waitTargets;
  Nanos waitDeadline = -1;
  // A write waiting for room in a full pipe.
  int64_t pipeToken = 0;
  int64_t pipeSize = 0;

  // Trace
  State traceState = State::Runnable;
  Nanos traceSince = 0;
  int32_t traceLabel = -1;
  int32_t traceLine = -1;
  int32_t activityLabel = -1;
  int32_t activityLine = -1;
  bool traceOpen = false;
};

struct Gil {
  bool locked = false;
  int32_t holder = -1;
  int32_t lastHolder = -1;
  uint64_t switchNumber = 0;
  bool dropRequest = false;
  Nanos dropRequestTime = 0;
  int32_t dropRequestLane = -1;
  bool flowPending = false;  // a drop request whose hand-off arrow is not drawn yet
  Nanos interval = 5 * kMillisecond;
  std::vector<int32_t> waiters;        // blocked in the timed cond wait, in order of entry
  std::vector<int32_t> switchWaiters;  // blocked in the FORCE_SWITCHING wait
  Nanos heldSince = 0;
};

struct Process {
  int32_t id = 0;
  int32_t parent = -1;
  std::string name;
  int64_t osPid = 0;
  Gil gil;
  int32_t gilLane = -1;
  std::vector<int32_t> threads;
  int32_t liveThreads = 0;
  int32_t liveNonDaemon = 0;
  int32_t mainThread = -1;
  bool done = false;
  int64_t exitCode = 0;
  int64_t memory = 0;
  std::vector<int32_t> joiners;
  int32_t memoryCounter = -1;
  // Threads of this process woken by a GIL-wait timeout and not yet back on a core: once
  // dispatched they can set a drop request at once (see Impl::horizon).
  int32_t timedOutGilWaiters = 0;
  // Its threads on cores now, and when one last left a core (cache refills, scheduler.cpp).
  int32_t onCore = 0;
  Nanos lastOffCore = -1;
  // Threads in select/poll over this process's sentinel (pipe.cpp).
  std::vector<int32_t> sentinelWaiters;
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Primitives
//-----------------------------------------------------------------------------------------------
enum class PrimitiveKind : uint8_t { Lock, Semaphore, Event, Queue, Pipe };

struct Primitive {
  PrimitiveKind kind = PrimitiveKind::Lock;
  bool reentrant = false;
  int32_t owner = -1;      // Lock
  int64_t count = 0;       // RLock recursion, Semaphore value
  bool flag = false;       // Event
  int64_t maxsize = 0;     // Queue
  std::deque<int64_t> items;
  std::deque<int32_t> waiters;     // lock/semaphore/event waiters, queue getters, pipe readers
  std::deque<int32_t> putWaiters;  // queue putters, pipe writers
  std::deque<int64_t> sizes;       // Pipe: bytes of each message in `items`
  int64_t bytes = 0;               // Pipe: bytes in the pipe
  std::vector<int32_t> pollers;    // Pipe: threads in select/poll on it
  std::vector<std::pair<int32_t, int32_t>> writeEnds;  // Pipe: (process, open write ends)
  int64_t openWriteEnds = 0;                           // Pipe: their sum (0: end-of-file)
  Nanos lastRelease = -1;
  int32_t lastReleaseLane = -1;
  int32_t resource = -1;  // Trace::resources entry recording its state, -1 none
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Impl
//-----------------------------------------------------------------------------------------------
struct EventPayload {
  enum Kind : uint8_t { ThreadTimer, SliceEnd } kind = ThreadTimer;
  int32_t target = -1;        // thread or core
  uint32_t generation = 0;
};

struct Core {
  int32_t thread = -1;
  int32_t lastThread = -1;
  uint32_t sliceGeneration = 0;
  Nanos idleSince = 0;  // when the core last became idle (its wake-up latency grows with it)
  int32_t lane = -1;
  Nanos busy = 0;
  // Trace: current segment on this core
  bool segOpen = false;
  Nanos segStart = 0;
  State segState = State::RunningPython;
  int32_t segThread = -1;
  int32_t segLabel = -1;
  int32_t segLine = -1;
};

struct Simulation::Impl {
  Simulation& sim;
  MachineConfig& config;
  Trace& trace;
  EventQueue<EventPayload> events;
  std::vector<Core> cores;
  std::deque<int32_t> runQueue;
  std::vector<std::unique_ptr<Thread>> threads;
  std::vector<Process> processes;
  std::vector<Primitive> primitives;
  std::vector<int32_t> runners;  // threads on cores
  uint64_t steps = 0;
  int64_t machineMemory = 0;
  int32_t machineMemoryCounter = -1;
  Nanos lastActivity = 0;
  std::string stop;
  uint64_t segmentCount = 0;
  uint64_t outputBytes = 0;
  std::unordered_map<std::string, int32_t> stringIndex;
  Nanos sequentialWork = 0;  // CPU + I/O time summed over threads (speedup's numerator)

  Impl(Simulation& s, MachineConfig& c, Trace& t) : sim(s), config(c), trace(t) {}

  Thread& thread(int32_t id) { return *threads[static_cast<size_t>(id)]; }
  Process& process(int32_t id) { return processes[static_cast<size_t>(id)]; }
  Nanos& now() { return sim.now_; }

  // simulation.cpp: main loop, requests
  bool step();
  void advanceRunner(Thread& t);
  Nanos horizon(const Thread& t) const;
  Nanos heapHorizon(const Thread& t) const;
  void runBody(Thread& t);
  void serveRequest(Thread& t, Request& r);
  int32_t createThread(int32_t process, std::string name, std::unique_ptr<ThreadBody> body,
                       bool daemon);
  int32_t createProcess(int32_t parent, std::string name, std::unique_ptr<ThreadBody> body,
                        Nanos startCost);
  void finishThread(Thread& t);
  void finishProcess(Process& p, Nanos at = -1);
  void stopWith(const std::string& reason);
  // Block protocol: drop the GIL if held, block on `on`, take the GIL back after.
  void blockingCall(Thread& t, BlockOn on, int64_t target, Nanos timeout, int32_t label);

  // scheduler.cpp
  void makeRunnable(Thread& t, Nanos at);
  void dispatch(int32_t coreIndex, Thread& t, Nanos at);
  void leaveCore(Thread& t);
  void block(Thread& t, BlockOn on, int64_t target, Nanos timeout, State state, int32_t label);
  void wake(Thread& t, int64_t result, bool ok, Nanos at);  // a request completed
  void resume(Thread& t, Nanos at);  // internal wake-up (GIL): the request result is kept
  void onSliceEnd(int32_t coreIndex, uint32_t generation);
  void onThreadTimer(int32_t threadId, uint32_t generation);
  void scheduleSlice(int32_t coreIndex, Nanos at);
  void refillAfterOtherProcess(Thread& t, Nanos at);

  // gil.cpp
  void takeGil(Thread& t);
  void dropGil(Thread& t);
  void onGilTimeout(Thread& t);
  void takeGilNow(Process& p, Thread& t, Nanos at);

  // sync.cpp
  void lockAcquire(Thread& t, const Request& r);
  void lockRelease(Thread& t, const Request& r);
  void semAcquire(Thread& t, const Request& r);
  void semRecheck(Thread& t);
  void semRelease(Thread& t, const Request& r);
  void eventSet(Thread& t, const Request& r);
  void eventWait(Thread& t, const Request& r);
  void queuePut(Thread& t, const Request& r);
  void queuePutRecheck(Thread& t);
  void queueGet(Thread& t, const Request& r);
  void queueGetRecheck(Thread& t);
  void removeWaiter(Thread& t, Nanos at = -1);  // a timed-out waiter leaves its primitive (at: now)

  // pipe.cpp
  void pipeWrite(Thread& t, const Request& r);
  void pipeWriteRecheck(Thread& t);
  void pipeRead(Thread& t, const Request& r);
  void pipeReadLabelled(Thread& t, const Request& r, int32_t label);
  void pipeReadRecheck(Thread& t);
  void pipeCloseWriter(Thread& t, const Request& r);
  void addWriteEnd(int32_t pipe, int32_t process);
  // Drops `n` of `process`'s write ends of `p` (all when n < 0); at end-of-file wakes its readers.
  void closeWriteEnds(Primitive& p, int32_t process, int64_t n, Thread* closer, Nanos at);
  void waitReady(Thread& t, const Request& r);
  void waitRecheck(Thread& t);
  void semValue(Thread& t, const Request& r);
  int64_t readyMask(const std::vector<int64_t>& targets);
  void wakePollers(std::vector<int32_t>& pollers, Thread* waker, Nanos at);
  bool wakeAfterIdleExit(Thread& w, Nanos at);
  Nanos idleExitDelay(const Thread& w, Nanos at);
  void leaveWaitTargets(Thread& t);
  void wakeFlow(Thread& waker, Thread& woken, Nanos at);

  // trace_recorder.cpp
  int32_t intern(const std::string& s);
  // Lanes whose state the program sets (event loops, tasks): the open segment of each.
  struct OpenLaneSegment {
    Nanos start = 0;
    State state = State::LoopIdle;
    int32_t thread = -1;
    int32_t label = -1;
  };
  std::map<int32_t, OpenLaneSegment> openLaneSegments;
  void setLaneState(int32_t lane, int32_t thread, int64_t state, int32_t label, Nanos at);
  int64_t traceLane(Thread& t, const Request& r, Nanos at);  // the new lane's id for Open ops
  void loopUnfreeze(Thread& t, Nanos at);
  int32_t addLane(LaneKind kind, int32_t process, int32_t thread, const std::string& name);
  void setState(Thread& t, State s, Nanos at, int32_t label = -1, int32_t line = -1);
  void closeState(Thread& t, Nanos at);  // the thread is done: no open segment
  void coreSegment(Core& c, int32_t threadId, State s, Nanos at, int32_t label, int32_t line);
  void coreIdle(Core& c, Nanos at);
  void gilSegmentOpen(Process& p, int32_t threadId, Nanos at);
  void gilSegmentClose(Process& p, Nanos at);
  void instant(int32_t lane, InstantKind kind, Nanos at, int32_t label = -1);
  void flow(FlowKind kind, int32_t fromLane, Nanos fromTime, int32_t toLane, Nanos toTime);
  void memory(Process& p, int64_t delta, Nanos at);
  void pushSegment(int32_t lane, const Segment& s);
  void finalize();

  // trace_resources.cpp: synchronisation objects' states (Trace::resources)
  std::vector<ResourceState> resourceLast;   // per resource: the last state observed, once its
                                             // history is full (Resource::truncatedAt)
  size_t resourceStates = 0;                 // states kept over all resources
  std::map<std::string, int32_t> resourceNames;  // name -> times used (" #2" suffixes)
  std::function<std::string(int64_t)> itemRepr;  // how to show a queue item
  void recordResource(int32_t resource, ResourceState s);
  // After any change to a primitive: records its state if it is a resource.
  void notePrimitive(const Primitive& p, Nanos at) {
    if (p.resource >= 0) recordPrimitive(p, at);
  }
  void recordPrimitive(const Primitive& p, Nanos at);
};

}  // namespace interleave
