#include "cost_model.h"

#include "object.h"

namespace interleave::lang {

using cost_detail::ns;

void initOpCosts(std::array<int64_t, static_cast<size_t>(Op::Count)>* c) {
  auto set = [&](Op op, double v) { (*c)[static_cast<size_t>(op)] = ns(v); };
  c->fill(ns(2.0));  // instructions the calibration does not isolate
  set(Op::NOP, 0.5);
  set(Op::LANE, 0.0);  // instrumentation of the trace, no part of the program
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
  set(Op::POP_EXCEPT, 33.78);  // the calibration counts it as PUSH_EXC_INFO (folded)
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

}  // namespace interleave::lang
