#include "page_state.h"

#include <cmath>
#include <cstdio>

#include "json_escape.h"
#include "json_read.h"

namespace interleave::ui {

std::string jsonQuote(const std::string& s) { return detail::jsonString(s); }

std::string PageState::settingsString() const {
  std::string out;
  for (const auto& [k, v] : settings) {
    if (!out.empty()) out += ' ';
    out += k + "=" + v;
  }
  return out;
}

void PageState::setSetting(const std::string& key, const std::string& value) {
  for (auto it = settings.begin(); it != settings.end(); ++it) {
    if (it->first != key) continue;
    if (value.empty()) settings.erase(it);
    else it->second = value;
    return;
  }
  if (!value.empty()) settings.emplace_back(key, value);
}

const std::string* PageState::setting(const std::string& key) const {
  for (const auto& [k, v] : settings)
    if (k == key) return &v;
  return nullptr;
}

namespace {

// Shortest text that reads back as the same double (%.17g trimmed): times are integers in
// practice and print as such.
std::string number(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 9e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int prec = 6; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

}  // namespace

std::string PageState::toJson() const {
  std::string out = "{\"version\":" + std::to_string(kVersion);
  out += ",\"code\":" + jsonQuote(code);
  out += ",\"settings\":{";
  for (size_t i = 0; i < settings.size(); ++i) {
    if (i) out += ',';
    out += jsonQuote(settings[i].first) + ":" + jsonQuote(settings[i].second);
  }
  out += "},\"view\":{\"start_ns\":" + number(viewStart) + ",\"end_ns\":" + number(viewEnd) + "}";
  out += ",\"range\":{\"start_ns\":" + number(rangeStart) + ",\"end_ns\":" + number(rangeEnd) + "}";
  out += ",\"collapsed\":[";
  for (size_t i = 0; i < collapsedGroups.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(collapsedGroups[i]);
  }
  out += "],\"selected_thread\":" + std::to_string(selectedThread);
  out += ",\"selected_line\":" + std::to_string(selectedLine);
  out += ",\"cursor_ns\":" + number(cursorNs);
  out += ",\"playback_speed\":" + number(playbackSpeed);
  out += ",\"tab\":" + jsonQuote(tab);
  out += "}";
  return out;
}

bool PageState::fromJson(const std::string& json, std::string* error) {
  JsonValue root;
  std::string err;
  if (!parseJson(json, &root, &err)) {
    if (error) *error = "page state: " + err;
    return false;
  }
  auto bad = [&](const char* what) {
    if (error) *error = std::string("page state: ") + what;
    return false;
  };
  if (root.type != JsonValue::Type::Object) return bad("not a JSON object");
  using T = JsonValue::Type;
  // Parse into a copy: a malformed field leaves *this untouched.
  PageState s = *this;
  auto num = [&](const JsonValue* v, double* out) {
    if (!v) return true;
    if (v->type != T::Number) return false;
    *out = v->number;
    return true;
  };
  auto int32 = [&](const JsonValue* v, int32_t* out) {
    double d = 0;
    if (!v) return true;
    if (!num(v, &d) || d != std::floor(d) || d < -2147483648.0 || d > 2147483647.0) return false;
    *out = static_cast<int32_t>(d);
    return true;
  };
  if (const JsonValue* v = root.find("version")) {
    if (v->type != T::Number) return bad("version is not a number");
    if (v->number > kVersion) return bad("made by a newer version of Interleave");
  }
  if (const JsonValue* v = root.find("code")) {
    if (v->type != T::String) return bad("code is not a string");
    s.code = v->string;
  }
  if (const JsonValue* v = root.find("settings")) {
    if (v->type != T::Object) return bad("settings is not an object");
    s.settings.clear();
    // settingsString() joins "key=value" words with spaces: a space in a value, or '=' in a key,
    // would smuggle in another setting. No real setting has either.
    auto word = [](const std::string& w, bool isKey) {
      if (w.empty() && isKey) return false;
      for (char c : w)
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || (isKey && c == '='))
          return false;
      return true;
    };
    for (const auto& [k, val] : v->object) {
      if (!word(k, true) || (val.type == T::String && !word(val.string, false)))
        return bad("a setting holds a space (or its name an '=')");
      if (val.type == T::String) s.setSetting(k, val.string);
      else if (val.type == T::Number) s.setSetting(k, number(val.number));
      else if (val.type == T::Bool) s.setSetting(k, val.boolean ? "on" : "off");
      else return bad("a setting is not a string");
    }
  }
  if (const JsonValue* v = root.find("view")) {
    if (v->type != T::Object) return bad("view is not an object");
    if (!num(v->find("start_ns"), &s.viewStart) || !num(v->find("end_ns"), &s.viewEnd))
      return bad("view times are not numbers");
  }
  if (const JsonValue* v = root.find("range")) {
    if (v->type != T::Object) return bad("range is not an object");
    if (!num(v->find("start_ns"), &s.rangeStart) || !num(v->find("end_ns"), &s.rangeEnd))
      return bad("range times are not numbers");
  }
  if (const JsonValue* v = root.find("collapsed")) {
    if (v->type != T::Array) return bad("collapsed is not an array");
    s.collapsedGroups.clear();
    for (const JsonValue& g : v->array) {
      int32_t id = 0;
      if (!int32(&g, &id)) return bad("collapsed holds a non-integer");
      s.collapsedGroups.push_back(id);
    }
  }
  if (!int32(root.find("selected_thread"), &s.selectedThread)) return bad("selected_thread");
  if (!int32(root.find("selected_line"), &s.selectedLine)) return bad("selected_line");
  if (!num(root.find("cursor_ns"), &s.cursorNs)) return bad("cursor_ns");
  if (!num(root.find("playback_speed"), &s.playbackSpeed)) return bad("playback_speed");
  if (!(s.playbackSpeed > 0)) s.playbackSpeed = 0.1;
  if (const JsonValue* v = root.find("tab")) {
    if (v->type != T::String) return bad("tab is not a string");
    s.tab = v->string;
  }
  *this = std::move(s);
  return true;
}

}  // namespace interleave::ui
