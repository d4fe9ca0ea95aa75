// Methods of the builtin types, as native functions installed in each type's dict:
//   methods_str.cpp   str            methods_list.cpp  list
//   methods_dict.cpp  dict, set, frozenset
//   methods_misc.cpp  tuple, int, float, range
// Each method follows CPython 3.11: arguments (positional and keyword), results, error
// messages, and the order in which it calls back into Python (__eq__, __hash__, key functions).
// C loops report their CPU time as NativeResult::cost (per-item constants measured on CPython
// 3.11, documented at the top of each file).
#pragma once
#include <string>
#include <string_view>

#include "vm.h"

namespace interleave::lang {

void installStrMethods(Vm& vm);
void installListMethods(Vm& vm);
void installDictSetMethods(Vm& vm);
void installMiscMethods(Vm& vm);

// Shared with the VM's builtins (format(), f-strings, dict(), set(), sorted()). Each returns
// false when a Python exception was raised (it is in t.raising).

// format(value, spec): str/int/bool/float via the format-spec mini-language, a class's own
// __format__, else object.__format__ (str(value) for an empty spec, TypeError otherwise).
bool formatValue(Vm& vm, PyThread& t, Value value, std::string_view spec, std::string* out);
// str.format(*args, **kwargs) on `format` (args or kwargs may be null, as for format_map).
bool formatString(Vm& vm, PyThread& t, std::string_view format, const std::vector<Value>* args,
                  Value mapping, std::string* out);
// dict.update(other): a dict, an object with keys(), or an iterable of pairs.
bool dictUpdate(Vm& vm, PyThread& t, DictObj* d, Value other);
// set.update(iterable).
bool setUpdate(Vm& vm, PyThread& t, SetObj* s, Value iterable);
// list.sort(key=key, reverse=reverse) on `items` in place (stable; CPython's timsort, so a
// Python __lt__ or key function sees the same calls in the same order). *comparisons counts the
// comparisons made; *cost (if given) is the CPU time of the C loop (cheaper per comparison when
// all keys are ints, floats or strs; Python code run by __lt__ or the key function is charged by
// the VM as usual). On error the items are some permutation of the input. `key` may be undefined
// or None.
// ascii(): repr text with non-ASCII characters escaped (\xNN, \uNNNN, \UNNNNNNNN).
std::string asciiEscape(const std::string& repr);

bool sortValues(Vm& vm, PyThread& t, std::vector<Value>& items, Value key, bool reverse,
                int64_t* comparisons, Nanos* cost = nullptr);

}  // namespace interleave::lang
