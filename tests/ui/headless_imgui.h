// An ImGui context without a window or a GPU, for the view tests: a display of the given size,
// 60 fps frames, the default font built (NewFrame needs its atlas).
#pragma once
#include "imgui.h"

namespace interleave::ui {

inline void createHeadlessContext(float width, float height) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

}  // namespace interleave::ui
