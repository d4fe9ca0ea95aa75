// The gallery: example programs (gallery/NN_slug.py) embedded at build time, with the header
// each one carries. Used by the CLI (`interleave gallery`, `interleave run gallery:SLUG`), the
// page (the Gallery picker and compare mode) and the tests. No UI code.
//
// A gallery file is a runnable CPython program whose leading comment block is:
//
//   # Title in one line
//   #
//   # One paragraph of explanation: what to look at in the chart and why it happens,
//   # over as many comment lines as it needs.
//   #
//   # interleave: cores=2                  (machine settings, as in any scenario)
//   # compare-code: MODEL = "a" | "b"     (optional: variants that differ in one line)
//   # compare-settings: gil=on | gil=off  (optional: variants that differ in settings)
//
// compare-code variants replace the program's first top-level line `MODEL = ...` with
// `MODEL = "a"` (and so on); compare-settings variants run the program unchanged with those
// settings on top of its header. The *live* variant is the one the file itself is (its own
// `MODEL = ...` line; for settings, the variant that changes nothing), else the last one.
#pragma once
#include <string>
#include <vector>

namespace interleave::gallery {

enum class CompareKind { None, Code, Settings };

struct Variant {
  std::string label;     // "threads", "gil=off"
  std::string code;      // the whole program for this variant
  std::string settings;  // setting overrides for this variant ("" for code variants)
};

struct Example {
  std::string slug;  // the file name without its number and extension: "io_four_models"
  std::string file;  // "01_io_four_models.py"
  std::string title;
  std::string explanation;  // one paragraph, lines joined with spaces
  std::string settings;     // the `# interleave:` header's settings
  std::string source;       // the file as written
  CompareKind compare = CompareKind::None;
  std::string compareKey;         // compare-code: the variable, e.g. "MODEL"
  std::vector<Variant> variants;  // empty unless compare != None
  int liveVariant = -1;           // index into variants, -1 without variants
};

// Longest gallery file accepted (they are a few KB; this bounds the parser on bad input).
constexpr size_t kMaxExampleBytes = 64 * 1024;
// Most variants one example may carry (each one is a chart in compare mode).
constexpr size_t kMaxVariants = 6;

// Parses one gallery file. False with *error set if its header is malformed.
bool parseExample(const std::string& file, const std::string& source, Example* out,
                  std::string* error);

// `source` with its first top-level line assigning `key` replaced by `key = value`. False
// (and *out untouched) if there is no such line.
bool replaceAssignment(const std::string& source, const std::string& key, const std::string& value,
                       std::string* out);

// Every embedded example, in file order (parsed once). Files that fail to parse are left out;
// loadErrors() says why (the gallery test asserts it is empty).
const std::vector<Example>& examples();
const std::vector<std::string>& loadErrors();

// By slug ("io_four_models"), file name ("01_io_four_models.py") or number ("01" or "1").
const Example* findExample(const std::string& name);
// Index into ex.variants of the variant labelled `label`, or -1.
int findVariant(const Example& ex, const std::string& label);

// The list for the page, as JSON: [{"slug","file","title","explanation","settings",
// "compare":"none|code|settings","variants":[labels],"live":index}].
std::string listJson();

// The files, generated at build time from gallery/*.py (gallery/embed_gallery.cmake).
struct EmbeddedFile {
  const char* name;
  const unsigned char* bytes;
  unsigned int size;
};
extern const EmbeddedFile kEmbeddedGallery[];
extern const unsigned int kEmbeddedGalleryCount;

}  // namespace interleave::gallery
