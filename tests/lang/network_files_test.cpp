// The simulated network (requests, aiohttp) and disk (open, os) cost what the machine settings
// say: a request is one round trip of `latency`, a disk access one `disk_latency`, and both are
// waits without the GIL, so threads and tasks overlap them.
#include <gtest/gtest.h>

#include <string>

#include "runner.h"

using namespace interleave;
using namespace interleave::lang;

namespace {

ProgramOutcome run(const std::string& source, const std::string& settings = "") {
  ProgramOutcome o = runProgram("scenario.py", source, settings);
  EXPECT_EQ(o.exitCode, 0) << o.stderrText;
  return o;
}

Nanos makespan(const std::string& source, const std::string& settings = "") {
  return run(source, settings).trace.metrics.makespan;
}

const char* kOneRequest = "import requests\nrequests.get('https://api.example.com/items/1')\n";

const char* kTenThreads = R"PY(
import threading, requests
def fetch(i):
    requests.get(f'https://api.example.com/items/{i}')
ts = [threading.Thread(target=fetch, args=(i,)) for i in range(10)]
for t in ts: t.start()
for t in ts: t.join()
)PY";

const char* kGather = R"PY(
import asyncio, aiohttp
async def fetch(session, i):
    async with session.get(f'https://api.example.com/items/{i}') as resp:
        return await resp.json()
async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, i) for i in range(10)))
    print(len(results), results[9]['id'])
asyncio.run(main())
)PY";

const char* kWriteRead = R"PY(
with open('data.txt', 'w') as f:
    f.write('hello')
with open('data.txt') as f:
    print(f.read())
)PY";

}  // namespace

TEST(Network, OneRequestTakesTheDefaultLatencyOf200Ms) {
  Nanos m = makespan(kOneRequest);
  EXPECT_GE(m, 200 * kMillisecond);
  EXPECT_LT(m, 201 * kMillisecond);
}

TEST(Network, TheLatencySettingChangesTheMakespan) {
  Nanos fast = makespan(kOneRequest, "latency=50ms");
  Nanos slow = makespan(kOneRequest, "latency=1s");
  EXPECT_GE(fast, 50 * kMillisecond);
  EXPECT_LT(fast, 51 * kMillisecond);
  EXPECT_GE(slow, 1000 * kMillisecond);
  EXPECT_LT(slow, 1001 * kMillisecond);
}

TEST(Network, TheLatencyCanBeSetInTheHeaderComment) {
  Nanos m = makespan(std::string("# interleave: latency=300ms\n") + kOneRequest);
  EXPECT_GE(m, 300 * kMillisecond);
  EXPECT_LT(m, 301 * kMillisecond);
}

TEST(Network, RequestsInTenThreadsOverlapToAboutOneLatency) {
  Nanos m = makespan(kTenThreads);
  EXPECT_GE(m, 200 * kMillisecond);
  EXPECT_LT(m, 210 * kMillisecond);  // not 10 x 200 ms
}

TEST(Network, RequestsOneAfterAnotherAddUp) {
  Nanos m = makespan("import requests\nfor i in range(5):\n    requests.get('https://a.example/')\n");
  EXPECT_GE(m, 1000 * kMillisecond);
  EXPECT_LT(m, 1002 * kMillisecond);
}

TEST(Network, ARequestReleasesTheGilSoACpuThreadKeepsRunning) {
  // A thread burning 0.5 s of Python beside a thread making two 0.2 s requests: the requests
  // wait without the GIL (each pays at most a switch interval to get it back).
  Nanos m = makespan(R"PY(
import threading, requests
from interleave import cpu
c = threading.Thread(target=cpu, args=(0.5,))
r = threading.Thread(target=lambda: [requests.get('https://a.example/') for _ in range(2)])
c.start(); r.start(); c.join(); r.join()
)PY");
  EXPECT_LT(m, 520 * kMillisecond);
}

TEST(Network, AiohttpRequestsGatheredOverlapToAboutOneLatency) {
  ProgramOutcome o = run(kGather);
  EXPECT_EQ(o.stdoutText, "10 9\n");
  EXPECT_GE(o.trace.metrics.makespan, 200 * kMillisecond);
  EXPECT_LT(o.trace.metrics.makespan, 205 * kMillisecond);
}

TEST(Network, TheEventLoopUsesNoCpuWhileRequestsAreInFlight) {
  ProgramOutcome o = run(kGather);
  EXPECT_LT(o.trace.metrics.totalCpu, 5 * kMillisecond);
}

TEST(Network, ConnectionsToOneServerAreCountedAtTheirPeak) {
  ProgramOutcome o = run(std::string(kTenThreads) +
                         "import _interleave_http\nprint(_interleave_http.peak_connections('api.example.com'))\n");
  EXPECT_EQ(o.stdoutText, "10\n");
}

TEST(Network, AReadTimeoutShorterThanTheLatencyRaisesAfterTheTimeout) {
  ProgramOutcome o = run(R"PY(
import requests, time
try:
    requests.get('https://a.example/', timeout=0.05)
except requests.exceptions.ReadTimeout as e:
    print(type(e).__name__, round(time.perf_counter(), 3))
)PY");
  EXPECT_EQ(o.stdoutText, "ReadTimeout 0.05\n");
}

TEST(Files, ReadingAMissingFileRaisesFileNotFoundErrorWithErrno) {
  ProgramOutcome o = runProgram("scenario.py", "open('x.json')\n", "");
  EXPECT_EQ(o.exitCode, 1);
  EXPECT_NE(o.stderrText.find("FileNotFoundError: [Errno 2] No such file or directory: 'x.json'\n"), std::string::npos)
      << o.stderrText;
}

TEST(Files, AWriteAndAReadCostFourDiskAccesses) {
  // open + write (at close) + open + read, each one disk access of the default 100 us.
  ProgramOutcome o = run(kWriteRead);
  EXPECT_EQ(o.stdoutText, "hello\n");
  EXPECT_GE(o.trace.metrics.makespan, 400 * kMicrosecond);
  EXPECT_LT(o.trace.metrics.makespan, 500 * kMicrosecond);
}

TEST(Files, TheDiskLatencySettingChangesTheCost) {
  Nanos m = makespan(kWriteRead, "disk_latency=10ms");
  EXPECT_GE(m, 40 * kMillisecond);
  EXPECT_LT(m, 41 * kMillisecond);
}

TEST(Files, SmallWritesAreBufferedUntilCloseLikeCPython) {
  // 1000 small writes: one disk write at close, not 1000.
  Nanos m = makespan("f = open('log.txt', 'w')\nfor i in range(1000):\n    f.write('line\\n')\nf.close()\n",
                     "disk_latency=10ms");
  EXPECT_GE(m, 20 * kMillisecond);
  EXPECT_LT(m, 25 * kMillisecond);
}

TEST(Files, DiskWaitsReleaseTheGilSoThreadsOverlapThem) {
  Nanos m = makespan(R"PY(
import threading
def work(i):
    with open(f'f{i}.txt', 'w') as f:
        f.write('x')
ts = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in ts: t.start()
for t in ts: t.join()
)PY",
                     "disk_latency=10ms");
  EXPECT_GE(m, 20 * kMillisecond);
  EXPECT_LT(m, 25 * kMillisecond);  // not 8 x 20 ms
}

TEST(Files, WhatOneThreadWritesAnotherReads) {
  ProgramOutcome o = run(R"PY(
import threading, json, os
def writer():
    with open('shared.json', 'w') as f:
        json.dump({'n': 42}, f)
t = threading.Thread(target=writer)
t.start(); t.join()
with open('shared.json') as f:
    print(json.load(f), os.path.exists('shared.json'), os.listdir('.'))
)PY");
  EXPECT_EQ(o.stdoutText, "{'n': 42} True ['shared.json']\n");
}
