// Methods of dict, set and frozenset.
//
// [SECTION] Costs
// [SECTION] Helpers
// [SECTION] dict
// [SECTION] set and frozenset
// [SECTION] Installation
#include "methods_internal.h"

namespace interleave::lang {

using namespace methods;

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Costs
//-----------------------------------------------------------------------------------------------
// Extra CPU time of the C loops, on top of the call itself (which the VM charges). Measured with
// `python3 -m timeit` on CPython 3.11 as the slope between 1,000 and 20,000 items; rounded.
constexpr Nanos kDictClonePerItemNs = 9;     // d.copy() 9.1 ns, {}.update(d) 7.5 ns per item
constexpr Nanos kDictInsertPerItemNs = 110;  // dict.fromkeys(l) 120 ns, {}.update(pairs) 125 ns
constexpr Nanos kSetInsertPerItemNs = 60;    // s.copy() 58 ns, set().update(l) 99 ns per item
constexpr Nanos kSetLookupPerItemNs = 19;    // s.issubset(u) 19 ns, s & u 37 ns per item
constexpr Nanos kViewPerItemNs = 3;          // walking entries (popitem's search, keys snapshot)

//-----------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------------------------
DictObj* asDict(const Value& v) { return static_cast<DictObj*>(asKind(v, ObjKind::Dict)); }
SetObj* asSet(const Value& v) { return static_cast<SetObj*>(asKind(v, ObjKind::Set)); }

std::vector<Value> liveKeys(const DictObj& d) {
  std::vector<Value> keys;
  keys.reserve(static_cast<size_t>(d.used));
  for (const DictEntry& e : d.entries)
    if (e.live) keys.push_back(e.key);
  return keys;
}

std::vector<std::pair<Value, Value>> liveItems(const DictObj& d) {
  std::vector<std::pair<Value, Value>> items;
  items.reserve(static_cast<size_t>(d.used));
  for (const DictEntry& e : d.entries)
    if (e.live) items.emplace_back(e.key, e.value);
  return items;
}

void clearDict(DictObj* d) {
  if (d->typeEpoch) ++*d->typeEpoch;
  d->entries.clear();
  d->index.clear();
  d->used = 0;
}

void cloneDict(DictObj* dst, const DictObj& src) {
  if (dst->typeEpoch) ++*dst->typeEpoch;
  dst->entries = src.entries;
  dst->index = src.index;
  dst->used = src.used;
}

bool contains(Vm& vm, PyThread& t, SetObj* s, Value key, bool* found) {
  Value dummy;
  return vm.dictGet(t, &s->table, key, &dummy, found);
}

// The items of any iterable (a set's or dict's keys directly).
bool itemsOf(Vm& vm, PyThread& t, Value v, std::vector<Value>* out) {
  if (SetObj* s = asSet(v)) {
    *out = liveKeys(s->table);
    return true;
  }
  if (DictObj* d = asDict(v)) {
    *out = liveKeys(*d);
    return true;
  }
  return vm.iterate(t, v, out);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] dict
//-----------------------------------------------------------------------------------------------
DictObj* self(Vm& vm, NativeCall& c) { return receiver<DictObj>(vm, c, ObjKind::Dict); }

NativeResult dict_get(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d || !posArgs(vm, c, 1, 2)) return NativeResult::raise();
  Value v;
  bool found;
  if (!vm.dictGet(*c.thread, d, c.args[0], &v, &found)) return NativeResult::raise();
  if (found) return NativeResult::ret(v);
  return NativeResult::ret(c.args.size() > 1 ? c.args[1] : Value::none());
}

NativeResult dict_setdefault(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d || !posArgs(vm, c, 1, 2)) return NativeResult::raise();
  Value v;
  bool found;
  if (!vm.dictGet(*c.thread, d, c.args[0], &v, &found)) return NativeResult::raise();
  if (found) return NativeResult::ret(v);
  Value dflt = c.args.size() > 1 ? c.args[1] : Value::none();
  if (!vm.dictSet(*c.thread, d, c.args[0], dflt)) return NativeResult::raise();
  return NativeResult::ret(dflt);
}

NativeResult dict_pop(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d || !posArgs(vm, c, 1, 2)) return NativeResult::raise();
  PyThread& t = *c.thread;
  bool hasDefault = c.args.size() > 1;
  if (d->used == 0) {  // CPython does not even hash the key of an empty dict
    if (hasDefault) return NativeResult::ret(c.args[1]);
    return raiseKeyError(vm, t, c.args[0]);
  }
  Value v;
  bool found;
  if (!vm.dictGet(t, d, c.args[0], &v, &found)) return NativeResult::raise();
  if (!found) {
    if (hasDefault) return NativeResult::ret(c.args[1]);
    return raiseKeyError(vm, t, c.args[0]);
  }
  if (!vm.dictDel(t, d, c.args[0], &found)) return NativeResult::raise();
  return NativeResult::ret(v);
}

NativeResult dict_popitem(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d || !noArgs(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  if (d->used == 0) return vm.raise(t, vm.types.KeyError, "popitem(): dictionary is empty");
  size_t i = d->entries.size();
  while (i > 0 && !d->entries[i - 1].live) --i;
  Value key = d->entries[i - 1].key;
  Value value = d->entries[i - 1].value;
  bool found;
  if (!vm.dictDel(t, d, key, &found)) return NativeResult::raise();
  return NativeResult::ret(vm.tuple({key, value}),
                           static_cast<Nanos>(d->entries.size() - i) * kViewPerItemNs);
}

NativeResult makeView(Vm& vm, NativeCall& c, ViewKind kind) {
  DictObj* d = self(vm, c);
  if (!d || !noArgs(vm, c)) return NativeResult::raise();
  DictViewObj* v = vm.heap.make<DictViewObj>();
  v->dict = d;
  v->view = kind;
  return NativeResult::ret(Value::object(v));
}

NativeResult dict_keys(Vm& vm, NativeCall& c) { return makeView(vm, c, ViewKind::Keys); }
NativeResult dict_values(Vm& vm, NativeCall& c) { return makeView(vm, c, ViewKind::Values); }
NativeResult dict_items(Vm& vm, NativeCall& c) { return makeView(vm, c, ViewKind::Items); }

NativeResult dict_update(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d) return NativeResult::raise();
  PyThread& t = *c.thread;
  if (c.args.size() > 1)
    return vm.raise(t, vm.types.TypeError,
                    "update expected at most 1 argument, got " + std::to_string(c.args.size()));
  Nanos cost = 0;
  if (!c.args.empty()) {
    int64_t before = d->used;
    if (!dictUpdate(vm, t, d, c.args[0])) return NativeResult::raise();
    if (DictObj* o = asDict(c.args[0])) cost += o->used * kDictClonePerItemNs;
    else cost += (d->used - before) * kDictInsertPerItemNs;
  }
  for (auto& kw : c.kwargs)
    if (!vm.dictSet(t, d, Value::object(kw.first), kw.second)) return NativeResult::raise();
  cost += static_cast<Nanos>(c.kwargs.size()) * kDictInsertPerItemNs;
  return NativeResult::ret(Value::none(), cost);
}

NativeResult dict_clear(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d || !noArgs(vm, c)) return NativeResult::raise();
  Nanos cost = static_cast<Nanos>(d->entries.size()) * kViewPerItemNs;
  clearDict(d);
  return NativeResult::ret(Value::none(), cost);
}

NativeResult dict_copy(Vm& vm, NativeCall& c) {
  DictObj* d = self(vm, c);
  if (!d || !noArgs(vm, c)) return NativeResult::raise();
  DictObj* copy = vm.newDict();
  cloneDict(copy, *d);
  return NativeResult::ret(Value::object(copy), d->used * kDictClonePerItemNs);
}

// dict.fromkeys(iterable, value=None): a classmethod, so args[0] is the class.
NativeResult dict_fromkeys(Vm& vm, NativeCall& c) {
  if (c.self.isUndefined() && !c.args.empty()) c.args.erase(c.args.begin());
  if (!posArgs(vm, c, 1, 2)) return NativeResult::raise();
  PyThread& t = *c.thread;
  Value value = c.args.size() > 1 ? c.args[1] : Value::none();
  std::vector<Value> keys;
  if (!itemsOf(vm, t, c.args[0], &keys)) return NativeResult::raise();
  DictObj* d = vm.newDict();
  Value result = Value::object(d);
  for (const Value& k : keys)
    if (!vm.dictSet(t, d, k, value)) return NativeResult::raise();
  return NativeResult::ret(result, static_cast<Nanos>(keys.size()) * kDictInsertPerItemNs);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] set and frozenset
//-----------------------------------------------------------------------------------------------
SetObj* setSelf(Vm& vm, NativeCall& c) { return receiver<SetObj>(vm, c, ObjKind::Set); }

// A mutating method: not on a frozenset (only reachable as set.add(frozenset()).
SetObj* mutableSelf(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (s && s->frozen) {
    wrongSelf(vm, c);
    return nullptr;
  }
  return s;
}

// A new set or frozenset (like `like`), holding a copy of like's items.
SetObj* newSetLike(Vm& vm, SetObj* like, bool copyItems) {
  SetObj* s = vm.heap.make<SetObj>();
  s->frozen = like->frozen;
  if (copyItems) cloneDict(&s->table, like->table);
  return s;
}

bool addAll(Vm& vm, PyThread& t, SetObj* s, const std::vector<Value>& items) {
  for (const Value& v : items)
    if (!vm.dictSet(t, &s->table, v, Value::none())) return false;
  return true;
}

NativeResult set_add(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  if (!vm.dictSet(*c.thread, &s->table, c.args[0], Value::none())) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

NativeResult set_remove(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  bool found;
  if (!vm.dictDel(*c.thread, &s->table, c.args[0], &found)) return NativeResult::raise();
  if (!found) return raiseKeyError(vm, *c.thread, c.args[0]);
  return NativeResult::ret(Value::none());
}

NativeResult set_discard(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  bool found;
  if (!vm.dictDel(*c.thread, &s->table, c.args[0], &found)) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

// Removes the first item in iteration order (CPython scans its hash table from a "finger").
NativeResult set_pop(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  if (s->table.used == 0) return vm.raise(t, vm.types.KeyError, "pop from an empty set");
  size_t i = 0;
  i = static_cast<size_t>(setOrder(s).front());  // the first in CPython's iteration order
  Value key = s->table.entries[i].key;
  bool found;
  if (!vm.dictDel(t, &s->table, key, &found)) return NativeResult::raise();
  return NativeResult::ret(key, static_cast<Nanos>(i) * kViewPerItemNs);
}

NativeResult set_clear(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  Nanos cost = static_cast<Nanos>(s->table.entries.size()) * kViewPerItemNs;
  clearDict(&s->table);
  return NativeResult::ret(Value::none(), cost);
}

NativeResult set_copy(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  if (s->frozen) return NativeResult::ret(c.self);  // frozenset.copy() is the same object
  SetObj* copy = newSetLike(vm, s, true);
  return NativeResult::ret(Value::object(copy), s->table.used * kSetInsertPerItemNs);
}

// set.update(*others) and its friends take any number of iterables, no keywords.
NativeResult set_update(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !noKwargs(vm, c)) return NativeResult::raise();
  int64_t before = s->table.used;
  for (const Value& other : c.args)
    if (!setUpdate(vm, *c.thread, s, other)) return NativeResult::raise();
  return NativeResult::ret(Value::none(), (s->table.used - before) * kSetInsertPerItemNs);
}

NativeResult set_union(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !noKwargs(vm, c)) return NativeResult::raise();
  SetObj* r = newSetLike(vm, s, true);
  Value result = Value::object(r);
  for (const Value& other : c.args)
    if (!setUpdate(vm, *c.thread, r, other)) return NativeResult::raise();
  return NativeResult::ret(result, r->table.used * kSetInsertPerItemNs);
}

// s & other into a new set like s (CPython iterates the smaller of two sets).
bool intersect(Vm& vm, PyThread& t, SetObj* s, Value other, SetObj** out, Nanos* cost) {
  SetObj* r = newSetLike(vm, s, false);
  *out = r;
  if (SetObj* o = asSet(other)) {
    SetObj* small = s;
    SetObj* big = o;
    if (o->table.used < s->table.used) std::swap(small, big);
    std::vector<Value> keys = liveKeys(small->table);
    for (const Value& k : keys) {
      bool found;
      if (!contains(vm, t, big, k, &found)) return false;
      if (found && !vm.dictSet(t, &r->table, k, Value::none())) return false;
    }
    *cost += static_cast<Nanos>(keys.size()) * kSetLookupPerItemNs;
    return true;
  }
  std::vector<Value> items;
  if (!itemsOf(vm, t, other, &items)) return false;
  for (const Value& k : items) {
    bool found;
    if (!contains(vm, t, s, k, &found)) return false;
    if (found && !vm.dictSet(t, &r->table, k, Value::none())) return false;
  }
  *cost += static_cast<Nanos>(items.size()) * kSetLookupPerItemNs;
  return true;
}

bool intersectAll(Vm& vm, NativeCall& c, SetObj* s, SetObj** out, Nanos* cost) {
  SetObj* r = newSetLike(vm, s, true);
  for (const Value& other : c.args) {
    SetObj* next;
    if (!intersect(vm, *c.thread, r, other, &next, cost)) return false;
    r = next;
  }
  *out = r;
  return true;
}

NativeResult set_intersection(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !noKwargs(vm, c)) return NativeResult::raise();
  SetObj* r;
  Nanos cost = 0;
  if (!intersectAll(vm, c, s, &r, &cost)) return NativeResult::raise();
  return NativeResult::ret(Value::object(r), cost);
}

NativeResult set_intersection_update(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !noKwargs(vm, c)) return NativeResult::raise();
  SetObj* r;
  Nanos cost = 0;
  if (!intersectAll(vm, c, s, &r, &cost)) return NativeResult::raise();
  cloneDict(&s->table, r->table);
  return NativeResult::ret(Value::none(), cost);
}

// Removes from r every item of `other`.
bool subtract(Vm& vm, PyThread& t, SetObj* r, Value other, Nanos* cost) {
  if (other.isObj() && other.asObj() == r) {
    clearDict(&r->table);
    return true;
  }
  if (SetObj* o = asSet(other)) {
    // Keep what is not in the other set.
    std::vector<Value> keys = liveKeys(r->table);
    for (const Value& k : keys) {
      bool found;
      if (!contains(vm, t, o, k, &found)) return false;
      if (found && !vm.dictDel(t, &r->table, k, &found)) return false;
    }
    *cost += static_cast<Nanos>(keys.size()) * kSetLookupPerItemNs;
    return true;
  }
  std::vector<Value> items;
  if (!itemsOf(vm, t, other, &items)) return false;
  for (const Value& k : items) {
    bool found;
    if (!vm.dictDel(t, &r->table, k, &found)) return false;
  }
  *cost += static_cast<Nanos>(items.size()) * kSetLookupPerItemNs;
  return true;
}

NativeResult set_difference(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !noKwargs(vm, c)) return NativeResult::raise();
  SetObj* r = newSetLike(vm, s, true);
  Value result = Value::object(r);
  Nanos cost = s->table.used * kDictClonePerItemNs;
  for (const Value& other : c.args)
    if (!subtract(vm, *c.thread, r, other, &cost)) return NativeResult::raise();
  return NativeResult::ret(result, cost);
}

NativeResult set_difference_update(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !noKwargs(vm, c)) return NativeResult::raise();
  Nanos cost = 0;
  for (const Value& other : c.args)
    if (!subtract(vm, *c.thread, s, other, &cost)) return NativeResult::raise();
  return NativeResult::ret(Value::none(), cost);
}

// s ^= other: items of other (each once) toggle their membership.
bool toggle(Vm& vm, PyThread& t, SetObj* s, Value other, Nanos* cost) {
  if (other.isObj() && other.asObj() == s) {
    clearDict(&s->table);
    return true;
  }
  std::vector<Value> items;
  if (!itemsOf(vm, t, other, &items)) return false;
  SetObj* seen = vm.heap.make<SetObj>();
  for (const Value& k : items) {
    bool dup;
    if (!contains(vm, t, seen, k, &dup)) return false;
    if (dup) continue;
    if (!vm.dictSet(t, &seen->table, k, Value::none())) return false;
    bool found;
    if (!vm.dictDel(t, &s->table, k, &found)) return false;
    if (!found && !vm.dictSet(t, &s->table, k, Value::none())) return false;
  }
  *cost += static_cast<Nanos>(items.size()) * kSetInsertPerItemNs;
  return true;
}

NativeResult set_symmetric_difference(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  SetObj* r = newSetLike(vm, s, true);
  Value result = Value::object(r);
  Nanos cost = s->table.used * kDictClonePerItemNs;
  if (c.args[0].isObj() && c.args[0].asObj() == s) {
    clearDict(&r->table);
  } else if (!toggle(vm, *c.thread, r, c.args[0], &cost)) {
    return NativeResult::raise();
  }
  return NativeResult::ret(result, cost);
}

NativeResult set_symmetric_difference_update(Vm& vm, NativeCall& c) {
  SetObj* s = mutableSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  Nanos cost = 0;
  if (!toggle(vm, *c.thread, s, c.args[0], &cost)) return NativeResult::raise();
  return NativeResult::ret(Value::none(), cost);
}

// `other` as a set: itself, or a new set of its items.
bool asSetArg(Vm& vm, PyThread& t, Value other, SetObj** out, Nanos* cost) {
  if (SetObj* o = asSet(other)) {
    *out = o;
    return true;
  }
  std::vector<Value> items;
  if (!itemsOf(vm, t, other, &items)) return false;
  SetObj* o = vm.heap.make<SetObj>();
  *out = o;
  *cost += static_cast<Nanos>(items.size()) * kSetInsertPerItemNs;
  return addAll(vm, t, o, items);
}

// Every item of a is in b.
bool subsetOf(Vm& vm, PyThread& t, SetObj* a, SetObj* b, bool* out, Nanos* cost) {
  *out = false;
  if (a->table.used > b->table.used) return true;
  std::vector<Value> keys = liveKeys(a->table);
  for (const Value& k : keys) {
    bool found;
    if (!contains(vm, t, b, k, &found)) return false;
    *cost += kSetLookupPerItemNs;
    if (!found) return true;
  }
  *out = true;
  return true;
}

NativeResult set_issubset(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  Nanos cost = 0;
  SetObj* other;
  bool r;
  if (!asSetArg(vm, *c.thread, c.args[0], &other, &cost) || !subsetOf(vm, *c.thread, s, other, &r, &cost))
    return NativeResult::raise();
  return NativeResult::ret(Value::boolean(r), cost);
}

NativeResult set_issuperset(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  Nanos cost = 0;
  if (SetObj* o = asSet(c.args[0])) {
    bool r;
    if (!subsetOf(vm, t, o, s, &r, &cost)) return NativeResult::raise();
    return NativeResult::ret(Value::boolean(r), cost);
  }
  std::vector<Value> items;
  if (!itemsOf(vm, t, c.args[0], &items)) return NativeResult::raise();
  for (const Value& k : items) {
    bool found;
    if (!contains(vm, t, s, k, &found)) return NativeResult::raise();
    cost += kSetLookupPerItemNs;
    if (!found) return NativeResult::ret(Value::boolean(false), cost);
  }
  return NativeResult::ret(Value::boolean(true), cost);
}

NativeResult set_isdisjoint(Vm& vm, NativeCall& c) {
  SetObj* s = setSelf(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  SetObj* probe = s;
  std::vector<Value> items;
  if (SetObj* o = asSet(c.args[0])) {
    SetObj* small = s;
    probe = o;
    if (o->table.used < s->table.used) std::swap(small, probe);
    items = liveKeys(small->table);
  } else if (!itemsOf(vm, t, c.args[0], &items)) {
    return NativeResult::raise();
  }
  Nanos cost = 0;
  for (const Value& k : items) {
    bool found;
    if (!contains(vm, t, probe, k, &found)) return NativeResult::raise();
    cost += kSetLookupPerItemNs;
    if (found) return NativeResult::ret(Value::boolean(false), cost);
  }
  return NativeResult::ret(Value::boolean(true), cost);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
struct MethodDef {
  const char* name;
  NativeFn fn;
};

const MethodDef kDictMethods[] = {
    {"get", dict_get},       {"setdefault", dict_setdefault}, {"pop", dict_pop},
    {"popitem", dict_popitem}, {"keys", dict_keys},         {"values", dict_values},
    {"items", dict_items},   {"update", dict_update},         {"clear", dict_clear},
    {"copy", dict_copy},
};

// Methods of both set and frozenset.
const MethodDef kFrozenSetMethods[] = {
    {"copy", set_copy},
    {"union", set_union},
    {"intersection", set_intersection},
    {"difference", set_difference},
    {"symmetric_difference", set_symmetric_difference},
    {"issubset", set_issubset},
    {"issuperset", set_issuperset},
    {"isdisjoint", set_isdisjoint},
};

// Methods of set only.
const MethodDef kSetMethods[] = {
    {"add", set_add},
    {"remove", set_remove},
    {"discard", set_discard},
    {"pop", set_pop},
    {"clear", set_clear},
    {"update", set_update},
    {"intersection_update", set_intersection_update},
    {"difference_update", set_difference_update},
    {"symmetric_difference_update", set_symmetric_difference_update},
};

}  // namespace

bool dictUpdate(Vm& vm, PyThread& t, DictObj* d, Value other) {
  if (DictObj* o = asDict(other)) {
    if (o == d) return true;
    if (d->used == 0 && o->used == static_cast<int64_t>(o->entries.size())) {
      cloneDict(d, *o);  // like CPython's clone of a compact dict into an empty one
      return true;
    }
    for (const auto& [k, v] : liveItems(*o))
      if (!vm.dictSet(t, d, k, v)) return false;
    return true;
  }
  // A mapping: an object with keys() (and __getitem__).
  Value keysFn;
  if (other.isObj() && other.asObj()->kind == ObjKind::Instance && vm.lookupAttr(other, "keys", &keysFn)) {
    Value keys;
    if (!vm.callReentrant(t, keysFn, {other}, &keys)) return false;
    std::vector<Value> ks;
    if (!vm.iterate(t, keys, &ks)) return false;
    Value getitem = findDunder(vm, other, "__getitem__");
    for (const Value& k : ks) {
      Value v;
      if (getitem.isUndefined()) {
        vm.raise(t, vm.types.TypeError, "'" + vm.typeName(other) + "' object is not subscriptable");
        return false;
      }
      if (!vm.callReentrant(t, getitem, {other, k}, &v)) return false;
      if (!vm.dictSet(t, d, k, v)) return false;
    }
    return true;
  }
  // An iterable of key/value pairs.
  std::vector<Value> items;
  if (!vm.iterate(t, other, &items)) return false;
  for (size_t i = 0; i < items.size(); ++i) {
    const Value& item = items[i];
    std::vector<Value> pair;
    if (item.isObj() && item.asObj()->kind == ObjKind::Tuple) {
      pair = static_cast<TupleObj*>(item.asObj())->items;
    } else if (item.isObj() && item.asObj()->kind == ObjKind::List) {
      pair = static_cast<ListObj*>(item.asObj())->items;
    } else if (!vm.iterate(t, item, &pair)) {
      replaceNotIterable(vm, t,
                         "cannot convert dictionary update sequence element #" +
                             std::to_string(i) + " to a sequence");
      return false;
    }
    if (pair.size() != 2) {
      vm.raise(t, vm.types.ValueError,
               "dictionary update sequence element #" + std::to_string(i) + " has length " +
                   std::to_string(pair.size()) + "; 2 is required");
      return false;
    }
    if (!vm.dictSet(t, d, pair[0], pair[1])) return false;
  }
  return true;
}

bool setUpdate(Vm& vm, PyThread& t, SetObj* s, Value iterable) {
  if (SetObj* o = asSet(iterable)) {
    if (o == s) return true;
    if (s->table.used == 0 && o->table.used == static_cast<int64_t>(o->table.entries.size())) {
      cloneDict(&s->table, o->table);
      return true;
    }
  }
  std::vector<Value> items;
  if (!itemsOf(vm, t, iterable, &items)) return false;
  return addAll(vm, t, s, items);
}

void installDictSetMethods(Vm& vm) {
  TypeObj* dict = vm.types.dict_;
  for (const MethodDef& m : kDictMethods) vm.defineNative(dict->dict, m.name, m.fn, "dict");
  // dict.fromkeys is a classmethod: the class comes first.
  {
    BuiltinObj* b = vm.heap.make<BuiltinObj>();
    b->name = "fromkeys";
    b->ownerType = "dict";
    b->fn = dict_fromkeys;
    PropertyObj* cm = vm.heap.make<PropertyObj>(ObjKind::ClassMethod);
    cm->fget = Value::object(b);
    vm.dictSetStr(dict->dict, "fromkeys", Value::object(cm));
  }
  for (const MethodDef& m : kFrozenSetMethods) {
    vm.defineNative(vm.types.set_->dict, m.name, m.fn, "set");
    vm.defineNative(vm.types.frozenset_->dict, m.name, m.fn, "frozenset");
  }
  for (const MethodDef& m : kSetMethods) vm.defineNative(vm.types.set_->dict, m.name, m.fn, "set");
}

}  // namespace interleave::lang
