// What runs on a simulated thread. The engine owns time, cores and the GIL; a ThreadBody owns
// what the thread computes. Today bodies are step programs (program.h); the Python VM is
// another body that produces the same requests.
//
// Protocol: when the thread is on a core and not blocked, the engine calls
//   run(ctx, budget) -> RunResult{consumed, request}
// The body executes up to `budget` ns of CPU (it may overshoot by one indivisible step), then
// returns how much it consumed and, if it needs the engine, a Request. The engine performs the
// request in virtual-time order (perhaps blocking the thread), stores its outcome in
// ctx.result(), and calls run() again later. A body must make progress: consume > 0 or return
// a request.
//
// Eval-breaker points: a body running Python with the GIL checks ctx.gilDropRequested() only
// where CPython 3.11 does (function entry, loop back-edge, after a call returns) and answers
// with Request::yieldGil(). It never drops the GIL anywhere else.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "virtual_time.h"

namespace interleave {

class Random;
class Simulation;
class ThreadBody;

enum class RequestKind : uint8_t {
  None,            // budget used up: call again
  YieldGil,        // eval breaker saw a drop request: drop_gil (forced switch) + take_gil
  ReleaseGil,      // Py_BEGIN_ALLOW_THREADS: what follows is native work without the GIL
  AcquireGil,      // Py_END_ALLOW_THREADS: take the GIL back
  Sleep,           // time.sleep / blocking I/O for `duration` (GIL released, then re-taken)
  Spawn,           // start a thread in this process; result = thread id
  SpawnProcess,    // start a process; result = process id
  Join,            // wait for thread `target` to finish
  JoinProcess,     // wait for process `target` to finish; result = its exit code
  KillProcess,     // end process `target` now (SIGTERM): its threads stop, exit code `value`
  LockAcquire,     // object `target`; result 1 acquired, 0 timed out / would block
  LockRelease,
  SemAcquire,      // semaphore `target`
  SemRelease,
  EventSet,
  EventClear,
  EventWait,       // result 1 set, 0 timed out
  QueuePut,        // queue `target`, item `value`
  QueueGet,        // result = item; resultOk 0 on timeout / empty
  Print,           // text on stdout (stream 1) or stderr (stream 2)
  SetSwitchInterval,  // duration
  Mark,            // instant marker with `text`
  MemoryDelta,     // value bytes (+/-) charged to the process
  Exit,            // the thread's function returned (a main thread: `value` is the exit code)
  Abort,           // stop the whole run with `text` (a runaway program hit a limit)
  TraceLane,       // asyncio's lanes (LaneOp in `value`): open a loop/task lane named `text`
                   // (result = lane id), or set lane `target` to State `duration` (-1: none)
  PipeWrite,       // pipe `target`: message `value` (a token) of `size` bytes; blocks while full
  PipeRead,        // pipe `target`: result = the oldest message's token; resultOk 0 on timeout,
                   // and result kPipeEndOfFile too when it is empty and no write end is open
  PipeCloseWriter, // pipe `target`: this process closes one of its write ends
  WaitReady,       // select/poll over `targets` (pipes; -1 - process id: a process sentinel)
                   // for `duration` (-1: forever); result = bit i set if targets[i] is ready
  SemValue,        // semaphore `target`: result = its value (sem_getvalue)
  Sync,            // nothing: served in virtual-time order (memory shared between processes)
};

struct ThreadSpec;
struct ProcessSpec;

// RequestKind::TraceLane operations.
enum class LaneOp : int64_t { OpenLoop = 0, OpenTask = 1, SetState = 2 };

struct Request {
  RequestKind kind = RequestKind::None;
  int64_t target = -1;      // object / thread / process id
  int64_t value = 0;        // item, bytes, stream, count
  Nanos duration = 0;       // sleep length, interval, timeout (-1: none)
  bool blocking = true;     // acquire/get/put: false = try once
  bool device = false;      // Sleep: a device completes it (disk, network): no timer slack
  std::string text;         // print / mark / I/O label
  int64_t size = 0;         // PipeWrite: message bytes
  std::vector<int64_t> targets;          // WaitReady
  std::shared_ptr<ThreadSpec> thread;    // Spawn
  std::shared_ptr<ProcessSpec> process;  // SpawnProcess

  static Request none() { return {}; }
  static Request yieldGil() { Request r; r.kind = RequestKind::YieldGil; return r; }
  static Request make(RequestKind k) { Request r; r.kind = k; return r; }
};

struct RunResult {
  Nanos consumed = 0;
  Request request;
};

// What a body sees of the engine while it runs.
class ThreadContext {
 public:
  virtual ~ThreadContext() = default;
  virtual Nanos now() const = 0;               // this thread's clock (start of this run call)
  virtual int32_t threadId() const = 0;
  virtual int32_t processId() const = 0;
  virtual int64_t osPid() const = 0;
  virtual bool gilDropRequested() const = 0;   // CPython's eval_breaker && gil_drop_request
  virtual bool holdsGil() const = 0;
  virtual int64_t result() const = 0;          // outcome of the last request
  virtual bool resultOk() const = 0;
  virtual Random& random() = 0;
  virtual int cpuCount() const = 0;
  virtual Nanos switchInterval() const = 0;
  // Absolute time past which the body must not read or write memory other threads can see
  // (GIL off: the other threads of the process have not got there yet). Work that touches no
  // shared memory (a busy loop, native code) may run to the full budget.
  virtual Nanos sharedHeapLimit() const = 0;
  // Labels the work the body is doing (shown on segments); cheap to call with the same value.
  virtual void setActivity(const std::string& label, int32_t line) = 0;
  // A RequestKind::TraceLane operation done at once, at this thread's clock + `offset` (the
  // CPU the body used so far in this run): lanes are instrumentation, they need no round trip.
  // Returns the new lane's id for the Open operations (-1 past the lane limit).
  virtual int64_t traceLane(const Request& r, Nanos offset) = 0;
  virtual Simulation& simulation() = 0;
};

class ThreadBody {
 public:
  virtual ~ThreadBody() = default;
  virtual RunResult run(ThreadContext& ctx, Nanos budget) = 0;
  // True while the body is in an uninterruptible C call (for labelling only).
};

struct ThreadSpec {
  std::string name;
  std::unique_ptr<ThreadBody> body;
  bool daemon = false;
  // threading.Thread.start() waits for the new thread to signal it started (needs the GIL).
  bool waitStarted = true;
};

struct ProcessSpec {
  std::string name;
  std::unique_ptr<ThreadBody> mainBody;
  std::vector<int32_t> inheritedPipeWriters;  // fork: a pipe id per open write end copied
  std::string startMethod;                    // "fork", "spawn"...; empty: the machine's setting
};

// PipeRead's result (with resultOk 0) when the pipe is empty and every write end is closed.
constexpr int64_t kPipeEndOfFile = -2;

}  // namespace interleave
