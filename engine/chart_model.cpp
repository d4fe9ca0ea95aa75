#include "chart_model.h"

#include <algorithm>
#include <cmath>

namespace interleave {

// ---- colours ----------------------------------------------------------------------------------

namespace {
// Okabe-Ito.
constexpr uint32_t kOrange = 0xE69F00;
constexpr uint32_t kSkyBlue = 0x56B4E9;
constexpr uint32_t kBluishGreen = 0x009E73;
constexpr uint32_t kYellow = 0xF0E442;
constexpr uint32_t kBlue = 0x0072B2;
constexpr uint32_t kVermillion = 0xD55E00;
constexpr uint32_t kReddishPurple = 0xCC79A7;

double channelLinear(uint32_t c8) {
  double c = c8 / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
}  // namespace

uint32_t stateColor(State s) {
  switch (s) {
    case State::RunningPython:
      return kBluishGreen;  // making progress, GIL held
    case State::RunningNative:
      return kSkyBlue;  // making progress, GIL released
    case State::WaitingGil:
      return kVermillion;  // the cost the lessons are about
    case State::Runnable:
      return kOrange;  // wants a core
    case State::BlockedIo:
      return kReddishPurple;  // sleeping / network / disk
    case State::BlockedSync:
      return kYellow;  // lock, queue, join, future
    case State::Starting:
      return 0x9A9A9A;  // start-up work
    case State::ContextSwitch:
      return 0x3C3C3C;  // the OS switching threads
    case State::GilHeld:
      return kBlue;  // GIL lane: someone holds it
    case State::LoopRunning:
      return 0x5FC2A2;  // tint of "running Python"
    case State::LoopIdle:
      return 0xC8C8C8;  // idle in select()
    case State::LoopFrozen:
      return 0x8E3B00;  // shade of vermillion: the loop is stuck
    case State::TaskRunning:
      return 0x8BD0BC;  // lighter tint of "running Python"
    case State::TaskWaiting:
      return 0xE2D7EA;  // pale: awaiting
    case State::Count:
      break;
  }
  return 0xFF00FF;
}

uint32_t textColorOn(uint32_t rgb) {
  double l = 0.2126 * channelLinear((rgb >> 16) & 0xFF) +
             0.7152 * channelLinear((rgb >> 8) & 0xFF) + 0.0722 * channelLinear(rgb & 0xFF);
  // Contrast against white (1.05 / (l + 0.05)) vs against black ((l + 0.05) / 0.05).
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? 0xFFFFFF : 0x000000;
}

uint32_t shade(uint32_t rgb, float factor) {
  auto ch = [&](int shift) {
    float v = static_cast<float>((rgb >> shift) & 0xFF) * factor;
    return static_cast<uint32_t>(v < 0 ? 0 : v > 255 ? 255 : v) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

uint32_t tint(uint32_t rgb, float amount) {
  auto ch = [&](int shift) {
    float c = static_cast<float>((rgb >> shift) & 0xFF);
    float v = c + (255.0f - c) * amount;
    return static_cast<uint32_t>(v < 0 ? 0 : v > 255 ? 255 : v) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

// ---- extent ----------------------------------------------------------------------------------

Nanos traceEnd(const Trace& trace) {
  Nanos end = trace.metrics.makespan;
  for (const Lane& l : trace.lanes)
    if (!l.segments.empty()) end = std::max(end, l.segments.back().end);
  if (!trace.instants.empty()) end = std::max(end, trace.instants.back().time);
  return std::max<Nanos>(end, 1);
}

// ---- lane groups ------------------------------------------------------------------------------

std::vector<LaneGroup> laneGroups(const Trace& trace) {
  std::vector<LaneGroup> groups;
  LaneGroup cores;
  cores.group = kCoresGroup;
  cores.label = "Cores";
  for (size_t i = 0; i < trace.lanes.size(); ++i)
    if (trace.lanes[i].kind == LaneKind::Core) cores.lanes.push_back(static_cast<int32_t>(i));
  if (!cores.lanes.empty()) groups.push_back(std::move(cores));

  std::vector<int32_t> processIds;
  for (const ProcessInfo& p : trace.processes) processIds.push_back(p.id);
  std::vector<int32_t> extra;
  for (const Lane& l : trace.lanes)
    if (l.kind != LaneKind::Core &&
        std::find(processIds.begin(), processIds.end(), l.process) == processIds.end() &&
        std::find(extra.begin(), extra.end(), l.process) == extra.end())
      extra.push_back(l.process);
  std::sort(extra.begin(), extra.end());
  processIds.insert(processIds.end(), extra.begin(), extra.end());

  for (int32_t pid : processIds) {
    LaneGroup g;
    g.group = pid;
    for (size_t i = 0; i < trace.lanes.size(); ++i)
      if (trace.lanes[i].kind == LaneKind::Gil && trace.lanes[i].process == pid)
        g.lanes.push_back(static_cast<int32_t>(i));
    for (size_t i = 0; i < trace.lanes.size(); ++i) {
      const Lane& l = trace.lanes[i];
      if (l.kind != LaneKind::Core && l.kind != LaneKind::Gil && l.process == pid)
        g.lanes.push_back(static_cast<int32_t>(i));
    }
    if (g.lanes.empty()) continue;
    for (const ProcessInfo& p : trace.processes)
      if (p.id == pid) {
        g.label = p.name.empty() ? "Process " + std::to_string(pid) : p.name;
        if (p.osPid != 0) g.label += " (pid " + std::to_string(p.osPid) + ")";
      }
    if (g.label.empty()) g.label = "Process " + std::to_string(pid);
    groups.push_back(std::move(g));
  }
  return groups;
}

// ---- folding of sub-pixel spans ---------------------------------------------------------------

size_t firstSegmentEndingAfter(const Lane& lane, Nanos t) {
  auto it = std::upper_bound(lane.segments.begin(), lane.segments.end(), t,
                             [](Nanos value, const Segment& s) { return value < s.end; });
  return static_cast<size_t>(it - lane.segments.begin());
}

size_t foldRunEnd(const std::vector<Segment>& segs, size_t i, Nanos hi, Nanos minNs, Nanos* end) {
  const size_t n = segs.size();
  const Segment& s = segs[i];
  *end = s.end;
  if (s.end - s.start >= minNs) return i + 1;
  size_t j = i + 1;
  Nanos lastEnd = s.end;
  while (j < n && lastEnd < hi) {
    // Every segment ending before lastEnd + minNs lies entirely in [lastEnd, that): narrow, and
    // no gap between them is as wide as minNs. Skip them in one binary search.
    const Nanos limit = lastEnd > INT64_MAX - minNs ? INT64_MAX : lastEnd + minNs;
    auto kIt = std::lower_bound(segs.begin() + static_cast<std::ptrdiff_t>(j), segs.end(), limit,
                                [](const Segment& seg, Nanos value) { return seg.end < value; });
    const size_t k = static_cast<size_t>(kIt - segs.begin());
    if (k > j) {
      lastEnd = segs[k - 1].end;
      j = k;
      continue;
    }
    const Segment& next = segs[j];
    if (next.end - next.start < minNs && next.start - lastEnd < minNs) {
      lastEnd = next.end;
      ++j;
      continue;
    }
    break;
  }
  *end = lastEnd;
  return j;
}

State dominantState(const std::vector<Segment>& segs, size_t first, size_t last) {
  Nanos total[static_cast<int>(State::Count)] = {};
  const size_t count = last - first;
  auto add = [&](const Segment& s) {
    int st = static_cast<int>(s.state);
    if (st >= 0 && st < static_cast<int>(State::Count)) total[st] += s.end - s.start;
  };
  if (count <= static_cast<size_t>(kFoldSamples)) {
    for (size_t i = first; i < last; ++i) add(segs[i]);
  } else {
    for (int m = 0; m < kFoldSamples; ++m)
      add(segs[first + static_cast<size_t>(m) * count / kFoldSamples]);
  }
  int best = static_cast<int>(segs[first].state);
  if (best < 0 || best >= static_cast<int>(State::Count)) best = 0;
  for (int st = 0; st < static_cast<int>(State::Count); ++st)
    if (total[st] > total[best]) best = st;
  return static_cast<State>(best);
}

bool continuesRun(const Segment& previous, const Segment& next) {
  return previous.end == next.start && previous.state == next.state &&
         previous.thread == next.thread && previous.label == next.label;
}

// ---- instants ---------------------------------------------------------------------------------

void mergeInstants(const Trace& trace, Nanos lo, Nanos hi, const std::vector<char>& laneShown,
                   const std::vector<InstantKind>& kinds, Nanos minSpacingNs,
                   std::vector<MergedInstant>* out) {
  out->clear();
  const int kindCount = static_cast<int>(InstantKind::Count);
  bool wanted[static_cast<int>(InstantKind::Count)] = {};
  for (InstantKind k : kinds)
    if (static_cast<int>(k) < kindCount) wanted[static_cast<int>(k)] = true;
  // Index of the last mark per (lane, kind), to merge close instants.
  std::vector<int32_t> last(laneShown.size() * kindCount, -1);
  auto it = std::lower_bound(trace.instants.begin(), trace.instants.end(), lo,
                             [](const Instant& in, Nanos t) { return in.time < t; });
  for (; it != trace.instants.end() && it->time <= hi; ++it) {
    const int kind = static_cast<int>(it->kind);
    if (kind < 0 || kind >= kindCount || !wanted[kind]) continue;
    if (it->lane < 0 || it->lane >= static_cast<int32_t>(laneShown.size()) || !laneShown[it->lane])
      continue;
    int32_t& slot = last[static_cast<size_t>(it->lane) * kindCount + kind];
    if (slot >= 0 && it->time - (*out)[slot].time < minSpacingNs) {
      ++(*out)[slot].count;
      continue;
    }
    MergedInstant m;
    m.time = it->time;
    m.lane = it->lane;
    m.kind = it->kind;
    m.first = static_cast<int32_t>(it - trace.instants.begin());
    m.count = 1;
    slot = static_cast<int32_t>(out->size());
    out->push_back(m);
  }
}

}  // namespace interleave
