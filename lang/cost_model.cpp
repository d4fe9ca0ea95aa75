#include "cost_model.h"

#include "object.h"

namespace interleave::lang {

namespace {
// ns from tools/calibrate/cost_table.json -> cost units, with the calibration factor.
constexpr int64_t ns(double v) {
  return static_cast<int64_t>(v * kCostScale * kCalibrationPercent / 100 + 0.5);
}

bool isSmallInt(const Value& v) { return v.isInt() && v.asInt() >= -5 && v.asInt() <= 256; }
// One CPython digit: |v| < 2**30.
bool isOneDigit(const Value& v) { return v.isInt() && v.asInt() > -(1LL << 30) && v.asInt() < (1LL << 30); }
bool isStr(const Value& v) { return v.isObj() && v.asObj()->kind == ObjKind::Str; }
}  // namespace

void initOpCosts(std::array<int64_t, static_cast<size_t>(Op::Count)>* c) {
  auto set = [&](Op op, double v) { (*c)[static_cast<size_t>(op)] = ns(v); };
  c->fill(ns(2.0));  // instructions the calibration does not isolate
  set(Op::NOP, 0.5);
  set(Op::RESUME, 0.5);
  set(Op::POP_TOP, 0.5);
  set(Op::COPY, 0.5);
  set(Op::SWAP, 1.66);
  set(Op::LOAD_CONST, 0.5);
  set(Op::LOAD_FAST, 0.5);
  set(Op::STORE_FAST, 0.75);
  set(Op::DELETE_FAST, 15.82);
  set(Op::LOAD_DEREF, 2.52);
  set(Op::STORE_DEREF, 16.36);
  set(Op::LOAD_CLOSURE, 0.5);
  set(Op::LOAD_GLOBAL, 2.9);
  set(Op::STORE_GLOBAL, 12.38);
  set(Op::LOAD_NAME, 11.3);
  set(Op::STORE_NAME, 11.3);
  set(Op::LOAD_ATTR, 2.12);
  set(Op::STORE_ATTR, 2.5);
  set(Op::LOAD_METHOD, 0.64);
  set(Op::BINARY_SUBSCR, 3.62);
  set(Op::STORE_SUBSCR, 1.8);
  set(Op::BUILD_SLICE, 68.63);
  set(Op::BUILD_TUPLE, 21.5);
  set(Op::BUILD_LIST, 30.84);
  set(Op::BUILD_MAP, 21.68);
  set(Op::BUILD_CONST_KEY_MAP, 76.28);
  set(Op::BUILD_STRING, 30.52);
  set(Op::LIST_APPEND, 6.32);
  set(Op::FORMAT_VALUE, 65.67);
  set(Op::UNPACK_SEQUENCE, 3.81);
  set(Op::GET_ITER, 4.08);
  set(Op::FOR_ITER, 8.71);
  set(Op::JUMP_FORWARD, 0.5);
  set(Op::JUMP_BACKWARD, 3.78);
  set(Op::JUMP_BACKWARD_NO_INTERRUPT, 0.5);
  set(Op::POP_JUMP_IF_FALSE, 3.57);
  set(Op::POP_JUMP_IF_TRUE, 3.57);
  set(Op::JUMP_IF_FALSE_OR_POP, 0.5);
  set(Op::JUMP_IF_TRUE_OR_POP, 0.92);
  set(Op::CONTAINS_OP, 13.01);
  set(Op::MAKE_FUNCTION, 39.02);
  set(Op::RETURN_VALUE, 0.5);
  set(Op::YIELD_VALUE, 5.3);
  set(Op::RAISE_VARARGS, 0.5);
  set(Op::PUSH_EXC_INFO, 33.78);
  set(Op::CHECK_EXC_MATCH, 0.5);
  set(Op::BEFORE_WITH, 95.11);
  set(Op::SETUP_FINALLY, 0);
  set(Op::SETUP_WITH, 0);
  set(Op::POP_BLOCK, 0);
  // Set per call by binaryOpCost / compareOpCost / callCost.
  set(Op::BINARY_OP, 0);
  set(Op::COMPARE_OP, 0);
  set(Op::CALL, 0);
  set(Op::CALL_KW, 0);
  set(Op::CALL_METHOD, 0);
  set(Op::CALL_METHOD_KW, 0);
  set(Op::CALL_FUNCTION_EX, 0);
}

int64_t binaryOpCost(BinaryOp op, const Value& a, const Value& b, const Value& r) {
  int base = static_cast<int>(op);
  if (base >= kInplaceOffset) base -= kInplaceOffset;
  auto bop = static_cast<BinaryOp>(base);
  bool ints = (a.isInt() || a.isBool()) && (b.isInt() || b.isBool());
  bool bigs = !ints && (a.isInt() || (a.isObj() && a.asObj()->kind == ObjKind::BigInt)) &&
              (b.isInt() || (b.isObj() && b.asObj()->kind == ObjKind::BigInt));
  if (ints || bigs) {
    bool big = bigs || !isOneDigit(r);
    switch (bop) {
      case BinaryOp::Add: case BinaryOp::Subtract:
        return isSmallInt(r) ? ns(bop == BinaryOp::Add ? 6.31 : 4.34) : big ? ns(18.83) : ns(bop == BinaryOp::Add ? 13.34 : 12.78);
      case BinaryOp::Multiply: return isSmallInt(r) ? ns(4.6) : big ? ns(19.5) : ns(9.65);
      case BinaryOp::FloorDivide: return ns(17.41);
      case BinaryOp::Remainder: return isSmallInt(r) ? ns(12.85) : ns(12.55);
      // The calibration's "big" power had a multi-digit base; a small base squared into two
      // digits costs like the one-digit case.
      case BinaryOp::Power: return bigs || !isOneDigit(a) ? ns(42.89) : ns(29.23);
      case BinaryOp::And: case BinaryOp::Or: case BinaryOp::Xor:
        return isSmallInt(r) ? ns(8.75) : ns(24.92);
      case BinaryOp::TrueDivide: return ns(13.46);
      default: return ns(13.0);
    }
  }
  if (a.isFloat() || b.isFloat()) {
    if (bop == BinaryOp::Multiply) return ns(4.76);
    if (bop == BinaryOp::TrueDivide) return ns(13.46);
    return ns(8.72);
  }
  if (isStr(a) && bop == BinaryOp::Add) return ns(37.86);
  if (isStr(a) && bop == BinaryOp::Remainder) return ns(120.0);
  return ns(30.0);
}

int64_t compareOpCost(bool fused, const Value& a) {
  if (fused) return ns(0.5);
  return isStr(a) ? ns(12.17) : ns(8.93);
}

int64_t callCost(CallKind kind, bool keywords) {
  int64_t kw = keywords ? ns(15.38) : 0;
  switch (kind) {
    case CallKind::Python: return ns(17.1) + kw;
    case CallKind::C: return ns(20.72) + kw;
    case CallKind::Class: return ns(164.43) + kw;
  }
  return ns(20.0);
}

}  // namespace interleave::lang
