// The project's own seeded generator (xoshiro256** seeded by splitmix64) and distributions.
// std:: distributions differ between libstdc++ and libc++, so none are used: every draw here is
// integer arithmetic, identical natively and in wasm.
#pragma once
#include <cstdint>

namespace interleave {

class Random {
 public:
  explicit Random(uint64_t seed = 1) { reseed(seed); }
  void reseed(uint64_t seed);

  uint64_t nextU64();
  // Uniform integer in [0, bound) without modulo bias (Lemire's method); bound > 0.
  uint64_t below(uint64_t bound);
  // Uniform integer in [lo, hi] (inclusive); requires lo <= hi.
  int64_t between(int64_t lo, int64_t hi);
  // Uniform in [0, 1) with 53 random bits (exact: one multiply by 2^-53).
  double unit();
  // True with probability numerator/denominator.
  bool chance(uint64_t numerator, uint64_t denominator);
  // A value around `mean` with +/- `spread` uniform jitter, never below zero.
  int64_t jitter(int64_t mean, int64_t spread);

 private:
  uint64_t s_[4];
};

}  // namespace interleave
