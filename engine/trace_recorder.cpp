// Turning state changes into trace segments, and the metrics computed at the end.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

int32_t Simulation::Impl::intern(const std::string& s) {
  // Indices follow first use, so the trace is the same whatever the map's internal order.
  auto it = stringIndex.find(s);
  if (it != stringIndex.end()) return it->second;
  int32_t index = static_cast<int32_t>(trace.strings.size());
  trace.strings.push_back(s);
  stringIndex.emplace(s, index);
  return index;
}

int32_t Simulation::Impl::addLane(LaneKind kind, int32_t process, int32_t thread,
                                  const std::string& name) {
  Lane lane;
  lane.id = static_cast<int32_t>(trace.lanes.size());
  lane.kind = kind;
  lane.process = process;
  lane.thread = thread;
  lane.name = name;
  trace.lanes.push_back(std::move(lane));
  return static_cast<int32_t>(trace.lanes.size() - 1);
}

void Simulation::Impl::setLaneState(int32_t lane, int32_t thread, int64_t state, int32_t label, Nanos at) {
  auto it = openLaneSegments.find(lane);
  if (it != openLaneSegments.end()) {
    const OpenLaneSegment& o = it->second;
    Segment seg;
    seg.start = o.start;
    seg.end = at;
    seg.state = o.state;
    seg.thread = o.thread;
    seg.label = o.label;
    pushSegment(lane, seg);
    openLaneSegments.erase(it);
  }
  if (state >= 0 && state < static_cast<int64_t>(State::Count)) {
    openLaneSegments[lane] = OpenLaneSegment{at, static_cast<State>(state), thread, label};
    lastActivity = std::max(lastActivity, at);
  }
}

// asyncio's event loop and task lanes (RequestKind::TraceLane).
int64_t Simulation::Impl::traceLane(Thread& t, const Request& r, Nanos at) {
  switch (static_cast<LaneOp>(r.value)) {
    case LaneOp::OpenLoop:
    case LaneOp::OpenTask: {
      bool loop = static_cast<LaneOp>(r.value) == LaneOp::OpenLoop;
      if (trace.lanes.size() >= static_cast<size_t>(limits::kMaxLanes)) {
        return -1;  // past the limit the program runs on without new lanes
      }
      return addLane(loop ? LaneKind::EventLoop : LaneKind::Task, t.process, t.id, r.text);
    }
    case LaneOp::SetState: {
      if (r.target < 0 || r.target >= static_cast<int64_t>(trace.lanes.size())) return 0;
      int32_t lane = static_cast<int32_t>(r.target);
      int32_t label = r.text.empty() ? -1 : intern(r.text);
      if (trace.lanes[static_cast<size_t>(lane)].kind == LaneKind::EventLoop && r.duration >= 0) t.loopLane = lane;
      if (lane == t.loopLane) {
        t.loopInStep = r.duration == static_cast<int64_t>(State::LoopRunning);
        t.loopFrozen = false;
        t.loopLabel = label;
        if (r.duration < 0) t.loopLane = -1;
      }
      setLaneState(lane, t.id, r.duration, label, at);
      return 0;
    }
  }
  return 0;
}

// The thread blocked inside a task step is running again: so is its loop.
void Simulation::Impl::loopUnfreeze(Thread& t, Nanos at) {
  if (!t.loopFrozen) return;
  t.loopFrozen = false;
  setLaneState(t.loopLane, t.id, static_cast<int64_t>(State::LoopRunning), t.loopLabel, at);
}

void Simulation::Impl::pushSegment(int32_t lane, const Segment& s) {
  if (s.end <= s.start) return;
  std::vector<Segment>& segs = trace.lanes[static_cast<size_t>(lane)].segments;
  // Merge with the previous segment when it continues it exactly (same state, label, line).
  if (!segs.empty()) {
    Segment& last = segs.back();
    if (last.end == s.start && last.state == s.state && last.thread == s.thread &&
        last.label == s.label && last.line == s.line && s.state != State::ContextSwitch) {
      last.end = s.end;
      return;
    }
  }
  segs.push_back(s);
  ++segmentCount;
}

static bool isRunning(State s) {
  return s == State::RunningPython || s == State::RunningNative || s == State::Starting;
}

void Simulation::Impl::setState(Thread& t, State s, Nanos at, int32_t label, int32_t line) {
  // Waiting, blocked and runnable segments carry the line the thread stopped at (its body's
  // last setActivity): the chart links them to the source.
  if (line < 0 && s != State::Starting && s != State::Count) line = t.activityLine;
  if (t.traceOpen && t.traceState == s && t.traceLabel == label && t.traceLine == line) return;
  if (t.traceOpen) {
    pushSegment(t.lane, Segment{t.traceSince, at, t.traceState, t.id, t.traceLabel, t.traceLine});
    if (t.traceState == State::WaitingGil) trace.metrics.gilWaited += at - t.traceSince;
    if (t.traceState == State::RunningPython || t.traceState == State::RunningNative ||
        t.traceState == State::BlockedIo || t.traceState == State::Starting) {
      sequentialWork += at - t.traceSince;
    }
  }
  t.traceOpen = true;
  t.traceState = s;
  t.traceSince = at;
  t.traceLabel = label;
  t.traceLine = line;
  if (t.core >= 0 && isRunning(s)) {
    coreSegment(cores[static_cast<size_t>(t.core)], t.id, s, at, label, line);
  }
}

void Simulation::Impl::closeState(Thread& t, Nanos at) {
  if (!t.traceOpen) return;
  // A state that cannot be current: forces the open segment out.
  setState(t, State::Count, at);
  t.traceOpen = false;
}

void Simulation::Impl::coreSegment(Core& c, int32_t threadId, State s, Nanos at, int32_t label,
                                   int32_t line) {
  if (c.segOpen && c.segThread == threadId && c.segState == s && c.segLabel == label &&
      c.segLine == line) {
    return;
  }
  coreIdle(c, at);
  c.segOpen = true;
  c.segStart = at;
  c.segState = s;
  c.segThread = threadId;
  c.segLabel = label;
  c.segLine = line;
}

void Simulation::Impl::coreIdle(Core& c, Nanos at) {
  if (!c.segOpen) return;
  if (at > c.segStart) {
    int32_t label = c.segState == State::ContextSwitch ? -1 : intern(thread(c.segThread).name);
    pushSegment(c.lane, Segment{c.segStart, at, c.segState, c.segThread, label, c.segLine});
    if (c.segState != State::ContextSwitch) c.busy += at - c.segStart;
  }
  c.segOpen = false;
}

void Simulation::Impl::gilSegmentOpen(Process& p, int32_t threadId, Nanos at) {
  p.gil.heldSince = at;
  (void)threadId;
}

void Simulation::Impl::gilSegmentClose(Process& p, Nanos at) {
  int32_t holder = p.gil.lastHolder;
  if (holder < 0) return;
  if (at > p.gil.heldSince) {
    pushSegment(p.gilLane, Segment{p.gil.heldSince, at, State::GilHeld, holder,
                                   intern(thread(holder).name), -1});
    trace.metrics.gilHeld += at - p.gil.heldSince;
  }
  p.gil.heldSince = at;
}

void Simulation::Impl::instant(int32_t lane, InstantKind kind, Nanos at, int32_t label) {
  trace.instants.push_back(Instant{at, lane, kind, label});
}

void Simulation::Impl::flow(FlowKind kind, int32_t fromLane, Nanos fromTime, int32_t toLane,
                            Nanos toTime) {
  trace.flows.push_back(Flow{fromTime, fromLane, toTime, toLane, kind});
}

void Simulation::Impl::memory(Process& p, int64_t delta, Nanos at) {
  p.memory += delta;
  machineMemory += delta;
  auto record = [&](Counter& c, int64_t value) {
    if (!c.points.empty() && c.points.back().time == at) {
      c.points.back().value = value;
    } else if (c.points.empty() || c.points.back().value != value) {
      c.points.push_back(CounterPoint{at, value});
    }
  };
  record(trace.counters[static_cast<size_t>(p.memoryCounter)], p.memory);
  record(trace.counters[static_cast<size_t>(machineMemoryCounter)], machineMemory);
  trace.metrics.peakMemoryBytes = std::max(trace.metrics.peakMemoryBytes, machineMemory);
}

void Simulation::Impl::finalize() {
  if (sim.finished_) return;
  sim.finished_ = true;
  Nanos end = std::max(now(), lastActivity);
  for (int32_t id : runners) end = std::max(end, thread(id).clock);
  // Deadlock: nothing left to happen, yet threads are not done.
  if (stop.empty()) {
    std::string who;
    for (auto& tp : threads) {
      Thread& t = *tp;
      if (t.phase == Phase::Done) continue;
      if (!who.empty()) who += ", ";
      who += t.name + " waits in " + (t.traceLabel >= 0 ? trace.str(t.traceLabel) : std::string(stateTitle(t.traceState)));
    }
    if (!who.empty()) {
      stop = "deadlock: every remaining thread is blocked and nothing can wake it (" + who + ")";
      trace.diagnostics.push_back(stop);
    }
  }
  for (auto& tp : threads) {
    Thread& t = *tp;
    if (t.phase != Phase::Done) {
      closeState(t, end);
      trace.threads[static_cast<size_t>(t.id)].end = end;
    }
  }
  for (Core& c : cores) coreIdle(c, end);
  while (!openLaneSegments.empty()) {
    int32_t lane = openLaneSegments.begin()->first;
    setLaneState(lane, -1, -1, -1, std::max(end, openLaneSegments.begin()->second.start));
  }
  for (Process& p : processes) {
    if (p.gil.locked) gilSegmentClose(p, end);
    if (!p.done) trace.processes[static_cast<size_t>(p.id)].end = end;
  }
  Metrics& m = trace.metrics;
  m.makespan = stop.empty() ? lastActivity : end;
  m.coreBusy.clear();
  m.coreUtilisationPermille.clear();
  m.totalCpu = 0;
  for (Core& c : cores) {
    m.coreBusy.push_back(c.busy);
    m.totalCpu += c.busy;
    m.coreUtilisationPermille.push_back(
        m.makespan > 0 ? static_cast<int32_t>(c.busy * 1000 / m.makespan) : 0);
  }
  m.speedupPermille = m.makespan > 0 ? static_cast<int32_t>(sequentialWork * 1000 / m.makespan) : 0;
  m.events = steps;
  std::stable_sort(trace.instants.begin(), trace.instants.end(),
                   [](const Instant& a, const Instant& b) { return a.time < b.time; });
  std::stable_sort(trace.flows.begin(), trace.flows.end(),
                   [](const Flow& a, const Flow& b) { return a.fromTime < b.fromTime; });
  trace.stopReason = stop;
  trace.completed = stop.empty();
  if (!stop.empty() && (trace.diagnostics.empty() || trace.diagnostics.back() != stop)) {
    trace.diagnostics.push_back(stop);
  }
}

}  // namespace interleave
