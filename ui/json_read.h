// A small JSON reader (RFC 8259) for what the page receives from JavaScript: the page state and
// share links. Values are read into a plain tree; numbers are doubles (the page's values are
// times in ns, small ints and speeds: all exact below 2^53). No ImGui, unit-tested natively.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace interleave::ui {

struct JsonValue {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::vector<std::pair<std::string, JsonValue>> object;  // in document order

  // Member `key` of an object (the last one if repeated), or nullptr.
  const JsonValue* find(const std::string& key) const;
};

// Parses `text` (one value, surrounding whitespace allowed). False with *error ("offset N: ...")
// on malformed input. Nesting deeper than 64 levels is refused (no stack exhaustion).
bool parseJson(const std::string& text, JsonValue* out, std::string* error);

}  // namespace interleave::ui
