// Natives of multiprocessing (lang/lib/multiprocessing.py): starting and joining processes,
// pickling, pipes, select/poll and semaphores; Connection, Queue, SimpleQueue and the process
// pool are library Python on top of them, with CPython's algorithms. Values cross processes as
// pickled snapshots (process_copy.h) parked in Vm::transit; an engine pipe carries only their
// tokens and sizes, so the engine orders every hand-over in virtual time.
//
// Costs (MachineConfig): dumps and loads by what the pickle holds (pickleSend/Receive,
// picklePerObject, pickleGlobal*, pickleInstance*, picklePerKiB), with the GIL; Connection's
// framing (connectionSend/Recv) and selectors' code around poll() (waitCall + waitPerObject)
// with the GIL; each read(), write() and poll() syscall (pipeSyscall) without it.
#include <cmath>

#include "modules.h"
#include "process_copy.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {
namespace {

bool timeoutArg(Vm& vm, PyThread& t, const Value& v, Nanos* out) {
  *out = -1;
  if (v.isNone() || v.isUndefined()) return true;
  double s;
  if (!toDouble(v, &s)) {
    vm.raise(t, vm.types.TypeError, "timeout must be a number");
    return false;
  }
  *out = s <= 0 ? 0 : static_cast<Nanos>(std::llround(s * 1e9));
  return true;
}

// -> (engine process id, os pid)
NativeResult returnPid(Vm& vm, PyThread&, int64_t result, bool, Value) {
  const auto& procs = vm.simulation->trace().processes;
  int64_t osPid = result >= 0 && result < static_cast<int64_t>(procs.size()) ? procs[static_cast<size_t>(result)].osPid : 0;
  return NativeResult::ret(vm.tuple({Value::integer(result), Value::integer(osPid)}));
}

bool isBlob(const Value& v);  // a pickled value (below)

// A SpawnProcess request for the child whose main thread `makeBody` gives (named by args[1],
// started by method args[2]).
template <typename MakeBody>
NativeResult startChild(Vm& vm, NativeCall& c, MakeBody makeBody) {
  std::string name = c.argc() > 1 && isKind(c.args[1], ObjKind::Str) ? asStr(c.args[1])->s : "Process";
  Request r;
  r.kind = RequestKind::SpawnProcess;
  r.process = std::make_shared<ProcessSpec>();
  r.process->name = name;
  r.process->mainBody = makeBody(runtimeState(vm), name, &r.process->inheritedPipeWriters);
  // args[2]: the start method the program chose (set_start_method, a context), else the setting's.
  if (c.argc() > 2 && isKind(c.args[2], ObjKind::Str)) r.process->startMethod = asStr(c.args[2])->s;
  NativeResult res = NativeResult::engine(std::move(r), returnPid);
  res.cost = vm.simulation->config().processStartCall;
  return res;
}

// _start_process(bootstrap, name, method) -> (engine process id, os pid). Fork: the child's modules are a
// copy of ours taken now; its main thread runs the copy of `bootstrap` (Process._bootstrap).
NativeResult mp_start_process(Vm& vm, NativeCall& c) {
  return startChild(vm, c, [&](RuntimeState& rt, const std::string& name, std::vector<int32_t>* writeEnds) {
    return rt.forkProcess(c.args[0], name, writeEnds);
  });
}

// _spawn_process(blob, name, method) -> (engine process id, os pid). Spawn and forkserver: the child is
// a fresh interpreter that runs the program again as __mp_main__ and then unpickles `blob`
// (the Process object, pickled by the parent while spawning).
NativeResult mp_spawn_process(Vm& vm, NativeCall& c) {
  return startChild(vm, c, [&](RuntimeState& rt, const std::string& name, std::vector<int32_t>* writeEnds) {
    // The pipes' write ends in the Process object are the child's from the start (popen's fds).
    if (isBlob(c.args[0])) *writeEnds = spawnWriteEnds(vm, static_cast<TupleObj*>(c.args[0].asObj())->items[0]);
    return rt.spawnProcess(c.args[0], name, c.argc() > 2 ? c.args[2] : Value::none());
  });
}

// _run_main(): runs the program's module code in this process's __main__ (a spawned child's
// __mp_main__), as spawn's prepare() does with runpy; returns None.
NativeResult mp_run_main(Vm& vm, NativeCall& c) {
  if (!vm.programCode || !vm.image->mainModule) return vm.raise(*c.thread, vm.types.RuntimeError, "no main module to run");
  auto* fn = vm.heap.make<FunctionObj>();
  fn->code = vm.programCode;
  fn->name = asStr(vm.str("<module>"));
  fn->qualname = fn->name;
  fn->globals = vm.image->mainModule->dict;
  fn->module = vm.str(vm.image->mainModule->name);
  fn->doc = Value::none();
  NativeResult r;
  r.kind = NativeResult::Kind::TailCall;
  r.value = Value::object(fn);
  return r;
}

NativeResult joined(Vm&, PyThread&, int64_t result, bool ok, Value) {
  return NativeResult::ret(ok ? Value::integer(result) : Value::none());
}

// _join_process(pid, timeout) -> exit code, or None if still running at the timeout.
NativeResult mp_join_process(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::JoinProcess;
  r.target = c.args[0].asInt();
  if (!timeoutArg(vm, *c.thread, c.argc() > 1 ? c.args[1] : Value::none(), &r.duration)) return NativeResult::raise();
  return NativeResult::engine(std::move(r), joined);
}

// _kill_process(pid): Process.terminate() (SIGTERM: exit code -15).
NativeResult mp_kill_process(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::KillProcess;
  r.target = c.args[0].asInt();
  r.value = -15;
  return NativeResult::engine(std::move(r), [](Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); });
}

// --- pickling -------------------------------------------------------------------------------
// A pickled value ("blob") is the tuple (snapshot, bytes, cost of loading it): what
// ForkingPickler.dumps returns, opaque to the library Python that carries it.
Nanos dumpsCost(const MachineConfig& c, const PickleStats& s) {
  return c.pickleSend + c.picklePerObject * s.objects + c.pickleGlobalSend * s.globals +
         c.pickleInstanceSend * s.instances + c.picklePerKiB * s.bytes / 1024;
}
Nanos loadsCost(const MachineConfig& c, const PickleStats& s) {
  return c.pickleReceive + c.picklePerObject * s.objects + c.pickleGlobalReceive * s.globals +
         c.pickleInstanceReceive * s.instances + c.picklePerKiB * s.bytes / 1024;
}

// _dumps(obj, spawning=False) -> blob, or CPython's pickling error.
NativeResult mp_dumps(Vm& vm, NativeCall& c) {
  Value snapshot;
  PickleStats stats;
  bool spawning = c.argc() > 1 && c.args[1].isBool() && c.args[1].asBool();
  if (!pickleSnapshot(vm, *c.thread, c.args[0], &snapshot, &stats, spawning)) return NativeResult::raise();
  const MachineConfig& cfg = vm.simulation->config();
  Value blob = vm.tuple({snapshot, Value::integer(stats.bytes), Value::integer(loadsCost(cfg, stats))});
  return NativeResult::ret(blob, dumpsCost(cfg, stats));
}

bool isBlob(const Value& v) {
  return isKind(v, ObjKind::Tuple) && static_cast<TupleObj*>(v.asObj())->items.size() == 3;
}

// _loads(blob, inherited=False) -> a copy of the value in this process (functions and classes looked up by name).
NativeResult mp_loads(Vm& vm, NativeCall& c) {
  if (!isBlob(c.args[0])) return vm.raise(*c.thread, vm.types.TypeError, "_loads() needs a pickled value");
  auto* blob = static_cast<TupleObj*>(c.args[0].asObj());
  Value out;
  bool inherited = c.argc() > 1 && c.args[1].isBool() && c.args[1].asBool();  // spawn's Process object
  if (!unpickleSnapshot(vm, *c.thread, blob->items[0], &out, inherited)) return NativeResult::raise();
  return NativeResult::ret(out, blob->items[2].asInt());
}

// --- pipes ---------------------------------------------------------------------------------
// Connection's header: a 4-byte length before every message.
constexpr int64_t kMessageHeader = 4;

// _pipe_new(charge=True) -> pipe id. A duplex Pipe is two engine pipes but one socketpair.
NativeResult mp_pipe_new(Vm& vm, NativeCall& c) {
  bool charge = c.argc() == 0 || !c.args[0].isBool() || c.args[0].asBool();
  int32_t process = vm.ctx ? vm.ctx->processId() : 0;
  return NativeResult::ret(Value::integer(vm.simulation->createPipe(process)), charge ? vm.simulation->config().pipeCreate : 0);
}

NativeResult retNone(Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); }

NativeResult reacquireGil(Value data, NativeContinuation k, Nanos cost) {
  NativeResult res = NativeResult::engine(Request::make(RequestKind::AcquireGil), k, data);
  res.cost = cost;
  return res;
}

// A message bigger than the pipe crosses in parts: the writer fills the pipe, waits for the
// reader to drain it, writes the next part (os.write returns what fit; Connection._send loops).
// A part before the last travels as the token -bytes; the last part carries the real token.
NativeResult pipeWriteNow(Vm& vm, PyThread&, int64_t, bool, Value data);

NativeResult pipeWritten(Vm& vm, PyThread& t, int64_t, bool, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  int64_t left = d->items[2].asInt() - std::min(d->items[2].asInt(), vm.simulation->config().pipeCapacity);
  if (left > 0) return pipeWriteNow(vm, t, 0, true, vm.tuple({d->items[0], d->items[1], Value::integer(left)}));
  return reacquireGil(Value::none(), retNone, 0);
}

Nanos pipeCopyCost(const MachineConfig& c, int64_t bytes) {
  return c.pipeSyscall + c.pipePerKiB * bytes / 1024;
}

// After the GIL is released: the write() syscall (copying the part into the pipe), then it is
// in the pipe.
NativeResult pipeWriteNow(Vm& vm, PyThread&, int64_t, bool, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  const MachineConfig& cfg = vm.simulation->config();
  int64_t left = d->items[2].asInt();
  int64_t part = std::min(left, cfg.pipeCapacity);
  Request r;
  r.kind = RequestKind::PipeWrite;
  r.target = d->items[0].asInt();
  r.value = part < left ? -part : d->items[1].asInt();
  r.size = part;
  NativeResult res = NativeResult::engine(std::move(r), pipeWritten, data);
  res.cost = pipeCopyCost(cfg, part);
  return res;
}

// _pipe_send(pipe, blob) -> None: Connection._send_bytes (blob None: an empty message, as
// send_bytes(b"")). The GIL is released around the writes, as os.write does; a full pipe blocks.
NativeResult mp_pipe_send(Vm& vm, NativeCall& c) {
  if (!c.args[0].isInt()) return vm.raise(*c.thread, vm.types.TypeError, "bad pipe");
  int64_t size = kMessageHeader;
  if (isBlob(c.args[1])) size += static_cast<TupleObj*>(c.args[1].asObj())->items[1].asInt();
  int64_t token = vm.nextTransit++;
  vm.transit[token] = c.args[1];
  Value data = vm.tuple({c.args[0], Value::integer(token), Value::integer(size)});
  NativeResult res = NativeResult::engine(Request::make(RequestKind::ReleaseGil), pipeWriteNow, data);
  res.cost = vm.simulation->config().connectionSend;  // the framing, with the GIL
  return res;
}

NativeResult pipeReadNow(Vm& vm, PyThread&, int64_t, bool, Value data);

// data: (pipe, bytes read so far). A part of a bigger message: read on.
NativeResult pipeGot(Vm& vm, PyThread& t, int64_t token, bool ok, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  const MachineConfig& cfg = vm.simulation->config();
  if (!ok && token == kPipeEndOfFile) {  // every write end closed: Connection._recv's EOFError
    return reacquireGil(Value::none(), [](Vm& vm, PyThread& t, int64_t, bool, Value) {
      t.raising = vm.newExceptionArgs(vm.types.EOFError, {});
      return NativeResult::raise();
    }, cfg.pipeSyscall);
  }
  int64_t sofar = d->items[1].asInt();
  if (ok && token < 0) {
    NativeResult res = pipeReadNow(vm, t, 0, true, vm.tuple({d->items[0], Value::integer(sofar - token)}));
    res.cost += pipeCopyCost(cfg, -token);
    return res;
  }
  Value parked = Value::none();
  auto it = ok ? vm.transit.find(token) : vm.transit.end();
  if (it != vm.transit.end()) {
    parked = it->second;
    vm.transit.erase(it);
  }
  int64_t total = kMessageHeader + (isBlob(parked) ? static_cast<TupleObj*>(parked.asObj())->items[1].asInt() : 0);
  // recv_bytes reads the header, then the payload: one read() more than the parts.
  return reacquireGil(parked, [](Vm& vm, PyThread&, int64_t, bool, Value v) {
    return NativeResult::ret(v, vm.simulation->config().connectionRecv);  // the framing, with the GIL
  }, cfg.pipeSyscall + pipeCopyCost(cfg, std::max<int64_t>(0, total - sofar)));
}

NativeResult pipeReadNow(Vm&, PyThread&, int64_t, bool, Value data) {
  Request r;
  r.kind = RequestKind::PipeRead;
  r.target = static_cast<TupleObj*>(data.asObj())->items[0].asInt();
  r.duration = -1;  // no timeout: Connection.recv() blocks until a message comes
  r.text = "recv()";
  return NativeResult::engine(std::move(r), pipeGot, data);
}

// _pipe_close_writer(pipe): Connection.close() of a connection that writes to `pipe`.
NativeResult mp_pipe_close_writer(Vm& vm, NativeCall& c) {
  if (!c.args[0].isInt()) return vm.raise(*c.thread, vm.types.TypeError, "bad pipe");
  Request r = Request::make(RequestKind::PipeCloseWriter);
  r.target = c.args[0].asInt();
  NativeResult res = NativeResult::engine(std::move(r), [](Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); });
  res.cost = vm.simulation->config().pipeSyscall;
  return res;
}

// _pipe_recv(pipe) -> the oldest message's blob (None for an empty message); blocks while the
// pipe is empty, without the GIL.
NativeResult mp_pipe_recv(Vm& vm, NativeCall& c) {
  if (!c.args[0].isInt()) return vm.raise(*c.thread, vm.types.TypeError, "bad pipe");
  return NativeResult::engine(Request::make(RequestKind::ReleaseGil), pipeReadNow, vm.tuple({c.args[0], Value::integer(0)}));
}

NativeResult waited(Vm& vm, PyThread&, int64_t mask, bool, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  std::vector<Value> ready;
  int64_t n = d->items[0].asInt();
  for (int64_t i = 0; i < n && i < 64; ++i) {
    if (mask & (int64_t{1} << i)) ready.push_back(Value::integer(i));
  }
  return reacquireGil(vm.list(std::move(ready)), [](Vm&, PyThread&, int64_t, bool, Value v) { return NativeResult::ret(v); }, 0);
}

NativeResult waitNow(Vm& vm, PyThread&, int64_t, bool, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  auto* ids = static_cast<ListObj*>(d->items[1].asObj());
  Request r;
  r.kind = RequestKind::WaitReady;
  for (const Value& v : ids->items) r.targets.push_back(v.asInt());
  r.duration = d->items[2].asInt();
  r.text = "wait()";
  const MachineConfig& cfg = vm.simulation->config();
  NativeResult res = NativeResult::engine(std::move(r), waited, vm.tuple({Value::integer(static_cast<int64_t>(ids->items.size()))}));
  res.cost = cfg.pipeSyscall;  // poll(), without the GIL
  return res;
}

// _wait(targets, timeout) -> the indices of the ready targets (pipes: readable; -1 - process id:
// that process has ended). select/poll without the GIL; timeout None waits forever.
NativeResult mp_wait(Vm& vm, NativeCall& c) {
  PyThread& t = *c.thread;
  if (!isKind(c.args[0], ObjKind::List)) return vm.raise(t, vm.types.TypeError, "_wait() needs a list");
  auto* ids = static_cast<ListObj*>(c.args[0].asObj());
  if (ids->items.empty()) return NativeResult::ret(vm.list({}));
  if (ids->items.size() > 64) return vm.raise(t, vm.types.ValueError, "Interleave waits on at most 64 objects at once");
  for (const Value& v : ids->items) {
    if (!v.isInt()) return vm.raise(t, vm.types.TypeError, "bad wait target");
  }
  Nanos timeout;
  if (!timeoutArg(vm, t, c.argc() > 1 ? c.args[1] : Value::none(), &timeout)) return NativeResult::raise();
  Value data = vm.tuple({Value::integer(0), c.args[0], Value::integer(timeout)});
  NativeResult res = NativeResult::engine(Request::make(RequestKind::ReleaseGil), waitNow, data);
  // selectors.PollSelector's Python code around the poll() call, with the GIL.
  const MachineConfig& cfg = vm.simulation->config();
  res.cost = cfg.waitCall + cfg.waitPerObject * static_cast<int64_t>(ids->items.size());
  return res;
}

// --- semaphores (SemLock) --------------------------------------------------------------------
// _sem_new(value, semlock=True) -> id. A SemLock (multiprocessing's Lock, Semaphore...) is a
// named POSIX semaphore: creating it costs semLockCreate; semlock=False is a thread lock.
NativeResult mp_sem_new(Vm& vm, NativeCall& c) {
  int64_t value = c.argc() > 0 && c.args[0].isInt() ? std::max<int64_t>(0, c.args[0].asInt()) : 1;
  bool semlock = c.argc() <= 1 || !c.args[1].isBool() || c.args[1].asBool();
  return NativeResult::ret(Value::integer(vm.simulation->createSemaphore(value)),
                           semlock ? vm.simulation->config().semLockCreate : 0);
}

// _semlock_created(): the cost of creating a SemLock the engine keeps elsewhere (RLock).
NativeResult mp_semlock_created(Vm& vm, NativeCall&) {
  return NativeResult::ret(Value::none(), vm.simulation->config().semLockCreate);
}

NativeResult retBool(Vm&, PyThread&, int64_t result, bool ok, Value) {
  return NativeResult::ret(Value::boolean(ok && result != 0));
}

// _sem_acquire(id, block, timeout) -> bool: sem_trywait, then (blocking) sem_wait without the GIL.
NativeResult mp_sem_acquire(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::SemAcquire;
  r.target = c.args[0].asInt();
  r.blocking = c.argc() <= 1 || !c.args[1].isBool() || c.args[1].asBool();
  if (!timeoutArg(vm, *c.thread, c.argc() > 2 ? c.args[2] : Value::none(), &r.duration)) return NativeResult::raise();
  if (!r.blocking) r.duration = 0;
  return NativeResult::engine(std::move(r), retBool);
}

NativeResult mp_sem_release(Vm&, NativeCall& c) {
  Request r;
  r.kind = RequestKind::SemRelease;
  r.target = c.args[0].asInt();
  return NativeResult::engine(std::move(r), retNone);
}

NativeResult mp_sem_value(Vm&, NativeCall& c) {
  Request r;
  r.kind = RequestKind::SemValue;
  r.target = c.args[0].asInt();
  return NativeResult::engine(std::move(r), [](Vm&, PyThread&, int64_t v, bool, Value) { return NativeResult::ret(Value::integer(v)); });
}

// --- shared memory (Value, Array) ----------------------------------------------------------
// sharedctypes' memory: blocks of ctypes numbers outside every process's heap, shared by all
// the processes that inherit them. Every read and write is served in virtual-time order (a
// Sync request), so processes see each other's writes as they would in time.
struct SharedMemory {
  std::vector<std::pair<char, std::vector<Value>>> blocks;
};

SharedMemory& sharedMemory(Vm& vm) {
  std::shared_ptr<void>& slot = vm.simulation->attachment("shared_memory");
  if (!slot) slot = std::make_shared<SharedMemory>();
  return *static_cast<SharedMemory*>(slot.get());
}

// Limit on one process family's shared memory (items): sharedctypes allocates in mmap'd arenas;
// a runaway Array(...) should stop with an error, not exhaust the host.
constexpr size_t kMaxSharedItems = 16 * 1024 * 1024;

// A Python value as ctypes stores it in a `code` cell: integers wrap to the type's width.
bool toCtype(Vm& vm, PyThread& t, char code, const Value& v, Value* out) {
  if (code == 'f' || code == 'd') {
    double d;
    if (v.isFloat()) d = v.asFloat();
    else if (v.isInt() || v.isBool()) d = static_cast<double>(v.asInt());
    else {
      vm.raise(t, vm.types.TypeError, "must be real number, not " + vm.typeName(v));
      return false;
    }
    *out = Value::flt(code == 'f' ? static_cast<double>(static_cast<float>(d)) : d);
    return true;
  }
  if (!v.isInt() && !v.isBool()) {
    vm.raise(t, vm.types.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  int64_t i = v.asInt();
  switch (code) {
    case 'b': i = static_cast<int8_t>(i); break;
    case 'B': i = static_cast<uint8_t>(i); break;
    case 'h': i = static_cast<int16_t>(i); break;
    case 'H': i = static_cast<uint16_t>(i); break;
    case 'i': i = static_cast<int32_t>(i); break;
    case 'I': i = static_cast<uint32_t>(i); break;
    default: break;  // l, L, q, Q: 64 bits
  }
  *out = Value::integer(i);
  return true;
}

// _shm_new(typecode, values) -> block id.
NativeResult mp_shm_new(Vm& vm, NativeCall& c) {
  PyThread& t = *c.thread;
  if (!isKind(c.args[0], ObjKind::Str) || static_cast<StrObj*>(c.args[0].asObj())->s.size() != 1 ||
      std::string("bBhHiIlLqQfd").find(static_cast<StrObj*>(c.args[0].asObj())->s[0]) == std::string::npos) {
    return vm.raise(t, vm.types.TypeError, "this type has no size");
  }
  char code = static_cast<StrObj*>(c.args[0].asObj())->s[0];
  auto* init = static_cast<ListObj*>(c.args[1].asObj());
  SharedMemory& mem = sharedMemory(vm);
  size_t total = init->items.size();
  for (const auto& b : mem.blocks) total += b.second.size();
  if (total > kMaxSharedItems) return vm.raise(t, vm.types.MemoryError, "shared memory limit reached (kMaxSharedItems)");
  std::vector<Value> cells;
  for (const Value& v : init->items) {
    Value x;
    if (!toCtype(vm, t, code, v, &x)) return NativeResult::raise();
    cells.push_back(x);
  }
  mem.blocks.emplace_back(code, std::move(cells));
  return NativeResult::ret(Value::integer(static_cast<int64_t>(mem.blocks.size() - 1)));
}

NativeResult shmReadNow(Vm& vm, PyThread&, int64_t, bool, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  auto& cells = sharedMemory(vm).blocks[static_cast<size_t>(d->items[0].asInt())].second;
  int64_t start = d->items[1].asInt(), stop = d->items[2].asInt();
  std::vector<Value> out;
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(cells.size()); ++i) out.push_back(cells[static_cast<size_t>(i)]);
  return NativeResult::ret(vm.list(std::move(out)));
}

bool blockArg(Vm& vm, PyThread& t, const Value& v) {
  if (v.isInt() && v.asInt() >= 0 && v.asInt() < static_cast<int64_t>(sharedMemory(vm).blocks.size())) return true;
  vm.raise(t, vm.types.ValueError, "bad shared memory block");
  return false;
}

// _shm_read(id, start, stop) -> the cells [start, stop) as a list.
NativeResult mp_shm_read(Vm& vm, NativeCall& c) {
  if (!blockArg(vm, *c.thread, c.args[0]) || !c.args[1].isInt() || !c.args[2].isInt()) return NativeResult::raise();
  Value data = vm.tuple({c.args[0], c.args[1], c.args[2]});
  // Inside code called from C (a generator consumed by str.join, __repr__) the engine cannot be
  // asked: read at once.
  if (c.thread->reentrantDepth > 0) return shmReadNow(vm, *c.thread, 0, true, data);
  return NativeResult::engine(Request::make(RequestKind::Sync), shmReadNow, data);
}

// _shm_peek(id, start, stop): the same without waiting for virtual-time order (for __repr__,
// which runs inside C code and cannot ask the engine).
NativeResult mp_shm_peek(Vm& vm, NativeCall& c) {
  if (!blockArg(vm, *c.thread, c.args[0]) || !c.args[1].isInt() || !c.args[2].isInt()) return NativeResult::raise();
  return shmReadNow(vm, *c.thread, 0, true, vm.tuple({c.args[0], c.args[1], c.args[2]}));
}

NativeResult shmWriteNow(Vm& vm, PyThread&, int64_t, bool, Value data) {
  auto* d = static_cast<TupleObj*>(data.asObj());
  auto& cells = sharedMemory(vm).blocks[static_cast<size_t>(d->items[0].asInt())].second;
  int64_t start = d->items[1].asInt();
  auto* values = static_cast<ListObj*>(d->items[2].asObj());
  for (size_t i = 0; i < values->items.size(); ++i) {
    size_t at = static_cast<size_t>(start) + i;
    if (at < cells.size()) cells[at] = values->items[i];
  }
  return NativeResult::ret(Value::none());
}

// _shm_write(id, start, values): stores the values (converted to the block's type) from start.
NativeResult mp_shm_write(Vm& vm, NativeCall& c) {
  PyThread& t = *c.thread;
  if (!blockArg(vm, t, c.args[0]) || !c.args[1].isInt() || !isKind(c.args[2], ObjKind::List)) return NativeResult::raise();
  char code = sharedMemory(vm).blocks[static_cast<size_t>(c.args[0].asInt())].first;
  std::vector<Value> converted;
  for (const Value& v : static_cast<ListObj*>(c.args[2].asObj())->items) {
    Value x;
    if (!toCtype(vm, t, code, v, &x)) return NativeResult::raise();
    converted.push_back(x);
  }
  Value data = vm.tuple({c.args[0], c.args[1], vm.list(std::move(converted))});
  if (c.thread->reentrantDepth > 0) return shmWriteNow(vm, t, 0, true, data);
  return NativeResult::engine(Request::make(RequestKind::Sync), shmWriteNow, data);
}

// _format_exception(exc) -> "Traceback (most recent call last): ..." as CPython prints it.
NativeResult mp_format_exception(Vm& vm, NativeCall& c) { return NativeResult::ret(vm.str(vm.formatTraceback(c.args[0]))); }

NativeResult mp_start_method(Vm& vm, NativeCall&) {
  return NativeResult::ret(vm.str(startMethodName(vm.simulation->config().startMethod)));
}

}  // namespace

void installMultiprocessingNatives(Vm& vm) {
  ModuleObj* m = vm.newModule("_interleave_mp");
  vm.defineNative(m->dict, "_start_process", mp_start_process, "_interleave_mp");
  vm.defineNative(m->dict, "_join_process", mp_join_process, "_interleave_mp");
  vm.defineNative(m->dict, "_spawn_process", mp_spawn_process, "_interleave_mp");
  vm.defineNative(m->dict, "_run_main", mp_run_main, "_interleave_mp");
  vm.defineNative(m->dict, "_kill_process", mp_kill_process, "_interleave_mp");
  for (auto [name, fn] : std::initializer_list<std::pair<const char*, NativeFn>>{
           {"_dumps", mp_dumps}, {"_loads", mp_loads}, {"_pipe_new", mp_pipe_new},
           {"_pipe_send", mp_pipe_send}, {"_pipe_recv", mp_pipe_recv}, {"_pipe_close_writer", mp_pipe_close_writer}, {"_wait", mp_wait},
           {"_sem_new", mp_sem_new}, {"_sem_acquire", mp_sem_acquire}, {"_sem_release", mp_sem_release},
           {"_sem_value", mp_sem_value}, {"_semlock_created", mp_semlock_created}, {"_shm_new", mp_shm_new}, {"_shm_read", mp_shm_read}, {"_shm_peek", mp_shm_peek},
           {"_shm_write", mp_shm_write}}) {
    vm.defineNative(m->dict, name, fn, "_interleave_mp");
  }
  vm.defineNative(m->dict, "_format_exception", mp_format_exception, "_interleave_mp");
  vm.defineNative(m->dict, "_start_method", mp_start_method, "_interleave_mp");
  // pickle's exceptions (module _pickle, as CPython's tracebacks name them).
  ModuleObj* pk = vm.newModule("_pickle");
  TypeObj* base = vm.newType("PickleError", {vm.types.Exception}, true);
  base->module = "_pickle";
  TypeObj* pe = vm.newType("PicklingError", {base}, true);
  pe->module = "_pickle";
  TypeObj* ue = vm.newType("UnpicklingError", {base}, true);
  ue->module = "_pickle";
  vm.dictSetStr(pk->dict, "PickleError", Value::object(base));
  vm.dictSetStr(pk->dict, "PicklingError", Value::object(pe));
  vm.dictSetStr(pk->dict, "UnpicklingError", Value::object(ue));
}

}  // namespace interleave::lang
