// The page's exports, the Emscripten side (app_main.cpp calls these around each frame; the views
// only record what was chosen in PageView::exportRequest). See app_exports.cpp.
#pragma once
#include "view.h"

namespace interleave::ui {

// The page the exports read (once, from main()).
void exportsInit(PageView* view);
// Before a frame: if a PNG is due this frame, moves ImGui's mouse away so no hover line or
// tooltip lands in the picture.
void exportsBeforeFrame();
// After the frame was rendered (the WebGL drawing buffer still holds it): hands an Export menu
// choice to the page's script, and gives it the chart's rectangle to copy for a due PNG.
void exportsAfterRender();

}  // namespace interleave::ui
