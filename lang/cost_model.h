// The virtual CPU time of Python code: what each instruction costs, calibrated against CPython
// 3.11.7 on the development machine (tools/calibrate, docs/cost-model.md). Costs are integers
// in hundredths of a nanosecond so that sub-nanosecond instructions add up exactly.
#pragma once
#include <array>
#include <cstdint>

#include "opcodes.h"
#include "value.h"

namespace interleave::lang {

constexpr int64_t kCostScale = 100;  // cost units per nanosecond

// The calibration table was measured on a quiet run of the machine; the reference
// loops (58 ns and 73 ns per iteration) were measured on a typical one. Scale to those.
constexpr int64_t kCalibrationPercent = 110;

void initOpCosts(std::array<int64_t, static_cast<size_t>(Op::Count)>* costs);

// BINARY_OP depends on the operator, the operand types and the size of the result (CPython
// preallocates -5..256, and ints of one 30-bit digit are cheaper than bigger ones).
int64_t binaryOpCost(BinaryOp op, const Value& a, const Value& b, const Value& result);
// COMPARE_OP feeding a conditional jump is fused in 3.11 (nearly free); as a value it is not.
int64_t compareOpCost(bool fusedWithJump, const Value& a);

enum class CallKind : uint8_t { Python, C, Class };
int64_t callCost(CallKind kind, bool keywords);

}  // namespace interleave::lang
