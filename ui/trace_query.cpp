#include "trace_query.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace interleave::ui {

int32_t segmentAt(const Lane& lane, Nanos t) {
  size_t i = firstSegmentEndingAfter(lane, t);
  if (i < lane.segments.size() && lane.segments[i].start <= t) return static_cast<int32_t>(i);
  return -1;
}

Nanos nextChange(const Trace& trace, Nanos t) {
  Nanos best = -1;
  auto consider = [&](Nanos v) {
    if (v > t && (best < 0 || v < best)) best = v;
  };
  // A lock or queue changing (a put that blocks nobody) is a change too.
  for (const Resource& r : trace.resources) {
    auto it = std::upper_bound(r.history.begin(), r.history.end(), t,
                               [](Nanos v, const ResourceState& s) { return v < s.time; });
    if (it != r.history.end()) consider(it->time);
  }
  for (const Lane& l : trace.lanes) {
    size_t i = firstSegmentEndingAfter(l, t);  // first end > t
    if (i >= l.segments.size()) continue;
    consider(l.segments[i].end);
    if (l.segments[i].start > t) consider(l.segments[i].start);
    else if (i + 1 < l.segments.size()) consider(l.segments[i + 1].start);
  }
  return best;
}

Nanos prevChange(const Trace& trace, Nanos t) {
  Nanos best = -1;
  auto consider = [&](Nanos v) {
    if (v < t && v > best) best = v;
  };
  for (const Resource& r : trace.resources) {
    auto it = std::lower_bound(r.history.begin(), r.history.end(), t,
                               [](const ResourceState& s, Nanos v) { return s.time < v; });
    if (it != r.history.begin()) consider((it - 1)->time);
  }
  for (const Lane& l : trace.lanes) {
    // Last segment starting before t.
    auto it = std::lower_bound(l.segments.begin(), l.segments.end(), t,
                               [](const Segment& s, Nanos v) { return s.start < v; });
    if (it == l.segments.begin()) continue;
    --it;
    consider(it->start);
    consider(it->end);
  }
  return best;
}

bool segmentMatches(const Segment& s, const Highlight& h) {
  if (h.thread >= 0 && s.thread != h.thread) return false;
  if (h.line > 0 && s.line != h.line) return false;
  return h.active();
}

bool itemMatches(const Trace& trace, const DrawItem& item, const Highlight& h) {
  if (!h.active() || item.lane < 0 || item.lane >= static_cast<int32_t>(trace.lanes.size()))
    return false;
  const std::vector<Segment>& segs = trace.lanes[item.lane].segments;
  const size_t first = static_cast<size_t>(std::max(item.first, 0));
  const size_t count = static_cast<size_t>(std::max(item.count, 0));
  if (first + count > segs.size()) return false;
  if (count <= static_cast<size_t>(kFoldSamples)) {
    for (size_t i = first; i < first + count; ++i)
      if (segmentMatches(segs[i], h)) return true;
    return false;
  }
  for (int m = 0; m < kFoldSamples; ++m)
    if (segmentMatches(segs[first + static_cast<size_t>(m) * count / kFoldSamples], h)) return true;
  return false;
}

bool joinsPrevious(const Trace& trace, const DrawList& list, size_t k) {
  if (k == 0 || k >= list.items.size()) return false;
  const DrawItem& a = list.items[k - 1];
  const DrawItem& b = list.items[k];
  if (a.lane != b.lane || a.folded() || b.folded() || a.end != b.start || a.state != b.state)
    return false;
  if (a.lane < 0 || a.lane >= static_cast<int32_t>(trace.lanes.size())) return false;
  const std::vector<Segment>& segs = trace.lanes[static_cast<size_t>(a.lane)].segments;
  if (a.first < 0 || b.first < 0 || static_cast<size_t>(b.first) >= segs.size()) return false;
  return continuesRun(segs[static_cast<size_t>(a.first)], segs[static_cast<size_t>(b.first)]);
}

bool findMatch(const Trace& trace, const Highlight& h, Nanos after, int32_t* lane,
               int32_t* index) {
  bool found = false;
  Nanos bestStart = 0;
  for (size_t l = 0; l < trace.lanes.size(); ++l) {
    const Lane& ln = trace.lanes[l];
    for (size_t i = firstSegmentEndingAfter(ln, after); i < ln.segments.size(); ++i) {
      const Segment& s = ln.segments[i];
      if (found && s.start >= bestStart) break;
      if (!segmentMatches(s, h)) continue;
      found = true;
      bestStart = s.start;
      *lane = static_cast<int32_t>(l);
      *index = static_cast<int32_t>(i);
      break;
    }
  }
  return found;
}

size_t outputAt(const Trace& trace, Nanos t) {
  auto it = std::lower_bound(trace.output.begin(), trace.output.end(), t,
                             [](const OutputLine& o, Nanos v) { return o.time < v; });
  return static_cast<size_t>(it - trace.output.begin());
}

namespace {

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// "  File "name", line 12" or "  File "name", line 12, in f": the line number, else 0.
int32_t fileLine(const std::string& line, const std::string& filename) {
  const std::string prefix = "  File \"" + filename + "\", line ";
  if (line.compare(0, prefix.size(), prefix) != 0) return 0;
  return static_cast<int32_t>(std::strtol(line.c_str() + prefix.size(), nullptr, 10));
}

bool isFrameLine(const std::string& line) { return line.compare(0, 8, "  File \"") == 0; }

// "ValueError: bad", "KeyboardInterrupt", "mod.Error: x": the exception line of a traceback.
bool isExceptionLine(const std::string& line, std::string* type) {
  if (line.empty() || line[0] == ' ' || line.compare(0, 10, "Traceback ") == 0 ||
      line.compare(0, 20, "Exception in thread ") == 0)
    return false;
  size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' ||
                             line[i] == '.'))
    ++i;
  if (i == 0 || (i < line.size() && line[i] != ':')) return false;
  *type = line.substr(0, i);
  return true;
}

}  // namespace

ErrorLocation locateError(const std::string& stderrText, const std::string& filename,
                          const std::string& source) {
  ErrorLocation loc;
  const std::vector<std::string> lines = splitLines(stderrText);
  // The first traceback: frames until its exception line. Later ones (other threads) stay in
  // the errors panel.
  size_t frameIdx = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string type;
    if (isFrameLine(lines[i])) {
      if (fileLine(lines[i], filename) > 0) frameIdx = i;
      continue;
    }
    if (isExceptionLine(lines[i], &type)) {
      loc.type = type;
      loc.message = lines[i];
      break;
    }
  }
  if (loc.message.empty()) {
    // No exception line: the last non-empty line says what happened.
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
      if (!it->empty()) {
        loc.message = *it;
        break;
      }
  }
  if (frameIdx == lines.size()) return loc;
  loc.line = fileLine(lines[frameIdx], filename);
  // The source line (indented by 4) and, for syntax errors and 3.11 tracebacks, a caret line.
  if (frameIdx + 2 < lines.size()) {
    const std::string& src = lines[frameIdx + 1];
    const std::string& marks = lines[frameIdx + 2];
    const size_t m0 = marks.find_first_not_of(' ');
    const bool caretLine = m0 != std::string::npos && marks.find_first_not_of(" ^~") == std::string::npos &&
                           src.compare(0, 4, "    ") == 0;
    if (caretLine && m0 >= 4) {
      // The printed source line is stripped of its indentation: add the program's back.
      size_t lead = 0;
      const std::vector<std::string> program = splitLines(source);
      if (loc.line >= 1 && static_cast<size_t>(loc.line) <= program.size()) {
        const std::string& text = program[static_cast<size_t>(loc.line - 1)];
        lead = text.find_first_not_of(" \t\f");
        if (lead == std::string::npos) lead = 0;
      }
      const size_t m1 = marks.find_last_not_of(' ') + 1;
      loc.col = static_cast<int32_t>(lead + (m0 - 4)) + 1;
      loc.endCol = static_cast<int32_t>(lead + (m1 - 4)) + 1;
    }
  }
  return loc;
}

Trace makeSyntheticTrace(int64_t segments, int lanes) {
  Trace t;
  lanes = std::max(1, lanes);
  ProcessInfo p;
  p.id = 0;
  p.name = "MainProcess";
  t.processes.push_back(p);
  // A small deterministic generator (xorshift64*), independent of the standard library.
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&]() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Dull;
  };
  const State states[] = {State::RunningPython, State::WaitingGil, State::Runnable,
                          State::BlockedIo,     State::BlockedSync, State::RunningNative};
  const int64_t perLane = std::max<int64_t>(1, segments / lanes);
  Nanos end = 0;
  for (int l = 0; l < lanes; ++l) {
    Lane lane;
    lane.id = l;
    lane.kind = LaneKind::Thread;
    lane.process = 0;
    lane.thread = l;
    lane.name = "Thread-" + std::to_string(l);
    lane.segments.reserve(static_cast<size_t>(perLane));
    Nanos clock = 0;
    for (int64_t i = 0; i < perLane; ++i) {
      const uint64_t r = next();
      // Mostly short spans with a few long ones, like a busy GIL: 50 ns .. 200 us.
      const Nanos dur = (r & 15) == 0 ? 20000 + static_cast<Nanos>(r >> 40) % 180000
                                      : 50 + static_cast<Nanos>(r >> 44) % 2000;
      Segment s;
      s.start = clock;
      s.end = clock + dur;
      s.state = states[(r >> 8) % 6];
      s.thread = l;
      s.line = 1 + static_cast<int32_t>((r >> 16) % 40);
      lane.segments.push_back(s);
      clock = s.end + ((r >> 20) & 3) * 10;  // sometimes a small gap
    }
    end = std::max(end, clock);
    ThreadInfo th;
    th.id = l;
    th.process = 0;
    th.lane = l;
    th.name = lane.name;
    th.end = clock;
    t.threads.push_back(th);
    t.lanes.push_back(std::move(lane));
  }
  t.metrics.makespan = end;
  t.completed = true;
  return t;
}

// ---- Resources -----------------------------------------------------------------------------

const ResourceState* resourceStateAt(const Resource& r, Nanos t) {
  auto it = std::upper_bound(r.history.begin(), r.history.end(), t,
                             [](Nanos v, const ResourceState& s) { return v < s.time; });
  return it == r.history.begin() ? nullptr : &*(it - 1);
}

std::vector<ResourceAt> resourcesAt(const Trace& trace, Nanos t, bool queues) {
  std::vector<ResourceAt> out;
  for (const Resource& r : trace.resources) {
    if (r.created > t || resourceIsQueue(r.kind) != queues) continue;
    ResourceAt a;
    a.resource = &r;
    a.state = resourceStateAt(r, t);
    a.pastHistory = r.truncatedAt >= 0 && t >= r.truncatedAt;
    out.push_back(a);
  }
  return out;
}

namespace {
std::string laneName(const Trace& trace, int32_t lane) {
  if (lane < 0 || lane >= static_cast<int32_t>(trace.lanes.size())) return "?";
  return trace.lanes[static_cast<size_t>(lane)].name;
}

// The named lanes, then how many more wait (the state names at most kMaxResourceWaiters).
std::string laneList(const Trace& trace, const std::vector<int32_t>& lanes, int64_t total) {
  std::string s;
  for (int32_t l : lanes) s += (s.empty() ? "" : ", ") + laneName(trace, l);
  const int64_t more = total - static_cast<int64_t>(lanes.size());
  if (more > 0) s += s.empty() ? std::to_string(more) : ", ... +" + std::to_string(more) + " more";
  return s;
}
}  // namespace

ResourceRow describeResource(const Trace& trace, const ResourceAt& at) {
  ResourceRow row;
  const Resource& r = *at.resource;
  row.name = r.name;
  row.kind = resourceKindName(r.kind);
  if (!at.state) {
    row.state = "-";
    return row;
  }
  const ResourceState& s = *at.state;
  const std::string later = at.pastHistory ? "  (history limit: later changes not kept)" : "";
  if (resourceIsQueue(r.kind)) {
    row.state = std::to_string(s.count) + (r.capacity > 0 ? " / " + std::to_string(r.capacity) : "") + later;
    for (const std::string& item : s.items) row.items += (row.items.empty() ? "" : ", ") + item;
    if (s.count > static_cast<int64_t>(s.items.size())) {
      const int64_t more = s.count - static_cast<int64_t>(s.items.size());
      row.items += row.items.empty() ? std::to_string(more) + " items" : ", ... +" + std::to_string(more) + " more";
    }
    if (s.waiting > 0) row.waiters = "get: " + laneList(trace, s.waiters, s.waiting);
    if (s.putting > 0) row.waiters += (row.waiters.empty() ? "put: " : "  put: ") + laneList(trace, s.putters, s.putting);
    row.held = s.putting > 0;
    return row;
  }
  switch (r.kind) {
    case ResourceKind::Semaphore: case ResourceKind::BoundedSemaphore:
    case ResourceKind::AsyncSemaphore: case ResourceKind::AsyncBoundedSemaphore:
      row.state = "value " + std::to_string(s.count) + " / " + std::to_string(r.capacity);
      row.held = s.count <= 0;
      break;
    default:
      row.held = s.owner >= 0 || s.count > 0;
      row.state = s.owner >= 0 ? "held by " + laneName(trace, s.owner) : row.held ? "held" : "free";
      if (s.count > 1) row.state += " (depth " + std::to_string(s.count) + ")";
      break;
  }
  row.state += later;
  row.waiters = laneList(trace, s.waiters, s.waiting);
  return row;
}

}  // namespace interleave::ui
