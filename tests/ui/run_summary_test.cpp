// The run summary the embed's host page reads (ui/run_summary.h): a finished run's numbers,
// diagnostics and output; a program that did not run has its error and no numbers; long output
// is cut at a character boundary; the JSON is always valid.
#include <gtest/gtest.h>

#include <string>

#include "json_read.h"
#include "page_run.h"
#include "run_summary.h"

namespace interleave::ui {
namespace {

std::unique_ptr<RunReport> runToEnd(const std::string& code, const std::string& settings = "") {
  SliceRunner r([] { return 0.0; });
  r.start(code, settings, 0);
  for (int i = 0; i < 100000 && r.running(); ++i) r.step(50);
  EXPECT_TRUE(r.hasResult());
  return r.takeResult();
}

JsonValue parse(const std::string& json) {
  JsonValue v;
  std::string err;
  EXPECT_TRUE(parseJson(json, &v, &err)) << err << "\n" << json.substr(0, 400);
  return v;
}

TEST(RunSummary, CarriesTheMakespanMetricsAndOutputOfAFinishedRun) {
  auto report = runToEnd(
      "import threading\n"
      "def work():\n"
      "    total = 0\n"
      "    for i in range(20000):\n"
      "        total += i\n"
      "ts = [threading.Thread(target=work) for _ in range(2)]\n"
      "for t in ts: t.start()\n"
      "for t in ts: t.join()\n"
      "print('done')\n",
      "cores=2");
  JsonValue s = parse(runSummaryJson(report.get(), false, 3));
  EXPECT_FALSE(s.find("running")->boolean);
  EXPECT_EQ(s.find("runsFinished")->number, 3);
  EXPECT_TRUE(s.find("ran")->boolean);
  EXPECT_TRUE(s.find("completed")->boolean);
  const Metrics& m = report->outcome.trace.metrics;
  EXPECT_GT(m.makespan, 0);
  EXPECT_EQ(s.find("makespanNs")->number, static_cast<double>(m.makespan));
  EXPECT_EQ(s.find("speedup")->number, m.speedupPermille / 1000.0);
  EXPECT_EQ(s.find("cores")->number, 2);
  EXPECT_TRUE(s.find("gil")->boolean);
  const JsonValue* metrics = s.find("metrics");
  ASSERT_NE(metrics, nullptr);
  EXPECT_EQ(metrics->find("gil_handoffs")->number, static_cast<double>(m.gilHandoffs));
  EXPECT_GT(metrics->find("gil_handoffs")->number, 0);  // two CPU-bound threads take turns
  EXPECT_EQ(metrics->find("core_utilisation_permille")->array.size(), 2u);
  EXPECT_EQ(s.find("stdout")->string, "done\n");
  EXPECT_FALSE(s.find("stdoutTruncated")->boolean);
  EXPECT_EQ(s.find("error")->type, JsonValue::Type::Null);
  EXPECT_EQ(s.find("diagnostics")->array.size(), 0u);
  EXPECT_EQ(s.find("exitCode")->number, 0);
}

TEST(RunSummary, ADeadlockIsADiagnostic) {
  auto report = runToEnd(
      "import threading\n"
      "a, b = threading.Lock(), threading.Lock()\n"
      "def one():\n"
      "    with a:\n"
      "        threading.Event().wait(0.001)\n"
      "        with b: pass\n"
      "def two():\n"
      "    with b:\n"
      "        threading.Event().wait(0.001)\n"
      "        with a: pass\n"
      "ts = [threading.Thread(target=f) for f in (one, two)]\n"
      "for t in ts: t.start()\n"
      "for t in ts: t.join()\n");
  JsonValue s = parse(runSummaryJson(report.get(), false, 1));
  EXPECT_FALSE(s.find("completed")->boolean);
  ASSERT_EQ(s.find("diagnostics")->array.size(), 1u);
  EXPECT_NE(s.find("diagnostics")->array[0].string.find("deadlock"), std::string::npos);
  EXPECT_NE(s.find("stopReason")->string.find("deadlock"), std::string::npos);
}

TEST(RunSummary, AProgramThatDidNotRunHasItsErrorAndNoNumbers) {
  auto report = runToEnd("x = 1\nif x\n    pass\n");
  JsonValue s = parse(runSummaryJson(report.get(), false, 1));
  EXPECT_FALSE(s.find("ran")->boolean);
  EXPECT_EQ(s.find("makespanNs"), nullptr);
  EXPECT_EQ(s.find("metrics"), nullptr);
  const JsonValue* e = s.find("error");
  ASSERT_EQ(e->type, JsonValue::Type::Object);
  EXPECT_EQ(e->find("type")->string, "SyntaxError");
  EXPECT_EQ(e->find("line")->number, 2);
  EXPECT_NE(e->find("traceback")->string.find("SyntaxError"), std::string::npos);
}

TEST(RunSummary, ARuntimeErrorKeepsTheNumbersOfWhatRan) {
  auto report = runToEnd("print('a')\n1 / 0\n");
  JsonValue s = parse(runSummaryJson(report.get(), false, 1));
  EXPECT_TRUE(s.find("ran")->boolean);
  EXPECT_EQ(s.find("stdout")->string, "a\n");
  EXPECT_EQ(s.find("exitCode")->number, 1);
  EXPECT_EQ(s.find("error")->find("type")->string, "ZeroDivisionError");
  EXPECT_EQ(s.find("error")->find("line")->number, 2);
}

TEST(RunSummary, LongOutputIsCutBeforeACharacterNotInsideIt) {
  // 40,000 two-byte characters: 80,000 bytes, past the 64 KiB kept; 2^16 is even, so cut at an
  // odd offset to be sure the cut can fall inside a character.
  auto report = runToEnd("print('x' + '\\u00e9' * 40000)\n");
  JsonValue s = parse(runSummaryJson(report.get(), false, 1));
  const std::string& out = s.find("stdout")->string;
  EXPECT_TRUE(s.find("stdoutTruncated")->boolean);
  EXPECT_LE(out.size(), kSummaryStdoutBytes);
  EXPECT_GE(out.size(), kSummaryStdoutBytes - 1);
  EXPECT_EQ(out.find("\xEF\xBF\xBD"), std::string::npos) << "no replacement character: the cut is clean";
  EXPECT_EQ(static_cast<unsigned char>(out.back()), 0xA9u);  // the last é is whole
}

TEST(RunSummary, BeforeTheFirstRunOnlyTheProgressIsThere) {
  JsonValue s = parse(runSummaryJson(nullptr, true, 0));
  EXPECT_TRUE(s.find("running")->boolean);
  EXPECT_EQ(s.find("runsFinished")->number, 0);
  EXPECT_EQ(s.find("ran"), nullptr);
}

}  // namespace
}  // namespace interleave::ui
