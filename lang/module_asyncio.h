// asyncio's Future and Task in C++ (the `_interleave_asyncio` module), as CPython runs them in C
// (Modules/_asynciomodule.c): the same Python-visible behaviour as the Python classes they
// replace in lang/lib/asyncio.py, each operation charged what CPython's C version costs.
// State stays in the instance's __dict__ (`_state`, `_callbacks`, ...), where subclasses, repr,
// the program and the trace's resources (resource_watch.cpp) read it.
#pragma once
#include "vm.h"

namespace interleave::lang {

// The `_interleave_asyncio` native module (`_install`, called by asyncio.py).
void installAsyncioNatives(Vm& vm);

// How the coroutine of a task step stopped (Delivery::TaskStep).
enum class StepEnd : uint8_t { Yielded, Returned, Raised };

// The rest of Task.__step once its coroutine yielded `v`, returned `v` or raised (t.raising):
// the future protocol, scheduling, the task's result or exception, the lane. True: the step is
// over (None goes to its caller); false: an exception propagates from the step (t.raising).
bool finishTaskStep(Vm& vm, PyThread& t, Value task, StepEnd how, Value v);

// SEND on a Future.__await__() iterator (Vm::futureIterType): CPython's FutureIter.
enum class FutureSend : uint8_t { Yield, Return, Raise };
FutureSend futureIterSend(Vm& vm, PyThread& t, InstanceObj* it, Value* out);

// The task's trace lane at the start (running) or end of a step (vm.cpp, with LANE's logic).
void taskStepLane(Vm& vm, InstanceObj* task, bool running);

}  // namespace interleave::lang
