// Types, attributes and operators on builtin values.
//
// [SECTION] Types            builtin type objects, typeOf, isinstance, MRO
// [SECTION] Numbers
// [SECTION] Strings          repr/str of every builtin value
// [SECTION] Equality, hashing, ordering
// [SECTION] Dicts            the compact ordered hash table
// [SECTION] Operators        + - * / ... on builtin values
// [SECTION] Containers       subscripts, `in`, len, iteration
// [SECTION] Attributes
#include <algorithm>
#include <cmath>
#include <cstring>

#include "number_format.h"
#include "vm_internal.h"

namespace interleave::lang {

//-----------------------------------------------------------------------------------------------
// [SECTION] Types
//-----------------------------------------------------------------------------------------------
TypeObj* Vm::newType(const std::string& name, std::vector<TypeObj*> bases, bool builtin,
                     ObjKind instanceKind) {
  TypeObj* t = heap.make<TypeObj>();
  t->name = name;
  t->builtin = builtin;
  t->module = builtin ? "builtins" : "__main__";
  t->instanceKind = instanceKind;
  t->dict = newDict();
  watchTypeDict(t->dict);
  t->bases = std::move(bases);
  t->mro.push_back(t);
  // Builtin hierarchies are single inheritance: the MRO is the chain of bases.
  for (TypeObj* b = t->bases.empty() ? nullptr : t->bases[0]; b;
       b = b->bases.empty() ? nullptr : b->bases[0]) {
    t->mro.push_back(b);
  }
  for (TypeObj* b : t->mro) t->isException |= b->name == "BaseException";
  return t;
}

void installTypes(Vm& vm) {
  BuiltinTypes& T = vm.types;
  T.object_ = vm.newType("object", {}, true);
#define INTERLEAVE_MAKE_TYPE(name) \
  if (!T.name##_) T.name##_ = vm.newType(#name, {T.object_}, true);
  INTERLEAVE_BUILTIN_TYPES(INTERLEAVE_MAKE_TYPE)
#undef INTERLEAVE_MAKE_TYPE
  // bool derives from int.
  T.bool_->bases = {T.int_};
  T.bool_->mro = {T.bool_, T.int_, T.object_};
  T.str_->instanceKind = ObjKind::Str;
  T.list_->instanceKind = ObjKind::List;
  T.tuple_->instanceKind = ObjKind::Tuple;
  T.dict_->instanceKind = ObjKind::Dict;
  T.set_->instanceKind = ObjKind::Set;
#define INTERLEAVE_MAKE_EXC(name, base) \
  T.name = vm.newType(#name, {T.base == nullptr ? T.object_ : T.base}, true);
#define base_object object_
  {
    // Exceptions: build in declaration order (bases come first in the list).
    TypeObj* object = T.object_;
#define INTERLEAVE_EXC_BASE(name, base) \
    T.name = vm.newType(#name, {std::string(#base) == "object" ? object : nullptr}, true);
    (void)object;
#undef INTERLEAVE_EXC_BASE
  }
#undef base_object
#undef INTERLEAVE_MAKE_EXC
  // Exceptions, with their real bases.
  std::unordered_map<std::string, TypeObj*> byName;
  byName["object"] = T.object_;
#define INTERLEAVE_MAKE_EXC2(name, base)                                   \
  T.name = vm.newType(#name, {byName.at(#base)}, true);                    \
  T.name->isException = true;                                              \
  byName[#name] = T.name;
  INTERLEAVE_EXCEPTION_TYPES(INTERLEAVE_MAKE_EXC2)
#undef INTERLEAVE_MAKE_EXC2
  // The one builtin exception with two bases: class ExceptionGroup(BaseExceptionGroup, Exception).
  T.ExceptionGroup->bases = {T.BaseExceptionGroup, T.Exception};
  T.ExceptionGroup->mro = {T.ExceptionGroup, T.BaseExceptionGroup, T.Exception, T.BaseException, T.object_};
  // Names visible in builtins.
  for (const char* n : {"object", "type", "int", "bool", "float", "str", "list", "tuple", "dict",
                        "set", "frozenset", "range", "slice", "property", "classmethod",
                        "staticmethod"}) {
    vm.dictSetStr(vm.builtins, n, Value::undefined());
  }
  vm.dictSetStr(vm.builtins, "object", Value::object(T.object_));
  vm.dictSetStr(vm.builtins, "type", Value::object(T.type_));
  vm.dictSetStr(vm.builtins, "int", Value::object(T.int_));
  vm.dictSetStr(vm.builtins, "bool", Value::object(T.bool_));
  vm.dictSetStr(vm.builtins, "float", Value::object(T.float_));
  vm.dictSetStr(vm.builtins, "str", Value::object(T.str_));
  vm.dictSetStr(vm.builtins, "list", Value::object(T.list_));
  vm.dictSetStr(vm.builtins, "tuple", Value::object(T.tuple_));
  vm.dictSetStr(vm.builtins, "dict", Value::object(T.dict_));
  vm.dictSetStr(vm.builtins, "set", Value::object(T.set_));
  vm.dictSetStr(vm.builtins, "frozenset", Value::object(T.frozenset_));
  vm.dictSetStr(vm.builtins, "range", Value::object(T.range_));
  vm.dictSetStr(vm.builtins, "slice", Value::object(T.slice_));
  vm.dictSetStr(vm.builtins, "property", Value::object(T.property_));
  vm.dictSetStr(vm.builtins, "classmethod", Value::object(T.classmethod_));
  vm.dictSetStr(vm.builtins, "staticmethod", Value::object(T.staticmethod_));
#define INTERLEAVE_EXPOSE_EXC(name, base) vm.dictSetStr(vm.builtins, #name, Value::object(T.name));
  INTERLEAVE_EXCEPTION_TYPES(INTERLEAVE_EXPOSE_EXC)
#undef INTERLEAVE_EXPOSE_EXC
  vm.dictSetStr(vm.builtins, "EnvironmentError", Value::object(T.OSError));
  vm.dictSetStr(vm.builtins, "IOError", Value::object(T.OSError));
  // Python names for the internal iterator types.
  T.NoneType_->name = "NoneType";
  T.builtin_function_or_method_->name = "builtin_function_or_method";
}

TypeObj* Vm::typeOf(const Value& v) const {
  switch (v.tag()) {
    case Value::Tag::None: case Value::Tag::Undefined: return types.NoneType_;
    case Value::Tag::Bool: return types.bool_;
    case Value::Tag::Int: return types.int_;
    case Value::Tag::Float: return types.float_;
    case Value::Tag::Obj: break;
  }
  Obj* o = v.asObj();
  switch (o->kind) {
    case ObjKind::Str: return types.str_;
    case ObjKind::BigInt: return types.int_;
    case ObjKind::List: return types.list_;
    case ObjKind::Tuple: return types.tuple_;
    case ObjKind::Dict: return types.dict_;
    case ObjKind::Set: return static_cast<SetObj*>(o)->frozen ? types.frozenset_ : types.set_;
    case ObjKind::Range: return types.range_;
    case ObjKind::Slice: return types.slice_;
    case ObjKind::Code: return types.code_;
    case ObjKind::Function: return types.function_;
    case ObjKind::Builtin: return types.builtin_function_or_method_;
    case ObjKind::BoundMethod: return types.method_;
    case ObjKind::Cell: return types.cell_;
    case ObjKind::Module: return types.module_;
    case ObjKind::Type: return types.type_;
    case ObjKind::Instance: return static_cast<InstanceObj*>(o)->cls;
    case ObjKind::Generator:
      return static_cast<GeneratorObj*>(o)->coroutine ? types.coroutine_ : types.generator_;
    case ObjKind::Property: return types.property_;
    case ObjKind::ClassMethod: return types.classmethod_;
    case ObjKind::StaticMethod: return types.staticmethod_;
    case ObjKind::DictView:
      switch (static_cast<DictViewObj*>(o)->view) {
        case ViewKind::Keys: return types.dict_keys_;
        case ViewKind::Values: return types.dict_values_;
        case ViewKind::Items: return types.dict_items_;
      }
      break;
    case ObjKind::Iterator:
      switch (static_cast<IteratorObj*>(o)->iterKind) {
        case IterKind::List: return types.list_iterator_;
        case IterKind::Tuple: return types.tuple_iterator_;
        case IterKind::Str: return types.str_iterator_;
        case IterKind::Range: return types.range_iterator_;
        case IterKind::DictKeys: return types.dict_keyiterator_;
        case IterKind::DictValues: return types.dict_valueiterator_;
        case IterKind::DictItems: return types.dict_itemiterator_;
        case IterKind::Set: return types.set_iterator_;
        case IterKind::ListReverse: return types.list_reverseiterator_;
        case IterKind::CallIter: return types.callable_iterator_;
      }
      break;
  }
  return types.object_;
}

std::string Vm::typeName(const Value& v) const { return typeOf(v)->name; }

bool Vm::isSubclass(TypeObj* a, TypeObj* b) const {
  if (!a || !b) return false;
  for (TypeObj* m : a->mro) if (m == b) return true;
  return false;
}

bool Vm::isInstance(const Value& v, TypeObj* t) const { return isSubclass(typeOf(v), t); }

bool computeMro(Vm& vm, PyThread& t, TypeObj* cls) {
  // C3 linearisation: merge(mro(b1), ..., mro(bn), [b1..bn]).
  std::vector<std::vector<TypeObj*>> seqs;
  for (TypeObj* b : cls->bases) seqs.push_back(b->mro);
  seqs.push_back(cls->bases);
  std::vector<TypeObj*> out{cls};
  for (;;) {
    bool any = false;
    for (auto& s : seqs) any |= !s.empty();
    if (!any) break;
    TypeObj* pick = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      TypeObj* cand = s.front();
      bool inTail = false;
      for (auto& o : seqs) {
        for (size_t i = 1; i < o.size(); ++i) inTail |= o[i] == cand;
      }
      if (!inTail) { pick = cand; break; }
    }
    if (!pick) {
      vm.raise(t, vm.types.TypeError, "Cannot create a consistent method resolution order (MRO)");
      return false;
    }
    out.push_back(pick);
    for (auto& s : seqs) {
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
    }
  }
  cls->mro = out;
  cls->resourceKind = 0;
  for (size_t i = 1; i < out.size() && !cls->resourceKind; ++i) cls->resourceKind = out[i]->resourceKind;
  cls->isException = false;
  for (TypeObj* m : out) cls->isException |= m->name == "BaseException" && m->builtin;
  return true;
}

namespace {
// A str-keyed lookup through the index (no Python code can run: keys compared as strings).
Value lookupStr(const DictObj* d, int64_t h, const std::string& key) {
  if (d->index.empty()) return Value::undefined();
  size_t mask = d->index.size() - 1;
  size_t slot = static_cast<size_t>(h) & mask;
  for (size_t probes = 0; probes <= mask; ++probes) {
    int32_t ix = d->index[slot];
    if (ix == -1) return Value::undefined();
    if (ix >= 0) {
      const DictEntry& e = d->entries[static_cast<size_t>(ix)];
      if (e.live && e.hash == h && e.key.isObj() && e.key.asObj()->kind == ObjKind::Str &&
          static_cast<StrObj*>(e.key.asObj())->s == key) {
        return e.value;
      }
    }
    slot = (slot + 1) & mask;
  }
  return Value::undefined();
}
}  // namespace

Value findClassAttr(TypeObj* cls, StrObj* name) {
  for (TypeObj* m : cls->mro) {
    Value v = Value::undefined();
    findStrKey(m->dict, name, &v, true);
    if (!v.isUndefined()) return v;
  }
  return Value::undefined();
}

Value findClassAttr(TypeObj* cls, const std::string& name) {
  int64_t h = strHash(name);
  for (TypeObj* m : cls->mro) {
    Value v = lookupStr(m->dict, h, name);
    if (!v.isUndefined()) return v;
  }
  return Value::undefined();
}

Value findDunder(Vm& vm, const Value& v, const char* name) {
  if (!v.isObj() || v.asObj()->kind != ObjKind::Instance) return Value::undefined();
  return findClassAttr(static_cast<InstanceObj*>(v.asObj())->cls, name);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Numbers
//-----------------------------------------------------------------------------------------------
Value makeInt(Vm& vm, const BigInt& b) {
  if (b.fitsInt64()) return Value::integer(b.toInt64());
  return Value::object(vm.heap.make<BigIntObj>(b));
}
Value Vm::integer(const BigInt& b) { return makeInt(*this, b); }

bool isIntLike(const Value& v) {
  return v.isInt() || v.isBool() || (v.isObj() && v.asObj()->kind == ObjKind::BigInt);
}

BigInt toBigInt(const Value& v) {
  if (v.isInt() || v.isBool()) return BigInt(v.asInt());
  return static_cast<BigIntObj*>(v.asObj())->value;
}

bool toDouble(const Value& v, double* out) {
  if (v.isFloat()) { *out = v.asFloat(); return true; }
  if (v.isInt() || v.isBool()) { *out = static_cast<double>(v.asInt()); return true; }
  if (v.isObj() && v.asObj()->kind == ObjKind::BigInt) {
    bool overflow = false;
    *out = static_cast<BigIntObj*>(v.asObj())->value.toDouble(&overflow);
    return !overflow;
  }
  return false;
}

Value Vm::tuple(std::vector<Value> items) {
  TupleObj* t = heap.make<TupleObj>();
  t->items = std::move(items);
  return Value::object(t);
}

Value Vm::list(std::vector<Value> items) {
  ListObj* l = heap.make<ListObj>();
  l->items = std::move(items);
  return Value::object(l);
}

int64_t strLength(StrObj* s) {
  if (s->length >= 0) return s->length;
  int64_t n = 0;
  for (unsigned char c : s->s) n += (c & 0xC0) != 0x80;
  s->length = n;
  return n;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Strings
//-----------------------------------------------------------------------------------------------
namespace {

uint32_t decodeUtf8(const std::string& s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> n);
  ++i;
  for (int k = 0; k < n && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

bool isPrintable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp < 0xA0) return false;
  if (cp == 0xAD) return false;
  if (cp >= 0xD800 && cp < 0xE000) return false;
  if (cp == 0x2028 || cp == 0x2029) return false;
  return true;
}

std::string hexAddress(Vm& vm, Obj* o);

}  // namespace

uint64_t objectId(const Obj* o);

std::string strRepr(const std::string& s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char q = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, q);
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = decodeUtf8(s, i);
    if (cp == static_cast<uint32_t>(q) || cp == '\\') { out += '\\'; out += static_cast<char>(cp); }
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (cp == '\t') out += "\\t";
    else if (!isPrintable(cp)) {
      char buf[16];
      if (cp < 0x100) snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", cp);
      else snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    } else {
      out.append(s, start, i - start);
    }
  }
  out += q;
  return out;
}

// Addresses are not stable across runs or builds; a per-object serial keeps native and wasm
// output identical (id() and reprs agree). Tests mask 0x... as they mask CPython's addresses.
// The serial lives in the object header's spare bits: assigned on first use.
namespace {
std::unordered_map<const Obj*, uint64_t>& idTable() {
  static auto* ids = new std::unordered_map<const Obj*, uint64_t>();
  return *ids;
}
uint64_t nextId = 0;
}  // namespace

uint64_t objectId(const Obj* o) {
  auto& ids = idTable();
  auto it = ids.find(o);
  if (it != ids.end()) return it->second;
  uint64_t id = 0x7f3a00001000ULL + 0x30ULL * nextId++;
  ids.emplace(o, id);
  const_cast<Obj*>(o)->hasId = true;
  return id;
}

void forgetObjectId(const Obj* o) { idTable().erase(o); }

void copyObjectId(const Obj* from, const Obj* to) {
  if (!from->hasId) return;
  idTable()[to] = idTable().at(from);
  const_cast<Obj*>(to)->hasId = true;
}

namespace {
std::string hexAddress(Vm& vm, Obj* o) {
  (void)vm;
  char buf[32];
  snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(objectId(o)));
  return buf;
}
}  // namespace

bool Vm::repr(PyThread& t, Value v, std::string* out) {
  switch (v.tag()) {
    case Value::Tag::None: case Value::Tag::Undefined: *out = "None"; return true;
    case Value::Tag::Bool: *out = v.asBool() ? "True" : "False"; return true;
    case Value::Tag::Int: *out = std::to_string(v.asInt()); return true;
    case Value::Tag::Float: *out = floatRepr(v.asFloat()); return true;
    case Value::Tag::Obj: break;
  }
  Obj* o = v.asObj();
  static thread_local int depth = 0;
  if (depth > 200) {
    raise(t, types.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    return false;
  }
  struct Guard { Guard() { ++depth; } ~Guard() { --depth; } } guard;
  auto seq = [&](const std::vector<Value>& items, const char* open, const char* close, bool tupleComma) {
    std::string s = open;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) s += ", ";
      std::string r;
      if (!repr(t, items[i], &r)) return false;
      s += r;
      // A repr that doubles at every level (a list holding itself twice, 50 deep) is a runaway.
      if (s.size() > static_cast<size_t>(kMaxSequenceLength)) {
        raise(t, types.MemoryError, "");
        return false;
      }
    }
    if (tupleComma && items.size() == 1) s += ",";
    s += close;
    *out = s;
    return true;
  };
  // A container already being printed: CPython's Py_ReprEnter shows [...] / {...}.
  if (o->kind == ObjKind::List || o->kind == ObjKind::Dict || o->kind == ObjKind::Set) {
    for (Obj* busy : reprStack) {
      if (busy == o) {
        *out = o->kind == ObjKind::List ? "[...]" : "{...}";
        return true;
      }
    }
  }
  reprStack.push_back(o);
  struct Pop { std::vector<Obj*>& s; ~Pop() { s.pop_back(); } } popper{reprStack};
  switch (o->kind) {
    case ObjKind::Str: *out = strRepr(static_cast<StrObj*>(o)->s); return true;
    case ObjKind::BigInt: {
      const BigInt& b = static_cast<BigIntObj*>(o)->value;
      // sys.int_info.str_digits_check_threshold: CPython refuses more than 4300 digits.
      if (b.bitLength() > 14000) {
        std::string digits = b.toString();
        if (digits.size() - (b.isNegative() ? 1 : 0) > 4300) {
          raise(t, types.ValueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
          return false;
        }
        *out = digits;
        return true;
      }
      *out = b.toString();
      return true;
    }
    case ObjKind::List: return seq(static_cast<ListObj*>(o)->items, "[", "]", false);
    case ObjKind::Tuple: return seq(static_cast<TupleObj*>(o)->items, "(", ")", true);
    case ObjKind::Dict: {
      auto* d = static_cast<DictObj*>(o);
      std::string s = "{";
      bool first = true;
      for (const DictEntry& e : d->entries) {
        if (!e.live) continue;
        if (!first) s += ", ";
        first = false;
        std::string k, val;
        if (!repr(t, e.key, &k) || !repr(t, e.value, &val)) return false;
        s += k + ": " + val;
      }
      *out = s + "}";
      return true;
    }
    case ObjKind::Set: {
      auto* st = static_cast<SetObj*>(o);
      std::vector<Value> items;
      for (int32_t i : setOrder(st)) items.push_back(st->table.entries[static_cast<size_t>(i)].key);
      if (items.empty()) { *out = st->frozen ? "frozenset()" : "set()"; return true; }
      if (!seq(items, "{", "}", false)) return false;
      if (st->frozen) *out = "frozenset(" + *out + ")";
      return true;
    }
    case ObjKind::Range: {
      auto* r = static_cast<RangeObj*>(o);
      *out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop) +
             (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
      return true;
    }
    case ObjKind::Slice: {
      auto* s = static_cast<SliceObj*>(o);
      std::string a, b, c;
      if (!repr(t, s->start, &a) || !repr(t, s->stop, &b) || !repr(t, s->step, &c)) return false;
      *out = "slice(" + a + ", " + b + ", " + c + ")";
      return true;
    }
    case ObjKind::Function:
      *out = "<function " + static_cast<FunctionObj*>(o)->qualname->s + " at " + hexAddress(*this, o) + ">";
      return true;
    case ObjKind::Builtin: {
      auto* b = static_cast<BuiltinObj*>(o);
      if (isAsyncioMethod(b)) {
        if (b->self.isUndefined()) {
          *out = "<function " + b->ownerType + "." + b->name + " at " + hexAddress(*this, o) + ">";
        } else {
          std::string selfRepr;
          if (!repr(t, b->self, &selfRepr)) return false;
          *out = "<bound method " + b->ownerType + "." + b->name + " of " + selfRepr + ">";
        }
      } else if (b->self.isUndefined()) *out = "<built-in function " + b->name + ">";
      else *out = "<built-in method " + b->name + " of " + typeName(b->self) + " object at " +
                  (b->self.isObj() ? hexAddress(*this, b->self.asObj()) : std::string("0x0")) + ">";
      return true;
    }
    case ObjKind::BoundMethod: {
      auto* m = static_cast<BoundMethodObj*>(o);
      std::string selfRepr;
      if (!repr(t, m->self, &selfRepr)) return false;
      std::string q = m->func.isObj() && m->func.asObj()->kind == ObjKind::Function
                          ? static_cast<FunctionObj*>(m->func.asObj())->qualname->s : "?";
      if (isKind(m->func, ObjKind::Builtin) && isAsyncioMethod(static_cast<BuiltinObj*>(m->func.asObj()))) {
        auto* b = static_cast<BuiltinObj*>(m->func.asObj());
        q = b->ownerType + "." + b->name;
      }
      *out = "<bound method " + q + " of " + selfRepr + ">";
      return true;
    }
    case ObjKind::Type: {
      auto* ty = static_cast<TypeObj*>(o);
      *out = ty->module == "builtins" ? "<class '" + ty->name + "'>"
                                      : "<class '" + ty->module + "." + ty->name + "'>";
      return true;
    }
    case ObjKind::Module:
      *out = "<module '" + static_cast<ModuleObj*>(o)->name + "' (built-in)>";
      return true;
    case ObjKind::Generator: {
      auto* g = static_cast<GeneratorObj*>(o);
      *out = std::string("<") + (g->coroutine ? "coroutine" : "generator") + " object " +
             g->qualname->s + " at " + hexAddress(*this, o) + ">";
      return true;
    }
    case ObjKind::DictView: {
      auto* dv = static_cast<DictViewObj*>(o);
      std::vector<Value> items;
      for (const DictEntry& e : dv->dict->entries) {
        if (!e.live) continue;
        if (dv->view == ViewKind::Keys) items.push_back(e.key);
        else if (dv->view == ViewKind::Values) items.push_back(e.value);
        else items.push_back(tuple({e.key, e.value}));
      }
      if (!seq(items, "([", "])", false)) return false;
      *out = typeName(v) + *out;
      return true;
    }
    case ObjKind::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      if (o == ellipsis) { *out = "Ellipsis"; return true; }
      if (o == notImplemented) { *out = "NotImplemented"; return true; }
      Value r = findClassAttr(inst->cls, "__repr__");
      if (!r.isUndefined() && r.isObj() && r.asObj()->kind == ObjKind::Function) {
        Value res;
        if (!callReentrant(t, r, {v}, &res)) return false;
        if (!res.isObj() || res.asObj()->kind != ObjKind::Str) {
          raise(t, types.TypeError, "__repr__ returned non-string (type " + typeName(res) + ")");
          return false;
        }
        *out = static_cast<StrObj*>(res.asObj())->s;
        return true;
      }
      if (inst->exc) {
        std::string args;
        auto* tup = static_cast<TupleObj*>(inst->exc->args.asObj());
        if (!seq(tup->items, "(", ")", false)) return false;
        *out = inst->cls->name + *out;
        return true;
      }
      *out = "<" + inst->cls->module + "." + inst->cls->name + " object at " + hexAddress(*this, o) + ">";
      return true;
    }
    default:
      *out = "<" + typeName(v) + " object at " + hexAddress(*this, o) + ">";
      return true;
  }
}

std::string exceptionMessage(Vm& vm, PyThread& t, Value exc) {
  std::string s;
  if (!vm.toStr(t, exc, &s)) {
    t.raising = Value::undefined();
    return "<exception str() failed>";
  }
  return s;
}

bool Vm::toStr(PyThread& t, Value v, std::string* out) {
  if (v.isObj()) {
    Obj* o = v.asObj();
    if (o->kind == ObjKind::Str) { *out = static_cast<StrObj*>(o)->s; return true; }
    if (o->kind == ObjKind::Instance) {
      auto* inst = static_cast<InstanceObj*>(o);
      Value s = findClassAttr(inst->cls, "__str__");
      if (!s.isUndefined() && s.isObj() && s.asObj()->kind == ObjKind::Function) {
        Value res;
        if (!callReentrant(t, s, {v}, &res)) return false;
        if (!res.isObj() || res.asObj()->kind != ObjKind::Str) {
          raise(t, types.TypeError, "__str__ returned non-string (type " + typeName(res) + ")");
          return false;
        }
        *out = static_cast<StrObj*>(res.asObj())->s;
        return true;
      }
      if (inst->exc) {
        auto* args = static_cast<TupleObj*>(inst->exc->args.asObj());
        if (args->items.empty()) { *out = ""; return true; }
        if (args->items.size() == 1) {
          if (isSubclass(inst->cls, types.KeyError)) return repr(t, args->items[0], out);
          return toStr(t, args->items[0], out);
        }
        return repr(t, inst->exc->args, out);
      }
      Value r = findClassAttr(inst->cls, "__repr__");
      if (!r.isUndefined()) return repr(t, v, out);
    }
  }
  return repr(t, v, out);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Equality, hashing, ordering
//-----------------------------------------------------------------------------------------------
namespace {
// CPython's hash of a float (Python/pyhash.c _Py_HashDouble), so that hash(1.0) == hash(1).
int64_t hashDouble(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (1ULL << kBits) - 1;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) { sign = -1; m = -m; }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  int64_t r = static_cast<int64_t>(x) * sign;
  if (r == -1) r = -2;
  return r;
}
}  // namespace

bool Vm::hash(PyThread& t, Value v, int64_t* out) {
  switch (v.tag()) {
    case Value::Tag::None: case Value::Tag::Undefined: *out = 0x5a5a5a5a; return true;
    case Value::Tag::Bool: case Value::Tag::Int: *out = BigInt::hashInt64(v.asInt()); return true;
    case Value::Tag::Float: *out = hashDouble(v.asFloat()); return true;
    case Value::Tag::Obj: break;
  }
  Obj* o = v.asObj();
  switch (o->kind) {
    case ObjKind::Str:
      *out = strHash(static_cast<StrObj*>(o));
      return true;
    case ObjKind::BigInt: *out = static_cast<BigIntObj*>(o)->value.hash(); return true;
    case ObjKind::Tuple: {
      // CPython's tuple hash (xxHash-style, Objects/tupleobject.c).
      const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
      auto* tup = static_cast<TupleObj*>(o);
      uint64_t acc = p5;
      for (const Value& item : tup->items) {
        int64_t h;
        if (!hash(t, item, &h)) return false;
        acc += static_cast<uint64_t>(h) * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
      }
      acc += tup->items.size() ^ (p5 ^ 3527539UL);
      if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
      *out = static_cast<int64_t>(acc);
      return true;
    }
    case ObjKind::List: case ObjKind::Dict:
      raise(t, types.TypeError, "unhashable type: '" + typeName(v) + "'");
      return false;
    case ObjKind::Set:
      if (!static_cast<SetObj*>(o)->frozen) {
        raise(t, types.TypeError, "unhashable type: 'set'");
        return false;
      }
      *out = static_cast<int64_t>(static_cast<SetObj*>(o)->table.used * 7919);
      return true;
    case ObjKind::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      Value h = findClassAttr(inst->cls, "__hash__");
      if (h.isNone()) {
        raise(t, types.TypeError, "unhashable type: '" + inst->cls->name + "'");
        return false;
      }
      if (!h.isUndefined() && h.isObj() && h.asObj()->kind == ObjKind::Function) {
        Value res;
        if (!callReentrant(t, h, {v}, &res)) return false;
        if (!isIntLike(res)) {
          raise(t, types.TypeError, "__hash__ method should return an integer");
          return false;
        }
        *out = toBigInt(res).hash();
        return true;
      }
      // A class defining __eq__ without __hash__ is unhashable.
      Value eq = findClassAttr(inst->cls, "__eq__");
      if (!eq.isUndefined() && eq.isObj() && eq.asObj()->kind == ObjKind::Function &&
          findClassAttr(inst->cls, "__hash__").isUndefined()) {
        raise(t, types.TypeError, "unhashable type: '" + inst->cls->name + "'");
        return false;
      }
      *out = static_cast<int64_t>(objectId(o) >> 4);  // like CPython: id() >> 4, but deterministic
      return true;
    }
    default:
      *out = static_cast<int64_t>(objectId(o) >> 4);  // like CPython: id() >> 4, but deterministic
      return true;
  }
}

bool Vm::equals(PyThread& t, Value a, Value b, bool* out) {
  if (a.is(b) && !a.isFloat()) { *out = true; return true; }
  if ((isIntLike(a) || a.isFloat()) && (isIntLike(b) || b.isFloat())) {
    if (isIntLike(a) && isIntLike(b)) {
      if ((a.isInt() || a.isBool()) && (b.isInt() || b.isBool())) *out = a.asInt() == b.asInt();
      else *out = toBigInt(a) == toBigInt(b);
      return true;
    }
    if (a.isFloat() && b.isFloat()) { *out = a.asFloat() == b.asFloat(); return true; }
    const Value& f = a.isFloat() ? a : b;
    const Value& i = a.isFloat() ? b : a;
    *out = BigInt::compareWithDouble(toBigInt(i), f.asFloat()) == 0 && !std::isnan(f.asFloat());
    return true;
  }
  if (!a.isObj() || !b.isObj()) {
    // Instances may define __eq__ against builtins.
    Value inst = a.isObj() ? a : b.isObj() ? b : Value::undefined();
    if (inst.isUndefined() || inst.asObj()->kind != ObjKind::Instance) { *out = false; return true; }
  }
  Obj* x = a.isObj() ? a.asObj() : nullptr;
  Obj* y = b.isObj() ? b.asObj() : nullptr;
  if (x && x->kind == ObjKind::Instance) {
    Value eq = findClassAttr(static_cast<InstanceObj*>(x)->cls, "__eq__");
    if (!eq.isUndefined() && eq.isObj() && eq.asObj()->kind == ObjKind::Function) {
      Value res;
      if (!callReentrant(t, eq, {a, b}, &res)) return false;
      if (!(res.isObj() && res.asObj() == notImplemented)) return truthy(t, res, out);
    }
  }
  if (y && y->kind == ObjKind::Instance) {
    Value eq = findClassAttr(static_cast<InstanceObj*>(y)->cls, "__eq__");
    if (!eq.isUndefined() && eq.isObj() && eq.asObj()->kind == ObjKind::Function) {
      Value res;
      if (!callReentrant(t, eq, {b, a}, &res)) return false;
      if (!(res.isObj() && res.asObj() == notImplemented)) return truthy(t, res, out);
    }
  }
  if (!x || !y) { *out = false; return true; }
  if (x->kind != y->kind) {
    *out = false;
    return true;
  }
  switch (x->kind) {
    case ObjKind::Str: *out = static_cast<StrObj*>(x)->s == static_cast<StrObj*>(y)->s; return true;
    case ObjKind::List: case ObjKind::Tuple: {
      const auto& p = x->kind == ObjKind::List ? static_cast<ListObj*>(x)->items : static_cast<TupleObj*>(x)->items;
      const auto& q = y->kind == ObjKind::List ? static_cast<ListObj*>(y)->items : static_cast<TupleObj*>(y)->items;
      if (p.size() != q.size()) { *out = false; return true; }
      for (size_t i = 0; i < p.size(); ++i) {
        bool e;
        if (!equals(t, p[i], q[i], &e)) return false;
        if (!e) { *out = false; return true; }
      }
      *out = true;
      return true;
    }
    case ObjKind::Dict: {
      auto* d1 = static_cast<DictObj*>(x);
      auto* d2 = static_cast<DictObj*>(y);
      if (d1->used != d2->used) { *out = false; return true; }
      for (const DictEntry& e : d1->entries) {
        if (!e.live) continue;
        Value other;
        bool found;
        if (!dictGet(t, d2, e.key, &other, &found)) return false;
        if (!found) { *out = false; return true; }
        bool same;
        if (!equals(t, e.value, other, &same)) return false;
        if (!same) { *out = false; return true; }
      }
      *out = true;
      return true;
    }
    case ObjKind::Set: {
      auto* s1 = static_cast<SetObj*>(x);
      auto* s2 = static_cast<SetObj*>(y);
      if (s1->table.used != s2->table.used) { *out = false; return true; }
      for (const DictEntry& e : s1->table.entries) {
        if (!e.live) continue;
        Value dummy;
        bool found;
        if (!dictGet(t, &s2->table, e.key, &dummy, &found)) return false;
        if (!found) { *out = false; return true; }
      }
      *out = true;
      return true;
    }
    case ObjKind::BigInt:
      *out = static_cast<BigIntObj*>(x)->value == static_cast<BigIntObj*>(y)->value;
      return true;
    case ObjKind::Range: {
      auto* r1 = static_cast<RangeObj*>(x);
      auto* r2 = static_cast<RangeObj*>(y);
      *out = r1->length() == r2->length() && (r1->length() == 0 || (r1->start == r2->start && (r1->length() == 1 || r1->step == r2->step)));
      return true;
    }
    case ObjKind::BoundMethod: {
      auto* m1 = static_cast<BoundMethodObj*>(x);
      auto* m2 = static_cast<BoundMethodObj*>(y);
      *out = m1->self.is(m2->self) && m1->func.is(m2->func);
      return true;
    }
    default:
      *out = x == y;
      return true;
  }
}

bool Vm::lessThan(PyThread& t, Value a, Value b, bool* out) {
  Value r;
  OpStatus s = nativeCompare(*this, t, CompareOp::Lt, a, b, &r);
  if (s == OpStatus::Raise) return false;
  if (s == OpStatus::Ok) { *out = r.asBool(); return true; }
  Value lt = findDunder(*this, a, "__lt__");
  if (!lt.isUndefined()) {
    Value res;
    if (!callReentrant(t, lt, {a, b}, &res)) return false;
    if (!(res.isObj() && res.asObj() == notImplemented)) return truthy(t, res, out);
  }
  Value gt = findDunder(*this, b, "__gt__");
  if (!gt.isUndefined()) {
    Value res;
    if (!callReentrant(t, gt, {b, a}, &res)) return false;
    if (!(res.isObj() && res.asObj() == notImplemented)) return truthy(t, res, out);
  }
  raise(t, types.TypeError, "'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
  return false;
}

bool Vm::truthy(PyThread& t, Value v, bool* out) {
  switch (v.tag()) {
    case Value::Tag::None: case Value::Tag::Undefined: *out = false; return true;
    case Value::Tag::Bool: case Value::Tag::Int: *out = v.asInt() != 0; return true;
    case Value::Tag::Float: *out = v.asFloat() != 0.0; return true;
    case Value::Tag::Obj: break;
  }
  Obj* o = v.asObj();
  switch (o->kind) {
    case ObjKind::Str: *out = !static_cast<StrObj*>(o)->s.empty(); return true;
    case ObjKind::BigInt: *out = !static_cast<BigIntObj*>(o)->value.isZero(); return true;
    case ObjKind::List: *out = !static_cast<ListObj*>(o)->items.empty(); return true;
    case ObjKind::Tuple: *out = !static_cast<TupleObj*>(o)->items.empty(); return true;
    case ObjKind::Dict: *out = static_cast<DictObj*>(o)->used > 0; return true;
    case ObjKind::Set: *out = static_cast<SetObj*>(o)->table.used > 0; return true;
    case ObjKind::Range: *out = static_cast<RangeObj*>(o)->length() > 0; return true;
    case ObjKind::DictView: *out = static_cast<DictViewObj*>(o)->dict->used > 0; return true;
    case ObjKind::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      Value b = findClassAttr(inst->cls, "__bool__");
      if (!b.isUndefined()) {
        Value res;
        if (!callReentrant(t, b, {v}, &res)) return false;
        if (!res.isBool()) {
          raise(t, types.TypeError, "__bool__ should return bool, returned " + typeName(res));
          return false;
        }
        *out = res.asBool();
        return true;
      }
      Value len = findClassAttr(inst->cls, "__len__");
      if (!len.isUndefined()) {
        Value res;
        if (!callReentrant(t, len, {v}, &res)) return false;
        *out = !(res.isInt() && res.asInt() == 0);
        return true;
      }
      *out = true;
      return true;
    }
    default: *out = true; return true;
  }
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Dicts
//-----------------------------------------------------------------------------------------------
namespace {
constexpr int32_t kEmpty = -1;
constexpr int32_t kDeleted = -2;

// Drops dead entries, in place (the order of the live ones stays); a dict that shrank a lot
// gives its memory back. Only when the index is rebuilt, as CPython resizes: the number of
// entries, dead ones included, is part of some costs (popitem, clear).
void compactEntries(DictObj* d) {
  if (d->used == static_cast<int64_t>(d->entries.size())) return;
  size_t w = 0;
  for (size_t r = 0; r < d->entries.size(); ++r) {
    if (d->entries[r].live) d->entries[w++] = d->entries[r];
  }
  d->entries.resize(w);
  if (d->entries.capacity() > 4 * w + 16) d->entries.shrink_to_fit();
}

void rebuildIndex(DictObj* d, size_t minSize) {
  // Compact the entries, then re-index at a power-of-two size >= 3/2 used.
  compactEntries(d);
  size_t size = 8;
  while (size < minSize * 3 / 2 + 1) size *= 2;
  d->index.assign(size, kEmpty);
  for (size_t i = 0; i < d->entries.size(); ++i) {
    size_t mask = size - 1;
    size_t slot = static_cast<size_t>(d->entries[i].hash) & mask;
    while (d->index[slot] != kEmpty) slot = (slot + 1) & mask;
    d->index[slot] = static_cast<int32_t>(i);
  }
}
}  // namespace

bool Vm::dictGet(PyThread& t, DictObj* d, Value key, Value* out, bool* found) {
  *found = false;
  int64_t h;
  if (!hash(t, key, &h)) return false;  // unhashable keys raise even on an empty dict
  if (d->index.empty()) return true;
  size_t mask = d->index.size() - 1;
  size_t slot = static_cast<size_t>(h) & mask;
  for (size_t probes = 0; probes <= mask; ++probes) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) return true;
    if (ix >= 0) {
      DictEntry& e = d->entries[static_cast<size_t>(ix)];
      if (e.live && e.hash == h) {
        bool same = e.key.is(key);
        if (!same && !equals(t, e.key, key, &same)) return false;
        if (same) {
          *out = e.value;
          *found = true;
          return true;
        }
      }
    }
    slot = (slot + 1) & mask;
  }
  return true;
}

bool Vm::dictSet(PyThread& t, DictObj* d, Value key, Value value) {
  if (d->typeEpoch) ++*d->typeEpoch;
  int64_t h;
  if (!hash(t, key, &h)) return false;
  if (d->index.empty()) rebuildIndex(d, 8);
  size_t mask = d->index.size() - 1;
  size_t slot = static_cast<size_t>(h) & mask;
  size_t firstFree = SIZE_MAX;
  for (size_t probes = 0; probes <= mask; ++probes) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) {
      if (firstFree == SIZE_MAX) firstFree = slot;
      break;
    }
    if (ix == kDeleted) {
      if (firstFree == SIZE_MAX) firstFree = slot;
    } else {
      DictEntry& e = d->entries[static_cast<size_t>(ix)];
      if (e.live && e.hash == h) {
        bool same = e.key.is(key);
        if (!same && !equals(t, e.key, key, &same)) return false;
        if (same) {
          d->entries[static_cast<size_t>(ix)].value = value;
          return true;
        }
      }
    }
    slot = (slot + 1) & mask;
  }
  d->entries.push_back(DictEntry{key, value, h, true});
  ++d->used;
  if (firstFree == SIZE_MAX || d->entries.size() * 3 >= d->index.size() * 2) {
    rebuildIndex(d, d->entries.size() * 2);
  } else {
    d->index[firstFree] = static_cast<int32_t>(d->entries.size() - 1);
  }
  return true;
}

bool Vm::dictDel(PyThread& t, DictObj* d, Value key, bool* found) {
  if (d->typeEpoch) ++*d->typeEpoch;
  *found = false;
  if (d->index.empty()) return true;
  int64_t h;
  if (!hash(t, key, &h)) return false;
  size_t mask = d->index.size() - 1;
  size_t slot = static_cast<size_t>(h) & mask;
  for (size_t probes = 0; probes <= mask; ++probes) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) return true;
    if (ix >= 0) {
      DictEntry& e = d->entries[static_cast<size_t>(ix)];
      if (e.live && e.hash == h) {
        bool same = e.key.is(key);
        if (!same && !equals(t, e.key, key, &same)) return false;
        if (same) {
          e.live = false;
          e.key = Value::none();
          e.value = Value::none();
          d->index[slot] = kDeleted;
          --d->used;
          *found = true;
          if (d->used * 4 < static_cast<int64_t>(d->entries.size()) && d->entries.size() > 16) {
            rebuildIndex(d, static_cast<size_t>(d->used));
          }
          return true;
        }
      }
    }
    slot = (slot + 1) & mask;
  }
  return true;
}

Value Vm::dictGetStr(DictObj* d, const std::string& key) { return lookupStr(d, strHash(key), key); }

void Vm::dictSetStr(DictObj* d, const std::string& key, Value v) {
  PyThread scratch;
  dictSet(scratch, d, str(key), v);  // str keys never run Python code
}

const std::vector<int32_t>& setOrder(SetObj* set) {
  const DictObj& d = set->table;
  if (set->orderEntries == d.entries.size() && set->orderUsed == d.used) return set->order;
  constexpr size_t kLinearProbes = 9;
  constexpr int kPerturbShift = 5;
  constexpr size_t kMinSize = 8;
  std::vector<int32_t> table(kMinSize, -1);
  size_t mask = kMinSize - 1, used = 0;
  auto insertClean = [](std::vector<int32_t>& tab, size_t m, uint64_t hash, int32_t entry) {
    uint64_t perturb = hash;
    size_t i = static_cast<size_t>(hash) & m;
    for (;;) {
      if (tab[i] < 0) { tab[i] = entry; return; }
      if (i + kLinearProbes <= m) {
        for (size_t j = 1; j <= kLinearProbes; ++j) {
          if (tab[i + j] < 0) { tab[i + j] = entry; return; }
        }
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + static_cast<size_t>(perturb)) & m;
    }
  };
  for (size_t e = 0; e < d.entries.size(); ++e) {
    if (!d.entries[e].live) continue;
    insertClean(table, mask, static_cast<uint64_t>(d.entries[e].hash), static_cast<int32_t>(e));
    ++used;
    if (used * 5 >= mask * 3) {
      size_t minused = used > 50000 ? used * 2 : used * 4;
      size_t newsize = kMinSize;
      while (newsize <= minused) newsize <<= 1;
      std::vector<int32_t> bigger(newsize, -1);
      for (int32_t x : table) {
        if (x >= 0) insertClean(bigger, newsize - 1, static_cast<uint64_t>(d.entries[static_cast<size_t>(x)].hash), x);
      }
      table.swap(bigger);
      mask = newsize - 1;
    }
  }
  set->order.clear();
  for (int32_t x : table) if (x >= 0) set->order.push_back(x);
  set->orderEntries = d.entries.size();
  set->orderUsed = d.used;
  return set->order;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Operators
//-----------------------------------------------------------------------------------------------
namespace {
const char* opSymbol(BinaryOp op) {
  static const char* names[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
  int i = static_cast<int>(op);
  if (i >= kInplaceOffset) i -= kInplaceOffset;
  return names[i];
}
bool isStr(const Value& v) { return v.isObj() && v.asObj()->kind == ObjKind::Str; }

OpStatus typeError(Vm& vm, PyThread& t, const std::string& msg) {
  vm.raise(t, vm.types.TypeError, msg);
  return OpStatus::Raise;
}

OpStatus intOp(Vm& vm, PyThread& t, BinaryOp op, Value a, Value b, Value* out) {
  bool small = (a.isInt() || a.isBool()) && (b.isInt() || b.isBool());
  int64_t x = small ? a.asInt() : 0, y = small ? b.asInt() : 0, r = 0;
  switch (op) {
    case BinaryOp::Add:
      if (small && !__builtin_add_overflow(x, y, &r)) { *out = Value::integer(r); return OpStatus::Ok; }
      *out = makeInt(vm, toBigInt(a) + toBigInt(b));
      return OpStatus::Ok;
    case BinaryOp::Subtract:
      if (small && !__builtin_sub_overflow(x, y, &r)) { *out = Value::integer(r); return OpStatus::Ok; }
      *out = makeInt(vm, toBigInt(a) - toBigInt(b));
      return OpStatus::Ok;
    case BinaryOp::Multiply:
      if (small && !__builtin_mul_overflow(x, y, &r)) { *out = Value::integer(r); return OpStatus::Ok; }
      *out = makeInt(vm, toBigInt(a) * toBigInt(b));
      return OpStatus::Ok;
    case BinaryOp::FloorDivide: case BinaryOp::Remainder: {
      if (small) {
        if (y == 0) {
          vm.raise(t, vm.types.ZeroDivisionError, op == BinaryOp::FloorDivide ? "integer division or modulo by zero" : "integer modulo by zero");
          return OpStatus::Raise;
        }
        if (!(x == INT64_MIN && y == -1)) {
          int64_t q = x / y, m = x % y;
          if (m != 0 && ((m < 0) != (y < 0))) { --q; m += y; }
          *out = Value::integer(op == BinaryOp::FloorDivide ? q : m);
          return OpStatus::Ok;
        }
      }
      BigInt q, m;
      if (!BigInt::divmod(toBigInt(a), toBigInt(b), &q, &m)) {
        vm.raise(t, vm.types.ZeroDivisionError, op == BinaryOp::FloorDivide ? "integer division or modulo by zero" : "integer modulo by zero");
        return OpStatus::Raise;
      }
      *out = makeInt(vm, op == BinaryOp::FloorDivide ? q : m);
      return OpStatus::Ok;
    }
    case BinaryOp::TrueDivide: {
      if (small && y != 0 && x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53)) {
        *out = Value::flt(static_cast<double>(x) / static_cast<double>(y));
        return OpStatus::Ok;
      }
      double d;
      BigInt::DivStatus st = BigInt::trueDivide(toBigInt(a), toBigInt(b), &d);
      if (st == BigInt::DivStatus::ZeroDivision) { vm.raise(t, vm.types.ZeroDivisionError, "division by zero"); return OpStatus::Raise; }
      if (st == BigInt::DivStatus::Overflow) { vm.raise(t, vm.types.OverflowError, "integer division result too large for a float"); return OpStatus::Raise; }
      *out = Value::flt(d);
      return OpStatus::Ok;
    }
    case BinaryOp::Power: {
      if (small && y >= 0 && y < 64) {
        // Small ints: square-and-multiply with overflow checks, no BigInt allocation.
        int64_t result = 1, base = x, exp = y;
        bool overflow = false;
        while (exp > 0 && !overflow) {
          if (exp & 1) overflow |= __builtin_mul_overflow(result, base, &result);
          exp >>= 1;
          if (exp > 0) overflow |= __builtin_mul_overflow(base, base, &base);
        }
        if (!overflow) { *out = Value::integer(result); return OpStatus::Ok; }
      }
      BigInt e = toBigInt(b);
      if (e.isNegative()) {
        double da, db;
        toDouble(a, &da);
        toDouble(b, &db);
        if (da == 0.0) { vm.raise(t, vm.types.ZeroDivisionError, "0.0 cannot be raised to a negative power"); return OpStatus::Raise; }
        *out = Value::flt(std::pow(da, db));
        return OpStatus::Ok;
      }
      BigInt base = toBigInt(a);
      uint64_t bits = base.bitLength();
      if (!e.fitsInt64() || (bits > 1 && static_cast<double>(bits) * static_cast<double>(e.toInt64()) > 8.0 * kMaxSequenceLength)) {
        vm.raise(t, vm.types.MemoryError, "");
        return OpStatus::Raise;
      }
      *out = makeInt(vm, BigInt::pow(base, static_cast<uint64_t>(e.toInt64())));
      return OpStatus::Ok;
    }
    case BinaryOp::Lshift: case BinaryOp::Rshift: {
      BigInt n = toBigInt(b);
      if (n.isNegative()) { vm.raise(t, vm.types.ValueError, "negative shift count"); return OpStatus::Raise; }
      if (!n.fitsInt64() || (op == BinaryOp::Lshift && n.toInt64() > 8 * kMaxSequenceLength)) {
        if (op == BinaryOp::Rshift) { *out = Value::integer(toBigInt(a).isNegative() ? -1 : 0); return OpStatus::Ok; }
        vm.raise(t, vm.types.OverflowError, "too many digits in integer");
        return OpStatus::Raise;
      }
      BigInt v = toBigInt(a);
      *out = makeInt(vm, op == BinaryOp::Lshift ? v.shiftLeft(static_cast<uint64_t>(n.toInt64())) : v.shiftRight(static_cast<uint64_t>(n.toInt64())));
      return OpStatus::Ok;
    }
    case BinaryOp::And:
      if (a.isBool() && b.isBool()) { *out = Value::boolean(a.asBool() && b.asBool()); return OpStatus::Ok; }
      if (small) { *out = Value::integer(x & y); return OpStatus::Ok; }
      *out = makeInt(vm, toBigInt(a) & toBigInt(b));
      return OpStatus::Ok;
    case BinaryOp::Or:
      if (a.isBool() && b.isBool()) { *out = Value::boolean(a.asBool() || b.asBool()); return OpStatus::Ok; }
      if (small) { *out = Value::integer(x | y); return OpStatus::Ok; }
      *out = makeInt(vm, toBigInt(a) | toBigInt(b));
      return OpStatus::Ok;
    case BinaryOp::Xor:
      if (a.isBool() && b.isBool()) { *out = Value::boolean(a.asBool() != b.asBool()); return OpStatus::Ok; }
      if (small) { *out = Value::integer(x ^ y); return OpStatus::Ok; }
      *out = makeInt(vm, toBigInt(a) ^ toBigInt(b));
      return OpStatus::Ok;
    default:
      return OpStatus::NotHandled;
  }
}

OpStatus floatOp(Vm& vm, PyThread& t, BinaryOp op, double x, double y, Value* out) {
  switch (op) {
    case BinaryOp::Add: *out = Value::flt(x + y); return OpStatus::Ok;
    case BinaryOp::Subtract: *out = Value::flt(x - y); return OpStatus::Ok;
    case BinaryOp::Multiply: *out = Value::flt(x * y); return OpStatus::Ok;
    case BinaryOp::TrueDivide:
      if (y == 0.0) { vm.raise(t, vm.types.ZeroDivisionError, "float division by zero"); return OpStatus::Raise; }
      *out = Value::flt(x / y);
      return OpStatus::Ok;
    case BinaryOp::FloorDivide: case BinaryOp::Remainder: {
      if (y == 0.0) {
        vm.raise(t, vm.types.ZeroDivisionError, op == BinaryOp::FloorDivide ? "float floor division by zero" : "float modulo");
        return OpStatus::Raise;
      }
      // CPython's float_divmod.
      double mod = std::fmod(x, y);
      double div = (x - mod) / y;
      if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) { mod += y; div -= 1.0; }
      } else {
        mod = std::copysign(0.0, y);
      }
      double floordiv;
      if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, x / y);
      }
      *out = Value::flt(op == BinaryOp::FloorDivide ? floordiv : mod);
      return OpStatus::Ok;
    }
    case BinaryOp::Power:
      if (x == 0.0 && y < 0) { vm.raise(t, vm.types.ZeroDivisionError, "0.0 cannot be raised to a negative power"); return OpStatus::Raise; }
      if (x < 0 && y != std::floor(y)) {
        vm.raise(t, vm.types.ValueError, "complex numbers are not supported by Interleave (negative number raised to a fractional power)");
        return OpStatus::Raise;
      }
      {
        double r = std::pow(x, y);
        if (std::isinf(r) && !std::isinf(x) && !std::isinf(y)) {
          vm.raise(t, vm.types.OverflowError, "(34, 'Numerical result out of range')");
          return OpStatus::Raise;
        }
        *out = Value::flt(r);
      }
      return OpStatus::Ok;
    default:
      return OpStatus::NotHandled;
  }
}

std::string percentFormat(Vm& vm, PyThread& t, const std::string& fmt, Value args, bool* ok);

OpStatus sequenceRepeat(Vm& vm, PyThread& t, Value seq, Value count, Value* out) {
  if (!isIntLike(count)) return OpStatus::NotHandled;
  BigInt nb = toBigInt(count);
  int64_t n = nb.fitsInt64() ? nb.toInt64() : (nb.isNegative() ? 0 : INT64_MAX);
  if (n < 0) n = 0;
  Obj* o = seq.asObj();
  if (o->kind == ObjKind::Str) {
    const std::string& s = static_cast<StrObj*>(o)->s;
    if (!s.empty() && static_cast<double>(s.size()) * static_cast<double>(n) > kMaxSequenceLength) {
      vm.raise(t, vm.types.MemoryError, "");
      return OpStatus::Raise;
    }
    std::string r;
    r.reserve(s.size() * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) r += s;
    *out = vm.str(r);
    return OpStatus::Ok;
  }
  const std::vector<Value>& items = o->kind == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
  if (!items.empty() && static_cast<double>(items.size()) * static_cast<double>(n) > kMaxSequenceLength) {
    vm.raise(t, vm.types.MemoryError, "");
    return OpStatus::Raise;
  }
  std::vector<Value> r;
  r.reserve(items.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) r.insert(r.end(), items.begin(), items.end());
  *out = o->kind == ObjKind::List ? vm.list(std::move(r)) : vm.tuple(std::move(r));
  return OpStatus::Ok;
}
}  // namespace

OpStatus nativeBinary(Vm& vm, PyThread& t, BinaryOp op, Value a, Value b, Value* out) {
  bool inplace = static_cast<int>(op) >= kInplaceOffset;
  BinaryOp base = inplace ? static_cast<BinaryOp>(static_cast<int>(op) - kInplaceOffset) : op;
  if (isIntLike(a) && isIntLike(b)) {
    OpStatus s = intOp(vm, t, base, a, b, out);
    if (s != OpStatus::NotHandled) return s;
  }
  if ((a.isFloat() || isIntLike(a)) && (b.isFloat() || isIntLike(b))) {
    double x, y;
    if (!toDouble(a, &x) || !toDouble(b, &y)) {
      vm.raise(t, vm.types.OverflowError, "int too large to convert to float");
      return OpStatus::Raise;
    }
    OpStatus s = floatOp(vm, t, base, x, y, out);
    if (s != OpStatus::NotHandled) return s;
  }
  if (a.isObj() && a.asObj()->kind == ObjKind::Instance) return OpStatus::NotHandled;
  if (b.isObj() && b.asObj()->kind == ObjKind::Instance) return OpStatus::NotHandled;
  if (isStr(a)) {
    if (base == BinaryOp::Add) {
      if (!isStr(b)) return typeError(vm, t, "can only concatenate str (not \"" + vm.typeName(b) + "\") to str");
      if (asStr(a)->s.size() + asStr(b)->s.size() > static_cast<size_t>(kMaxSequenceLength)) {
        vm.raise(t, vm.types.MemoryError, "");
        return OpStatus::Raise;
      }
      *out = vm.str(asStr(a)->s + asStr(b)->s);
      return OpStatus::Ok;
    }
    if (base == BinaryOp::Multiply) {
      OpStatus s = sequenceRepeat(vm, t, a, b, out);
      if (s != OpStatus::NotHandled) return s;
    }
    if (base == BinaryOp::Remainder) {
      bool ok = true;
      std::string r = percentFormat(vm, t, asStr(a)->s, b, &ok);
      if (!ok) return OpStatus::Raise;
      *out = vm.str(r);
      return OpStatus::Ok;
    }
  }
  if (isKind(a, ObjKind::List) || isKind(a, ObjKind::Tuple)) {
    if (base == BinaryOp::Add) {
      if (a.asObj()->kind != (b.isObj() ? b.asObj()->kind : ObjKind::Str) || !b.isObj()) {
        const char* n = a.asObj()->kind == ObjKind::List ? "list" : "tuple";
        return typeError(vm, t, std::string("can only concatenate ") + n + " (not \"" + vm.typeName(b) + "\") to " + n);
      }
      if (inplace && a.asObj()->kind == ObjKind::List) {
        auto& items = static_cast<ListObj*>(a.asObj())->items;
        auto other = static_cast<ListObj*>(b.asObj())->items;
        items.insert(items.end(), other.begin(), other.end());
        *out = a;
        return OpStatus::Ok;
      }
      std::vector<Value> r = a.asObj()->kind == ObjKind::List ? static_cast<ListObj*>(a.asObj())->items : static_cast<TupleObj*>(a.asObj())->items;
      const auto& other = b.asObj()->kind == ObjKind::List ? static_cast<ListObj*>(b.asObj())->items : static_cast<TupleObj*>(b.asObj())->items;
      r.insert(r.end(), other.begin(), other.end());
      *out = a.asObj()->kind == ObjKind::List ? vm.list(std::move(r)) : vm.tuple(std::move(r));
      return OpStatus::Ok;
    }
    if (base == BinaryOp::Multiply) {
      OpStatus s = sequenceRepeat(vm, t, a, b, out);
      if (s != OpStatus::NotHandled) return s;
    }
  }
  if (isIntLike(a) && base == BinaryOp::Multiply && (isStr(b) || isKind(b, ObjKind::List) || isKind(b, ObjKind::Tuple))) {
    return sequenceRepeat(vm, t, b, a, out);
  }
  if (base == BinaryOp::Multiply && (isStr(a) || isKind(a, ObjKind::List) || isKind(a, ObjKind::Tuple) ||
                                     isStr(b) || isKind(b, ObjKind::List) || isKind(b, ObjKind::Tuple))) {
    Value other = (isStr(a) || isKind(a, ObjKind::List) || isKind(a, ObjKind::Tuple)) ? b : a;
    return typeError(vm, t, "can't multiply sequence by non-int of type '" + vm.typeName(other) + "'");
  }
  if (isKind(a, ObjKind::List) && inplace && base == BinaryOp::Add) {
    std::vector<Value> items;
    if (!vm.iterate(t, b, &items)) return OpStatus::Raise;
    auto& l = static_cast<ListObj*>(a.asObj())->items;
    l.insert(l.end(), items.begin(), items.end());
    *out = a;
    return OpStatus::Ok;
  }
  if (isKind(a, ObjKind::Set) && isKind(b, ObjKind::Set) &&
      (base == BinaryOp::Or || base == BinaryOp::And || base == BinaryOp::Subtract || base == BinaryOp::Xor)) {
    auto* x = static_cast<SetObj*>(a.asObj());
    auto* y = static_cast<SetObj*>(b.asObj());
    SetObj* r = vm.heap.make<SetObj>();
    r->frozen = x->frozen;
    auto has = [&](SetObj* s, Value k, bool* found) {
      Value dummy;
      return vm.dictGet(t, &s->table, k, &dummy, found);
    };
    for (int32_t xi : std::vector<int32_t>(setOrder(x))) {
      const DictEntry& e = x->table.entries[static_cast<size_t>(xi)];
      bool inY;
      if (!has(y, e.key, &inY)) return OpStatus::Raise;
      bool keep = base == BinaryOp::Or || (base == BinaryOp::And && inY) ||
                  ((base == BinaryOp::Subtract || base == BinaryOp::Xor) && !inY);
      if (keep && !vm.dictSet(t, &r->table, e.key, Value::none())) return OpStatus::Raise;
    }
    if (base == BinaryOp::Or || base == BinaryOp::Xor) {
      for (int32_t yi : std::vector<int32_t>(setOrder(y))) {
        const DictEntry& e = y->table.entries[static_cast<size_t>(yi)];
        bool inX;
        if (!has(x, e.key, &inX)) return OpStatus::Raise;
        if ((base == BinaryOp::Or || !inX) && !vm.dictSet(t, &r->table, e.key, Value::none())) return OpStatus::Raise;
      }
    }
    if (inplace && !x->frozen) {
      x->table = r->table;
      *out = a;
    } else {
      *out = Value::object(r);
    }
    return OpStatus::Ok;
  }
  if (isKind(a, ObjKind::Dict) && isKind(b, ObjKind::Dict) && base == BinaryOp::Or) {
    DictObj* r = inplace ? static_cast<DictObj*>(a.asObj()) : vm.newDict();
    if (!inplace) {
      for (const DictEntry& e : static_cast<DictObj*>(a.asObj())->entries)
        if (e.live && !vm.dictSet(t, r, e.key, e.value)) return OpStatus::Raise;
    }
    for (const DictEntry& e : static_cast<DictObj*>(b.asObj())->entries)
      if (e.live && !vm.dictSet(t, r, e.key, e.value)) return OpStatus::Raise;
    *out = Value::object(r);
    return OpStatus::Ok;
  }
  return typeError(vm, t, std::string("unsupported operand type(s) for ") + opSymbol(op) +
                              (inplace ? "=" : "") + ": '" + vm.typeName(a) + "' and '" + vm.typeName(b) + "'");
}

namespace {
// printf-style formatting: "%s %d %.2f" % args.
std::string percentFormat(Vm& vm, PyThread& t, const std::string& fmt, Value args, bool* ok) {
  std::vector<Value> values;
  DictObj* mapping = nullptr;
  if (isKind(args, ObjKind::Tuple)) values = static_cast<TupleObj*>(args.asObj())->items;
  else if (isKind(args, ObjKind::Dict)) mapping = static_cast<DictObj*>(args.asObj());
  else values.push_back(args);
  size_t next = 0;
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') { out += c; continue; }
    if (++i >= fmt.size()) { vm.raise(t, vm.types.ValueError, "incomplete format"); *ok = false; return ""; }
    Value arg = Value::undefined();
    if (fmt[i] == '(' && mapping) {
      size_t close = fmt.find(')', i);
      std::string key = fmt.substr(i + 1, close - i - 1);
      arg = vm.dictGetStr(mapping, key);
      if (arg.isUndefined()) {
        vm.raise(t, vm.types.KeyError, "'" + key + "'");
        *ok = false;
        return "";
      }
      i = close + 1;
    }
    std::string flags;
    while (i < fmt.size() && std::strchr("-+ #0", fmt[i])) flags += fmt[i++];
    std::string width;
    while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) width += fmt[i++];
    std::string prec;
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      prec = ".";
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) prec += fmt[i++];
    }
    if (i >= fmt.size()) { vm.raise(t, vm.types.ValueError, "incomplete format"); *ok = false; return ""; }
    char conv = fmt[i];
    if (conv == '%') { out += '%'; continue; }
    if (arg.isUndefined()) {
      if (next >= values.size()) { vm.raise(t, vm.types.TypeError, "not enough arguments for format string"); *ok = false; return ""; }
      arg = values[next++];
    }
    std::string piece;
    std::string spec;
    // Map to a format spec and reuse the format-spec implementation.
    char align = flags.find('-') != std::string::npos ? '<' : '>';
    std::string sign = flags.find('+') != std::string::npos ? "+" : flags.find(' ') != std::string::npos ? " " : "";
    bool zero = flags.find('0') != std::string::npos && align == '>';
    switch (conv) {
      case 's': case 'r': case 'a': {
        std::string s;
        if (!(conv == 's' ? vm.toStr(t, arg, &s) : vm.repr(t, arg, &s))) { *ok = false; return ""; }
        if (prec.size() > 1) s = s.substr(0, static_cast<size_t>(std::stoi(prec.substr(1))));
        spec = std::string(1, align) + width;
        FormatError fe;
        auto r = formatStr(s, spec, &fe);
        piece = r ? *r : s;
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c': case 'e': case 'E':
      case 'f': case 'F': case 'g': case 'G': {
        bool isInt = std::strchr("diuxXoc", conv) != nullptr;
        spec = (zero ? std::string("0") : std::string(1, align) ) ;
        spec = std::string(zero ? "" : std::string(1, align)) + sign + (zero ? "0" : "") + width + (isInt ? "" : prec) +
               std::string(1, conv == 'i' || conv == 'u' ? 'd' : conv);
        FormatError fe;
        std::optional<std::string> r;
        if (isInt) {
          Value iv = arg;
          if (arg.isFloat()) iv = makeInt(vm, BigInt::fromDouble(arg.asFloat()));
          if (!isIntLike(iv)) {
            vm.raise(t, vm.types.TypeError, std::string("%") + conv + " format: a real number is required, not " + vm.typeName(arg));
            *ok = false;
            return "";
          }
          r = formatInt(toBigInt(iv), spec, &fe);
        } else {
          double d;
          if (!toDouble(arg, &d)) {
            vm.raise(t, vm.types.TypeError, "must be real number, not " + vm.typeName(arg));
            *ok = false;
            return "";
          }
          r = formatFloat(d, spec, &fe);
        }
        if (!r) { vm.raise(t, vm.types.ValueError, fe.message); *ok = false; return ""; }
        piece = *r;
        break;
      }
      default:
        vm.raise(t, vm.types.ValueError, std::string("unsupported format character '") + conv + "'");
        *ok = false;
        return "";
    }
    out += piece;
  }
  if (!mapping && next < values.size()) {
    vm.raise(t, vm.types.TypeError, "not all arguments converted during string formatting");
    *ok = false;
    return "";
  }
  return out;
}
}  // namespace

OpStatus nativeCompare(Vm& vm, PyThread& t, CompareOp op, Value a, Value b, Value* out) {
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    if ((a.isObj() && a.asObj()->kind == ObjKind::Instance) || (b.isObj() && b.asObj()->kind == ObjKind::Instance)) {
      return OpStatus::NotHandled;
    }
    bool eq;
    if (!vm.equals(t, a, b, &eq)) return OpStatus::Raise;
    *out = Value::boolean(op == CompareOp::Eq ? eq : !eq);
    return OpStatus::Ok;
  }
  auto result = [&](int c) {
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = c < 0; break;
      case CompareOp::Le: r = c <= 0; break;
      case CompareOp::Gt: r = c > 0; break;
      case CompareOp::Ge: r = c >= 0; break;
      default: break;
    }
    *out = Value::boolean(r);
    return OpStatus::Ok;
  };
  if (isIntLike(a) && isIntLike(b)) {
    if ((a.isInt() || a.isBool()) && (b.isInt() || b.isBool())) return result(a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0);
    return result(BigInt::compare(toBigInt(a), toBigInt(b)));
  }
  if ((a.isFloat() || isIntLike(a)) && (b.isFloat() || isIntLike(b))) {
    if (a.isFloat() && b.isFloat()) {
      double x = a.asFloat(), y = b.asFloat();
      if (std::isnan(x) || std::isnan(y)) { *out = Value::boolean(false); return OpStatus::Ok; }
      return result(x < y ? -1 : x > y ? 1 : 0);
    }
    double f = a.isFloat() ? a.asFloat() : b.asFloat();
    if (std::isnan(f)) { *out = Value::boolean(false); return OpStatus::Ok; }
    int c = BigInt::compareWithDouble(toBigInt(a.isFloat() ? b : a), f);
    return result(a.isFloat() ? -c : c);
  }
  if (isStr(a) && isStr(b)) {
    int c = asStr(a)->s.compare(asStr(b)->s);  // UTF-8 byte order == code point order
    return result(c < 0 ? -1 : c > 0 ? 1 : 0);
  }
  if ((isKind(a, ObjKind::List) && isKind(b, ObjKind::List)) || (isKind(a, ObjKind::Tuple) && isKind(b, ObjKind::Tuple))) {
    const auto& p = isKind(a, ObjKind::List) ? static_cast<ListObj*>(a.asObj())->items : static_cast<TupleObj*>(a.asObj())->items;
    const auto& q = isKind(b, ObjKind::List) ? static_cast<ListObj*>(b.asObj())->items : static_cast<TupleObj*>(b.asObj())->items;
    size_t n = std::min(p.size(), q.size());
    for (size_t i = 0; i < n; ++i) {
      bool eq;
      if (!vm.equals(t, p[i], q[i], &eq)) return OpStatus::Raise;
      if (eq) continue;
      bool lt;
      if (!vm.lessThan(t, p[i], q[i], &lt)) return OpStatus::Raise;
      if (lt) return result(-1);
      bool gt;
      if (!vm.lessThan(t, q[i], p[i], &gt)) return OpStatus::Raise;
      return result(gt ? 1 : 0);
    }
    return result(p.size() < q.size() ? -1 : p.size() > q.size() ? 1 : 0);
  }
  if (isKind(a, ObjKind::Set) && isKind(b, ObjKind::Set)) {
    auto* x = static_cast<SetObj*>(a.asObj());
    auto* y = static_cast<SetObj*>(b.asObj());
    auto subset = [&](SetObj* s, SetObj* of, bool* r) {
      for (const DictEntry& e : s->table.entries) {
        if (!e.live) continue;
        Value d;
        bool f;
        if (!vm.dictGet(t, &of->table, e.key, &d, &f)) return false;
        if (!f) { *r = false; return true; }
      }
      *r = true;
      return true;
    };
    bool r = false;
    switch (op) {
      case CompareOp::Le: if (!subset(x, y, &r)) return OpStatus::Raise; break;
      case CompareOp::Lt: if (!subset(x, y, &r)) return OpStatus::Raise; r = r && x->table.used < y->table.used; break;
      case CompareOp::Ge: if (!subset(y, x, &r)) return OpStatus::Raise; break;
      case CompareOp::Gt: if (!subset(y, x, &r)) return OpStatus::Raise; r = r && x->table.used > y->table.used; break;
      default: break;
    }
    *out = Value::boolean(r);
    return OpStatus::Ok;
  }
  if ((a.isObj() && a.asObj()->kind == ObjKind::Instance) || (b.isObj() && b.asObj()->kind == ObjKind::Instance)) {
    return OpStatus::NotHandled;
  }
  static const char* syms[] = {"<", "<=", "==", "!=", ">", ">="};
  return typeError(vm, t, std::string("'") + syms[static_cast<int>(op)] + "' not supported between instances of '" +
                              vm.typeName(a) + "' and '" + vm.typeName(b) + "'");
}

OpStatus nativeUnary(Vm& vm, PyThread& t, Op op, Value a, Value* out) {
  if (op == Op::UNARY_NOT) {
    bool b;
    if (!vm.truthy(t, a, &b)) return OpStatus::Raise;
    *out = Value::boolean(!b);
    return OpStatus::Ok;
  }
  if (isIntLike(a)) {
    if (op == Op::UNARY_POSITIVE) { *out = a.isBool() ? Value::integer(a.asInt()) : a; return OpStatus::Ok; }
    if (op == Op::UNARY_NEGATIVE) {
      if ((a.isInt() || a.isBool()) && a.asInt() != INT64_MIN) { *out = Value::integer(-a.asInt()); return OpStatus::Ok; }
      *out = makeInt(vm, -toBigInt(a));
      return OpStatus::Ok;
    }
    if (op == Op::UNARY_INVERT) {
      if (a.isInt() || a.isBool()) { *out = Value::integer(~a.asInt()); return OpStatus::Ok; }
      *out = makeInt(vm, ~toBigInt(a));
      return OpStatus::Ok;
    }
  }
  if (a.isFloat()) {
    if (op == Op::UNARY_POSITIVE) { *out = a; return OpStatus::Ok; }
    if (op == Op::UNARY_NEGATIVE) { *out = Value::flt(-a.asFloat()); return OpStatus::Ok; }
  }
  if (a.isObj() && a.asObj()->kind == ObjKind::Instance) return OpStatus::NotHandled;
  const char* sym = op == Op::UNARY_NEGATIVE ? "-" : op == Op::UNARY_POSITIVE ? "+" : "~";
  return typeError(vm, t, std::string("bad operand type for unary ") + sym + ": '" + vm.typeName(a) + "'");
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Containers
//-----------------------------------------------------------------------------------------------
namespace {
// Byte offset of code point `index` in a UTF-8 string.
size_t byteOffset(const std::string& s, int64_t index) {
  size_t i = 0;
  for (int64_t n = 0; n < index && i < s.size(); ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}
bool isAscii(StrObj* s) { return strLength(s) == static_cast<int64_t>(s->s.size()); }

// slice.indices(length) with CPython's clamping rules.
bool sliceIndices(Vm& vm, PyThread& t, SliceObj* sl, int64_t len, int64_t* start, int64_t* stop, int64_t* step) {
  auto get = [&](Value v, int64_t* out, bool* present) {
    *present = !v.isNone();
    if (!*present) return true;
    if (!isIntLike(v)) {
      vm.raise(t, vm.types.TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    BigInt b = toBigInt(v);
    *out = b.fitsInt64() ? b.toInt64() : (b.isNegative() ? INT64_MIN / 2 : INT64_MAX / 2);
    return true;
  };
  bool hasStart, hasStop, hasStep;
  *step = 1;
  if (!get(sl->step, step, &hasStep)) return false;
  if (*step == 0) { vm.raise(t, vm.types.ValueError, "slice step cannot be zero"); return false; }
  if (!get(sl->start, start, &hasStart) || !get(sl->stop, stop, &hasStop)) return false;
  if (!hasStart) *start = *step < 0 ? len - 1 : 0;
  else {
    if (*start < 0) { *start += len; if (*start < 0) *start = *step < 0 ? -1 : 0; }
    else if (*start >= len) *start = *step < 0 ? len - 1 : len;
  }
  if (!hasStop) *stop = *step < 0 ? -1 : len;
  else {
    if (*stop < 0) { *stop += len; if (*stop < 0) *stop = *step < 0 ? -1 : 0; }
    else if (*stop >= len) *stop = *step < 0 ? len - 1 : len;
  }
  return true;
}

std::vector<int64_t> sliceRange(int64_t start, int64_t stop, int64_t step) {
  std::vector<int64_t> out;
  if (step > 0) for (int64_t i = start; i < stop; i += step) out.push_back(i);
  else for (int64_t i = start; i > stop; i += step) out.push_back(i);
  return out;
}

bool indexOf(Vm& vm, PyThread& t, Value key, int64_t len, const char* what, int64_t* out) {
  if (!isIntLike(key)) {
    vm.raise(t, vm.types.TypeError, std::string(what) + " indices must be integers or slices, not " + vm.typeName(key));
    return false;
  }
  BigInt b = toBigInt(key);
  int64_t i = b.fitsInt64() ? b.toInt64() : INT64_MAX;
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    vm.raise(t, vm.types.IndexError, std::string(what) + " index out of range");
    return false;
  }
  *out = i;
  return true;
}
}  // namespace

OpStatus nativeGetItem(Vm& vm, PyThread& t, Value c, Value key, Value* out) {
  if (!c.isObj()) {
    return typeError(vm, t, "'" + vm.typeName(c) + "' object is not subscriptable");
  }
  Obj* o = c.asObj();
  switch (o->kind) {
    case ObjKind::List: case ObjKind::Tuple: {
      const auto& items = o->kind == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
      const char* what = o->kind == ObjKind::List ? "list" : "tuple";
      if (isKind(key, ObjKind::Slice)) {
        int64_t start, stop, step;
        if (!sliceIndices(vm, t, static_cast<SliceObj*>(key.asObj()), static_cast<int64_t>(items.size()), &start, &stop, &step)) return OpStatus::Raise;
        std::vector<Value> r;
        for (int64_t i : sliceRange(start, stop, step)) r.push_back(items[static_cast<size_t>(i)]);
        *out = o->kind == ObjKind::List ? vm.list(std::move(r)) : vm.tuple(std::move(r));
        return OpStatus::Ok;
      }
      int64_t i;
      if (!indexOf(vm, t, key, static_cast<int64_t>(items.size()), what, &i)) return OpStatus::Raise;
      *out = items[static_cast<size_t>(i)];
      return OpStatus::Ok;
    }
    case ObjKind::Str: {
      auto* s = static_cast<StrObj*>(o);
      int64_t len = strLength(s);
      bool ascii = isAscii(s);
      if (isKind(key, ObjKind::Slice)) {
        int64_t start, stop, step;
        if (!sliceIndices(vm, t, static_cast<SliceObj*>(key.asObj()), len, &start, &stop, &step)) return OpStatus::Raise;
        std::string r;
        if (ascii && step == 1) {
          if (stop > start) r = s->s.substr(static_cast<size_t>(start), static_cast<size_t>(stop - start));
        } else {
          for (int64_t i : sliceRange(start, stop, step)) {
            size_t b = ascii ? static_cast<size_t>(i) : byteOffset(s->s, i);
            size_t e = ascii ? b + 1 : byteOffset(s->s, i + 1);
            r.append(s->s, b, e - b);
          }
        }
        *out = vm.str(r);
        return OpStatus::Ok;
      }
      if (!isIntLike(key)) {
        return typeError(vm, t, "string indices must be integers, not '" + vm.typeName(key) + "'");
      }
      int64_t i;
      if (!indexOf(vm, t, key, len, "string", &i)) return OpStatus::Raise;
      size_t b = ascii ? static_cast<size_t>(i) : byteOffset(s->s, i);
      size_t e = ascii ? b + 1 : byteOffset(s->s, i + 1);
      *out = vm.str(s->s.substr(b, e - b));
      return OpStatus::Ok;
    }
    case ObjKind::Dict: {
      bool found;
      if (!vm.dictGet(t, static_cast<DictObj*>(o), key, out, &found)) return OpStatus::Raise;
      if (!found) {
        t.raising = vm.newExceptionArgs(vm.types.KeyError, {key});
        return OpStatus::Raise;
      }
      return OpStatus::Ok;
    }
    case ObjKind::Range: {
      auto* r = static_cast<RangeObj*>(o);
      if (isKind(key, ObjKind::Slice)) {
        int64_t start, stop, step;
        if (!sliceIndices(vm, t, static_cast<SliceObj*>(key.asObj()), r->length(), &start, &stop, &step)) return OpStatus::Raise;
        RangeObj* nr = vm.heap.make<RangeObj>();
        nr->start = r->start + start * r->step;
        nr->stop = r->start + stop * r->step;
        nr->step = r->step * step;
        *out = Value::object(nr);
        return OpStatus::Ok;
      }
      int64_t i;
      if (!indexOf(vm, t, key, r->length(), "range object", &i)) return OpStatus::Raise;
      *out = Value::integer(r->start + i * r->step);
      return OpStatus::Ok;
    }
    case ObjKind::Instance:
      return OpStatus::NotHandled;
    case ObjKind::Type:
      // list[int] and friends: generic aliases in annotations; return the type itself.
      *out = c;
      return OpStatus::Ok;
    default:
      return typeError(vm, t, "'" + vm.typeName(c) + "' object is not subscriptable");
  }
}

OpStatus nativeSetItem(Vm& vm, PyThread& t, Value c, Value key, Value value) {
  if (isKind(c, ObjKind::List)) {
    auto& items = static_cast<ListObj*>(c.asObj())->items;
    if (isKind(key, ObjKind::Slice)) {
      int64_t start, stop, step;
      if (!sliceIndices(vm, t, static_cast<SliceObj*>(key.asObj()), static_cast<int64_t>(items.size()), &start, &stop, &step)) return OpStatus::Raise;
      std::vector<Value> src;
      if (!vm.iterate(t, value, &src)) return OpStatus::Raise;
      if (step == 1) {
        if (stop < start) stop = start;
        items.erase(items.begin() + start, items.begin() + stop);
        items.insert(items.begin() + start, src.begin(), src.end());
        return OpStatus::Ok;
      }
      std::vector<int64_t> idx = sliceRange(start, stop, step);
      if (idx.size() != src.size()) {
        return typeError(vm, t, "attempt to assign sequence of size " + std::to_string(src.size()) +
                                    " to extended slice of size " + std::to_string(idx.size()));
      }
      for (size_t i = 0; i < idx.size(); ++i) items[static_cast<size_t>(idx[i])] = src[i];
      return OpStatus::Ok;
    }
    int64_t i;
    if (!indexOf(vm, t, key, static_cast<int64_t>(items.size()), "list assignment", &i)) {
      return OpStatus::Raise;
    }
    items[static_cast<size_t>(i)] = value;
    return OpStatus::Ok;
  }
  if (isKind(c, ObjKind::Dict)) {
    return vm.dictSet(t, static_cast<DictObj*>(c.asObj()), key, value) ? OpStatus::Ok : OpStatus::Raise;
  }
  if (isKind(c, ObjKind::Instance)) return OpStatus::NotHandled;
  return typeError(vm, t, "'" + vm.typeName(c) + "' object does not support item assignment");
}

OpStatus nativeDelItem(Vm& vm, PyThread& t, Value c, Value key) {
  if (isKind(c, ObjKind::List)) {
    auto& items = static_cast<ListObj*>(c.asObj())->items;
    if (isKind(key, ObjKind::Slice)) {
      int64_t start, stop, step;
      if (!sliceIndices(vm, t, static_cast<SliceObj*>(key.asObj()), static_cast<int64_t>(items.size()), &start, &stop, &step)) return OpStatus::Raise;
      std::vector<int64_t> idx = sliceRange(start, stop, step);
      std::sort(idx.begin(), idx.end());
      for (size_t k = idx.size(); k-- > 0;) items.erase(items.begin() + idx[k]);
      return OpStatus::Ok;
    }
    int64_t i;
    if (!indexOf(vm, t, key, static_cast<int64_t>(items.size()), "list assignment", &i)) return OpStatus::Raise;
    items.erase(items.begin() + i);
    return OpStatus::Ok;
  }
  if (isKind(c, ObjKind::Dict)) {
    bool found;
    if (!vm.dictDel(t, static_cast<DictObj*>(c.asObj()), key, &found)) return OpStatus::Raise;
    if (!found) {
      t.raising = vm.newExceptionArgs(vm.types.KeyError, {key});
      return OpStatus::Raise;
    }
    return OpStatus::Ok;
  }
  if (isKind(c, ObjKind::Instance)) return OpStatus::NotHandled;
  return typeError(vm, t, "'" + vm.typeName(c) + "' object doesn't support item deletion");
}

OpStatus nativeContains(Vm& vm, PyThread& t, Value c, Value item, bool* out) {
  if (!c.isObj()) return typeError(vm, t, "argument of type '" + vm.typeName(c) + "' is not iterable");
  Obj* o = c.asObj();
  switch (o->kind) {
    case ObjKind::List: case ObjKind::Tuple: {
      const auto& items = o->kind == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
      for (const Value& v : items) {
        bool eq;
        if (!vm.equals(t, v, item, &eq)) return OpStatus::Raise;
        if (eq) { *out = true; return OpStatus::Ok; }
      }
      *out = false;
      return OpStatus::Ok;
    }
    case ObjKind::Str:
      if (!isStr(item)) return typeError(vm, t, "'in <string>' requires string as left operand, not " + vm.typeName(item));
      *out = static_cast<StrObj*>(o)->s.find(asStr(item)->s) != std::string::npos;
      return OpStatus::Ok;
    case ObjKind::Dict: case ObjKind::Set: {
      DictObj* d = o->kind == ObjKind::Dict ? static_cast<DictObj*>(o) : &static_cast<SetObj*>(o)->table;
      Value dummy;
      if (!vm.dictGet(t, d, item, &dummy, out)) return OpStatus::Raise;
      return OpStatus::Ok;
    }
    case ObjKind::DictView: {
      auto* dv = static_cast<DictViewObj*>(o);
      if (dv->view == ViewKind::Keys) {
        Value dummy;
        if (!vm.dictGet(t, dv->dict, item, &dummy, out)) return OpStatus::Raise;
        return OpStatus::Ok;
      }
      for (const DictEntry& e : dv->dict->entries) {
        if (!e.live) continue;
        Value v = dv->view == ViewKind::Values ? e.value : vm.tuple({e.key, e.value});
        bool eq;
        if (!vm.equals(t, v, item, &eq)) return OpStatus::Raise;
        if (eq) { *out = true; return OpStatus::Ok; }
      }
      *out = false;
      return OpStatus::Ok;
    }
    case ObjKind::Range: {
      auto* r = static_cast<RangeObj*>(o);
      if (!isIntLike(item)) {
        *out = false;
        for (int64_t i = 0, n = r->length(); i < n && !*out; ++i) {
          bool eq;
          if (!vm.equals(t, Value::integer(r->start + i * r->step), item, &eq)) return OpStatus::Raise;
          *out = eq;
        }
        return OpStatus::Ok;
      }
      BigInt b = toBigInt(item);
      if (!b.fitsInt64()) { *out = false; return OpStatus::Ok; }
      int64_t v = b.toInt64();
      if (r->step > 0) *out = v >= r->start && v < r->stop && (v - r->start) % r->step == 0;
      else *out = v <= r->start && v > r->stop && (r->start - v) % (-r->step) == 0;
      return OpStatus::Ok;
    }
    default:
      return OpStatus::NotHandled;
  }
}

OpStatus nativeIter(Vm& vm, PyThread& t, Value v, Value* out) {
  if (!v.isObj()) return typeError(vm, t, "'" + vm.typeName(v) + "' object is not iterable");
  Obj* o = v.asObj();
  IteratorObj* it = nullptr;
  auto make = [&](IterKind k, Value src) {
    it = vm.heap.make<IteratorObj>();
    it->iterKind = k;
    it->source = src;
  };
  switch (o->kind) {
    case ObjKind::List: make(IterKind::List, v); break;
    case ObjKind::Tuple: make(IterKind::Tuple, v); break;
    case ObjKind::Str: make(IterKind::Str, v); break;
    case ObjKind::Dict: make(IterKind::DictKeys, v); break;
    case ObjKind::Set:
      make(IterKind::Set, v);
      it->order = setOrder(static_cast<SetObj*>(o));
      break;
    case ObjKind::Range: {
      auto* r = static_cast<RangeObj*>(o);
      make(IterKind::Range, v);
      it->rangeNext = r->start;
      it->rangeStop = r->stop;
      it->rangeStep = r->step;
      break;
    }
    case ObjKind::DictView: {
      auto* dv = static_cast<DictViewObj*>(o);
      make(dv->view == ViewKind::Keys ? IterKind::DictKeys : dv->view == ViewKind::Values ? IterKind::DictValues : IterKind::DictItems,
           Value::object(dv->dict));
      break;
    }
    case ObjKind::Iterator: case ObjKind::Generator:
      *out = v;
      return OpStatus::Ok;
    case ObjKind::Instance:
      return OpStatus::NotHandled;
    default:
      return typeError(vm, t, "'" + vm.typeName(v) + "' object is not iterable");
  }
  *out = Value::object(it);
  return OpStatus::Ok;
}

OpStatus nativeNext(Vm& vm, PyThread& t, Value v, Value* out, bool* done) {
  *done = false;
  if (!isKind(v, ObjKind::Iterator)) return OpStatus::NotHandled;
  auto* it = static_cast<IteratorObj*>(v.asObj());
  switch (it->iterKind) {
    case IterKind::List: case IterKind::Tuple: {
      Obj* src = it->source.asObj();
      const auto& items = src->kind == ObjKind::List ? static_cast<ListObj*>(src)->items : static_cast<TupleObj*>(src)->items;
      if (it->index >= static_cast<int64_t>(items.size())) { *done = true; return OpStatus::Ok; }
      *out = items[static_cast<size_t>(it->index++)];
      return OpStatus::Ok;
    }
    case IterKind::ListReverse: {
      const auto& items = static_cast<ListObj*>(it->source.asObj())->items;
      if (it->index < 0 || it->index >= static_cast<int64_t>(items.size())) { *done = true; return OpStatus::Ok; }
      *out = items[static_cast<size_t>(it->index--)];
      return OpStatus::Ok;
    }
    case IterKind::Str: {
      const std::string& s = static_cast<StrObj*>(it->source.asObj())->s;
      size_t i = static_cast<size_t>(it->index);
      if (i >= s.size()) { *done = true; return OpStatus::Ok; }
      size_t e = i + 1;
      while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
      *out = vm.str(s.substr(i, e - i));
      it->index = static_cast<int64_t>(e);
      return OpStatus::Ok;
    }
    case IterKind::Range: return rangeNext(it, out, done);
    case IterKind::DictKeys: case IterKind::DictValues: case IterKind::DictItems: case IterKind::Set: {
      DictObj* d = it->iterKind == IterKind::Set ? &static_cast<SetObj*>(it->source.asObj())->table
                                                 : static_cast<DictObj*>(it->source.asObj());
      if (it->rangeStop == 0) it->rangeStop = d->used + 1;  // remembers the size at start
      if (d->used + 1 != it->rangeStop) {
        vm.raise(t, vm.types.RuntimeError, it->iterKind == IterKind::Set ? "Set changed size during iteration" : "dictionary changed size during iteration");
        return OpStatus::Raise;
      }
      if (it->iterKind == IterKind::Set) {
        while (it->index < static_cast<int64_t>(it->order.size()) &&
               !d->entries[static_cast<size_t>(it->order[static_cast<size_t>(it->index)])].live) ++it->index;
        if (it->index >= static_cast<int64_t>(it->order.size())) { *done = true; return OpStatus::Ok; }
        *out = d->entries[static_cast<size_t>(it->order[static_cast<size_t>(it->index++)])].key;
        return OpStatus::Ok;
      }
      while (it->index < static_cast<int64_t>(d->entries.size()) && !d->entries[static_cast<size_t>(it->index)].live) ++it->index;
      if (it->index >= static_cast<int64_t>(d->entries.size())) { *done = true; return OpStatus::Ok; }
      const DictEntry& e = d->entries[static_cast<size_t>(it->index++)];
      if (it->iterKind == IterKind::DictValues) *out = e.value;
      else if (it->iterKind == IterKind::DictItems) *out = vm.tuple({e.key, e.value});
      else *out = e.key;
      return OpStatus::Ok;
    }
    case IterKind::CallIter:
      return OpStatus::NotHandled;
  }
  return OpStatus::NotHandled;
}

OpStatus nativeLen(Vm& vm, PyThread& t, Value v, int64_t* out) {
  if (v.isObj()) {
    Obj* o = v.asObj();
    switch (o->kind) {
      case ObjKind::Str: *out = strLength(static_cast<StrObj*>(o)); return OpStatus::Ok;
      case ObjKind::List: *out = static_cast<int64_t>(static_cast<ListObj*>(o)->items.size()); return OpStatus::Ok;
      case ObjKind::Tuple: *out = static_cast<int64_t>(static_cast<TupleObj*>(o)->items.size()); return OpStatus::Ok;
      case ObjKind::Dict: *out = static_cast<DictObj*>(o)->used; return OpStatus::Ok;
      case ObjKind::Set: *out = static_cast<SetObj*>(o)->table.used; return OpStatus::Ok;
      case ObjKind::Range: *out = static_cast<RangeObj*>(o)->length(); return OpStatus::Ok;
      case ObjKind::DictView: *out = static_cast<DictViewObj*>(o)->dict->used; return OpStatus::Ok;
      case ObjKind::Instance: return OpStatus::NotHandled;
      default: break;
    }
  }
  return typeError(vm, t, "object of type '" + vm.typeName(v) + "' has no len()");
}

bool Vm::iterate(PyThread& t, Value iterable, std::vector<Value>* out) {
  Value it;
  OpStatus s = nativeIter(*this, t, iterable, &it);
  if (s == OpStatus::Raise) return false;
  if (s == OpStatus::NotHandled || (it.isObj() && it.asObj()->kind == ObjKind::Generator)) {
    // Python-level iteration from C++: the prelude's _materialise runs it re-entrantly.
    Value result;
    if (!callReentrant(t, dictGetStr(builtins, "_materialise"), {iterable}, &result)) return false;
    *out = static_cast<ListObj*>(result.asObj())->items;
    return true;
  }
  for (;;) {
    Value v;
    bool done;
    OpStatus n = nativeNext(*this, t, it, &v, &done);
    if (n == OpStatus::Raise) return false;
    if (done) return true;
    out->push_back(v);
  }
}

bool isExceptionInstance(const Value& v) {
  return v.isObj() && v.asObj()->kind == ObjKind::Instance && static_cast<InstanceObj*>(v.asObj())->exc;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Attributes
//-----------------------------------------------------------------------------------------------
bool Vm::lookupAttr(Value obj, const std::string& name, Value* out) {
  if (!obj.isObj()) return false;
  Obj* o = obj.asObj();
  if (o->kind == ObjKind::Instance) {
    auto* inst = static_cast<InstanceObj*>(o);
    if (inst->dict) {
      Value v = dictGetStr(inst->dict, name);
      if (!v.isUndefined()) { *out = v; return true; }
    }
    Value v = findClassAttr(inst->cls, name);
    if (!v.isUndefined()) { *out = v; return true; }
  }
  if (o->kind == ObjKind::Module) {
    Value v = dictGetStr(static_cast<ModuleObj*>(o)->dict, name);
    if (!v.isUndefined()) { *out = v; return true; }
  }
  if (o->kind == ObjKind::Type) {
    Value v = findClassAttr(static_cast<TypeObj*>(o), name);
    if (!v.isUndefined()) { *out = v; return true; }
  }
  return false;
}

}  // namespace interleave::lang
