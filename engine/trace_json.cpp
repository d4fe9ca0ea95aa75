// traceToJson: the documented, stable JSON schema of a trace (docs/trace-format.md).
// Layout: one top-level key per line, one array element (process, thread, lane, segment,
// instant, ...) per line, so traces diff well. Integers only; no floating point anywhere.
#include <cstdint>
#include <string>

#include "json_escape.h"
#include "trace_writers.h"

namespace interleave {
namespace {

using detail::appendInt;
using detail::appendJsonString;
using detail::appendUint;

const char* laneKindName(LaneKind k) {
  switch (k) {
    case LaneKind::Core: return "core";
    case LaneKind::Gil: return "gil";
    case LaneKind::Thread: return "thread";
    case LaneKind::EventLoop: return "event_loop";
    case LaneKind::Task: return "task";
  }
  return "unknown";
}

const char* waiterChoiceName(GilWaiterChoice c) {
  switch (c) {
    case GilWaiterChoice::LongestWaiting: return "longest_waiting";
    case GilWaiterChoice::OsNoise: return "os_noise";
  }
  return "unknown";
}

// Small writer for `"key":value` pairs inside an object; handles the commas.
class Obj {
 public:
  explicit Obj(std::string& out) : out_(out) { out_ += '{'; }
  void close() { out_ += '}'; }
  std::string& key(const char* k) {
    if (!first_) out_ += ',';
    first_ = false;
    appendJsonString(out_, k);
    out_ += ':';
    return out_;
  }
  void i(const char* k, int64_t v) { appendInt(key(k), v); }
  void u(const char* k, uint64_t v) { appendUint(key(k), v); }
  void s(const char* k, const std::string& v) { appendJsonString(key(k), v); }
  void b(const char* k, bool v) { key(k) += v ? "true" : "false"; }

 private:
  std::string& out_;
  bool first_ = true;
};

void writeConfig(std::string& out, const MachineConfig& c) {
  Obj o(out);
  o.i("cores", c.cores);
  o.b("gil", c.gil);
  o.i("switch_interval_ns", c.switchInterval);
  o.i("time_slice_ns", c.timeSlice);
  o.i("context_switch_ns", c.contextSwitch);
  o.i("thread_start_ns", c.threadStart);
  o.s("start_method", startMethodName(c.startMethod));
  o.i("fork_start_ns", c.forkStart);
  o.i("forkserver_start_ns", c.forkserverStart);
  o.i("spawn_start_ns", c.spawnStart);
  o.i("pickle_item_ns", c.pickleSend + c.pickleReceive);
  o.i("pickle_per_kib_ns", c.picklePerKiB);
  o.i("network_latency_ns", c.networkLatency);
  o.i("disk_latency_ns", c.diskLatency);
  o.s("gil_waiter_choice", waiterChoiceName(c.gilWaiterChoice));
  o.u("seed", c.seed);
  o.i("process_base_bytes", c.processBaseBytes);
  o.i("thread_stack_bytes", c.threadStackBytes);
  o.i("task_bytes", c.taskBytes);
  o.close();
}

// Writes `"name":[\n<e0>,\n<e1>\n]` using `each(out, element)`.
template <class Vec, class Fn>
void writeArray(std::string& out, const char* name, const Vec& items, Fn each) {
  appendJsonString(out, name);
  out += ":[";
  bool first = true;
  for (const auto& item : items) {
    out += first ? "\n" : ",\n";
    first = false;
    each(out, item);
  }
  if (!first) out += '\n';
  out += ']';
}

void writeMetrics(std::string& out, const Metrics& m) {
  Obj o(out);
  o.i("makespan_ns", m.makespan);
  o.i("total_cpu_ns", m.totalCpu);
  {
    std::string& s = o.key("core_utilisation_permille");
    s += '[';
    for (size_t i = 0; i < m.coreUtilisationPermille.size(); ++i) {
      if (i) s += ',';
      appendInt(s, m.coreUtilisationPermille[i]);
    }
    s += ']';
  }
  {
    std::string& s = o.key("core_busy_ns");
    s += '[';
    for (size_t i = 0; i < m.coreBusy.size(); ++i) {
      if (i) s += ',';
      appendInt(s, m.coreBusy[i]);
    }
    s += ']';
  }
  o.i("gil_held_ns", m.gilHeld);
  o.i("gil_waited_ns", m.gilWaited);
  o.i("gil_handoffs", m.gilHandoffs);
  o.i("drop_requests", m.dropRequests);
  o.i("context_switches", m.contextSwitches);
  o.i("peak_memory_bytes", m.peakMemoryBytes);
  o.i("threads_started", m.threadsStarted);
  o.i("processes_started", m.processesStarted);
  o.u("events", m.events);
  o.i("speedup_permille", m.speedupPermille);
  o.close();
}

void writeLanes(std::string& s, const std::vector<int32_t>& lanes) {
  s += '[';
  for (size_t i = 0; i < lanes.size(); ++i) {
    if (i) s += ',';
    appendInt(s, lanes[i]);
  }
  s += ']';
}

// `"resources":[...]` (one resource per line, one state per line) and `"resources_unrecorded"`.
void writeResources(std::string& out, const Trace& t) {
  writeArray(out, "resources", t.resources, [](std::string& o, const Resource& r) {
    Obj j(o);
    j.i("id", r.id);
    j.s("kind", resourceKindName(r.kind));
    j.s("name", r.name);
    j.i("process", r.process);
    j.i("line", r.line);
    j.i("created_ns", r.created);
    j.i("capacity", r.capacity);
    j.i("changes", r.changes);
    j.i("truncated_at_ns", r.truncatedAt);
    std::string& s = j.key("history");
    s += '[';
    bool first = true;
    for (const ResourceState& st : r.history) {
      s += first ? "\n[" : ",\n[";
      first = false;
      appendInt(s, st.time);
      s += ',';
      appendInt(s, st.owner);
      s += ',';
      appendInt(s, st.count);
      s += ',';
      writeLanes(s, st.waiters);
      s += ',';
      writeLanes(s, st.putters);
      s += ",[";
      for (size_t i = 0; i < st.items.size(); ++i) {
        if (i) s += ',';
        appendJsonString(s, st.items[i]);
      }
      s += "],";
      appendInt(s, st.waiting);
      s += ',';
      appendInt(s, st.putting);
      s += ']';
    }
    if (!first) s += '\n';
    s += ']';
    j.close();
  });
  out += ",\n\"resources_unrecorded\":";
  appendInt(out, t.resourcesUnrecorded);
}

}  // namespace

std::string traceToJson(const Trace& t) {
  std::string out;
  size_t segments = 0;
  for (const Lane& lane : t.lanes) segments += lane.segments.size();
  out.reserve(4096 + segments * 40 + t.output.size() * 64);

  out += "{\"format\":\"interleave-trace\",\n\"version\":1,\n\"config\":";
  writeConfig(out, t.config);
  out += ",\n";

  writeArray(out, "processes", t.processes, [](std::string& o, const ProcessInfo& p) {
    Obj j(o);
    j.i("id", p.id);
    j.i("parent", p.parent);
    j.i("os_pid", p.osPid);
    j.s("name", p.name);
    j.i("gil_lane", p.gilLane);
    j.i("start_ns", p.start);
    j.i("end_ns", p.end);
    j.close();
  });
  out += ",\n";

  writeArray(out, "threads", t.threads, [](std::string& o, const ThreadInfo& th) {
    Obj j(o);
    j.i("id", th.id);
    j.i("process", th.process);
    j.i("lane", th.lane);
    j.s("name", th.name);
    j.i("start_ns", th.start);
    j.i("end_ns", th.end);
    j.close();
  });
  out += ",\n";

  writeArray(out, "lanes", t.lanes, [](std::string& o, const Lane& lane) {
    Obj j(o);
    j.i("id", lane.id);
    j.s("kind", laneKindName(lane.kind));
    j.s("name", lane.name);
    j.i("process", lane.process);
    j.i("thread", lane.thread);
    std::string& s = j.key("segments");
    s += '[';
    bool first = true;
    for (const Segment& seg : lane.segments) {
      s += first ? "\n[" : ",\n[";
      first = false;
      appendInt(s, seg.start);
      s += ',';
      appendInt(s, seg.end);
      s += ',';
      appendJsonString(s, stateName(seg.state));
      s += ',';
      appendInt(s, seg.thread);
      s += ',';
      appendInt(s, seg.label);
      s += ',';
      appendInt(s, seg.line);
      s += ']';
    }
    if (!first) s += '\n';
    s += ']';
    j.close();
  });
  out += ",\n";

  writeArray(out, "instants", t.instants, [](std::string& o, const Instant& in) {
    Obj j(o);
    j.i("time_ns", in.time);
    j.i("lane", in.lane);
    j.s("kind", instantName(in.kind));
    j.i("label", in.label);
    j.close();
  });
  out += ",\n";

  writeArray(out, "flows", t.flows, [](std::string& o, const Flow& f) {
    Obj j(o);
    j.s("kind", flowName(f.kind));
    j.i("from_time_ns", f.fromTime);
    j.i("from_lane", f.fromLane);
    j.i("to_time_ns", f.toTime);
    j.i("to_lane", f.toLane);
    j.close();
  });
  out += ",\n";

  writeArray(out, "counters", t.counters, [](std::string& o, const Counter& c) {
    Obj j(o);
    j.s("name", c.name);
    j.i("process", c.process);
    std::string& s = j.key("points");
    s += '[';
    for (size_t i = 0; i < c.points.size(); ++i) {
      if (i) s += ',';
      s += '[';
      appendInt(s, c.points[i].time);
      s += ',';
      appendInt(s, c.points[i].value);
      s += ']';
    }
    s += ']';
    j.close();
  });
  out += ",\n";

  writeArray(out, "output", t.output, [](std::string& o, const OutputLine& line) {
    Obj j(o);
    j.i("time_ns", line.time);
    j.i("thread", line.thread);
    j.i("stream", line.stream);
    j.s("text", line.text);
    j.b("partial", line.partial);
    j.close();
  });
  out += ",\n";

  writeResources(out, t);
  out += ",\n";

  writeArray(out, "strings", t.strings,
             [](std::string& o, const std::string& s) { appendJsonString(o, s); });
  out += ",\n";

  writeArray(out, "diagnostics", t.diagnostics,
             [](std::string& o, const std::string& s) { appendJsonString(o, s); });
  out += ",\n";

  out += "\"stop_reason\":";
  appendJsonString(out, t.stopReason);
  out += ",\n\"completed\":";
  out += t.completed ? "true" : "false";
  out += ",\n\"metrics\":";
  writeMetrics(out, t.metrics);
  out += "}\n";
  return out;
}

}  // namespace interleave
