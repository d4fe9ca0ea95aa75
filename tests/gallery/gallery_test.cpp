// The gallery (gallery/*.py, embedded): every example parses, runs every variant to the end on
// the simulated machine, and shows its lesson in numbers. Assertions are on virtual time and on
// what the programs print, which are deterministic.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "gallery.h"
#include "machine_config.h"
#include "runner.h"

namespace interleave::gallery {
namespace {

constexpr size_t kMinExamples = 14;  // issue 6: "a gallery of at least 14 examples"

struct Outcome {
  lang::ProgramOutcome outcome;
  Nanos makespan() const { return outcome.trace.metrics.makespan; }
  double seconds() const { return static_cast<double>(makespan()) / 1e9; }
};

const Example& example(const std::string& slug) {
  const Example* ex = findExample(slug);
  EXPECT_NE(ex, nullptr) << slug;
  if (!ex) std::abort();
  return *ex;
}

// Runs the example as written, or one of its variants.
Outcome run(const std::string& slug, const std::string& variant = "") {
  const Example& ex = example(slug);
  std::string code = ex.source, settings;
  if (!variant.empty()) {
    const int k = findVariant(ex, variant);
    EXPECT_GE(k, 0) << slug << " has no variant " << variant;
    if (k < 0) std::abort();
    code = ex.variants[static_cast<size_t>(k)].code;
    settings = ex.variants[static_cast<size_t>(k)].settings;
  }
  Outcome r{lang::runProgram("gallery/" + ex.file, code, settings)};
  EXPECT_TRUE(r.outcome.ran) << slug << " " << variant << ": " << r.outcome.stderrText;
  return r;
}

// The first number after `prefix` in the program's output.
double printed(const Outcome& r, const std::string& prefix) {
  const std::string& out = r.outcome.stdoutText;
  const size_t at = out.find(prefix);
  EXPECT_NE(at, std::string::npos) << "'" << prefix << "' not in:\n" << out;
  if (at == std::string::npos) return -1;
  std::smatch m;
  const std::string rest = out.substr(at + prefix.size());
  static const std::regex number(R"(-?[0-9][0-9,]*(\.[0-9]+)?)");
  EXPECT_TRUE(std::regex_search(rest, m, number)) << rest;
  std::string digits = m.str();
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  return std::strtod(digits.c_str(), nullptr);
}

Nanos timeIn(const Trace& t, State state, LaneKind kind) {
  Nanos total = 0;
  for (const Lane& l : t.lanes) {
    if (l.kind != kind) continue;
    for (const Segment& s : l.segments)
      if (s.state == state) total += s.end - s.start;
  }
  return total;
}

Nanos timeInLane(const Trace& t, const std::string& laneName, State state) {
  Nanos total = 0;
  for (const Lane& l : t.lanes) {
    if (l.name.find(laneName) == std::string::npos) continue;
    for (const Segment& s : l.segments)
      if (s.state == state) total += s.end - s.start;
  }
  return total;
}

constexpr Nanos ms(double v) { return static_cast<Nanos>(v * 1e6); }

// ---- the files ---------------------------------------------------------------------------------

TEST(Gallery, EveryEmbeddedFileParses) {
  for (const std::string& e : loadErrors()) ADD_FAILURE() << e;
  EXPECT_GE(examples().size(), kMinExamples);
}

TEST(Gallery, SlugsAreUniqueAndEachExampleExplainsItself) {
  std::set<std::string> slugs;
  for (const Example& ex : examples()) {
    EXPECT_TRUE(slugs.insert(ex.slug).second) << ex.slug;
    EXPECT_FALSE(ex.title.empty()) << ex.file;
    EXPECT_GE(ex.explanation.size(), 300u) << ex.file << ": one paragraph, what to look at and why";
    EXPECT_EQ(findExample(ex.slug), &ex);
    EXPECT_EQ(findExample(ex.file), &ex);
  }
}

TEST(Gallery, TheFileIsItsOwnLiveVariant) {
  for (const Example& ex : examples()) {
    if (ex.compare == CompareKind::None) {
      EXPECT_EQ(ex.liveVariant, -1);
      continue;
    }
    ASSERT_GE(ex.liveVariant, 0) << ex.file;
    const Variant& live = ex.variants[static_cast<size_t>(ex.liveVariant)];
    // python3 FILE runs the same program the page shows as the current run.
    if (ex.compare == CompareKind::Code) EXPECT_EQ(live.code, ex.source) << ex.file;
    if (ex.compare == CompareKind::Settings) {
      MachineConfig header, withVariant;
      applySettings(header, ex.settings);
      applySettings(withVariant, ex.settings);
      applySettings(withVariant, live.settings);
      EXPECT_EQ(describeSettings(header), describeSettings(withVariant)) << ex.file;
    }
  }
}

TEST(Gallery, FindsExamplesByNumber) {
  ASSERT_NE(findExample("1"), nullptr);
  EXPECT_EQ(findExample("01"), findExample("1"));
  EXPECT_EQ(findExample("01")->file.substr(0, 3), "01_");
  EXPECT_EQ(findExample("no_such_example"), nullptr);
  EXPECT_EQ(findExample(""), nullptr);
}

TEST(GalleryHeader, ParsesTitleExplanationSettingsAndCodeVariants) {
  const std::string src =
      "# A title\n#\n# First line of the paragraph,\n# second line.\n#\n"
      "# interleave: cores=2\n# compare-code: MODEL = \"a\" | \"b\" | 3\nimport time\nMODEL = \"b\"\n"
      "if MODEL == \"a\":\n    MODEL = \"x\"\n";
  Example ex;
  std::string error;
  ASSERT_TRUE(parseExample("07_some_thing.py", src, &ex, &error)) << error;
  EXPECT_EQ(ex.slug, "some_thing");
  EXPECT_EQ(ex.title, "A title");
  EXPECT_EQ(ex.explanation, "First line of the paragraph, second line.");
  EXPECT_EQ(ex.settings, "cores=2");
  ASSERT_EQ(ex.variants.size(), 3u);
  EXPECT_EQ(ex.variants[0].label, "a");
  EXPECT_EQ(ex.variants[2].label, "MODEL = 3");  // not a string: the label names the variable
  EXPECT_EQ(ex.liveVariant, 1);
  // Only the top-level assignment changes; `MODEL == "a"` and the indented line stay.
  EXPECT_NE(ex.variants[0].code.find("\nMODEL = \"a\"\nif MODEL == \"a\":\n    MODEL = \"x\"\n"),
            std::string::npos)
      << ex.variants[0].code;
}

TEST(GalleryHeader, SettingsVariantsKeepTheCodeAndFindTheLiveOne) {
  const std::string src =
      "# T\n#\n# Explanation.\n#\n# interleave: cores=4\n# compare-settings: cores=2 | cores=4 | gil=off\npass\n";
  Example ex;
  std::string error;
  ASSERT_TRUE(parseExample("02_t.py", src, &ex, &error)) << error;
  ASSERT_EQ(ex.variants.size(), 3u);
  EXPECT_EQ(ex.liveVariant, 1);  // cores=4 on top of cores=4 changes nothing
  EXPECT_EQ(ex.variants[2].settings, "gil=off");
  EXPECT_EQ(ex.variants[2].code, src);
}

TEST(GalleryHeader, RejectsMalformedHeaders) {
  const auto bad = [](const std::string& src) {
    Example ex;
    std::string error;
    const bool ok = parseExample("03_x.py", src, &ex, &error);
    EXPECT_FALSE(ok) << src;
    EXPECT_FALSE(error.empty());
    return error;
  };
  bad("print(1)\n");                                                   // no header
  bad("# T\n# no blank line\n# interleave: cores=2\n");                // no '#' after the title
  bad("# T\n#\n#\n# interleave: cores=2\n");                           // no explanation
  bad("# T\n#\n# E.\n#\n# compare-code: M = 1 | 2\nM = 1\n");          // no settings line
  bad("# T\n#\n# E.\n#\n# interleave: cores=zero\n");                  // bad setting
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# colour: blue\n");     // unknown key
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# compare-code: M = 1 | 2\nN = 1\n");  // no M =
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# compare-code: M = 1\nM = 1\n");      // one variant
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# compare-settings: cores=2 | cores=two\n");
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# compare-settings: gil=on | gil=on\n");
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# compare-settings: a=1 | | b=2\n");
  bad("# T\n#\n# E.\n#\n# interleave: cores=2\n# compare-code: M = 1|2|3|4|5|6|7\nM = 1\n");
  // An explanation line that the runner would take for the settings.
  bad("# T\n#\n# Set interleave: cores=8 to see.\n#\n# interleave: cores=2\n");
  bad(std::string(kMaxExampleBytes + 1, '#'));
}

TEST(GalleryHeader, ReplaceAssignmentLeavesComparisonsAndIndentedLinesAlone) {
  std::string out;
  EXPECT_FALSE(replaceAssignment("MODEL == 1\n  MODEL = 2\n", "MODEL", "3", &out));
  ASSERT_TRUE(replaceAssignment("MODELS = 0\nMODEL=1  # old\nMODEL = 2\n", "MODEL", "'x'", &out));
  EXPECT_EQ(out, "MODELS = 0\nMODEL = 'x'\nMODEL = 2\n");
}

TEST(GalleryHeader, ListJsonNamesEveryExample) {
  const std::string json = listJson();
  for (const Example& ex : examples()) EXPECT_NE(json.find("\"slug\":\"" + ex.slug + "\""), std::string::npos);
}

// ---- every program runs ------------------------------------------------------------------------

TEST(GalleryRuns, EveryExampleAndVariantRunsToTheEnd) {
  for (const Example& ex : examples()) {
    std::vector<std::string> variants{""};
    for (const Variant& v : ex.variants) variants.push_back(v.label);
    for (const std::string& variant : variants) {
      Outcome r = run(ex.slug, variant);
      const std::string what = ex.slug + (variant.empty() ? "" : " [" + variant + "]");
      if (ex.slug == "deadlock") {
        EXPECT_FALSE(r.outcome.trace.completed) << what;
        continue;
      }
      EXPECT_TRUE(r.outcome.trace.completed) << what << ": " << r.outcome.trace.stopReason;
      EXPECT_EQ(r.outcome.exitCode, 0) << what << ":\n" << r.outcome.stderrText;
      EXPECT_FALSE(r.outcome.stdoutText.empty()) << what;
      EXPECT_GT(r.makespan(), 0) << what;
      // Fast on the page: no example needs more than a few seconds of virtual time.
      EXPECT_LT(r.makespan(), 3 * kSecond) << what;
    }
  }
}

// ---- the lessons, in numbers ---------------------------------------------------------------------

TEST(GalleryLessons, IoBoundJobThreadsAndAsyncioTakeAboutOneEighthOfSequential) {
  const Outcome seq = run("io_four_models", "sequential");
  const Outcome threads = run("io_four_models", "threads");
  const Outcome procs = run("io_four_models", "processes");
  const Outcome aio = run("io_four_models", "asyncio");
  EXPECT_NEAR(seq.seconds(), 1.6, 0.02);
  EXPECT_NEAR(threads.seconds(), 0.2, 0.01);  // 8 pages, 1/8 of the time
  EXPECT_NEAR(aio.seconds(), 0.2, 0.01);
  EXPECT_LT(procs.makespan(), seq.makespan() / 6);
  EXPECT_GT(procs.makespan(), threads.makespan());  // starting workers and pickling cost
}

TEST(GalleryLessons, CpuBoundJobOnlyProcessesSpeedUp) {
  const Outcome seq = run("cpu_four_models", "sequential");
  const Outcome threads = run("cpu_four_models", "threads");
  const Outcome procs = run("cpu_four_models", "processes");
  const Outcome aio = run("cpu_four_models", "asyncio");
  EXPECT_NEAR(seq.seconds(), 0.8, 0.02);
  EXPECT_GE(threads.makespan(), seq.makespan() * 98 / 100);  // the GIL: no gain
  EXPECT_GE(aio.makespan(), seq.makespan() * 98 / 100);
  EXPECT_LT(procs.makespan(), seq.makespan() * 30 / 100);  // four cores
  EXPECT_GT(timeIn(threads.outcome.trace, State::WaitingGil, LaneKind::Thread), ms(500));
}

TEST(GalleryLessons, GilThreadsGiveNoSpeedUp) {
  const Outcome r = run("gil_cpu_threads");
  const double speedup = printed(r, "speed-up:");
  EXPECT_GT(speedup, 0.9);
  EXPECT_LT(speedup, 1.1);
  EXPECT_GE(r.outcome.trace.metrics.gilHandoffs, 4);
  EXPECT_GT(r.outcome.trace.metrics.gilWaited, ms(10));
}

TEST(GalleryLessons, FreeThreadedBuildScalesWithCores) {
  const Outcome on = run("free_threaded", "gil=on");
  const Outcome off = run("free_threaded", "gil=off");
  EXPECT_LT(off.makespan(), on.makespan() * 35 / 100);  // 4 threads on 4 cores
  EXPECT_EQ(timeIn(off.outcome.trace, State::WaitingGil, LaneKind::Thread), 0);
}

TEST(GalleryLessons, ConvoyMakesShortReadsWaitForTheGil) {
  const Outcome r = run("convoy");
  const double alone = printed(r, "alone: 40 reads took");
  const double beside = printed(r, "beside a CPU-bound thread: 40 reads took");
  EXPECT_NEAR(alone, 42, 5);           // 40 x 1 ms and a little
  EXPECT_GT(beside, alone * 4);        // ~ one switch interval per read
  EXPECT_LT(beside, 40 * (5 + 1) + 20);
}

TEST(GalleryLessons, RaceLosesSalesAndTheLockKeepsThem) {
  const Outcome racy = run("race_and_lock", "USE_LOCK = False");
  const Outcome locked = run("race_and_lock", "USE_LOCK = True");
  EXPECT_EQ(printed(racy, "tickets left:"), 99);  // nine of ten sales lost
  EXPECT_EQ(printed(locked, "tickets left:"), 90);
  EXPECT_GT(locked.makespan(), racy.makespan() * 5);  // the sales in turn
  EXPECT_GT(timeIn(locked.outcome.trace, State::BlockedSync, LaneKind::Thread), ms(20));
}

TEST(GalleryLessons, DeadlockIsDiagnosedWithItsCycle) {
  const Outcome r = run("deadlock");
  EXPECT_FALSE(r.outcome.trace.completed);
  const std::string& why = r.outcome.trace.stopReason;
  EXPECT_NE(why.find("deadlock"), std::string::npos) << why;
  EXPECT_NE(why.find("Thread-1 (transfer) waits in Lock.acquire()"), std::string::npos) << why;
  EXPECT_NE(why.find("Thread-2 (transfer) waits in Lock.acquire()"), std::string::npos) << why;
  EXPECT_EQ(r.outcome.stdoutText.find("got both locks"), std::string::npos);
}

TEST(GalleryLessons, SemaphoreLetsThreeInAtATime) {
  const Outcome r = run("semaphore");
  EXPECT_EQ(printed(r, "at most"), 3);
  EXPECT_NEAR(r.seconds(), 0.8, 0.01);  // 12 requests, 3 at a time, 0.2 s each
}

TEST(GalleryLessons, BlockingCallFreezesTheEventLoop) {
  const Outcome blocking = run("blocked_event_loop", "BLOCKING = True");
  const Outcome fixed = run("blocked_event_loop", "BLOCKING = False");
  EXPECT_NEAR(blocking.seconds(), 0.6, 0.01);
  EXPECT_NEAR(fixed.seconds(), 0.2, 0.01);
  EXPECT_GE(timeIn(blocking.outcome.trace, State::LoopFrozen, LaneKind::EventLoop), ms(600));
  EXPECT_EQ(timeIn(fixed.outcome.trace, State::LoopFrozen, LaneKind::EventLoop), 0);
}

TEST(GalleryLessons, UnawaitedCoroutineWarnsAndNeverRuns) {
  const Outcome r = run("unawaited_coroutine");
  EXPECT_NE(r.outcome.stderrText.find("RuntimeWarning: coroutine 'save' was never awaited"), std::string::npos)
      << r.outcome.stderrText;
  EXPECT_EQ(printed(r, "saved:"), 0);
  EXPECT_LT(r.makespan(), ms(5));  // the 0.1 s save never happened
}

TEST(GalleryLessons, PipelineBlocksOnAnEmptyAndOnAFullQueue) {
  const Outcome r = run("producer_consumer");
  EXPECT_EQ(printed(r, ""), 12);
  const Trace& t = r.outcome.trace;
  EXPECT_GT(timeInLane(t, "producer", State::BlockedSync), ms(50));  // put on a full queue
  EXPECT_GT(timeInLane(t, "worker-1", State::BlockedSync), ms(20));  // get on an empty one
  // The thumbnails need the GIL: the two workers together are no faster than 12 x 50 ms.
  EXPECT_GE(r.makespan(), ms(600));
}

TEST(GalleryLessons, ProcessPoolIsSlowerThanALoopForTinyTasks) {
  const Outcome r = run("process_pool_tiny_tasks");
  const double loop = printed(r, "plain loop:");
  const double pool = printed(r, "process pool:");
  EXPECT_GT(pool, loop * 100);
  EXPECT_GE(r.outcome.trace.metrics.processesStarted, 2);
}

TEST(GalleryLessons, SplittingMixedWorkByStageBeatsThreadsAlone) {
  const Outcome threads = run("mixed_by_stage", "threads");
  const Outcome split = run("mixed_by_stage", "processes");
  EXPECT_NEAR(threads.seconds(), 1.0, 0.03);  // 0.2 s of downloads + 8 x 0.1 s under one GIL
  EXPECT_LT(split.makespan(), threads.makespan() * 50 / 100);
}

TEST(GalleryLessons, ToThreadKeepsTheLoopResponsive) {
  const Outcome r = run("to_thread");
  EXPECT_NEAR(r.seconds(), 0.3, 0.01);  // the three blocking reads overlap
  EXPECT_GE(printed(r, "ticked"), 5);
  // Frozen only while starting the three worker threads (~50 us each), never for a 0.3 s read.
  EXPECT_LT(timeIn(r.outcome.trace, State::LoopFrozen, LaneKind::EventLoop), ms(1));
}

TEST(GalleryLessons, DefaultWorkerCountFollowsTheCores) {
  const std::map<std::string, std::pair<double, double>> expected{
      {"cores=2", {6, 0.4}}, {"cores=4", {8, 0.3}}, {"cores=8", {12, 0.2}}};
  for (const auto& [variant, want] : expected) {
    const Outcome r = run("default_workers", variant);
    EXPECT_EQ(printed(r, "->"), want.first) << variant;
    EXPECT_NEAR(r.seconds(), want.second, 0.01) << variant;
    int workers = 0;
    for (const Lane& l : r.outcome.trace.lanes)
      if (l.kind == LaneKind::Thread && l.name.find("ThreadPoolExecutor") != std::string::npos) ++workers;
    EXPECT_EQ(workers, want.first) << variant;
  }
}

TEST(GalleryLessons, SpawnStartsProcessesSlowerThanFork) {
  const Outcome fork = run("start_methods", "start_method=fork");
  const Outcome forkserver = run("start_methods", "start_method=forkserver");
  const Outcome spawn = run("start_methods", "start_method=spawn");
  EXPECT_LT(fork.makespan(), forkserver.makespan());
  EXPECT_LT(forkserver.makespan(), spawn.makespan());
  EXPECT_GT(spawn.makespan() - fork.makespan(), ms(40));
}

}  // namespace
}  // namespace interleave::gallery
