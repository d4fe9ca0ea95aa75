// The event core: one ordering rule for everything that happens in a simulation.
//
// THE RULE: events run in ascending (time, priority, sequence).
//   - time: virtual nanoseconds.
//   - priority: a small integer class (see EventPriority); lower runs first at equal times.
//   - sequence: a counter stamped at insertion, unique per simulation; equal (time, priority)
//     therefore run first-in first-out.
// Invariants (checked by tests): popped keys never decrease; the order depends only on the
// sequence of pushes, never on addresses, hashing or the standard library's heap layout
// (ties are impossible because sequence numbers are unique).
#pragma once
#include <cstdint>
#include <vector>

#include "virtual_time.h"

namespace interleave {

// Priority classes at equal times. Releases before wake-ups before timeouts, so that a resource
// freed at t is visible to a waiter whose timeout is also at t (CPython's waiters likewise see a
// release that races their deadline). Running threads come last: they observe a settled world.
enum class EventPriority : uint8_t {
  Completion = 0,  // I/O done, sleep over, process start-up finished
  Wake = 1,        // a blocked thread is made runnable by another's action
  Timeout = 2,     // GIL wait interval, lock/queue/event timeouts
  Scheduler = 3,   // OS time-slice ends
  Runner = 4,      // a thread on a core advancing its own work (not queued; see Simulation)
};

struct EventKey {
  Nanos time = 0;
  uint8_t priority = 0;
  uint64_t sequence = 0;

  friend bool operator<(const EventKey& a, const EventKey& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.sequence < b.sequence;
  }
  friend bool operator==(const EventKey& a, const EventKey& b) {
    return a.time == b.time && a.priority == b.priority && a.sequence == b.sequence;
  }
};

// A binary min-heap of (key, payload). Written out (not std::priority_queue) so the layout and
// therefore the cost are the same under libstdc++ and libc++; the order is fixed by the keys.
template <class Payload>
class EventQueue {
 public:
  struct Entry {
    EventKey key;
    Payload payload;
  };

  // Stamps the next sequence number and inserts. Returns the key (useful for cancellation maps).
  EventKey push(Nanos time, EventPriority priority, const Payload& payload) {
    EventKey key{time, static_cast<uint8_t>(priority), nextSequence_++};
    heap_.push_back(Entry{key, payload});
    siftUp(heap_.size() - 1);
    return key;
  }
  // A sequence number for something ordered by the same rule but kept elsewhere (runners).
  uint64_t stampSequence() { return nextSequence_++; }

  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  const Entry& top() const { return heap_.front(); }
  Nanos nextTime() const { return heap_.empty() ? kNever : heap_.front().key.time; }

  Entry pop() {
    Entry out = heap_.front();
    heap_.front() = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) siftDown(0);
    return out;
  }

 private:
  void siftUp(size_t i) {
    while (i > 0) {
      size_t parent = (i - 1) / 2;
      if (!(heap_[i].key < heap_[parent].key)) break;
      std::swap(heap_[i], heap_[parent]);
      i = parent;
    }
  }
  void siftDown(size_t i) {
    const size_t n = heap_.size();
    for (;;) {
      size_t smallest = i, l = 2 * i + 1, r = l + 1;
      if (l < n && heap_[l].key < heap_[smallest].key) smallest = l;
      if (r < n && heap_[r].key < heap_[smallest].key) smallest = r;
      if (smallest == i) return;
      std::swap(heap_[i], heap_[smallest]);
      i = smallest;
    }
  }

  std::vector<Entry> heap_;
  uint64_t nextSequence_ = 0;
};

}  // namespace interleave
