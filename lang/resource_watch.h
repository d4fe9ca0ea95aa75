// Recording the program's synchronisation objects (locks, semaphores, queues) as trace
// resources (engine/trace.h: Trace::resources) without changing the run: no bytecode, no
// virtual time, no heap allocation, no Python code, and the objects are not kept alive.
//
// How each object is found and observed:
//   - The library classes whose instances are resources carry TypeObj::resourceKind (user
//     subclasses inherit it). The VM calls created() when one is instantiated; an instance made
//     by library code (a Condition's waiter lock, a Queue's mutex, a Pool's queues) is not one.
//     Its name is the variable the creating instruction stores it in (`lock = Lock()`, `self.q
//     = Queue()`), else "Lock (line 7)".
//   - Before each engine request of a thread (runner.cpp), beforeRequest() binds new objects
//     (their __init__ has run by then, and no request touched them yet) and observes:
//       threading.Lock/RLock, multiprocessing.Lock/RLock/Queue: the engine implements them and
//         records every change itself (Simulation::tracePrimitive);
//       queue.Queue, threading.Semaphore: library Python that changes state only while holding
//         its mutex (an engine lock): observed when a thread releases that mutex;
//       asyncio.Lock/Semaphore/Queue: changed only by the loop's thread, inside task steps and
//         callbacks: observed when the loop marks a step's end or goes idle (TraceLane
//         requests); an asyncio.Lock's owner is the task whose step took it.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "simulation.h"
#include "vm.h"

namespace interleave::lang {

// Frames of a new object's __init__ cannot leave it unbound for longer than this many requests:
// past it the object is given up (a subclass that never calls the base __init__).
constexpr int kMaxBindAttempts = 64;
// Objects watched per run: each becomes a resource (at most kMaxResources) or fails to bind, so
// this bounds the memory of a program that makes millions of them between two requests.
constexpr size_t kMaxWatchedObjects = 2 * kMaxResources;
// Nesting shown in an item's repr ([[1, [2, ...]]]): deeper containers print as "...".
constexpr int kMaxItemReprDepth = 3;

// repr() of a value for the panel, computed without running Python code (instances of Python
// classes show as <Name object>), cut to `limit` bytes at a UTF-8 boundary ("..." appended).
std::string shortRepr(Vm& vm, Value v, size_t limit);

class ResourceWatch {
 public:
  ResourceWatch(Vm& vm, Simulation& sim);
  ~ResourceWatch();
  ResourceWatch(const ResourceWatch&) = delete;
  ResourceWatch& operator=(const ResourceWatch&) = delete;

  // Marks the library classes (threading, queue, multiprocessing, asyncio) whose instances are
  // resources. After installModules.
  void markLibraryTypes();
  // An instance of a marked class was made by the running instruction of `t` (before __init__),
  // with the constructor's arguments.
  void created(PyThread& t, InstanceObj* inst, const std::vector<Value>& pos,
               const std::vector<std::pair<StrObj*, Value>>& kw);
  // A thread of `process` asks the engine for `r` at virtual time `at`.
  void beforeRequest(int32_t process, const Request& r, Nanos at);
  // The object is being freed (Obj's destructor).
  static void forget(const Obj* o);

 private:
  struct Entry {
    InstanceObj* obj = nullptr;  // nullptr once freed
    ResourceKind kind = ResourceKind::Lock;
    std::string name;
    int32_t process = 0;
    int32_t line = -1;
    Nanos created = 0;
    int32_t resource = -1;       // trace id once bound
    int attempts = 0;
    int64_t mutex = -1;          // queue.Queue / threading.Semaphore: the engine lock guarding it
    int32_t owner = -1;          // asyncio.Lock: the task lane that took it
    int64_t capacity = 0;        // queues: maxsize; semaphores: initial value
  };
  bool bind(Entry& e, int32_t runningTask);
  void observe(Entry& e, Nanos at, int32_t runningTask);
  void observeLoop(int32_t process, Nanos at, int32_t runningTask);
  void drop(size_t index);
  // Lanes of the threads waiting on a threading.Condition (the first kMaxResourceWaiters);
  // returns how many wait.
  int64_t conditionWaiters(Value cond, std::vector<int32_t>* out);
  // Lanes of the tasks awaiting asyncio futures still pending (likewise); returns how many.
  int64_t futureWaiters(Value futures, std::vector<int32_t>* out);
  void queueItems(Value list, bool lifo, bool withItems, ResourceState* s);
  Value attr(Value obj, const char* name);
  std::string itemRepr(int64_t token);

  Vm& vm_;
  Simulation& sim_;
  std::vector<Entry> entries_;
  std::vector<size_t> unbound_;                              // entries waiting for bind()
  std::unordered_map<int64_t, size_t> byMutex_;              // (process, mutex) -> entry
  std::unordered_map<int32_t, std::vector<size_t>> loopEntries_;  // process -> asyncio entries
  std::unordered_map<int32_t, int32_t> runningTask_;         // process -> lane of the task in a step
};

}  // namespace interleave::lang
