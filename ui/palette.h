// One colour per State, everywhere (chart, legend, later SVG/PNG export). No ImGui include.
// Built on the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
// distinguishable for the common colour-vision deficiencies; the few states beyond its eight
// colours (event-loop/task states, context switches) use greys or tints of the same hues.
#pragma once
#include <cstdint>

#include "trace.h"

namespace interleave::ui {

// 0xRRGGBB.
uint32_t stateColor(State s);
// Black or white, whichever reads better on `rgb` (relative luminance, WCAG formula).
uint32_t textColorOn(uint32_t rgb);
// `rgb` scaled towards black by `factor` in [0,1] (1 = unchanged), for outlines and hover.
uint32_t shade(uint32_t rgb, float factor);
// `rgb` blended towards white by `amount` in [0,1].
uint32_t tint(uint32_t rgb, float amount);

}  // namespace interleave::ui
