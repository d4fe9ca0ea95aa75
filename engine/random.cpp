#include "random.h"

namespace interleave {

namespace {
uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

void Random::reseed(uint64_t seed) {
  uint64_t x = seed;
  for (uint64_t& s : s_) s = splitmix64(x);
}

uint64_t Random::nextU64() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

uint64_t Random::below(uint64_t bound) {
  if (bound <= 1) return 0;
  // Lemire's nearly-divisionless method with 64x64->128 multiply done by hand (no __int128 in
  // every toolchain we target).
  for (;;) {
    uint64_t x = nextU64();
    uint64_t xl = x & 0xFFFFFFFFULL, xh = x >> 32;
    uint64_t bl = bound & 0xFFFFFFFFULL, bh = bound >> 32;
    uint64_t ll = xl * bl, lh = xl * bh, hl = xh * bl, hh = xh * bh;
    uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFULL) + (hl & 0xFFFFFFFFULL);
    uint64_t high = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    uint64_t low = x * bound;
    if (low >= bound) return high;
    uint64_t threshold = (0 - bound) % bound;
    if (low >= threshold) return high;
  }
}

int64_t Random::between(int64_t lo, int64_t hi) {
  uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
  if (span == 0) return static_cast<int64_t>(nextU64());  // full 64-bit range
  return static_cast<int64_t>(static_cast<uint64_t>(lo) + below(span));
}

double Random::unit() { return static_cast<double>(nextU64() >> 11) * (1.0 / 9007199254740992.0); }

bool Random::chance(uint64_t numerator, uint64_t denominator) {
  return below(denominator) < numerator;
}

int64_t Random::jitter(int64_t mean, int64_t spread) {
  if (spread <= 0) return mean;
  int64_t v = between(mean - spread, mean + spread);
  return v < 0 ? 0 : v;
}

}  // namespace interleave
