// Natives of multiprocessing (lang/lib/multiprocessing.py): starting and joining processes,
// and pipes-with-pickling queues between them. Values cross processes as pickled snapshots
// (process_copy.h) parked in Vm::transit; the engine's queue carries only their tokens, so the
// engine orders every hand-over in virtual time.
//
// Costs (MachineConfig): an item costs pickleSend + picklePerKiB per KiB on the sending thread
// (dumps) and pickleReceive + picklePerKiB per KiB on the receiving thread (loads), with the GIL.
#include <cmath>

#include "modules.h"
#include "process_copy.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {
namespace {

Nanos pickleCost(Vm& vm, int64_t bytes, bool send) {
  const MachineConfig& c = vm.simulation->config();
  return (send ? c.pickleSend : c.pickleReceive) + c.picklePerKiB * bytes / 1024;
}

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

// _start_process(bootstrap, name) -> (engine process id, os pid). Fork: the child's modules are a copy of
// ours taken now; its main thread runs the copy of `bootstrap` (Process._bootstrap).
NativeResult mp_start_process(Vm& vm, NativeCall& c) {
  std::string name = c.argc() > 1 && c.args[1].isObj() && c.args[1].asObj()->kind == ObjKind::Str
                         ? static_cast<StrObj*>(c.args[1].asObj())->s : "Process";
  Request r;
  r.kind = RequestKind::SpawnProcess;
  r.process = std::make_shared<ProcessSpec>();
  r.process->name = name;
  r.process->mainBody = runtimeState(vm).forkProcess(c.args[0], name);
  NativeResult res = NativeResult::engine(std::move(r), returnPid);
  res.cost = vm.simulation->config().processStartCall;
  return res;
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

NativeResult mp_queue_new(Vm& vm, NativeCall& c) {
  int64_t maxsize = c.argc() > 0 && c.args[0].isInt() ? std::max<int64_t>(0, c.args[0].asInt()) : 0;
  return NativeResult::ret(Value::integer(vm.simulation->createQueue(maxsize)));
}

NativeResult queuePut(Vm& vm, PyThread& t, int64_t, bool ok, Value token) {
  if (!ok) {  // full: the item never left
    vm.transit.erase(token.asInt());
    return NativeResult::ret(Value::boolean(false));
  }
  return NativeResult::ret(Value::boolean(true));
}

// _queue_put(qid, obj, block, timeout, pickle) -> True, or False if full. Parks the pickled
// snapshot (with its size) under a positive token; pickle=False parks `obj` itself under a
// negative one: a message from this process to itself (the executor's wake-ups), free.
NativeResult mp_queue_put(Vm& vm, NativeCall& c) {
  PyThread& t = *c.thread;
  bool pickle = c.argc() <= 4 || !c.args[4].isBool() || c.args[4].asBool();
  Request r;
  r.kind = RequestKind::QueuePut;
  r.target = c.args[0].asInt();
  r.blocking = c.argc() <= 2 || !c.args[2].isBool() || c.args[2].asBool();
  if (!timeoutArg(vm, t, c.argc() > 3 ? c.args[3] : Value::none(), &r.duration)) return NativeResult::raise();
  Nanos cost = 0;
  int64_t token = vm.nextTransit++;
  if (pickle) {
    Value snapshot;
    int64_t bytes = 0;
    if (!pickleSnapshot(vm, t, c.args[1], &snapshot, &bytes)) return NativeResult::raise();
    vm.transit[token] = vm.tuple({snapshot, Value::integer(bytes)});
    cost = pickleCost(vm, bytes, true);
  } else {
    token = -token;
    vm.transit[token] = c.args[1];
  }
  r.value = token;
  NativeResult res = NativeResult::engine(std::move(r), queuePut, Value::integer(token));
  res.cost = cost;
  return res;
}

NativeResult queueGot(Vm& vm, PyThread& t, int64_t token, bool ok, Value empty) {
  if (!ok) return NativeResult::ret(empty);  // timed out / would block
  auto it = vm.transit.find(token);
  if (it == vm.transit.end()) return NativeResult::ret(empty);
  Value parked = it->second;
  vm.transit.erase(it);
  if (token < 0) return NativeResult::ret(parked);
  auto* pair = static_cast<TupleObj*>(parked.asObj());
  Value out;
  if (!unpickleSnapshot(vm, t, pair->items[0], &out)) return NativeResult::raise();
  return NativeResult::ret(out, pickleCost(vm, pair->items[1].asInt(), false));
}

// _queue_get(qid, block, timeout, empty) -> the item, or `empty` on timeout / would block.
NativeResult mp_queue_get(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::QueueGet;
  r.target = c.args[0].asInt();
  r.blocking = c.args[1].isBool() ? c.args[1].asBool() : true;
  if (!timeoutArg(vm, *c.thread, c.args[2], &r.duration)) return NativeResult::raise();
  if (!r.blocking) r.duration = 0;
  r.text = "Queue.get()";
  return NativeResult::engine(std::move(r), queueGot, c.args[3]);
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
  vm.defineNative(m->dict, "_kill_process", mp_kill_process, "_interleave_mp");
  vm.defineNative(m->dict, "_queue_new", mp_queue_new, "_interleave_mp");
  vm.defineNative(m->dict, "_queue_put", mp_queue_put, "_interleave_mp");
  vm.defineNative(m->dict, "_queue_get", mp_queue_get, "_interleave_mp");
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
