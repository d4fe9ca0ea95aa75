// traceToSvg on hand-built traces: well-formed XML (checked by a small strict parser below),
// escaped labels, the legend, the time range, the width, folding of a million segments, the
// element limit. The CLI test (tests/cli/cli_test.py) also parses real runs with Python's XML
// parser, and tests/determinism/run.sh compares native and wasm bytes.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "chart_model.h"
#include "json_escape.h"
#include "trace.h"
#include "trace_writers.h"

namespace interleave {
namespace {

// --- a strict little XML 1.0 checker: prolog, nested elements, quoted attributes, the five
// predefined entities and character references, valid UTF-8 and no control characters ---
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // unescaped values
  std::string text;                               // unescaped character data directly inside
};

class XmlChecker {
 public:
  explicit XmlChecker(const std::string& s) : s_(s) {}
  bool valid() {
    if (s_.compare(0, 5, "<?xml") != 0) return fail("no XML declaration");
    const size_t end = s_.find("?>");
    if (end == std::string::npos) return fail("unterminated declaration");
    i_ = end + 2;
    ws();
    if (!element()) return false;
    ws();
    return i_ == s_.size() || fail("content after the root element");
  }
  std::vector<XmlElement> elements;  // in document order
  std::string error;

 private:
  bool fail(const std::string& why) {
    if (error.empty()) error = why + " at byte " + std::to_string(i_);
    return false;
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  static bool nameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
  static bool nameChar(char c) { return nameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
  bool name(std::string* out) {
    if (i_ >= s_.size() || !nameStart(s_[i_])) return fail("bad name");
    const size_t start = i_;
    while (i_ < s_.size() && nameChar(s_[i_])) ++i_;
    *out = s_.substr(start, i_ - start);
    return true;
  }
  // Character data up to `stop` (exclusive), unescaped into *out.
  bool chars(char stop, std::string* out) {
    while (i_ < s_.size() && s_[i_] != stop) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (stop == '"' && c == '<') return fail("'<' in an attribute");
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return fail("control character");
      if (c == '&') {
        const size_t semi = s_.find(';', i_);
        if (semi == std::string::npos) return fail("unterminated entity");
        const std::string e = s_.substr(i_ + 1, semi - i_ - 1);
        static const std::map<std::string, std::string> kEntities = {
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
        if (kEntities.count(e)) {
          *out += kEntities.at(e);
        } else if (e.size() > 1 && e[0] == '#') {
          *out += '?';
        } else {
          return fail("unknown entity &" + e + ";");
        }
        i_ = semi + 1;
        continue;
      }
      if (c >= 0x80) {
        const size_t n = detail::utf8SequenceLength(s_, i_);
        if (n == 0) return fail("invalid UTF-8");
        out->append(s_, i_, n);
        i_ += n;
        continue;
      }
      *out += static_cast<char>(c);
      ++i_;
    }
    return i_ < s_.size() || fail("unexpected end");
  }
  bool element() {
    if (i_ >= s_.size() || s_[i_] != '<') return fail("expected '<'");
    ++i_;
    XmlElement el;
    if (!name(&el.name)) return false;
    const size_t index = elements.size();
    elements.push_back(el);
    for (;;) {
      const size_t before = i_;
      ws();
      if (i_ >= s_.size()) return fail("unexpected end in a tag");
      if (s_[i_] == '/') {
        if (s_.compare(i_, 2, "/>") != 0) return fail("bad empty-element tag");
        i_ += 2;
        return true;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (i_ == before) return fail("attributes need spaces between them");
      std::string key, value;
      if (!name(&key)) return false;
      if (s_.compare(i_, 2, "=\"") != 0) return fail("attribute value must be double-quoted");
      i_ += 2;
      if (!chars('"', &value)) return false;
      ++i_;
      if (elements[index].attributes.count(key)) return fail("duplicate attribute " + key);
      elements[index].attributes[key] = value;
    }
    // Content: text and child elements until the matching end tag.
    for (;;) {
      std::string text;
      if (!chars('<', &text)) return false;
      elements[index].text += text;
      if (s_.compare(i_, 2, "</") == 0) {
        i_ += 2;
        std::string closing;
        if (!name(&closing)) return false;
        if (closing != elements[index].name) return fail("</" + closing + "> closes <" + elements[index].name + ">");
        ws();
        if (i_ >= s_.size() || s_[i_] != '>') return fail("bad end tag");
        ++i_;
        return true;
      }
      if (!element()) return false;
    }
  }
  const std::string& s_;
  size_t i_ = 0;
};

struct Parsed {
  bool ok = false;
  std::string error;
  std::vector<XmlElement> elements;
  size_t count(const std::string& name) const {
    size_t n = 0;
    for (const XmlElement& e : elements) n += e.name == name;
    return n;
  }
  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const XmlElement& e : elements)
      if (e.name == "text") out.push_back(e.text);
    return out;
  }
  bool hasText(const std::string& t) const {
    for (const std::string& s : texts())
      if (s == t) return true;
    return false;
  }
  bool anyTextContains(const std::string& t) const {
    for (const std::string& s : texts())
      if (s.find(t) != std::string::npos) return true;
    return false;
  }
};

Parsed parse(const std::string& svg) {
  XmlChecker c(svg);
  Parsed p;
  p.ok = c.valid();
  p.error = c.error;
  p.elements = std::move(c.elements);
  return p;
}

TEST(XmlChecker, RejectsBrokenXml) {
  EXPECT_TRUE(parse("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t &amp; u</a>\n").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a><b></a>").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a>x & y</a>").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a x=\"<\"/>").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a x='1'/>").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a>\x01</a>").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a>\xC3</a>").ok);
  EXPECT_FALSE(parse("<?xml version=\"1.0\"?><a/><b/>").ok);
}

// Two threads on two cores for 10 ms, a GIL lane, a hand-off and a drop request.
Trace sampleTrace() {
  Trace t;
  t.config.cores = 2;
  t.strings = {"main", "worker", "io"};
  t.processes.push_back({0, -1, 4242, "MainProcess", 2, 0, 10 * kMillisecond});
  t.threads.push_back({0, 0, 3, "MainThread", 0, 10 * kMillisecond});
  t.threads.push_back({1, 0, 4, "worker", 0, 10 * kMillisecond});
  Lane core0{0, LaneKind::Core, -1, -1, "Core 0", {}};
  core0.segments.push_back({0, 4 * kMillisecond, State::RunningPython, 0, 0, 3});
  Lane core1{1, LaneKind::Core, -1, -1, "Core 1", {}};
  core1.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::RunningPython, 1, 1, 7});
  Lane gil{2, LaneKind::Gil, 0, -1, "MainProcess GIL", {}};
  gil.segments.push_back({0, 4 * kMillisecond, State::GilHeld, 0, -1, -1});
  gil.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::GilHeld, 1, -1, -1});
  Lane main{3, LaneKind::Thread, 0, 0, "MainThread", {}};
  main.segments.push_back({0, 4 * kMillisecond, State::RunningPython, 0, 0, 3});
  main.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::BlockedIo, 0, 2, 4});
  Lane worker{4, LaneKind::Thread, 0, 1, "worker", {}};
  worker.segments.push_back({0, 4 * kMillisecond, State::WaitingGil, 1, -1, -1});
  worker.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::RunningPython, 1, 1, 7});
  t.lanes = {core0, core1, gil, main, worker};
  t.instants.push_back({3 * kMillisecond, 4, InstantKind::DropRequest, -1});
  t.instants.push_back({4 * kMillisecond, 2, InstantKind::GilHandoff, 1});
  t.metrics.makespan = 10 * kMillisecond;
  t.metrics.speedupPermille = 1000;
  t.completed = true;
  return t;
}

// `segments` alternating 1 us spans on `lanes` thread lanes of one process.
Trace busyTrace(int64_t segments, int lanes) {
  Trace t;
  t.processes.push_back({0, -1, 100, "MainProcess", -1, 0, 0});
  for (int l = 0; l < lanes; ++l) {
    Lane lane{l, LaneKind::Thread, 0, l, "T" + std::to_string(l), {}};
    const int64_t n = segments / lanes;
    lane.segments.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
      lane.segments.push_back({i * 1000, i * 1000 + 1000,
                               i % 3 == 0 ? State::WaitingGil : State::RunningPython, l, -1, -1});
    t.lanes.push_back(std::move(lane));
  }
  t.metrics.makespan = segments / lanes * 1000;
  return t;
}

TEST(TraceToSvg, IsWellFormedXmlWithTitleSummaryAndOneRowPerLane) {
  SvgOptions o;
  o.title = "gil_demo.py";
  const std::string svg = traceToSvg(sampleTrace(), o);
  const Parsed p = parse(svg);
  ASSERT_TRUE(p.ok) << p.error << "\n" << svg;
  ASSERT_FALSE(p.elements.empty());
  EXPECT_EQ(p.elements[0].name, "svg");
  EXPECT_EQ(p.elements[0].attributes.at("xmlns"), "http://www.w3.org/2000/svg");
  EXPECT_EQ(p.elements[0].attributes.at("width"), "1200");
  EXPECT_TRUE(p.hasText("gil_demo.py"));
  EXPECT_TRUE(p.anyTextContains("makespan 10 ms"));
  EXPECT_TRUE(p.anyTextContains("2 cores"));
  // Groups and lanes, in the page's order.
  for (const char* row : {"Cores", "Core 0", "Core 1", "MainProcess (pid 4242)", "MainProcess GIL",
                          "MainThread", "worker"})
    EXPECT_TRUE(p.hasText(row)) << row;
  // Labels inside wide bars: the segment's label, or the thread on the GIL lane.
  EXPECT_TRUE(p.hasText("io"));
  EXPECT_TRUE(p.hasText("MainThread"));
  // Bars in the state colours of the page.
  EXPECT_NE(svg.find("fill=\"#009E73\""), std::string::npos);  // running Python
  EXPECT_NE(svg.find("fill=\"#D55E00\""), std::string::npos);  // waiting for the GIL
}

TEST(TraceToSvg, LegendListsTheStatesAndMarksOfTheTrace) {
  const Parsed p = parse(traceToSvg(sampleTrace()));
  ASSERT_TRUE(p.ok) << p.error;
  for (State s : {State::RunningPython, State::WaitingGil, State::BlockedIo, State::GilHeld})
    EXPECT_TRUE(p.hasText(stateTitle(s))) << stateTitle(s);
  for (State s : {State::Runnable, State::BlockedSync, State::LoopIdle})
    EXPECT_FALSE(p.hasText(stateTitle(s))) << stateTitle(s);
  EXPECT_TRUE(p.hasText("GIL hand-off"));
  EXPECT_TRUE(p.hasText("drop request"));
  EXPECT_FALSE(p.hasText("short spans merged (zoom in)"));  // nothing was folded
  EXPECT_EQ(p.count("polygon"), 2u + 2u + 2u);  // two marks, their legend entries, two group triangles
}

TEST(TraceToSvg, EscapesUserStrings) {
  Trace t = sampleTrace();
  t.lanes[3].name = "<script>alert('x')</script> & \"co\"";
  t.strings[2] = "a\x01" "b\xFF" "c\tend";  // a control character, an invalid byte, a tab
  t.processes[0].name = "Proc<1>";
  SvgOptions o;
  o.title = "A & B <C>";
  const std::string svg = traceToSvg(t, o);
  const Parsed p = parse(svg);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;co&quot;"),
            std::string::npos);
  EXPECT_TRUE(p.hasText("A & B <C>"));
  EXPECT_TRUE(p.anyTextContains("Proc<1>"));
  EXPECT_TRUE(p.hasText("a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c end"));  // U+FFFD for both, tab as space
}

TEST(TraceToSvg, TimeRangeIsHonoured) {
  Trace t = sampleTrace();
  t.strings.push_back("early");
  t.strings.push_back("middle");
  t.strings.push_back("late");
  Lane extra{5, LaneKind::Thread, 0, 1, "marks", {}};
  extra.segments.push_back({0, kMillisecond, State::BlockedSync, 1, 3, -1});
  extra.segments.push_back({5 * kMillisecond, 6 * kMillisecond, State::BlockedSync, 1, 4, -1});
  extra.segments.push_back({9 * kMillisecond, 10 * kMillisecond, State::BlockedSync, 1, 5, -1});
  t.lanes.push_back(extra);
  SvgOptions o;
  o.start = 4 * kMillisecond;
  o.end = 7 * kMillisecond;
  const std::string svg = traceToSvg(t, o);
  const Parsed p = parse(svg);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.elements[0].attributes.at("data-start-ns"), "4000000");
  EXPECT_EQ(p.elements[0].attributes.at("data-end-ns"), "7000000");
  EXPECT_TRUE(p.hasText("middle"));
  EXPECT_FALSE(p.hasText("early"));
  EXPECT_FALSE(p.hasText("late"));
  EXPECT_TRUE(p.anyTextContains("showing 4 ms \xE2\x80\x93 7 ms"));
  // The axis starts at the range and is labelled in its unit.
  EXPECT_TRUE(p.hasText("4.0 ms") || p.hasText("4 ms") || p.hasText("4.00 ms")) << svg;
  EXPECT_FALSE(p.hasText("0 ms"));
  // A range in the microseconds reads in microseconds.
  o.start = 1000;
  o.end = 5000;
  const Parsed micro = parse(traceToSvg(t, o));
  EXPECT_TRUE(micro.anyTextContains("\xC2\xB5s")) << "axis unit";
  // No range: the whole trace, from 0.
  const Parsed whole = parse(traceToSvg(t));
  EXPECT_EQ(whole.elements[0].attributes.at("data-start-ns"), "0");
  EXPECT_EQ(whole.elements[0].attributes.at("data-end-ns"), "10000000");
  EXPECT_TRUE(whole.hasText("early") && whole.hasText("late"));
}

TEST(TraceToSvg, WidthIsClampedAndTheOutputIsStable) {
  SvgOptions o;
  o.width = 10;
  const std::string narrow = traceToSvg(sampleTrace(), o);
  EXPECT_EQ(parse(narrow).elements[0].attributes.at("width"), std::to_string(kSvgMinWidth));
  o.width = 1000000;
  EXPECT_EQ(parse(traceToSvg(sampleTrace(), o)).elements[0].attributes.at("width"),
            std::to_string(kSvgMaxWidth));
  o.width = 900;
  EXPECT_EQ(traceToSvg(sampleTrace(), o), traceToSvg(sampleTrace(), o));
  // Coordinates are fixed-point: digits with at most one decimal, never an exponent.
  const auto fixedPoint = [](const std::string& v) {
    size_t i = v[0] == '-' ? 1 : 0, digits = 0;
    while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
    if (i < v.size() && v[i] == '.') i += 2;
    return digits > 0 && i == v.size() && isdigit(static_cast<unsigned char>(v.back()));
  };
  const Parsed p = parse(traceToSvg(sampleTrace(), o));
  size_t checked = 0;
  for (const XmlElement& e : p.elements) {
    if (e.name != "rect" && e.name != "text" && e.name != "line") continue;
    for (const char* key : {"x", "y", "width", "height", "x1", "y1", "x2", "y2"}) {
      auto it = e.attributes.find(key);
      if (it == e.attributes.end() || it->second.back() == '%') continue;
      EXPECT_TRUE(fixedPoint(it->second)) << key << "=" << it->second;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(TraceToSvg, FoldingBoundsAMillionSegmentsToAFewThousandElements) {
  const Trace t = busyTrace(1000000, 8);
  const std::string svg = traceToSvg(t);
  const Parsed p = parse(svg);
  ASSERT_TRUE(p.ok) << p.error;
  // 8 lanes of 125,000 spans over ~1,100 px: each lane is a handful of folds, never more than
  // about one element per folding threshold (3 px).
  EXPECT_LT(p.count("rect"), 8u * 1100u / 3u + 100u);
  EXPECT_LT(svg.size(), 300u * 1024u);
  EXPECT_NE(svg.find("fill=\"url(#fold"), std::string::npos);
  EXPECT_TRUE(p.hasText("short spans merged (zoom in)"));
  // A fold takes the state covering most of its time: running Python (2 of 3 spans).
  EXPECT_NE(svg.find("<pattern id=\"fold0\""), std::string::npos);
  // Zoomed in to 100 spans, they are drawn one by one again.
  SvgOptions o;
  o.start = 500000;
  o.end = 600000;
  const Parsed zoomed = parse(traceToSvg(t, o));
  ASSERT_TRUE(zoomed.ok);
  EXPECT_FALSE(zoomed.hasText("short spans merged (zoom in)"));
}

TEST(TraceToSvg, ElementLimitLeavesANoteInsteadOfAHugeFile) {
  // 1000 lanes of 4-pixel spans with 4-pixel gaps: too wide to fold, ~130 bars a lane.
  Trace t;
  t.processes.push_back({0, -1, 100, "MainProcess", -1, 0, 0});
  const int lanes = 1000;
  const Nanos span = 1000000;  // 1 ms over ~1,050 px: 4 px ~ 3,800 ns
  for (int l = 0; l < lanes; ++l) {
    Lane lane{l, LaneKind::Thread, 0, l, "T" + std::to_string(l), {}};
    for (Nanos s = 0; s + 4000 <= span; s += 8000) lane.segments.push_back({s, s + 4000, State::RunningPython, l, -1, -1});
    t.lanes.push_back(std::move(lane));
  }
  t.metrics.makespan = span;
  const std::string svg = traceToSvg(t);
  const Parsed p = parse(svg);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_LE(p.elements.size(), 100000u + 2000u);
  EXPECT_TRUE(p.anyTextContains("Not all of the trace is drawn")) << svg.size();
  EXPECT_LT(svg.size(), 12u * 1024u * 1024u);
}

TEST(TraceToSvg, CollapsedGroupsShowHowManyLanesTheyHide) {
  SvgOptions o;
  o.collapsedGroups = {0};
  const Parsed p = parse(traceToSvg(sampleTrace(), o));
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_TRUE(p.hasText("3 lanes hidden"));
  EXPECT_FALSE(p.hasText("MainProcess GIL"));
  EXPECT_TRUE(p.hasText("Core 0"));
}

TEST(TraceToSvg, EmptyAndStoppedTracesStillRender) {
  Trace empty;
  const Parsed p = parse(traceToSvg(empty));
  ASSERT_TRUE(p.ok) << p.error;
  Trace stopped = sampleTrace();
  stopped.stopReason = "deadlock: every thread is blocked";
  stopped.completed = false;
  const Parsed q = parse(traceToSvg(stopped));
  ASSERT_TRUE(q.ok) << q.error;
  EXPECT_TRUE(q.hasText("stopped: deadlock: every thread is blocked"));
}

TEST(TraceToSvg, HugeTimesDoNotOverflow) {
  Trace t = sampleTrace();
  t.lanes[3].segments.push_back({INT64_MAX / 2, INT64_MAX / 2 + kSecond, State::BlockedIo, 0, -1, -1});
  t.metrics.makespan = INT64_MAX / 2 + kSecond;
  const Parsed p = parse(traceToSvg(t));
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_TRUE(p.anyTextContains(" s"));
}

// --- the shared chart model (chart_model.h): what the page and the SVG both use ---

TEST(ChartModel, FoldRunEndMergesNarrowSpansAndKeepsWideOnes) {
  std::vector<Segment> segs;
  for (Nanos s = 0; s < 100; s += 10) segs.push_back({s, s + 10, State::RunningPython, 0, -1, -1});
  segs.push_back({200, 400, State::BlockedIo, 0, -1, -1});
  Nanos end = 0;
  EXPECT_EQ(foldRunEnd(segs, 0, 1000, 15, &end), 10u);  // ten 10 ns spans, touching: one fold
  EXPECT_EQ(end, 100);
  EXPECT_EQ(foldRunEnd(segs, 10, 1000, 15, &end), 11u);  // wide: its own item
  EXPECT_EQ(end, 400);
  EXPECT_EQ(foldRunEnd(segs, 0, 1000, 10, &end), 1u);  // 10 ns is not narrower than 10 ns
  EXPECT_EQ(foldRunEnd(segs, 0, 35, 15, &end), 4u);    // stops at the first span starting after hi
}

TEST(ChartModel, LaneGroupsPutCoresFirstThenEachProcessWithItsGilLane) {
  const std::vector<LaneGroup> g = laneGroups(sampleTrace());
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].group, kCoresGroup);
  EXPECT_EQ(g[0].lanes, (std::vector<int32_t>{0, 1}));
  EXPECT_EQ(g[1].label, "MainProcess (pid 4242)");
  EXPECT_EQ(g[1].lanes, (std::vector<int32_t>{2, 3, 4}));
}

}  // namespace
}  // namespace interleave
