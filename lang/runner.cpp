// Running a Python program on the simulated machine.
//
// [SECTION] Header settings
// [SECTION] Process runtime   one Vm, one ProcessRuntime per simulated process, threads as bodies
// [SECTION] ProgramRun
#include "runner.h"

#include <set>

#include "compiler.h"
#include "mersenne_twister.h"
#include "modules.h"
#include "parser.h"
#include "process_copy.h"
#include "resource_watch.h"
#include "vm.h"
#include "vm_internal.h"

namespace interleave::lang {

//-----------------------------------------------------------------------------------------------
// [SECTION] Header settings
//-----------------------------------------------------------------------------------------------
std::string headerSettings(const std::string& source) {
  // `# interleave: cores=4 gil=on` in the leading comment lines (blank lines allowed).
  size_t pos = 0;
  while (pos < source.size()) {
    size_t nl = source.find('\n', pos);
    std::string line = source.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? source.size() : nl + 1;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    if (line[first] != '#') break;
    size_t key = line.find("interleave:", first);
    if (key != std::string::npos) return line.substr(key + 11);
  }
  return "";
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Process runtime
//-----------------------------------------------------------------------------------------------
namespace {

class ProcessRuntime;

// The program's processes: one Vm, one ProcessRuntime per simulated process.
struct ProcessFamily {
  explicit ProcessFamily(Simulation& sim, const std::string& filename, const std::string& source)
      : vm(&sim, filename, source) {}
  Vm vm;
  std::vector<std::unique_ptr<ProcessRuntime>> runtimes;  // [0]: the main process
  std::unique_ptr<ResourceWatch> resources;  // locks, semaphores, queues -> Trace::resources
};

class PythonThreadBody final : public ThreadBody {
 public:
  // kind: the program's main thread, a child process's main thread, or another thread.
  enum class Kind : uint8_t { ProgramMain, ChildMain, Thread };
  PythonThreadBody(ProcessRuntime* rt, PyThread* thread, Kind kind, std::string name)
      : rt_(rt), thread_(thread), kind_(kind), name_(std::move(name)) {}
  RunResult run(ThreadContext& ctx, Nanos budget) override;

 private:
  const Frame* programFrame(const PyThread& t) const;
  static int32_t frameLine(const Frame* f);

  ProcessRuntime* rt_;
  PyThread* thread_;
  Kind kind_;
  std::string name_;
  bool reported_ = false;
  bool atExit_ = false;  // running multiprocessing's exit function
  const CodeObj* lastCode_ = nullptr;
};

// Longest stretch of virtual CPU one call of the VM may run (see PythonThreadBody::run).
constexpr Nanos kBodyChunk = 250 * kMicrosecond;

class ProcessRuntime final : public RuntimeState {
 public:
  ProcessRuntime(ProcessFamily& family, ProcessImage* image, uint64_t seedValue, Nanos interval)
      : family(family), vm(family.vm), image(image) {
    seed = seedValue;
    switchInterval = interval;
    image->runtime = static_cast<RuntimeState*>(this);
    mt.initByArray({static_cast<uint32_t>(seedValue), static_cast<uint32_t>(seedValue >> 32)});
  }

  std::unique_ptr<ThreadBody> makeThreadBody(Value callable, const std::string& name) override {
    PyThread* t = vm.newThread(callable, {}, -1, name);
    return std::make_unique<PythonThreadBody>(this, t, PythonThreadBody::Kind::Thread, name);
  }
  std::unique_ptr<ThreadBody> forkProcess(Value callable, const std::string& name,
                                          std::vector<int32_t>* writeEnds) override {
    std::vector<Value> extra{callable};
    ProcessImage* child = forkImage(vm, *image, &extra, writeEnds);
    uint64_t childSeed = seed * 0x9E3779B97F4A7C15ULL + family.runtimes.size();
    family.runtimes.push_back(std::make_unique<ProcessRuntime>(family, child, childSeed, switchInterval));
    ProcessRuntime* rt = family.runtimes.back().get();
    ProcessImage* saved = vm.image;
    vm.image = child;  // the thread's bottom frame takes the child's __main__ as globals
    PyThread* t = vm.newThread(extra[0], {}, -1, "MainThread");
    vm.image = saved;
    return std::make_unique<PythonThreadBody>(rt, t, PythonThreadBody::Kind::ChildMain, "MainThread");
  }
  std::unique_ptr<ThreadBody> spawnProcess(Value blob, const std::string& name, Value method) override {
    // A new interpreter: the library's modules loaded afresh, invisibly to the parent's clock
    // (the start cost stands for it), then the child's main thread.
    ThreadContext* ctx = vm.ctx;
    int64_t charged = vm.charged, remainder = vm.chargeRemainder, instructions = vm.instructions;
    vm.ctx = nullptr;
    ProcessImage* saved = vm.image;
    vm.images.push_back(std::make_unique<ProcessImage>());
    ProcessImage* child = vm.images.back().get();
    vm.image = child;
    std::string error;
    Value entry = Value::undefined();
    if (installModules(vm, &error)) {
      ModuleObj* main = vm.newModule("__mp_main__");
      vm.image->modules["__main__"] = main;  // spawn's prepare: sys.modules['__main__']
      vm.image->mainModule = main;
      vm.dictSetStr(main->dict, "__file__", vm.str(vm.filename));
      vm.dictSetStr(main->dict, "__builtins__", Value::object(vm.newModule("builtins")));
      ModuleObj* mp = vm.lazyModule ? vm.lazyModule(vm, "multiprocessing") : nullptr;
      if (mp) entry = vm.dictGetStr(mp->dict, "_spawn_child");
    }
    uint64_t childSeed = seed * 0x9E3779B97F4A7C15ULL + family.runtimes.size();
    family.runtimes.push_back(std::make_unique<ProcessRuntime>(family, child, childSeed, switchInterval));
    ProcessRuntime* rt = family.runtimes.back().get();
    // (A library that failed to load is an internal error: the child's thread raises it.)
    PyThread* t = entry.isUndefined() ? vm.newThread(Value::none(), {}, -1, "MainThread")
                                      : vm.newThread(entry, {blob, vm.str(name), method}, -1, "MainThread");
    vm.image = saved;
    vm.ctx = ctx;
    vm.charged = charged;
    vm.chargeRemainder = remainder;
    vm.instructions = instructions;
    return std::make_unique<PythonThreadBody>(rt, t, PythonThreadBody::Kind::ChildMain, "MainThread");
  }
  bool threadAlive(int32_t id) const override { return started.count(id) && !finishedThreads.count(id); }
  int64_t aliveThreads() const override {
    return static_cast<int64_t>(started.size() - finishedThreads.size());
  }
  MersenneTwister& twister() override { return mt; }

  ProcessFamily& family;
  Vm& vm;
  ProcessImage* image;
  MersenneTwister mt;
  std::set<int32_t> started, finishedThreads;
  int exitCode = 0;
};

const Frame* PythonThreadBody::programFrame(const PyThread& t) const {
  const std::string& file = rt_->vm.filename;
  for (auto it = t.frames.rbegin(); it != t.frames.rend(); ++it) {
    const Frame* f = *it;
    if (f && f->code && f->code->filename == file) return f;
  }
  return nullptr;
}

int32_t PythonThreadBody::frameLine(const Frame* f) {
  if (!f || f->lastIp >= f->code->spans.size()) return -1;
  return f->code->spans[f->lastIp].line;
}

RunResult PythonThreadBody::run(ThreadContext& ctx, Nanos budget) {
  if (thread_->id < 0 || !rt_->started.count(ctx.threadId())) {
    thread_->id = ctx.threadId();
    rt_->started.insert(ctx.threadId());
  }
  Vm& vm = rt_->vm;
  vm.image = rt_->image;
  if (!thread_->finished) {
    // At most kBodyChunk of virtual CPU per call; the engine calls again on the same virtual
    // timeline. This bounds the host time of one simulation event, so the page (which runs the
    // simulation between frames) keeps drawing while a long pure-Python loop runs.
    RunOutcome o = vm.run(*thread_, ctx, std::min(budget, kBodyChunk));
    if (o.request.kind != RequestKind::None && rt_->family.resources) {
      rt_->family.resources->beforeRequest(ctx.processId(), o.request, ctx.now() + o.consumed);
    }
    // The program's line the thread is at (innermost frame of the program's own file, not of a
    // library module): the chart's segments carry it (tooltips, click-to-source). Updated when
    // the thread asks the engine for something (the line of a sleep, join, acquire...) or moved
    // to another function, not while it keeps computing in one: a loop stays one bar.
    const Frame* frame = programFrame(*thread_);
    const CodeObj* code = frame ? frame->code : nullptr;
    if (o.request.kind != RequestKind::None || code != lastCode_) {
      lastCode_ = code;
      ctx.setActivity("", frameLine(frame));
    }
    if (o.request.kind != RequestKind::Exit) return {o.consumed, std::move(o.request)};
    if (!thread_->finished) return {o.consumed, std::move(o.request)};
    if (o.consumed > 0) return {o.consumed, Request::none()};
  }
  // The thread's function returned or raised.
  bool main = kind_ == Kind::ProgramMain;
  Value exc = thread_->uncaught;
  if (!exc.isUndefined() && !reported_) {
    reported_ = true;
    std::string text;
    if (main && vm.isInstance(exc, vm.types.SystemExit)) {
      auto* args = static_cast<TupleObj*>(static_cast<InstanceObj*>(exc.asObj())->exc->args.asObj());
      Value code = args->items.empty() ? Value::none() : args->items[0];
      if (code.isNone()) rt_->exitCode = 0;
      else if (code.isInt()) rt_->exitCode = static_cast<int>(code.asInt());
      else {
        rt_->exitCode = 1;
        PyThread& t = *thread_;
        if (!vm.toStr(t, code, &text)) text.clear();
        text += "\n";
      }
    } else if (!vm.isInstance(exc, vm.types.SystemExit)) {
      if (kind_ != Kind::Thread) rt_->exitCode = 1;
      text = kind_ != Kind::Thread ? vm.formatTraceback(exc) : "Exception in thread " + name_ + ":\n" + vm.formatTraceback(exc);
    }
    if (!text.empty()) {
      Request r;
      r.kind = RequestKind::Print;
      r.value = 2;
      r.text = text;
      return {0, std::move(r)};
    }
  }
  // A child process's main thread runs Process._bootstrap(), which returns the exit code.
  if (kind_ == Kind::ChildMain && !atExit_ && thread_->uncaught.isUndefined() && thread_->result.isInt()) {
    rt_->exitCode = static_cast<int>(thread_->result.asInt());
  }
  // Interpreter exit: multiprocessing's exit function terminates daemonic children and joins
  // the others, on this thread, after the main module (or Process.run()).
  if (kind_ != Kind::Thread && !atExit_) {
    atExit_ = true;
    auto it = rt_->image->modules.find("multiprocessing");
    if (it != rt_->image->modules.end()) {
      Value children = vm.dictGetStr(it->second->dict, "_children");
      Value finalizers = vm.dictGetStr(it->second->dict, "_finalizer_registry");
      Value fn = vm.dictGetStr(it->second->dict, "_exit_function");
      bool anyChildren = isKind(children, ObjKind::List) && !static_cast<ListObj*>(children.asObj())->items.empty();
      bool anyFinalizers = isKind(finalizers, ObjKind::Dict) && static_cast<DictObj*>(finalizers.asObj())->used > 0;
      if ((anyChildren || anyFinalizers) && fn.isObj()) {
        thread_ = vm.newThread(fn, {}, ctx.threadId(), name_);
        return {0, Request::none()};
      }
    }
  }
  rt_->finishedThreads.insert(ctx.threadId());
  Request exit = Request::make(RequestKind::Exit);
  exit.value = kind_ == Kind::Thread ? 0 : rt_->exitCode;
  return {0, std::move(exit)};
}

std::string syntaxErrorText(const std::string& filename, const SyntaxErrorInfo& e) {
  // CPython 3.11: File line, the source line, a caret run under the error, the message.
  std::string out = "  File \"" + filename + "\", line " + std::to_string(e.line) + "\n";
  std::string line = e.sourceLine;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  size_t lead = line.find_first_not_of(" \t\f");
  if (lead != std::string::npos) {
    std::string stripped = line.substr(lead);
    out += "    " + stripped + "\n";
    int64_t caretStart = std::max<int64_t>(1, e.col - static_cast<int64_t>(lead));
    int64_t caretEnd = e.endLine == e.line && e.endCol > e.col ? e.endCol - static_cast<int64_t>(lead) : caretStart + 1;
    int64_t width = std::max<int64_t>(1, caretEnd - caretStart);
    out += "    " + std::string(static_cast<size_t>(caretStart - 1), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
  }
  out += e.type + ": " + e.message + "\n";
  return out;
}

}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] ProgramRun
//-----------------------------------------------------------------------------------------------
namespace {
bool gRecordResources = true;
}  // namespace

void setResourceRecording(bool on) { gRecordResources = on; }

struct ProgramRun::State {
  ProgramOutcome outcome;
  std::unique_ptr<Simulation> sim;
  std::unique_ptr<ProcessFamily> family;
  std::unique_ptr<Module> ast;
  bool done = false;
  bool collected = false;
};

ProgramRun::ProgramRun(const std::string& filename, const std::string& source, const std::string& settings)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  MachineConfig config;
  std::string err = applySettings(config, headerSettings(source));
  if (!err.empty()) err = "in the `# interleave:` header: " + err;
  if (err.empty()) err = applySettings(config, settings);
  if (!err.empty()) {
    s.outcome.stderrText = "InterleaveError: " + err + "\n";
    s.outcome.exitCode = 2;
    s.done = true;
    return;
  }
  s.outcome.settings = describeSettings(config);
  ParseResult parsed = parseModule(source, filename);
  if (parsed.error) {
    s.outcome.stderrText = syntaxErrorText(filename, *parsed.error);
    s.outcome.exitCode = 1;
    s.done = true;
    return;
  }
  if (parsed.unsupported) {
    s.outcome.stderrText = "  File \"" + filename + "\", line " + std::to_string(parsed.unsupported->line) +
                           "\nInterleaveError: " + parsed.unsupported->construct + " is not supported by Interleave (line " +
                           std::to_string(parsed.unsupported->line) + ")\n";
    s.outcome.exitCode = 1;
    s.done = true;
    return;
  }
  s.ast = std::move(parsed.module);
  s.sim = std::make_unique<Simulation>(config);
  s.family = std::make_unique<ProcessFamily>(*s.sim, filename, source);
  Vm& vm = s.family->vm;
  s.family->runtimes.push_back(std::make_unique<ProcessRuntime>(*s.family, vm.image, config.seed, config.switchInterval));
  ProcessRuntime* mainRuntime = s.family->runtimes.back().get();
  std::string modErr;
  if (!installModules(vm, &modErr)) {
    s.outcome.stderrText = "InterleaveError: internal error while loading the library: " + modErr + "\n";
    s.outcome.exitCode = 2;
    s.done = true;
    return;
  }
  if (gRecordResources) {
    s.family->resources = std::make_unique<ResourceWatch>(vm, *s.sim);
    s.family->resources->markLibraryTypes();
    vm.resourceWatch = s.family->resources.get();
  }
  vm.image->mainModule = vm.newModule("__main__");
  vm.dictSetStr(vm.image->mainModule->dict, "__file__", vm.str(filename));
  vm.dictSetStr(vm.image->mainModule->dict, "__builtins__", Value::object(vm.newModule("builtins")));
  CompileResult compiled = compileModule(vm.heap, *s.ast, filename);
  if (!compiled.code) {
    const CompileError& e = *compiled.error;
    if (e.type == "unsupported") {
      s.outcome.stderrText = "  File \"" + filename + "\", line " + std::to_string(e.line) + "\nInterleaveError: " + e.message + "\n";
    } else {
      SyntaxErrorInfo info;
      info.type = e.type;
      info.message = e.message;
      info.line = e.line;
      info.col = e.col + 1;
      if (e.line >= 1 && e.line <= static_cast<int>(vm.sourceLines.size())) info.sourceLine = vm.sourceLines[static_cast<size_t>(e.line - 1)];
      s.outcome.stderrText = syntaxErrorText(filename, info);
    }
    s.outcome.exitCode = 1;
    s.done = true;
    return;
  }
  // The program's clock starts here: the library's set-up leaves it no fraction of a
  // nanosecond (a change to a library module must not shift every program's timings) and no
  // instructions counted against max_instructions.
  vm.charged = 0;
  vm.chargeRemainder = 0;
  vm.instructions = 0;
  vm.programCode = compiled.code;
  PyThread* main = vm.newMainThread(compiled.code, 0);
  s.sim->startMainProcess("MainProcess", std::make_unique<PythonThreadBody>(mainRuntime, main, PythonThreadBody::Kind::ProgramMain, "MainThread"));
}

ProgramRun::~ProgramRun() = default;

bool ProgramRun::finished() const { return state_->done || (state_->sim && state_->sim->finished()); }

RunProgress ProgramRun::runFor(uint64_t steps) {
  if (state_->done || !state_->sim) return RunProgress{0, 0, true};
  return state_->sim->runFor(steps);
}

void ProgramRun::cancel(const std::string& reason) {
  if (state_->sim && !state_->sim->finished()) state_->sim->cancel(reason);
}

const ProgramOutcome& ProgramRun::outcome() {
  State& s = *state_;
  if (s.collected || !s.sim || !s.sim->finished()) return s.outcome;
  s.collected = true;
  s.outcome.ran = true;
  s.outcome.trace = s.sim->trace();
  for (const OutputLine& l : s.outcome.trace.output) {
    std::string& dst = l.stream == 2 ? s.outcome.stderrText : s.outcome.stdoutText;
    dst += l.text;
    if (!l.partial) dst += '\n';
  }
  s.outcome.exitCode = s.family->runtimes.front()->exitCode;
  if (!s.outcome.trace.stopReason.empty()) {
    s.outcome.stderrText += "InterleaveError: " + s.outcome.trace.stopReason + "\n";
    if (s.outcome.exitCode == 0) s.outcome.exitCode = 1;
  }
  return s.outcome;
}

ProgramOutcome runProgram(const std::string& filename, const std::string& source, const std::string& settings) {
  ProgramRun run(filename, source, settings);
  while (!run.finished()) run.runFor(1u << 20);
  return run.outcome();
}

}  // namespace interleave::lang
