// The Python virtual machine: one Vm per program, one ProcessImage (modules, __main__) per
// simulated process, any number of PyThreads, each with an explicit frame stack so that it can
// stop after any instruction and be resumed later by the engine.
//
// [SECTION] Frames and threads
// [SECTION] Calling natives         NativeCall in, NativeResult out
// [SECTION] Builtin types           the TypeObj of every builtin type and exception
// [SECTION] Vm
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "heap.h"
#include "opcodes.h"
#include "thread_body.h"

namespace interleave::lang {

//-----------------------------------------------------------------------------------------------
// [SECTION] Frames and threads
//-----------------------------------------------------------------------------------------------
// What happens to a frame's return value (or its exception) when it finishes.
enum class Delivery : uint8_t {
  Push,          // push on the caller's stack (an ordinary call)
  Init,          // __init__: must return None; push `payload` (the new instance) instead
  Discard,       // drop the result
  ForIter,       // generator resumed by FOR_ITER: yield -> push; return -> caller jumps to `jump`
  Next,          // generator resumed by next()/send(): yield -> push; return -> StopIteration
  Await,         // coroutine awaited (SEND): yield -> pass up; return -> push the value
  Reentrant,     // a nested run of the eval loop started from C++ (Vm::callReentrant)
  ThreadEntry,   // the bottom frame of a thread: finishing ends the thread
  ModuleBody,    // a module body: result discarded; the module is pushed (import)
  ClassBody,     // a class body: result discarded; the caller builds the class
  TaskStep,      // a coroutine resumed by asyncio's native Task.__step (module_asyncio.h): its
                 // yield, return or exception ends the step there; None goes to the caller
};

// A frame's value stack: the vector operations the eval loop uses, with push_back and
// pop_back small enough to inline (std::vector's were not, at ~15 % of the loop's time).
class ValueStack {
 public:
  ValueStack() = default;
  ValueStack(std::initializer_list<Value> init) { for (const Value& v : init) push_back(v); }
  ValueStack& operator=(std::initializer_list<Value> init) {
    clear();
    for (const Value& v : init) push_back(v);
    return *this;
  }
  // always_inline: the eval loop is too large for the compiler's own inlining budget.
  __attribute__((always_inline)) void push_back(const Value& v) {
    if (__builtin_expect(size_ == items_.size(), 0)) grow();
    items_[size_++] = v;
  }
  void pop_back() { --size_; }
  Value& back() { return items_[size_ - 1]; }
  const Value& back() const { return items_[size_ - 1]; }
  Value& operator[](size_t i) { return items_[i]; }
  const Value& operator[](size_t i) const { return items_[i]; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() { size_ = 0; }
  void reserve(size_t n) { if (items_.size() < n) items_.resize(n); }
  void resize(size_t n) {
    reserve(n);
    for (size_t i = size_; i < n; ++i) items_[i] = Value::none();
    size_ = n;
  }
  // Raw access for the eval loop's register-resident fast path (Interpreter::runFast).
  Value* data() { return items_.data(); }
  size_t capacity() const { return items_.size(); }
  void setSize(size_t n) { size_ = n; }
  Value* begin() { return items_.data(); }
  Value* end() { return items_.data() + size_; }
  const Value* begin() const { return items_.data(); }
  const Value* end() const { return items_.data() + size_; }

 private:
  __attribute__((noinline)) void grow() { items_.resize(items_.empty() ? 16 : items_.size() * 2); }
  std::vector<Value> items_;
  size_t size_ = 0;
};

struct Frame {
  CodeObj* code = nullptr;
  FunctionObj* func = nullptr;
  DictObj* globals = nullptr;
  DictObj* locals = nullptr;      // module and class bodies (LOAD_NAME)
  std::vector<Value> fast;        // code->varnames
  std::vector<CellObj*> cells;    // code->cellvars, then code->freevars
  ValueStack stack;
  uint32_t ip = 0;                // next instruction
  uint32_t lastIp = 0;            // instruction being executed (tracebacks, lines)
  GeneratorObj* generator = nullptr;
  Delivery delivery = Delivery::Push;
  Value payload = Value::undefined();   // Init: the instance; ClassBody/ModuleBody: the object
  Value outerHandled = Value::none();   // generator frames: the caller's handled exception
  uint32_t jump = 0;                    // ForIter: the caller's loop exit
  bool breakerChecked = false;          // the eval breaker at this instruction was handled
  struct Block {
    uint32_t handler;     // SETUP_FINALLY target
    uint32_t stackLevel;  // value stack depth to restore before jumping there
  };
  std::vector<Block> blocks;

  void trace(Heap& heap) const;
};

// A frame made empty for reuse (capacities kept, no references left).
void resetFrame(Frame* f);
// Frames for generators and coroutines, recycled when their generator is freed.
std::unique_ptr<Frame> takeGeneratorFrame();
void recycleGeneratorFrame(std::unique_ptr<Frame> f);

struct PyThread;

//-----------------------------------------------------------------------------------------------
// [SECTION] Calling natives
//-----------------------------------------------------------------------------------------------
struct NativeCall {
  BuiltinObj* callee = nullptr;
  Value self = Value::undefined();     // receiver for methods
  std::vector<Value> args;             // positional
  std::vector<std::pair<StrObj*, Value>> kwargs;
  PyThread* thread = nullptr;

  size_t argc() const { return args.size(); }
  // Finds a keyword argument by name (and removes it); undefined if absent.
  Value takeKw(const char* name);
};

// Continuation of a native that asked the engine for something (sleep, acquire, join...):
// called with the engine's outcome when the thread resumes.
using NativeContinuation = NativeResult (*)(Vm& vm, PyThread& thread, int64_t result, bool ok,
                                            Value data);

struct NativeResult {
  enum class Kind : uint8_t {
    Return,     // value
    Raise,      // the exception is in thread.raising
    Engine,     // ask the engine: request; then continuation(result) gives the value
    TailCall,   // call `value`(args) and return what it returns
    Resume,     // resume generator `value` with args[0] (next()/send()): yield/return deliver
  };
  Kind kind = Kind::Return;
  Value value;
  Request request;
  NativeContinuation continuation = nullptr;
  Value data = Value::undefined();
  std::vector<Value> args;  // TailCall
  Nanos cost = 0;           // extra CPU time of this call (per-item costs of C loops)

  static NativeResult ret(Value v, Nanos cost = 0) {
    NativeResult r;
    r.value = v;
    r.cost = cost;
    return r;
  }
  static NativeResult raise() {
    NativeResult r;
    r.kind = Kind::Raise;
    return r;
  }
  static NativeResult engine(Request req, NativeContinuation k, Value data = Value::undefined()) {
    NativeResult r;
    r.kind = Kind::Engine;
    r.request = std::move(req);
    r.continuation = k;
    r.data = data;
    return r;
  }
  static NativeResult resume(Value generator, Value sent) {
    NativeResult r;
    r.kind = Kind::Resume;
    r.value = generator;
    r.args.push_back(sent);
    return r;
  }
  static NativeResult tailCall(Value callable, std::vector<Value> args) {
    NativeResult r;
    r.kind = Kind::TailCall;
    r.value = callable;
    r.args = std::move(args);
    return r;
  }
};

struct PyThread {
  int32_t id = 0;                 // engine thread id
  std::vector<Frame*> frames;     // innermost last; owned by `owned` or by generators
  std::vector<std::unique_ptr<Frame>> owned;
  std::vector<std::unique_ptr<Frame>> freeFrames;  // recycled (kFramePoolSize at most)
  Value raising = Value::undefined();   // exception being propagated
  Value handled = Value::none();        // sys.exc_info(): the exception being handled
  // A native waiting for the engine.
  NativeContinuation pending = nullptr;
  Value pendingData = Value::undefined();
  Request pendingRequest;
  bool hasPendingRequest = false;
  Delivery pendingDelivery = Delivery::Push;   // where the continuation's value goes
  Value pendingPayload = Value::undefined();
  uint32_t pendingJump = 0;
  bool yieldGil = false;                       // the eval breaker asked to drop the GIL
  std::vector<Request> deferred;               // prints made inside C-called Python code
  // interleave.cpu()/native(): CPU time still to burn (Python with eval breakers / no GIL).
  Nanos busyPython = 0;
  Nanos busyNative = 0;
  bool finished = false;
  Value result = Value::none();        // the thread function's return value
  Value uncaught = Value::undefined(); // exception that ended the thread
  std::string name;
  int reentrantDepth = 0;              // nested eval loops started from C++
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Builtin types
//-----------------------------------------------------------------------------------------------
#define INTERLEAVE_BUILTIN_TYPES(X)                                                   \
  X(object) X(type) X(int) X(bool) X(float) X(str) X(list) X(tuple) X(dict) X(set)    \
  X(frozenset) X(range) X(slice) X(NoneType) X(function) X(builtin_function_or_method) \
  X(method) X(cell) X(module) X(code) X(generator) X(coroutine) X(property)           \
  X(classmethod) X(staticmethod) X(dict_keys) X(dict_values) X(dict_items)             \
  X(list_iterator) X(tuple_iterator) X(str_iterator) X(range_iterator)                 \
  X(dict_keyiterator) X(dict_valueiterator) X(dict_itemiterator) X(set_iterator)       \
  X(list_reverseiterator) X(callable_iterator) X(ellipsis)

#define INTERLEAVE_EXCEPTION_TYPES(X)                                                 \
  X(BaseException, object) X(SystemExit, BaseException)                               \
  X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException)                 \
  X(BaseExceptionGroup, BaseException)                                                \
  X(Exception, BaseException) X(ExceptionGroup, Exception) X(StopIteration, Exception) \
  X(StopAsyncIteration, Exception) X(ArithmeticError, Exception)                      \
  X(ZeroDivisionError, ArithmeticError) X(OverflowError, ArithmeticError)             \
  X(AssertionError, Exception) X(AttributeError, Exception)                           \
  X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError)       \
  X(NameError, Exception) X(UnboundLocalError, NameError) X(OSError, Exception)       \
  X(FileNotFoundError, OSError) X(FileExistsError, OSError) X(TimeoutError, OSError)  \
  X(ConnectionError, OSError) X(RuntimeError, Exception)                              \
  X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError)                \
  X(TypeError, Exception) X(ValueError, Exception) X(UnicodeError, ValueError)        \
  X(ImportError, Exception) X(ModuleNotFoundError, ImportError)                       \
  X(MemoryError, Exception) X(BufferError, Exception)      \
  X(SyntaxError, Exception) X(EOFError, Exception) X(Warning, Exception)              \
  X(UserWarning, Warning) X(DeprecationWarning, Warning) X(RuntimeWarning, Warning)       \
  X(FutureWarning, Warning) X(ResourceWarning, Warning) X(PermissionError, OSError)      \
  X(ProcessLookupError, OSError) X(ChildProcessError, OSError)                          \
  X(BrokenPipeError, ConnectionError) X(ConnectionRefusedError, ConnectionError)        \
  X(ConnectionResetError, ConnectionError) X(ConnectionAbortedError, ConnectionError)   \
  X(InterruptedError, OSError) X(IsADirectoryError, OSError)                            \
  X(NotADirectoryError, OSError) X(BlockingIOError, OSError)                            \
  X(FloatingPointError, ArithmeticError) X(ReferenceError, Exception)                   \
  X(IndentationError, SyntaxError) X(TabError, IndentationError)                        \
  X(UnicodeDecodeError, UnicodeError) X(UnicodeEncodeError, UnicodeError)

struct BuiltinTypes {
#define INTERLEAVE_TYPE_FIELD(name) TypeObj* name##_ = nullptr;
  INTERLEAVE_BUILTIN_TYPES(INTERLEAVE_TYPE_FIELD)
#undef INTERLEAVE_TYPE_FIELD
#define INTERLEAVE_EXC_FIELD(name, base) TypeObj* name = nullptr;
  INTERLEAVE_EXCEPTION_TYPES(INTERLEAVE_EXC_FIELD)
#undef INTERLEAVE_EXC_FIELD
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Vm
//-----------------------------------------------------------------------------------------------
// Limits of the VM, each with its reason.
// CPython's default recursion limit (sys.getrecursionlimit()).
constexpr int kMaxRecursionDepth = 1000;
// Nested eval loops started from C++ (repr of a repr of ...): far below the host stack.
constexpr int kMaxReentrantDepth = 50;
// Finished frames kept per thread for reuse (a recursion 64 deep allocates nothing twice).
constexpr size_t kFramePoolSize = 64;
// Bytecode instructions a run may execute: MachineConfig::maxInstructions (setting
// `max_instructions`, default 2 billion; the lessons' CPU-bound files need ~1.3 billion).
// Longest str/list a program may build (a runaway `s += s` doubles until memory runs out).
constexpr int64_t kMaxSequenceLength = 64 * 1024 * 1024;
// interleave.cpu() is a pure-Python busy loop: the eval breaker is checked once per iteration of
// about this many nanoseconds (one `for` iteration in CPython 3.11 here).
constexpr Nanos kBusyLoopGrain = 50;

// A simulated process's view of the interpreter. All processes share one Vm (types, builtins,
// code objects, the heap), but each has its own modules: a child made by fork starts with a
// copy of its parent's (process_copy.h), so its writes are never seen by the parent.
struct ProcessImage {
  std::unordered_map<std::string, ModuleObj*> modules;  // sys.modules
  ModuleObj* mainModule = nullptr;                       // __main__ (or __mp_main__)
  void* runtime = nullptr;                               // the process's RuntimeState (modules.h)
};

struct RunOutcome {
  Nanos consumed = 0;
  Request request;
};

class ResourceWatch;

class Vm {
 public:
  Vm(Simulation* sim, const std::string& filename, const std::string& source);
  ~Vm();

  Heap heap;
  BuiltinTypes types;
  DictObj* builtins = nullptr;
  std::vector<std::unique_ptr<ProcessImage>> images;  // every process's; [0] the first
  ProcessImage* image = nullptr;                       // the running process's
  std::vector<std::unique_ptr<PyThread>> threads;
  std::string filename;
  std::vector<std::string> sourceLines;
  Simulation* simulation = nullptr;
  ThreadContext* ctx = nullptr;     // valid while a thread runs
  PyThread* ctxThread = nullptr;    // the thread running (valid with ctx)
  const Nanos* runConsumed = nullptr;  // CPU time the running batch used so far (Vm::run)
  // Virtual time now, inside the running batch (time.monotonic() between two requests).
  Nanos clock() const { return ctx ? ctx->now() + (runConsumed ? *runConsumed : 0) : 0; }
  int64_t charged = 0;              // cost units (cost_model.h) charged by the running instruction
  int64_t chargeRemainder = 0;      // fraction of a nanosecond carried to the next instruction
  int64_t instructions = 0;         // executed so far
  int64_t maxInstructions = 0;      // MachineConfig::maxInstructions (a runaway stops there)
  // Bumped whenever a type is created or a type's dict changes: class attribute lookups
  // cached under one value are still right (CodeObj::classAttrCache).
  uint64_t typeEpoch = 1;
  void watchTypeDict(DictObj* d) {
    d->typeEpoch = &typeEpoch;
    ++typeEpoch;
  }
  std::array<int64_t, static_cast<size_t>(Op::Count)> opCost{};  // cost units
  Obj* notImplemented = nullptr;    // the NotImplemented singleton
  CodeObj* bootCode = nullptr;      // [CALL_FUNCTION_EX 1, RETURN_VALUE]: thread/reentrant base
  CodeObj* programCode = nullptr;   // the program's module code (spawn runs it again as __mp_main__)
  BuiltinObj* buildClass = nullptr; // __build_class__
  TypeObj* superType = nullptr;     // super
  std::vector<Obj*> reprStack;      // containers being repr'd (Py_ReprEnter): [...] for cycles
  Obj* ellipsis = nullptr;

  // --- running ---------------------------------------------------------------------------
  // Creates a thread whose bottom frame calls `callable(*args)`.
  PyThread* newThread(Value callable, std::vector<Value> args, int32_t engineId,
                      const std::string& name);
  PyThread* newMainThread(CodeObj* moduleCode, int32_t engineId);
  // Runs `thread` for about `budget` ns of virtual CPU (see ThreadBody::run).
  RunOutcome run(PyThread& thread, ThreadContext& ctx, Nanos budget);
  // Calls a callable to completion from C++ (no blocking allowed inside).
  bool callReentrant(PyThread& thread, Value callable, const std::vector<Value>& args,
                     Value* result);

  // --- errors ------------------------------------------------------------------------------
  // Sets thread.raising to a new `type(message)` and returns NativeResult::raise().
  NativeResult raise(PyThread& t, TypeObj* type, const std::string& message);
  Value newException(TypeObj* type, const std::string& message);
  Value newExceptionArgs(TypeObj* type, std::vector<Value> args);
  // "Traceback (most recent call last): ..." exactly as CPython prints it.
  std::string formatTraceback(Value exc);

  // --- values ------------------------------------------------------------------------------
  Value str(const std::string& s) { return Value::object(heap.str(s)); }
  Value integer(const BigInt& b);   // small when it fits
  Value tuple(std::vector<Value> items);
  Value list(std::vector<Value> items);
  DictObj* newDict() { return heap.make<DictObj>(); }
  TypeObj* typeOf(const Value& v) const;
  std::string typeName(const Value& v) const;
  bool isInstance(const Value& v, TypeObj* t) const;
  bool isSubclass(TypeObj* a, TypeObj* b) const;

  // Protocols usable from natives. They may run Python code re-entrantly (no blocking).
  bool repr(PyThread& t, Value v, std::string* out);
  bool toStr(PyThread& t, Value v, std::string* out);
  bool truthy(PyThread& t, Value v, bool* out);
  bool hash(PyThread& t, Value v, int64_t* out);
  bool equals(PyThread& t, Value a, Value b, bool* out);
  bool lessThan(PyThread& t, Value a, Value b, bool* out);
  bool getAttr(PyThread& t, Value obj, StrObj* name, Value* out);  // raises AttributeError
  bool lookupAttr(Value obj, const std::string& name, Value* out);  // no exception, no Python
  bool setAttr(PyThread& t, Value obj, StrObj* name, Value v);
  bool iterate(PyThread& t, Value iterable, std::vector<Value>* out);  // materialise (no generators blocking)

  // Dicts (hashing may call __hash__/__eq__).
  bool dictGet(PyThread& t, DictObj* d, Value key, Value* out, bool* found);
  bool dictSet(PyThread& t, DictObj* d, Value key, Value value);
  bool dictDel(PyThread& t, DictObj* d, Value key, bool* found);
  // Fast paths for string keys (names, attributes): never run Python code.
  Value dictGetStr(DictObj* d, const std::string& key);
  void dictSetStr(DictObj* d, const std::string& key, Value v);

  // Registers a native function under `name` in `dict`.
  BuiltinObj* defineNative(DictObj* dict, const std::string& name, NativeFn fn,
                           const std::string& owner = "");
  TypeObj* newType(const std::string& name, std::vector<TypeObj*> bases, bool builtin,
                   ObjKind instanceKind = ObjKind::Instance);
  ModuleObj* newModule(const std::string& name);

  // The compiled prelude (builtins written in Python) and the native modules.
  void installBuiltins();
  void collectGarbage();
  std::vector<Value> roots;  // extra GC roots (values held by engine-side objects)
  // Attribute names natives look up on library objects, made once per Vm (GC roots): no
  // string to build or hash per lookup.
  enum class LibName : uint8_t {
    When, Callback, Name, State, Task,
    // asyncio's Future and Task (module_asyncio.cpp): their attributes and states
    Loop, Result, Exception, Callbacks, CancelMessage, CancelledExc, Blocking, MustCancel,
    FutWaiter, Coro, NumCancels, Context, CallSoon, Pending, Cancelled, Finished, Step, Wakeup,
    ResultMethod, AddDoneCallback, CancelMethod, Append, Init, Count
  };
  StrObj* libName(LibName n) {
    static constexpr const char* kText[] = {
        "_when", "_callback", "_name", "_state", "Task",
        "_loop", "_result", "_exception", "_callbacks", "_cancel_message", "_cancelled_exc",
        "_asyncio_future_blocking", "_must_cancel", "_fut_waiter", "_coro", "_num_cancels_requested",
        "_context", "call_soon", "PENDING", "CANCELLED", "FINISHED", "__step", "__wakeup",
        "result", "add_done_callback", "cancel", "append", "__init__"};
    static_assert(sizeof(kText) / sizeof(kText[0]) == static_cast<size_t>(LibName::Count));
    StrObj*& s = libNames_[static_cast<size_t>(n)];
    if (!s) s = heap.str(kText[static_cast<size_t>(n)]);
    return s;
  }
  StrObj* libNames_[static_cast<size_t>(LibName::Count)] = {};
  // Values crossing processes (pickled, in a pipe): token -> snapshot (process_copy.h).
  std::unordered_map<int64_t, Value> transit;
  int64_t nextTransit = 1;
  // "coroutine ... was never awaited": coroutines not started yet, and whether one of them may
  // just have lost a reference (POP_TOP, a store over it): then the next safe point collects,
  // and freeing an unstarted coroutine prints CPython's RuntimeWarning.
  // Only a coroutine that could warn counts (never started); if every one dropped since the
  // last safe point is still referenced from the running frame (droppedCoroutinesReferenced),
  // nothing can be freed that warns about them, and the collection is skipped: a loop such as
  // gather's `for arg in coros:` would otherwise trace the whole heap once per coroutine.
  int64_t unstartedCoroutines = 0;
  bool coroutineDropped = false;
  std::vector<GeneratorObj*> droppedCoroutines;  // since the last safe point (not GC roots)
  std::vector<std::string> warnings;  // to print on the running thread's stderr
  void noteDropped(const Value& v) {
    if (!v.isObj() || v.asObj()->kind != ObjKind::Generator) return;
    auto* g = static_cast<GeneratorObj*>(v.asObj());
    if (!g->coroutine || g->awaitedOnce || g->state != GenState::Created) return;
    droppedCoroutines.push_back(g);
    coroutineDropped = true;
  }
  // asyncio's Future.__await__() iterator type (module_asyncio.cpp; SEND drives it natively).
  TypeObj* futureIterType = nullptr;
  // Records the program's locks, semaphores and queues in the trace (runner.cpp sets it).
  ResourceWatch* resourceWatch = nullptr;
  bool droppedCoroutinesReferenced();
  const Obj* dropScanContainer = nullptr;  // where the last one was found (a hint only)
  size_t dropScanIndex = 0;
  // Loads a library module on its first import (modules.cpp), nullptr if there is none.
  ModuleObj* (*lazyModule)(Vm& vm, const std::string& name) = nullptr;
  // Runs a module body to completion at set-up time (library modules).
  bool runModuleBody(CodeObj* code, ModuleObj* module, std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend struct Interpreter;
};

}  // namespace interleave::lang
