// Object graphs crossing simulated processes (see process_copy.h).
//
// [SECTION] Copier          shells first, fields from a work list (no recursion: deep lists)
// [SECTION] Fork
// [SECTION] Pickling
#include "process_copy.h"

#include <algorithm>

#include "modules.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {

//-----------------------------------------------------------------------------------------------
// [SECTION] Copier
//-----------------------------------------------------------------------------------------------
ObjectCopier::ObjectCopier(Vm& vm) : vm_(vm) {
  // The builtins are the same in every process (CPython: the same objects at the same addresses).
  memo_[vm.builtins] = vm.builtins;
  for (const DictEntry& e : vm.builtins->entries) {
    if (e.live && e.value.isObj()) memo_[e.value.asObj()] = e.value.asObj();
  }
  if (vm.notImplemented) memo_[vm.notImplemented] = vm.notImplemented;
  if (vm.ellipsis) memo_[vm.ellipsis] = vm.ellipsis;
}

Value ObjectCopier::copy(Value v) {
  if (!v.isObj() || failed) return v;
  Obj* root = shell(v.asObj());
  while (!work_.empty() && !failed) {
    auto [from, to] = work_.back();
    work_.pop_back();
    fill(from, to);
  }
  return failed ? Value::none() : Value::object(root);
}

Obj* ObjectCopier::shell(Obj* o) {
  if (!o) return nullptr;
  auto it = memo_.find(o);
  if (it != memo_.end()) return it->second;
  if (hook) {
    Obj* out = nullptr;
    if (hook(o, &out)) {
      memo_[o] = out;
      return out;
    }
    if (failed) return o;
  }
  Heap& h = vm_.heap;
  Obj* c = nullptr;
  switch (o->kind) {
    // Immutable: shared.
    case ObjKind::Str: case ObjKind::BigInt: case ObjKind::Code: case ObjKind::Range:
    case ObjKind::Slice:
      memo_[o] = o;
      return o;
    case ObjKind::Type:
      if (static_cast<TypeObj*>(o)->builtin) {
        memo_[o] = o;
        return o;
      }
      c = h.make<TypeObj>();
      break;
    case ObjKind::List: c = h.make<ListObj>(); break;
    case ObjKind::Tuple: c = h.make<TupleObj>(); break;
    case ObjKind::Dict: c = h.make<DictObj>(); break;
    case ObjKind::Set: c = h.make<SetObj>(); break;
    case ObjKind::Function: c = h.make<FunctionObj>(); break;
    case ObjKind::Builtin: c = h.make<BuiltinObj>(); break;
    case ObjKind::BoundMethod: c = h.make<BoundMethodObj>(); break;
    case ObjKind::Cell: c = h.make<CellObj>(); break;
    case ObjKind::Module: c = h.make<ModuleObj>(); break;
    case ObjKind::Instance: c = h.make<InstanceObj>(); break;
    case ObjKind::Generator: c = h.make<GeneratorObj>(); break;
    case ObjKind::Iterator: c = h.make<IteratorObj>(); break;
    case ObjKind::Property: case ObjKind::ClassMethod: case ObjKind::StaticMethod:
      c = h.make<PropertyObj>(o->kind);
      break;
    case ObjKind::DictView: c = h.make<DictViewObj>(); break;
  }
  memo_[o] = c;
  copyObjectId(o, c);
  work_.emplace_back(o, c);
  return c;
}

namespace {
template <class T>
T* as(Obj* o) { return static_cast<T*>(o); }
}  // namespace

void ObjectCopier::fill(Obj* from, Obj* to) {
  auto cv = [this](const Value& v) { return copyValue(v); };
  auto copyDict = [&](const DictObj& a, DictObj& b) {
    b.entries.reserve(a.entries.size());
    for (const DictEntry& e : a.entries) {
      DictEntry n = e;
      if (e.live) {
        n.key = cv(e.key);
        n.value = cv(e.value);
      } else {
        n.key = Value::undefined();
        n.value = Value::undefined();
      }
      b.entries.push_back(n);
    }
    b.index = a.index;
    b.used = a.used;
  };
  switch (from->kind) {
    case ObjKind::List:
      for (const Value& v : as<ListObj>(from)->items) as<ListObj>(to)->items.push_back(cv(v));
      break;
    case ObjKind::Tuple:
      for (const Value& v : as<TupleObj>(from)->items) as<TupleObj>(to)->items.push_back(cv(v));
      break;
    case ObjKind::Dict: copyDict(*as<DictObj>(from), *as<DictObj>(to)); break;
    case ObjKind::Set: {
      auto* a = as<SetObj>(from);
      auto* b = as<SetObj>(to);
      copyDict(a->table, b->table);
      b->frozen = a->frozen;
      b->order = a->order;
      b->orderEntries = a->orderEntries;
      b->orderUsed = a->orderUsed;
      break;
    }
    case ObjKind::Function: {
      auto* a = as<FunctionObj>(from);
      auto* b = as<FunctionObj>(to);
      b->code = a->code;
      b->globals = a->globals ? as<DictObj>(shell(a->globals)) : nullptr;
      for (const Value& v : a->defaults) b->defaults.push_back(cv(v));
      b->kwdefaults = a->kwdefaults ? as<DictObj>(shell(a->kwdefaults)) : nullptr;
      for (CellObj* cell : a->closure) b->closure.push_back(as<CellObj>(shell(cell)));
      b->name = a->name;
      b->qualname = a->qualname;
      b->attrs = a->attrs ? as<DictObj>(shell(a->attrs)) : nullptr;
      b->module = cv(a->module);
      b->doc = cv(a->doc);
      break;
    }
    case ObjKind::Builtin: {
      auto* a = as<BuiltinObj>(from);
      auto* b = as<BuiltinObj>(to);
      b->name = a->name;
      b->ownerType = a->ownerType;
      b->fn = a->fn;
      b->self = cv(a->self);
      b->data = cv(a->data);
      b->tag = a->tag;
      break;
    }
    case ObjKind::BoundMethod:
      as<BoundMethodObj>(to)->self = cv(as<BoundMethodObj>(from)->self);
      as<BoundMethodObj>(to)->func = cv(as<BoundMethodObj>(from)->func);
      break;
    case ObjKind::Cell: as<CellObj>(to)->value = cv(as<CellObj>(from)->value); break;
    case ObjKind::Module:
      as<ModuleObj>(to)->name = as<ModuleObj>(from)->name;
      as<ModuleObj>(to)->dict = as<DictObj>(shell(as<ModuleObj>(from)->dict));
      break;
    case ObjKind::Type: {
      auto* a = as<TypeObj>(from);
      auto* b = as<TypeObj>(to);
      b->name = a->name;
      b->module = a->module;
      for (TypeObj* t : a->bases) b->bases.push_back(as<TypeObj>(shell(t)));
      for (TypeObj* t : a->mro) b->mro.push_back(as<TypeObj>(shell(t)));
      b->dict = a->dict ? as<DictObj>(shell(a->dict)) : nullptr;
      b->instanceKind = a->instanceKind;
      b->builtin = a->builtin;
      b->isException = a->isException;
      b->resourceKind = a->resourceKind;
      break;
    }
    case ObjKind::Instance: {
      auto* a = as<InstanceObj>(from);
      auto* b = as<InstanceObj>(to);
      b->cls = as<TypeObj>(shell(a->cls));
      b->dict = a->dict ? as<DictObj>(shell(a->dict)) : nullptr;
      if (a->exc) {
        b->exc = std::make_unique<ExceptionState>(*a->exc);
        b->exc->args = cv(a->exc->args);
        b->exc->cause = cv(a->exc->cause);
        b->exc->context = cv(a->exc->context);
      }
      b->nativeId = a->nativeId;
      b->nativeValue = cv(a->nativeValue);
      break;
    }
    case ObjKind::Property: case ObjKind::ClassMethod: case ObjKind::StaticMethod: {
      auto* a = as<PropertyObj>(from);
      auto* b = as<PropertyObj>(to);
      b->fget = cv(a->fget);
      b->fset = cv(a->fset);
      b->fdel = cv(a->fdel);
      break;
    }
    case ObjKind::Generator: {
      auto* a = as<GeneratorObj>(from);
      auto* b = as<GeneratorObj>(to);
      b->state = a->state;
      b->coroutine = a->coroutine;
      b->name = a->name;
      b->qualname = a->qualname;
      b->yieldedFrom = cv(a->yieldedFrom);
      b->awaitedOnce = a->awaitedOnce;
      if (a->frame) {
        b->frame = std::make_unique<Frame>();
        copyFrame(*a->frame, *b->frame);
      }
      break;
    }
    case ObjKind::Iterator: {
      auto* a = as<IteratorObj>(from);
      auto* b = as<IteratorObj>(to);
      b->iterKind = a->iterKind;
      b->source = cv(a->source);
      b->index = a->index;
      b->rangeNext = a->rangeNext;
      b->rangeStop = a->rangeStop;
      b->rangeStep = a->rangeStep;
      b->order = a->order;
      break;
    }
    case ObjKind::DictView:
      as<DictViewObj>(to)->dict = as<DictObj>(shell(as<DictViewObj>(from)->dict));
      as<DictViewObj>(to)->view = as<DictViewObj>(from)->view;
      break;
    case ObjKind::Str: case ObjKind::BigInt: case ObjKind::Code: case ObjKind::Range:
    case ObjKind::Slice:
      break;
  }
}

void ObjectCopier::copyFrame(const Frame& a, Frame& b) {
  auto cv = [this](const Value& v) { return copyValue(v); };
  b.code = a.code;
  b.func = a.func ? as<FunctionObj>(shell(a.func)) : nullptr;
  b.globals = a.globals ? as<DictObj>(shell(a.globals)) : nullptr;
  b.locals = a.locals ? as<DictObj>(shell(a.locals)) : nullptr;
  for (const Value& v : a.fast) b.fast.push_back(cv(v));
  for (CellObj* c : a.cells) b.cells.push_back(c ? as<CellObj>(shell(c)) : nullptr);
  for (const Value& v : a.stack) b.stack.push_back(cv(v));
  b.ip = a.ip;
  b.lastIp = a.lastIp;
  b.generator = a.generator ? as<GeneratorObj>(shell(a.generator)) : nullptr;
  b.delivery = a.delivery;
  b.payload = cv(a.payload);
  b.jump = a.jump;
  b.breakerChecked = a.breakerChecked;
  b.blocks = a.blocks;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Fork
//-----------------------------------------------------------------------------------------------
int64_t openWriteEnd(Vm& vm, const Obj* o) {
  if (!o || o->kind != ObjKind::Instance) return -1;
  const auto* inst = static_cast<const InstanceObj*>(o);
  if (!inst->dict || inst->cls->module != "multiprocessing") return -1;
  bool isConnection = false;
  for (const TypeObj* m : inst->cls->mro) isConnection = isConnection || (m->module == "multiprocessing" && m->name == "Connection");
  if (!isConnection) return -1;
  Value closed = vm.dictGetStr(inst->dict, "_closed"), writable = vm.dictGetStr(inst->dict, "_writable");
  Value pipe = vm.dictGetStr(inst->dict, "_wpipe");
  if (!closed.isBool() || closed.asBool() || !writable.isBool() || !writable.asBool() || !pipe.isInt()) return -1;
  return pipe.asInt();
}

ProcessImage* forkImage(Vm& vm, const ProcessImage& parent, std::vector<Value>* extra,
                        std::vector<int32_t>* writeEnds) {
  ObjectCopier copier(vm);
  auto image = std::make_unique<ProcessImage>();
  // Modules in name order: the copy does not depend on the hash map's iteration order.
  std::vector<std::string> names;
  for (const auto& [name, m] : parent.modules) names.push_back(name);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    image->modules[name] = static_cast<ModuleObj*>(copier.copy(Value::object(parent.modules.at(name))).asObj());
  }
  if (parent.mainModule) {
    image->mainModule = static_cast<ModuleObj*>(copier.copy(Value::object(parent.mainModule)).asObj());
  }
  if (extra) {
    for (Value& v : *extra) v = copier.copy(v);
  }
  if (writeEnds) {
    copier.forEachCopy([&](Obj* from, Obj* to) {
      int64_t pipe = from != to ? openWriteEnd(vm, to) : -1;
      if (pipe >= 0) writeEnds->push_back(static_cast<int32_t>(pipe));
    });
    std::sort(writeEnds->begin(), writeEnds->end());
  }
  vm.images.push_back(std::move(image));
  return vm.images.back().get();
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Pickling
//-----------------------------------------------------------------------------------------------
namespace {

std::string moduleNameOf(Obj* o) {
  if (o->kind == ObjKind::Type) return static_cast<TypeObj*>(o)->module;
  auto* f = static_cast<FunctionObj*>(o);
  return isKind(f->module, ObjKind::Str) ? static_cast<StrObj*>(f->module.asObj())->s : "__main__";
}

std::string qualnameOf(Obj* o) {
  if (o->kind == ObjKind::Type) return static_cast<TypeObj*>(o)->name;
  auto* f = static_cast<FunctionObj*>(o);
  return f->qualname ? f->qualname->s : (f->name ? f->name->s : "?");
}

// What `module.qualname` names in the running process (pickle's whichmodule/getattribute).
Obj* lookupByName(Vm& vm, const std::string& module, const std::string& qualname) {
  auto it = vm.image->modules.find(module);
  // A library module this process has not imported yet: pickle imports it (find_class).
  if (it == vm.image->modules.end() && vm.lazyModule && vm.lazyModule(vm, module)) it = vm.image->modules.find(module);
  if (it == vm.image->modules.end()) return nullptr;
  ModuleObj* m = it->second;
  Value cur = Value::object(m);
  size_t start = 0;
  while (start <= qualname.size()) {
    size_t dot = qualname.find('.', start);
    std::string part = qualname.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    DictObj* d = nullptr;
    if (isKind(cur, ObjKind::Module)) d = static_cast<ModuleObj*>(cur.asObj())->dict;
    else if (isKind(cur, ObjKind::Type)) d = static_cast<TypeObj*>(cur.asObj())->dict;
    if (!d) return nullptr;
    cur = vm.dictGetStr(d, part);
    if (!cur.isObj()) return nullptr;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return cur.asObj();
}

TypeObj* picklingError(Vm& vm) {
  auto it = vm.image->modules.find("_pickle");
  if (it == vm.image->modules.end()) return vm.types.Exception;
  Value t = vm.dictGetStr(it->second->dict, "PicklingError");
  return isKind(t, ObjKind::Type) ? static_cast<TypeObj*>(t.asObj()) : vm.types.Exception;
}

int64_t immediateBytes(const Value& v) {
  if (v.isInt()) return v.asInt() >= 0 && v.asInt() < 256 ? 2 : 5;
  if (v.isFloat()) return 9;
  return 1;
}

// The multiprocessing class whose instances CPython pickles only while spawning a child
// (context.assert_spawning in their __getstate__/__reduce__), or nullptr.
const TypeObj* sharedThroughInheritance(const TypeObj* cls) {
  static const char* const kNames[] = {"Queue", "JoinableQueue", "SimpleQueue", "Lock", "RLock",
                                       "Semaphore", "BoundedSemaphore", "Synchronized", "SynchronizedArray"};
  for (const TypeObj* m : cls->mro) {
    if (m->module != "multiprocessing") continue;
    for (const char* n : kNames) {
      if (m->name == n) return m;
    }
  }
  return nullptr;
}

}  // namespace

bool pickleSnapshot(Vm& vm, PyThread& t, Value v, Value* snapshot, PickleStats* stats, bool spawning) {
  int64_t size = 14;  // protocol header, frame, STOP
  PickleStats st;
  st.objects = 1;
  ObjectCopier copier(vm);
  auto fail = [&](TypeObj* type, const std::string& msg) {
    vm.raise(t, type, msg);
    copier.failed = true;
    return false;
  };
  copier.hook = [&](Obj* o, Obj** out) -> bool {
    ++st.objects;
    switch (o->kind) {
      case ObjKind::Function: case ObjKind::Type: {
        if (o->kind == ObjKind::Type && static_cast<TypeObj*>(o)->builtin) {
          size += 4 + static_cast<int64_t>(static_cast<TypeObj*>(o)->name.size());
          *out = o;
          return true;
        }
        std::string module = moduleNameOf(o), qualname = qualnameOf(o);
        if (qualname.find("<locals>") != std::string::npos) {
          return fail(vm.types.AttributeError, "Can't pickle local object '" + qualname + "'");
        }
        if (lookupByName(vm, module, qualname) != o) {
          std::string r;
          vm.repr(t, Value::object(o), &r);
          std::string last = qualname.substr(qualname.rfind('.') == std::string::npos ? 0 : qualname.rfind('.') + 1);
          return fail(picklingError(vm), "Can't pickle " + r + ": attribute lookup " + last + " on " + module + " failed");
        }
        size += 6 + static_cast<int64_t>(module.size() + qualname.size());
        ++st.globals;
        *out = o;  // by reference: resolved by name when unpickled
        return true;
      }
      case ObjKind::Builtin:
        size += 20;
        if (static_cast<BuiltinObj*>(o)->self.isUndefined()) {
          *out = o;
          return true;
        }
        return false;
      case ObjKind::Module: return fail(vm.types.TypeError, "cannot pickle 'module' object");
      case ObjKind::Generator:
        return fail(vm.types.TypeError, static_cast<GeneratorObj*>(o)->coroutine ? "cannot pickle 'coroutine' object"
                                                                                  : "cannot pickle 'generator' object");
      case ObjKind::Code: return fail(vm.types.TypeError, "cannot pickle 'code' object");
      case ObjKind::Cell: return fail(vm.types.TypeError, "cannot pickle 'cell' object");
      case ObjKind::Property: return fail(vm.types.TypeError, "cannot pickle 'property' object");
      case ObjKind::DictView: return fail(vm.types.TypeError, "cannot pickle 'dict_keys' object");
      case ObjKind::Str: size += 5 + static_cast<int64_t>(static_cast<StrObj*>(o)->s.size()); return false;
      case ObjKind::BigInt: size += 5 + static_cast<int64_t>(static_cast<BigIntObj*>(o)->value.toString().size() / 2); return false;
      case ObjKind::List: case ObjKind::Tuple: {
        const auto& items = o->kind == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
        size += 4;
        for (const Value& x : items) {
          if (!x.isObj()) {
            size += immediateBytes(x);
            ++st.objects;
          }
        }
        return false;
      }
      case ObjKind::Dict: case ObjKind::Set: {
        const DictObj& d = o->kind == ObjKind::Dict ? *static_cast<DictObj*>(o) : static_cast<SetObj*>(o)->table;
        size += 4;
        for (const DictEntry& e : d.entries) {
          if (!e.live) continue;
          if (!e.key.isObj()) {
            size += immediateBytes(e.key);
            ++st.objects;
          }
          if (o->kind == ObjKind::Dict && !e.value.isObj()) {
            size += immediateBytes(e.value);
            ++st.objects;
          }
        }
        return false;
      }
      case ObjKind::Instance: {
        TypeObj* cls = static_cast<InstanceObj*>(o)->cls;
        if (cls->module == "threading" && (cls->name == "Lock" || cls->name == "RLock" || cls->name == "_RLock")) {
          return fail(vm.types.TypeError, cls->name == "Lock" ? "cannot pickle '_thread.lock' object" : "cannot pickle '_thread.RLock' object");
        }
        if (sharedThroughInheritance(cls)) {
          if (!spawning) {
            return fail(vm.types.RuntimeError, cls->name + " objects should only be shared between processes through inheritance");
          }
          // Its pipes and semaphores are the kernel's (the engine's): the child gets them by
          // reference and copies the object when it unpickles it (unpickleSnapshot).
          size += 8;
          ++st.instances;
          *out = o;
          return true;
        }
        size += 8;
        ++st.instances;  // its class is pickled by name as it is reached
        return false;
      }
      default:
        size += 8;
        return false;
    }
  };
  Value snap = copier.copy(v);
  if (copier.failed) return false;
  if (!v.isObj()) size += immediateBytes(v);
  *snapshot = snap;
  st.bytes = size;
  if (stats) *stats = st;
  return true;
}

std::vector<int32_t> spawnWriteEnds(Vm& vm, Value snapshot) {
  std::vector<int32_t> ends;
  ObjectCopier walker(vm);  // a throw-away copy, to visit each object once
  walker.hook = [&](Obj* o, Obj**) {
    int64_t pipe = openWriteEnd(vm, o);
    if (pipe >= 0) ends.push_back(static_cast<int32_t>(pipe));
    return false;
  };
  walker.copy(snapshot);
  std::sort(ends.begin(), ends.end());
  return ends;
}

bool unpickleSnapshot(Vm& vm, PyThread& t, Value snapshot, Value* out, bool writeEndsInherited) {
  ObjectCopier copier(vm);
  std::vector<Obj*> shared;  // spawning: the parent's queues, locks... (pickleSnapshot)
  std::vector<Obj*> connections;  // the receiver's copy holds a duplicate of each write end
  copier.hook = [&](Obj* o, Obj** res) -> bool {
    if (o->kind == ObjKind::Instance && sharedThroughInheritance(static_cast<InstanceObj*>(o)->cls)) shared.push_back(o);
    if (openWriteEnd(vm, o) >= 0) connections.push_back(o);
    if (o->kind == ObjKind::Type && static_cast<TypeObj*>(o)->builtin) return false;
    if (o->kind != ObjKind::Function && o->kind != ObjKind::Type) {
      if (o->kind == ObjKind::Builtin && static_cast<BuiltinObj*>(o)->self.isUndefined()) {
        *res = o;
        return true;
      }
      return false;
    }
    std::string module = moduleNameOf(o), qualname = qualnameOf(o);
    Obj* found = lookupByName(vm, module, qualname);
    if (!found) {
      std::string shown = "<module '" + module + "'>";
      if (module == "__main__") shown = "<module '__main__' from '" + vm.filename + "'>";
      vm.raise(t, vm.types.AttributeError, "Can't get attribute '" + qualname + "' on " + shown);
      copier.failed = true;
      return false;
    }
    *res = found;
    return true;
  };
  Value v = copier.copy(snapshot);
  if (copier.failed) return false;
  if (vm.ctx && !writeEndsInherited) {
    for (Obj* o : connections) {
      int64_t pipe = openWriteEnd(vm, copier.copied(o));
      if (pipe >= 0) vm.simulation->addPipeWriter(static_cast<int32_t>(pipe), vm.ctx->processId());
    }
  }
  // As their __setstate__ does in CPython: a queue starts with no buffer and no feeder thread.
  for (Obj* o : shared) {
    auto* copy = static_cast<InstanceObj*>(copier.copied(o));
    Value reset = copy ? findClassAttr(copy->cls, "_after_fork") : Value::undefined();
    Value ignored;
    if (isKind(reset, ObjKind::Function) && !vm.callReentrant(t, reset, {Value::object(copy)}, &ignored)) return false;
  }
  *out = v;
  return true;
}

}  // namespace interleave::lang
