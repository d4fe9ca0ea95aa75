// Helpers shared by methods_*.cpp: receivers, CPython's argument-parsing errors (each family of
// C functions words them differently), integer conversions, common exceptions.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "methods.h"
#include "unicode.h"
#include "vm.h"
#include "vm_internal.h"

namespace interleave::lang::methods {

inline std::string plural(int64_t n, const char* word) {
  return std::string(word) + (n == 1 ? "" : "s");
}

// "upper" and "str.upper" (from the callee's registration).
inline std::string shortName(const NativeCall& c) { return c.callee ? c.callee->name : "?"; }
inline std::string qualName(const NativeCall& c) {
  if (!c.callee) return "?";
  return c.callee->ownerType.empty() ? c.callee->name : c.callee->ownerType + "." + c.callee->name;
}

// A receiver of kind `kind`: the object itself, or the builtin payload of an instance of a user
// subclass (class Stack(list)).
inline Obj* asKind(const Value& v, ObjKind kind) {
  if (!v.isObj()) return nullptr;
  Obj* o = v.asObj();
  if (o->kind == kind) return o;
  if (o->kind == ObjKind::Instance) {
    const Value& nv = static_cast<InstanceObj*>(o)->nativeValue;
    if (nv.isObj() && nv.asObj()->kind == kind) return nv.asObj();
  }
  return nullptr;
}

// The receiver of a method call. For an unbound call (str.upper(s), list.append(l, x)) it is the
// first argument, removed from c.args. Raises CPython's errors for a missing or wrong receiver.
inline bool takeSelf(Vm& vm, NativeCall& c) {
  if (!c.self.isUndefined()) return true;
  if (c.args.empty()) {
    vm.raise(*c.thread, vm.types.TypeError,
             "unbound method " + qualName(c) + "() needs an argument");
    return false;
  }
  c.self = c.args.front();
  c.args.erase(c.args.begin());
  return true;
}

inline bool wrongSelf(Vm& vm, NativeCall& c) {
  std::string owner = c.callee ? c.callee->ownerType : "?";
  vm.raise(*c.thread, vm.types.TypeError,
           "descriptor '" + shortName(c) + "' for '" + owner + "' objects doesn't apply to a '" +
               vm.typeName(c.self) + "' object");
  return false;
}

template <class T>
inline T* receiver(Vm& vm, NativeCall& c, ObjKind kind) {
  if (!takeSelf(vm, c)) return nullptr;
  Obj* o = asKind(c.self, kind);
  if (!o) {
    wrongSelf(vm, c);
    return nullptr;
  }
  return static_cast<T*>(o);
}

// ---- argument counts: one function per CPython calling convention --------------------------

inline bool noKwargs(Vm& vm, NativeCall& c) {
  if (c.kwargs.empty()) return true;
  vm.raise(*c.thread, vm.types.TypeError, qualName(c) + "() takes no keyword arguments");
  return false;
}

// METH_NOARGS: "str.upper() takes no arguments (1 given)".
inline bool noArgs(Vm& vm, NativeCall& c) {
  if (!noKwargs(vm, c)) return false;
  if (c.args.empty()) return true;
  vm.raise(*c.thread, vm.types.TypeError,
           qualName(c) + "() takes no arguments (" + std::to_string(c.args.size()) + " given)");
  return false;
}

// METH_O: "list.append() takes exactly one argument (0 given)".
inline bool oneArg(Vm& vm, NativeCall& c) {
  if (!noKwargs(vm, c)) return false;
  if (c.args.size() == 1) return true;
  vm.raise(*c.thread, vm.types.TypeError,
           qualName(c) + "() takes exactly one argument (" + std::to_string(c.args.size()) +
               " given)");
  return false;
}

// Argument Clinic, positional-only parameters: "insert expected 2 arguments, got 1".
inline bool posArgs(Vm& vm, NativeCall& c, size_t min, size_t max) {
  if (!noKwargs(vm, c)) return false;
  size_t n = c.args.size();
  if (n >= min && n <= max) return true;
  bool few = n < min;
  size_t bound = few ? min : max;
  std::string how = min == max ? "" : few ? "at least " : "at most ";
  vm.raise(*c.thread, vm.types.TypeError,
           shortName(c) + " expected " + how + std::to_string(bound) + " " +
               plural(static_cast<int64_t>(bound), "argument") + ", got " + std::to_string(n));
  return false;
}

// PyArg_ParseTuple ("O|OO:find"): "find() takes at least 1 argument (0 given)".
inline bool tupleArgs(Vm& vm, NativeCall& c, size_t min, size_t max) {
  if (!noKwargs(vm, c)) return false;
  size_t n = c.args.size();
  if (n >= min && n <= max) return true;
  bool few = n < min;
  size_t bound = few ? min : max;
  std::string how = min == max ? "exactly " : few ? "at least " : "at most ";
  vm.raise(*c.thread, vm.types.TypeError,
           shortName(c) + "() takes " + how + std::to_string(bound) + " " +
               plural(static_cast<int64_t>(bound), "argument") + " (" + std::to_string(n) +
               " given)");
  return false;
}

// Argument Clinic with keyword parameters (_PyArg_UnpackKeywords): `names` are the parameters
// after the positional-only ones, `maxPos` how many may be passed by position (the rest are
// keyword-only), `required` how many are required. out[i] is the value of parameter i, or
// undefined when not given. c.kwargs is consumed.
inline bool kwArgs(Vm& vm, NativeCall& c, std::initializer_list<const char*> names,
                   size_t maxPos, size_t required, Value* out) {
  PyThread& t = *c.thread;
  const std::string fname = shortName(c) + "()";
  const size_t maxArgs = names.size();
  const size_t nargs = c.args.size();
  const size_t nkw = c.kwargs.size();
  if (nargs + nkw > maxArgs) {
    vm.raise(t, vm.types.TypeError,
             fname + " takes at most " + std::to_string(maxArgs) + " " +
                 (nargs == 0 ? "keyword " : "") + plural(static_cast<int64_t>(maxArgs), "argument") +
                 " (" + std::to_string(nargs + nkw) + " given)");
    return false;
  }
  if (nargs > maxPos) {
    if (maxPos == 0)
      vm.raise(t, vm.types.TypeError, fname + " takes no positional arguments");
    else
      vm.raise(t, vm.types.TypeError,
               fname + " takes " + (required < maxPos ? "at most" : "exactly") + " " +
                   std::to_string(maxPos) + " positional " +
                   plural(static_cast<int64_t>(maxPos), "argument") + " (" +
                   std::to_string(nargs) + " given)");
    return false;
  }
  size_t i = 0;
  for (const char* name : names) {
    Value v = Value::undefined();
    if (i < nargs) {
      v = c.args[i];
      for (auto& kw : c.kwargs) {
        if (kw.first->s == name) {
          vm.raise(t, vm.types.TypeError,
                   "argument for " + fname + " given by name ('" + name + "') and position (" +
                       std::to_string(i + 1) + ")");
          return false;
        }
      }
    } else {
      v = c.takeKw(name);
      if (v.isUndefined() && i < required) {
        vm.raise(t, vm.types.TypeError,
                 fname + " missing required argument '" + name + "' (pos " +
                     std::to_string(i + 1) + ")");
        return false;
      }
    }
    out[i++] = v;
  }
  if (!c.kwargs.empty()) {
    vm.raise(t, vm.types.TypeError,
             "'" + c.kwargs.front().first->s + "' is an invalid keyword argument for " + fname);
    return false;
  }
  return true;
}

// ---- integers -------------------------------------------------------------------------------

// Calls type(v).__index__ for an instance of a user class; false with nothing raised if none.
inline bool callIndexDunder(Vm& vm, PyThread& t, Value v, Value* out, bool* found) {
  *found = false;
  Value fn = findDunder(vm, v, "__index__");
  if (fn.isUndefined()) return true;
  *found = true;
  if (!vm.callReentrant(t, fn, {v}, out)) return false;
  if (!isIntLike(*out)) {
    vm.raise(t, vm.types.TypeError,
             "__index__ returned non-int (type " + vm.typeName(*out) + ")");
    return false;
  }
  return true;
}

// PyNumber_AsSsize_t(v, OverflowError): ints, bools, __index__.
inline bool asSsize(Vm& vm, PyThread& t, Value v, int64_t* out) {
  if (!isIntLike(v)) {
    bool found = false;
    Value r;
    if (!callIndexDunder(vm, t, v, &r, &found)) return false;
    if (!found) {
      vm.raise(t, vm.types.TypeError,
               "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
      return false;
    }
    v = r;
  }
  if (v.isInt() || v.isBool()) {
    *out = v.isBool() ? (v.asBool() ? 1 : 0) : v.asInt();
    return true;
  }
  BigInt b = toBigInt(v);
  if (!b.fitsInt64()) {
    vm.raise(t, vm.types.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = b.toInt64();
  return true;
}

// _PyLong_AsInt (the bool(accept={int}) converter): "Python int too large to convert to C int".
inline bool asCInt(Vm& vm, PyThread& t, Value v, int64_t* out) {
  if (!isIntLike(v)) {
    bool found = false;
    Value r;
    if (!callIndexDunder(vm, t, v, &r, &found)) return false;
    if (!found) {
      vm.raise(t, vm.types.TypeError,
               "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
      return false;
    }
    v = r;
  }
  BigInt b = toBigInt(v);
  if (!b.fitsInt64() || b.toInt64() > INT32_MAX || b.toInt64() < INT32_MIN) {
    vm.raise(t, vm.types.OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = b.toInt64();
  return true;
}

// _PyEval_SliceIndex: ints clamp to the int64 range; None keeps *out when allowNone.
inline bool sliceIndex(Vm& vm, PyThread& t, Value v, int64_t* out, bool allowNone) {
  if (v.isNone() && allowNone) return true;
  if (!isIntLike(v)) {
    bool found = false;
    Value r;
    if (!callIndexDunder(vm, t, v, &r, &found)) return false;
    if (!found) {
      vm.raise(t, vm.types.TypeError,
               allowNone ? "slice indices must be integers or None or have an __index__ method"
                         : "slice indices must be integers or have an __index__ method");
      return false;
    }
    v = r;
  }
  if (v.isInt() || v.isBool()) {
    *out = v.isBool() ? (v.asBool() ? 1 : 0) : v.asInt();
    return true;
  }
  BigInt b = toBigInt(v);
  *out = b.fitsInt64() ? b.toInt64() : (b.isNegative() ? INT64_MIN : INT64_MAX);
  return true;
}

// Python's slice-bound normalisation for (start, end) over a sequence of length `len`
// (ADJUST_INDICES in CPython).
inline void adjustIndices(int64_t* start, int64_t* end, int64_t len) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

// ---- exceptions -----------------------------------------------------------------------------

// KeyError(key): the key itself is the exception's argument (its repr is printed).
inline NativeResult raiseKeyError(Vm& vm, PyThread& t, Value key) {
  t.raising = vm.newExceptionArgs(vm.types.KeyError, {key});
  return NativeResult::raise();
}

// A str or list longer than kMaxSequenceLength: MemoryError, as CPython raises when it cannot
// allocate.
inline bool checkLength(Vm& vm, PyThread& t, int64_t n) {
  if (n >= 0 && n <= kMaxSequenceLength) return true;
  t.raising = vm.newExceptionArgs(vm.types.MemoryError, {});
  return false;
}

// A TypeError "'X' object is not iterable" raised by vm.iterate becomes `message` (CPython's
// PySequence_Fast(obj, message) wording).
inline void replaceNotIterable(Vm& vm, PyThread& t, const std::string& message) {
  if (!vm.isInstance(t.raising, vm.types.TypeError)) return;
  std::string m = exceptionMessage(vm, t, t.raising);
  const std::string tail = "object is not iterable";
  if (m.size() >= tail.size() && m.compare(m.size() - tail.size(), tail.size(), tail) == 0)
    vm.raise(t, vm.types.TypeError, message);
}

// PyObject_RichCompareBool(a, b, Py_EQ): identity first, then ==. Floats are unboxed, so two
// floats with the same bits count as one object: `x = math.nan; [x].count(x)` is 1 as in CPython
// (but so is `[float('nan')].count(float('nan'))`, 0 in CPython).
inline bool richEq(Vm& vm, PyThread& t, Value a, Value b, bool* out) {
  if (a.is(b)) {
    *out = true;
    return true;
  }
  return vm.equals(t, a, b, out);
}

// Length of a str in code points (cached in the object).
inline int64_t cpLength(StrObj* s) {
  if (s->length < 0) s->length = static_cast<int64_t>(unicode::length(s->s));
  return s->length;
}

}  // namespace interleave::lang::methods
