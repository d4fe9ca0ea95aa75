// interleave: the command-line front end (native, and as wasm under Node).
//
//   interleave list
//   interleave scenario NAME [--cores N] [--gil on|off] [--switch-interval 5ms] [--time-slice 3ms]
//                            [--start-method fork|forkserver|spawn] [--seed S]
//                            [--set key=value ...] [--format text|json|chrome|svg] [-o OUT]
//                            [--width N] [--title TEXT] [--range START:END]
//   interleave run FILE.py [same options] [--format output|text|json|chrome|svg]
//   interleave run gallery:NAME [--variant LABEL] [same options]
//   interleave gallery [NAME]
//
// Exit status: 0 success, 2 usage or input error (message on stderr).
// No exceptions (they are off under Emscripten), no locale, no floating point.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gallery.h"
#include "runner.h"
#include "scenarios.h"
#include "trace.h"
#include "trace_writers.h"

namespace {

using namespace interleave;

constexpr int kExitUsage = 2;

const char kUsage[] =
    "usage: interleave <command> [options]\n"
    "\n"
    "commands:\n"
    "  list                      the built-in scenarios (name and title)\n"
    "  scenario NAME [options]   run a built-in scenario\n"
    "  run FILE.py [options]     run a Python program on the simulated machine\n"
  "  run gallery:NAME [options]  run a gallery example (NAME: slug or number;\n"
  "                            --variant LABEL picks one of its compare variants)\n"
  "  gallery [NAME]            the gallery's examples, or the source of one\n"
    "  help                      this text\n"
    "\n"
    "options:\n"
    "  --cores N                 simulated cores (default 4)\n"
    "  --gil on|off              CPython's GIL, or the free-threaded build (default on)\n"
    "  --switch-interval D       sys.setswitchinterval, e.g. 5ms, 100us (default 5ms)\n"
    "  --time-slice D            the OS scheduler's time slice (default 3ms)\n"
    "  --start-method M          fork, forkserver or spawn (default fork)\n"
    "  --seed S                  the seed of the simulation's random generator (default 1)\n"
    "  --latency D               network latency of requests/aiohttp (default 200ms)\n"
    "  --disk-latency D          one disk access of open()/read/write (default 100us)\n"
    "  --set KEY=VALUE           any machine setting, as in '# interleave: cores=2 gil=off'\n"
    "                            (repeatable)\n"
    "  --format F                text (output, Gantt chart, metrics), json (the documented\n"
    "                            trace schema), chrome (Chrome trace JSON for Perfetto), svg\n"
    "                            (the Gantt chart as an SVG image) or, for run, output\n"
    "                            (exactly what the program wrote, exit status like python3)\n"
    "                            (default text)\n"
    "  -o, --output FILE         write to FILE instead of standard output\n"
    "  --width N                 columns of the text Gantt chart (10-1000, default 100), or\n"
    "                            pixels of the SVG (320-8000, default 1200)\n"
    "  --title TEXT              the SVG's title line (default: the program's file name)\n"
    "  --range START:END         the time range the SVG shows, e.g. 0:50ms (default: all)\n"
  "  --variant LABEL           run gallery:NAME only: which compare variant (default: the\n"
  "                            file as written)\n"
    "  -h, --help                this text\n";

int usageError(const std::string& message) {
  std::fprintf(stderr, "interleave: %s\n", message.c_str());
  std::fprintf(stderr, "Try 'interleave --help'.\n");
  return kExitUsage;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "interleave: %s\n", message.c_str());
  return kExitUsage;
}

bool writeAll(std::FILE* f, const std::string& text) {
  return text.empty() || std::fwrite(text.data(), 1, text.size(), f) == text.size();
}

// Decimal integer in [lo, hi]; no signs, no spaces.
bool parseInt(const std::string& text, long long lo, long long hi, long long* out) {
  if (text.empty() || text.size() > 18) return false;
  long long v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool hasSpace(const std::string& s) {
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
  }
  return false;
}

// The name output lines are stamped with: the thread's lane name as in the chart (which says
// the process too when there are several, e.g. "Process-1 / MainThread"), else its name.
const std::string& threadName(const Trace& t, int32_t id, std::string* scratch) {
  const ThreadInfo* info = nullptr;
  if (id >= 0 && id < static_cast<int32_t>(t.threads.size()) && t.threads[id].id == id) {
    info = &t.threads[id];
  } else {
    for (const ThreadInfo& candidate : t.threads) {
      if (candidate.id == id) info = &candidate;
    }
  }
  if (!info) {
    *scratch = "thread " + std::to_string(id);
    return *scratch;
  }
  if (info->lane >= 0 && info->lane < static_cast<int32_t>(t.lanes.size()) &&
      t.lanes[info->lane].thread == id && !t.lanes[info->lane].name.empty()) {
    return t.lanes[info->lane].name;
  }
  return info->name;
}

// Program output, each line stamped with its virtual time and thread.
std::string outputToText(const Trace& t) {
  std::string out;
  if (t.output.empty()) return out;
  std::vector<std::string> stamps;
  size_t stampWidth = 0;
  for (const OutputLine& line : t.output) {
    stamps.push_back(formatFixed(line.time, kMillisecond, 3) + "ms");
    stampWidth = std::max(stampWidth, stamps.back().size());
  }
  std::string scratch;
  for (size_t i = 0; i < t.output.size(); ++i) {
    const OutputLine& line = t.output[i];
    out += '[';
    out.append(stampWidth - stamps[i].size(), ' ');
    out += stamps[i];
    out += "] ";
    out += threadName(t, line.thread, &scratch);
    if (line.stream == 2) out += " (stderr)";
    out += ": ";
    out += line.text;
    out += '\n';
  }
  out += '\n';
  return out;
}

int commandList() {
  size_t nameWidth = 0;
  for (const BuiltinScenario& s : builtinScenarios()) nameWidth = std::max(nameWidth, s.name.size());
  std::string out;
  for (const BuiltinScenario& s : builtinScenarios()) {
    out += s.name;
    out.append(nameWidth + 2 - s.name.size(), ' ');
    out += s.title;
    out += '\n';
  }
  return writeAll(stdout, out) ? 0 : fail("cannot write to standard output");
}

struct Options {
  std::vector<std::string> positional;
  std::string settings;  // "key=value key=value ..." for runBuiltin
  std::string format = "text";
  std::string outputPath;
  long long width = -1;  // -1: the format's default
  bool hasTitle = false;
  std::string title;
  Nanos rangeStart = 0, rangeEnd = 0;  // rangeEnd <= rangeStart: everything
  std::string variant;  // run gallery:NAME --variant LABEL
};

constexpr int kTextDefaultWidth = 100;
constexpr int kTextMinWidth = 10;
constexpr int kTextMaxWidth = 1000;

void addSetting(Options& o, const std::string& key, const std::string& value) {
  if (!o.settings.empty()) o.settings += ' ';
  o.settings += key;
  o.settings += '=';
  o.settings += value;
}

// Parses options after the command. Returns -1 on success, else the exit code.
int parseOptions(int argc, char** argv, int first, Options* o) {
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string flag = arg, inlineValue;
    bool hasInline = false;
    if (arg.size() > 2 && arg[0] == '-' && arg[1] == '-') {
      const size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        flag = arg.substr(0, eq);
        inlineValue = arg.substr(eq + 1);
        hasInline = true;
      }
    }
    const auto value = [&](std::string* out) -> bool {
      if (hasInline) {
        *out = inlineValue;
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (flag == "-h" || flag == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (flag == "--cores" || flag == "--gil" || flag == "--switch-interval" ||
        flag == "--time-slice" || flag == "--start-method" || flag == "--seed" ||
        flag == "--latency" || flag == "--disk-latency") {
      if (!value(&v)) return usageError("option " + flag + " needs a value");
      if (v.empty() || hasSpace(v)) return usageError("invalid value for " + flag + ": '" + v + "'");
      std::string key = flag.substr(2);
      for (char& c : key) {
        if (c == '-') c = '_';
      }
      addSetting(*o, key, v);
    } else if (flag == "--set") {
      if (!value(&v)) return usageError("option --set needs KEY=VALUE");
      const size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == v.size() || hasSpace(v)) {
        return usageError("--set expects KEY=VALUE, got '" + v + "'");
      }
      addSetting(*o, v.substr(0, eq), v.substr(eq + 1));
    } else if (flag == "--format") {
      if (!value(&v)) return usageError("option --format needs a value");
      if (v != "text" && v != "json" && v != "chrome" && v != "svg" && v != "output") {
        return usageError("unknown format '" + v + "' (expected text, json, chrome, svg or output)");
      }
      o->format = v;
    } else if (flag == "-o" || flag == "--output") {
      if (!value(&v) || v.empty()) return usageError("option " + flag + " needs a file name");
      o->outputPath = v;
    } else if (flag == "--variant") {
      if (!value(&v) || v.empty()) return usageError("option --variant needs a label");
      o->variant = v;
    } else if (flag == "--width") {
      long long w = 0;
      if (!value(&v)) return usageError("option --width needs a value");
      if (!parseInt(v, 1, 1000000, &w)) return usageError("--width expects a number, got '" + v + "'");
      o->width = w;  // checked against the format's range once all options are read
    } else if (flag == "--title") {
      if (!value(&v)) return usageError("option --title needs a value");
      o->title = v;
      o->hasTitle = true;
    } else if (flag == "--range") {
      if (!value(&v)) return usageError("option --range needs START:END");
      const size_t colon = v.find(':');
      Nanos a = 0, b = 0;
      if (colon == std::string::npos || !parseDuration(v.substr(0, colon), &a) ||
          !parseDuration(v.substr(colon + 1), &b) || b <= a) {
        return usageError("--range expects START:END with END after START, e.g. 0:50ms, got '" + v + "'");
      }
      o->rangeStart = a;
      o->rangeEnd = b;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usageError("unknown option '" + arg + "'");
    } else {
      o->positional.push_back(arg);
    }
  }
  if (o->width >= 0) {
    const bool svg = o->format == "svg";
    const long long lo = svg ? kSvgMinWidth : kTextMinWidth, hi = svg ? kSvgMaxWidth : kTextMaxWidth;
    if (o->width < lo || o->width > hi) {
      return usageError("--width for --format " + std::string(svg ? "svg" : "text") + " expects a number from " +
                        std::to_string(lo) + " to " + std::to_string(hi) + ", got " + std::to_string(o->width));
    }
  }
  return -1;
}

// The SVG of a trace with the command line's options; `name` is the default title.
std::string svgOf(const Trace& trace, const Options& o, const std::string& name) {
  SvgOptions svg;
  svg.width = o.width >= 0 ? static_cast<int>(o.width) : kSvgDefaultWidth;
  svg.title = o.hasTitle ? o.title : name;
  svg.start = o.rangeStart;
  svg.end = o.rangeEnd;
  return traceToSvg(trace, svg);
}

int textWidth(const Options& o) { return o.width >= 0 ? static_cast<int>(o.width) : kTextDefaultWidth; }

int emit(const Options& o, const std::string& text) {
  if (o.outputPath.empty()) {
    if (!writeAll(stdout, text) || std::fflush(stdout) != 0) {
      return fail("cannot write to standard output");
    }
    return 0;
  }
  std::FILE* f = std::fopen(o.outputPath.c_str(), "wb");
  if (!f) return fail("cannot open '" + o.outputPath + "' for writing: " + std::strerror(errno));
  const bool ok = writeAll(f, text);
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) return fail("cannot write '" + o.outputPath + "'");
  return 0;
}

int commandScenario(int argc, char** argv) {
  Options o;
  const int rc = parseOptions(argc, argv, 2, &o);
  if (rc >= 0) return rc;
  if (o.positional.empty()) return usageError("scenario needs a NAME (see 'interleave list')");
  if (o.positional.size() > 1) return usageError("unexpected argument '" + o.positional[1] + "'");
  if (!o.variant.empty()) return usageError("--variant is for 'run gallery:NAME'");
  const std::string& name = o.positional[0];
  const BuiltinScenario* scenario = findScenario(name);
  if (!scenario) return fail("unknown scenario '" + name + "' (see 'interleave list')");

  Trace trace;
  std::string error;
  if (!runBuiltin(name, o.settings, &trace, &error)) {
    return fail(error.empty() ? "invalid settings '" + o.settings + "'" : error);
  }

  std::string text;
  if (o.format == "json") {
    text = traceToJson(trace);
  } else if (o.format == "chrome") {
    text = traceToChrome(trace);
  } else if (o.format == "svg") {
    text = svgOf(trace, o, scenario->name + ": " + scenario->title);
  } else {
    text = "scenario ";
    text += scenario->name;
    text += ": ";
    text += scenario->title;
    text += "\nsettings: ";
    text += describeSettings(trace.config);
    text += "\n\n";
    text += outputToText(trace);
    text += traceToText(trace, textWidth(o));
  }
  return emit(o, text);
}

bool readFile(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

int commandRun(int argc, char** argv) {
  Options o;
  const int rc = parseOptions(argc, argv, 2, &o);
  if (rc >= 0) return rc;
  if (o.positional.empty()) return usageError("run needs a FILE.py");
  if (o.positional.size() > 1) return usageError("unexpected argument '" + o.positional[1] + "'");
  std::string path = o.positional[0];
  std::string source, settings = o.settings;
  static const std::string kGalleryPrefix = "gallery:";
  if (path.compare(0, kGalleryPrefix.size(), kGalleryPrefix) == 0) {
    const std::string name = path.substr(kGalleryPrefix.size());
    const gallery::Example* ex = gallery::findExample(name);
    if (!ex) return fail("no gallery example '" + name + "' (see 'interleave gallery')");
    path = "gallery/" + ex->file;
    source = ex->source;
    if (!o.variant.empty()) {
      const int k = gallery::findVariant(*ex, o.variant);
      if (k < 0) {
        std::string labels;
        for (const gallery::Variant& v : ex->variants) labels += (labels.empty() ? "" : ", ") + v.label;
        return fail("'" + ex->slug + "' has no variant '" + o.variant + "'" +
                    (labels.empty() ? std::string(" (it has none)") : " (variants: " + labels + ")"));
      }
      const gallery::Variant& v = ex->variants[static_cast<size_t>(k)];
      source = v.code;
      // The variant's settings first: flags given on the command line still win.
      settings = v.settings + (v.settings.empty() || settings.empty() ? "" : " ") + settings;
    }
  } else {
    if (!o.variant.empty()) return usageError("--variant is for 'run gallery:NAME'");
    if (!readFile(path, &source)) return fail("cannot read '" + path + "': " + std::strerror(errno));
  }
  lang::ProgramOutcome run = lang::runProgram(path, source, settings);
  if (o.format == "output") {
    writeAll(stdout, run.stdoutText);
    std::fflush(stdout);
    writeAll(stderr, run.stderrText);
    return run.exitCode;
  }
  if (!run.ran) {
    writeAll(stderr, run.stderrText);
    return run.exitCode == 0 ? 1 : run.exitCode;
  }
  std::string text;
  if (o.format == "json") {
    text = traceToJson(run.trace);
  } else if (o.format == "chrome") {
    text = traceToChrome(run.trace);
  } else if (o.format == "svg") {
    const size_t slash = path.find_last_of('/');
    text = svgOf(run.trace, o, slash == std::string::npos ? path : path.substr(slash + 1));
  } else {
    text = "program " + path + "\nsettings: " + run.settings + "\n\n";
    text += outputToText(run.trace);
    text += traceToText(run.trace, textWidth(o));
  }
  int status = emit(o, text);
  if (status != 0) return status;
  return run.exitCode;
}

// `interleave gallery`: number, slug, title and variants of each example;
// `interleave gallery NAME`: the example's source, as written.
int commandGallery(int argc, char** argv) {
  if (argc > 3) return usageError("gallery takes at most one NAME");
  for (const std::string& e : gallery::loadErrors()) std::fprintf(stderr, "interleave: gallery: %s\n", e.c_str());
  if (argc == 3) {
    const gallery::Example* ex = gallery::findExample(argv[2]);
    if (!ex) return fail(std::string("no gallery example '") + argv[2] + "' (see 'interleave gallery')");
    return writeAll(stdout, ex->source) ? 0 : fail("cannot write to standard output");
  }
  size_t slugWidth = 0;
  for (const gallery::Example& ex : gallery::examples()) slugWidth = std::max(slugWidth, ex.slug.size());
  std::string out;
  for (const gallery::Example& ex : gallery::examples()) {
    out += ex.file.substr(0, ex.file.find('_')) + "  " + ex.slug;
    out.append(slugWidth + 2 - ex.slug.size(), ' ');
    out += ex.title;
    if (!ex.variants.empty()) {
      out += "  [compare:";
      for (const gallery::Variant& v : ex.variants) out += " " + v.label;
      out += "]";
    }
    out += '\n';
  }
  return writeAll(stdout, out) ? 0 : fail("cannot write to standard output");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (command == "list") {
    if (argc > 2) return usageError("list takes no arguments");
    return commandList();
  }
  if (command == "scenario") return commandScenario(argc, argv);
  if (command == "run") return commandRun(argc, argv);
  if (command == "gallery") return commandGallery(argc, argv);
  return usageError("unknown command '" + command + "'");
}
