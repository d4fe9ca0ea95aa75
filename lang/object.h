// Heap objects of the Python VM.
//
// [SECTION] Obj header and kinds
// [SECTION] Scalars and containers   str, int (big), list, tuple, dict, set, range, slice
// [SECTION] Code and functions       code, function, builtin, bound method, cell, module
// [SECTION] Classes and instances    type, instance (exceptions are instances too)
// [SECTION] Generators and iterators
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bigint.h"
#include "object_pool.h"
#include "value.h"

namespace interleave::lang {

class Heap;
class Vm;
struct TypeObj;
struct DictObj;
struct Frame;

//-----------------------------------------------------------------------------------------------
// [SECTION] Obj header and kinds
//-----------------------------------------------------------------------------------------------
enum class ObjKind : uint8_t {
  Str, BigInt, List, Tuple, Dict, Set, Range, Slice,
  Code, Function, Builtin, BoundMethod, Cell, Module,
  Type, Instance, Generator, Iterator, Property, ClassMethod, StaticMethod, DictView,
};

void forgetObjectId(const struct Obj* o);
void forgetWatchedObject(const struct Obj* o);  // resource_watch.cpp

struct Obj {
  ObjKind kind;
  bool marked = false;
  bool hasId = false;  // id()/repr address assigned (objects.cpp)
  bool watched = false;  // a trace resource (resource_watch.h), observed until it is freed
  Obj* gcNext = nullptr;
  explicit Obj(ObjKind k) : kind(k) {}
  virtual ~Obj() {
    if (hasId) forgetObjectId(this);
    if (watched) forgetWatchedObject(this);
  }
  // Size-class pools (object_pool.h); the virtual destructor passes the dynamic type's size.
  static void* operator new(size_t bytes) { return poolAllocate(bytes); }
  static void operator delete(void* p, size_t bytes) { poolFree(p, bytes); }
  // Marks every Value/Obj this object refers to (Heap::mark).
  virtual void trace(Heap& heap) {}
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Scalars and containers
//-----------------------------------------------------------------------------------------------
struct StrObj : Obj {
  std::string s;          // UTF-8
  int64_t hash = -1;      // cached (-1: not computed yet)
  int64_t length = -1;    // code points, cached
  explicit StrObj(std::string v) : Obj(ObjKind::Str), s(std::move(v)) {}
};

struct BigIntObj : Obj {
  BigInt value;
  explicit BigIntObj(BigInt v) : Obj(ObjKind::BigInt), value(std::move(v)) {}
};

struct ListObj : Obj {
  std::vector<Value> items;
  ListObj() : Obj(ObjKind::List) {}
  void trace(Heap& heap) override;
};

struct TupleObj : Obj {
  std::vector<Value> items;
  TupleObj() : Obj(ObjKind::Tuple) {}
  void trace(Heap& heap) override;
};

// Insertion-ordered hash table (CPython's compact dict layout): entries in order, an open-
// addressing index into them. Hashing/equality come from the VM (they may run Python code).
struct DictEntry {
  Value key;
  Value value;
  int64_t hash = 0;
  bool live = false;
};

struct DictObj : Obj {
  std::vector<DictEntry> entries;
  std::vector<int32_t> index;   // -1 empty, -2 deleted, else entry number
  int64_t used = 0;             // live entries
  // A type's dict: the VM's counter bumped on every change (Vm::typeEpoch, attribute caches).
  uint64_t* typeEpoch = nullptr;
  DictObj() : Obj(ObjKind::Dict) {}
  void trace(Heap& heap) override;
};

struct SetObj : Obj {
  DictObj table;   // keys only (values unused), in insertion order
  bool frozen = false;
  // CPython's iteration order (its hash table's slot order), computed on demand: setOrder().
  std::vector<int32_t> order;
  size_t orderEntries = SIZE_MAX;
  int64_t orderUsed = -1;
  SetObj() : Obj(ObjKind::Set) {}
  void trace(Heap& heap) override { table.trace(heap); }
};

struct RangeObj : Obj {
  int64_t start = 0, stop = 0, step = 1;
  RangeObj() : Obj(ObjKind::Range) {}
  int64_t length() const;
};

struct SliceObj : Obj {
  Value start, stop, step;
  SliceObj() : Obj(ObjKind::Slice) {}
  void trace(Heap& heap) override;
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Code and functions
//-----------------------------------------------------------------------------------------------
struct Instr {
  uint8_t op;
  uint32_t arg;
};

struct SourceSpan {
  int32_t line = 0, col = 0, endLine = 0, endCol = 0;  // col 0-based, like CPython's positions
  // Traceback carets (3.11): for a binary operation, where the left operand ends and the right
  // one starts; for a subscript, where the value ends and the slice ends. -1: none.
  int32_t anchorA = -1, anchorB = -1;
  uint8_t anchorKind = 0;  // 0 none, 1 binary operation, 2 subscript
};

enum CodeFlags : uint32_t {
  kCodeVarargs = 1,
  kCodeVarkw = 2,
  kCodeGenerator = 4,
  kCodeCoroutine = 8,
  kCodePrelude = 16,     // part of the builtins written in Python: costed as C, hidden in tracebacks
  kCodeModule = 32,      // module or class body: names live in a dict (LOAD_NAME)
  kCodeNested = 64,
  kCodeLibrary = 128,    // simulated standard library: costed like user code, hidden in tracebacks
};

struct CodeObj : Obj {
  std::string name, qualname, filename;
  std::vector<Instr> code;
  std::vector<SourceSpan> spans;          // one per instruction
  std::vector<Value> constants;
  std::vector<StrObj*> names;             // globals / attributes
  // Per name: another StrObj of the same text found as a dict key (a name stored by other
  // code), so that lookups compare pointers, not strings. Kept alive by trace(): a key's
  // address is not reused while it is remembered here.
  std::vector<StrObj*> nameAliases;
  // Per instruction (LOAD_ATTR, STORE_ATTR): findClassAttr(cls, name) as last computed, valid
  // while no type's dict has changed since (Vm::typeEpoch) and for the same class.
  struct ClassAttrCache {
    TypeObj* cls = nullptr;
    uint64_t epoch = 0;
    Value attr;
    // LOAD_ATTR: where the attribute was in the last instance's dict (a hint, checked on use:
    // instances of a class set their attributes in the same order).
    int32_t slot = -1;
  };
  std::vector<ClassAttrCache> classAttrCache;
  std::vector<std::string> varnames;      // fast locals: params first
  std::vector<std::string> cellvars;      // locals captured by inner functions
  std::vector<std::string> freevars;      // captured from outer functions
  std::vector<int32_t> cellFromArg;       // cellvars that are also arguments (-1 otherwise)
  int32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  uint32_t flags = 0;
  int32_t firstLine = 0;
  int32_t stackSize = 0;
  StrObj* docstring = nullptr;            // first statement, if a string literal
  CodeObj() : Obj(ObjKind::Code) {}
  void trace(Heap& heap) override;
};

struct CellObj : Obj {
  Value value = Value::undefined();
  CellObj() : Obj(ObjKind::Cell) {}
  void trace(Heap& heap) override;
};

struct FunctionObj : Obj {
  CodeObj* code = nullptr;
  DictObj* globals = nullptr;
  std::vector<Value> defaults;
  DictObj* kwdefaults = nullptr;   // may be null
  std::vector<CellObj*> closure;
  StrObj* name = nullptr;
  StrObj* qualname = nullptr;
  DictObj* attrs = nullptr;        // __dict__ (functools.wraps sets __wrapped__ etc.)
  Value module;                    // __module__
  Value doc;
  FunctionObj() : Obj(ObjKind::Function) {}
  void trace(Heap& heap) override;
};

struct NativeCall;
struct NativeResult;
using NativeFn = NativeResult (*)(Vm& vm, NativeCall& call);

struct BuiltinObj : Obj {
  std::string name;       // e.g. "len", "append"
  std::string ownerType;  // for methods: "list" (error messages: "list.append() takes ...")
  NativeFn fn = nullptr;
  Value self = Value::undefined();  // bound receiver for methods
  Value data = Value::undefined();  // extra payload (e.g. the module a function belongs to)
  int64_t tag = 0;                  // small integer payload
  BuiltinObj() : Obj(ObjKind::Builtin) {}
  void trace(Heap& heap) override;
};

struct BoundMethodObj : Obj {
  Value self;
  Value func;
  BoundMethodObj() : Obj(ObjKind::BoundMethod) {}
  void trace(Heap& heap) override;
};

struct ModuleObj : Obj {
  std::string name;
  DictObj* dict = nullptr;
  ModuleObj() : Obj(ObjKind::Module) {}
  void trace(Heap& heap) override;
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Classes and instances
//-----------------------------------------------------------------------------------------------
struct TypeObj : Obj {
  std::string name;
  std::string module = "builtins";
  std::vector<TypeObj*> bases;
  std::vector<TypeObj*> mro;   // C3 linearisation, self first
  DictObj* dict = nullptr;
  ObjKind instanceKind = ObjKind::Instance;  // what its instances are (Str for str, ...)
  bool builtin = false;
  bool isException = false;     // derives from BaseException
  uint8_t resourceKind = 0;     // 1 + ResourceKind: its instances are trace resources
                                // (resource_watch.h); inherited by subclasses. 0: not one
  // Most attributes an instance's dict has held (up to kInstanceDictReserve): new instances'
  // dicts reserve that many entries, so that __init__ does not regrow them (capacity only).
  int32_t instanceAttrs = 0;
  TypeObj() : Obj(ObjKind::Type) {}
  void trace(Heap& heap) override;
};

// A traceback entry: where an exception passed through.
struct TracebackEntry {
  CodeObj* code = nullptr;
  int32_t instr = 0;   // index of the instruction
};

struct ExceptionState {
  Value args;                        // tuple
  Value cause = Value::none();       // __cause__
  Value context = Value::none();     // __context__
  bool suppressContext = false;
  std::vector<TracebackEntry> traceback;  // outermost first
};

constexpr int32_t kInstanceDictReserve = 32;  // beyond that, a class is a bag of attributes

struct InstanceObj : Obj {
  TypeObj* cls = nullptr;
  DictObj* dict = nullptr;
  std::unique_ptr<ExceptionState> exc;  // for BaseException instances
  // Native payload for builtin-backed classes (threading.Lock -> engine primitive id, ...).
  int64_t nativeId = -1;
  Value nativeValue = Value::undefined();
  InstanceObj() : Obj(ObjKind::Instance) {}
  void trace(Heap& heap) override;
};

struct PropertyObj : Obj {  // property, classmethod and staticmethod wrappers
  Value fget, fset, fdel;
  PropertyObj(ObjKind k) : Obj(k) {}
  void trace(Heap& heap) override;
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Generators and iterators
//-----------------------------------------------------------------------------------------------
enum class GenState : uint8_t { Created, Suspended, Running, Done };

struct GeneratorObj : Obj {
  std::unique_ptr<Frame> frame;
  GenState state = GenState::Created;
  bool coroutine = false;
  StrObj* name = nullptr;
  StrObj* qualname = nullptr;
  Value yieldedFrom = Value::undefined();  // the awaitable being awaited (coroutines)
  bool awaitedOnce = false;                // for "coroutine was never awaited"
  Value handled = Value::none();           // its own exception being handled (gi_exc_state)
  GeneratorObj();
  ~GeneratorObj() override;
  void trace(Heap& heap) override;
};

// Iterators over builtin containers. Python-level iterators (generators, prelude helpers)
// are GeneratorObj.
enum class IterKind : uint8_t {
  List, Tuple, Str, Range, DictKeys, DictValues, DictItems, Set, ListReverse, CallIter
};

struct IteratorObj : Obj {
  IterKind iterKind = IterKind::List;
  Value source;
  int64_t index = 0;
  int64_t rangeNext = 0, rangeStop = 0, rangeStep = 1;
  std::vector<int32_t> order;  // sets: entry indices in CPython's iteration order
  IteratorObj() : Obj(ObjKind::Iterator) {}
  void trace(Heap& heap) override;
};

// dict.keys() / values() / items(): live, re-iterable views of a dict.
enum class ViewKind : uint8_t { Keys, Values, Items };
struct DictViewObj : Obj {
  DictObj* dict = nullptr;
  ViewKind view = ViewKind::Keys;
  DictViewObj() : Obj(ObjKind::DictView) {}
  void trace(Heap& heap) override;
};

}  // namespace interleave::lang
