// The page's one PageView, for the files that add JavaScript exports next to app_main.cpp
// (app_embed.cpp). Emscripten only.
#pragma once
#include "view.h"

namespace interleave::ui {

// nullptr until main() has set the page up.
PageView* appView();

}  // namespace interleave::ui
