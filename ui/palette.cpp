#include "palette.h"

#include <cmath>

namespace interleave::ui {

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

}  // namespace interleave::ui
