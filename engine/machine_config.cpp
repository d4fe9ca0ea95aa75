#include "machine_config.h"

#include <charconv>
#include <sstream>

namespace interleave {

const char* startMethodName(StartMethod m) {
  switch (m) {
    case StartMethod::Fork: return "fork";
    case StartMethod::Forkserver: return "forkserver";
    case StartMethod::Spawn: return "spawn";
  }
  return "fork";
}

bool parseStartMethod(const std::string& text, StartMethod* out) {
  if (text == "fork") *out = StartMethod::Fork;
  else if (text == "forkserver") *out = StartMethod::Forkserver;
  else if (text == "spawn") *out = StartMethod::Spawn;
  else return false;
  return true;
}

namespace {
bool parseInt(const std::string& s, int64_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}
bool parseBool(const std::string& s, bool* out) {
  if (s == "on" || s == "true" || s == "1" || s == "yes") *out = true;
  else if (s == "off" || s == "false" || s == "0" || s == "no") *out = false;
  else return false;
  return true;
}
}  // namespace

std::string applySetting(MachineConfig& c, const std::string& key, const std::string& value) {
  auto bad = [&](const char* expected) {
    return "invalid value '" + value + "' for setting '" + key + "' (expected " + expected + ")";
  };
  int64_t n = 0;
  Nanos d = 0;
  if (key == "cores") {
    if (!parseInt(value, &n) || n < 1 || n > 256) return bad("a whole number from 1 to 256");
    c.cores = static_cast<int>(n);
  } else if (key == "gil") {
    if (!parseBool(value, &c.gil)) return bad("on or off");
  } else if (key == "switch_interval") {
    if (!parseDuration(value, &d) || d < kMicrosecond) return bad("a duration of at least 1us, e.g. 5ms");
    c.switchInterval = d;
  } else if (key == "time_slice") {
    if (!parseDuration(value, &d) || d < 10 * kMicrosecond) return bad("a duration of at least 10us, e.g. 3ms");
    c.timeSlice = d;
  } else if (key == "context_switch") {
    if (!parseDuration(value, &d)) return bad("a duration, e.g. 2us");
    c.contextSwitch = d;
  } else if (key == "timer_slack") {
    if (!parseDuration(value, &d)) return bad("a duration, e.g. 50us");
    c.timerSlack = d;
  } else if (key == "thread_start") {
    if (!parseDuration(value, &d)) return bad("a duration, e.g. 50us");
    c.threadStart = d;
  } else if (key == "process_refill") {
    if (!parseDuration(value, &d)) return bad("a duration, e.g. 15us");
    c.crossProcessRefill = d;
  } else if (key == "start_method") {
    if (!parseStartMethod(value, &c.startMethod)) return bad("fork, forkserver or spawn");
  } else if (key == "latency" || key == "network_latency") {
    if (!parseDuration(value, &d)) return bad("a duration, e.g. 200ms");
    c.networkLatency = d;
  } else if (key == "disk_latency") {
    if (!parseDuration(value, &d)) return bad("a duration, e.g. 100us");
    c.diskLatency = d;
  } else if (key == "seed") {
    if (!parseInt(value, &n) || n < 0) return bad("a non-negative whole number");
    c.seed = static_cast<uint64_t>(n);
  } else if (key == "max_instructions") {
    if (!parseInt(value, &n) || n < 1) return bad("a positive whole number");
    c.maxInstructions = n;
  } else if (key == "os_noise") {
    bool on = false;
    if (!parseBool(value, &on)) return bad("on or off");
    c.gilWaiterChoice = on ? GilWaiterChoice::OsNoise : GilWaiterChoice::LongestWaiting;
  } else {
    return "unknown setting '" + key +
           "' (known: cores, gil, switch_interval, time_slice, context_switch, thread_start, "
           "timer_slack, process_refill, start_method, latency, disk_latency, seed, os_noise, max_instructions)";
  }
  return "";
}

std::string applySettings(MachineConfig& c, const std::string& text) {
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    size_t eq = word.find('=');
    if (eq == std::string::npos || eq == 0) return "setting '" + word + "' is not key=value";
    std::string err = applySetting(c, word.substr(0, eq), word.substr(eq + 1));
    if (!err.empty()) return err;
  }
  return "";
}

std::string describeSettings(const MachineConfig& c) {
  std::string s = "cores=" + std::to_string(c.cores) + " gil=" + (c.gil ? "on" : "off") +
                  " switch_interval=" + formatDuration(c.switchInterval) +
                  " time_slice=" + formatDuration(c.timeSlice) +
                  " start_method=" + startMethodName(c.startMethod) +
                  " latency=" + formatDuration(c.networkLatency) +
                  " seed=" + std::to_string(c.seed);
  if (c.gilWaiterChoice == GilWaiterChoice::OsNoise) s += " os_noise=on";
  return s;
}

}  // namespace interleave
