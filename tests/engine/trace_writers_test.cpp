// The trace writers (JSON schema, Chrome trace, text Gantt, metrics) on hand-built traces, so
// these tests do not depend on the engine's behaviour.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "json_escape.h"
#include "trace.h"
#include "trace_writers.h"

namespace interleave {
namespace {

// --- a minimal strict JSON checker (RFC 8259), enough to prove the writers emit valid JSON ---
class JsonChecker {
 public:
  explicit JsonChecker(const std::string& s) : s_(s) {}
  bool valid() {
    ws();
    if (!value()) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  bool value() {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    return literal("true") || literal("false") || literal("null");
  }
  bool literal(const char* word) {
    const std::string w = word;
    if (s_.compare(i_, w.size(), w) != 0) return false;
    i_ += w.size();
    return true;
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool object() {
    ++i_;
    ws();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    for (;;) {
      ws();
      if (i_ >= s_.size() || s_[i_] != '"' || !string()) return false;
      ws();
      if (i_ >= s_.size() || s_[i_] != ':') return false;
      ++i_;
      ws();
      if (!value()) return false;
      ws();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') { ++i_; continue; }
      if (s_[i_] == '}') return ++i_, true;
      return false;
    }
  }
  bool array() {
    ++i_;
    ws();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    for (;;) {
      ws();
      if (!value()) return false;
      ws();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') { ++i_; continue; }
      if (s_[i_] == ']') return ++i_, true;
      return false;
    }
  }
  bool string() {
    ++i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size()) return false;
        const char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i_ + k >= s_.size() || !isxdigit(static_cast<unsigned char>(s_[i_ + k]))) return false;
          }
          i_ += 5;
          continue;
        }
        if (std::string("\"\\/bfnrt").find(e) == std::string::npos) return false;
        ++i_;
        continue;
      }
      if (c >= 0x80) {
        const size_t n = detail::utf8SequenceLength(s_, i_);
        if (n == 0) return false;
        i_ += n;
        continue;
      }
      ++i_;
    }
    return false;
  }
  bool digits() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  bool number() {
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }
  const std::string& s_;
  size_t i_ = 0;
};

bool validJson(const std::string& s) { return JsonChecker(s).valid(); }

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Two threads in one process on two cores, 10 ms: "main" runs Python 0-4 ms then blocks on I/O;
// "worker" waits for the GIL 0-4 ms, then runs Python 4-10 ms.
Trace sampleTrace() {
  Trace t;
  t.config.cores = 2;
  t.strings = {"main", "worker", "io"};
  t.processes.push_back({0, -1, 1000, "MainProcess", 2, 0, 10 * kMillisecond});
  t.threads.push_back({0, 0, 3, "MainThread", 0, 10 * kMillisecond});
  t.threads.push_back({1, 0, 4, "worker", 0, 10 * kMillisecond});

  Lane core0{0, LaneKind::Core, -1, -1, "core 0", {}};
  core0.segments.push_back({0, 4 * kMillisecond, State::RunningPython, 0, 0, 3});
  Lane core1{1, LaneKind::Core, -1, -1, "core 1", {}};
  core1.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::RunningPython, 1, 1, 7});
  Lane gil{2, LaneKind::Gil, 0, -1, "GIL", {}};
  gil.segments.push_back({0, 4 * kMillisecond, State::GilHeld, 0, -1, -1});
  gil.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::GilHeld, 1, -1, -1});
  Lane main{3, LaneKind::Thread, 0, 0, "MainThread", {}};
  main.segments.push_back({0, 4 * kMillisecond, State::RunningPython, 0, 0, 3});
  main.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::BlockedIo, 0, 2, 4});
  Lane worker{4, LaneKind::Thread, 0, 1, "worker", {}};
  worker.segments.push_back({0, 4 * kMillisecond, State::WaitingGil, 1, -1, -1});
  worker.segments.push_back({4 * kMillisecond, 10 * kMillisecond, State::RunningPython, 1, 1, 7});
  t.lanes = {core0, core1, gil, main, worker};

  t.instants.push_back({4 * kMillisecond, 2, InstantKind::GilHandoff, 1});
  t.flows.push_back({3 * kMillisecond, 4, 4 * kMillisecond, 4, FlowKind::DropRequestToHandoff});
  t.counters.push_back({"memory", 0, {{0, 18388608}, {5 * kMillisecond, 26777216}}});
  t.output.push_back({1500, 0, 1, "hello \"world\""});
  t.output.push_back({9 * kMillisecond, 1, 2, "tab\there"});
  t.diagnostics.push_back("CPU-bound work on threads: worker waited 4ms for the GIL");
  t.completed = true;

  Metrics& m = t.metrics;
  m.makespan = 10 * kMillisecond;
  m.totalCpu = 10 * kMillisecond;
  m.coreUtilisationPermille = {400, 600};
  m.coreBusy = {4 * kMillisecond, 6 * kMillisecond};
  m.gilHeld = 10 * kMillisecond;
  m.gilWaited = 4 * kMillisecond;
  m.gilHandoffs = 1;
  m.dropRequests = 1;
  m.contextSwitches = 2;
  m.peakMemoryBytes = 26777216;
  m.threadsStarted = 1;
  m.processesStarted = 1;
  m.events = 42;
  m.speedupPermille = 1000;
  return t;
}

// --- JSON escaping ---------------------------------------------------------------------------

TEST(JsonEscape, EscapesQuotesBackslashAndControlCharacters) {
  EXPECT_EQ(detail::jsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(detail::jsonString("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(detail::jsonString(std::string("\x01\x1f\x00", 3)), "\"\\u0001\\u001f\\u0000\"");
  EXPECT_EQ(detail::jsonString("/\x7f"), "\"/\x7f\"");
}

TEST(JsonEscape, PassesUtf8ThroughAndReplacesInvalidBytes) {
  EXPECT_EQ(detail::jsonString("5 \xC2\xB5s \xE2\x96\x88 \xF0\x9F\x90\x8D"),
            "\"5 \xC2\xB5s \xE2\x96\x88 \xF0\x9F\x90\x8D\"");
  // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
  EXPECT_EQ(detail::jsonString("a\x80z"), "\"a\xEF\xBF\xBDz\"");
  EXPECT_EQ(detail::jsonString("a\xE2\x96"), "\"a\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(detail::jsonString("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(detail::jsonString("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_TRUE(validJson(detail::jsonString("\xff\xfe bad \x80")));
}

TEST(JsonChecker, RejectsBrokenJson) {
  EXPECT_TRUE(validJson("{\"a\":[1,-2.5,3e4,true,null,\"x\"]}"));
  EXPECT_FALSE(validJson("{\"a\":[1,]}"));
  EXPECT_FALSE(validJson("{\"a\":01}"));
  EXPECT_FALSE(validJson("{\"a\":\"\n\"}"));
  EXPECT_FALSE(validJson("{\"a\":1"));
}

// --- traceToJson -----------------------------------------------------------------------------

TEST(TraceToJson, IsValidJsonWithTheDocumentedTopLevelKeys) {
  const std::string json = traceToJson(sampleTrace());
  ASSERT_TRUE(validJson(json)) << json;
  EXPECT_EQ(json.rfind("{\"format\":\"interleave-trace\",\n\"version\":1,\n\"config\":{", 0), 0u);
  for (const char* key : {"\"config\":", "\"processes\":", "\"threads\":", "\"lanes\":",
                          "\"instants\":", "\"flows\":", "\"counters\":", "\"output\":",
                          "\"strings\":", "\"diagnostics\":", "\"stop_reason\":",
                          "\"completed\":", "\"metrics\":"}) {
    EXPECT_EQ(count(json, key), 1u) << key;
  }
  EXPECT_EQ(json.back(), '\n');
}

TEST(TraceToJson, WritesLanesAndSegmentsAsDocumented) {
  const std::string json = traceToJson(sampleTrace());
  EXPECT_NE(json.find("{\"id\":3,\"kind\":\"thread\",\"name\":\"MainThread\",\"process\":0,"
                      "\"thread\":0,\"segments\":[\n[0,4000000,\"" +
                      std::string(stateName(State::RunningPython)) + "\",0,0,3],\n[4000000,10000000,\"" +
                      stateName(State::BlockedIo) + "\",0,2,4]\n]}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("{\"id\":0,\"kind\":\"core\",\"name\":\"core 0\",\"process\":-1,\"thread\":-1,"),
            std::string::npos);
  EXPECT_NE(json.find("{\"id\":2,\"kind\":\"gil\","), std::string::npos);
  EXPECT_NE(json.find("\"strings\":[\n\"main\",\n\"worker\",\n\"io\"\n]"), std::string::npos);
}

TEST(TraceToJson, WritesEveryOtherSection) {
  const std::string json = traceToJson(sampleTrace());
  EXPECT_NE(json.find("{\"id\":0,\"parent\":-1,\"os_pid\":1000,\"name\":\"MainProcess\",\"gil_lane\":2,"
                      "\"start_ns\":0,\"end_ns\":10000000}"),
            std::string::npos);
  EXPECT_NE(json.find("{\"id\":1,\"process\":0,\"lane\":4,\"name\":\"worker\",\"start_ns\":0,"
                      "\"end_ns\":10000000}"),
            std::string::npos);
  EXPECT_NE(json.find("{\"time_ns\":4000000,\"lane\":2,\"kind\":\"" +
                      std::string(instantName(InstantKind::GilHandoff)) + "\",\"label\":1}"),
            std::string::npos);
  EXPECT_NE(json.find("{\"kind\":\"" + std::string(flowName(FlowKind::DropRequestToHandoff)) +
                      "\",\"from_time_ns\":3000000,\"from_lane\":4,\"to_time_ns\":4000000,"
                      "\"to_lane\":4}"),
            std::string::npos);
  EXPECT_NE(json.find("{\"name\":\"memory\",\"process\":0,\"points\":[[0,18388608],[5000000,26777216]]}"),
            std::string::npos);
  EXPECT_NE(json.find("{\"time_ns\":1500,\"thread\":0,\"stream\":1,\"text\":\"hello \\\"world\\\"\",\"partial\":false}"),
            std::string::npos);
  EXPECT_NE(json.find("\"text\":\"tab\\there\""), std::string::npos);
  EXPECT_NE(json.find("\"diagnostics\":[\n\"CPU-bound work on threads: worker waited 4ms for the GIL\"\n]"),
            std::string::npos);
  EXPECT_NE(json.find("\"stop_reason\":\"\",\n\"completed\":true,\n"), std::string::npos);
}

TEST(TraceToJson, WritesConfigAndMetrics) {
  const std::string json = traceToJson(sampleTrace());
  EXPECT_NE(json.find("\"config\":{\"cores\":2,\"gil\":true,\"switch_interval_ns\":5000000,"
                      "\"time_slice_ns\":3000000,\"context_switch_ns\":2000,"
                      "\"thread_start_ns\":50000,\"start_method\":\"" +
                      std::string(startMethodName(StartMethod::Fork)) + "\","),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"gil_waiter_choice\":\"longest_waiting\",\"seed\":1,"), std::string::npos);
  EXPECT_NE(json.find("\"metrics\":{\"makespan_ns\":10000000,\"total_cpu_ns\":10000000,"
                      "\"core_utilisation_permille\":[400,600],\"core_busy_ns\":[4000000,6000000],"
                      "\"gil_held_ns\":10000000,\"gil_waited_ns\":4000000,\"gil_handoffs\":1,"
                      "\"drop_requests\":1,\"context_switches\":2,\"peak_memory_bytes\":26777216,"
                      "\"threads_started\":1,\"processes_started\":1,\"events\":42,"
                      "\"speedup_permille\":1000}}\n"),
            std::string::npos)
      << json;
}

TEST(TraceToJson, EmptyTraceIsValidAndStable) {
  Trace t;
  t.stopReason = "limit: more than 20000 threads";
  const std::string json = traceToJson(t);
  EXPECT_TRUE(validJson(json)) << json;
  EXPECT_NE(json.find("\"lanes\":[],\n"), std::string::npos);
  EXPECT_NE(json.find("\"stop_reason\":\"limit: more than 20000 threads\",\n\"completed\":false"),
            std::string::npos);
  EXPECT_EQ(json, traceToJson(t));
}

TEST(TraceToJson, HostileStringsStayValid) {
  Trace t = sampleTrace();
  t.output.push_back({0, 0, 1, std::string("nul\x00 bell\x07 del\x7f bad\xff end\\", 24)});
  t.lanes[3].name = "quote\"lane\n";
  t.strings.push_back("\xE2\x80\xA8 line separator");
  EXPECT_TRUE(validJson(traceToJson(t)));
  EXPECT_TRUE(validJson(traceToChrome(t)));
}

// --- traceToChrome ---------------------------------------------------------------------------

TEST(TraceToChrome, IsValidJsonInTheObjectForm) {
  const std::string chrome = traceToChrome(sampleTrace());
  ASSERT_TRUE(validJson(chrome)) << chrome;
  EXPECT_EQ(chrome.rfind("{\"traceEvents\":[\n", 0), 0u);
  EXPECT_NE(chrome.find("\"displayTimeUnit\":\"ns\""), std::string::npos);
}

TEST(TraceToChrome, NamesProcessesAndLanes) {
  const std::string chrome = traceToChrome(sampleTrace());
  // pid = the model's os.getpid() (1000); the machine (cores) is its own process, pid 1001.
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1001,\"args\":{\"name\":\"Machine\"}}"),
            std::string::npos)
      << chrome;
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1000,\"args\":{\"name\":\"MainProcess\"}}"),
            std::string::npos);
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1001,\"tid\":1002,\"args\":{\"name\":\"core 0\"}}"),
            std::string::npos);
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1000,\"tid\":1006,\"args\":{\"name\":\"worker\"}}"),
            std::string::npos);
  EXPECT_EQ(count(chrome, "\"name\":\"thread_name\""), 5u);
  EXPECT_EQ(count(chrome, "\"name\":\"process_name\""), 2u);
}

TEST(TraceToChrome, SegmentsAreCompleteEventsInMicroseconds) {
  const std::string chrome = traceToChrome(sampleTrace());
  EXPECT_EQ(count(chrome, "\"ph\":\"X\""), 8u);
  // Core lanes name the slice after the thread that ran.
  EXPECT_NE(chrome.find("{\"ph\":\"X\",\"name\":\"worker\",\"cat\":\"" +
                        std::string(stateName(State::RunningPython)) +
                        "\",\"pid\":1001,\"tid\":1003,\"ts\":4000.000,\"dur\":6000.000,\"args\":{\"state\":\"" +
                        stateTitle(State::RunningPython) +
                        "\",\"thread\":\"worker\",\"label\":\"worker\",\"line\":7}}"),
            std::string::npos)
      << chrome;
  // Thread lanes name it after the state.
  EXPECT_NE(chrome.find("{\"ph\":\"X\",\"name\":\"" + std::string(stateTitle(State::BlockedIo)) +
                        "\",\"cat\":\"" + stateName(State::BlockedIo) +
                        "\",\"pid\":1000,\"tid\":1005,\"ts\":4000.000,\"dur\":6000.000,"),
            std::string::npos);
}

TEST(TraceToChrome, FallsBackToProcessIdPlusOneWithoutUsableOsPids) {
  Trace t = sampleTrace();
  t.processes.push_back({1, 0, 1000, "Duplicate", -1, 0, 0});  // two processes with os pid 1000
  const std::string chrome = traceToChrome(t);
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"MainProcess\"}}"),
            std::string::npos)
      << chrome;
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":2,\"args\":{\"name\":\"Duplicate\"}}"),
            std::string::npos);
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":3,\"args\":{\"name\":\"Machine\"}}"),
            std::string::npos);
  EXPECT_TRUE(validJson(chrome));
}

TEST(TraceToChrome, ThreadIdsNeverEqualAProcessId) {
  // Viewers treat the thread whose tid equals a pid as that process's main thread and keep tids
  // unique machine-wide: a lane's tid must differ from every pid, also when pids fall back to
  // process id + 1 (small numbers like the lane ids).
  Trace t = sampleTrace();
  t.processes.push_back({1, 0, 1000, "Duplicate", -1, 0, 0});  // forces the fallback pids 1, 2, 3
  const std::string chrome = traceToChrome(t);
  std::vector<int64_t> pids, tids;
  for (size_t at = chrome.find("\"pid\":"); at != std::string::npos; at = chrome.find("\"pid\":", at + 1))
    pids.push_back(std::stoll(chrome.substr(at + 6)));
  for (size_t at = chrome.find("\"tid\":"); at != std::string::npos; at = chrome.find("\"tid\":", at + 1))
    tids.push_back(std::stoll(chrome.substr(at + 6)));
  ASSERT_FALSE(tids.empty());
  for (int64_t tid : tids)
    for (int64_t pid : pids) EXPECT_NE(tid, pid);
  // Lane 0 is the first thread id after the machine's pid (3).
  EXPECT_NE(chrome.find("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":3,\"tid\":4,\"args\":{\"name\":\"core 0\"}}"),
            std::string::npos)
      << chrome;
}

TEST(TraceToChrome, SubMicrosecondTimesKeepNanoseconds) {
  Trace t;
  t.processes.push_back({0, -1, 1, "p", -1, 0, 0});
  Lane lane{0, LaneKind::Thread, 0, 0, "t", {}};
  lane.segments.push_back({1, 1500, State::RunningNative, 0, -1, -1});
  t.lanes.push_back(lane);
  const std::string chrome = traceToChrome(t);
  EXPECT_NE(chrome.find("\"ts\":0.001,\"dur\":1.499,"), std::string::npos) << chrome;
  EXPECT_TRUE(validJson(chrome));
}

TEST(TraceToChrome, InstantsFlowsAndCounters) {
  const std::string chrome = traceToChrome(sampleTrace());
  EXPECT_NE(chrome.find("{\"ph\":\"i\",\"s\":\"t\",\"name\":\"" +
                        std::string(instantName(InstantKind::GilHandoff)) +
                        "\",\"cat\":\"instant\",\"pid\":1000,\"tid\":1004,\"ts\":4000.000,"
                        "\"args\":{\"label\":\"worker\"}}"),
            std::string::npos)
      << chrome;
  const std::string flow = flowName(FlowKind::DropRequestToHandoff);
  EXPECT_NE(chrome.find("{\"ph\":\"s\",\"id\":1,\"name\":\"" + flow +
                        "\",\"cat\":\"flow\",\"pid\":1000,\"tid\":1006,\"ts\":3000.000}"),
            std::string::npos);
  EXPECT_NE(chrome.find("{\"ph\":\"f\",\"bp\":\"e\",\"id\":1,\"name\":\"" + flow +
                        "\",\"cat\":\"flow\",\"pid\":1000,\"tid\":1006,\"ts\":4000.000}"),
            std::string::npos);
  EXPECT_NE(chrome.find("{\"ph\":\"C\",\"name\":\"memory\",\"pid\":1000,\"ts\":5000.000,"
                        "\"args\":{\"value\":26777216}}"),
            std::string::npos);
}

// --- traceToText -----------------------------------------------------------------------------

TEST(TraceToText, OneRowPerLaneWithTheMajorityStatePerCell) {
  const std::string text = traceToText(sampleTrace(), 10);
  const std::vector<std::string> rows = lines(text);
  ASSERT_GE(rows.size(), 9u) << text;
  EXPECT_EQ(rows[0], "timeline 0 - 10ms, one column = 1ms");
  // Names padded to the longest (10 columns), then " │", 10 cells of 1 ms, "│".
  EXPECT_EQ(rows[1], "core 0     \xE2\x94\x82\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88      \xE2\x94\x82");
  EXPECT_EQ(rows[2], "core 1     \xE2\x94\x82    \xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x94\x82");
  EXPECT_EQ(rows[4], "MainThread \xE2\x94\x82\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xC2\xB7\xC2\xB7\xC2\xB7\xC2\xB7\xC2\xB7\xC2\xB7\xE2\x94\x82");
  EXPECT_EQ(rows[5], "worker     \xE2\x94\x82\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x94\x82");
  // Every chart row has the same width in columns.
  for (int r = 1; r <= 5; ++r) EXPECT_EQ(detail::utf8Length(rows[r]), 23u) << rows[r];
}

TEST(TraceToText, CellShowsTheStateCoveringMostOfIt) {
  Trace t;
  Lane lane{0, LaneKind::Thread, 0, 0, "t", {}};
  // Cell 0 (0-10): 3 ns python, 7 ns native -> native. Cell 1 (10-20): 4 ns I/O, 6 idle -> idle.
  lane.segments.push_back({0, 3, State::RunningPython, 0, -1, -1});
  lane.segments.push_back({3, 10, State::RunningNative, 0, -1, -1});
  lane.segments.push_back({10, 14, State::BlockedIo, 0, -1, -1});
  lane.segments.push_back({90, 100, State::WaitingGil, 0, -1, -1});
  t.lanes.push_back(lane);
  t.metrics.makespan = 100;
  const std::vector<std::string> rows = lines(traceToText(t, 10));
  EXPECT_EQ(rows[1], "t    \xE2\x94\x82\xE2\x96\x93        \xE2\x96\x91\xE2\x94\x82");
  // The legend lists only the states that appear in the chart.
  bool found = false;
  for (const std::string& r : rows) {
    if (r.rfind("legend:", 0) == 0) {
      found = true;
      EXPECT_NE(r.find(stateTitle(State::RunningNative)), std::string::npos);
      EXPECT_NE(r.find(stateTitle(State::WaitingGil)), std::string::npos);
      EXPECT_EQ(r.find(stateTitle(State::BlockedIo)), std::string::npos);
      EXPECT_NE(r.find("(blank) idle"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST(TraceToText, TimeAxisHasTicksAndLabels) {
  const std::vector<std::string> rows = lines(traceToText(sampleTrace(), 50));
  // Row 6 is the axis under the 5 lanes, row 7 its labels.
  const std::string& axis = rows[6];
  const std::string& labels = rows[7];
  EXPECT_EQ(axis.rfind("           \xE2\x94\x94\xE2\x94\xAC", 0), 0u) << axis;
  EXPECT_EQ(detail::utf8Length(axis), 11u + 52u);
  // Ticks every 2 ms (10 columns); labels start under their tick.
  EXPECT_EQ(labels, "            0         2ms       4ms       6ms       8ms") << labels;
  EXPECT_EQ(count(axis, "\xE2\x94\xAC"), 5u);
}

TEST(TraceToText, LongNamesAreCutAndLinesEndWithNewline) {
  Trace t = sampleTrace();
  t.lanes[4].name = "a-very-long-thread-name-that-goes-on-and-on";
  const std::string text = traceToText(t, 20);
  EXPECT_NE(text.find("a-very-long-thread-name-tha\xE2\x80\xA6 \xE2\x94\x82"), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(TraceToText, EndsWithMetricsDiagnosticsAndStopReason) {
  Trace t = sampleTrace();
  t.stopReason = "the run reached the event limit (50000000 events)";
  t.completed = false;
  const std::string text = traceToText(t, 20);
  const size_t metrics = text.find("metrics:\n");
  ASSERT_NE(metrics, std::string::npos);
  EXPECT_NE(text.find("diagnostics:\n  - CPU-bound work on threads: worker waited 4ms for the GIL\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nstopped: the run reached the event limit (50000000 events)\n"),
            std::string::npos);
  EXPECT_EQ(text.substr(metrics, metricsToText(t).size()), metricsToText(t));
}

TEST(TraceToText, HugeTimesDoNotOverflow) {
  Trace t;
  Lane lane{0, LaneKind::Thread, 0, 0, "t", {}};
  const Nanos huge = INT64_MAX / 2;
  lane.segments.push_back({0, huge, State::RunningPython, 0, -1, -1});
  lane.segments.push_back({huge, INT64_MAX - 1, State::BlockedIo, 0, -1, -1});
  t.lanes.push_back(lane);
  t.metrics.makespan = INT64_MAX - 1;
  const std::vector<std::string> rows = lines(traceToText(t, 10));
  EXPECT_EQ(rows[1], "t    \xE2\x94\x82\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88"
                     "\xC2\xB7\xC2\xB7\xC2\xB7\xC2\xB7\xC2\xB7\xE2\x94\x82");
  EXPECT_EQ(rows[2].rfind("     \xE2\x94\x94\xE2\x94\xAC", 0), 0u) << rows[2];
}

TEST(TraceToText, EmptyTraceStillRenders) {
  Trace t;
  t.completed = true;
  const std::string text = traceToText(t, 10);
  EXPECT_NE(text.find("metrics:"), std::string::npos);
  EXPECT_EQ(text, traceToText(t, 10));
  // Width is clamped to a sane range.
  EXPECT_EQ(traceToText(t, 1), traceToText(t, 10));
}

TEST(MetricsToText, PrintsEveryMetric) {
  const std::string m = metricsToText(sampleTrace());
  EXPECT_EQ(m,
            "metrics:\n"
            "  makespan          10ms\n"
            "  speedup           1.00x (work done one piece at a time / makespan)\n"
            "  CPU time          10ms\n"
            "  core utilisation  core 0 40.0%  core 1 60.0%\n"
            "  GIL               held 10ms, waited 4ms, hand-offs 1, drop requests 1\n"
            "  context switches  2\n"
            "  peak memory       25.5 MiB\n"
            "  started           1 thread, 1 process\n"
            "  events            42\n");
}

TEST(MetricsToText, ManyCoresWrapEightPerLine) {
  Trace t;
  t.metrics.coreUtilisationPermille.assign(10, 1000);
  const std::string m = metricsToText(t);
  EXPECT_NE(m.find("core 7 100.0%\n                    core 8 100.0%  core 9 100.0%\n"),
            std::string::npos)
      << m;
}

}  // namespace
}  // namespace interleave
