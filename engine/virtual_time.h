// Virtual time: integer nanoseconds everywhere, so native and wasm builds agree to the bit.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace interleave {

using Nanos = int64_t;

constexpr Nanos kNanosecond = 1;
constexpr Nanos kMicrosecond = 1000;
constexpr Nanos kMillisecond = 1000 * kMicrosecond;
constexpr Nanos kSecond = 1000 * kMillisecond;
constexpr Nanos kNever = INT64_MAX;  // "no such time": a timer that is not armed

// "5ms", "1.25s", "250us", "17ns": shortest exact-ish form, integer arithmetic only.
std::string formatDuration(Nanos ns);
// Fixed unit with `decimals` digits, e.g. formatFixed(1234567, kMillisecond, 2) == "1.23".
// Rounds half away from zero; no floating point involved.
std::string formatFixed(Nanos value, Nanos unit, int decimals);
// Parses "5ms", "0.001s", "100us", "250ns", "2" (seconds). Returns false on malformed input.
bool parseDuration(std::string_view text, Nanos* out);

}  // namespace interleave
