#include "event_queue.h"

#include <gtest/gtest.h>

#include "random.h"

using namespace interleave;

TEST(EventQueue, PopsInTimeThenPriorityThenInsertionOrder) {
  EventQueue<int> q;
  q.push(20, EventPriority::Wake, 1);
  q.push(10, EventPriority::Timeout, 2);
  q.push(10, EventPriority::Completion, 3);
  q.push(10, EventPriority::Timeout, 4);
  q.push(5, EventPriority::Scheduler, 5);
  std::vector<int> order;
  while (!q.empty()) order.push_back(q.pop().payload);
  EXPECT_EQ(order, (std::vector<int>{5, 3, 2, 4, 1}));
}

TEST(EventQueue, EqualKeysRunFirstInFirstOut) {
  EventQueue<int> q;
  for (int i = 0; i < 100; ++i) q.push(7, EventPriority::Wake, i);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(q.pop().payload, i);
}

// The simulation only schedules at or after the current time, so popped times never go back.
// (A lower priority pushed at the current time runs next: priority orders what is queued.)
TEST(EventQueue, PoppedTimesNeverDecreaseUnderRandomLoad) {
  EventQueue<int> q;
  Random rng(42);
  EventKey last{};
  int popped = 0;
  for (int round = 0; round < 20000; ++round) {
    if (q.empty() || rng.chance(3, 5)) {
      // Only schedule at or after the last popped time, as the simulation does.
      q.push(last.time + rng.between(0, 1000), static_cast<EventPriority>(rng.below(4)), round);
    } else {
      auto e = q.pop();
      EXPECT_GE(e.key.time, last.time);
      last = e.key;
      ++popped;
    }
  }
  EXPECT_GT(popped, 1000);
}

TEST(EventQueue, SequenceNumbersAreUniqueAcrossPushesAndStamps) {
  EventQueue<int> q;
  auto a = q.push(1, EventPriority::Wake, 0);
  uint64_t s = q.stampSequence();
  auto b = q.push(1, EventPriority::Wake, 0);
  EXPECT_LT(a.sequence, s);
  EXPECT_LT(s, b.sequence);
}
