// CPython's random number generator, bit for bit (random.seed(42) gives CPython's numbers).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace interleave::lang {

// MT19937 as in CPython's Modules/_randommodule.c: same seeding (init_by_array over the 32-bit
// words of abs(seed)), same random() (53 bits from two outputs), same getrandbits().
struct MersenneTwister {
  uint32_t mt[624];
  int index = 625;
  void initGenrand(uint32_t s) {
    mt[0] = s;
    for (index = 1; index < 624; ++index) {
      mt[index] = 1812433253U * (mt[index - 1] ^ (mt[index - 1] >> 30)) + static_cast<uint32_t>(index);
    }
  }
  void initByArray(const std::vector<uint32_t>& key) {
    initGenrand(19650218U);
    size_t i = 1, j = 0;
    size_t k = 624 > key.size() ? 624 : key.size();
    for (; k; --k) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
      ++i;
      ++j;
      if (i >= 624) { mt[0] = mt[623]; i = 1; }
      if (j >= key.size()) j = 0;
    }
    for (k = 623; k; --k) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
      ++i;
      if (i >= 624) { mt[0] = mt[623]; i = 1; }
    }
    mt[0] = 0x80000000U;
    index = 624;
  }
  uint32_t next() {
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    if (index >= 624) {
      int kk;
      for (kk = 0; kk < 624 - 397; ++kk) {
        uint32_t y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
        mt[kk] = mt[kk + 397] ^ (y >> 1) ^ mag01[y & 1U];
      }
      for (; kk < 623; ++kk) {
        uint32_t y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
        mt[kk] = mt[kk + (397 - 624)] ^ (y >> 1) ^ mag01[y & 1U];
      }
      uint32_t y = (mt[623] & 0x80000000U) | (mt[0] & 0x7fffffffU);
      mt[623] = mt[396] ^ (y >> 1) ^ mag01[y & 1U];
      index = 0;
    }
    uint32_t y = mt[index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
  }
  double random() {
    uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
};


}  // namespace interleave::lang
