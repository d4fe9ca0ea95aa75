// Builtin functions and constructors of builtin types.
//
// [SECTION] Helpers
// [SECTION] Constructors     int(), str(), list(), ... exception __init__, property, super
// [SECTION] Functions        print, len, isinstance, sum, min, max, sorted, ...
// [SECTION] Prelude          builtins written in Python (they call back into Python code, so
//                            they must be able to stop at any instruction like user code)
// [SECTION] Installation
#include <algorithm>
#include <cmath>

#include "compiler.h"
#include "methods.h"
#include "number_format.h"
#include "parser.h"
#include "vm_internal.h"

namespace interleave::lang {

Value prelude(Vm& vm, const char* name) { return vm.dictGetStr(vm.builtins, name); }

bool nativeItems(Vm& vm, PyThread& t, Value v, std::vector<Value>* out, bool* raised) {
  *raised = false;
  if (isKind(v, ObjKind::List)) { *out = static_cast<ListObj*>(v.asObj())->items; return true; }
  if (isKind(v, ObjKind::Tuple)) { *out = static_cast<TupleObj*>(v.asObj())->items; return true; }
  if (isKind(v, ObjKind::Instance) || isKind(v, ObjKind::Generator)) return false;
  Value it;
  OpStatus s = nativeIter(vm, t, v, &it);
  if (s == OpStatus::Raise) { *raised = true; return false; }
  if (s != OpStatus::Ok || isKind(it, ObjKind::Generator)) return false;
  if (isKind(v, ObjKind::Range) && static_cast<RangeObj*>(v.asObj())->length() > kMaxSequenceLength) {
    vm.raise(t, vm.types.MemoryError, "");
    *raised = true;
    return false;
  }
  for (;;) {
    Value x;
    bool done;
    OpStatus n = nativeNext(vm, t, it, &x, &done);
    if (n == OpStatus::Raise) { *raised = true; return false; }
    if (n != OpStatus::Ok) return false;
    if (done) return true;
    out->push_back(x);
  }
}

std::string strRepr(const std::string& s);
uint64_t objectId(const Obj* o);

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------------------------

// Per-item CPU cost of C loops inside builtins (CPython 3.11 on the dev machine, see
// docs/cost-model.md): summing a range/list, min/max, any/all, building a list from a list.
constexpr Nanos kSumPerItemNs = 12;
constexpr Nanos kMinMaxPerItemNs = 14;
constexpr Nanos kCopyPerItemNs = 4;
constexpr Nanos kTruthPerItemNs = 6;
constexpr Nanos kPrintBaseNs = 900;  // print(): str() of the arguments and a write(2) to a pipe

NativeResult argCount(Vm& vm, NativeCall& c, size_t lo, size_t hi) {
  size_t n = c.argc();
  if (n >= lo && n <= hi) return NativeResult::ret(Value::undefined());
  std::string name = c.callee->name;
  if (lo == hi) {
    if (lo == 0) return vm.raise(*c.thread, vm.types.TypeError, name + "() takes no arguments (" + std::to_string(n) + " given)");
    if (lo == 1) return vm.raise(*c.thread, vm.types.TypeError, name + "() takes exactly one argument (" + std::to_string(n) + " given)");
    return vm.raise(*c.thread, vm.types.TypeError, name + " expected " + std::to_string(lo) + " arguments, got " + std::to_string(n));
  }
  if (n < lo) return vm.raise(*c.thread, vm.types.TypeError, name + " expected at least " + std::to_string(lo) + " argument" + (lo == 1 ? "" : "s") + ", got " + std::to_string(n));
  return vm.raise(*c.thread, vm.types.TypeError, name + " expected at most " + std::to_string(hi) + " argument" + (hi == 1 ? "" : "s") + ", got " + std::to_string(n));
}
#define CHECK_ARGS(lo, hi)                                   \
  do {                                                       \
    NativeResult _r = argCount(vm, c, lo, hi);               \
    if (_r.kind == NativeResult::Kind::Raise) return _r;     \
  } while (0)
#define NO_KWARGS()                                                                           \
  do {                                                                                        \
    if (!c.kwargs.empty())                                                                    \
      return vm.raise(*c.thread, vm.types.TypeError, c.callee->name + "() takes no keyword arguments"); \
  } while (0)


bool toIndex(Vm& vm, PyThread& t, Value v, int64_t* out, const char* what = nullptr) {
  if (v.isInt() || v.isBool()) { *out = v.asInt(); return true; }
  if (isKind(v, ObjKind::BigInt)) {
    vm.raise(t, vm.types.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  vm.raise(t, vm.types.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
  (void)what;
  return false;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Constructors
//-----------------------------------------------------------------------------------------------
NativeResult new_object(Vm& vm, NativeCall& c) {
  auto* inst = vm.heap.make<InstanceObj>();
  inst->cls = vm.types.object_;
  return NativeResult::ret(Value::object(inst));
}

NativeResult intParseFailure(Vm& vm, NativeCall& c, IntParseError e, size_t digits, int64_t base, const std::string& text) {
  if (e == IntParseError::TooManyDigits) {
    return vm.raise(*c.thread, vm.types.ValueError, "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                                                        std::to_string(digits) + " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  // CPython shows at most 200 characters of the text.
  std::string shown = strRepr(text);
  size_t cps = 0, cut = shown.size();
  for (size_t i = 0; i < shown.size(); ++i) {
    if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80 && cps++ == 200) { cut = i; break; }
  }
  return vm.raise(*c.thread, vm.types.ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + shown.substr(0, cut));
}

NativeResult new_int(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(0, 2);
  if (c.argc() == 0) return NativeResult::ret(Value::integer(0));
  Value v = c.args[0];
  if (c.argc() == 2) {
    if (!isKind(v, ObjKind::Str)) return vm.raise(*c.thread, vm.types.TypeError, "int() can't convert non-string with explicit base");
    int64_t base;
    if (!toIndex(vm, *c.thread, c.args[1], &base)) return NativeResult::raise();
    if (base != 0 && (base < 2 || base > 36)) return vm.raise(*c.thread, vm.types.ValueError, "int() base must be >= 2 and <= 36, or 0");
    IntParseError e;
    size_t digits = 0;
    auto r = parseIntLiteral(asStr(v)->s, static_cast<int>(base), &e, &digits);
    if (!r) return intParseFailure(vm, c, e, digits, base, asStr(v)->s);
    return NativeResult::ret(makeInt(vm, *r));
  }
  if (v.isInt()) return NativeResult::ret(v);
  if (v.isBool()) return NativeResult::ret(Value::integer(v.asInt()));
  if (isKind(v, ObjKind::BigInt)) return NativeResult::ret(v);
  if (v.isFloat()) {
    double d = v.asFloat();
    if (std::isnan(d)) return vm.raise(*c.thread, vm.types.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) return vm.raise(*c.thread, vm.types.OverflowError, "cannot convert float infinity to integer");
    return NativeResult::ret(makeInt(vm, BigInt::fromDouble(d)));
  }
  if (isKind(v, ObjKind::Str)) {
    IntParseError e;
    size_t digits = 0;
    auto r = parseIntLiteral(asStr(v)->s, 10, &e, &digits);
    if (!r) return intParseFailure(vm, c, e, digits, 10, asStr(v)->s);
    return NativeResult::ret(makeInt(vm, *r));
  }
  for (const char* m : {"__int__", "__index__"}) {
    Value f = findDunder(vm, v, m);
    if (!f.isUndefined()) return NativeResult::tailCall(f, {v});
  }
  return vm.raise(*c.thread, vm.types.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '" + vm.typeName(v) + "'");
}

NativeResult new_float(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(0, 1);
  if (c.argc() == 0) return NativeResult::ret(Value::flt(0.0));
  Value v = c.args[0];
  if (v.isFloat()) return NativeResult::ret(v);
  if (isIntLike(v)) {
    double d;
    if (!toDouble(v, &d)) return vm.raise(*c.thread, vm.types.OverflowError, "int too large to convert to float");
    return NativeResult::ret(Value::flt(d));
  }
  if (isKind(v, ObjKind::Str)) {
    auto r = parseFloat(asStr(v)->s);
    if (!r) return vm.raise(*c.thread, vm.types.ValueError, "could not convert string to float: " + strRepr(asStr(v)->s));
    return NativeResult::ret(Value::flt(*r));
  }
  Value f = findDunder(vm, v, "__float__");
  if (!f.isUndefined()) return NativeResult::tailCall(f, {v});
  return vm.raise(*c.thread, vm.types.TypeError, "float() argument must be a string or a real number, not '" + vm.typeName(v) + "'");
}

NativeResult new_str(Vm& vm, NativeCall& c) {
  Value enc = c.takeKw("encoding");
  NO_KWARGS();
  CHECK_ARGS(0, 3);
  if (c.argc() == 0) return NativeResult::ret(vm.str(""));
  Value v = c.args[0];
  if (isKind(v, ObjKind::Str)) return NativeResult::ret(v);
  Value f = findDunder(vm, v, "__str__");
  if (isKind(f, ObjKind::Function)) return NativeResult::tailCall(f, {v});
  f = findDunder(vm, v, "__repr__");
  if (isKind(f, ObjKind::Function) && !isExceptionInstance(v)) return NativeResult::tailCall(f, {v});
  std::string s;
  if (!vm.toStr(*c.thread, v, &s)) return NativeResult::raise();
  (void)enc;
  return NativeResult::ret(vm.str(s));
}

NativeResult new_bool(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(0, 1);
  if (c.argc() == 0) return NativeResult::ret(Value::boolean(false));
  bool b;
  if (!vm.truthy(*c.thread, c.args[0], &b)) return NativeResult::raise();
  return NativeResult::ret(Value::boolean(b));
}

NativeResult new_list(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(0, 1);
  if (c.argc() == 0) return NativeResult::ret(vm.list({}));
  std::vector<Value> items;
  bool raised;
  if (nativeItems(vm, *c.thread, c.args[0], &items, &raised)) {
    Nanos cost = static_cast<Nanos>(items.size()) * kCopyPerItemNs;
    return NativeResult::ret(vm.list(std::move(items)), cost);
  }
  if (raised) return NativeResult::raise();
  return NativeResult::tailCall(prelude(vm, "_materialise"), {c.args[0]});
}

NativeResult new_tuple(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(0, 1);
  if (c.argc() == 0) return NativeResult::ret(vm.tuple({}));
  if (isKind(c.args[0], ObjKind::Tuple)) return NativeResult::ret(c.args[0]);
  std::vector<Value> items;
  bool raised;
  if (nativeItems(vm, *c.thread, c.args[0], &items, &raised)) {
    Nanos cost = static_cast<Nanos>(items.size()) * kCopyPerItemNs;
    return NativeResult::ret(vm.tuple(std::move(items)), cost);
  }
  if (raised) return NativeResult::raise();
  return NativeResult::tailCall(prelude(vm, "_tuple_from"), {c.args[0]});
}

NativeResult makeSet(Vm& vm, NativeCall& c, bool frozen) {
  NO_KWARGS();
  CHECK_ARGS(0, 1);
  auto* s = vm.heap.make<SetObj>();
  s->frozen = frozen;
  if (c.argc() == 0) return NativeResult::ret(Value::object(s));
  std::vector<Value> items;
  bool raised;
  if (!nativeItems(vm, *c.thread, c.args[0], &items, &raised)) {
    if (raised) return NativeResult::raise();
    return NativeResult::tailCall(prelude(vm, frozen ? "_frozenset_from" : "_set_from"), {c.args[0]});
  }
  for (const Value& v : items) {
    if (!vm.dictSet(*c.thread, &s->table, v, Value::none())) return NativeResult::raise();
  }
  return NativeResult::ret(Value::object(s), static_cast<Nanos>(items.size()) * kCopyPerItemNs * 4);
}
NativeResult new_set(Vm& vm, NativeCall& c) { return makeSet(vm, c, false); }
NativeResult new_frozenset(Vm& vm, NativeCall& c) { return makeSet(vm, c, true); }

NativeResult new_dict(Vm& vm, NativeCall& c) {
  CHECK_ARGS(0, 1);
  DictObj* d = vm.newDict();
  if (c.argc() == 1) {
    Value src = c.args[0];
    if (isKind(src, ObjKind::Generator) || isKind(src, ObjKind::Instance)) {
      if (!c.kwargs.empty()) return vm.raise(*c.thread, vm.types.TypeError, "dict() with a generator and keywords is not supported by Interleave");
      return NativeResult::tailCall(prelude(vm, "_dict_from"), {src});
    }
    if (!dictUpdate(vm, *c.thread, d, src)) return NativeResult::raise();
  }
  for (auto& [k, v] : c.kwargs) {
    if (!vm.dictSet(*c.thread, d, Value::object(k), v)) return NativeResult::raise();
  }
  return NativeResult::ret(Value::object(d));
}

NativeResult new_range(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  if (c.argc() < 1 || c.argc() > 3) {
    if (c.argc() == 0) return vm.raise(*c.thread, vm.types.TypeError, "range expected at least 1 argument, got 0");
    return vm.raise(*c.thread, vm.types.TypeError, "range expected at most 3 arguments, got " + std::to_string(c.argc()));
  }
  int64_t a[3] = {0, 0, 1};
  for (size_t i = 0; i < c.argc(); ++i) {
    if (!isIntLike(c.args[i])) {
      return vm.raise(*c.thread, vm.types.TypeError, "'" + vm.typeName(c.args[i]) + "' object cannot be interpreted as an integer");
    }
    BigInt b = toBigInt(c.args[i]);
    if (!b.fitsInt64()) return vm.raise(*c.thread, vm.types.OverflowError, "range() arguments beyond 64 bits are not supported by Interleave");
    a[i] = b.toInt64();
  }
  auto* r = vm.heap.make<RangeObj>();
  if (c.argc() == 1) { r->start = 0; r->stop = a[0]; }
  else { r->start = a[0]; r->stop = a[1]; if (c.argc() == 3) r->step = a[2]; }
  if (r->step == 0) return vm.raise(*c.thread, vm.types.ValueError, "range() arg 3 must not be zero");
  return NativeResult::ret(Value::object(r));
}

NativeResult new_slice(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 3);
  auto* s = vm.heap.make<SliceObj>();
  s->start = Value::none();
  s->step = Value::none();
  if (c.argc() == 1) s->stop = c.args[0];
  else { s->start = c.args[0]; s->stop = c.args[1]; if (c.argc() == 3) s->step = c.args[2]; }
  return NativeResult::ret(Value::object(s));
}

NativeResult new_type(Vm& vm, NativeCall& c) {
  if (c.argc() == 1) return NativeResult::ret(Value::object(vm.typeOf(c.args[0])));
  return vm.raise(*c.thread, vm.types.TypeError, "type() with three arguments is not supported by Interleave");
}

NativeResult makeWrapper(Vm& vm, NativeCall& c, ObjKind kind) {
  auto* p = vm.heap.make<PropertyObj>(kind);
  p->fget = c.argc() > 0 ? c.args[0] : Value::none();
  p->fset = c.argc() > 1 ? c.args[1] : Value::none();
  p->fdel = c.argc() > 2 ? c.args[2] : Value::none();
  Value fget = c.takeKw("fget"), fset = c.takeKw("fset");
  if (!fget.isUndefined()) p->fget = fget;
  if (!fset.isUndefined()) p->fset = fset;
  return NativeResult::ret(Value::object(p));
}
NativeResult new_property(Vm& vm, NativeCall& c) { return makeWrapper(vm, c, ObjKind::Property); }
NativeResult new_classmethod(Vm& vm, NativeCall& c) { CHECK_ARGS(1, 1); return makeWrapper(vm, c, ObjKind::ClassMethod); }
NativeResult new_staticmethod(Vm& vm, NativeCall& c) { CHECK_ARGS(1, 1); return makeWrapper(vm, c, ObjKind::StaticMethod); }

NativeResult property_setter(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  auto* old = static_cast<PropertyObj*>(c.self.asObj());
  auto* p = vm.heap.make<PropertyObj>(ObjKind::Property);
  p->fget = old->fget;
  p->fset = old->fset;
  p->fdel = old->fdel;
  if (c.callee->name == "setter") p->fset = c.args[0];
  else if (c.callee->name == "getter") p->fget = c.args[0];
  else p->fdel = c.args[0];
  return NativeResult::ret(Value::object(p));
}

NativeResult object_init(Vm& vm, NativeCall& c) {
  if (!c.self.isUndefined()) c.args.insert(c.args.begin(), c.self);
  if (c.argc() > 1) {
    return vm.raise(*c.thread, vm.types.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
  }
  return NativeResult::ret(Value::none());
}

NativeResult exc_init(Vm& vm, NativeCall& c) {
  // Bound (super().__init__(msg)): the receiver is c.self; unbound: the first argument.
  if (!c.self.isUndefined()) c.args.insert(c.args.begin(), c.self);
  if (c.argc() < 1) return NativeResult::ret(Value::none());
  Value self = c.args[0];
  auto* inst = isKind(self, ObjKind::Instance) ? static_cast<InstanceObj*>(self.asObj()) : nullptr;
  if (inst) {
    if (!inst->exc) inst->exc = std::make_unique<ExceptionState>();
    inst->exc->args = vm.tuple(std::vector<Value>(c.args.begin() + 1, c.args.end()));
  }
  return NativeResult::ret(Value::none());
}

// super(): the class from the caller's __class__ cell and its first argument.
NativeResult builtin_super(Vm& vm, NativeCall& c) {
  Value cls, self;
  if (c.argc() == 2) {
    cls = c.args[0];
    self = c.args[1];
  } else if (c.argc() == 0) {
    Frame* f = c.thread->frames.back();
    CodeObj* code = f->code;
    size_t ncell = code->cellvars.size();
    for (size_t i = 0; i < code->freevars.size(); ++i) {
      if (code->freevars[i] == "__class__") cls = f->cells[ncell + i]->value;
    }
    if (cls.isUndefined() || cls.isNone()) return vm.raise(*c.thread, vm.types.RuntimeError, "super(): __class__ cell not found");
    if (code->argcount == 0 || f->fast.empty()) return vm.raise(*c.thread, vm.types.RuntimeError, "super(): no arguments");
    self = f->fast[0];
    if (self.isUndefined() && !code->cellFromArg.empty()) {
      for (size_t i = 0; i < code->cellFromArg.size(); ++i) if (code->cellFromArg[i] == 0) self = f->cells[i]->value;
    }
  } else {
    return vm.raise(*c.thread, vm.types.TypeError, "super() takes 0 or 2 arguments");
  }
  auto* s = vm.heap.make<InstanceObj>();
  s->cls = vm.superType;
  s->nativeValue = vm.tuple({cls, self});
  return NativeResult::ret(Value::object(s));
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Functions
//-----------------------------------------------------------------------------------------------
NativeResult print_done(Vm& vm, PyThread& t, int64_t, bool, Value) { return NativeResult::ret(Value::none()); }

NativeResult builtin_print(Vm& vm, NativeCall& c) {
  Value sep = c.takeKw("sep"), end = c.takeKw("end"), file = c.takeKw("file");
  c.takeKw("flush");
  if (!c.kwargs.empty()) return vm.raise(*c.thread, vm.types.TypeError, "'" + c.kwargs[0].first->s + "' is an invalid keyword argument for print()");
  std::string sepS = " ", endS = "\n";
  if (!sep.isUndefined() && !sep.isNone()) {
    if (!isKind(sep, ObjKind::Str)) return vm.raise(*c.thread, vm.types.TypeError, "sep must be None or a string, not " + vm.typeName(sep));
    sepS = asStr(sep)->s;
  }
  if (!end.isUndefined() && !end.isNone()) {
    if (!isKind(end, ObjKind::Str)) return vm.raise(*c.thread, vm.types.TypeError, "end must be None or a string, not " + vm.typeName(end));
    endS = asStr(end)->s;
  }
  std::string text;
  for (size_t i = 0; i < c.argc(); ++i) {
    if (i) text += sepS;
    std::string s;
    if (!vm.toStr(*c.thread, c.args[i], &s)) return NativeResult::raise();
    text += s;
  }
  text += endS;
  int stream = 1;
  if (!file.isUndefined() && !file.isNone()) {
    Value fileStream;
    if (isKind(file, ObjKind::Instance)) fileStream = static_cast<InstanceObj*>(file.asObj())->nativeValue;
    if (fileStream.isInt()) {
      stream = static_cast<int>(fileStream.asInt());
    } else {
      // A file object (lang/lib/io.py) or any object with write(): io._print_to(file, text).
      Value printTo = vm.dictGetStr(vm.builtins, "_print_to");
      if (!printTo.isUndefined()) return NativeResult::tailCall(printTo, {file, vm.str(text)});
    }
  }
  Request r;
  r.kind = RequestKind::Print;
  r.text = text;
  r.value = stream;
  NativeResult res = NativeResult::engine(std::move(r), print_done);
  res.cost = kPrintBaseNs;
  return res;
}

NativeResult builtin_len(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 1);
  int64_t n;
  OpStatus s = nativeLen(vm, *c.thread, c.args[0], &n);
  if (s == OpStatus::Ok) return NativeResult::ret(Value::integer(n));
  if (s == OpStatus::Raise) return NativeResult::raise();
  Value f = findDunder(vm, c.args[0], "__len__");
  if (f.isUndefined()) return vm.raise(*c.thread, vm.types.TypeError, "object of type '" + vm.typeName(c.args[0]) + "' has no len()");
  return NativeResult::tailCall(f, {c.args[0]});
}

NativeResult builtin_repr(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 1);
  Value f = findDunder(vm, c.args[0], "__repr__");
  if (isKind(f, ObjKind::Function)) return NativeResult::tailCall(f, {c.args[0]});
  std::string s;
  if (!vm.repr(*c.thread, c.args[0], &s)) return NativeResult::raise();
  return NativeResult::ret(vm.str(s));
}

bool isInstanceOf(Vm& vm, PyThread& t, Value v, Value spec, bool sub, bool* out) {
  if (isKind(spec, ObjKind::Tuple)) {
    for (const Value& s : static_cast<TupleObj*>(spec.asObj())->items) {
      if (!isInstanceOf(vm, t, v, s, sub, out)) return false;
      if (*out) return true;
    }
    *out = false;
    return true;
  }
  if (!isKind(spec, ObjKind::Type)) {
    vm.raise(t, vm.types.TypeError, sub ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                                        : "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return false;
  }
  auto* ty = static_cast<TypeObj*>(spec.asObj());
  if (sub) {
    if (!isKind(v, ObjKind::Type)) {
      vm.raise(t, vm.types.TypeError, "issubclass() arg 1 must be a class");
      return false;
    }
    *out = vm.isSubclass(static_cast<TypeObj*>(v.asObj()), ty);
  } else {
    *out = vm.isInstance(v, ty);
  }
  return true;
}

NativeResult builtin_isinstance(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  if (c.argc() != 2) return vm.raise(*c.thread, vm.types.TypeError, "isinstance expected 2 arguments, got " + std::to_string(c.argc()));
  bool r;
  if (!isInstanceOf(vm, *c.thread, c.args[0], c.args[1], false, &r)) return NativeResult::raise();
  return NativeResult::ret(Value::boolean(r));
}

NativeResult builtin_issubclass(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  if (c.argc() != 2) return vm.raise(*c.thread, vm.types.TypeError, "issubclass expected 2 arguments, got " + std::to_string(c.argc()));
  bool r;
  if (!isInstanceOf(vm, *c.thread, c.args[0], c.args[1], true, &r)) return NativeResult::raise();
  return NativeResult::ret(Value::boolean(r));
}

NativeResult builtin_abs(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 1);
  Value v = c.args[0];
  if (v.isInt() || v.isBool()) {
    if (v.asInt() == INT64_MIN) return NativeResult::ret(makeInt(vm, BigInt(v.asInt()).abs()));
    return NativeResult::ret(Value::integer(v.asInt() < 0 ? -v.asInt() : v.asInt()));
  }
  if (isKind(v, ObjKind::BigInt)) return NativeResult::ret(makeInt(vm, toBigInt(v).abs()));
  if (v.isFloat()) return NativeResult::ret(Value::flt(std::fabs(v.asFloat())));
  Value f = findDunder(vm, v, "__abs__");
  if (!f.isUndefined()) return NativeResult::tailCall(f, {v});
  return vm.raise(*c.thread, vm.types.TypeError, "bad operand type for abs(): '" + vm.typeName(v) + "'");
}

NativeResult builtin_round(Vm& vm, NativeCall& c) {
  Value nd = c.takeKw("ndigits");
  NO_KWARGS();
  CHECK_ARGS(1, 2);
  Value v = c.args[0];
  Value digits = c.argc() > 1 ? c.args[1] : (nd.isUndefined() ? Value::none() : nd);
  if (v.isFloat()) {
    if (digits.isNone()) {
      double d = v.asFloat();
      if (std::isnan(d)) return vm.raise(*c.thread, vm.types.ValueError, "cannot convert float NaN to integer");
      if (std::isinf(d)) return vm.raise(*c.thread, vm.types.OverflowError, "cannot convert float infinity to integer");
      return NativeResult::ret(makeInt(vm, BigInt::fromDouble(roundToIntegral(d))));
    }
    int64_t n;
    if (!toIndex(vm, *c.thread, digits, &n)) return NativeResult::raise();
    bool overflow = false;
    double r = roundHalfEven(v.asFloat(), n, &overflow);
    if (overflow) return vm.raise(*c.thread, vm.types.OverflowError, "rounded value too large to represent");
    return NativeResult::ret(Value::flt(r));
  }
  if (isIntLike(v)) {
    if (digits.isNone()) return NativeResult::ret(v.isBool() ? Value::integer(v.asInt()) : v);
    int64_t n;
    if (!toIndex(vm, *c.thread, digits, &n)) return NativeResult::raise();
    if (n >= 0) return NativeResult::ret(v.isBool() ? Value::integer(v.asInt()) : v);
    // Round to a multiple of 10**-n, half to even.
    BigInt p = BigInt::pow(BigInt(10), static_cast<uint64_t>(-n));
    BigInt q, r;
    BigInt x = toBigInt(v);
    BigInt::divmod(x, p, &q, &r);
    BigInt twice = r + r;
    int cmp = BigInt::compare(twice, p);
    if (cmp > 0 || (cmp == 0 && q.isOdd())) q = q + BigInt(1);
    return NativeResult::ret(makeInt(vm, q * p));
  }
  Value f = findDunder(vm, v, "__round__");
  if (!f.isUndefined()) return digits.isNone() ? NativeResult::tailCall(f, {v}) : NativeResult::tailCall(f, {v, digits});
  return vm.raise(*c.thread, vm.types.TypeError, "type " + vm.typeName(v) + " doesn't define __round__ method");
}

NativeResult builtin_divmod(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  if (c.argc() != 2) return vm.raise(*c.thread, vm.types.TypeError, "divmod expected 2 arguments, got " + std::to_string(c.argc()));
  Value q, r;
  OpStatus s1 = nativeBinary(vm, *c.thread, BinaryOp::FloorDivide, c.args[0], c.args[1], &q);
  if (s1 == OpStatus::Raise) return NativeResult::raise();
  if (s1 == OpStatus::NotHandled) {
    return vm.raise(*c.thread, vm.types.TypeError, "unsupported operand type(s) for divmod(): '" + vm.typeName(c.args[0]) + "' and '" + vm.typeName(c.args[1]) + "'");
  }
  if (nativeBinary(vm, *c.thread, BinaryOp::Remainder, c.args[0], c.args[1], &r) != OpStatus::Ok) return NativeResult::raise();
  return NativeResult::ret(vm.tuple({q, r}));
}

NativeResult builtin_pow(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(2, 3);
  if (c.argc() == 3 && !c.args[2].isNone()) {
    if (!isIntLike(c.args[0]) || !isIntLike(c.args[1]) || !isIntLike(c.args[2])) {
      return vm.raise(*c.thread, vm.types.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    BigInt out;
    auto st = BigInt::modPow(toBigInt(c.args[0]), toBigInt(c.args[1]), toBigInt(c.args[2]), &out);
    if (st == BigInt::ModPowStatus::ZeroModulus) return vm.raise(*c.thread, vm.types.ValueError, "pow() 3rd argument cannot be 0");
    if (st == BigInt::ModPowStatus::NotInvertible) return vm.raise(*c.thread, vm.types.ValueError, "base is not invertible for the given modulus");
    return NativeResult::ret(makeInt(vm, out));
  }
  Value r;
  OpStatus s = nativeBinary(vm, *c.thread, BinaryOp::Power, c.args[0], c.args[1], &r);
  if (s == OpStatus::Ok) return NativeResult::ret(r);
  if (s == OpStatus::Raise) return NativeResult::raise();
  Value f = findDunder(vm, c.args[0], "__pow__");
  if (!f.isUndefined()) return NativeResult::tailCall(f, {c.args[0], c.args[1]});
  return vm.raise(*c.thread, vm.types.TypeError, "unsupported operand type(s) for ** or pow(): '" + vm.typeName(c.args[0]) + "' and '" + vm.typeName(c.args[1]) + "'");
}

// sum(iterable, /, start=0): a C loop over builtin sequences, the prelude otherwise.
NativeResult builtin_sum(Vm& vm, NativeCall& c) {
  Value start = c.takeKw("start");
  NO_KWARGS();
  CHECK_ARGS(1, 2);
  if (c.argc() == 2) start = c.args[1];
  if (start.isUndefined()) start = Value::integer(0);
  if (isKind(start, ObjKind::Str)) return vm.raise(*c.thread, vm.types.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  Value it = c.args[0];
  // sum(range(n)) in closed form: CPython loops in C (uninterruptible, per-item cost).
  if (isKind(it, ObjKind::Range) && isIntLike(start)) {
    auto* r = static_cast<RangeObj*>(it.asObj());
    int64_t n = r->length();
    BigInt total = toBigInt(start);
    if (n > 0) {
      BigInt first(r->start), last = BigInt(r->start) + BigInt(r->step) * BigInt(n - 1);
      BigInt twice = (first + last) * BigInt(n), half;
      BigInt::divmod(twice, BigInt(2), &half, nullptr);
      total = total + half;
    }
    return NativeResult::ret(makeInt(vm, total), n * kSumPerItemNs);
  }
  std::vector<Value> items;
  bool raised;
  if (!nativeItems(vm, *c.thread, it, &items, &raised)) {
    if (raised) return NativeResult::raise();
    return NativeResult::tailCall(prelude(vm, "_sum"), {it, start});
  }
  Value total = start;
  for (const Value& v : items) {
    Value next;
    OpStatus s = nativeBinary(vm, *c.thread, BinaryOp::Add, total, v, &next);
    if (s == OpStatus::Raise) return NativeResult::raise();
    if (s == OpStatus::NotHandled) return NativeResult::tailCall(prelude(vm, "_sum"), {it, start});
    total = next;
  }
  return NativeResult::ret(total, static_cast<Nanos>(items.size()) * kSumPerItemNs);
}

NativeResult minmax(Vm& vm, NativeCall& c, bool isMax) {
  Value key = c.takeKw("key");
  Value dflt = c.takeKw("default");
  NO_KWARGS();
  const char* name = isMax ? "max" : "min";
  if (c.argc() == 0) return vm.raise(*c.thread, vm.types.TypeError, std::string(name) + " expected at least 1 argument, got 0");
  Value iterable = c.argc() == 1 ? c.args[0] : vm.tuple(c.args);
  if (c.argc() > 1 && !dflt.isUndefined()) {
    return vm.raise(*c.thread, vm.types.TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
  }
  std::vector<Value> items;
  bool raised;
  bool native = (key.isUndefined() || key.isNone()) && nativeItems(vm, *c.thread, iterable, &items, &raised);
  if (!native) {
    if (key.isUndefined() || key.isNone()) {
      if (raised) return NativeResult::raise();
    }
    return NativeResult::tailCall(prelude(vm, "_minmax"),
                                  {iterable, key.isUndefined() ? Value::none() : key, dflt.isUndefined() ? prelude(vm, "_missing") : dflt,
                                   Value::boolean(isMax), vm.str(name)});
  }
  if (items.empty()) {
    if (!dflt.isUndefined()) return NativeResult::ret(dflt);
    return vm.raise(*c.thread, vm.types.ValueError, std::string(name) + "() arg is an empty sequence");
  }
  Value best = items[0];
  for (size_t i = 1; i < items.size(); ++i) {
    bool better;
    if (!(isMax ? vm.lessThan(*c.thread, best, items[i], &better) : vm.lessThan(*c.thread, items[i], best, &better))) return NativeResult::raise();
    if (better) best = items[i];
  }
  return NativeResult::ret(best, static_cast<Nanos>(items.size()) * kMinMaxPerItemNs);
}
NativeResult builtin_min(Vm& vm, NativeCall& c) { return minmax(vm, c, false); }
NativeResult builtin_max(Vm& vm, NativeCall& c) { return minmax(vm, c, true); }

NativeResult builtin_sorted(Vm& vm, NativeCall& c) {
  Value key = c.takeKw("key"), reverse = c.takeKw("reverse");
  NO_KWARGS();
  if (c.argc() != 1) return vm.raise(*c.thread, vm.types.TypeError, "sorted expected 1 argument, got " + std::to_string(c.argc()));
  std::vector<Value> items;
  bool raised;
  if (!nativeItems(vm, *c.thread, c.args[0], &items, &raised)) {
    if (raised) return NativeResult::raise();
    return NativeResult::tailCall(prelude(vm, "_sorted"), {c.args[0], key.isUndefined() ? Value::none() : key,
                                                           reverse.isUndefined() ? Value::boolean(false) : reverse});
  }
  bool rev = false;
  if (!reverse.isUndefined() && !vm.truthy(*c.thread, reverse, &rev)) return NativeResult::raise();
  int64_t comparisons = 0;
  if (!sortValues(vm, *c.thread, items, key.isUndefined() ? Value::none() : key, rev, &comparisons)) return NativeResult::raise();
  return NativeResult::ret(vm.list(std::move(items)), comparisons * kMinMaxPerItemNs);
}

NativeResult anyAll(Vm& vm, NativeCall& c, bool isAny) {
  NO_KWARGS();
  CHECK_ARGS(1, 1);
  std::vector<Value> items;
  bool raised;
  if (!nativeItems(vm, *c.thread, c.args[0], &items, &raised)) {
    if (raised) return NativeResult::raise();
    return NativeResult::tailCall(prelude(vm, isAny ? "_any" : "_all"), {c.args[0]});
  }
  for (size_t i = 0; i < items.size(); ++i) {
    bool b;
    if (!vm.truthy(*c.thread, items[i], &b)) return NativeResult::raise();
    if (b == isAny) return NativeResult::ret(Value::boolean(isAny), static_cast<Nanos>(i + 1) * kTruthPerItemNs);
  }
  return NativeResult::ret(Value::boolean(!isAny), static_cast<Nanos>(items.size()) * kTruthPerItemNs);
}
NativeResult builtin_any(Vm& vm, NativeCall& c) { return anyAll(vm, c, true); }
NativeResult builtin_all(Vm& vm, NativeCall& c) { return anyAll(vm, c, false); }

NativeResult builtin_iter(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 1);
  Value it;
  OpStatus s = nativeIter(vm, *c.thread, c.args[0], &it);
  if (s == OpStatus::Ok) return NativeResult::ret(it);
  if (s == OpStatus::Raise) return NativeResult::raise();
  Value f = findDunder(vm, c.args[0], "__iter__");
  if (f.isUndefined()) return vm.raise(*c.thread, vm.types.TypeError, "'" + vm.typeName(c.args[0]) + "' object is not iterable");
  return NativeResult::tailCall(f, {c.args[0]});
}

NativeResult builtin_next(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 2);
  Value it = c.args[0];
  if (c.argc() == 2) return NativeResult::tailCall(prelude(vm, "_next_default"), {it, c.args[1]});
  if (isKind(it, ObjKind::Generator)) {
    if (static_cast<GeneratorObj*>(it.asObj())->coroutine) {
      return vm.raise(*c.thread, vm.types.TypeError, "'coroutine' object is not an iterator");
    }
    return NativeResult::resume(it, Value::none());
  }
  Value v;
  bool done;
  OpStatus s = nativeNext(vm, *c.thread, it, &v, &done);
  if (s == OpStatus::Raise) return NativeResult::raise();
  if (s == OpStatus::Ok) {
    if (done) {
      c.thread->raising = vm.newExceptionArgs(vm.types.StopIteration, {});
      return NativeResult::raise();
    }
    return NativeResult::ret(v);
  }
  Value f = findDunder(vm, it, "__next__");
  if (f.isUndefined()) return vm.raise(*c.thread, vm.types.TypeError, "'" + vm.typeName(it) + "' object is not an iterator");
  return NativeResult::tailCall(f, {it});
}

NativeResult gen_send(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  return NativeResult::resume(c.self, c.args[0]);
}

NativeResult gen_throw(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 3);
  NativeResult r = NativeResult::resume(c.self, Value::none());
  r.args.push_back(c.args.size() >= 2 && !c.args[1].isNone() ? c.args[1] : c.args[0]);
  return r;
}

// coroutine.__await__(): the iterator `await` drives; here the coroutine itself (it answers
// send/throw/close as CPython's coroutine_wrapper does).
NativeResult coro_await(Vm& vm, NativeCall& c) { return NativeResult::ret(c.self); }

NativeResult gen_close(Vm& vm, NativeCall& c) {
  auto* g = static_cast<GeneratorObj*>(c.self.asObj());
  g->state = GenState::Done;
  return NativeResult::ret(Value::none());
}

NativeResult builtin_reversed(Vm& vm, NativeCall& c) {
  NO_KWARGS();
  CHECK_ARGS(1, 1);
  Value v = c.args[0];
  if (isKind(v, ObjKind::List)) {
    auto* it = vm.heap.make<IteratorObj>();
    it->iterKind = IterKind::ListReverse;
    it->source = v;
    it->index = static_cast<int64_t>(static_cast<ListObj*>(v.asObj())->items.size()) - 1;
    return NativeResult::ret(Value::object(it));
  }
  if (isKind(v, ObjKind::Range)) {
    auto* r = static_cast<RangeObj*>(v.asObj());
    auto* nr = vm.heap.make<RangeObj>();
    int64_t n = r->length();
    nr->start = r->start + (n - 1) * r->step;
    nr->stop = r->start - r->step;
    nr->step = -r->step;
    if (n == 0) { nr->start = 0; nr->stop = 0; nr->step = 1; }
    Value it;
    nativeIter(vm, *c.thread, Value::object(nr), &it);
    return NativeResult::ret(it);
  }
  if (isKind(v, ObjKind::Dict) || isKind(v, ObjKind::DictView)) {
    // Dicts and their views iterate backwards in insertion order (3.8+).
    std::vector<Value> items;
    if (!vm.iterate(*c.thread, v, &items)) return NativeResult::raise();
    std::reverse(items.begin(), items.end());
    Value it;
    nativeIter(vm, *c.thread, vm.list(items), &it);
    return NativeResult::ret(it);
  }
  if (isKind(v, ObjKind::Tuple) || isKind(v, ObjKind::Str)) {
    std::vector<Value> items;
    if (!vm.iterate(*c.thread, v, &items)) return NativeResult::raise();
    std::reverse(items.begin(), items.end());
    Value it;
    nativeIter(vm, *c.thread, vm.list(items), &it);
    return NativeResult::ret(it);
  }
  Value f = findDunder(vm, v, "__reversed__");
  if (!f.isUndefined()) return NativeResult::tailCall(f, {v});
  return vm.raise(*c.thread, vm.types.TypeError, "'" + vm.typeName(v) + "' object is not reversible");
}

NativeResult builtin_callable(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  Value v = c.args[0];
  bool r = isKind(v, ObjKind::Function) || isKind(v, ObjKind::Builtin) || isKind(v, ObjKind::BoundMethod) || isKind(v, ObjKind::Type) ||
           (isKind(v, ObjKind::Instance) && !findDunder(vm, v, "__call__").isUndefined());
  return NativeResult::ret(Value::boolean(r));
}

NativeResult builtin_hash(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  int64_t h;
  if (!vm.hash(*c.thread, c.args[0], &h)) return NativeResult::raise();
  return NativeResult::ret(Value::integer(h));
}

NativeResult builtin_id(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  Value v = c.args[0];
  if (!v.isObj()) {
    // Small values have no object identity in this VM: a stable number per value.
    return NativeResult::ret(Value::integer(static_cast<int64_t>(0x7f3a00000000ULL + (static_cast<uint64_t>(v.asInt()) & 0xffffff) * 32 + static_cast<uint64_t>(v.tag()))));
  }
  return NativeResult::ret(Value::integer(static_cast<int64_t>(objectId(v.asObj()))));
}

NativeResult attrName(Vm& vm, NativeCall& c, StrObj** out) {
  if (!isKind(c.args[1], ObjKind::Str)) {
    return vm.raise(*c.thread, vm.types.TypeError, "attribute name must be string, not '" + vm.typeName(c.args[1]) + "'");
  }
  *out = asStr(c.args[1]);
  return NativeResult::ret(Value::none());
}

NativeResult builtin_getattr(Vm& vm, NativeCall& c) {
  CHECK_ARGS(2, 3);
  StrObj* name;
  if (attrName(vm, c, &name).kind == NativeResult::Kind::Raise) return NativeResult::raise();
  Value out;
  if (vm.getAttr(*c.thread, c.args[0], name, &out)) return NativeResult::ret(out);
  if (c.argc() == 3 && vm.isInstance(c.thread->raising, vm.types.AttributeError)) {
    c.thread->raising = Value::undefined();
    return NativeResult::ret(c.args[2]);
  }
  return NativeResult::raise();
}

NativeResult builtin_hasattr(Vm& vm, NativeCall& c) {
  CHECK_ARGS(2, 2);
  StrObj* name;
  if (attrName(vm, c, &name).kind == NativeResult::Kind::Raise) return NativeResult::raise();
  Value out;
  if (vm.getAttr(*c.thread, c.args[0], name, &out)) return NativeResult::ret(Value::boolean(true));
  if (vm.isInstance(c.thread->raising, vm.types.AttributeError)) {
    c.thread->raising = Value::undefined();
    return NativeResult::ret(Value::boolean(false));
  }
  return NativeResult::raise();
}

NativeResult builtin_setattr(Vm& vm, NativeCall& c) {
  CHECK_ARGS(3, 3);
  StrObj* name;
  if (attrName(vm, c, &name).kind == NativeResult::Kind::Raise) return NativeResult::raise();
  if (!vm.setAttr(*c.thread, c.args[0], name, c.args[2])) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

NativeResult builtin_chr(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  int64_t cp;
  if (!toIndex(vm, *c.thread, c.args[0], &cp)) return NativeResult::raise();
  if (cp < 0 || cp > 0x10FFFF) return vm.raise(*c.thread, vm.types.ValueError, "chr() arg not in range(0x110000)");
  std::string s;
  uint32_t u = static_cast<uint32_t>(cp);
  if (u < 0x80) s += static_cast<char>(u);
  else if (u < 0x800) { s += static_cast<char>(0xC0 | (u >> 6)); s += static_cast<char>(0x80 | (u & 0x3F)); }
  else if (u < 0x10000) { s += static_cast<char>(0xE0 | (u >> 12)); s += static_cast<char>(0x80 | ((u >> 6) & 0x3F)); s += static_cast<char>(0x80 | (u & 0x3F)); }
  else { s += static_cast<char>(0xF0 | (u >> 18)); s += static_cast<char>(0x80 | ((u >> 12) & 0x3F)); s += static_cast<char>(0x80 | ((u >> 6) & 0x3F)); s += static_cast<char>(0x80 | (u & 0x3F)); }
  return NativeResult::ret(vm.str(s));
}

NativeResult builtin_ord(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 1);
  if (!isKind(c.args[0], ObjKind::Str)) return vm.raise(*c.thread, vm.types.TypeError, "ord() expected string of length 1, but " + vm.typeName(c.args[0]) + " found");
  auto* s = asStr(c.args[0]);
  if (strLength(s) != 1) return vm.raise(*c.thread, vm.types.TypeError, "ord() expected a character, but string of length " + std::to_string(strLength(s)) + " found");
  const std::string& b = s->s;
  unsigned char c0 = static_cast<unsigned char>(b[0]);
  uint32_t cp = c0;
  if (c0 >= 0xF0) cp = ((c0 & 0x07) << 18) | ((b[1] & 0x3F) << 12) | ((b[2] & 0x3F) << 6) | (b[3] & 0x3F);
  else if (c0 >= 0xE0) cp = ((c0 & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
  else if (c0 >= 0xC0) cp = ((c0 & 0x1F) << 6) | (b[1] & 0x3F);
  return NativeResult::ret(Value::integer(cp));
}

NativeResult radix(Vm& vm, NativeCall& c, int base, const char* prefix) {
  CHECK_ARGS(1, 1);
  if (!isIntLike(c.args[0])) return vm.raise(*c.thread, vm.types.TypeError, "'" + vm.typeName(c.args[0]) + "' object cannot be interpreted as an integer");
  BigInt v = toBigInt(c.args[0]);
  std::string digits = v.abs().toString(base);
  return NativeResult::ret(vm.str(std::string(v.isNegative() ? "-" : "") + prefix + digits));
}
NativeResult builtin_hex(Vm& vm, NativeCall& c) { return radix(vm, c, 16, "0x"); }
NativeResult builtin_bin(Vm& vm, NativeCall& c) { return radix(vm, c, 2, "0b"); }
NativeResult builtin_oct(Vm& vm, NativeCall& c) { return radix(vm, c, 8, "0o"); }

NativeResult builtin_format(Vm& vm, NativeCall& c) {
  CHECK_ARGS(1, 2);
  std::string spec = c.argc() == 2 && isKind(c.args[1], ObjKind::Str) ? asStr(c.args[1])->s : "";
  Value f = findDunder(vm, c.args[0], "__format__");
  if (isKind(f, ObjKind::Function)) return NativeResult::tailCall(f, {c.args[0], vm.str(spec)});
  std::string out;
  if (!formatValue(vm, *c.thread, c.args[0], spec, &out)) return NativeResult::raise();
  return NativeResult::ret(vm.str(out));
}

NativeResult builtin_vars(Vm& vm, NativeCall& c) {
  CHECK_ARGS(0, 1);
  if (c.argc() == 0) {
    Frame* f = c.thread->frames.back();
    return NativeResult::ret(Value::object(f->locals ? f->locals : f->globals));
  }
  Value v = c.args[0];
  if (isKind(v, ObjKind::Instance) && static_cast<InstanceObj*>(v.asObj())->dict) {
    return NativeResult::ret(Value::object(static_cast<InstanceObj*>(v.asObj())->dict));
  }
  if (isKind(v, ObjKind::Module)) return NativeResult::ret(Value::object(static_cast<ModuleObj*>(v.asObj())->dict));
  return vm.raise(*c.thread, vm.types.TypeError, "vars() argument must have __dict__ attribute");
}

NativeResult builtin_globals(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::object(c.thread->frames.back()->globals));
}

NativeResult builtin_input(Vm& vm, NativeCall& c) {
  return vm.raise(*c.thread, vm.types.RuntimeError, "input() is not supported by Interleave: a scenario cannot read the keyboard");
}

NativeResult builtin_exit(Vm& vm, NativeCall& c) {
  c.thread->raising = vm.newExceptionArgs(vm.types.SystemExit, c.args);
  return NativeResult::raise();
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Prelude
//-----------------------------------------------------------------------------------------------
}  // namespace


//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
void installBuiltinFunctions(Vm& vm) {
  DictObj* b = vm.builtins;
  auto ctor = [&](TypeObj* type, NativeFn fn) { vm.defineNative(type->dict, "__new__", fn, type->name); };
  ctor(vm.types.object_, new_object);
  ctor(vm.types.int_, new_int);
  ctor(vm.types.bool_, new_bool);
  ctor(vm.types.float_, new_float);
  ctor(vm.types.str_, new_str);
  ctor(vm.types.list_, new_list);
  ctor(vm.types.tuple_, new_tuple);
  ctor(vm.types.dict_, new_dict);
  ctor(vm.types.set_, new_set);
  ctor(vm.types.frozenset_, new_frozenset);
  ctor(vm.types.range_, new_range);
  ctor(vm.types.slice_, new_slice);
  ctor(vm.types.type_, new_type);
  ctor(vm.types.property_, new_property);
  ctor(vm.types.classmethod_, new_classmethod);
  ctor(vm.types.staticmethod_, new_staticmethod);
  for (const char* n : {"setter", "getter", "deleter"}) vm.defineNative(vm.types.property_->dict, n, property_setter, "property");
  vm.defineNative(vm.types.BaseException->dict, "__init__", exc_init, "BaseException");
  vm.defineNative(vm.types.generator_->dict, "send", gen_send, "generator");
  vm.defineNative(vm.types.generator_->dict, "close", gen_close, "generator");
  vm.defineNative(vm.types.coroutine_->dict, "send", gen_send, "coroutine");
  vm.defineNative(vm.types.coroutine_->dict, "close", gen_close, "coroutine");
  vm.defineNative(vm.types.generator_->dict, "throw", gen_throw, "generator");
  vm.defineNative(vm.types.coroutine_->dict, "throw", gen_throw, "coroutine");
  vm.defineNative(vm.types.coroutine_->dict, "__await__", coro_await, "coroutine");
  TypeObj* superType = vm.newType("super", {vm.types.object_}, true);
  vm.superType = superType;
  vm.defineNative(vm.types.object_->dict, "__init__", object_init, "object");
  auto* ellipsis = vm.heap.make<InstanceObj>();
  ellipsis->cls = vm.types.ellipsis_;
  vm.ellipsis = ellipsis;
  vm.dictSetStr(b, "Ellipsis", Value::object(ellipsis));
  vm.dictSetStr(b, "super", Value::object(superType));
  vm.defineNative(superType->dict, "__new__", builtin_super, "super");

  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"print", builtin_print}, {"len", builtin_len}, {"repr", builtin_repr},
      {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass}, {"abs", builtin_abs},
      {"round", builtin_round}, {"divmod", builtin_divmod}, {"pow", builtin_pow}, {"sum", builtin_sum},
      {"min", builtin_min}, {"max", builtin_max}, {"sorted", builtin_sorted}, {"any", builtin_any},
      {"all", builtin_all}, {"iter", builtin_iter}, {"next", builtin_next}, {"reversed", builtin_reversed},
      {"callable", builtin_callable}, {"hash", builtin_hash}, {"id", builtin_id},
      {"getattr", builtin_getattr}, {"hasattr", builtin_hasattr}, {"setattr", builtin_setattr},
      {"chr", builtin_chr}, {"ord", builtin_ord}, {"hex", builtin_hex}, {"bin", builtin_bin},
      {"oct", builtin_oct}, {"format", builtin_format}, {"vars", builtin_vars},
      {"globals", builtin_globals}, {"input", builtin_input}, {"exit", builtin_exit},
      {"quit", builtin_exit},
  };
  for (const Fn& f : fns) vm.defineNative(b, f.name, f.fn);
  vm.buildClass = vm.defineNative(b, "__build_class__", builtin_exit);
  vm.dictSetStr(b, "None", Value::none());
  vm.dictSetStr(b, "True", Value::boolean(true));
  vm.dictSetStr(b, "False", Value::boolean(false));
  // A sentinel for "no default given" in the prelude.
  auto* missing = vm.heap.make<InstanceObj>();
  missing->cls = vm.types.object_;
  vm.dictSetStr(b, "_missing", Value::object(missing));
}

}  // namespace interleave::lang
