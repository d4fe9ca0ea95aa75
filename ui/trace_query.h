// Questions the page asks a trace, without drawing (no ImGui; unit-tested natively):
//   - what was each lane doing at time t, and the state of every lock and queue (the playback
//     cursor panel);
//   - the next / previous moment anything changed (playback "step");
//   - does a segment or a folded draw item belong to the highlighted thread or source line;
//   - where an error message points in the program (line, columns), read from the traceback;
//   - a synthetic trace of N segments (benchmarks of the chart).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "timeline_layout.h"
#include "trace.h"

namespace interleave::ui {

// Index of the segment of `lane` covering time t (start <= t < end), or -1.
int32_t segmentAt(const Lane& lane, Nanos t);

// Earliest segment boundary (start or end, any lane) or resource change strictly after t; -1 if
// none.
Nanos nextChange(const Trace& trace, Nanos t);
// Latest segment boundary or resource change strictly before t; -1 if none.
Nanos prevChange(const Trace& trace, Nanos t);

// What the chart highlights: a thread (clicked segment) and/or a source line (editor cursor).
struct Highlight {
  int32_t thread = -1;  // -1: any
  int32_t line = 0;     // 0: any
  bool active() const { return thread >= 0 || line > 0; }
};
bool segmentMatches(const Segment& s, const Highlight& h);
// A draw item matches if its segment does; a fold if any of up to kFoldSamples evenly spaced
// segments in it does (exact for folds of at most kFoldSamples segments).
bool itemMatches(const Trace& trace, const DrawItem& item, const Highlight& h);
// Item k continues item k-1 as one bar: both real segments of the same lane, touching, with the
// same state, thread and label (they differ only in their source line).
bool joinsPrevious(const Trace& trace, const DrawList& list, size_t k);
// First segment (lane, index) after time t matching h, in time order across lanes; false if none.
bool findMatch(const Trace& trace, const Highlight& h, Nanos after, int32_t* lane, int32_t* index);

// Index of the first output line at or after t (output is in time order); size() if none.
size_t outputAt(const Trace& trace, Nanos t);

// Where an error points, read from CPython-style stderr: the first traceback's innermost frame
// in `filename` (or a SyntaxError's "File ..., line N" with its caret line; columns are found
// again in `source`, the program), and its last line "Type: message". line 0 if the text names
// no line of the program.
struct ErrorLocation {
  int32_t line = 0;
  int32_t col = 0;     // 1-based, 0 unknown
  int32_t endCol = 0;  // 1-based exclusive, 0 unknown
  std::string type;    // "SyntaxError", "ZeroDivisionError", "InterleaveError", ...
  std::string message;  // "Type: text" as printed
};
ErrorLocation locateError(const std::string& stderrText, const std::string& filename,
                          const std::string& source);

// ---- Resources (Trace::resources): locks, semaphores and queues at time t ------------------

// The state of `r` at time t: its last recorded state at or before t (binary search), nullptr
// if t is before the first one.
const ResourceState* resourceStateAt(const Resource& r, Nanos t);

struct ResourceAt {
  const Resource* resource = nullptr;
  const ResourceState* state = nullptr;  // nullptr: not observed yet at t
  bool pastHistory = false;              // t is past the history limit: state is the last kept
};
// The resources made at or before t, in creation order: the Locks table (locks and semaphores)
// or, with `queues`, the Queues table.
std::vector<ResourceAt> resourcesAt(const Trace& trace, Nanos t, bool queues);

// One row of the panel's Locks or Queues table, as text.
struct ResourceRow {
  std::string name;     // "lock"
  std::string kind;     // "threading.Lock"
  std::string state;    // locks: "held by worker (depth 2)", "free", "value 1 / 2";
                        // queues: "3", "3 / 10" (size / maxsize)
  std::string items;    // queues: "'a', ('b', 2), ... +7 more"
  std::string waiters;  // lane names; queues: "get: A, B  put: C"
  bool held = false;    // locks: owned or value 0 (drawn highlighted)
};
ResourceRow describeResource(const Trace& trace, const ResourceAt& at);

// A trace of about `segments` segments over `lanes` thread lanes (plus a GIL lane and cores are
// not made), deterministic, with spans from 50 ns to 200 us: the chart's benchmarks.
Trace makeSyntheticTrace(int64_t segments, int lanes);

}  // namespace interleave::ui
