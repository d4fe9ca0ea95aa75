#include "trace.h"

#include "trace_writers.h"

namespace interleave {

const char* stateName(State s) {
  switch (s) {
    case State::RunningPython: return "python";
    case State::RunningNative: return "native";
    case State::WaitingGil: return "gil_wait";
    case State::Runnable: return "runnable";
    case State::BlockedIo: return "io";
    case State::BlockedSync: return "blocked";
    case State::Starting: return "starting";
    case State::ContextSwitch: return "switch";
    case State::GilHeld: return "gil_held";
    case State::LoopRunning: return "loop_running";
    case State::LoopIdle: return "loop_idle";
    case State::LoopFrozen: return "loop_frozen";
    case State::TaskRunning: return "task_running";
    case State::TaskWaiting: return "task_waiting";
    case State::Count: break;
  }
  return "unknown";
}

const char* stateTitle(State s) {
  switch (s) {
    case State::RunningPython: return "Running Python (GIL held)";
    case State::RunningNative: return "Running native code (no GIL)";
    case State::WaitingGil: return "Waiting for the GIL";
    case State::Runnable: return "Runnable, no free core";
    case State::BlockedIo: return "Blocked on I/O";
    case State::BlockedSync: return "Blocked on lock/queue/join";
    case State::Starting: return "Starting";
    case State::ContextSwitch: return "Context switch";
    case State::GilHeld: return "GIL held";
    case State::LoopRunning: return "Event loop running a step";
    case State::LoopIdle: return "Event loop idle (select)";
    case State::LoopFrozen: return "Event loop frozen by a blocking call";
    case State::TaskRunning: return "Task running";
    case State::TaskWaiting: return "Task awaiting";
    case State::Count: break;
  }
  return "Unknown";
}

const char* instantName(InstantKind k) {
  switch (k) {
    case InstantKind::DropRequest: return "drop_request";
    case InstantKind::GilHandoff: return "gil_handoff";
    case InstantKind::Output: return "output";
    case InstantKind::ThreadStart: return "thread_start";
    case InstantKind::ThreadEnd: return "thread_end";
    case InstantKind::ProcessStart: return "process_start";
    case InstantKind::ProcessEnd: return "process_end";
    case InstantKind::Mark: return "mark";
    case InstantKind::Count: break;
  }
  return "unknown";
}

const char* flowName(FlowKind k) {
  switch (k) {
    case FlowKind::DropRequestToHandoff: return "drop_request_to_handoff";
    case FlowKind::SpawnToStart: return "spawn_to_start";
    case FlowKind::WakeUp: return "wake_up";
    case FlowKind::Count: break;
  }
  return "unknown";
}

uint64_t Trace::hash() const {
  std::string json = traceToJson(*this);
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : json) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace interleave
