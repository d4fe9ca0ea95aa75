// The page's state in one serialisable structure: what a share link or an embed must carry to
// reopen exactly this view (issue 6 builds on it). No ImGui, no Emscripten: unit-tested natively.
//
// JSON form (version 1), every key optional when reading (missing keys keep their defaults,
// unknown keys are ignored, so old links keep opening):
//   {"version":1, "code":"...", "settings":{"cores":"2","gil":"off"},
//    "view":{"start_ns":0,"end_ns":12000000}, "range":{"start_ns":0,"end_ns":0},
//    "collapsed":[-1,0],
//    "selected_thread":-1, "selected_line":0, "cursor_ns":-1, "playback_speed":0.1,
//    "tab":"output"}
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace interleave::ui {

struct PageState {
  static constexpr int kVersion = 1;

  std::string code;
  // Machine settings the user changed in the panel, applied on top of the program's own
  // `# interleave:` header, in the order they were set. Keys and values as in
  // engine/machine_config.h's applySettings ("cores" -> "2", "switch_interval" -> "1ms").
  std::vector<std::pair<std::string, std::string>> settings;
  // Visible time range in ns; viewEnd <= viewStart means "fit the whole run".
  double viewStart = 0, viewEnd = 0;
  // The measured range (right-drag on the chart) in ns; rangeEnd <= rangeStart: none.
  double rangeStart = 0, rangeEnd = 0;
  std::vector<int32_t> collapsedGroups;  // kCoresGroup (-1) or process ids
  int32_t selectedThread = -1;           // highlighted everywhere, -1 none
  int32_t selectedLine = 0;              // source line whose segments are highlighted, 0 none
  double cursorNs = -1;                  // playback / time cursor, < 0 none
  double playbackSpeed = 0.1;            // virtual seconds per real second
  std::string tab = "output";            // bottom panel: output, errors, metrics, cursor

  // "key=value key=value" for lang::ProgramRun.
  std::string settingsString() const;
  // Sets (or replaces) one override; an empty value removes it.
  void setSetting(const std::string& key, const std::string& value);
  const std::string* setting(const std::string& key) const;

  std::string toJson() const;
  // Reads the JSON form into *this (fields not present keep their values). False with *error
  // set if the text is not a JSON object or a field has the wrong type.
  bool fromJson(const std::string& json, std::string* error);
};

// JSON string literal for `s` (quotes included), escaping as RFC 8259 requires.
std::string jsonQuote(const std::string& s);

}  // namespace interleave::ui
