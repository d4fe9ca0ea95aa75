// What every picture of a trace shares, without drawing: the page's chart (ui/, Dear ImGui) and
// the SVG export (trace_svg.cpp) both use it, so they group, fold and colour the same way.
//   - colours: one per State (Okabe-Ito based, colour-blind safe), and the tints and shades of
//     outlines, folds and text;
//   - lane groups: cores first, then per process its GIL lane and its other lanes;
//   - folding (Tracy's rule): runs of spans narrower than a few pixels, with gaps narrower than
//     that, become one counted "fold" drawn in the state covering most of their time;
//   - instant merging: instants of one kind on one lane closer than a few pixels become one mark.
// Integer time only (the SVG must be the same bytes natively and in wasm). No UI include.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "trace.h"

namespace interleave {

// ---- colours ----------------------------------------------------------------------------------

// 0xRRGGBB of a state: the same colour means the same state in the chart, legend, tooltips and
// exports. Built on the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
// stays distinguishable for the common colour-vision deficiencies; the states beyond its eight
// colours (event-loop/task states, context switches) use greys or tints of the same hues.
uint32_t stateColor(State s);
// Black or white, whichever reads better on `rgb` (relative luminance, WCAG formula).
uint32_t textColorOn(uint32_t rgb);
// `rgb` scaled towards black by `factor` in [0,1] (1 = unchanged), for outlines and hover.
uint32_t shade(uint32_t rgb, float factor);
// `rgb` blended towards white by `amount` in [0,1].
uint32_t tint(uint32_t rgb, float amount);

// How folds are drawn: their state's colour tinted by this much, hatched with the colour itself.
constexpr float kFoldTint = 0.45f;

// ---- extent ----------------------------------------------------------------------------------

// Last time anything happens in the trace (segment ends, instants, makespan), at least 1 ns.
Nanos traceEnd(const Trace& trace);

// ---- lane groups ------------------------------------------------------------------------------

constexpr int32_t kCoresGroup = -1;  // group id of the cores; other groups are process ids

struct LaneGroup {
  int32_t group = kCoresGroup;  // kCoresGroup or a process id
  std::string label;            // "Cores", "MainProcess (pid 4242)", ...
  std::vector<int32_t> lanes;   // indices into Trace::lanes, in display order (never empty)
};

// Cores first (trace order); then the processes of Trace::processes in that order, then any
// other process id a lane names (sorted), so no lane is ever dropped. Within a process: its GIL
// lane(s), then its thread / event-loop / task lanes in trace order. Groups without lanes are
// left out.
std::vector<LaneGroup> laneGroups(const Trace& trace);

// ---- folding of sub-pixel spans ---------------------------------------------------------------

// A fold's state is the one covering most time among at most this many evenly spaced segments:
// a fold of a million spans costs no more than one of 64.
constexpr int kFoldSamples = 64;

// Index of the first segment of `lane` whose end is after t (segments are sorted and do not
// overlap, so ends are sorted too), i.e. the first one visible from t on.
size_t firstSegmentEndingAfter(const Lane& lane, Nanos t);

// The draw item that starts at segment i (visible, i.e. segs[i].start < hi): returns one past
// its last segment. A segment at least minNs long is an item of its own; a narrower one absorbs
// the following segments while they are narrower than minNs and so are the gaps between them,
// stopping at the first one that starts at or after hi. *end gets the item's end time. Runs of
// narrow segments are skipped by binary search, so an item costs O(log n) however many it holds.
size_t foldRunEnd(const std::vector<Segment>& segs, size_t i, Nanos hi, Nanos minNs, Nanos* end);

// The state covering the most time in segs[first, last) (sampled when there are more than
// kFoldSamples); ties go to the state of segs[first], then to the lower state.
State dominantState(const std::vector<Segment>& segs, size_t first, size_t last);

// Do two consecutive segments of a lane read as one bar? They touch and differ at most in their
// source line (same state, thread and label): one outline and one label for the run.
bool continuesRun(const Segment& previous, const Segment& next);

// ---- instants ---------------------------------------------------------------------------------

struct MergedInstant {
  Nanos time = 0;       // of the first instant of the mark
  int32_t lane = -1;    // index into Trace::lanes
  InstantKind kind = InstantKind::Mark;
  int32_t first = -1;   // index into Trace::instants
  int32_t count = 0;    // instants merged into this mark
};

// Marks for the instants of `kinds` in [lo, hi] on the lanes with laneShown[lane] != 0. An
// instant of one kind on one lane less than minSpacingNs after that lane and kind's last mark
// is counted into it. Instants are found by binary search on time.
void mergeInstants(const Trace& trace, Nanos lo, Nanos hi, const std::vector<char>& laneShown,
                   const std::vector<InstantKind>& kinds, Nanos minSpacingNs,
                   std::vector<MergedInstant>* out);

}  // namespace interleave
