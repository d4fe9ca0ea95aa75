// Object graphs crossing simulated processes. All processes share one Vm, so "another heap" is
// a copy: fork copies the parent's modules into the child's ProcessImage; pickling copies a
// value into a snapshot (functions and classes by reference, unpicklable things rejected with
// CPython's errors) and unpickling copies the snapshot into the receiving process, resolving
// functions and classes by module and qualified name there.
//
// Immutable objects (str, int, code, range, slice), builtin types and the builtins are shared,
// never copied: no program can tell. Copies keep their original's id(), as fork keeps
// addresses, so dicts and sets keyed by identity hash stay valid.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm.h"

namespace interleave::lang {

class ObjectCopier {
 public:
  explicit ObjectCopier(Vm& vm);
  // Returns the copy of `v` (allocating it and everything it reaches, iteratively).
  Value copy(Value v);
  // Maps `from` to `to` (which is then not copied).
  void map(Obj* from, Obj* to) { memo_[from] = to; }
  // Calls f(original, copy) for every object copied or mapped (in no particular order).
  template <typename F>
  void forEachCopy(F f) const {
    for (const auto& [from, to] : memo_) f(from, to);
  }
  // The copy made of `from`, or nullptr.
  Obj* copied(Obj* from) const {
    auto it = memo_.find(from);
    return it == memo_.end() ? nullptr : it->second;
  }
  // Optional: decides an object's copy before the default rule. Returns true and sets *out to
  // take over (e.g. resolve a function by name); false to copy as usual. Sets failed_ to stop.
  std::function<bool(Obj* in, Obj** out)> hook;
  bool failed = false;

 private:
  Obj* shell(Obj* o);
  Value copyValue(const Value& v) { return v.isObj() ? Value::object(shell(v.asObj())) : v; }
  void fill(Obj* from, Obj* to);
  void copyFrame(const Frame& from, Frame& to);
  Vm& vm_;
  std::unordered_map<Obj*, Obj*> memo_;
  std::vector<std::pair<Obj*, Obj*>> work_;
};

// Fork: a new ProcessImage whose modules are copies of `parent`'s. `extra` values (e.g. the
// Process object) are copied with the same memo, so they refer to the child's objects.
// `writeEnds` (optional) gets a pipe id for every write end the child inherits: each open
// multiprocessing Connection that writes to it, copied (sorted).
ProcessImage* forkImage(Vm& vm, const ProcessImage& parent, std::vector<Value>* extra,
                        std::vector<int32_t>* writeEnds = nullptr);

// The pipe a multiprocessing Connection writes to if it is open and writable, else -1.
int64_t openWriteEnd(Vm& vm, const Obj* o);

// What a pickle holds, for the cost model: its size (roughly what pickle.dumps would produce),
// the objects in it, the functions and classes pickled by name, and the instances.
struct PickleStats {
  int64_t bytes = 0;
  int64_t objects = 0;
  int64_t globals = 0;
  int64_t instances = 0;
};

// Pickling. On failure, raises CPython's exception in `t` (PicklingError, TypeError) and
// returns false.
// `spawning`: pickled for a child that spawn or forkserver starts (multiprocessing's
// assert_spawning holds): queues, locks, semaphores and shared values may be in it, and are
// copied into the child as they are when it unpickles them (their after-fork reset applied);
// otherwise they raise CPython's RuntimeError ("... should only be shared between processes
// through inheritance").
bool pickleSnapshot(Vm& vm, PyThread& t, Value v, Value* snapshot, PickleStats* stats, bool spawning = false);
// Unpickling into the running process (vm.image): AttributeError if a function or class
// cannot be found by name there (spawn: defined under `if __name__ == '__main__':`).
// A multiprocessing Connection in it that writes gets its own write end in this process, as a
// received descriptor does, unless `writeEndsInherited` (a spawned child's Process object: its
// write ends were passed when the process started, spawnWriteEnds).
bool unpickleSnapshot(Vm& vm, PyThread& t, Value snapshot, Value* out, bool writeEndsInherited = false);
// The pipes the open, writable multiprocessing Connections in `snapshot` write to (sorted).
std::vector<int32_t> spawnWriteEnds(Vm& vm, Value snapshot);

// Copies `from`'s id() to `to` (objects.cpp).
void copyObjectId(const Obj* from, const Obj* to);

}  // namespace interleave::lang
