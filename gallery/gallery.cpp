#include "gallery.h"

#include <cctype>

#include "json_escape.h"
#include "machine_config.h"
#include "runner.h"

namespace interleave::gallery {

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool isIdentifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

std::vector<std::string> splitBar(const std::string& text) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t bar = text.find('|', pos);
    parts.push_back(trim(text.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos)));
    if (bar == std::string::npos) break;
    pos = bar + 1;
  }
  return parts;
}

// "sequential" for "\"sequential\"" or "'sequential'", else the text itself.
std::string unquote(const std::string& v) {
  if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'') && v.back() == v[0]) return v.substr(1, v.size() - 2);
  return v;
}

// The slug of "01_io_four_models.py": "io_four_models".
std::string slugOf(const std::string& file) {
  std::string s = file;
  if (s.size() > 3 && s.compare(s.size() - 3, 3, ".py") == 0) s.resize(s.size() - 3);
  size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits > 0 && digits < s.size() && s[digits] == '_') s = s.substr(digits + 1);
  return s;
}

// The line that assigns `key` at the top level: starts at column 0 with `key` then `=`
// (not `==`). [begin, end) of the line, or npos.
std::pair<size_t, size_t> findAssignment(const std::string& source, const std::string& key) {
  size_t pos = 0;
  while (pos < source.size()) {
    size_t nl = source.find('\n', pos);
    size_t end = nl == std::string::npos ? source.size() : nl;
    if (source.compare(pos, key.size(), key) == 0) {
      size_t i = pos + key.size();
      while (i < end && (source[i] == ' ' || source[i] == '\t')) ++i;
      if (i < end && source[i] == '=' && (i + 1 >= end || source[i + 1] != '=')) return {pos, end};
    }
    pos = end + 1;
  }
  return {std::string::npos, std::string::npos};
}

std::string canonicalSettings(const std::string& header, const std::string& extra, std::string* error) {
  MachineConfig c;
  std::string err = applySettings(c, header);
  if (err.empty()) err = applySettings(c, extra);
  if (error) *error = err;
  return describeSettings(c);
}

}  // namespace

bool replaceAssignment(const std::string& source, const std::string& key, const std::string& value,
                       std::string* out) {
  auto [begin, end] = findAssignment(source, key);
  if (begin == std::string::npos) return false;
  *out = source.substr(0, begin) + key + " = " + value + source.substr(end);
  return true;
}

bool parseExample(const std::string& file, const std::string& source, Example* out,
                  std::string* error) {
  auto fail = [&](const std::string& message) {
    if (error) *error = file + ": " + message;
    return false;
  };
  if (source.size() > kMaxExampleBytes) return fail("longer than kMaxExampleBytes");
  Example ex;
  ex.file = file;
  ex.slug = slugOf(file);
  ex.source = source;
  if (!isIdentifier(ex.slug)) return fail("the file name must be NN_slug.py with a slug of [a-z0-9_]");

  // The leading comment block, one entry per line, "# " stripped.
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < source.size()) {
    size_t nl = source.find('\n', pos);
    std::string line = source.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? source.size() : nl + 1;
    if (line.empty() || line[0] != '#') break;
    lines.push_back(trim(line.substr(1)));
  }
  if (lines.empty() || lines[0].empty()) return fail("the first line must be '# Title'");
  ex.title = lines[0];
  size_t i = 1;
  if (i >= lines.size() || !lines[i].empty()) return fail("a '#' line must follow the title");
  ++i;
  for (; i < lines.size() && !lines[i].empty(); ++i) {
    if (startsWith(lines[i], "interleave:") || startsWith(lines[i], "compare-"))
      return fail("the explanation must come before the settings, after a '#' line");
    ex.explanation += (ex.explanation.empty() ? "" : " ") + lines[i];
  }
  if (ex.explanation.empty()) return fail("no explanation paragraph after the title");
  bool sawSettings = false;
  std::string compareText;
  for (; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty()) continue;
    if (startsWith(l, "interleave:")) {
      ex.settings = trim(l.substr(11));
      sawSettings = true;
    } else if (startsWith(l, "compare-code:") || startsWith(l, "compare-settings:")) {
      if (ex.compare != CompareKind::None) return fail("more than one compare line");
      const bool code = startsWith(l, "compare-code:");
      ex.compare = code ? CompareKind::Code : CompareKind::Settings;
      compareText = trim(l.substr(code ? 13 : 17));
    } else {
      return fail("unknown header line '# " + l + "' (expected interleave:, compare-code: or compare-settings:)");
    }
  }
  if (!sawSettings) return fail("no '# interleave:' settings line");
  // The runner reads the same line: they must agree (an explanation line mentioning
  // "interleave:" would be taken for the settings).
  if (trim(lang::headerSettings(source)) != ex.settings)
    return fail("the runner reads other settings: '" + lang::headerSettings(source) + "'");
  std::string settingsError;
  canonicalSettings(ex.settings, "", &settingsError);
  if (!settingsError.empty()) return fail("bad settings: " + settingsError);

  if (ex.compare == CompareKind::Code) {
    size_t eq = compareText.find('=');
    if (eq == std::string::npos) return fail("compare-code must read 'NAME = value | value ...'");
    ex.compareKey = trim(compareText.substr(0, eq));
    if (!isIdentifier(ex.compareKey)) return fail("compare-code: '" + ex.compareKey + "' is not a name");
    auto [begin, end] = findAssignment(source, ex.compareKey);
    if (begin == std::string::npos) return fail("no top-level line '" + ex.compareKey + " = ...' to vary");
    const std::string own = trim(source.substr(begin, end - begin));
    for (const std::string& value : splitBar(compareText.substr(eq + 1))) {
      if (value.empty()) return fail("compare-code: an empty value");
      Variant v;
      // A string reads well alone ("threads"); anything else with its name ("USE_LOCK = True").
      const std::string bare = unquote(value);
      v.label = bare != value ? bare : ex.compareKey + " = " + value;
      replaceAssignment(source, ex.compareKey, value, &v.code);
      if (ex.compareKey + " = " + value == own) ex.liveVariant = static_cast<int>(ex.variants.size());
      ex.variants.push_back(std::move(v));
    }
  } else if (ex.compare == CompareKind::Settings) {
    const std::string own = canonicalSettings(ex.settings, "", nullptr);
    for (const std::string& s : splitBar(compareText)) {
      if (s.empty()) return fail("compare-settings: an empty variant");
      std::string err;
      const std::string canon = canonicalSettings(ex.settings, s, &err);
      if (!err.empty()) return fail("compare-settings '" + s + "': " + err);
      Variant v;
      v.label = s;
      v.code = source;
      v.settings = s;
      if (canon == own && ex.liveVariant < 0) ex.liveVariant = static_cast<int>(ex.variants.size());
      ex.variants.push_back(std::move(v));
    }
  }
  if (ex.compare != CompareKind::None) {
    if (ex.variants.size() < 2) return fail("a compare line needs at least two variants");
    if (ex.variants.size() > kMaxVariants) return fail("more than kMaxVariants variants");
    for (size_t a = 0; a < ex.variants.size(); ++a)
      for (size_t b = a + 1; b < ex.variants.size(); ++b)
        if (ex.variants[a].label == ex.variants[b].label) return fail("two variants are both '" + ex.variants[a].label + "'");
    if (ex.liveVariant < 0) ex.liveVariant = static_cast<int>(ex.variants.size()) - 1;
  }
  *out = std::move(ex);
  return true;
}

namespace {

struct Loaded {
  std::vector<Example> examples;
  std::vector<std::string> errors;
};

const Loaded& loaded() {
  static const Loaded all = [] {
    Loaded l;
    for (unsigned int k = 0; k < kEmbeddedGalleryCount; ++k) {
      const EmbeddedFile& f = kEmbeddedGallery[k];
      std::string source(reinterpret_cast<const char*>(f.bytes), f.size);
      Example ex;
      std::string error;
      if (parseExample(f.name, source, &ex, &error)) {
        l.examples.push_back(std::move(ex));
      } else {
        l.errors.push_back(error);
      }
    }
    return l;
  }();
  return all;
}

}  // namespace

const std::vector<Example>& examples() { return loaded().examples; }
const std::vector<std::string>& loadErrors() { return loaded().errors; }

const Example* findExample(const std::string& name) {
  for (const Example& ex : examples())
    if (ex.slug == name || ex.file == name || ex.file == name + ".py") return &ex;
  // A number: "01" or "1".
  bool digits = !name.empty() && name.size() <= 3;
  for (char c : name) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  if (digits) {
    const int n = std::stoi(name);
    for (const Example& ex : examples()) {
      size_t d = 0;
      while (d < ex.file.size() && std::isdigit(static_cast<unsigned char>(ex.file[d]))) ++d;
      if (d > 0 && std::stoi(ex.file.substr(0, d)) == n) return &ex;
    }
  }
  return nullptr;
}

int findVariant(const Example& ex, const std::string& label) {
  for (size_t i = 0; i < ex.variants.size(); ++i)
    if (ex.variants[i].label == label) return static_cast<int>(i);
  return -1;
}

std::string listJson() {
  using detail::jsonString;
  std::string o = "[";
  bool first = true;
  for (const Example& ex : examples()) {
    o += first ? "" : ",";
    first = false;
    o += "{\"slug\":" + jsonString(ex.slug) + ",\"file\":" + jsonString(ex.file) +
         ",\"title\":" + jsonString(ex.title) + ",\"explanation\":" + jsonString(ex.explanation) +
         ",\"settings\":" + jsonString(ex.settings) + ",\"compare\":" +
         jsonString(ex.compare == CompareKind::Code       ? "code"
                    : ex.compare == CompareKind::Settings ? "settings"
                                                          : "none") +
         ",\"variants\":[";
    for (size_t i = 0; i < ex.variants.size(); ++i) {
      if (i) o += ',';
      o += jsonString(ex.variants[i].label);
    }
    o += "],\"live\":" + std::to_string(ex.liveVariant) + "}";
  }
  return o + "]";
}

}  // namespace interleave::gallery
