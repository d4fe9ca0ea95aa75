// Built-in scenarios defined in C++ with step programs (program.h), until scenarios are Python.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "machine_config.h"
#include "simulation.h"

namespace interleave {

struct BuiltinScenario {
  std::string name;
  std::string title;        // one line for `interleave list` and the page
  std::string defaults;     // settings applied before the user's, e.g. "cores=2"
  // Adds processes/threads to a fresh simulation.
  void (*build)(Simulation& sim);
};

const std::vector<BuiltinScenario>& builtinScenarios();
const BuiltinScenario* findScenario(const std::string& name);
// Runs a built-in scenario to completion with `settings` ("cores=2 gil=off ...") applied on top
// of its defaults. Returns false and sets *error if a setting is invalid.
bool runBuiltin(const std::string& name, const std::string& settings, Trace* out,
                std::string* error);

// The scenario the page shows first.
constexpr const char* kDefaultScenario = "convoy";

}  // namespace interleave
