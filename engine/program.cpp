#include "program.h"

#include <algorithm>
#include <vector>

namespace interleave {

Program& Program::spawn(int slot, std::string name, Program body) {
  Step s = mk(Op::Spawn, 0, slot, 0, std::move(name));
  s.child = std::make_shared<Program>(std::move(body));
  return add(std::move(s));
}

Program& Program::spawnProcess(int slot, std::string name, Program body) {
  Step s = mk(Op::SpawnProcess, 0, slot, 0, std::move(name));
  s.child = std::make_shared<Program>(std::move(body));
  return add(std::move(s));
}

Program& Program::repeat(int64_t times, Program body) {
  Step s = mk(Op::Repeat, 0, -1, times);
  s.child = std::make_shared<Program>(std::move(body));
  return add(std::move(s));
}

namespace {

class ProgramBody final : public ThreadBody {
 public:
  explicit ProgramBody(std::shared_ptr<const Program> program) {
    frames_.push_back(Frame{std::move(program), 0, 1});
  }

  RunResult run(ThreadContext& ctx, Nanos budget) override {
    Nanos consumed = 0;
    for (;;) {
      const Program::Step* step = current();
      if (!step) return {consumed, Request::make(RequestKind::Exit)};
      using Op = Program::Op;
      switch (step->op) {
        case Op::Cpu: {
          if (phase_ == 0) { left_ = step->duration; phase_ = 1; }
          // Each grain ends at a loop back-edge: an eval-breaker point.
          if (left_ > 0 && ctx.holdsGil() && ctx.gilDropRequested()) {
            return {consumed, Request::yieldGil()};
          }
          if (left_ > 0) {
            Nanos room = std::max<Nanos>(budget - consumed, kPythonStepGrain);
            Nanos grains = (room + kPythonStepGrain - 1) / kPythonStepGrain;
            Nanos take = std::min(left_, grains * kPythonStepGrain);
            left_ -= take;
            consumed += take;
            if (left_ > 0) return {consumed, Request::none()};
          }
          next();
          break;
        }
        case Op::Native:
        case Op::CCall: {
          bool native = step->op == Op::Native;
          if (phase_ == 0) {
            left_ = step->duration;
            phase_ = 1;
            if (native) return {consumed, Request::make(RequestKind::ReleaseGil)};
          }
          if (phase_ == 1) {
            ctx.setActivity(native ? "native" : step->text, -1);
            if (left_ > 0) {
              if (consumed > 0 && consumed >= budget) return {consumed, Request::none()};
              Nanos take = std::min(left_, std::max<Nanos>(budget - consumed, 1));
              left_ -= take;
              consumed += take;
              if (left_ > 0) return {consumed, Request::none()};
            }
            ctx.setActivity("", -1);
            phase_ = 2;
            if (native) return {consumed, Request::make(RequestKind::AcquireGil)};
          }
          next();
          break;
        }
        case Op::Call:
          // A probe touches shared memory: it runs at the thread's own clock (never after work
          // consumed in this call) and not before other threads of the heap got there.
          if (consumed > 0) return {consumed, Request::none()};
          if (ctx.now() > ctx.sharedHeapLimit()) return {0, Request::none()};
          step->call(ctx);
          next();
          break;
        case Op::Repeat:
          next();
          if (step->value > 0) frames_.push_back(Frame{step->child, 0, step->value});
          break;
        case Op::Spawn:
        case Op::SpawnProcess:
          if (phase_ == 0) {
            phase_ = 1;
            Request r;
            if (step->op == Op::Spawn) {
              r.kind = RequestKind::Spawn;
              r.thread = std::make_shared<ThreadSpec>();
              r.thread->name = step->text;
              r.thread->body = std::make_unique<ProgramBody>(step->child);
            } else {
              r.kind = RequestKind::SpawnProcess;
              r.process = std::make_shared<ProcessSpec>();
              r.process->name = step->text;
              r.process->mainBody = std::make_unique<ProgramBody>(step->child);
            }
            return {consumed, std::move(r)};
          }
          slot(step->target) = ctx.result();
          next();
          break;
        default:
          if (phase_ == 0) {
            phase_ = 1;
            return {consumed, simpleRequest(*step)};
          }
          next();
          break;
      }
    }
  }

 private:
  struct Frame {
    std::shared_ptr<const Program> program;
    size_t index;
    int64_t timesLeft;
  };

  const Program::Step* current() {
    while (!frames_.empty()) {
      Frame& f = frames_.back();
      if (f.index < f.program->steps().size()) return &f.program->steps()[f.index];
      if (--f.timesLeft > 0) {
        f.index = 0;
        continue;
      }
      frames_.pop_back();
    }
    return nullptr;
  }
  void next() {
    phase_ = 0;
    ++frames_.back().index;
  }
  int64_t& slot(int64_t index) {
    size_t i = static_cast<size_t>(std::max<int64_t>(0, index));
    if (slots_.size() <= i) slots_.resize(i + 1, -1);
    return slots_[i];
  }

  Request simpleRequest(const Program::Step& s) {
    using Op = Program::Op;
    Request r;
    r.duration = s.duration;
    r.target = s.target;
    r.value = s.value;
    r.text = s.text;
    switch (s.op) {
      case Op::Io: r.kind = RequestKind::Sleep; break;
      case Op::Acquire: r.kind = RequestKind::LockAcquire; break;
      case Op::Release: r.kind = RequestKind::LockRelease; break;
      case Op::SemAcquire: r.kind = RequestKind::SemAcquire; break;
      case Op::SemRelease: r.kind = RequestKind::SemRelease; break;
      case Op::EventSet: r.kind = RequestKind::EventSet; break;
      case Op::EventWait: r.kind = RequestKind::EventWait; break;
      case Op::EventClear: r.kind = RequestKind::EventClear; break;
      case Op::Put: r.kind = RequestKind::QueuePut; break;
      case Op::Get: r.kind = RequestKind::QueueGet; break;
      case Op::PipeWrite: r.kind = RequestKind::PipeWrite; r.size = s.size; break;
      case Op::PipeRead: r.kind = RequestKind::PipeRead; break;
      case Op::PipeCloseWriter: r.kind = RequestKind::PipeCloseWriter; break;
      case Op::WaitReady:
        r.kind = RequestKind::WaitReady;
        for (int64_t x : s.targets) r.targets.push_back(x >= 0 ? x : -1 - slot(-1 - x));
        break;
      case Op::Join: r.kind = RequestKind::Join; r.target = slot(s.target); r.duration = -1; break;
      case Op::JoinProcess: r.kind = RequestKind::JoinProcess; r.target = slot(s.target); r.duration = -1; break;
      case Op::Print: r.kind = RequestKind::Print; r.value = 1; break;
      case Op::Mark: r.kind = RequestKind::Mark; break;
      case Op::SetSwitchInterval: r.kind = RequestKind::SetSwitchInterval; break;
      case Op::Memory: r.kind = RequestKind::MemoryDelta; break;
      default: r.kind = RequestKind::None; break;
    }
    return r;
  }

  std::vector<Frame> frames_;
  std::vector<int64_t> slots_;
  int phase_ = 0;
  Nanos left_ = 0;
};

}  // namespace

std::unique_ptr<ThreadBody> makeProgramBody(Program program) {
  return std::make_unique<ProgramBody>(std::make_shared<const Program>(std::move(program)));
}

}  // namespace interleave
