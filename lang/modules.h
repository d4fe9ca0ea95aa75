// The simulated standard library (modules.cpp) and the per-process runtime it needs.
#pragma once
#include <memory>
#include <string>

#include "vm.h"

namespace interleave::lang {

struct MersenneTwister;

// What the modules need from the process running them (implemented by the runner).
class RuntimeState {
 public:
  virtual ~RuntimeState() = default;
  // A ThreadBody that runs `callable()` on a new VM thread of this process.
  virtual std::unique_ptr<ThreadBody> makeThreadBody(Value callable, const std::string& name) = 0;
  // Fork: a new process whose modules are a copy of this one's; its main thread runs
  // `callable()` (copied along) and exits with the int it returns. For a SpawnProcess request.
  // `writeEnds` gets the pipes' write ends the child inherits (forkImage).
  virtual std::unique_ptr<ThreadBody> forkProcess(Value callable, const std::string& name,
                                                  std::vector<int32_t>* writeEnds) = 0;
  // Spawn and forkserver: a new process with fresh modules (a new interpreter); its main thread
  // runs multiprocessing._spawn_child(blob, name, method), which runs the program again as __mp_main__,
  // unpickles `blob` (the Process object) and bootstraps it. For a SpawnProcess request.
  virtual std::unique_ptr<ThreadBody> spawnProcess(Value blob, const std::string& name, Value method) = 0;
  virtual bool threadAlive(int32_t engineThread) const = 0;
  virtual int64_t aliveThreads() const = 0;
  virtual MersenneTwister& twister() = 0;
  uint64_t seed = 1;
  Nanos switchInterval = 5 * kMillisecond;
};

// The running process's RuntimeState.
inline RuntimeState& runtimeState(Vm& vm) { return *static_cast<RuntimeState*>(vm.image->runtime); }

// Creates every module in vm.modules (time, sys, os, random, threading, queue, functools,
// interleave). False with *error if library code failed to load (an internal error).
bool installModules(Vm& vm, std::string* error);
// _interleave_mp and _pickle (module_multiprocessing.cpp).
void installMultiprocessingNatives(Vm& vm);
// module_files.cpp: the natives of _interleave_fs (before the library Python loads), then
// builtins.open, os's file functions and OSError's errno/strerror/filename (after).
void installFileNatives(Vm& vm);
void finishFileModules(Vm& vm);
// module_network.cpp: the natives of _interleave_net (requests, aiohttp).
void installNetworkNatives(Vm& vm);
void finishNetworkModules(Vm& vm);
// The text of lang/lib/<name>.py (embedded at build time), or nullptr.
const char* librarySource(const char* name);
// Flags a library code object (and its nested code) as kCodeLibrary.
void markLibrary(CodeObj* code);

}  // namespace interleave::lang
