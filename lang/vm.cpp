// The eval loop.
//
// [SECTION] Set-up           the Vm, its types, builtins and the prelude
// [SECTION] Exceptions       raising, unwinding, tracebacks printed like CPython 3.11
// [SECTION] Calls            binding arguments, frames, natives, classes, generators
// [SECTION] Attributes       LOAD_ATTR / STORE_ATTR with descriptors
// [SECTION] Eval loop        one instruction at a time, budgeted by the engine
#include "vm.h"

#include <algorithm>
#include <cmath>

#include "compiler.h"
#include "cost_model.h"
#include "library_cache.h"
#include "number_format.h"
#include "parser.h"
#include "methods.h"
#include "module_asyncio.h"
#include "modules.h"
#include "resource_watch.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {

std::string strRepr(const std::string& s);


void resetFrame(Frame* f) {
  // Keep the vectors' capacity; drop every reference (the GC must not see them).
  f->fast.clear();
  f->cells.clear();
  f->stack.clear();
  f->blocks.clear();
  f->code = nullptr;
  f->func = nullptr;
  f->globals = nullptr;
  f->locals = nullptr;
  f->generator = nullptr;
  f->payload = Value::undefined();
  f->outerHandled = Value::none();
  f->ip = 0;
  f->lastIp = 0;
  f->breakerChecked = false;
  f->delivery = Delivery::Push;
  f->jump = 0;
}

namespace {
// Generator and coroutine frames outlive their call: they go back here when their generator is
// freed (a task step makes a coroutine or two, and the collector frees them in bulk).
constexpr size_t kGeneratorFramePoolSize = 4096;
thread_local std::vector<std::unique_ptr<Frame>> generatorFrames;
}  // namespace

std::unique_ptr<Frame> takeGeneratorFrame() {
  if (generatorFrames.empty()) return std::make_unique<Frame>();
  std::unique_ptr<Frame> f = std::move(generatorFrames.back());
  generatorFrames.pop_back();
  return f;
}

void recycleGeneratorFrame(std::unique_ptr<Frame> f) {
  if (generatorFrames.size() >= kGeneratorFramePoolSize) return;
  resetFrame(f.get());
  generatorFrames.push_back(std::move(f));
}

void Frame::trace(Heap& h) const {
  h.mark(code);
  h.mark(func);
  h.mark(globals);
  h.mark(locals);
  for (const Value& v : fast) h.mark(v);
  for (CellObj* c : cells) h.mark(c);
  for (const Value& v : stack) h.mark(v);
  h.mark(generator);
  h.mark(payload);
  h.mark(outerHandled);
}

Value NativeCall::takeKw(const char* name) {
  for (size_t i = 0; i < kwargs.size(); ++i) {
    if (kwargs[i].first->s == name) {
      Value v = kwargs[i].second;
      kwargs.erase(kwargs.begin() + static_cast<ptrdiff_t>(i));
      return v;
    }
  }
  return Value::undefined();
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Set-up
//-----------------------------------------------------------------------------------------------
struct Vm::Impl {
  PyThread bootThread;  // for errors raised while setting up (never runs code)
};

Vm::Vm(Simulation* sim, const std::string& file, const std::string& source)
    : filename(file), simulation(sim), impl_(std::make_unique<Impl>()) {
  size_t start = 0;
  while (start <= source.size()) {
    size_t nl = source.find('\n', start);
    sourceLines.push_back(source.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  maxInstructions = sim ? sim->config().maxInstructions : MachineConfig().maxInstructions;
  heap.onFreeGenerator = [this](GeneratorObj* g) {
    if (!g->coroutine || g->awaitedOnce || g->state != GenState::Created) return;
    --unstartedCoroutines;
    // warnings.warn at the line running now, as CPython's _PyErr_WarnUnawaitedCoroutine does.
    std::string where = filename + ":0";
    std::string source;
    if (ctxThread && !ctxThread->frames.empty()) {
      Frame* fr = ctxThread->frames.back();
      int32_t line = fr->code->spans.empty() ? 0 : fr->code->spans[std::min<size_t>(fr->lastIp, fr->code->spans.size() - 1)].line;
      where = fr->code->filename + ":" + std::to_string(line);
      if (fr->code->filename == filename && line >= 1 && line <= static_cast<int32_t>(sourceLines.size())) {
        source = sourceLines[static_cast<size_t>(line - 1)];
        size_t lead = source.find_first_not_of(" \t");
        source = lead == std::string::npos ? "" : "  " + source.substr(lead) + "\n";
      }
    }
    warnings.push_back(where + ": RuntimeWarning: coroutine '" + (g->qualname ? g->qualname->s : "?") +
                       "' was never awaited\n" + source +
                       "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
  };
  images.push_back(std::make_unique<ProcessImage>());
  image = images.back().get();
  builtins = newDict();
  installTypes(*this);
  notImplemented = heap.make<InstanceObj>();
  static_cast<InstanceObj*>(notImplemented)->cls = newType("NotImplementedType", {types.object_}, true);
  dictSetStr(builtins, "NotImplemented", Value::object(notImplemented));
  installBuiltins();
}

Vm::~Vm() = default;

ModuleObj* Vm::newModule(const std::string& name) {
  ModuleObj* m = heap.make<ModuleObj>();
  m->name = name;
  m->dict = newDict();
  dictSetStr(m->dict, "__name__", str(name));
  image->modules[name] = m;
  return m;
}

BuiltinObj* Vm::defineNative(DictObj* dict, const std::string& name, NativeFn fn,
                             const std::string& owner) {
  BuiltinObj* b = heap.make<BuiltinObj>();
  b->name = name;
  b->ownerType = owner;
  b->fn = fn;
  dictSetStr(dict, name, Value::object(b));
  return b;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Exceptions
//-----------------------------------------------------------------------------------------------
Value Vm::newExceptionArgs(TypeObj* type, std::vector<Value> args) {
  InstanceObj* e = heap.make<InstanceObj>();
  e->cls = type;
  e->exc = std::make_unique<ExceptionState>();
  e->exc->args = tuple(std::move(args));
  return Value::object(e);
}

Value Vm::newException(TypeObj* type, const std::string& message) {
  if (message.empty() && (type == types.MemoryError || type == types.StopIteration)) {
    return newExceptionArgs(type, {});
  }
  return newExceptionArgs(type, {str(message)});
}

NativeResult Vm::raise(PyThread& t, TypeObj* type, const std::string& message) {
  t.raising = newException(type, message);
  return NativeResult::raise();
}

namespace {

ExceptionState* excState(const Value& v) {
  if (!v.isObj() || v.asObj()->kind != ObjKind::Instance) return nullptr;
  return static_cast<InstanceObj*>(v.asObj())->exc.get();
}

// Levenshtein-like distance of CPython's suggestions (Python/suggestions.c).
constexpr int kMoveCost = 2;
constexpr int kCaseCost = 1;
int substitutionCost(char a, char b) {
  if (a == b) return 0;
  if (std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b))) return kCaseCost;
  return kMoveCost;
}
int levenshtein(const std::string& a, const std::string& b, int maxCost) {
  if (a == b) return 0;
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::string x = a.substr(pre), y = b.substr(pre);
  while (!x.empty() && !y.empty() && x.back() == y.back()) { x.pop_back(); y.pop_back(); }
  if (x.empty() || y.empty()) return static_cast<int>(x.size() + y.size()) * kMoveCost;
  if (std::abs(static_cast<int>(x.size()) - static_cast<int>(y.size())) * kMoveCost > maxCost) return maxCost + 1;
  if (x.size() > y.size()) std::swap(x, y);
  std::vector<int> row(x.size());
  for (size_t i = 0; i < x.size(); ++i) row[i] = static_cast<int>(i + 1) * kMoveCost;
  int result = 0;
  for (size_t bi = 0; bi < y.size(); ++bi) {
    int distance = static_cast<int>(bi) * kMoveCost;
    result = distance;
    int minimum = INT32_MAX;
    for (size_t ai = 0; ai < x.size(); ++ai) {
      int substitute = distance + substitutionCost(y[bi], x[ai]);
      distance = row[ai];
      int insertDelete = std::min(result, distance) + kMoveCost;
      result = std::min(insertDelete, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

std::string suggest(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  int bestDistance = INT32_MAX;
  for (const std::string& c : candidates) {
    if (c == name) continue;
    int maxDistance = static_cast<int>(name.size() + c.size() + 3) * kMoveCost / 6;
    int d = levenshtein(name, c, std::min(maxDistance, bestDistance - 1));
    if (d > maxDistance || d >= bestDistance) continue;
    best = c;
    bestDistance = d;
  }
  return best;
}

}  // namespace

std::string Vm::formatTraceback(Value exc) {
  PyThread& t = impl_->bootThread;
  std::string out;
  ExceptionState* st = excState(exc);
  if (!st) return "";
  if (!st->cause.isNone() && excState(st->cause)) {
    out += formatTraceback(st->cause);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (!st->suppressContext && !st->context.isNone() && excState(st->context)) {
    out += formatTraceback(st->context);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (!st->traceback.empty()) out += "Traceback (most recent call last):\n";
  // CPython prints a frame repeated more than 3 times in a row only 3 times, then a count.
  constexpr int kRecursiveCutoff = 3;
  const TracebackEntry* last = nullptr;
  int repeats = 0;
  auto flushRepeats = [&]() {
    if (repeats > kRecursiveCutoff) {
      int more = repeats - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    }
  };
  for (size_t k = st->traceback.size(); k-- > 0;) {
    const TracebackEntry& e = st->traceback[k];
    const SourceSpan& sp = e.code->spans[static_cast<size_t>(e.instr)];
    if (last && last->code == e.code && last->code->spans[static_cast<size_t>(last->instr)].line == sp.line) {
      if (++repeats > kRecursiveCutoff) continue;
    } else {
      flushRepeats();
      repeats = 1;
    }
    last = &e;
    std::string where = e.code->name;
    out += "  File \"" + e.code->filename + "\", line " + std::to_string(sp.line) + ", in " + where + "\n";
    if (sp.line < 1 || sp.line > static_cast<int32_t>(sourceLines.size()) || e.code->filename != filename) continue;
    const std::string& line = sourceLines[static_cast<size_t>(sp.line - 1)];
    size_t first = line.find_first_not_of(" \t\f");
    if (first == std::string::npos) continue;
    size_t last = line.find_last_not_of(" \t\f\r\n");
    std::string stripped = line.substr(first, last - first + 1);
    out += "    " + stripped + "\n";
    // Carets (3.11's traceback.format_frame_summary): columns are in characters.
    auto chars = [&](const std::string& s) {
      int64_t n = 0;
      for (unsigned char c : s) n += (c & 0xC0) != 0x80;
      return n;
    };
    int64_t strippedChars = chars(line.substr(0, first));
    int64_t strippedLen = chars(stripped);
    int64_t startOffset = sp.col + 1;
    int64_t endOffset = sp.endCol + 1;
    if (sp.endLine != sp.line) endOffset = strippedChars + strippedLen + 1;
    if (sp.col < 0 || endOffset <= startOffset) continue;
    int64_t leftEnd = -1, rightStart = -1;
    if (sp.line == sp.endLine && sp.anchorKind != 0) {
      // Work on the segment's code points.
      std::vector<std::string> cps;
      for (size_t i = 0; i < line.size();) {
        size_t j = i + 1;
        while (j < line.size() && (static_cast<unsigned char>(line[j]) & 0xC0) == 0x80) ++j;
        cps.push_back(line.substr(i, j - i));
        i = j;
      }
      if (sp.anchorKind == 1) {
        int64_t opStart = sp.anchorA, opEnd = sp.anchorB;
        int64_t offset = 0;
        while (opStart + offset < opEnd && opStart + offset < static_cast<int64_t>(cps.size()) &&
               (cps[static_cast<size_t>(opStart + offset)] == " " || cps[static_cast<size_t>(opStart + offset)] == "\t")) {
          ++offset;
        }
        int64_t left = sp.anchorA + offset;
        int64_t right = left + 1;
        if (offset + 1 < opEnd - opStart && left + 1 < static_cast<int64_t>(cps.size()) &&
            cps[static_cast<size_t>(left + 1)] != " " && cps[static_cast<size_t>(left + 1)] != "\t") {
          ++right;
        }
        leftEnd = left - sp.col;
        rightStart = right - sp.col;
      } else {
        leftEnd = sp.anchorA - sp.col;
        rightStart = sp.anchorB - sp.col;
      }
    }
    bool anchors = leftEnd >= 0 && rightStart > leftEnd;
    if (endOffset - startOffset < strippedLen || anchors) {
      out += "    " + std::string(static_cast<size_t>(std::max<int64_t>(0, startOffset - 1 - strippedChars)), ' ');
      if (anchors) {
        out += std::string(static_cast<size_t>(leftEnd), '~');
        out += std::string(static_cast<size_t>(rightStart - leftEnd), '^');
        out += std::string(static_cast<size_t>(std::max<int64_t>(0, endOffset - startOffset - rightStart)), '~');
      } else {
        out += std::string(static_cast<size_t>(endOffset - startOffset), '^');
      }
      out += "\n";
    }
  }
  flushRepeats();
  auto* inst = static_cast<InstanceObj*>(exc.asObj());
  std::string name = inst->cls->name;
  if (inst->cls->module != "builtins" && inst->cls->module != "__main__") name = inst->cls->module + "." + name;
  std::string msg;
  if (!toStr(t, exc, &msg)) {
    t.raising = Value::undefined();
    msg = "<exception str() failed>";
  }
  // 3.11's "Did you mean" for NameError and AttributeError.
  if (isSubclass(inst->cls, types.NameError) && !isSubclass(inst->cls, types.UnboundLocalError)) {
    Value nameAttr = inst->dict ? dictGetStr(inst->dict, "name") : Value::undefined();
    if (isKind(nameAttr, ObjKind::Str)) {
      std::vector<std::string> cands;
      Value frameLocals = dictGetStr(inst->dict, "_candidates");
      if (isKind(frameLocals, ObjKind::List)) {
        for (const Value& c : static_cast<ListObj*>(frameLocals.asObj())->items) cands.push_back(asStr(c)->s);
      }
      std::string s = suggest(asStr(nameAttr)->s, cands);
      if (!s.empty()) msg += ". Did you mean: '" + s + "'?";
    }
  } else if (isSubclass(inst->cls, types.AttributeError) && inst->dict) {
    Value nameAttr = dictGetStr(inst->dict, "name");
    Value cand = dictGetStr(inst->dict, "_candidates");
    if (isKind(nameAttr, ObjKind::Str) && isKind(cand, ObjKind::List)) {
      std::vector<std::string> cands;
      for (const Value& c : static_cast<ListObj*>(cand.asObj())->items) cands.push_back(asStr(c)->s);
      std::string s = suggest(asStr(nameAttr)->s, cands);
      if (!s.empty()) msg += ". Did you mean: '" + s + "'?";
    }
  }
  out += msg.empty() ? name + "\n" : name + ": " + msg + "\n";
  return out;
}

//-----------------------------------------------------------------------------------------------
// Interpreter internals (a friend of Vm: the file's private half)
//-----------------------------------------------------------------------------------------------
// vm.dictGetStr(d, name->s) is not undefined.
inline bool hasStrAttr(const DictObj* d, StrObj* name) {
  Value v = Value::undefined();
  findStrKey(d, name, &v, true);
  return !v.isUndefined();
}

// After a new attribute went into an instance's dict (TypeObj::instanceAttrs).
inline void noteInstanceAttrs(InstanceObj* inst) {
  int64_t n = std::min<int64_t>(inst->dict->used, kInstanceDictReserve);
  if (n > inst->cls->instanceAttrs) inst->cls->instanceAttrs = static_cast<int32_t>(n);
}

struct Interpreter {
  Vm& vm;
  PyThread& t;
  bool lookupFailed = false;  // attributeError() raised: chargeUnwind adds the C side's cost

  Frame* top() { return t.frames.back(); }
  static Value pop(Frame* f) {
    Value v = f->stack.back();
    f->stack.pop_back();
    return v;
  }

  // The exception being handled: t.handled is the innermost generator's own state (CPython's
  // gi_exc_state); when that is None, the callers' states down the chain (_PyErr_GetTopmostException).
  Value handledNow() const {
    if (!t.handled.isNone()) return t.handled;
    for (auto it = t.frames.rbegin(); it != t.frames.rend(); ++it)
      if ((*it)->generator && !(*it)->outerHandled.isNone()) return (*it)->outerHandled;
    return Value::none();
  }
  // A generator frame is entered / left: swap its own handled exception with the caller's.
  void enterGen(GeneratorObj* gen, Frame* fr) {
    fr->outerHandled = t.handled;
    t.handled = gen->handled;
  }
  void leaveGen(GeneratorObj* gen, Frame* fr, bool done) {
    gen->handled = done ? Value::none() : t.handled;
    t.handled = fr->outerHandled;
    fr->outerHandled = Value::none();
  }

  // --- raising -------------------------------------------------------------------------------
  // Records where `exc` passes and chains it to the exception being handled.
  void setRaising(Value exc, bool addContext = true) {
    ExceptionState* st = excState(exc);
    Value handled = st && addContext ? handledNow() : Value::none();
    if (st && addContext && !handled.isNone() && !handled.is(exc) && st->context.isNone()) {
      // Avoid cycles: do not chain to an exception that has `exc` in its context chain.
      Value c = handled;
      bool cycle = false;
      for (int guard = 0; guard < 100 && excState(c); ++guard) {
        if (c.is(exc)) { cycle = true; break; }
        c = excState(c)->context;
      }
      if (!cycle) st->context = handled;
    }
    t.raising = exc;
  }

  void addTraceback(Frame* f) {
    if (!f || (f->code->flags & (kCodePrelude | kCodeLibrary))) return;
    ExceptionState* st = excState(t.raising);
    if (st) st->traceback.push_back(TracebackEntry{f->code, static_cast<int32_t>(f->lastIp)});
  }

  void raiseType(TypeObj* type, const std::string& msg) {
    setRaising(vm.newException(type, msg));
  }

  void nameError(const std::string& name, Frame* f, bool local) {
    Value exc = vm.newException(local ? vm.types.UnboundLocalError : vm.types.NameError,
                                local ? "cannot access local variable '" + name + "' where it is not associated with a value"
                                      : "name '" + name + "' is not defined");
    auto* inst = static_cast<InstanceObj*>(exc.asObj());
    inst->dict = vm.newDict();
    vm.dictSetStr(inst->dict, "name", vm.str(name));
    if (!local) {
      std::vector<Value> cands;
      for (const std::string& n : f->code->varnames) cands.push_back(vm.str(n));
      for (DictObj* d : {f->globals, vm.builtins}) {
        for (const DictEntry& e : d->entries) if (e.live && isKind(e.key, ObjKind::Str)) cands.push_back(e.key);
      }
      vm.dictSetStr(inst->dict, "_candidates", vm.list(cands));
    }
    setRaising(exc);
  }

  // Unwinds to the innermost handler. Returns false when the exception leaves a reentrant
  // boundary or ends the thread (t.raising stays set for the caller to see).
  enum class Unwound { Handled, Reentrant, ThreadDone };
  Unwound unwind(bool addHere) {
    if (addHere) {
      chargeUnwind(top());
      addTraceback(top());
    }
    for (;;) {
      Frame* f = top();
      if (!f->blocks.empty()) {
        Frame::Block b = f->blocks.back();
        f->blocks.pop_back();
        if (f->stack.size() > b.stackLevel) f->stack.resize(b.stackLevel);
        f->stack.push_back(t.raising);
        t.raising = Value::undefined();
        f->ip = b.handler;
        return Unwound::Handled;
      }
      // Leave this frame.
      Delivery d = f->delivery;
      uint32_t jump = f->jump;
      GeneratorObj* gen = f->generator;
      Value payload = f->payload;
      t.frames.pop_back();
      if (gen) {
        gen->state = GenState::Done;
        leaveGen(gen, f, true);
        // PEP 479: StopIteration escaping a generator becomes RuntimeError.
        if (vm.isInstance(t.raising, vm.types.StopIteration)) {
          Value old = t.raising;
          Value rt = vm.newException(vm.types.RuntimeError, gen->coroutine ? "coroutine raised StopIteration" : "generator raised StopIteration");
          excState(rt)->cause = old;
          excState(rt)->context = old;
          excState(rt)->traceback = excState(old)->traceback;
          t.raising = rt;
        }
      } else {
        releaseFrame(f);
      }
      if (d == Delivery::Reentrant) return Unwound::Reentrant;
      if (d == Delivery::ThreadEntry || t.frames.empty()) {
        t.uncaught = t.raising;
        t.raising = Value::undefined();
        t.finished = true;
        return Unwound::ThreadDone;
      }
      Frame* caller = top();
      if (d == Delivery::TaskStep) {
        // asyncio's Task.__step catches what its coroutine raised (module_asyncio.cpp).
        f->payload = Value::undefined();
        if (finishTaskStep(vm, t, payload, StepEnd::Raised, t.raising)) {
          caller->stack.push_back(Value::none());
          return Unwound::Handled;
        }
      }
      if (d == Delivery::ForIter && !gen && vm.isInstance(t.raising, vm.types.StopIteration)) {
        // A Python __next__ raised StopIteration: the for loop ends.
        t.raising = Value::undefined();
        caller->stack.pop_back();
        caller->ip = jump;
        return Unwound::Handled;
      }
      chargeUnwind(caller);
      addTraceback(caller);
    }
  }

  // CPython's error path in a frame the exception is raised in or reaches (EXC_UNWIND of the
  // cost table: the traceback entry, the handler lookup), and for an AttributeError of a failed
  // lookup the exception built in C first. Charged where a re-raise charges nothing, as in
  // CPython. Added to the carried remainder: the instruction that raised is settled already.
  void chargeUnwind(Frame* f) {
    bool attribute = lookupFailed;
    lookupFailed = false;
    if (!f || (f->code->flags & kCodePrelude)) return;
    vm.chargeRemainder += excUnwindCost();
    if (attribute && vm.isInstance(t.raising, vm.types.AttributeError)) vm.chargeRemainder += attributeErrorCost();
  }

  void releaseFrame(Frame* f) {
    for (size_t i = t.owned.size(); i-- > 0;) {
      if (t.owned[i].get() == f) {
        std::unique_ptr<Frame> done = std::move(t.owned[i]);
        t.owned[i] = std::move(t.owned.back());
        t.owned.pop_back();
        if (t.freeFrames.size() < kFramePoolSize) {
          resetFrame(done.get());
          t.freeFrames.push_back(std::move(done));
        }
        return;
      }
    }
  }

  //---------------------------------------------------------------------------------------------
  // [SECTION] Calls
  //---------------------------------------------------------------------------------------------
  struct Args {
    std::vector<Value> pos;
    std::vector<std::pair<StrObj*, Value>> kw;
  };
  // CALL's argument vector, kept empty between calls (a nested call finds none and allocates).
  static constexpr size_t kSpareArgsCapacity = 64;
  std::vector<Value> spareArgs;

  std::string fnName(FunctionObj* f) { return f->qualname->s + "()"; }

  // Binds arguments into a new frame for `fn`. False with TypeError raised on mismatch.
  bool bindArgs(FunctionObj* fn, Args& a, Frame* fr) {
    CodeObj* c = fn->code;
    size_t nvars = c->varnames.size();
    fr->fast.assign(nvars, Value::undefined());
    size_t argc = static_cast<size_t>(c->argcount);
    size_t kwonly = static_cast<size_t>(c->kwonlyargcount);
    bool varargs = c->flags & kCodeVarargs, varkw = c->flags & kCodeVarkw;
    size_t varargsIndex = argc + kwonly;
    size_t varkwIndex = varargsIndex + (varargs ? 1 : 0);
    if (a.pos.size() > argc && !varargs) {
      size_t withDefaults = fn->defaults.size();
      std::string takes = withDefaults ? "from " + std::to_string(argc - withDefaults) + " to " + std::to_string(argc)
                                       : std::to_string(argc);
      std::string msg = fnName(fn) + " takes " + takes + " positional argument" + (argc == 1 && !withDefaults ? "" : "s") +
                        " but " + std::to_string(a.pos.size()) + (a.pos.size() == 1 ? " was" : " were") + " given";
      if (kwonly && !a.kw.empty()) {
        // 3.11 mentions keyword-only arguments given; keep the simple form.
      }
      raiseType(vm.types.TypeError, msg);
      return false;
    }
    for (size_t i = 0; i < std::min(argc, a.pos.size()); ++i) fr->fast[i] = a.pos[i];
    if (varargs) {
      std::vector<Value> extra;
      for (size_t i = argc; i < a.pos.size(); ++i) extra.push_back(a.pos[i]);
      fr->fast[varargsIndex] = vm.tuple(std::move(extra));
    }
    DictObj* kwDict = nullptr;
    if (varkw) {
      kwDict = vm.newDict();
      fr->fast[varkwIndex] = Value::object(kwDict);
    }
    for (auto& [name, value] : a.kw) {
      size_t found = SIZE_MAX;
      for (size_t i = static_cast<size_t>(c->posonlyargcount); i < argc + kwonly; ++i) {
        if (c->varnames[i] == name->s) { found = i; break; }
      }
      if (found == SIZE_MAX) {
        if (kwDict) {
          if (!vm.dictSet(t, kwDict, Value::object(name), value)) return false;
          continue;
        }
        bool posonly = false;
        for (size_t i = 0; i < static_cast<size_t>(c->posonlyargcount); ++i) posonly |= c->varnames[i] == name->s;
        if (posonly) {
          raiseType(vm.types.TypeError, fnName(fn) + " got some positional-only arguments passed as keyword arguments: '" + name->s + "'");
        } else {
          raiseType(vm.types.TypeError, fnName(fn) + " got an unexpected keyword argument '" + name->s + "'");
        }
        return false;
      }
      if (!fr->fast[found].isUndefined()) {
        raiseType(vm.types.TypeError, fnName(fn) + " got multiple values for argument '" + name->s + "'");
        return false;
      }
      fr->fast[found] = value;
    }
    // Defaults for the last positional parameters.
    size_t ndef = fn->defaults.size();
    for (size_t i = 0; i < argc; ++i) {
      if (!fr->fast[i].isUndefined()) continue;
      if (i >= argc - ndef) fr->fast[i] = fn->defaults[i - (argc - ndef)];
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < argc; ++i) if (fr->fast[i].isUndefined()) missing.push_back(c->varnames[i]);
    if (!missing.empty()) {
      raiseType(vm.types.TypeError, missingMessage(fn, missing, "positional"));
      return false;
    }
    for (size_t i = argc; i < argc + kwonly; ++i) {
      if (!fr->fast[i].isUndefined()) continue;
      Value d = fn->kwdefaults ? vm.dictGetStr(fn->kwdefaults, c->varnames[i]) : Value::undefined();
      if (!d.isUndefined()) fr->fast[i] = d;
      else missing.push_back(c->varnames[i]);
    }
    if (!missing.empty()) {
      raiseType(vm.types.TypeError, missingMessage(fn, missing, "keyword-only"));
      return false;
    }
    bindCells(fn, fr);
    return true;
  }

  // Cells: captured locals (arguments copied in), then the closure's free variables.
  void bindCells(FunctionObj* fn, Frame* fr) {
    CodeObj* c = fn->code;
    fr->cells.clear();
    for (size_t i = 0; i < c->cellvars.size(); ++i) {
      CellObj* cell = vm.heap.make<CellObj>();
      int32_t arg = c->cellFromArg[i];
      if (arg >= 0) cell->value = fr->fast[static_cast<size_t>(arg)];
      fr->cells.push_back(cell);
    }
    for (CellObj* cell : fn->closure) fr->cells.push_back(cell);
  }

  // CALL / CALL_METHOD of a Python function taking exactly these positional arguments
  // (isSimpleCall): what call() and bindArgs do, without building Args. The callable is at
  // stack[base - 1], the arguments from stack[base]; `self` (undefined: none) comes first.
  void callSimple(FunctionObj* fn, Frame* caller, size_t base, Value self, size_t popTo) {
    Frame* fr = newFrame();
    CodeObj* c = fn->code;
    fr->code = c;
    fr->func = fn;
    fr->globals = fn->globals;
    fr->stack.reserve(16);
    fr->fast.assign(c->varnames.size(), Value::undefined());
    size_t k = 0;
    if (!self.isUndefined()) fr->fast[k++] = self;
    for (size_t i = base; i < caller->stack.size(); ++i) fr->fast[k++] = caller->stack[i];
    bindCells(fn, fr);
    caller->stack.resize(popTo);
    fr->delivery = Delivery::Push;
    fr->payload = Value::undefined();
    fr->jump = 0;
    t.frames.push_back(fr);
  }

  std::string missingMessage(FunctionObj* fn, const std::vector<std::string>& names, const char* kind) {
    std::string list;
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) list += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
      list += "'" + names[i] + "'";
    }
    return fnName(fn) + " missing " + std::to_string(names.size()) + " required " + kind + " argument" +
           (names.size() == 1 ? "" : "s") + ": " + list;
  }

  // Frames are recycled per thread: a call then costs no allocation once the pool is warm.
  Frame* newFrame() {
    if (!t.freeFrames.empty()) {
      t.owned.push_back(std::move(t.freeFrames.back()));
      t.freeFrames.pop_back();
    } else {
      t.owned.push_back(std::make_unique<Frame>());
    }
    return t.owned.back().get();
  }

  // Calls `callable`; the result is delivered to the current top frame per `d`. Returns false
  // when an exception is pending (t.raising).
  bool call(Value callable, Args& a, Delivery d, Value payload = Value::undefined(), uint32_t jump = 0) {
    if (!callable.isObj()) {
      raiseType(vm.types.TypeError, "'" + vm.typeName(callable) + "' object is not callable");
      return false;
    }
    Obj* o = callable.asObj();
    switch (o->kind) {
      case ObjKind::Function: {
        auto* fn = static_cast<FunctionObj*>(o);
        if (t.frames.size() >= static_cast<size_t>(kMaxRecursionDepth)) {
          raiseType(vm.types.RecursionError, "maximum recursion depth exceeded");
          return false;
        }
        if (fn->code->flags & (kCodeGenerator | kCodeCoroutine)) {
          auto* gen = vm.heap.make<GeneratorObj>();
          gen->frame = takeGeneratorFrame();
          Frame* fr = gen->frame.get();
          if (!setupFrame(fn, a, fr)) return false;
          fr->generator = gen;
          gen->coroutine = (fn->code->flags & kCodeCoroutine) && !(fn->code->flags & kCodeGenerator);
          if (gen->coroutine) ++vm.unstartedCoroutines;
          if ((fn->code->flags & kCodeCoroutine) && (fn->code->flags & kCodeGenerator)) {
            raiseType(vm.types.TypeError, "async generators are not supported by Interleave");
            return false;
          }
          gen->name = fn->name;
          gen->qualname = fn->qualname;
          return deliver(Value::object(gen), d, payload, jump);
        }
        Frame* fr = newFrame();
        if (!setupFrame(fn, a, fr)) {
          releaseFrame(fr);
          return false;
        }
        fr->delivery = d;
        fr->payload = payload;
        fr->jump = jump;
        t.frames.push_back(fr);
        return true;
      }
      case ObjKind::BoundMethod: {
        auto* m = static_cast<BoundMethodObj*>(o);
        a.pos.insert(a.pos.begin(), m->self);
        return call(m->func, a, d, payload, jump);
      }
      case ObjKind::Builtin: {
        auto* b = static_cast<BuiltinObj*>(o);
        return callBuiltin(b, b->self, a, d, payload, jump);
      }
      case ObjKind::Type: return instantiate(static_cast<TypeObj*>(o), a, d, payload, jump);
      case ObjKind::Instance: {
        Value c = findClassAttr(static_cast<InstanceObj*>(o)->cls, "__call__");
        if (c.isUndefined()) break;
        a.pos.insert(a.pos.begin(), callable);
        return call(c, a, d, payload, jump);
      }
      case ObjKind::StaticMethod: case ObjKind::ClassMethod:
        return call(static_cast<PropertyObj*>(o)->fget, a, d, payload, jump);
      default:
        break;
    }
    raiseType(vm.types.TypeError, "'" + vm.typeName(callable) + "' object is not callable");
    return false;
  }

  // A native, with `self` as its receiver (a bound builtin's own, or the one LOAD_METHOD left
  // below an unbound method: what bindBuiltin would have bound).
  bool callBuiltin(BuiltinObj* b, Value self, Args& a, Delivery d, Value payload = Value::undefined(),
                   uint32_t jump = 0) {
    NativeCall nc;
    nc.callee = b;
    nc.self = self;
    nc.args = std::move(a.pos);
    nc.kwargs = std::move(a.kw);
    nc.thread = &t;
    NativeResult r = b->fn(vm, nc);
    a.pos = std::move(nc.args);  // back to the caller, which may keep its capacity
    return handleNative(r, d, payload, jump);
  }

  // LOAD_METHOD of a method of a builtin type (list.append, dict.pop, Context.run, ...): the
  // unbound native found on the type, which getAttr would bind to `obj` (bindBuiltin), or
  // undefined. CALL_METHOD then passes `obj` as its receiver (no bound copy is made).
  Value unboundBuiltinMethod(const Value& obj, StrObj* n) {
    if (!obj.isObj()) return Value::undefined();
    TypeObj* type = nullptr;
    switch (obj.asObj()->kind) {
      case ObjKind::Instance: {
        // getAttr: not a super() proxy, no property (a builtin is none), not in its own dict.
        auto* inst = static_cast<InstanceObj*>(obj.asObj());
        if (inst->cls == vm.superType && isKind(inst->nativeValue, ObjKind::Tuple)) return Value::undefined();
        if (inst->dict && hasStrAttr(inst->dict, n)) return Value::undefined();
        type = inst->cls;
        break;
      }
      case ObjKind::Generator:
        if (n->s == "__name__" || n->s == "__qualname__") return Value::undefined();
        [[fallthrough]];
      case ObjKind::List: case ObjKind::Tuple: case ObjKind::Dict: case ObjKind::Set:
      case ObjKind::Str: case ObjKind::Iterator: case ObjKind::DictView:
        // getAttr has no case of its own for these: the type's attribute, through descriptor().
        if (n->s == "__class__") return Value::undefined();
        type = vm.typeOf(obj);
        break;
      default: return Value::undefined();
    }
    Value m = findClassAttr(type, n);
    if (isKind(m, ObjKind::Builtin) && static_cast<BuiltinObj*>(m.asObj())->self.isUndefined()) return m;
    return Value::undefined();
  }

  // GET_AITER / GET_ANEXT: calls obj.<name>() (found on its type), pushing the result.
  bool callAsyncIterMethod(Value obj, const char* name, const char* missing) {
    Value m = findClassAttr(vm.typeOf(obj), name);
    if (m.isUndefined()) {
      raiseType(vm.types.TypeError, missing + vm.typeName(obj));
      return false;
    }
    Args args;
    args.pos = {obj};
    return call(m, args, Delivery::Push);
  }

  bool setupFrame(FunctionObj* fn, Args& a, Frame* fr) {
    fr->code = fn->code;
    fr->func = fn;
    fr->globals = fn->globals;
    fr->stack.reserve(16);
    return bindArgs(fn, a, fr);
  }

  bool handleNative(NativeResult& r, Delivery d, Value payload, uint32_t jump) {
    vm.charged += r.cost * kCostScale;
    switch (r.kind) {
      case NativeResult::Kind::Return: return deliver(r.value, d, payload, jump);
      case NativeResult::Kind::Raise: return false;
      case NativeResult::Kind::TailCall: {
        Args a;
        a.pos = std::move(r.args);
        return call(r.value, a, d, payload, jump);
      }
      case NativeResult::Kind::Resume: {
        auto* gen = static_cast<GeneratorObj*>(r.value.asObj());
        Delivery rd = d == Delivery::Push ? Delivery::Next : d;
        if (!r.data.isUndefined()) {
          // asyncio's Task.__step (module_asyncio.cpp): the coroutine's yield, return or
          // exception ends the step natively; the task is in the coroutine frame's payload.
          if (d != Delivery::Push) {
            gen->frame->payload = Value::undefined();
            raiseType(vm.types.RuntimeError, "Task.__step() can only be called by the event loop");
            return false;
          }
          rd = Delivery::TaskStep;
        }
        if (r.args.size() == 2) return throwInto(gen, r.args[1], rd, jump);
        return resume(gen, r.args.empty() ? Value::none() : r.args[0], rd, jump);
      }
      case NativeResult::Kind::Engine:
        if (t.reentrantDepth > 0 && (r.request.kind == RequestKind::Print || r.request.kind == RequestKind::Mark ||
                                     r.request.kind == RequestKind::MemoryDelta)) {
          // Never blocks: the engine performs it once the outer instruction is done.
          t.deferred.push_back(std::move(r.request));
          NativeResult k = r.continuation(vm, t, 0, true, r.data);
          return handleNative(k, d, payload, jump);
        }
        if (t.reentrantDepth > 0) {
          raiseType(vm.types.RuntimeError,
                    "Interleave cannot block inside a method called from C code (e.g. __repr__, __eq__, __hash__ or a sort key)");
          return false;
        }
        t.pending = r.continuation;
        t.pendingData = r.data;
        t.pendingRequest = std::move(r.request);
        t.hasPendingRequest = true;
        t.pendingDelivery = d;
        t.pendingPayload = payload;
        t.pendingJump = jump;
        return true;
    }
    return false;
  }

  // Puts a value where `d` says.
  bool deliver(Value v, Delivery d, Value payload, uint32_t jump) {
    Frame* caller = top();
    switch (d) {
      case Delivery::Push: case Delivery::Next: case Delivery::Await: case Delivery::ForIter:
        caller->stack.push_back(v);
        return true;
      case Delivery::Init:
        if (!v.isNone()) {
          raiseType(vm.types.TypeError, "__init__() should return None, not '" + vm.typeName(v) + "'");
          return false;
        }
        caller->stack.push_back(payload);
        return true;
      case Delivery::Discard:
        return true;
      default:
        caller->stack.push_back(v);
        return true;
    }
    (void)jump;
  }

  // Resumes a generator/coroutine; what it yields or returns goes to the current frame.
  bool resume(GeneratorObj* gen, Value sent, Delivery d, uint32_t jump) {
    if (gen->state == GenState::Running) {
      raiseType(vm.types.ValueError, gen->coroutine ? "coroutine already executing" : "generator already executing");
      return false;
    }
    if (gen->state == GenState::Done) {
      if (d == Delivery::ForIter) {
        Frame* caller = top();
        caller->stack.pop_back();
        caller->ip = jump;
        return true;
      }
      if (gen->coroutine) raiseType(vm.types.RuntimeError, "cannot reuse already awaited coroutine");
      else setRaising(vm.newExceptionArgs(vm.types.StopIteration, {}));
      return false;
    }
    Frame* fr = gen->frame.get();
    if (gen->state == GenState::Created) {
      if (!sent.isNone()) {
        raiseType(vm.types.TypeError, "can't send non-None value to a just-started " + std::string(gen->coroutine ? "coroutine" : "generator"));
        return false;
      }
    } else {
      fr->stack.push_back(sent);
    }
    if (gen->coroutine && !gen->awaitedOnce) --vm.unstartedCoroutines;
    gen->awaitedOnce = true;
    gen->state = GenState::Running;
    fr->delivery = d;
    fr->jump = jump;
    enterGen(gen, fr);
    t.frames.push_back(fr);
    return true;
  }

  // generator.throw(exc) / coroutine.throw(exc): raised where the generator is suspended. A
  // coroutine suspended in an `await` delegates: the exception goes to the innermost awaited
  // generator first (CPython's gen_throw with a `yf`), so every frame's handlers see it.
  bool throwInto(GeneratorObj* gen, Value exc, Delivery d, uint32_t jump) {
    if (gen->state == GenState::Running) {
      raiseType(vm.types.ValueError, gen->coroutine ? "coroutine already executing" : "generator already executing");
      return false;
    }
    if (gen->state != GenState::Suspended) {
      // Not started (or finished): the exception comes straight out.
      gen->state = GenState::Done;
      setRaising(exc, false);
      return false;
    }
    Frame* fr = gen->frame.get();
    gen->state = GenState::Running;
    fr->delivery = d;
    fr->jump = jump;
    enterGen(gen, fr);
    t.frames.push_back(fr);
    // Follow the delegation chain: a frame about to RESUME 3 awaits the generator on its stack.
    for (;;) {
      const auto& code = fr->code->code;
      bool awaiting = fr->ip + 1 < code.size() && static_cast<Op>(code[fr->ip].op) == Op::RESUME && code[fr->ip].arg == 3 &&
                      !fr->stack.empty() && isKind(fr->stack.back(), ObjKind::Generator);
      if (!awaiting) break;
      auto* inner = static_cast<GeneratorObj*>(fr->stack.back().asObj());
      if (inner->state != GenState::Suspended) break;
      uint32_t sendAt = code[fr->ip + 1].arg;  // JUMP_BACKWARD_NO_INTERRUPT -> SEND
      Frame* innerFrame = inner->frame.get();
      inner->state = GenState::Running;
      innerFrame->delivery = Delivery::Await;
      innerFrame->jump = code[sendAt].arg;  // the await's exit
      fr->lastIp = fr->ip;
      // As after SEND: if the inner generator handles the exception and yields again, this
      // frame's YIELD_VALUE passes the value out (instead of sending it back in).
      fr->ip = sendAt + 1;
      enterGen(inner, innerFrame);
      t.frames.push_back(innerFrame);
      fr = innerFrame;
    }
    fr->lastIp = fr->ip;
    if (isKind(exc, ObjKind::Type)) {
      Value inst;
      if (!vm.callReentrant(t, exc, {}, &inst)) return false;
      exc = inst;
    }
    setRaising(exc);
    Unwound u = unwind(true);
    (void)u;  // handled in a frame, or the thread ended: either way the loop goes on
    return true;
  }

  // Type(...): builtin constructors, exceptions, user classes (with __init__).
  bool instantiate(TypeObj* cls, Args& a, Delivery d, Value payload, uint32_t jump) {
    if (cls == vm.types.type_ && a.pos.size() == 1 && a.kw.empty()) {
      return deliver(Value::object(vm.typeOf(a.pos[0])), d, payload, jump);
    }
    // A builtin constructor along the MRO (int, str, list, ... ) unless the class is a user
    // subclass of an exception.
    for (TypeObj* m : cls->mro) {
      if (!m->builtin) continue;
      if (m->isException) break;
      Value ctor = vm.dictGetStr(m->dict, "__new__");
      if (ctor.isUndefined()) continue;
      if (!cls->builtin) {
        if (m == vm.types.object_) break;
        raiseType(vm.types.TypeError, "subclassing '" + m->name + "' is not supported by Interleave");
        return false;
      }
      auto* b = static_cast<BuiltinObj*>(ctor.asObj());
      NativeCall nc;
      nc.callee = b;
      nc.self = Value::object(cls);
      nc.args = std::move(a.pos);
      nc.kwargs = std::move(a.kw);
      nc.thread = &t;
      NativeResult r = b->fn(vm, nc);
      return handleNative(r, d, payload, jump);
    }
    InstanceObj* inst = vm.heap.make<InstanceObj>();
    inst->cls = cls;
    inst->dict = vm.newDict();
    if (cls->resourceKind && vm.resourceWatch) vm.resourceWatch->created(t, inst, a.pos, a.kw);
    if (cls->instanceAttrs > 0) inst->dict->entries.reserve(static_cast<size_t>(cls->instanceAttrs));
    Value self = Value::object(inst);
    if (cls->isException) {
      // BaseExceptionGroup(msg, excs) of Exceptions only is an ExceptionGroup (PEP 654).
      if (cls == vm.types.BaseExceptionGroup && a.pos.size() == 2 && isKind(a.pos[1], ObjKind::List)) {
        const auto& excs = static_cast<ListObj*>(a.pos[1].asObj())->items;
        bool all = !excs.empty();
        for (Value e : excs) all = all && vm.isInstance(e, vm.types.Exception);
        if (all) inst->cls = cls = vm.types.ExceptionGroup;
      }
      inst->exc = std::make_unique<ExceptionState>();
      inst->exc->args = vm.tuple(a.pos);
    }
    Value init = findClassAttr(cls, vm.libName(Vm::LibName::Init));
    if (!init.isUndefined() && isKind(init, ObjKind::Function)) {
      a.pos.insert(a.pos.begin(), self);
      return call(init, a, d == Delivery::Push ? Delivery::Init : d, self, jump);
    }
    if (!init.isUndefined() && isKind(init, ObjKind::Builtin)) {
      if (static_cast<BuiltinObj*>(init.asObj())->ownerType == "object" && (!a.pos.empty() || !a.kw.empty())) {
        raiseType(vm.types.TypeError, cls->name + "() takes no arguments");
        return false;
      }
      a.pos.insert(a.pos.begin(), self);
      if (!call(init, a, Delivery::Discard)) return false;
      return deliver(self, d, payload, jump);
    }
    if (!cls->isException && (!a.pos.empty() || !a.kw.empty())) {
      raiseType(vm.types.TypeError, cls->name + "() takes no arguments");
      return false;
    }
    return deliver(self, d, payload, jump);
  }

  //---------------------------------------------------------------------------------------------
  // [SECTION] Attributes
  //---------------------------------------------------------------------------------------------
  void attributeError(Value obj, StrObj* name) {
    std::string msg;
    std::vector<Value> cands;
    if (isKind(obj, ObjKind::Module)) {
      msg = "module '" + static_cast<ModuleObj*>(obj.asObj())->name + "' has no attribute '" + name->s + "'";
      for (const DictEntry& e : static_cast<ModuleObj*>(obj.asObj())->dict->entries) if (e.live) cands.push_back(e.key);
    } else if (isKind(obj, ObjKind::Type)) {
      msg = "type object '" + static_cast<TypeObj*>(obj.asObj())->name + "' has no attribute '" + name->s + "'";
    } else {
      msg = "'" + vm.typeName(obj) + "' object has no attribute '" + name->s + "'";
      if (isKind(obj, ObjKind::Instance)) {
        auto* inst = static_cast<InstanceObj*>(obj.asObj());
        if (inst->dict) for (const DictEntry& e : inst->dict->entries) if (e.live) cands.push_back(e.key);
      }
      for (TypeObj* m : vm.typeOf(obj)->mro) {
        for (const DictEntry& e : m->dict->entries) if (e.live) cands.push_back(e.key);
      }
    }
    Value exc = vm.newException(vm.types.AttributeError, msg);
    auto* inst = static_cast<InstanceObj*>(exc.asObj());
    inst->dict = vm.newDict();
    vm.dictSetStr(inst->dict, "name", Value::object(name));
    vm.dictSetStr(inst->dict, "_candidates", vm.list(cands));
    setRaising(exc);
    lookupFailed = true;
  }

  Value bindMethod(Value self, Value fn) {
    auto* m = vm.heap.make<BoundMethodObj>();
    m->self = self;
    m->func = fn;
    return Value::object(m);
  }

  Value bindBuiltin(Value self, BuiltinObj* b) {
    auto* bound = vm.heap.make<BuiltinObj>();
    bound->name = b->name;
    bound->ownerType = b->ownerType;
    bound->fn = b->fn;
    bound->self = self;
    bound->data = b->data;
    bound->tag = b->tag;
    return Value::object(bound);
  }

  // Applies the descriptor protocol to a class attribute found for `obj` (an instance, or a
  // class when `viaClass`). May push a frame (property getters): returns Pending then.
  enum class AttrResult { Value, Pending, Error };
  AttrResult descriptor(Value obj, Value attr, bool viaClass, Value* out, Delivery d) {
    if (!attr.isObj()) { *out = attr; return AttrResult::Value; }
    switch (attr.asObj()->kind) {
      case ObjKind::Function:
        *out = viaClass ? attr : bindMethod(obj, attr);
        return AttrResult::Value;
      case ObjKind::Builtin: {
        auto* b = static_cast<BuiltinObj*>(attr.asObj());
        *out = viaClass || !b->self.isUndefined() ? attr : bindBuiltin(obj, b);
        return AttrResult::Value;
      }
      case ObjKind::StaticMethod:
        *out = static_cast<PropertyObj*>(attr.asObj())->fget;
        return AttrResult::Value;
      case ObjKind::ClassMethod: {
        Value cls = viaClass ? obj : Value::object(vm.typeOf(obj));
        *out = bindMethod(cls, static_cast<PropertyObj*>(attr.asObj())->fget);
        return AttrResult::Value;
      }
      case ObjKind::Property: {
        if (viaClass) { *out = attr; return AttrResult::Value; }
        auto* p = static_cast<PropertyObj*>(attr.asObj());
        if (p->fget.isNone() || p->fget.isUndefined()) {
          raiseType(vm.types.AttributeError, "property object has no getter");
          return AttrResult::Error;
        }
        Args a;
        a.pos.push_back(obj);
        return call(p->fget, a, d) ? AttrResult::Pending : AttrResult::Error;
      }
      default:
        *out = attr;
        return AttrResult::Value;
    }
  }

  // obj.name. Value: *out set. Pending: a frame was pushed that will deliver the value.
  AttrResult getAttr(Value obj, StrObj* name, Value* out, Delivery d = Delivery::Push) {
    const std::string& n = name->s;
    if (obj.isObj()) {
      Obj* o = obj.asObj();
      switch (o->kind) {
        case ObjKind::Instance: {
          auto* inst = static_cast<InstanceObj*>(o);
          if (inst->cls == vm.superType && isKind(inst->nativeValue, ObjKind::Tuple)) {
            // super(): look after `cls` in the MRO of type(self), bind to self.
            auto* pair = static_cast<TupleObj*>(inst->nativeValue.asObj());
            Value self = pair->items[1];
            bool viaClass = isKind(self, ObjKind::Type);
            TypeObj* selfType = viaClass ? static_cast<TypeObj*>(self.asObj()) : vm.typeOf(self);
            bool after = false;
            for (TypeObj* m : selfType->mro) {
              if (after) {
                Value v = vm.dictGetStr(m->dict, n);
                if (!v.isUndefined()) return descriptor(self, v, viaClass, out, d);
              }
              if (Value::object(m).is(pair->items[0])) after = true;
            }
            raiseType(vm.types.AttributeError, "'super' object has no attribute '" + n + "'");
            return AttrResult::Error;
          }
          Value classAttr = findClassAttr(inst->cls, name);
          // Data descriptors (properties) win over the instance dict.
          if (isKind(classAttr, ObjKind::Property)) return descriptor(obj, classAttr, false, out, d);
          if (inst->dict) {
            Value v = Value::undefined();
            findStrKey(inst->dict, name, &v, true);
            if (!v.isUndefined()) { *out = v; return AttrResult::Value; }
          }
          if (!classAttr.isUndefined()) return descriptor(obj, classAttr, false, out, d);
          if (inst->exc) {
            if (n == "args") { *out = inst->exc->args; return AttrResult::Value; }
            if (n == "__cause__") { *out = inst->exc->cause; return AttrResult::Value; }
            if (n == "__context__") { *out = inst->exc->context; return AttrResult::Value; }
            if (n == "__traceback__") { *out = Value::none(); return AttrResult::Value; }
            if (n == "__suppress_context__") { *out = Value::boolean(inst->exc->suppressContext); return AttrResult::Value; }
            if (n == "code" && vm.isSubclass(inst->cls, vm.types.SystemExit)) {
              auto* args = static_cast<TupleObj*>(inst->exc->args.asObj());
              *out = args->items.empty() ? Value::none() : args->items.size() == 1 ? args->items[0] : inst->exc->args;
              return AttrResult::Value;
            }
            if (n == "value" && vm.isSubclass(inst->cls, vm.types.StopIteration)) {
              auto* args = static_cast<TupleObj*>(inst->exc->args.asObj());
              *out = args->items.empty() ? Value::none() : args->items[0];
              return AttrResult::Value;
            }
          }
          if (n == "__class__") { *out = Value::object(inst->cls); return AttrResult::Value; }
          if (n == "__dict__" && inst->dict) { *out = Value::object(inst->dict); return AttrResult::Value; }
          Value ga = findClassAttr(inst->cls, "__getattr__");
          if (isKind(ga, ObjKind::Function)) {
            Args a;
            a.pos = {obj, Value::object(name)};
            return call(ga, a, d) ? AttrResult::Pending : AttrResult::Error;
          }
          break;
        }
        case ObjKind::Type: {
          auto* cls = static_cast<TypeObj*>(o);
          Value v = findClassAttr(cls, name);
          if (!v.isUndefined()) return descriptor(obj, v, true, out, d);
          if (n == "__name__") { *out = vm.str(cls->name); return AttrResult::Value; }
          if (n == "__qualname__") { *out = vm.str(cls->name); return AttrResult::Value; }
          if (n == "__module__") { *out = vm.str(cls->module); return AttrResult::Value; }
          if (n == "__mro__") {
            std::vector<Value> m;
            for (TypeObj* x : cls->mro) m.push_back(Value::object(x));
            *out = vm.tuple(m);
            return AttrResult::Value;
          }
          if (n == "__bases__") {
            std::vector<Value> m;
            for (TypeObj* x : cls->bases) m.push_back(Value::object(x));
            *out = vm.tuple(m);
            return AttrResult::Value;
          }
          if (n == "__dict__") { *out = Value::object(cls->dict); return AttrResult::Value; }
          if (n == "__class__") { *out = Value::object(vm.types.type_); return AttrResult::Value; }
          break;
        }
        case ObjKind::Module: {
          Value v = vm.dictGetStr(static_cast<ModuleObj*>(o)->dict, n);
          if (!v.isUndefined()) { *out = v; return AttrResult::Value; }
          break;
        }
        case ObjKind::Function: {
          auto* fn = static_cast<FunctionObj*>(o);
          if (fn->attrs) {
            Value v = vm.dictGetStr(fn->attrs, n);
            if (!v.isUndefined()) { *out = v; return AttrResult::Value; }
          }
          if (n == "__name__") { *out = Value::object(fn->name); return AttrResult::Value; }
          if (n == "__qualname__") { *out = Value::object(fn->qualname); return AttrResult::Value; }
          if (n == "__doc__") { *out = fn->doc; return AttrResult::Value; }
          if (n == "__module__") { *out = fn->module; return AttrResult::Value; }
          if (n == "__dict__") {
            if (!fn->attrs) fn->attrs = vm.newDict();
            *out = Value::object(fn->attrs);
            return AttrResult::Value;
          }
          if (n == "__defaults__") { *out = fn->defaults.empty() ? Value::none() : vm.tuple(fn->defaults); return AttrResult::Value; }
          if (n == "__code__") { *out = Value::object(fn->code); return AttrResult::Value; }
          break;
        }
        case ObjKind::BoundMethod: {
          auto* m = static_cast<BoundMethodObj*>(o);
          if (n == "__self__") { *out = m->self; return AttrResult::Value; }
          if (n == "__func__") { *out = m->func; return AttrResult::Value; }
          Value inner;
          AttrResult r = getAttr(m->func, name, &inner, d);
          if (r != AttrResult::Error) { *out = inner; return r; }
          t.raising = Value::undefined();
          break;
        }
        case ObjKind::Builtin: {
          auto* b = static_cast<BuiltinObj*>(o);
          if (n == "__qualname__" && isAsyncioMethod(b)) { *out = vm.str(b->ownerType + "." + b->name); return AttrResult::Value; }
          if (n == "__name__" || n == "__qualname__") { *out = vm.str(b->name); return AttrResult::Value; }
          if (n == "__self__") { *out = b->self.isUndefined() ? Value::none() : b->self; return AttrResult::Value; }
          if (n == "__module__") {  // builtins, a module's name, or None for a type's method
            if (b->ownerType.empty()) *out = vm.str("builtins");
            else *out = vm.image->modules.count(b->ownerType) ? vm.str(b->ownerType) : Value::none();
            return AttrResult::Value;
          }
          if (n == "__doc__") { *out = Value::none(); return AttrResult::Value; }  // no docstrings kept
          break;
        }
        case ObjKind::Generator: {
          auto* g = static_cast<GeneratorObj*>(o);
          if (n == "__name__") { *out = Value::object(g->name); return AttrResult::Value; }
          if (n == "__qualname__") { *out = Value::object(g->qualname); return AttrResult::Value; }
          break;
        }
        case ObjKind::Code: {
          auto* c = static_cast<CodeObj*>(o);
          if (n == "co_name") { *out = vm.str(c->name); return AttrResult::Value; }
          if (n == "co_filename") { *out = vm.str(c->filename); return AttrResult::Value; }
          if (n == "co_argcount") { *out = Value::integer(c->argcount); return AttrResult::Value; }
          break;
        }
        case ObjKind::Slice: {
          auto* s = static_cast<SliceObj*>(o);
          if (n == "start") { *out = s->start; return AttrResult::Value; }
          if (n == "stop") { *out = s->stop; return AttrResult::Value; }
          if (n == "step") { *out = s->step; return AttrResult::Value; }
          break;
        }
        case ObjKind::Range: {
          auto* r = static_cast<RangeObj*>(o);
          if (n == "start") { *out = Value::integer(r->start); return AttrResult::Value; }
          if (n == "stop") { *out = Value::integer(r->stop); return AttrResult::Value; }
          if (n == "step") { *out = Value::integer(r->step); return AttrResult::Value; }
          break;
        }
        case ObjKind::Property: {
          auto* p = static_cast<PropertyObj*>(o);
          if (n == "fget") { *out = p->fget; return AttrResult::Value; }
          if (n == "__func__") { *out = p->fget; return AttrResult::Value; }
          break;
        }
        default:
          break;
      }
    }
    if (n == "__class__") { *out = Value::object(vm.typeOf(obj)); return AttrResult::Value; }
    if ((obj.isInt() || obj.isBool() || isKind(obj, ObjKind::BigInt)) && (n == "real" || n == "numerator")) {
      *out = obj.isBool() ? Value::integer(obj.asInt()) : obj;
      return AttrResult::Value;
    }
    if ((obj.isInt() || obj.isBool() || isKind(obj, ObjKind::BigInt)) && (n == "imag")) { *out = Value::integer(0); return AttrResult::Value; }
    if ((obj.isInt() || obj.isBool() || isKind(obj, ObjKind::BigInt)) && (n == "denominator")) { *out = Value::integer(1); return AttrResult::Value; }
    if (obj.isFloat() && n == "real") { *out = obj; return AttrResult::Value; }
    if (obj.isFloat() && n == "imag") { *out = Value::flt(0.0); return AttrResult::Value; }
    // Methods of builtin types.
    TypeObj* type = vm.typeOf(obj);
    Value m = findClassAttr(type, name);
    if (!m.isUndefined() && !isKind(obj, ObjKind::Instance)) return descriptor(obj, m, false, out, d);
    attributeError(obj, name);
    return AttrResult::Error;
  }

  bool setAttr(Value obj, StrObj* name, Value v) {
    if (obj.isObj()) {
      Obj* o = obj.asObj();
      switch (o->kind) {
        case ObjKind::Instance: {
          auto* inst = static_cast<InstanceObj*>(o);
          Value classAttr = findClassAttr(inst->cls, name);
          if (isKind(classAttr, ObjKind::Property)) {
            auto* p = static_cast<PropertyObj*>(classAttr.asObj());
            if (p->fset.isNone() || p->fset.isUndefined()) {
              raiseType(vm.types.AttributeError, "can't set attribute '" + name->s + "'");
              return false;
            }
            Args a;
            a.pos = {obj, v};
            return call(p->fset, a, Delivery::Discard);
          }
          if (inst->exc && name->s == "__cause__") {
            inst->exc->cause = v;
            inst->exc->suppressContext = true;
            return true;
          }
          if (inst->exc && name->s == "args") {
            std::vector<Value> items;
            if (!vm.iterate(t, v, &items)) return false;
            inst->exc->args = vm.tuple(items);
            return true;
          }
          if (!inst->dict) inst->dict = vm.newDict();
          // An existing attribute: replace its value where dictSet would find it.
          Value old;
          DictEntry* e = nullptr;
          if (!inst->dict->typeEpoch && findStrKey(inst->dict, name, &old, false, &e) == StrLookup::Found) {
            e->value = v;
            return true;
          }
          if (!vm.dictSet(t, inst->dict, Value::object(name), v)) return false;
          noteInstanceAttrs(inst);
          return true;
        }
        case ObjKind::Type: {
          auto* cls = static_cast<TypeObj*>(o);
          if (cls->builtin) {
            raiseType(vm.types.TypeError, "cannot set '" + name->s + "' attribute of immutable type '" + cls->name + "'");
            return false;
          }
          if (name->s == "__module__" && isKind(v, ObjKind::Str)) cls->module = asStr(v)->s;  // repr, tracebacks
          return vm.dictSet(t, cls->dict, Value::object(name), v);
        }
        case ObjKind::Function: {
          auto* fn = static_cast<FunctionObj*>(o);
          if (name->s == "__name__" && isKind(v, ObjKind::Str)) { fn->name = asStr(v); return true; }
          if (name->s == "__qualname__" && isKind(v, ObjKind::Str)) { fn->qualname = asStr(v); return true; }
          if (name->s == "__doc__") { fn->doc = v; return true; }
          if (name->s == "__module__") { fn->module = v; return true; }
          if (!fn->attrs) fn->attrs = vm.newDict();
          return vm.dictSet(t, fn->attrs, Value::object(name), v);
        }
        case ObjKind::Module:
          return vm.dictSet(t, static_cast<ModuleObj*>(o)->dict, Value::object(name), v);
        default:
          break;
      }
    }
    Value existing;
    if (!findClassAttr(vm.typeOf(obj), name).isUndefined()) {
      raiseType(vm.types.AttributeError, "'" + vm.typeName(obj) + "' object attribute '" + name->s + "' is read-only");
    } else {
      raiseType(vm.types.AttributeError, "'" + vm.typeName(obj) + "' object has no attribute '" + name->s + "'");
    }
    return false;
  }

  bool delAttr(Value obj, StrObj* name) {
    if (isKind(obj, ObjKind::Instance)) {
      auto* inst = static_cast<InstanceObj*>(obj.asObj());
      bool found = false;
      if (inst->dict && !vm.dictDel(t, inst->dict, Value::object(name), &found)) return false;
      if (found) return true;
    }
    attributeError(obj, name);
    return false;
  }

  // Class creation at the end of a class body (the ClassBody delivery).
  bool buildClass(Frame* body, Value cell) {
    // payload: (name, bases tuple, keywords dict)
    auto* info = static_cast<TupleObj*>(body->payload.asObj());
    std::string name = asStr(info->items[0])->s;
    auto* basesT = static_cast<TupleObj*>(info->items[1].asObj());
    TypeObj* cls = vm.heap.make<TypeObj>();
    cls->name = name;
    cls->module = "__main__";
    Value mod = vm.dictGetStr(body->locals, "__module__");
    if (isKind(mod, ObjKind::Str)) cls->module = asStr(mod)->s;
    cls->dict = body->locals;
    vm.watchTypeDict(cls->dict);
    for (const Value& b : basesT->items) {
      if (!isKind(b, ObjKind::Type)) {
        raiseType(vm.types.TypeError, "bases must be types");
        return false;
      }
      cls->bases.push_back(static_cast<TypeObj*>(b.asObj()));
    }
    if (cls->bases.empty()) cls->bases.push_back(vm.types.object_);
    if (!computeMro(vm, t, cls)) return false;
    for (TypeObj* m : cls->mro) cls->instanceKind = m->builtin && m != vm.types.object_ && !m->isException ? m->instanceKind : cls->instanceKind;
    if (isKind(cell, ObjKind::Cell)) static_cast<CellObj*>(cell.asObj())->value = Value::object(cls);
    top()->stack.push_back(Value::object(cls));
    return true;
  }

  //---------------------------------------------------------------------------------------------
  // [SECTION] Eval loop
  //---------------------------------------------------------------------------------------------
  // Returns: 0 keep going, 1 stop (budget/request/thread end), 2 reentrant call finished.
  // Outside reentrant runs (reentryDepth < 0) it goes on with the next instruction for as long
  // as Vm::run would call it again straight away (see canContinue).
  int step(Nanos* consumed, Nanos budget, Request* request, int reentryDepth, Value* reentryResult);
  static constexpr int kPure = -1;  // stepOnce: see there
  // Runs the simplest instructions of the top frame (locals, constants, jumps, small-int
  // arithmetic and comparisons, range loops) with the frame's state in registers, exactly as
  // stepOnce and Vm::run would. Returns false when the budget or the instruction limit stops
  // the loop; true when the next instruction needs stepOnce (it is counted already).
  bool runFast(Nanos* consumed, Nanos budget);
  // One instruction (the body of step's loop).
  __attribute__((always_inline)) inline int stepOnce(Nanos* consumed, Request* request, int reentryDepth,
                                              Value* reentryResult);
  // Vm::run's checks before an instruction, all passing: nothing to hand to the engine, no
  // busy time, budget left, no collection due, the instruction limit not reached.
  bool canContinue(Nanos consumed, Nanos budget) const {
    return t.deferred.empty() && !t.hasPendingRequest && !t.yieldGil && !t.finished && !t.frames.empty() &&
           !(consumed > 0 && consumed >= budget) && t.busyPython <= 0 && t.busyNative <= 0 &&
           !vm.heap.wantsCollection() && !vm.coroutineDropped && vm.instructions < vm.maxInstructions;
  }
  // Moves what the instruction charged (cost units) into whole nanoseconds consumed.
  void settle(Nanos* consumed) {
    int64_t total = vm.charged + vm.chargeRemainder;
    *consumed += total / kCostScale;
    vm.chargeRemainder = total % kCostScale;
    vm.charged = 0;
  }
  int doReturn(Value v, int reentryDepth, Value* reentryResult);
  bool dunderBinary(BinaryOp op, Value a, Value b);
  bool dunderCompare(CompareOp op, Value a, Value b);
  bool callDunder(Value obj, const char* name, std::vector<Value> args, Delivery d, const char* missing);
  bool formatValue(uint32_t flags);
  bool unpack(Op op, uint32_t arg);
  bool makeException(Value* exc);
  bool startClassBody(Args& args);
  bool importName(const std::string& name);
  void laneHook(uint32_t arg, Nanos consumed);
};

}  // namespace interleave::lang

namespace interleave::lang {

namespace {
// Names are hashed once (StrObj::hash) with the same function as Vm::hash for strings.
Value lookupName(Vm& vm, PyThread& t, DictObj* d, StrObj* name) {
  if (d->index.empty()) return Value::undefined();
  Value out;
  bool found = false;
  vm.dictGet(t, d, Value::object(name), &out, &found);
  return found ? out : Value::undefined();
}

// A plain Python function called with exactly its positional parameters (no defaults, *args,
// **kwargs, keyword-only parameters, generator): bindArgs would only copy the arguments.
bool isSimpleCall(const FunctionObj* fn, size_t argc) {
  const CodeObj* c = fn->code;
  return !(c->flags & (kCodeVarargs | kCodeVarkw | kCodeGenerator | kCodeCoroutine)) &&
         c->kwonlyargcount == 0 && static_cast<size_t>(c->argcount) == argc;
}

const char* kBinaryDunder[] = {"add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or",
                               "pow", "rshift", "sub", "truediv", "xor"};
const char* kCompareDunder[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
const char* kCompareReflected[] = {"__gt__", "__ge__", "__eq__", "__ne__", "__lt__", "__le__"};

// Eval-breaker instructions (CPython 3.11): RESUME at function start or after a yield, and
// loop back-edges. (After a C call returns is handled in CALL itself.)
enum class Breaker : uint8_t { Never, Always, ResumeArg, BackwardJump };
constexpr std::array<Breaker, static_cast<size_t>(Op::Count)> kBreakers = [] {
  std::array<Breaker, static_cast<size_t>(Op::Count)> b{};
  b[static_cast<size_t>(Op::RESUME)] = Breaker::ResumeArg;
  b[static_cast<size_t>(Op::JUMP_BACKWARD)] = Breaker::Always;
  b[static_cast<size_t>(Op::POP_JUMP_IF_FALSE)] = Breaker::BackwardJump;
  b[static_cast<size_t>(Op::POP_JUMP_IF_TRUE)] = Breaker::BackwardJump;
  return b;
}();
// (A table: most instructions are not breaker points, one load tells.)
bool isBreakerPoint(const Instr& in, uint32_t ip) {
  switch (kBreakers[in.op]) {
    case Breaker::Never: return false;
    case Breaker::Always: return true;
    case Breaker::ResumeArg: return in.arg < 2;
    case Breaker::BackwardJump: return in.arg <= ip;
  }
  return false;
}
}  // namespace

// One instruction. Returns 0 to continue, 1 to stop the loop (request, GIL yield, thread end),
// 2 when the reentrant base frame at `reentryDepth` returned (*reentryResult holds the value),
// 3 when an exception crossed that reentrant boundary; kPure (continue) after an instruction
// that ran no code, allocated nothing and touched no frame but its own (LOAD_FAST, small-int
// arithmetic, jumps...), so that only the budget and instruction count can have changed.
inline int Interpreter::stepOnce(Nanos* consumed, Request* request, int reentryDepth, Value* reentryResult) {
  Frame* f = top();
  const Instr in = f->code->code[f->ip];
  const Op op = static_cast<Op>(in.op);
  const bool prelude = f->code->flags & kCodePrelude;
  // Eval breaker: the GIL holder honours a drop request only here.
  if (isBreakerPoint(in, f->ip) && reentryDepth < 0 && vm.ctx && !prelude) {
    if (!f->breakerChecked && vm.ctx->gilDropRequested()) {
      f->breakerChecked = true;
      t.yieldGil = true;
      return 1;
    }
    f->breakerChecked = false;
  }
  f->lastIp = f->ip;
  ++f->ip;
  vm.charged = prelude ? 0 : vm.opCost[in.op];
  bool ok = true;
  bool pure = false;
  auto& st = f->stack;
  switch (op) {
    case Op::NOP: case Op::RESUME: pure = true; break;
    case Op::POP_TOP:
      // (A dropped coroutine makes Vm::run collect and warn before the next instruction.)
      if (__builtin_expect(vm.unstartedCoroutines > 0, 0)) vm.noteDropped(st.back());
      st.pop_back();
      pure = !vm.coroutineDropped;
      break;
    case Op::COPY: st.push_back(st[st.size() - in.arg]); pure = true; break;
    case Op::SWAP: std::swap(st.back(), st[st.size() - in.arg]); pure = true; break;
    case Op::LOAD_CONST: st.push_back(f->code->constants[in.arg]); pure = true; break;
    case Op::LOAD_FAST: {
      Value v = f->fast[in.arg];
      if (v.isUndefined()) {
        nameError(f->code->varnames[in.arg], f, true);
        ok = false;
        break;
      }
      st.push_back(v);
      pure = true;
      break;
    }
    case Op::STORE_FAST:
      if (__builtin_expect(vm.unstartedCoroutines > 0, 0)) vm.noteDropped(f->fast[in.arg]);
      f->fast[in.arg] = pop(f);
      pure = !vm.coroutineDropped;
      break;
    case Op::DELETE_FAST:
      if (f->fast[in.arg].isUndefined()) { nameError(f->code->varnames[in.arg], f, true); ok = false; break; }
      f->fast[in.arg] = Value::undefined();
      break;
    case Op::LOAD_DEREF: case Op::LOAD_CLOSURE: case Op::LOAD_CLASSDEREF: {
      CellObj* cell = f->cells[in.arg];
      if (op == Op::LOAD_CLOSURE) { st.push_back(Value::object(cell)); break; }
      size_t ncell = f->code->cellvars.size();
      const std::string& n = in.arg < ncell ? f->code->cellvars[in.arg] : f->code->freevars[in.arg - ncell];
      if (op == Op::LOAD_CLASSDEREF && f->locals) {
        Value v = vm.dictGetStr(f->locals, n);
        if (!v.isUndefined()) { st.push_back(v); break; }
      }
      if (cell->value.isUndefined()) {
        if (in.arg < ncell) nameError(n, f, true);
        else raiseType(vm.types.NameError, "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
        ok = false;
        break;
      }
      st.push_back(cell->value);
      break;
    }
    case Op::STORE_DEREF: f->cells[in.arg]->value = pop(f); break;
    case Op::DELETE_DEREF: f->cells[in.arg]->value = Value::undefined(); break;
    case Op::LOAD_GLOBAL: {
      StrObj* n = f->code->names[in.arg];
      Value v = Value::undefined();
      StrLookup r = findStrKey(f->globals, n, &v, false);
      if (r != StrLookup::Slow && v.isUndefined()) r = findStrKey(vm.builtins, n, &v, false);
      if (r == StrLookup::Slow) {  // a non-str key of the same hash: dictGet's __eq__ calls
        v = lookupName(vm, t, f->globals, n);
        if (v.isUndefined()) v = lookupName(vm, t, vm.builtins, n);
      }
      if (v.isUndefined()) { nameError(n->s, f, false); ok = false; break; }
      st.push_back(v);
      break;
    }
    case Op::STORE_GLOBAL:
      if (__builtin_expect(vm.unstartedCoroutines > 0, 0)) vm.noteDropped(vm.dictGetStr(f->globals, f->code->names[in.arg]->s));
      ok = vm.dictSet(t, f->globals, Value::object(f->code->names[in.arg]), pop(f));
      break;
    case Op::DELETE_GLOBAL: {
      bool found;
      ok = vm.dictDel(t, f->globals, Value::object(f->code->names[in.arg]), &found);
      if (ok && !found) { nameError(f->code->names[in.arg]->s, f, false); ok = false; }
      break;
    }
    case Op::LOAD_NAME: {
      StrObj* n = f->code->names[in.arg];
      Value v = f->locals ? lookupName(vm, t, f->locals, n) : Value::undefined();
      if (v.isUndefined()) v = lookupName(vm, t, f->globals, n);
      if (v.isUndefined()) v = lookupName(vm, t, vm.builtins, n);
      if (v.isUndefined()) { nameError(n->s, f, false); ok = false; break; }
      st.push_back(v);
      break;
    }
    case Op::STORE_NAME:
      if (__builtin_expect(vm.unstartedCoroutines > 0, 0)) vm.noteDropped(vm.dictGetStr(f->locals ? f->locals : f->globals, f->code->names[in.arg]->s));
      ok = vm.dictSet(t, f->locals ? f->locals : f->globals, Value::object(f->code->names[in.arg]), pop(f));
      break;
    case Op::DELETE_NAME: {
      bool found;
      ok = vm.dictDel(t, f->locals ? f->locals : f->globals, Value::object(f->code->names[in.arg]), &found);
      if (ok && !found) { nameError(f->code->names[in.arg]->s, f, false); ok = false; }
      break;
    }
    case Op::LOAD_ATTR: {
      Value obj = pop(f);
      Value v;
      AttrResult r = getAttr(obj, f->code->names[in.arg], &v);
      if (r == AttrResult::Value) st.push_back(v);
      ok = r != AttrResult::Error;
      break;
    }
    case Op::LOAD_METHOD: {
      Value obj = pop(f);
      StrObj* n = f->code->names[in.arg];
      if (isKind(obj, ObjKind::Instance)) {
        auto* inst = static_cast<InstanceObj*>(obj.asObj());
        Value classAttr = findClassAttr(inst->cls, n);
        if (isKind(classAttr, ObjKind::Function) && (!inst->dict || !hasStrAttr(inst->dict, n))) {
          st.push_back(obj);
          st.push_back(classAttr);
          break;
        }
      }
      Value native = unboundBuiltinMethod(obj, n);
      if (!native.isUndefined()) {
        st.push_back(obj);
        st.push_back(native);
        break;
      }
      st.push_back(Value::undefined());
      Value v;
      AttrResult r = getAttr(obj, n, &v);
      if (r == AttrResult::Value) st.push_back(v);
      ok = r != AttrResult::Error;
      break;
    }
    case Op::STORE_ATTR: {
      Value obj = pop(f);
      Value v = pop(f);
      ok = setAttr(obj, f->code->names[in.arg], v);
      break;
    }
    case Op::DELETE_ATTR: ok = delAttr(pop(f), f->code->names[in.arg]); break;
    case Op::BINARY_OP: {
      Value b = pop(f);
      Value a = pop(f);
      Value r;
      if (a.isInt() && b.isInt() && smallIntBinary(static_cast<BinaryOp>(in.arg), a.asInt(), b.asInt(), &r)) {
        vm.charged += binaryOpCost(static_cast<BinaryOp>(in.arg), a, b, r);
        st.push_back(r);
        pure = true;
        break;
      }
      OpStatus s = nativeBinary(vm, t, static_cast<BinaryOp>(in.arg), a, b, &r);
      vm.charged += binaryOpCost(static_cast<BinaryOp>(in.arg), a, b, r);  // C loops add too (sum)
      if (s == OpStatus::Ok) { st.push_back(r); break; }
      if (s == OpStatus::Raise) { ok = false; break; }
      ok = dunderBinary(static_cast<BinaryOp>(in.arg), a, b);
      break;
    }
    case Op::UNARY_NEGATIVE: case Op::UNARY_POSITIVE: case Op::UNARY_NOT: case Op::UNARY_INVERT: {
      Value a = pop(f);
      Value r;
      OpStatus s = nativeUnary(vm, t, op, a, &r);
      if (s == OpStatus::Ok) { st.push_back(r); break; }
      if (s == OpStatus::Raise) { ok = false; break; }
      const char* name = op == Op::UNARY_NEGATIVE ? "__neg__" : op == Op::UNARY_POSITIVE ? "__pos__" : "__invert__";
      Value m = findDunder(vm, a, name);
      if (m.isUndefined()) {
        const char* sym = op == Op::UNARY_NEGATIVE ? "-" : op == Op::UNARY_POSITIVE ? "+" : "~";
        raiseType(vm.types.TypeError, std::string("bad operand type for unary ") + sym + ": '" + vm.typeName(a) + "'");
        ok = false;
        break;
      }
      Args args;
      args.pos = {a};
      ok = call(m, args, Delivery::Push);
      break;
    }
    case Op::COMPARE_OP: {
      Value b = pop(f);
      Value a = pop(f);
      Value r;
      pure = a.isInt() && b.isInt();
      OpStatus s = pure ? smallIntCompare(static_cast<CompareOp>(in.arg), a.asInt(), b.asInt(), &r)
                        : nativeCompare(vm, t, static_cast<CompareOp>(in.arg), a, b, &r);
      if (!prelude) {
        Op next = static_cast<Op>(f->code->code[f->ip].op);
        vm.charged += compareOpCost(next == Op::POP_JUMP_IF_FALSE || next == Op::POP_JUMP_IF_TRUE, a);
      }
      if (s == OpStatus::Ok) { st.push_back(r); break; }
      if (s == OpStatus::Raise) { ok = false; break; }
      ok = dunderCompare(static_cast<CompareOp>(in.arg), a, b);
      break;
    }
    case Op::IS_OP: {
      Value b = pop(f);
      Value a = pop(f);
      bool same = a.is(b);
      st.push_back(Value::boolean(in.arg ? !same : same));
      break;
    }
    case Op::CONTAINS_OP: {
      Value c = pop(f);
      Value item = pop(f);
      bool r = false;
      OpStatus s = nativeContains(vm, t, c, item, &r);
      if (s == OpStatus::NotHandled) {
        Value m = findDunder(vm, c, "__contains__");
        Value res;
        if (!m.isUndefined()) {
          ok = vm.callReentrant(t, m, {c, item}, &res) && vm.truthy(t, res, &r);
        } else {
          std::vector<Value> items;
          ok = vm.iterate(t, c, &items);
          for (size_t i = 0; ok && i < items.size() && !r; ++i) ok = vm.equals(t, items[i], item, &r);
        }
      } else {
        ok = s == OpStatus::Ok;
      }
      if (ok) st.push_back(Value::boolean(in.arg ? !r : r));
      break;
    }
    case Op::BINARY_SUBSCR: {
      Value key = pop(f);
      Value c = pop(f);
      Value r;
      OpStatus s = nativeGetItem(vm, t, c, key, &r);
      if (s == OpStatus::Ok) { st.push_back(r); break; }
      if (s == OpStatus::Raise) { ok = false; break; }
      ok = callDunder(c, "__getitem__", {key}, Delivery::Push, "' object is not subscriptable");
      break;
    }
    case Op::STORE_SUBSCR: {
      Value key = pop(f);
      Value c = pop(f);
      Value v = pop(f);
      OpStatus s = nativeSetItem(vm, t, c, key, v);
      if (s == OpStatus::NotHandled) ok = callDunder(c, "__setitem__", {key, v}, Delivery::Discard, "' object does not support item assignment");
      else ok = s == OpStatus::Ok;
      break;
    }
    case Op::DELETE_SUBSCR: {
      Value key = pop(f);
      Value c = pop(f);
      OpStatus s = nativeDelItem(vm, t, c, key);
      if (s == OpStatus::NotHandled) ok = callDunder(c, "__delitem__", {key}, Delivery::Discard, "' object doesn't support item deletion");
      else ok = s == OpStatus::Ok;
      break;
    }
    case Op::BUILD_SLICE: {
      auto* sl = vm.heap.make<SliceObj>();
      sl->step = in.arg == 3 ? pop(f) : Value::none();
      sl->stop = pop(f);
      sl->start = pop(f);
      st.push_back(Value::object(sl));
      break;
    }
    case Op::BUILD_TUPLE: case Op::BUILD_LIST: {
      std::vector<Value> items(st.end() - in.arg, st.end());
      st.resize(st.size() - in.arg);
      st.push_back(op == Op::BUILD_TUPLE ? vm.tuple(std::move(items)) : vm.list(std::move(items)));
      break;
    }
    case Op::BUILD_SET: {
      auto* s = vm.heap.make<SetObj>();
      for (size_t i = st.size() - in.arg; ok && i < st.size(); ++i) ok = vm.dictSet(t, &s->table, st[i], Value::none());
      st.resize(st.size() - in.arg);
      if (ok) st.push_back(Value::object(s));
      break;
    }
    case Op::BUILD_MAP: {
      DictObj* d = vm.newDict();
      size_t base = st.size() - 2 * in.arg;
      for (size_t i = 0; ok && i < in.arg; ++i) ok = vm.dictSet(t, d, st[base + 2 * i], st[base + 2 * i + 1]);
      st.resize(base);
      if (ok) st.push_back(Value::object(d));
      break;
    }
    case Op::BUILD_CONST_KEY_MAP: {
      auto* keys = static_cast<TupleObj*>(pop(f).asObj());
      DictObj* d = vm.newDict();
      size_t base = st.size() - in.arg;
      for (size_t i = 0; ok && i < in.arg; ++i) ok = vm.dictSet(t, d, keys->items[i], st[base + i]);
      st.resize(base);
      if (ok) st.push_back(Value::object(d));
      break;
    }
    case Op::BUILD_STRING: {
      std::string s;
      for (size_t i = st.size() - in.arg; i < st.size(); ++i) s += asStr(st[i])->s;
      st.resize(st.size() - in.arg);
      st.push_back(vm.str(s));
      break;
    }
    case Op::LIST_APPEND: {
      Value v = pop(f);
      static_cast<ListObj*>(st[st.size() - in.arg].asObj())->items.push_back(v);
      break;
    }
    case Op::SET_ADD: {
      Value v = pop(f);
      ok = vm.dictSet(t, &static_cast<SetObj*>(st[st.size() - in.arg].asObj())->table, v, Value::none());
      break;
    }
    case Op::MAP_ADD: {
      Value v = pop(f);
      Value k = pop(f);
      ok = vm.dictSet(t, static_cast<DictObj*>(st[st.size() - in.arg].asObj()), k, v);
      break;
    }
    case Op::LIST_EXTEND: case Op::SET_UPDATE: {
      Value it = pop(f);
      std::vector<Value> items;
      bool raised = false;
      if (!nativeItems(vm, t, it, &items, &raised) && !raised) {
        // [*gen], f(*gen): Python-level iteration is an ordinary call of the prelude, so the
        // generator may block (a task's create_task, an executor's map) as in a for loop.
        Args args;
        args.pos = {st[st.size() - in.arg], it};
        ok = call(lang::prelude(vm, op == Op::LIST_EXTEND ? "_list_extend" : "_set_update"), args, Delivery::Discard);
        break;
      }
      if (raised) {
        if (vm.isInstance(t.raising, vm.types.TypeError) && !isKind(it, ObjKind::Instance)) {
          t.raising = Value::undefined();
          raiseType(vm.types.TypeError, "Value after * must be an iterable, not " + vm.typeName(it));
        }
        ok = false;
        break;
      }
      Value target = st[st.size() - in.arg];
      if (op == Op::LIST_EXTEND) {
        auto& l = static_cast<ListObj*>(target.asObj())->items;
        l.insert(l.end(), items.begin(), items.end());
      } else {
        for (size_t i = 0; ok && i < items.size(); ++i) ok = vm.dictSet(t, &static_cast<SetObj*>(target.asObj())->table, items[i], Value::none());
      }
      break;
    }
    case Op::DICT_UPDATE: case Op::DICT_MERGE: {
      Value m = pop(f);
      auto* target = static_cast<DictObj*>(st[st.size() - in.arg].asObj());
      if (!isKind(m, ObjKind::Dict)) {
        raiseType(vm.types.TypeError, op == Op::DICT_MERGE ? "argument after ** must be a mapping, not " + vm.typeName(m)
                                                         : "'" + vm.typeName(m) + "' object is not a mapping");
        ok = false;
        break;
      }
      for (const DictEntry& e : static_cast<DictObj*>(m.asObj())->entries) {
        if (!e.live) continue;
        if (op == Op::DICT_MERGE) {
          Value existing;
          bool found;
          if (!vm.dictGet(t, target, e.key, &existing, &found)) { ok = false; break; }
          if (found) {
            std::string k;
            vm.toStr(t, e.key, &k);
            raiseType(vm.types.TypeError, "got multiple values for keyword argument '" + k + "'");
            ok = false;
            break;
          }
        }
        if (!vm.dictSet(t, target, e.key, e.value)) { ok = false; break; }
      }
      break;
    }
    case Op::LIST_TO_TUPLE: {
      Value l = pop(f);
      st.push_back(vm.tuple(static_cast<ListObj*>(l.asObj())->items));
      break;
    }
    case Op::FORMAT_VALUE: ok = formatValue(in.arg); break;
    case Op::UNPACK_SEQUENCE: case Op::UNPACK_EX: ok = unpack(op, in.arg); break;
    case Op::GET_ITER: {
      Value v = pop(f);
      Value it;
      OpStatus s = nativeIter(vm, t, v, &it);
      if (s == OpStatus::Ok) { st.push_back(it); break; }
      if (s == OpStatus::Raise) { ok = false; break; }
      if (findDunder(vm, v, "__iter__").isUndefined() && !findDunder(vm, v, "__getitem__").isUndefined()) {
        // The old sequence protocol: __getitem__(0), (1), ... until IndexError.
        Args a;
        a.pos = {v};
        ok = call(vm.dictGetStr(vm.builtins, "_seq_iter"), a, Delivery::Push);
        break;
      }
      ok = callDunder(v, "__iter__", {}, Delivery::Push, "' object is not iterable");
      break;
    }
    case Op::FOR_ITER: {
      Value it = st.back();
      if (isKind(it, ObjKind::Generator)) {
        ok = resume(static_cast<GeneratorObj*>(it.asObj()), Value::none(), Delivery::ForIter, in.arg);
        break;
      }
      Value v;
      bool done = false;
      pure = isKind(it, ObjKind::Iterator) && static_cast<IteratorObj*>(it.asObj())->iterKind == IterKind::Range;
      OpStatus s = pure ? rangeNext(static_cast<IteratorObj*>(it.asObj()), &v, &done) : nativeNext(vm, t, it, &v, &done);
      if (s == OpStatus::Ok) {
        if (done) { st.pop_back(); f->ip = in.arg; }
        else st.push_back(v);
        break;
      }
      if (s == OpStatus::Raise) { ok = false; break; }
      Value m = findDunder(vm, it, "__next__");
      if (m.isUndefined()) {
        raiseType(vm.types.TypeError, "'" + vm.typeName(it) + "' object is not an iterator");
        ok = false;
        break;
      }
      Args args;
      args.pos = {it};
      ok = call(m, args, Delivery::ForIter, Value::undefined(), in.arg);
      break;
    }
    case Op::JUMP_FORWARD: case Op::JUMP_BACKWARD: case Op::JUMP_BACKWARD_NO_INTERRUPT:
      f->ip = in.arg;
      pure = true;
      break;
    case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE: {
      Value v = pop(f);
      bool b;
      if (v.isBool()) b = v.asBool(), pure = true;
      else if (!vm.truthy(t, v, &b)) { ok = false; break; }
      if (b == (op == Op::POP_JUMP_IF_TRUE)) f->ip = in.arg;
      break;
    }
    case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP: {
      bool b;
      if (!vm.truthy(t, st.back(), &b)) { ok = false; break; }
      if (b == (op == Op::JUMP_IF_TRUE_OR_POP)) f->ip = in.arg;
      else st.pop_back();
      break;
    }
    case Op::CALL: case Op::CALL_KW: case Op::CALL_METHOD: case Op::CALL_METHOD_KW: {
      if (op == Op::CALL || op == Op::CALL_METHOD) {
        size_t base = st.size() - in.arg;
        Value callable = st[base - 1];
        Value self = op == Op::CALL_METHOD ? st[base - 2] : Value::undefined();
        if (isKind(callable, ObjKind::Function) &&
            isSimpleCall(static_cast<FunctionObj*>(callable.asObj()), in.arg + (self.isUndefined() ? 0 : 1)) &&
            t.frames.size() < static_cast<size_t>(kMaxRecursionDepth)) {
          if (!prelude) vm.charged += callCost(CallKind::Python, false);
          callSimple(static_cast<FunctionObj*>(callable.asObj()), f, base, self, base - (op == Op::CALL_METHOD ? 2 : 1));
          break;
        }
      }
      Args args;
      args.pos.swap(spareArgs);  // (its capacity: no allocation per call)
      size_t nkw = 0;
      TupleObj* kwnames = nullptr;
      if (op == Op::CALL_KW || op == Op::CALL_METHOD_KW) {
        kwnames = static_cast<TupleObj*>(pop(f).asObj());
        nkw = kwnames->items.size();
      }
      size_t n = in.arg;
      size_t base = st.size() - n;
      args.pos.assign(st.begin() + static_cast<ptrdiff_t>(base), st.end() - static_cast<ptrdiff_t>(nkw));
      for (size_t i = 0; i < nkw; ++i) args.kw.push_back({asStr(kwnames->items[i]), st[st.size() - nkw + i]});
      st.resize(base);
      Value callable = pop(f);
      Value receiver = Value::undefined();  // an unbound builtin method's (LOAD_METHOD)
      if (op == Op::CALL_METHOD || op == Op::CALL_METHOD_KW) {
        Value marker = pop(f);
        if (!marker.isUndefined()) {
          if (isKind(callable, ObjKind::Builtin) && static_cast<BuiltinObj*>(callable.asObj())->self.isUndefined()) {
            receiver = marker;
          } else {
            args.pos.insert(args.pos.begin(), marker);
          }
        }
      }
      bool native = isKind(callable, ObjKind::Builtin) || isKind(callable, ObjKind::Type);
      if (!prelude) {
        CallKind kind = isKind(callable, ObjKind::Type) && !static_cast<TypeObj*>(callable.asObj())->builtin ? CallKind::Class
                        : native ? CallKind::C : CallKind::Python;
        vm.charged += callCost(kind, nkw > 0);
      }
      if (isKind(callable, ObjKind::Builtin) && static_cast<BuiltinObj*>(callable.asObj()) == vm.buildClass) {
        ok = startClassBody(args);
        break;
      }
      ok = receiver.isUndefined() ? call(callable, args, Delivery::Push)
                                  : callBuiltin(static_cast<BuiltinObj*>(callable.asObj()), receiver, args, Delivery::Push);
      if (args.pos.capacity() > spareArgs.capacity() && args.pos.capacity() <= kSpareArgsCapacity) {
        args.pos.clear();
        spareArgs.swap(args.pos);
      }
      // "Right after a call returns": a C call completed; check the eval breaker.
      if (ok && native && !prelude && top() == f && !t.hasPendingRequest && reentryDepth < 0 &&
          vm.ctx && vm.ctx->gilDropRequested()) {
        settle(consumed);
        t.yieldGil = true;
        return 1;
      }
      break;
    }
    case Op::CALL_FUNCTION_EX: {
      Value kw = in.arg & 1 ? pop(f) : Value::undefined();
      Value argsV = pop(f);
      Value callable = pop(f);
      Args args;
      args.pos = static_cast<TupleObj*>(argsV.asObj())->items;
      if (!kw.isUndefined()) {
        for (const DictEntry& e : static_cast<DictObj*>(kw.asObj())->entries) {
          if (!e.live) continue;
          if (!isKind(e.key, ObjKind::Str)) { raiseType(vm.types.TypeError, "keywords must be strings"); ok = false; break; }
          args.kw.push_back({asStr(e.key), e.value});
        }
      }
      if (!prelude) vm.charged += callCost(isKind(callable, ObjKind::Builtin) ? CallKind::C : CallKind::Python, !args.kw.empty());
      if (ok) {
        if (isKind(callable, ObjKind::Builtin) && static_cast<BuiltinObj*>(callable.asObj()) == vm.buildClass) ok = startClassBody(args);
        else ok = call(callable, args, f->delivery == Delivery::ThreadEntry || f->delivery == Delivery::Reentrant ? Delivery::Push : Delivery::Push);
      }
      break;
    }
    case Op::MAKE_FUNCTION: {
      auto* code = static_cast<CodeObj*>(pop(f).asObj());
      auto* fn = vm.heap.make<FunctionObj>();
      fn->code = code;
      fn->globals = f->globals;
      if (in.arg & 8) {
        for (const Value& c : static_cast<TupleObj*>(pop(f).asObj())->items) fn->closure.push_back(static_cast<CellObj*>(c.asObj()));
      }
      if (in.arg & 2) fn->kwdefaults = static_cast<DictObj*>(pop(f).asObj());
      if (in.arg & 1) fn->defaults = static_cast<TupleObj*>(pop(f).asObj())->items;
      fn->name = vm.heap.str(code->name);
      fn->qualname = vm.heap.str(code->qualname);
      fn->module = vm.dictGetStr(f->globals, "__name__");
      fn->doc = code->docstring ? Value::object(code->docstring) : Value::none();
      st.push_back(Value::object(fn));
      break;
    }
    case Op::RETURN_VALUE: return doReturn(pop(f), reentryDepth, reentryResult);
    case Op::YIELD_VALUE: {
      Value v = pop(f);
      GeneratorObj* gen = f->generator;
      gen->state = GenState::Suspended;
      t.frames.pop_back();
      leaveGen(gen, f, false);
      if (t.frames.empty()) {
        raiseType(vm.types.RuntimeError, "a coroutine yielded to the top level (asyncio arrives with the event loop)");
        return 3;
      }
      if (f->delivery == Delivery::TaskStep) {
        Value task = f->payload;
        f->payload = Value::undefined();
        ok = finishTaskStep(vm, t, task, StepEnd::Yielded, v);
        if (ok) top()->stack.push_back(Value::none());
        break;
      }
      top()->stack.push_back(v);
      break;
    }
    case Op::GET_AWAITABLE: {
      Value v = st.back();
      if (isKind(v, ObjKind::Generator) && static_cast<GeneratorObj*>(v.asObj())->coroutine) {
        auto* g = static_cast<GeneratorObj*>(v.asObj());
        if (g->state != GenState::Created && g->state != GenState::Suspended) {
          raiseType(vm.types.RuntimeError, "cannot reuse already awaited coroutine");
          ok = false;
        }
        break;
      }
      Value m = findDunder(vm, v, "__await__");
      if (!m.isUndefined()) {
        st.pop_back();
        Args args;
        args.pos = {v};
        ok = call(m, args, Delivery::Push);
        break;
      }
      raiseType(vm.types.TypeError, "object " + vm.typeName(v) + " can't be used in 'await' expression");
      ok = false;
      break;
    }
    case Op::SEND: {
      Value sent = pop(f);
      Value aw = st.back();
      if (isKind(aw, ObjKind::Instance) && static_cast<InstanceObj*>(aw.asObj())->cls == vm.futureIterType) {
        // `await future`: asyncio's FutureIter, natively (module_asyncio.cpp).
        Value out;
        switch (futureIterSend(vm, t, static_cast<InstanceObj*>(aw.asObj()), &out)) {
          case FutureSend::Yield: st.push_back(out); break;  // YIELD_VALUE passes it up
          case FutureSend::Return:
            st.back() = out;
            f->ip = in.arg;
            break;
          case FutureSend::Raise: ok = false; break;
        }
        break;
      }
      if (!isKind(aw, ObjKind::Generator)) {
        raiseType(vm.types.TypeError, "'" + vm.typeName(aw) + "' object is not awaitable");
        ok = false;
        break;
      }
      ok = resume(static_cast<GeneratorObj*>(aw.asObj()), sent, Delivery::Await, in.arg);
      break;
    }
    case Op::SETUP_FINALLY: f->blocks.push_back(Frame::Block{in.arg, static_cast<uint32_t>(st.size())}); break;
    case Op::LANE: laneHook(in.arg, *consumed); break;
    case Op::SETUP_WITH: f->blocks.push_back(Frame::Block{in.arg, static_cast<uint32_t>(st.size() - 1)}); break;
    case Op::POP_BLOCK: f->blocks.pop_back(); break;
    case Op::RAISE_VARARGS: {
      if (in.arg == 0) {
        Value handled = handledNow();
        if (handled.isNone()) {
          raiseType(vm.types.RuntimeError, "No active exception to reraise");
          ok = false;
          break;
        }
        // A bare `raise` re-raises with the traceback as it is (no entry for this frame).
        t.raising = handled;
        settle(consumed);
        Unwound u = unwind(false);
        if (u == Unwound::Reentrant) return 3;
        if (u == Unwound::ThreadDone) return 1;
        return 0;
      }
      Value cause = in.arg == 2 ? pop(f) : Value::undefined();
      Value exc = pop(f);
      if (!makeException(&exc)) { ok = false; break; }
      if (!cause.isUndefined()) {
        if (!cause.isNone() && !makeException(&cause)) { ok = false; break; }
        excState(exc)->cause = cause;
        excState(exc)->suppressContext = true;
      }
      setRaising(exc);
      ok = false;
      break;
    }
    case Op::RERAISE: {
      t.raising = pop(f);
      Unwound u = unwind(false);
      if (u == Unwound::Reentrant) return 3;
      if (u == Unwound::ThreadDone) return 1;
      return 0;
    }
    case Op::PUSH_EXC_INFO: {
      Value exc = pop(f);
      st.push_back(t.handled);
      st.push_back(exc);
      t.handled = exc;
      break;
    }
    case Op::POP_EXCEPT: t.handled = pop(f); break;
    case Op::CHECK_EXC_MATCH: {
      Value type = pop(f);
      Value exc = st.back();
      bool match = false;
      std::vector<Value> types;
      if (isKind(type, ObjKind::Tuple)) types = static_cast<TupleObj*>(type.asObj())->items;
      else types.push_back(type);
      for (const Value& ty : types) {
        if (!isKind(ty, ObjKind::Type) || !static_cast<TypeObj*>(ty.asObj())->isException) {
          raiseType(vm.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
          ok = false;
          break;
        }
        match |= vm.isInstance(exc, static_cast<TypeObj*>(ty.asObj()));
      }
      if (ok) st.push_back(Value::boolean(match));
      break;
    }
    case Op::BEFORE_WITH: {
      Value mgr = pop(f);
      Value enter, exit;
      TypeObj* type = vm.typeOf(mgr);
      Value e = findClassAttr(type, "__enter__");
      Value x = findClassAttr(type, "__exit__");
      if (e.isUndefined() || x.isUndefined()) {
        raiseType(vm.types.TypeError, "'" + type->name + "' object does not support the context manager protocol");
        ok = false;
        break;
      }
      AttrResult r1 = descriptor(mgr, x, false, &exit, Delivery::Push);
      AttrResult r2 = descriptor(mgr, e, false, &enter, Delivery::Push);
      if (r1 != AttrResult::Value || r2 != AttrResult::Value) { ok = false; break; }
      st.push_back(exit);
      Args args;
      ok = call(enter, args, Delivery::Push);
      break;
    }
    case Op::BEFORE_ASYNC_WITH: {
      Value mgr = pop(f);
      TypeObj* type = vm.typeOf(mgr);
      Value e = findClassAttr(type, "__aenter__");
      Value x = findClassAttr(type, "__aexit__");
      if (e.isUndefined() || x.isUndefined()) {
        raiseType(vm.types.TypeError, "'" + type->name + "' object does not support the asynchronous context manager protocol");
        ok = false;
        break;
      }
      Value enter, exit;
      if (descriptor(mgr, x, false, &exit, Delivery::Push) != AttrResult::Value ||
          descriptor(mgr, e, false, &enter, Delivery::Push) != AttrResult::Value) {
        ok = false;
        break;
      }
      st.push_back(exit);
      Args args;
      ok = call(enter, args, Delivery::Push);
      break;
    }
    case Op::GET_AITER: {
      Value obj = pop(f);
      ok = callAsyncIterMethod(obj, "__aiter__", "'async for' requires an object with __aiter__ method, got ");
      break;
    }
    case Op::GET_ANEXT:
      ok = callAsyncIterMethod(st.back(), "__anext__", "'async for' requires an iterator with __anext__ method, got ");
      break;
    case Op::END_ASYNC_FOR: {
      Value exc = pop(f);
      if (vm.isInstance(exc, vm.types.StopAsyncIteration)) {
        st.pop_back();  // the async iterator
        break;
      }
      t.raising = exc;
      settle(consumed);
      Unwound u = unwind(false);
      if (u == Unwound::Reentrant) return 3;
      if (u == Unwound::ThreadDone) return 1;
      return 0;
    }
    case Op::WITH_EXCEPT_START: {
      Value exc = st[st.size() - 1];
      Value exit = st[st.size() - 3];
      Args args;
      args.pos = {Value::object(vm.typeOf(exc)), exc, Value::none()};
      ok = call(exit, args, Delivery::Push);
      break;
    }
    case Op::LOAD_BUILD_CLASS: st.push_back(Value::object(vm.buildClass)); break;
    case Op::LOAD_ASSERTION_ERROR: st.push_back(Value::object(vm.types.AssertionError)); break;
    case Op::IMPORT_NAME: ok = importName(f->code->names[in.arg]->s); break;
    case Op::IMPORT_FROM: {
      Value mod = st.back();
      StrObj* n = f->code->names[in.arg];
      Value v = isKind(mod, ObjKind::Module) ? vm.dictGetStr(static_cast<ModuleObj*>(mod.asObj())->dict, n->s) : Value::undefined();
      if (v.isUndefined() && isKind(mod, ObjKind::Module)) {
        // A submodule (import os.path as p; from concurrent import futures), loaded if need be.
        std::string sub = static_cast<ModuleObj*>(mod.asObj())->name + "." + n->s;
        auto it = vm.image->modules.find(sub);
        if (it == vm.image->modules.end() && vm.lazyModule && vm.lazyModule(vm, sub)) it = vm.image->modules.find(sub);
        if (it != vm.image->modules.end()) v = Value::object(it->second);
      }
      if (v.isUndefined()) {
        std::string m = isKind(mod, ObjKind::Module) ? static_cast<ModuleObj*>(mod.asObj())->name : "?";
        raiseType(vm.types.ImportError, "cannot import name '" + n->s + "' from '" + m + "' (unknown location)");
        ok = false;
        break;
      }
      st.push_back(v);
      break;
    }
    case Op::IMPORT_STAR: {
      Value mod = pop(f);
      DictObj* target = f->locals ? f->locals : f->globals;
      for (const DictEntry& e : static_cast<ModuleObj*>(mod.asObj())->dict->entries) {
        if (!e.live || !isKind(e.key, ObjKind::Str) || asStr(e.key)->s[0] == '_') continue;
        vm.dictSet(t, target, e.key, e.value);
      }
      break;
    }
    default:
      raiseType(vm.types.RuntimeError, std::string("unsupported instruction ") + opName(op));
      ok = false;
      break;
  }
  settle(consumed);
  if (!ok) {
    if (t.hasPendingRequest) return 1;
    Unwound u = unwind(true);
    if (u == Unwound::Reentrant) return 3;
    if (u == Unwound::ThreadDone) return 1;
    return 0;
  }
  if (t.hasPendingRequest) return 1;
  (void)request;
  return pure ? kPure : 0;
}

bool Interpreter::runFast(Nanos* consumedOut, Nanos budget) {
  // The top frame's state, in locals; saved before another frame becomes the top one.
  static constexpr std::array<int64_t, static_cast<size_t>(Op::Count)> kFreeOps{};  // prelude code
  Frame* f;
  const Instr* instrs;
  const Value* consts;
  StrObj* const* names;
  StrObj** aliases;
  CodeObj::ClassAttrCache* classCache;
  const int64_t* opCost;
  Value* fast;
  Value* stack;
  size_t capacity, sp;
  bool prelude, breakers;
  uint32_t ip, lastIp;
  // (Inlined: a call would keep every captured local in memory.)
  auto load = [&]() __attribute__((always_inline)) {
    f = top();
    CodeObj* code = f->code;
    instrs = code->code.data();
    consts = code->constants.data();
    names = code->names.data();
    if (code->nameAliases.size() != code->names.size()) code->nameAliases.resize(code->names.size(), nullptr);
    aliases = code->nameAliases.data();
    if (code->classAttrCache.size() != code->code.size()) code->classAttrCache.resize(code->code.size());
    classCache = code->classAttrCache.data();
    fast = f->fast.data();
    stack = f->stack.data();
    capacity = f->stack.capacity();
    sp = f->stack.size();
    prelude = code->flags & kCodePrelude;
    opCost = prelude ? kFreeOps.data() : vm.opCost.data();
    // Python called from C (Vm::callReentrant) has no eval breaker, as in stepOnce.
    breakers = vm.ctx && !prelude && t.reentrantDepth == 0;
    ip = f->ip;
    lastIp = f->lastIp;
  };
  auto save = [&]() __attribute__((always_inline)) {
    f->ip = ip;
    f->lastIp = lastIp;
    f->stack.setSize(sp);
  };
  // Costs: with U the cost units charged since entry plus the remainder carried in, settle()
  // would have made consumed = consumed0 + U / kCostScale and the remainder U % kCostScale
  // (all costs are >= 0). Vm::run stops at consumed > 0 && consumed >= budget, that is at
  // U >= stopAt: no division per instruction.
  if (vm.chargeRemainder < 0) return true;
  const Nanos consumed0 = *consumedOut;
  uint64_t units = static_cast<uint64_t>(vm.chargeRemainder);
  uint64_t stopAt = consumed0 > 0 ? 0 : kCostScale;
  if (budget > consumed0) {
    Nanos need = budget - consumed0;
    stopAt = std::max<uint64_t>(stopAt, need > INT64_MAX / kCostScale ? UINT64_MAX : static_cast<uint64_t>(need * kCostScale));
  }
  load();
  // findClassAttr(cls, names[arg]) for the instruction at ip, through its cache.
  auto classAttr = [&](TypeObj* cls, uint32_t at, StrObj* name) __attribute__((always_inline)) {
    CodeObj::ClassAttrCache& c = classCache[at];
    if (c.cls != cls || c.epoch != vm.typeEpoch) c = {cls, vm.typeEpoch, findClassAttr(cls, name)};
    return c.attr;
  };
  int64_t instructions = vm.instructions;
  const int64_t maxInstructions = vm.maxInstructions;
  // Back to memory (also harmless when nothing ran: the same values).
  auto finish = [&]() __attribute__((always_inline)) {
    save();
    *consumedOut = consumed0 + static_cast<Nanos>(units / kCostScale);
    vm.chargeRemainder = static_cast<int64_t>(units % kCostScale);
    vm.charged = 0;
    vm.instructions = instructions;
  };
  // Eval breaker (as in stepOnce): leave a GIL drop request to stepOnce. Asked once: nothing
  // here can change the engine's state (it changes between runs, or through natives).
  const bool dropRequested = t.reentrantDepth == 0 && vm.ctx && vm.ctx->gilDropRequested();
#define INTERLEAVE_FAST_BREAKER()                               \
  if (breakers) {                                               \
    if (!f->breakerChecked && dropRequested) goto general;      \
    f->breakerChecked = false;                                  \
  }
  for (;;) {
    const Instr in = instrs[ip];
    const Op op = static_cast<Op>(in.op);
    int64_t cost = opCost[in.op];
    uint32_t next = ip + 1;
    switch (op) {
      case Op::NOP: break;
      case Op::RESUME:
        if (in.arg < 2) { INTERLEAVE_FAST_BREAKER(); }
        break;
      case Op::LOAD_FAST: {
        const Value& v = fast[in.arg];
        if (v.isUndefined() || sp == capacity) goto general;
        stack[sp++] = v;
        break;
      }
      case Op::STORE_FAST:
        // A coroutine it drops may warn (stepOnce, Vm::noteDropped); nothing else can.
        if (vm.unstartedCoroutines > 0 && isKind(fast[in.arg], ObjKind::Generator)) goto general;
        fast[in.arg] = stack[--sp];
        break;
      case Op::LOAD_CONST:
        if (sp == capacity) goto general;
        stack[sp++] = consts[in.arg];
        break;
      case Op::POP_TOP:
        if (vm.unstartedCoroutines > 0 && isKind(stack[sp - 1], ObjKind::Generator)) goto general;
        --sp;
        break;
      case Op::IS_OP: {
        bool same = stack[sp - 2].is(stack[sp - 1]);
        stack[sp - 2] = Value::boolean(in.arg ? !same : same);
        --sp;
        break;
      }
      case Op::UNARY_NOT: {
        // vm.truthy without Python code: None, bool, int.
        const Value& v = stack[sp - 1];
        if (v.isBool() || v.isInt()) stack[sp - 1] = Value::boolean(v.asInt() == 0);
        else if (v.isNone()) stack[sp - 1] = Value::boolean(true);
        else goto general;
        break;
      }
      case Op::SETUP_FINALLY:
        f->blocks.push_back(Frame::Block{in.arg, static_cast<uint32_t>(sp)});
        break;
      case Op::POP_BLOCK: f->blocks.pop_back(); break;
      case Op::JUMP_BACKWARD:
        INTERLEAVE_FAST_BREAKER();
        next = in.arg;
        break;
      case Op::JUMP_FORWARD: case Op::JUMP_BACKWARD_NO_INTERRUPT: next = in.arg; break;
      case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE: {
        if (in.arg <= ip) { INTERLEAVE_FAST_BREAKER(); }
        const Value& v = stack[sp - 1];
        if (!v.isBool()) goto general;
        --sp;
        if (v.asBool() == (op == Op::POP_JUMP_IF_TRUE)) next = in.arg;
        break;
      }
      case Op::BINARY_OP: {
        const Value& a = stack[sp - 2];
        const Value& b = stack[sp - 1];
        Value r;
        if (!a.isInt() || !b.isInt() || !smallIntBinary(static_cast<BinaryOp>(in.arg), a.asInt(), b.asInt(), &r)) goto general;
        int base = in.arg >= static_cast<uint32_t>(kInplaceOffset) ? static_cast<int>(in.arg) - kInplaceOffset : static_cast<int>(in.arg);
        cost += intBinaryOpCost(static_cast<BinaryOp>(base), false, a, r);  // = binaryOpCost(small ints)
        stack[sp - 2] = r;
        --sp;
        break;
      }
      case Op::COMPARE_OP: {
        const Value& a = stack[sp - 2];
        const Value& b = stack[sp - 1];
        Value r;
        if (a.isInt() && b.isInt()) {
          smallIntCompare(static_cast<CompareOp>(in.arg), a.asInt(), b.asInt(), &r);
        } else {
          // nativeCompare where it runs no Python code and cannot raise: numbers with numbers,
          // str with str, and == / != between None, bools, numbers and strs.
          auto scalar = [](const Value& v) { return !v.isObj() && !v.isUndefined(); };
          auto number = [](const Value& v) { return v.isInt() || v.isBool() || v.isFloat(); };
          auto cmp = static_cast<CompareOp>(in.arg);
          bool eqOp = cmp == CompareOp::Eq || cmp == CompareOp::Ne;
          bool plain = (number(a) && number(b)) || (isKind(a, ObjKind::Str) && isKind(b, ObjKind::Str)) ||
                       (eqOp && (scalar(a) || isKind(a, ObjKind::Str)) && (scalar(b) || isKind(b, ObjKind::Str)));
          if (!plain || in.arg > static_cast<uint32_t>(CompareOp::Ge)) goto general;
          if (nativeCompare(vm, t, cmp, a, b, &r) != OpStatus::Ok) goto general;
        }
        if (!prelude) {
          Op after = static_cast<Op>(instrs[next].op);
          cost += compareOpCost(after == Op::POP_JUMP_IF_FALSE || after == Op::POP_JUMP_IF_TRUE, a);
        }
        stack[sp - 2] = r;
        --sp;
        break;
      }
      case Op::FOR_ITER: {
        const Value& it = stack[sp - 1];
        if (!it.isObj()) goto general;
        if (it.asObj()->kind == ObjKind::Iterator) {
          auto* iter = static_cast<IteratorObj*>(it.asObj());
          if (iter->iterKind != IterKind::Range || sp == capacity) goto general;
          Value v;
          bool done = false;
          rangeNext(iter, &v, &done);
          if (done) { --sp; next = in.arg; }
          else stack[sp++] = v;
          break;
        }
        if (it.asObj()->kind != ObjKind::Generator) goto general;
        // resume(gen, None, ForIter, arg) of a suspended generator (not the first time).
        auto* gen = static_cast<GeneratorObj*>(it.asObj());
        if (gen->state != GenState::Suspended) goto general;
        lastIp = ip;
        ip = next;
        save();
        Frame* fr = gen->frame.get();
        fr->stack.push_back(Value::none());
        gen->awaitedOnce = true;
        gen->state = GenState::Running;
        fr->delivery = Delivery::ForIter;
        fr->jump = in.arg;
        enterGen(gen, fr);
        t.frames.push_back(fr);
        load();
        goto settle;
      }
      case Op::YIELD_VALUE: {
        if (t.frames.size() < 2 || f->generator == nullptr || f->delivery == Delivery::TaskStep) goto general;
        Value v = stack[--sp];
        f->generator->state = GenState::Suspended;
        lastIp = ip;
        ip = next;
        save();
        t.frames.pop_back();
        leaveGen(f->generator, f, false);
        top()->stack.push_back(v);
        load();
        goto settle;
      }
      case Op::LOAD_GLOBAL: {
        if (sp == capacity) goto general;
        StrObj* n = names[in.arg];
        Value v = Value::undefined();
        StrLookup r = findStrKey(f->globals, n, &v, false, nullptr, &aliases[in.arg]);
        if (r != StrLookup::Slow && v.isUndefined()) r = findStrKey(vm.builtins, n, &v, false, nullptr, &aliases[in.arg]);
        if (r == StrLookup::Slow || v.isUndefined()) goto general;
        stack[sp++] = v;
        break;
      }
      case Op::LOAD_ATTR: {
        // An instance's own attribute, with no property of that name on its class (getAttr).
        const Value& obj = stack[sp - 1];
        if (!isKind(obj, ObjKind::Instance)) goto general;
        auto* inst = static_cast<InstanceObj*>(obj.asObj());
        if ((inst->cls == vm.superType && isKind(inst->nativeValue, ObjKind::Tuple)) || !inst->dict) goto general;
        StrObj* n = names[in.arg];
        if (isKind(classAttr(inst->cls, ip, n), ObjKind::Property)) goto general;
        // The dict's live entry with this key (there is one at most), where it last was, else
        // through the hash index (findStrKey).
        const std::vector<DictEntry>& entries = inst->dict->entries;
        int32_t& slot = classCache[ip].slot;
        if (slot >= 0 && static_cast<size_t>(slot) < entries.size()) {
          const DictEntry& e = entries[static_cast<size_t>(slot)];
          if (e.live && e.key.isObj() && (e.key.asObj() == n || e.key.asObj() == aliases[in.arg])) {
            stack[sp - 1] = e.value;
            break;
          }
        }
        Value v = Value::undefined();
        DictEntry* found = nullptr;
        findStrKey(inst->dict, n, &v, true, &found, &aliases[in.arg]);
        if (v.isUndefined()) goto general;
        slot = static_cast<int32_t>(found - entries.data());
        stack[sp - 1] = v;
        break;
      }
      case Op::STORE_ATTR: {
        // Replacing an instance's existing attribute (setAttr).
        const Value& obj = stack[sp - 1];
        if (!isKind(obj, ObjKind::Instance)) goto general;
        auto* inst = static_cast<InstanceObj*>(obj.asObj());
        StrObj* n = names[in.arg];
        if (!inst->dict || inst->dict->typeEpoch || inst->exc || isKind(classAttr(inst->cls, ip, n), ObjKind::Property)) goto general;
        Value old;
        DictEntry* e = nullptr;
        StrLookup found = findStrKey(inst->dict, n, &old, false, &e, &aliases[in.arg]);
        if (found == StrLookup::Found) {
          e->value = stack[sp - 2];
        } else if (found == StrLookup::Missing) {
          // A new attribute: no key of its hash can run __eq__ (findStrKey said Missing).
          if (!vm.dictSet(t, inst->dict, Value::object(n), stack[sp - 2])) goto general;
          noteInstanceAttrs(inst);
        } else {
          goto general;
        }
        sp -= 2;
        break;
      }
      case Op::CALL: case Op::CALL_METHOD: {
        // A plain Python function with exactly its positional parameters (callSimple); for
        // CALL_METHOD, `self` below it unless LOAD_METHOD left the undefined marker.
        size_t base = sp - in.arg;
        const Value& callable = stack[base - 1];
        if (!isKind(callable, ObjKind::Function)) goto general;
        auto* fn = static_cast<FunctionObj*>(callable.asObj());
        Value self = op == Op::CALL_METHOD ? stack[base - 2] : Value::undefined();
        if (!isSimpleCall(fn, in.arg + (self.isUndefined() ? 0 : 1)) ||
            t.frames.size() >= static_cast<size_t>(kMaxRecursionDepth)) {
          goto general;
        }
        if (!prelude) cost += callCost(CallKind::Python, false);
        lastIp = ip;
        ip = next;
        save();
        callSimple(fn, f, base, self, base - (op == Op::CALL_METHOD ? 2 : 1));
        load();
        if (!fn->code->cellvars.empty() && vm.heap.wantsCollection()) {
          // Its cells were the first allocation a collection is due after: Vm::run collects
          // before the next instruction, as after stepOnce.
          units += static_cast<uint64_t>(cost);
          finish();
          return false;
        }
        goto settle;
      }
      case Op::LOAD_METHOD: {
        // A function found on an instance's class and not shadowed in its dict, or a builtin
        // type's native method (stepOnce, unboundBuiltinMethod): pushed with the receiver below
        // it, no bound method made.
        const Value& obj = stack[sp - 1];
        if (!obj.isObj() || sp == capacity) goto general;
        StrObj* n = names[in.arg];
        Value method;
        switch (obj.asObj()->kind) {
          case ObjKind::Instance: {
            auto* inst = static_cast<InstanceObj*>(obj.asObj());
            if (inst->cls == vm.superType) goto general;
            method = classAttr(inst->cls, ip, n);
            bool native = isKind(method, ObjKind::Builtin) && static_cast<BuiltinObj*>(method.asObj())->self.isUndefined();
            if (!isKind(method, ObjKind::Function) && !native) goto general;
            if (inst->dict) {
              Value shadow = Value::undefined();
              findStrKey(inst->dict, n, &shadow, true, nullptr, &aliases[in.arg]);
              if (!shadow.isUndefined()) goto general;
            }
            break;
          }
          case ObjKind::List: case ObjKind::Tuple: case ObjKind::Dict: case ObjKind::Set:
          case ObjKind::Str: case ObjKind::Iterator: case ObjKind::DictView: case ObjKind::Generator:
            method = classAttr(vm.typeOf(obj), ip, n);
            if (!isKind(method, ObjKind::Builtin) || !static_cast<BuiltinObj*>(method.asObj())->self.isUndefined()) goto general;
            // (getAttr answers these names itself.)
            if (n->s == "__class__" || n->s == "__name__" || n->s == "__qualname__") goto general;
            break;
          default: goto general;
        }
        stack[sp++] = method;
        break;
      }
      case Op::RETURN_VALUE: {
        // An ordinary call's frame returns (doReturn); RETURN_VALUE's cost is not settled.
        if (f->generator || f->delivery != Delivery::Push || t.frames.size() < 2) goto general;
        Value v = stack[--sp];
        lastIp = ip;
        ip = next;
        save();
        t.frames.pop_back();
        releaseFrame(f);
        top()->stack.push_back(v);
        load();
        goto check;
      }
      default: goto general;
    }
    lastIp = ip;
    ip = next;
  settle:
    // Done: what stepOnce's settle() and Vm::run's loop do between instructions.
    units += static_cast<uint64_t>(cost);
  check:
    if (units >= stopAt || instructions >= maxInstructions) {
      finish();
      return false;
    }
    ++instructions;
  }
#undef INTERLEAVE_FAST_BREAKER
general:
  finish();
  return true;
}

int Interpreter::step(Nanos* consumed, Nanos budget, Request* request, int reentryDepth,
                      Value* reentryResult) {
  for (;;) {
    // Python called from C runs to completion: no budget (its boundary, the boot frame's
    // CALL_FUNCTION_EX and RETURN_VALUE, is stepOnce's).
    // (Stopped early there, e.g. at the instruction limit, stepOnce still makes progress.)
    if (!runFast(consumed, reentryDepth < 0 ? budget : kNever) && reentryDepth < 0) return 0;
    int rc = stepOnce(consumed, request, reentryDepth, reentryResult);
    if (rc == kPure) {
      // Nothing but the budget and the instruction count can stop the loop here.
      if (reentryDepth >= 0 || (*consumed > 0 && *consumed >= budget) || vm.instructions >= vm.maxInstructions) return 0;
    } else if (rc != 0 || reentryDepth >= 0 || !canContinue(*consumed, budget)) {
      return rc;
    }
    ++vm.instructions;  // what Vm::run counts before calling step again
  }
}

}  // namespace interleave::lang

namespace interleave::lang {

int Interpreter::doReturn(Value v, int reentryDepth, Value* reentryResult) {
  Frame* f = top();
  *reentryResult = Value::undefined();
  t.frames.pop_back();
  Delivery d = f->delivery;
  uint32_t jump = f->jump;
  Value payload = f->payload;
  GeneratorObj* gen = f->generator;
  if (gen) {
    gen->state = GenState::Done;
    leaveGen(gen, f, true);
    Frame* caller = top();
    switch (d) {
      case Delivery::ForIter:
        caller->stack.pop_back();
        caller->ip = jump;
        break;
      case Delivery::Await:
        caller->stack.pop_back();
        caller->stack.push_back(v);
        caller->ip = jump;
        break;
      case Delivery::TaskStep:
        f->payload = Value::undefined();
        if (finishTaskStep(vm, t, payload, StepEnd::Returned, v)) {
          caller->stack.push_back(Value::none());
        } else {
          Unwound u = unwind(true);
          if (u == Unwound::Reentrant) return 3;
          if (u == Unwound::ThreadDone) return 1;
        }
        break;
      default: {  // next()/send(): StopIteration(value) in the caller
        setRaising(v.isNone() ? vm.newExceptionArgs(vm.types.StopIteration, {}) : vm.newExceptionArgs(vm.types.StopIteration, {v}), false);
        Unwound u = unwind(true);
        if (u == Unwound::Reentrant) return 3;
        if (u == Unwound::ThreadDone) return 1;
        break;
      }
    }
    return 0;
  }
  if (d == Delivery::Push) {  // an ordinary call: what deliver() does, without the rest
    releaseFrame(f);
    top()->stack.push_back(v);
    return 0;
  }
  Value classCell = v;
  DictObj* moduleDict = f->locals;
  Frame body = Frame();
  if (d == Delivery::ClassBody) {
    body.locals = f->locals;
    body.payload = f->payload;
  }
  releaseFrame(f);
  switch (d) {
    case Delivery::Reentrant:
      *reentryResult = v;
      return 2;
    case Delivery::ThreadEntry:
      t.result = v;
      t.finished = true;
      return 1;
    case Delivery::ClassBody:
      if (!buildClass(&body, classCell)) {
        Unwound u = unwind(true);
        if (u == Unwound::Reentrant) return 3;
        if (u == Unwound::ThreadDone) return 1;
      }
      return 0;
    case Delivery::ModuleBody:
      (void)moduleDict;
      top()->stack.push_back(payload);
      return 0;
    default:
      if (!deliver(v, d, payload, jump)) {
        Unwound u = unwind(true);
        if (u == Unwound::Reentrant) return 3;
        if (u == Unwound::ThreadDone) return 1;
      }
      (void)reentryDepth;
      return 0;
  }
}

bool Interpreter::dunderBinary(BinaryOp op, Value a, Value b) {
  int i = static_cast<int>(op);
  bool inplace = i >= kInplaceOffset;
  int base = inplace ? i - kInplaceOffset : i;
  std::string n = kBinaryDunder[base];
  Args args;
  if (inplace) {
    Value m = findDunder(vm, a, ("__i" + n + "__").c_str());
    if (!m.isUndefined()) { args.pos = {a, b}; return call(m, args, Delivery::Push); }
  }
  Value m = findDunder(vm, a, ("__" + n + "__").c_str());
  if (!m.isUndefined()) { args.pos = {a, b}; return call(m, args, Delivery::Push); }
  Value r = findDunder(vm, b, ("__r" + n + "__").c_str());
  if (!r.isUndefined()) { args.pos = {b, a}; return call(r, args, Delivery::Push); }
  static const char* syms[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
  raiseType(vm.types.TypeError, std::string("unsupported operand type(s) for ") + syms[base] + (inplace ? "=" : "") +
                                    ": '" + vm.typeName(a) + "' and '" + vm.typeName(b) + "'");
  return false;
}

bool Interpreter::dunderCompare(CompareOp op, Value a, Value b) {
  int i = static_cast<int>(op);
  Args args;
  Value m = findDunder(vm, a, kCompareDunder[i]);
  if (isKind(m, ObjKind::Function)) { args.pos = {a, b}; return call(m, args, Delivery::Push); }
  Value r = findDunder(vm, b, kCompareReflected[i]);
  if (isKind(r, ObjKind::Function)) { args.pos = {b, a}; return call(r, args, Delivery::Push); }
  if (op == CompareOp::Ne) {
    Value eq = findDunder(vm, a, "__eq__");
    if (isKind(eq, ObjKind::Function)) {
      Value res;
      bool truth;
      if (!vm.callReentrant(t, eq, {a, b}, &res)) return false;
      if (res.isObj() && res.asObj() == vm.notImplemented) { top()->stack.push_back(Value::boolean(!a.is(b))); return true; }
      if (!vm.truthy(t, res, &truth)) return false;
      top()->stack.push_back(Value::boolean(!truth));
      return true;
    }
  }
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    bool same = a.is(b);
    top()->stack.push_back(Value::boolean(op == CompareOp::Eq ? same : !same));
    return true;
  }
  static const char* syms[] = {"<", "<=", "==", "!=", ">", ">="};
  raiseType(vm.types.TypeError, std::string("'") + syms[i] + "' not supported between instances of '" +
                                    vm.typeName(a) + "' and '" + vm.typeName(b) + "'");
  return false;
}

bool Interpreter::callDunder(Value obj, const char* name, std::vector<Value> args, Delivery d, const char* missing) {
  Value m = findDunder(vm, obj, name);
  if (m.isUndefined()) {
    raiseType(vm.types.TypeError, "'" + vm.typeName(obj) + missing);
    return false;
  }
  Args a;
  a.pos.push_back(obj);
  a.pos.insert(a.pos.end(), args.begin(), args.end());
  return call(m, a, d);
}

bool Interpreter::formatValue(uint32_t flags) {
  Frame* f = top();
  Value spec = (flags & 4) ? pop(f) : Value::undefined();
  Value v = pop(f);
  int conv = flags & 3;
  if (conv == 1 || conv == 2 || conv == 3) {
    std::string s;
    if (!(conv == 1 ? vm.toStr(t, v, &s) : vm.repr(t, v, &s))) return false;
    if (conv == 3) s = asciiEscape(s);
    v = vm.str(s);
  }
  std::string specText = spec.isUndefined() ? "" : asStr(spec)->s;
  if (specText.empty() && isKind(v, ObjKind::Str)) {
    f->stack.push_back(v);
    return true;
  }
  Value m = findDunder(vm, v, "__format__");
  if (isKind(m, ObjKind::Function)) {
    Args a;
    a.pos = {v, vm.str(specText)};
    return call(m, a, Delivery::Push);
  }
  std::string out;
  if (!lang::formatValue(vm, t, v, specText, &out)) return false;
  f->stack.push_back(vm.str(out));
  return true;
}

bool Interpreter::unpack(Op op, uint32_t arg) {
  Frame* f = top();
  Value seq = pop(f);
  std::vector<Value> items;
  if (isKind(seq, ObjKind::Tuple)) items = static_cast<TupleObj*>(seq.asObj())->items;
  else if (isKind(seq, ObjKind::List)) items = static_cast<ListObj*>(seq.asObj())->items;
  else if (!vm.iterate(t, seq, &items)) {
    if (vm.isInstance(t.raising, vm.types.TypeError) && !isKind(seq, ObjKind::Instance)) {
      t.raising = Value::undefined();
      raiseType(vm.types.TypeError, "cannot unpack non-iterable " + vm.typeName(seq) + " object");
    }
    return false;
  }
  if (op == Op::UNPACK_SEQUENCE) {
    if (items.size() != arg) {
      if (items.size() < arg) {
        raiseType(vm.types.ValueError, "not enough values to unpack (expected " + std::to_string(arg) + ", got " + std::to_string(items.size()) + ")");
      } else {
        raiseType(vm.types.ValueError, "too many values to unpack (expected " + std::to_string(arg) + ")");
      }
      return false;
    }
    for (size_t i = items.size(); i-- > 0;) f->stack.push_back(items[i]);
    return true;
  }
  size_t before = arg & 0xFF, after = arg >> 8;
  if (items.size() < before + after) {
    raiseType(vm.types.ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                       ", got " + std::to_string(items.size()) + ")");
    return false;
  }
  for (size_t i = 0; i < after; ++i) f->stack.push_back(items[items.size() - 1 - i]);
  std::vector<Value> middle(items.begin() + static_cast<ptrdiff_t>(before), items.end() - static_cast<ptrdiff_t>(after));
  f->stack.push_back(vm.list(middle));
  for (size_t i = before; i-- > 0;) f->stack.push_back(items[i]);
  return true;
}

bool Interpreter::makeException(Value* exc) {
  if (isKind(*exc, ObjKind::Type)) {
    auto* cls = static_cast<TypeObj*>(exc->asObj());
    if (!cls->isException) {
      raiseType(vm.types.TypeError, "exceptions must derive from BaseException");
      return false;
    }
    Value inst;
    if (!vm.callReentrant(t, *exc, {}, &inst)) return false;
    *exc = inst;
  }
  if (!isExceptionInstance(*exc)) {
    raiseType(vm.types.TypeError, "exceptions must derive from BaseException");
    return false;
  }
  return true;
}

bool Interpreter::startClassBody(Args& args) {
  if (args.pos.size() < 2 || !isKind(args.pos[0], ObjKind::Function) || !isKind(args.pos[1], ObjKind::Str)) {
    raiseType(vm.types.TypeError, "__build_class__: func and name are required");
    return false;
  }
  auto* fn = static_cast<FunctionObj*>(args.pos[0].asObj());
  std::vector<Value> bases(args.pos.begin() + 2, args.pos.end());
  for (auto& kw : args.kw) {
    if (kw.first->s != "metaclass") {
      raiseType(vm.types.TypeError, "class keyword arguments are not supported by Interleave");
      return false;
    }
    raiseType(vm.types.TypeError, "metaclasses are not supported by Interleave");
    return false;
  }
  Frame* fr = newFrame();
  fr->code = fn->code;
  fr->func = fn;
  fr->globals = fn->globals;
  fr->locals = vm.newDict();
  fr->fast.assign(fn->code->varnames.size(), Value::undefined());
  for (size_t i = 0; i < fn->code->cellvars.size(); ++i) fr->cells.push_back(vm.heap.make<CellObj>());
  for (CellObj* c : fn->closure) fr->cells.push_back(c);
  fr->delivery = Delivery::ClassBody;
  fr->payload = vm.tuple({args.pos[1], vm.tuple(bases), Value::none()});
  t.frames.push_back(fr);
  return true;
}

//-----------------------------------------------------------------------------------------------
// asyncio's trace lanes (LANE): instrumentation, done at once through the thread context, with
// no cost and no engine request. The lane id is kept in the loop's or task's nativeId.
//-----------------------------------------------------------------------------------------------
namespace {
// An attribute from an instance's own dict, without descriptors (undefined if absent).
Value ownAttr(Vm& vm, InstanceObj* o, Vm::LibName name) {
  Value v = Value::undefined();
  if (o->dict) findStrKey(o->dict, vm.libName(name), &v, true);
  return v;
}
Value ownAttr(Vm& vm, InstanceObj* o, const char* name) {
  return o->dict ? vm.dictGetStr(o->dict, name) : Value::undefined();
}

// What `getattr(cb, '__qualname__', 'callback')` gives for the usual callbacks, without running
// Python code; empty: not a str (no label).
std::string callbackQualname(Vm& vm, Value cb) {
  auto str = [](const Value& v) { return isKind(v, ObjKind::Str) ? asStr(v)->s : std::string(); };
  if (!cb.isObj()) return "callback";
  switch (cb.asObj()->kind) {
    case ObjKind::Function: return static_cast<FunctionObj*>(cb.asObj())->qualname->s;
    case ObjKind::Builtin: {
      // asyncio's Future and Task methods are natives (module_asyncio.cpp) with the
      // qualnames their Python versions had ('Future.set_result').
      auto* b = static_cast<BuiltinObj*>(cb.asObj());
      if (isAsyncioMethod(b)) return b->ownerType + "." + b->name;
      return b->name;
    }
    case ObjKind::BoundMethod: return callbackQualname(vm, static_cast<BoundMethodObj*>(cb.asObj())->func);
    case ObjKind::Type: {
      auto* cls = static_cast<TypeObj*>(cb.asObj());
      Value v = findClassAttr(cls, "__qualname__");
      return v.isUndefined() ? cls->name : str(v);
    }
    case ObjKind::Instance: {
      auto* inst = static_cast<InstanceObj*>(cb.asObj());
      Value v = ownAttr(vm, inst, "__qualname__");
      if (v.isUndefined()) v = findClassAttr(inst->cls, "__qualname__");
      return v.isUndefined() ? "callback" : str(v);
    }
    default: return "callback";
  }
}
}  // namespace

namespace {
void laneSetState(Vm& vm, InstanceObj* self, int64_t state, std::string label, Nanos consumed) {
  if (self->nativeId < 0) return;  // no lane (past the lane limit)
  Request r;
  r.kind = RequestKind::TraceLane;
  r.value = static_cast<int64_t>(LaneOp::SetState);
  r.target = self->nativeId;
  r.duration = state;
  r.text = std::move(label);
  // Where asyncio's locks, semaphores and queues are observed (resource_watch.h), as when
  // this was an engine request.
  if (vm.resourceWatch) vm.resourceWatch->beforeRequest(vm.ctx->processId(), r, vm.ctx->now() + consumed);
  vm.ctx->traceLane(r, consumed);
}

// TaskStepDone: Task.done() is `self._state != _PENDING`.
void laneStepDone(Vm& vm, InstanceObj* self, Nanos consumed) {
  Value state = ownAttr(vm, self, Vm::LibName::State);
  bool pending = isKind(state, ObjKind::Str) && asStr(state)->s == "PENDING";
  laneSetState(vm, self, pending ? static_cast<int64_t>(State::TaskWaiting) : -1, "", consumed);
}
}  // namespace

// From the native Task.__step (module_asyncio.cpp), at the virtual time reached inside the
// running instruction.
void taskStepLane(Vm& vm, InstanceObj* task, bool running) {
  if (!vm.ctx) return;
  Nanos consumed = (vm.runConsumed ? *vm.runConsumed : 0) + (vm.charged + vm.chargeRemainder) / kCostScale;
  if (running) laneSetState(vm, task, static_cast<int64_t>(State::TaskRunning), "", consumed);
  else laneStepDone(vm, task, consumed);
}

void Interpreter::laneHook(uint32_t arg, Nanos consumed) {
  constexpr uint32_t kSlotMask = (1u << kLaneSlotBits) - 1;
  Frame* f = top();
  uint32_t s1 = (arg >> 8) & kSlotMask, s2 = (arg >> (8 + kLaneSlotBits)) & kSlotMask;
  Value a = s1 ? f->fast[s1 - 1] : Value::undefined();
  Value b = s2 ? f->fast[s2 - 1] : Value::undefined();
  if (!vm.ctx || !isKind(a, ObjKind::Instance)) return;
  auto* self = static_cast<InstanceObj*>(a.asObj());
  auto setState = [&](int64_t state, std::string label) { laneSetState(vm, self, state, std::move(label), consumed); };
  auto open = [&](LaneOp op, std::string name) {
    Request r;
    r.kind = RequestKind::TraceLane;
    r.value = static_cast<int64_t>(op);
    r.text = std::move(name);
    self->nativeId = vm.ctx->traceLane(r, consumed);
  };
  switch (static_cast<LaneHook>(arg & 0xff)) {
    case LaneHook::OpenLoop: open(LaneOp::OpenLoop, "event loop"); break;
    case LaneHook::LoopIdle: setState(static_cast<int64_t>(State::LoopIdle), ""); break;
    case LaneHook::LoopRunning: {
      // The task's name for a step of a task (its __step or __wakeup), else the callback's
      // __qualname__.
      std::string label;
      if (isKind(b, ObjKind::Instance)) {
        Value cb = ownAttr(vm, static_cast<InstanceObj*>(b.asObj()), Vm::LibName::Callback);
        Value task = Value::undefined();
        findStrKey(f->globals, vm.libName(Vm::LibName::Task), &task, true);
        // A task's step is a bound method (asyncio's natives make one) or a bound native
        // (`self.__step` read in Task.__init__).
        Value cbSelf = isKind(cb, ObjKind::BoundMethod) ? static_cast<BoundMethodObj*>(cb.asObj())->self
                       : isKind(cb, ObjKind::Builtin)   ? static_cast<BuiltinObj*>(cb.asObj())->self
                                                        : Value::undefined();
        if (isKind(cbSelf, ObjKind::Instance) && isKind(task, ObjKind::Type) &&
            vm.isInstance(cbSelf, static_cast<TypeObj*>(task.asObj()))) {
          Value name = ownAttr(vm, static_cast<InstanceObj*>(cbSelf.asObj()), Vm::LibName::Name);
          if (isKind(name, ObjKind::Str)) label = asStr(name)->s;
        } else {
          label = callbackQualname(vm, cb);
        }
      }
      setState(static_cast<int64_t>(State::LoopRunning), std::move(label));
      break;
    }
    case LaneHook::LoopEnd: setState(-1, ""); break;
    case LaneHook::OpenTask: {
      Value name = ownAttr(vm, self, Vm::LibName::Name);
      open(LaneOp::OpenTask, isKind(name, ObjKind::Str) ? asStr(name)->s : std::string());
      setState(static_cast<int64_t>(State::TaskWaiting), "");
      break;
    }
    case LaneHook::TaskRunning: setState(static_cast<int64_t>(State::TaskRunning), ""); break;
    case LaneHook::TaskStepDone: laneStepDone(vm, self, consumed); break;
    case LaneHook::Count: break;
  }
}

bool Interpreter::importName(const std::string& name) {
  Frame* f = top();
  Value fromlist = pop(f);
  std::string first = name.substr(0, name.find('.'));
  auto it = vm.image->modules.find(name);
  if (it == vm.image->modules.end() && vm.lazyModule && vm.lazyModule(vm, name)) it = vm.image->modules.find(name);
  if (it == vm.image->modules.end()) {
    Value loader = vm.dictGetStr(vm.builtins, "_load_module");
    (void)loader;
    std::string shown = name;
    raiseType(vm.types.ModuleNotFoundError, "No module named '" + shown + "'");
    Value exc = t.raising;
    (void)exc;
    return false;
  }
  if (fromlist.isNone()) {
    auto top = vm.image->modules.find(first);
    f->stack.push_back(Value::object(top != vm.image->modules.end() ? top->second : it->second));
  } else {
    f->stack.push_back(Value::object(it->second));
  }
  return true;
}

//-----------------------------------------------------------------------------------------------
// Running threads
//-----------------------------------------------------------------------------------------------
namespace {
CodeObj* makeBootCode(Vm& vm) {
  CodeObj* c = vm.heap.make<CodeObj>();
  c->name = "<thread>";
  c->qualname = "<thread>";
  c->filename = "<interleave>";
  c->flags = kCodePrelude;
  c->code = {Instr{static_cast<uint8_t>(Op::CALL_FUNCTION_EX), 1},
             Instr{static_cast<uint8_t>(Op::RETURN_VALUE), 0}};
  c->spans.resize(2);
  return c;
}
}  // namespace

PyThread* Vm::newThread(Value callable, std::vector<Value> args, int32_t engineId, const std::string& name) {
  if (!bootCode) bootCode = makeBootCode(*this);
  auto t = std::make_unique<PyThread>();
  t->id = engineId;
  t->name = name;
  t->owned.push_back(std::make_unique<Frame>());
  Frame* fr = t->owned.back().get();
  fr->code = bootCode;
  fr->globals = image->mainModule ? image->mainModule->dict : builtins;
  fr->delivery = Delivery::ThreadEntry;
  fr->stack = {callable, tuple(std::move(args)), Value::object(newDict())};
  t->frames.push_back(fr);
  threads.push_back(std::move(t));
  return threads.back().get();
}

PyThread* Vm::newMainThread(CodeObj* moduleCode, int32_t engineId) {
  auto t = std::make_unique<PyThread>();
  t->id = engineId;
  t->name = "MainThread";
  t->owned.push_back(std::make_unique<Frame>());
  Frame* fr = t->owned.back().get();
  fr->code = moduleCode;
  fr->globals = image->mainModule->dict;
  fr->locals = image->mainModule->dict;
  fr->delivery = Delivery::ThreadEntry;
  t->frames.push_back(fr);
  threads.push_back(std::move(t));
  return threads.back().get();
}

bool Vm::callReentrant(PyThread& t, Value callable, const std::vector<Value>& args, Value* result) {
  if (t.reentrantDepth >= kMaxReentrantDepth) {
    raise(t, types.RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  if (!bootCode) bootCode = makeBootCode(*this);
  Interpreter in{*this, t};
  auto fr = std::make_unique<Frame>();
  fr->code = bootCode;
  fr->globals = builtins;
  fr->delivery = Delivery::Reentrant;
  fr->stack = {callable, tuple(args), Value::object(newDict())};
  Frame* base = fr.get();
  t.owned.push_back(std::move(fr));
  size_t depth = t.frames.size();
  t.frames.push_back(base);
  ++t.reentrantDepth;
  Nanos saved = charged;
  Nanos consumed = 0;
  Request req;
  int rc = 0;
  for (;;) {
    Value r;
    rc = in.step(&consumed, 0, &req, static_cast<int>(depth), &r);
    if (rc == 2 && t.frames.size() == depth) { *result = r; break; }
    if (rc == 3 && t.frames.size() == depth) break;
    if (rc == 1) {
      // Only a thread end or a blocking request can stop here; both are errors inside C code.
      if (t.hasPendingRequest) {
        t.hasPendingRequest = false;
        t.pending = nullptr;
        raise(t, types.RuntimeError, "Interleave cannot block inside a method called from C code");
        Interpreter::Unwound u = in.unwind(true);
        if (u == Interpreter::Unwound::Reentrant && t.frames.size() == depth) { rc = 3; break; }
        continue;
      }
      if (t.yieldGil) { t.yieldGil = false; continue; }
      break;
    }
  }
  --t.reentrantDepth;
  charged = saved + consumed * kCostScale;
  return rc == 2;
}

RunOutcome Vm::run(PyThread& t, ThreadContext& c, Nanos budget) {
  ctx = &c;
  ctxThread = &t;
  Interpreter in{*this, t};
  RunOutcome out;
  Nanos consumed = 0;
  runConsumed = &consumed;  // read by clocks (Vm::clock); ctx is reset before returning
  // GIL off: touch shared memory only up to where the other threads of the process are.
  Nanos heapLimit = c.sharedHeapLimit();
  Request unusedRequest;  // step()'s out-parameters, hoisted out of the hot loop
  Value unusedResult;
  if (heapLimit != kNever) budget = std::min(budget, std::max<Nanos>(0, heapLimit - c.now()));
  if (t.pending) {
    NativeContinuation k = t.pending;
    t.pending = nullptr;
    NativeResult r = k(*this, t, c.result(), c.resultOk(), t.pendingData);
    charged = 0;
    if (!in.handleNative(r, t.pendingDelivery, t.pendingPayload, t.pendingJump)) {
      if (!t.hasPendingRequest) in.unwind(true);
    }
    int64_t total = charged + chargeRemainder;
    consumed += total / kCostScale;
    chargeRemainder = total % kCostScale;
    charged = 0;
  }
  for (;;) {
    if (!t.deferred.empty()) {
      out.consumed = consumed;
      out.request = std::move(t.deferred.front());
      t.deferred.erase(t.deferred.begin());
      ctx = nullptr;
      return out;
    }
    if (t.hasPendingRequest) {
      t.hasPendingRequest = false;
      out.consumed = consumed;
      out.request = std::move(t.pendingRequest);
      t.pendingRequest = Request();
      ctx = nullptr;
      return out;
    }
    if (t.yieldGil) {
      t.yieldGil = false;
      out.consumed = consumed;
      out.request = Request::yieldGil();
      ctx = nullptr;
      return out;
    }
    if (t.finished || t.frames.empty()) {
      t.finished = true;
      out.consumed = consumed;
      out.request = Request::make(RequestKind::Exit);
      ctx = nullptr;
      return out;
    }
    if (consumed > 0 && consumed >= budget) break;
    if (t.busyPython > 0) {
      // interleave.cpu(): a pure-Python busy loop, eval breaker at every loop iteration.
      if (c.gilDropRequested()) {
        t.yieldGil = true;
        continue;
      }
      Nanos take = std::min(t.busyPython, std::max<Nanos>(budget - consumed, kBusyLoopGrain));
      t.busyPython -= take;
      consumed += take;
      continue;
    }
    if (t.busyNative > 0) {
      Nanos take = std::min(t.busyNative, std::max<Nanos>(budget - consumed, 1));
      t.busyNative -= take;
      consumed += take;
      if (t.busyNative == 0) {
        t.pendingRequest = Request::make(RequestKind::AcquireGil);
        t.hasPendingRequest = true;
        t.pending = [](Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); };
        t.pendingDelivery = Delivery::Discard;
      }
      continue;
    }
    if (heap.wantsCollection() || coroutineDropped) {
      bool needed = heap.wantsCollection() || !droppedCoroutinesReferenced();
      coroutineDropped = false;
      droppedCoroutines.clear();
      if (needed) collectGarbage();
      for (std::string& w : warnings) {
        Request r;
        r.kind = RequestKind::Print;
        r.value = 2;
        r.text = std::move(w);
        t.deferred.push_back(std::move(r));
      }
      warnings.clear();
      if (!t.deferred.empty()) continue;
    }
    if (++instructions > maxInstructions) {
      out.consumed = consumed;
      out.request = Request::make(RequestKind::Abort);
      out.request.text = "stopped: the program executed more than " + std::to_string(maxInstructions) +
                         " bytecode instructions (setting max_instructions); is there an endless loop?";
      ctx = nullptr;
      return out;
    }
    in.step(&consumed, budget, &unusedRequest, -1, &unusedResult);
  }
  out.consumed = consumed;
  ctx = nullptr;
  return out;
}

// True if every coroutine in droppedCoroutines is still referenced by the running thread's top
// frame (a local, a cell, the value stack, a module or class body's namespace) or by a list or
// tuple held there: then it is alive, and a collection would not warn about it. A sufficient
// test only (false sends the caller to a full collection); lists and tuples are scanned from
// where the last one was found, so dropping the items of a sequence one by one stays linear.
bool Vm::droppedCoroutinesReferenced() {
  if (!ctxThread || ctxThread->frames.empty()) return false;
  const Frame& f = *ctxThread->frames.back();
  for (GeneratorObj* g : droppedCoroutines) {
    const Value target = Value::object(g);
    bool found = false;
    auto inSequence = [&](const Value& v) {
      if (!v.isObj() || (v.asObj()->kind != ObjKind::List && v.asObj()->kind != ObjKind::Tuple)) return false;
      const Obj* seq = v.asObj();
      const std::vector<Value>& items = seq->kind == ObjKind::List ? static_cast<const ListObj*>(seq)->items
                                                                   : static_cast<const TupleObj*>(seq)->items;
      size_t n = items.size();
      size_t start = seq == dropScanContainer && dropScanIndex < n ? dropScanIndex : 0;
      for (size_t k = 0; k < n; ++k) {
        size_t i = start + k < n ? start + k : start + k - n;
        if (items[i].isObj() && items[i].asObj() == g) {
          dropScanContainer = seq;
          dropScanIndex = i;
          return true;
        }
      }
      return false;
    };
    auto check = [&](const Value& v) {
      if (v.isObj() && v.asObj() == target.asObj()) found = true;
    };
    for (const Value& v : f.fast) check(v);
    for (size_t i = 0; i < f.stack.size(); ++i) check(f.stack[i]);
    for (const CellObj* c : f.cells) {
      if (c) check(c->value);
    }
    if (f.locals) {
      for (const DictEntry& e : f.locals->entries) {
        if (e.live) check(e.value);
      }
    }
    if (!found) {
      for (const Value& v : f.fast) {
        if ((found = inSequence(v))) break;
      }
    }
    for (size_t i = 0; !found && i < f.stack.size(); ++i) found = inSequence(f.stack[i]);
    for (size_t i = 0; !found && i < f.cells.size(); ++i) found = f.cells[i] && inSequence(f.cells[i]->value);
    if (!found && f.locals) {
      for (const DictEntry& e : f.locals->entries) {
        if (e.live && (found = inSequence(e.value))) break;
      }
    }
    if (!found) return false;
  }
  return true;
}

void Vm::collectGarbage() {
  heap.collect([this](Heap& h) {
    h.mark(builtins);
    for (auto& img : images) {
      h.mark(img->mainModule);
      for (auto& [name, m] : img->modules) h.mark(m);
    }
    for (auto& [token, v] : transit) h.mark(v);
    h.mark(notImplemented);
    h.mark(bootCode);
    h.mark(programCode);
    h.mark(buildClass);
    for (auto& th : threads) {
      for (Frame* f : th->frames) f->trace(h);
      for (auto& f : th->owned) f->trace(h);
      h.mark(th->raising);
      h.mark(th->handled);
      h.mark(th->pendingData);
      h.mark(th->pendingPayload);
      h.mark(th->result);
      h.mark(th->uncaught);
    }
    for (Value& v : roots) h.mark(v);
    for (StrObj* n : libNames_) h.mark(n);
    // Types are reachable from builtins; mark the table anyway (some are hidden).
#define INTERLEAVE_MARK_TYPE(name) h.mark(types.name##_);
    INTERLEAVE_BUILTIN_TYPES(INTERLEAVE_MARK_TYPE)
#undef INTERLEAVE_MARK_TYPE
#define INTERLEAVE_MARK_EXC(name, base) h.mark(types.name);
    INTERLEAVE_EXCEPTION_TYPES(INTERLEAVE_MARK_EXC)
#undef INTERLEAVE_MARK_EXC
  });
}

const char* opName(Op op) {
  static const char* names[] = {
#define INTERLEAVE_OP_NAME(name, cost, doc) #name,
      INTERLEAVE_OPCODES(INTERLEAVE_OP_NAME)
#undef INTERLEAVE_OP_NAME
  };
  return static_cast<size_t>(op) < sizeof(names) / sizeof(names[0]) ? names[static_cast<size_t>(op)] : "?";
}

}  // namespace interleave::lang

namespace interleave::lang {

// Attribute access for natives: never leaves a frame on the stack (properties and
// __getattr__ run re-entrantly).
bool Vm::getAttr(PyThread& t, Value obj, StrObj* name, Value* out) {
  if (isKind(obj, ObjKind::Instance)) {
    auto* inst = static_cast<InstanceObj*>(obj.asObj());
    Value classAttr = findClassAttr(inst->cls, name);
    if (isKind(classAttr, ObjKind::Property)) {
      return callReentrant(t, static_cast<PropertyObj*>(classAttr.asObj())->fget, {obj}, out);
    }
    bool inDict = inst->dict && !dictGetStr(inst->dict, name->s).isUndefined();
    if (!inDict && classAttr.isUndefined()) {
      Value ga = findClassAttr(inst->cls, "__getattr__");
      if (isKind(ga, ObjKind::Function)) return callReentrant(t, ga, {obj, Value::object(name)}, out);
    }
  }
  Interpreter in{*this, t};
  return in.getAttr(obj, name, out) == Interpreter::AttrResult::Value;
}

bool Vm::setAttr(PyThread& t, Value obj, StrObj* name, Value v) {
  if (isKind(obj, ObjKind::Instance)) {
    Value classAttr = findClassAttr(static_cast<InstanceObj*>(obj.asObj())->cls, name);
    if (isKind(classAttr, ObjKind::Property)) {
      auto* p = static_cast<PropertyObj*>(classAttr.asObj());
      if (p->fset.isNone() || p->fset.isUndefined()) {
        raise(t, types.AttributeError, "can't set attribute '" + name->s + "'");
        return false;
      }
      Value ignored;
      return callReentrant(t, p->fset, {obj, v}, &ignored);
    }
  }
  Interpreter in{*this, t};
  return in.setAttr(obj, name, v);
}

bool Vm::runModuleBody(CodeObj* code, ModuleObj* module, std::string* error) {
  PyThread boot;
  Frame* fr = boot.owned.emplace_back(std::make_unique<Frame>()).get();
  fr->code = code;
  fr->globals = module->dict;
  fr->locals = module->dict;
  fr->delivery = Delivery::ThreadEntry;
  boot.frames.push_back(fr);
  Interpreter in{*this, boot};
  Nanos consumed = 0;
  while (!boot.finished && !boot.frames.empty()) {
    Value r;
    Request req;
    in.step(&consumed, 0, &req, -1, &r);
    if (boot.hasPendingRequest) {
      *error = module->name + ": library code asked the engine for something at import time";
      return false;
    }
  }
  if (!boot.uncaught.isUndefined()) {
    *error = module->name + ": " + formatTraceback(boot.uncaught);
    return false;
  }
  return true;
}

void Vm::installBuiltins() {
  initOpCosts(&opCost);
  installBuiltinFunctions(*this);
  installStrMethods(*this);
  installListMethods(*this);
  installDictSetMethods(*this);
  installMiscMethods(*this);
  // The prelude: builtins written in Python, compiled once per interpreter.
  const char* preludeSource = librarySource("prelude");
  if (!preludeSource) return;  // (a build without lang/lib embedded: no Python-level builtins)
  std::string preludeError;
  CodeObj* prelude = compileLibraryCode(heap, preludeSource, "<prelude>", true, &preludeError);
  if (!prelude) return;
  PyThread boot;
  Frame* fr = boot.owned.emplace_back(std::make_unique<Frame>()).get();
  fr->code = prelude;
  fr->globals = builtins;
  fr->locals = builtins;
  fr->delivery = Delivery::ThreadEntry;
  boot.frames.push_back(fr);
  Interpreter in{*this, boot};
  Nanos consumed = 0;
  while (!boot.finished && !boot.frames.empty()) {
    Value r;
    Request req;
    in.step(&consumed, 0, &req, -1, &r);
  }
  // BaseExceptionGroup's attributes and methods, written in the prelude as _eg_<name>.
  for (const char* n : {"message", "exceptions", "__str__", "derive", "split", "subgroup"}) {
    Value v = dictGetStr(builtins, std::string("_eg_") + n);
    if (!v.isUndefined()) dictSetStr(types.BaseExceptionGroup->dict, n, v);
  }
}

}  // namespace interleave::lang
