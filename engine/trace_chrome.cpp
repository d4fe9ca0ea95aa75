// traceToChrome: the Chrome trace event format (JSON object form), which Perfetto and
// chrome://tracing open. Mapping (documented in docs/trace-format.md):
//   - each simulated process is a Chrome process whose pid is the model's os.getpid() value
//     (ProcessInfo::osPid) when every process has a distinct positive one, else process id + 1
//     (Perfetto treats pid 0 as the kernel's swapper); the cores form one more process named
//     "Machine" whose pid is one more than the largest process pid, sorted first;
//   - each lane is a Chrome thread named after the lane, sorted by lane id, whose tid is lane id
//     + machine pid + 1: above every pid, because viewers keep Linux's rule that tids are unique
//     machine-wide and that the thread whose tid equals a pid is that process's main thread
//     (Perfetto moves a tid that shows up under another pid to a new thread, splitting a lane);
//   - segments are "X" complete events (ts/dur in microseconds with 3 decimals: exact ns);
//   - instants are "i" events, flows are "s"/"f" pairs with ids, counters are "C" events.
// Integers only; events are written in trace order, so the bytes are deterministic.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "json_escape.h"
#include "trace_writers.h"

namespace interleave {
namespace {

using detail::appendInt;
using detail::appendJsonString;

std::string us(Nanos ns) { return formatFixed(ns, kMicrosecond, 3); }

// Chrome pids and tids. Processes are looked up by id; trace order is id order.
struct Ids {
  int64_t machinePid = 1;
  int64_t tidBase = 2;  // lane 0's tid
  bool useOsPid = false;
  std::vector<std::pair<int32_t, int64_t>> osPids;  // (process id, os pid), sorted by id

  explicit Ids(const Trace& t) {
    for (const ProcessInfo& p : t.processes) osPids.emplace_back(p.id, p.osPid);
    std::sort(osPids.begin(), osPids.end());
    std::vector<int64_t> values;
    for (const auto& entry : osPids) values.push_back(entry.second);
    std::sort(values.begin(), values.end());
    // Perfetto keeps pids in 32 bits.
    useOsPid = !values.empty() && values.front() > 0 && values.back() < INT32_MAX &&
               std::adjacent_find(values.begin(), values.end()) == values.end();
    for (size_t i = 1; i < osPids.size(); ++i) {
      if (osPids[i].first == osPids[i - 1].first) useOsPid = false;  // duplicate process ids
    }
    for (const Lane& lane : t.lanes) {
      if (lane.process >= 0 && !find(lane.process)) useOsPid = false;  // unknown process
    }
    for (const Counter& c : t.counters) {
      if (c.process >= 0 && !find(c.process)) useOsPid = false;
    }
    int64_t maxPid = 0;
    for (const ProcessInfo& p : t.processes) maxPid = std::max(maxPid, processPid(p.id));
    for (const Lane& lane : t.lanes) {
      if (lane.process >= 0) maxPid = std::max(maxPid, processPid(lane.process));
    }
    for (const Counter& c : t.counters) {
      if (c.process >= 0) maxPid = std::max(maxPid, processPid(c.process));
    }
    machinePid = maxPid + 1;
    tidBase = machinePid + 1;
  }
  const std::pair<int32_t, int64_t>* find(int32_t process) const {
    const auto it = std::lower_bound(osPids.begin(), osPids.end(),
                                     std::pair<int32_t, int64_t>{process, INT64_MIN});
    return it != osPids.end() && it->first == process ? &*it : nullptr;
  }
  int64_t processPid(int32_t process) const {
    if (useOsPid) {
      if (const auto* entry = find(process)) return entry->second;
    }
    return int64_t{process} + 1;
  }
  int64_t pid(int32_t process) const { return process < 0 ? machinePid : processPid(process); }
  int64_t tid(int32_t lane) const { return tidBase + lane; }
};

class Events {
 public:
  explicit Events(std::string& out) : out_(out) {}
  // Starts one event object; the caller appends the rest and closes it with '}'.
  std::string& begin() {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    return out_;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void metadata(Events& ev, const char* name, int64_t pid, int64_t tid, bool withTid,
              const char* argKey, const std::string& textValue, int64_t intValue, bool isText) {
  std::string& o = ev.begin();
  o += "{\"ph\":\"M\",\"name\":";
  appendJsonString(o, name);
  o += ",\"pid\":";
  appendInt(o, pid);
  if (withTid) {
    o += ",\"tid\":";
    appendInt(o, tid);
  }
  o += ",\"args\":{";
  appendJsonString(o, argKey);
  o += ':';
  if (isText) {
    appendJsonString(o, textValue);
  } else {
    appendInt(o, intValue);
  }
  o += "}}";
}

const std::string* threadName(const Trace& t, int32_t thread) {
  if (thread < 0) return nullptr;
  if (thread < static_cast<int32_t>(t.threads.size()) && t.threads[thread].id == thread) {
    return &t.threads[thread].name;
  }
  for (const ThreadInfo& info : t.threads) {
    if (info.id == thread) return &info.name;
  }
  return nullptr;
}

}  // namespace

std::string traceToChrome(const Trace& t) {
  const Ids ids(t);

  std::string out;
  size_t segments = 0;
  for (const Lane& lane : t.lanes) segments += lane.segments.size();
  out.reserve(4096 + segments * 160);
  out += "{\"traceEvents\":[";
  Events ev(out);

  // Processes: the machine (cores) first, then the simulated processes in id order.
  bool anyCore = false;
  for (const Lane& lane : t.lanes) anyCore = anyCore || lane.process < 0;
  if (anyCore) {
    metadata(ev, "process_name", ids.machinePid, 0, false, "name", "Machine", 0, true);
    metadata(ev, "process_sort_index", ids.machinePid, 0, false, "sort_index", "", 0, false);
  }
  for (const ProcessInfo& p : t.processes) {
    metadata(ev, "process_name", ids.pid(p.id), 0, false, "name", p.name, 0, true);
    metadata(ev, "process_sort_index", ids.pid(p.id), 0, false, "sort_index", "",
             int64_t{p.id} + 1, false);
  }
  for (const Lane& lane : t.lanes) {
    const int64_t pid = ids.pid(lane.process);
    metadata(ev, "thread_name", pid, ids.tid(lane.id), true, "name", lane.name, 0, true);
    metadata(ev, "thread_sort_index", pid, ids.tid(lane.id), true, "sort_index", "", lane.id,
             false);
  }

  // Segments. On core and GIL lanes the slice is named after the thread that ran / held the GIL
  // (Perfetto colours slices by name, so each thread keeps its colour); elsewhere after the
  // state (each state keeps its colour).
  for (const Lane& lane : t.lanes) {
    const int64_t pid = ids.pid(lane.process);
    const int64_t tid = ids.tid(lane.id);
    const bool byThread = lane.kind == LaneKind::Core || lane.kind == LaneKind::Gil;
    for (const Segment& seg : lane.segments) {
      std::string& o = ev.begin();
      o += "{\"ph\":\"X\",\"name\":";
      const std::string* who = byThread ? threadName(t, seg.thread) : nullptr;
      appendJsonString(o, who ? *who : std::string(stateTitle(seg.state)));
      o += ",\"cat\":";
      appendJsonString(o, stateName(seg.state));
      o += ",\"pid\":";
      appendInt(o, pid);
      o += ",\"tid\":";
      appendInt(o, tid);
      o += ",\"ts\":";
      o += us(seg.start);
      o += ",\"dur\":";
      o += us(seg.end - seg.start);
      o += ",\"args\":{\"state\":";
      appendJsonString(o, stateTitle(seg.state));
      if (seg.thread >= 0) {
        o += ",\"thread\":";
        const std::string* name = threadName(t, seg.thread);
        if (name) {
          appendJsonString(o, *name);
        } else {
          appendInt(o, seg.thread);
        }
      }
      if (seg.label >= 0) {
        o += ",\"label\":";
        appendJsonString(o, t.str(seg.label));
      }
      if (seg.line >= 0) {
        o += ",\"line\":";
        appendInt(o, seg.line);
      }
      o += "}}";
    }
  }

  // Lane id -> process, for instants and flows (lane ids are normally their index).
  const auto laneProcess = [&t](int32_t laneId) -> int32_t {
    if (laneId >= 0 && laneId < static_cast<int32_t>(t.lanes.size()) &&
        t.lanes[laneId].id == laneId) {
      return t.lanes[laneId].process;
    }
    for (const Lane& lane : t.lanes) {
      if (lane.id == laneId) return lane.process;
    }
    return -1;
  };

  for (const Instant& in : t.instants) {
    std::string& o = ev.begin();
    o += "{\"ph\":\"i\",\"s\":\"t\",\"name\":";
    appendJsonString(o, instantName(in.kind));
    o += ",\"cat\":\"instant\",\"pid\":";
    appendInt(o, ids.pid(laneProcess(in.lane)));
    o += ",\"tid\":";
    appendInt(o, ids.tid(in.lane));
    o += ",\"ts\":";
    o += us(in.time);
    if (in.label >= 0) {
      o += ",\"args\":{\"label\":";
      appendJsonString(o, t.str(in.label));
      o += '}';
    }
    o += '}';
  }

  // Flows: "s" at the source binds to the slice enclosing it; "f" with "bp":"e" binds to the
  // slice enclosing its timestamp at the destination.
  int64_t flowId = 0;
  for (const Flow& f : t.flows) {
    ++flowId;
    for (int end = 0; end < 2; ++end) {
      std::string& o = ev.begin();
      o += end == 0 ? "{\"ph\":\"s\"" : "{\"ph\":\"f\",\"bp\":\"e\"";
      o += ",\"id\":";
      appendInt(o, flowId);
      o += ",\"name\":";
      appendJsonString(o, flowName(f.kind));
      o += ",\"cat\":\"flow\",\"pid\":";
      const int32_t lane = end == 0 ? f.fromLane : f.toLane;
      appendInt(o, ids.pid(laneProcess(lane)));
      o += ",\"tid\":";
      appendInt(o, ids.tid(lane));
      o += ",\"ts\":";
      o += us(end == 0 ? f.fromTime : f.toTime);
      o += '}';
    }
  }

  for (const Counter& c : t.counters) {
    for (const CounterPoint& p : c.points) {
      std::string& o = ev.begin();
      o += "{\"ph\":\"C\",\"name\":";
      appendJsonString(o, c.name);
      o += ",\"pid\":";
      appendInt(o, ids.pid(c.process));
      o += ",\"ts\":";
      o += us(p.time);
      o += ",\"args\":{\"value\":";
      appendInt(o, p.value);
      o += "}}";
    }
  }

  out += "\n],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":{\"format\":\"interleave-chrome\","
         "\"version\":1,\"makespan_ns\":";
  appendInt(out, t.metrics.makespan);
  out += ",\"stop_reason\":";
  appendJsonString(out, t.stopReason);
  out += "}}\n";
  return out;
}

}  // namespace interleave
