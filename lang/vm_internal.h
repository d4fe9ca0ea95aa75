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

// Operators on builtin values (ints, floats, str, containers).
OpStatus nativeBinary(Vm& vm, PyThread& t, BinaryOp op, Value a, Value b, Value* out);
OpStatus nativeCompare(Vm& vm, PyThread& t, CompareOp op, Value a, Value b, Value* out);
OpStatus nativeUnary(Vm& vm, PyThread& t, Op op, Value a, Value* out);
OpStatus nativeGetItem(Vm& vm, PyThread& t, Value container, Value key, Value* out);
OpStatus nativeSetItem(Vm& vm, PyThread& t, Value container, Value key, Value value);
OpStatus nativeDelItem(Vm& vm, PyThread& t, Value container, Value key);
OpStatus nativeContains(Vm& vm, PyThread& t, Value container, Value item, bool* out);
OpStatus nativeIter(Vm& vm, PyThread& t, Value v, Value* out);
// Next item of a builtin iterator; *done when exhausted.
OpStatus nativeNext(Vm& vm, PyThread& t, Value it, Value* out, bool* done);
OpStatus nativeLen(Vm& vm, PyThread& t, Value v, int64_t* out);

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

// Installation (builtins.cpp)
void installBuiltinFunctions(Vm& vm);
void installTypes(Vm& vm);


}  // namespace interleave::lang
