// The page's logic without ImGui: the JSON reader, the page state (what share links carry),
// trace queries (cursor, stepping, highlight, error location) and sliced runs of a program.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "json_read.h"
#include "page_run.h"
#include "page_state.h"
#include "trace_query.h"

namespace interleave::ui {
namespace {

// ---- JSON ----------------------------------------------------------------------------------------

TEST(JsonRead, ValuesEscapesAndOrder) {
  JsonValue v;
  std::string err;
  ASSERT_TRUE(parseJson(R"( {"a": [1, -2.5e3, true, null], "s": "x\"\\\n\u00e9\ud83d\ude00", "a": {}} )", &v, &err)) << err;
  ASSERT_EQ(v.type, JsonValue::Type::Object);
  ASSERT_EQ(v.object.size(), 3u);
  EXPECT_EQ(v.object[0].second.array.size(), 4u);
  EXPECT_EQ(v.object[0].second.array[1].number, -2500);
  EXPECT_TRUE(v.object[0].second.array[2].boolean);
  EXPECT_EQ(v.find("s")->string, "x\"\\\n\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(v.find("a")->type, JsonValue::Type::Object);  // the last of a repeated key
}

TEST(JsonRead, RejectsMalformedInput) {
  JsonValue v;
  std::string err;
  for (const char* bad : {"", "{", "{\"a\" 1}", "[1,]", "\"abc", "tru", "{} x", "01x", "\"\\q\"",
                          "\"a\nb\"", "-", "{\"a\":}"}) {
    EXPECT_FALSE(parseJson(bad, &v, &err)) << bad;
    EXPECT_FALSE(err.empty());
  }
  std::string deep(1000, '[');
  EXPECT_FALSE(parseJson(deep, &v, &err));
  EXPECT_NE(err.find("deeply"), std::string::npos);
}

// ---- page state ----------------------------------------------------------------------------------

TEST(PageStateTest, RoundTripsThroughJson) {
  PageState s;
  s.code = "print('héllo')\n\tx = \"q\"\n";
  s.setSetting("cores", "2");
  s.setSetting("gil", "off");
  s.setSetting("cores", "3");  // replaces, keeps the order
  s.viewStart = 1500;
  s.viewEnd = 12345678.5;
  s.rangeStart = 2000;
  s.rangeEnd = 3000;
  s.collapsedGroups = {-1, 2};
  s.selectedThread = 3;
  s.selectedLine = 7;
  s.cursorNs = 99;
  s.playbackSpeed = 0.001;
  s.tab = "metrics";
  EXPECT_EQ(s.settingsString(), "cores=3 gil=off");
  PageState r;
  std::string err;
  ASSERT_TRUE(r.fromJson(s.toJson(), &err)) << err;
  EXPECT_EQ(r.toJson(), s.toJson());
  EXPECT_EQ(r.code, s.code);
  EXPECT_EQ(r.settingsString(), "cores=3 gil=off");
  EXPECT_EQ(r.viewEnd, 12345678.5);
  EXPECT_EQ(r.rangeStart, 2000);
  EXPECT_EQ(r.rangeEnd, 3000);
  EXPECT_EQ(r.collapsedGroups, (std::vector<int32_t>{-1, 2}));
  EXPECT_EQ(r.playbackSpeed, 0.001);
  s.setSetting("gil", "");
  EXPECT_EQ(s.settingsString(), "cores=3");
}

TEST(PageStateTest, PartialUnknownAndBadInput) {
  PageState s;
  s.code = "x = 1";
  std::string err;
  // Missing keys keep their values; unknown keys are ignored; numbers and bools as settings.
  ASSERT_TRUE(s.fromJson(R"({"settings":{"cores":2,"gil":false},"future":[1,2]})", &err)) << err;
  EXPECT_EQ(s.code, "x = 1");
  EXPECT_EQ(s.settingsString(), "cores=2 gil=off");
  // A bad field leaves the state untouched.
  const std::string before = s.toJson();
  EXPECT_FALSE(s.fromJson(R"({"code":"y = 2","collapsed":[1.5]})", &err));
  EXPECT_FALSE(s.fromJson(R"({"range":{"start_ns":"0"}})", &err));
  // A space in a value, or '=' in a name, would smuggle in another setting.
  EXPECT_FALSE(s.fromJson(R"({"settings":{"cores":"2 gil=off"}})", &err));
  EXPECT_FALSE(s.fromJson(R"({"settings":{"cores=1 gil":"off"}})", &err));
  EXPECT_FALSE(s.fromJson(R"({"settings":{"":"off"}})", &err));
  EXPECT_EQ(s.toJson(), before);
  EXPECT_FALSE(s.fromJson(R"({"version":99})", &err));
  EXPECT_NE(err.find("newer"), std::string::npos);
  EXPECT_FALSE(s.fromJson("[1]", &err));
  EXPECT_FALSE(s.fromJson("{\"code\":", &err));
  EXPECT_EQ(s.toJson(), before);
}

// ---- trace queries -------------------------------------------------------------------------------

Trace twoLanes() {
  Trace t;
  Lane a;
  a.id = 0;
  a.segments = {{0, 10, State::RunningPython, 0, -1, 3}, {20, 30, State::WaitingGil, 0, -1, 4}};
  Lane b;
  b.id = 1;
  b.segments = {{5, 25, State::BlockedIo, 1, -1, 9}};
  t.lanes = {a, b};
  t.output = {{4, 0, 1, "a", false}, {4, 1, 1, "b", false}, {18, 0, 1, "c", false}};
  return t;
}

TEST(TraceQuery, SegmentAtAndStepping) {
  Trace t = twoLanes();
  EXPECT_EQ(segmentAt(t.lanes[0], 0), 0);
  EXPECT_EQ(segmentAt(t.lanes[0], 9), 0);
  EXPECT_EQ(segmentAt(t.lanes[0], 10), -1);  // end is exclusive; a gap until 20
  EXPECT_EQ(segmentAt(t.lanes[0], 29), 1);
  EXPECT_EQ(segmentAt(t.lanes[1], 4), -1);
  // Boundaries: 0 5 10 20 25 30.
  std::vector<Nanos> forward;
  for (Nanos c = -1; (c = nextChange(t, c)) >= 0;) forward.push_back(c);
  EXPECT_EQ(forward, (std::vector<Nanos>{0, 5, 10, 20, 25, 30}));
  std::vector<Nanos> back;
  for (Nanos c = 31; (c = prevChange(t, c)) >= 0;) back.push_back(c);
  EXPECT_EQ(back, (std::vector<Nanos>{30, 25, 20, 10, 5, 0}));
  EXPECT_EQ(outputAt(t, 4), 0u);
  EXPECT_EQ(outputAt(t, 5), 2u);
  EXPECT_EQ(outputAt(t, 19), 3u);
}

TEST(TraceQuery, HighlightMatchesSegmentsAndFolds) {
  Trace t = twoLanes();
  Highlight h;
  EXPECT_FALSE(segmentMatches(t.lanes[0].segments[0], h));  // nothing highlighted
  h.line = 4;
  EXPECT_FALSE(segmentMatches(t.lanes[0].segments[0], h));
  EXPECT_TRUE(segmentMatches(t.lanes[0].segments[1], h));
  h.thread = 1;
  EXPECT_FALSE(segmentMatches(t.lanes[0].segments[1], h));  // both must match
  h = Highlight{1, 0};
  EXPECT_TRUE(segmentMatches(t.lanes[1].segments[0], h));
  DrawItem fold;
  fold.lane = 0;
  fold.first = 0;
  fold.count = 2;
  EXPECT_FALSE(itemMatches(t, fold, h));
  EXPECT_TRUE(itemMatches(t, fold, Highlight{-1, 4}));
  fold.count = 3;  // out of range: no match, no crash
  EXPECT_FALSE(itemMatches(t, fold, Highlight{-1, 4}));
  int32_t lane = -1, index = -1;
  ASSERT_TRUE(findMatch(t, Highlight{-1, 9}, 0, &lane, &index));
  EXPECT_EQ(lane, 1);
  ASSERT_TRUE(findMatch(t, Highlight{0, 0}, 12, &lane, &index));
  EXPECT_EQ(lane, 0);
  EXPECT_EQ(index, 1);
  EXPECT_FALSE(findMatch(t, Highlight{-1, 77}, 0, &lane, &index));
}

TEST(TraceQuery, TouchingSegmentsOfOneStateJoinIntoOneBar) {
  Trace t;
  Lane l;
  l.segments = {{0, 10, State::RunningPython, 1, -1, 12}, {10, 20, State::RunningPython, 1, -1, 13},
                {20, 30, State::WaitingGil, 1, -1, 13}, {30, 40, State::WaitingGil, 1, -1, 13},
                {41, 50, State::WaitingGil, 1, -1, 13}, {50, 60, State::WaitingGil, 2, -1, 13}};
  t.lanes = {l};
  TimeView view;
  view.t0 = 0;
  view.t1 = 60;
  view.width = 600;
  DrawList list;
  buildDrawList(t, view, {}, 1, &list);
  ASSERT_EQ(list.items.size(), 6u);
  EXPECT_FALSE(joinsPrevious(t, list, 0));
  EXPECT_TRUE(joinsPrevious(t, list, 1));   // same state and thread, other line
  EXPECT_FALSE(joinsPrevious(t, list, 2));  // other state
  EXPECT_TRUE(joinsPrevious(t, list, 3));
  EXPECT_FALSE(joinsPrevious(t, list, 4));  // a gap
  EXPECT_FALSE(joinsPrevious(t, list, 5));  // another thread
  EXPECT_FALSE(joinsPrevious(t, list, 6));  // out of range
}

TEST(TraceQuery, LocatesSyntaxErrorsWithColumns) {
  const std::string src = "import time\n\ndef f():\n    x = (1,\n";
  const std::string err =
      "  File \"main.py\", line 4\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n";
  ErrorLocation loc = locateError(err, "main.py", src);
  EXPECT_EQ(loc.line, 4);
  EXPECT_EQ(loc.col, 9);  // the '(' (4 spaces of indentation + "x = ")
  EXPECT_EQ(loc.endCol, 10);
  EXPECT_EQ(loc.type, "SyntaxError");
  EXPECT_EQ(loc.message, "SyntaxError: '(' was never closed");
}

TEST(TraceQuery, LocatesTheInnermostFrameOfTheProgram) {
  const std::string err =
      "Traceback (most recent call last):\n"
      "  File \"main.py\", line 9, in <module>\n    main()\n"
      "  File \"main.py\", line 5, in main\n    return 1 / 0\n           ~~^~~\n"
      "  File \"threading.py\", line 80, in join\n    x\n"
      "ZeroDivisionError: division by zero\n"
      "Exception in thread Thread-1:\nTraceback (most recent call last):\n"
      "  File \"main.py\", line 2, in w\n    boom()\nNameError: name 'boom' is not defined\n";
  ErrorLocation loc = locateError(err, "main.py", "a\nb\nc\nd\n    return 1 / 0\n");
  EXPECT_EQ(loc.line, 5);
  EXPECT_EQ(loc.type, "ZeroDivisionError");
  EXPECT_EQ(loc.col, 12);
  EXPECT_EQ(loc.endCol, 17);
  // No line in the program: the message only.
  loc = locateError("InterleaveError: stopped: too many threads\n", "main.py", "");
  EXPECT_EQ(loc.line, 0);
  EXPECT_EQ(loc.message, "InterleaveError: stopped: too many threads");
}

TEST(TraceQuery, SyntheticTraceIsSortedAndSized) {
  Trace t = makeSyntheticTrace(100000, 8);
  int64_t n = 0;
  for (const Lane& l : t.lanes) {
    n += static_cast<int64_t>(l.segments.size());
    for (size_t i = 1; i < l.segments.size(); ++i) ASSERT_LE(l.segments[i - 1].end, l.segments[i].start);
  }
  EXPECT_EQ(n, 100000);
  EXPECT_GT(t.metrics.makespan, 0);
}

// ---- sliced runs ----------------------------------------------------------------------------------

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SliceRunnerTest, TheDefaultScenarioRunsInSlices) {
  double fake = 0;
  SliceRunner r([&] { return fake += 0.25; });  // every clock read advances 0.25 ms
  const std::string code = readFile(INTERLEAVE_DEFAULT_SCENARIO);
  ASSERT_FALSE(code.empty());
  r.start(code, "", 0);
  int slices = 0;
  while (r.running() && slices < 100000) {
    r.step(2.0);
    ++slices;
  }
  ASSERT_TRUE(r.hasResult());
  EXPECT_GT(slices, 3);  // really in slices
  auto res = r.takeResult();
  EXPECT_TRUE(res->outcome.ran);
  EXPECT_TRUE(res->outcome.trace.completed) << res->outcome.stderrText;
  EXPECT_EQ(res->error.message, "");
  EXPECT_NE(res->outcome.stdoutText.find("4 threads took"), std::string::npos);
  // Segments carry source lines: the CPU-bound loop's lines appear on thread lanes.
  bool loopLine = false;
  for (const Lane& l : res->outcome.trace.lanes)
    for (const Segment& s : l.segments)
      if (l.kind == LaneKind::Thread && s.state == State::RunningPython && s.line >= 10 && s.line <= 14)
        loopLine = true;
  EXPECT_TRUE(loopLine);
}

TEST(SliceRunnerTest, SyntaxErrorsFinishAtOnceWithTheirLine) {
  SliceRunner r([] { return 0.0; });
  r.start("x = 1\nif x\n    pass\n", "", 0);
  EXPECT_FALSE(r.running());
  ASSERT_TRUE(r.hasResult());
  auto res = r.takeResult();
  EXPECT_FALSE(res->outcome.ran);
  EXPECT_EQ(res->error.line, 2);
  EXPECT_EQ(res->error.type, "SyntaxError");
  r.start("x = 1", "cores=banana", 0);
  res = r.takeResult();
  ASSERT_TRUE(res);
  EXPECT_NE(res->error.message.find("cores"), std::string::npos);
}

TEST(SliceRunnerTest, EndlessLoopsStopAtTheHostTimeLimitAndCancelWorks) {
  double fake = 0;
  SliceRunner r([&] { return fake += 1000; });  // a slow machine: 1 s per clock read
  r.start("i = 0\nwhile True:\n    i += 1\n", "", 0);
  int slices = 0;
  while (r.running() && slices < 10000) {
    r.step(8);
    ++slices;
  }
  ASSERT_TRUE(r.hasResult());
  auto res = r.takeResult();
  EXPECT_FALSE(res->outcome.trace.completed);
  EXPECT_NE(res->error.message.find("s of computing in the page"), std::string::npos) << res->error.message;
  EXPECT_GE(res->error.line, 2);  // the loop's line
  EXPECT_LE(res->error.line, 3);
  EXPECT_FALSE(res->outcome.trace.lanes.empty());  // what ran so far is kept

  r.start("while True:\n    pass\n", "", 10 * kMillisecond);
  r.step(1);
  EXPECT_TRUE(r.running());
  EXPECT_GE(r.fraction(), 0.0);
  r.cancel("cancelled by the test");
  EXPECT_FALSE(r.running());
  res = r.takeResult();
  EXPECT_TRUE(res->cancelled);
  EXPECT_NE(res->error.message.find("cancelled by the test"), std::string::npos);
}

}  // namespace
}  // namespace interleave::ui
