// Internals shared by the VM's files (vm.cpp: the eval loop; objects.cpp: types, attributes and
// operators on builtin values; builtins.cpp: builtin functions and the prelude).
#pragma once
#include <string>

#include "vm.h"

namespace interleave::lang {

inline bool isKind(const Value& v, ObjKind k) { return v.isObj() && v.asObj()->kind == k; }
inline StrObj* asStr(const Value& v) { return static_cast<StrObj*>(v.asObj()); }

enum class OpStatus : uint8_t {
  Ok,          // *out holds the result
  Raise,       // an exception is in thread.raising
  NotHandled,  // not a builtin case: the VM looks for a dunder method
};

// Fast cases of the operators below, inline for the eval loop; each gives exactly what the
// general function gives.
// A BinaryOp on two small ints (not bools) whose result is a small int: intOp's small cases.
// False: use nativeBinary (overflow, division by zero, shifts, true division, ...).
__attribute__((always_inline)) inline bool smallIntBinary(BinaryOp op, int64_t x, int64_t y, Value* out) {
  int base = static_cast<int>(op);
  if (base >= kInplaceOffset) base -= kInplaceOffset;
  int64_t r = 0;
  switch (static_cast<BinaryOp>(base)) {
    case BinaryOp::Add: if (__builtin_add_overflow(x, y, &r)) return false; break;
    case BinaryOp::Subtract: if (__builtin_sub_overflow(x, y, &r)) return false; break;
    case BinaryOp::Multiply: if (__builtin_mul_overflow(x, y, &r)) return false; break;
    case BinaryOp::FloorDivide: case BinaryOp::Remainder: {
      if (y == 0 || (x == INT64_MIN && y == -1)) return false;
      int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) { --q; m += y; }
      r = static_cast<BinaryOp>(base) == BinaryOp::FloorDivide ? q : m;
      break;
    }
    case BinaryOp::Power: {
      if (y < 0 || y >= 64) return false;
      int64_t result = 1, b = x, exp = y;
      bool overflow = false;
      while (exp > 0 && !overflow) {
        if (exp & 1) overflow |= __builtin_mul_overflow(result, b, &result);
        exp >>= 1;
        if (exp > 0) overflow |= __builtin_mul_overflow(b, b, &b);
      }
      if (overflow) return false;
      r = result;
      break;
    }
    case BinaryOp::And: r = x & y; break;
    case BinaryOp::Or: r = x | y; break;
    case BinaryOp::Xor: r = x ^ y; break;
    default: return false;
  }
  *out = Value::integer(r);
  return true;
}

// A comparison of two small ints: what nativeCompare gives.
inline OpStatus smallIntCompare(CompareOp op, int64_t x, int64_t y, Value* out) {
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = x < y; break;
    case CompareOp::Le: r = x <= y; break;
    case CompareOp::Eq: r = x == y; break;
    case CompareOp::Ne: r = x != y; break;
    case CompareOp::Gt: r = x > y; break;
    case CompareOp::Ge: r = x >= y; break;
  }
  *out = Value::boolean(r);
  return OpStatus::Ok;
}

// The next item of a range iterator (nativeNext's case).
inline OpStatus rangeNext(IteratorObj* it, Value* out, bool* done) {
  if ((it->rangeStep > 0 && it->rangeNext >= it->rangeStop) || (it->rangeStep < 0 && it->rangeNext <= it->rangeStop)) {
    *done = true;
    return OpStatus::Ok;
  }
  *out = Value::integer(it->rangeNext);
  it->rangeNext += it->rangeStep;
  return OpStatus::Ok;
}

// Operators on builtin values (ints, floats, str, containers).
OpStatus nativeBinary(Vm& vm, PyThread& t, BinaryOp op, Value a, Value b, Value* out);
OpStatus nativeCompare(Vm& vm, PyThread& t, CompareOp op, Value a, Value b, Value* out);
OpStatus nativeUnary(Vm& vm, PyThread& t, Op op, Value a, Value* out);
OpStatus nativeGetItem(Vm& vm, PyThread& t, Value container, Value key, Value* out);
OpStatus nativeSetItem(Vm& vm, PyThread& t, Value container, Value key, Value value);
OpStatus nativeDelItem(Vm& vm, PyThread& t, Value container, Value key);
OpStatus nativeContains(Vm& vm, PyThread& t, Value container, Value item, bool* out);
OpStatus nativeIter(Vm& vm, PyThread& t, Value v, Value* out);
// A builtin function written in Python (lang/lib/prelude.py), e.g. "_materialise".
Value prelude(Vm& vm, const char* name);
// The items of a builtin iterable, taken without running Python code (builtins.cpp). False
// when that needs Python (a generator, an instance: iterate it through a prelude call, which
// may block) or when it raised (*raised).
bool nativeItems(Vm& vm, PyThread& t, Value v, std::vector<Value>* out, bool* raised);
// Next item of a builtin iterator; *done when exhausted.
OpStatus nativeNext(Vm& vm, PyThread& t, Value it, Value* out, bool* done);
OpStatus nativeLen(Vm& vm, PyThread& t, Value v, int64_t* out);

// The hash Vm::hash gives a str (FNV-1a, shifted), cached in the StrObj.
inline int64_t strHash(const std::string& key) {
  uint64_t x = 1469598103934665603ULL;
  for (unsigned char c : key) { x ^= c; x *= 1099511628211ULL; }
  int64_t h = static_cast<int64_t>(x >> 1);
  return h == -1 ? -2 : h;
}
inline int64_t strHash(StrObj* s) {
  if (s->hash == -1) s->hash = strHash(s->s);
  return s->hash;
}

// Looks a name up in a dict without running Python code: the key's cached hash, then pointer
// equality (the same StrObj) before comparing the strings. Found: *out set. Missing: no such
// key. Slow: an entry of the same hash has a non-str key, whose __eq__ Vm::dictGet would call
// (unless `strOnly`: such entries are skipped then, as by Vm::dictGetStr).
enum class StrLookup : uint8_t { Found, Missing, Slow };
// `alias` (may be null): a remembered StrObj of the same text, compared by pointer too, and
// updated when the strings had to be compared.
__attribute__((always_inline)) inline StrLookup findStrKey(const DictObj* d, StrObj* key, Value* out, bool strOnly,
                            DictEntry** entry = nullptr, StrObj** alias = nullptr) {
  if (d->index.empty()) return StrLookup::Missing;
  int64_t h = strHash(key);
  size_t mask = d->index.size() - 1;
  size_t slot = static_cast<size_t>(h) & mask;
  for (size_t probes = 0; probes <= mask; ++probes) {
    int32_t ix = d->index[slot];
    if (ix == -1) return StrLookup::Missing;
    if (ix >= 0) {
      const DictEntry& e = d->entries[static_cast<size_t>(ix)];
      if (e.live && e.hash == h) {
        bool same = e.key.isObj() && (e.key.asObj() == key || (alias && e.key.asObj() == *alias));
        if (!same) {
          if (!e.key.isObj() || e.key.asObj()->kind != ObjKind::Str) {
            if (!strOnly) return StrLookup::Slow;
          } else {
            same = static_cast<StrObj*>(e.key.asObj())->s == key->s;
            if (same && alias) *alias = static_cast<StrObj*>(e.key.asObj());
          }
        }
        if (same) {
          *out = e.value;
          if (entry) *entry = const_cast<DictEntry*>(&e);
          return StrLookup::Found;
        }
      }
    }
    slot = (slot + 1) & mask;
  }
  return StrLookup::Missing;
}

// Attribute lookup along a class's MRO (no descriptors applied). Undefined if absent.
Value findClassAttr(TypeObj* cls, const std::string& name);
Value findClassAttr(TypeObj* cls, StrObj* name);
// Looks up a dunder on the value's type (user classes only). Undefined if absent.
Value findDunder(Vm& vm, const Value& v, const char* name);
// C3 linearisation; false (with TypeError raised) if impossible.
bool computeMro(Vm& vm, PyThread& t, TypeObj* cls);

// Entry indices of a set in CPython's iteration order: CPython iterates its hash table slot by
// slot, so {3, 1, 2} prints as {1, 2, 3}. Simulated from the insertion order (Objects/setobject.c:
// linear probing of 9 slots, then perturbation; resize at 3/5 full to 4x the used count).
const std::vector<int32_t>& setOrder(SetObj* s);

// Numbers
Value makeInt(Vm& vm, const BigInt& b);
bool isIntLike(const Value& v);           // int, bool or big int
BigInt toBigInt(const Value& v);          // requires isIntLike
bool toDouble(const Value& v, double* out);  // int-like or float
int64_t strLength(StrObj* s);             // code points

// Exceptions
bool isExceptionInstance(const Value& v);
std::string exceptionMessage(Vm& vm, PyThread& t, Value exc);  // str(exc)

// asyncio's Future and Task methods are natives (module_asyncio.cpp) standing in for Python
// methods: their repr and qualname are the Python ones ('Future.set_result').
inline bool isAsyncioMethod(const BuiltinObj* b) {
  return (b->ownerType == "Future" || b->ownerType == "Task") && isKind(b->data, ObjKind::Tuple);
}

// Installation (builtins.cpp)
void installBuiltinFunctions(Vm& vm);
void installTypes(Vm& vm);


}  // namespace interleave::lang
