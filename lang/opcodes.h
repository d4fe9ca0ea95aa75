// The VM's instruction set, one X-macro list. Names follow CPython 3.11 where the operation is
// the same, so costs calibrated on CPython map one to one (see docs/cost-model.md).
// X(name, cpython-cost-key, comment)
#pragma once
#include <cstdint>

namespace interleave::lang {

#define INTERLEAVE_OPCODES(X)                                                                  \
  X(NOP, NOP, "do nothing")                                                                    \
  X(RESUME, RESUME, "function entry (arg 0) or after a yield (1): an eval-breaker point")     \
  X(POP_TOP, POP_TOP, "pop one value")                                                         \
  X(COPY, COPY, "push a copy of the arg-th value from the top (1 = top)")                      \
  X(SWAP, SWAP, "swap top with the arg-th value")                                              \
  X(LOAD_CONST, LOAD_CONST, "push constants[arg]")                                             \
  X(LOAD_FAST, LOAD_FAST, "push local arg (UnboundLocalError if unset)")                       \
  X(STORE_FAST, STORE_FAST, "pop into local arg")                                              \
  X(DELETE_FAST, DELETE_FAST, "unbind local arg")                                              \
  X(LOAD_DEREF, LOAD_DEREF, "push the value of cell arg")                                      \
  X(STORE_DEREF, STORE_DEREF, "pop into cell arg")                                             \
  X(DELETE_DEREF, DELETE_DEREF, "unbind cell arg")                                             \
  X(LOAD_CLOSURE, LOAD_CLOSURE, "push cell arg itself (to build a closure)")                   \
  X(LOAD_CLASSDEREF, LOAD_CLASSDEREF, "class body: name from locals, else from cell arg")      \
  X(LOAD_GLOBAL, LOAD_GLOBAL, "push global names[arg], else builtin")                          \
  X(STORE_GLOBAL, STORE_GLOBAL, "pop into global names[arg]")                                  \
  X(DELETE_GLOBAL, DELETE_GLOBAL, "unbind global names[arg]")                                  \
  X(LOAD_NAME, LOAD_NAME, "module/class body: locals, globals, builtins")                      \
  X(STORE_NAME, STORE_NAME, "module/class body: pop into locals")                              \
  X(DELETE_NAME, DELETE_NAME, "module/class body: unbind")                                     \
  X(LOAD_ATTR, LOAD_ATTR, "replace top with top.names[arg]")                                   \
  X(STORE_ATTR, STORE_ATTR, "top.names[arg] = second; pop both")                               \
  X(DELETE_ATTR, DELETE_ATTR, "del top.names[arg]")                                            \
  X(LOAD_METHOD, LOAD_METHOD, "push method and self (or attribute and a null marker)")        \
  X(BINARY_OP, BINARY_OP, "binary or in-place operator arg (BinaryOp)")                        \
  X(UNARY_NEGATIVE, UNARY_NEGATIVE, "-top")                                                    \
  X(UNARY_POSITIVE, UNARY_POSITIVE, "+top")                                                    \
  X(UNARY_NOT, UNARY_NOT, "not top")                                                           \
  X(UNARY_INVERT, UNARY_INVERT, "~top")                                                        \
  X(COMPARE_OP, COMPARE_OP, "rich comparison arg (CompareOp)")                                 \
  X(IS_OP, IS_OP, "is (arg 0) / is not (arg 1)")                                               \
  X(CONTAINS_OP, CONTAINS_OP, "in (arg 0) / not in (arg 1)")                                   \
  X(BINARY_SUBSCR, BINARY_SUBSCR, "second[top]")                                               \
  X(STORE_SUBSCR, STORE_SUBSCR, "second[top] = third")                                         \
  X(DELETE_SUBSCR, DELETE_SUBSCR, "del second[top]")                                           \
  X(BUILD_SLICE, BUILD_SLICE, "slice of 2 or 3 values")                                        \
  X(BUILD_TUPLE, BUILD_TUPLE, "tuple of arg values")                                           \
  X(BUILD_LIST, BUILD_LIST, "list of arg values")                                              \
  X(BUILD_SET, BUILD_SET, "set of arg values")                                                 \
  X(BUILD_MAP, BUILD_MAP, "dict of arg key/value pairs")                                       \
  X(BUILD_CONST_KEY_MAP, BUILD_CONST_KEY_MAP, "dict from arg values and a tuple of keys")     \
  X(BUILD_STRING, BUILD_STRING, "concatenate arg strings (f-strings)")                         \
  X(LIST_APPEND, LIST_APPEND, "comprehension: stack[-arg].append(pop)")                        \
  X(SET_ADD, SET_ADD, "comprehension: stack[-arg].add(pop)")                                   \
  X(MAP_ADD, MAP_ADD, "comprehension: stack[-arg][key] = value")                               \
  X(LIST_EXTEND, LIST_EXTEND, "stack[-arg].extend(pop)")                                       \
  X(SET_UPDATE, SET_UPDATE, "stack[-arg].update(pop)")                                         \
  X(DICT_UPDATE, DICT_UPDATE, "stack[-arg].update(pop)")                                       \
  X(DICT_MERGE, DICT_MERGE, "like DICT_UPDATE, error on duplicate keys (f(**a, **b))")        \
  X(LIST_TO_TUPLE, LIST_TO_TUPLE, "replace a list with a tuple")                               \
  X(FORMAT_VALUE, FORMAT_VALUE, "f-string field: arg&3 conversion, arg&4 spec on stack")       \
  X(UNPACK_SEQUENCE, UNPACK_SEQUENCE, "a, b = top")                                            \
  X(UNPACK_EX, UNPACK_EX, "a, *b, c = top (arg = before | after << 8)")                        \
  X(GET_ITER, GET_ITER, "iter(top)")                                                           \
  X(FOR_ITER, FOR_ITER, "push next(top), or pop and jump to arg when exhausted")               \
  X(JUMP_FORWARD, JUMP_FORWARD, "jump to arg")                                                 \
  X(JUMP_BACKWARD, JUMP_BACKWARD, "jump to arg: a loop back-edge, an eval-breaker point")      \
  X(JUMP_BACKWARD_NO_INTERRUPT, JUMP_BACKWARD_NO_INTERRUPT, "back-edge of an await loop: no check") \
  X(POP_JUMP_IF_FALSE, POP_JUMP_FORWARD_IF_FALSE, "pop; jump to arg if falsy (backward: breaker)") \
  X(POP_JUMP_IF_TRUE, POP_JUMP_FORWARD_IF_TRUE, "pop; jump to arg if truthy (backward: breaker)") \
  X(JUMP_IF_FALSE_OR_POP, JUMP_IF_FALSE_OR_POP, "and: keep top and jump if falsy, else pop")  \
  X(JUMP_IF_TRUE_OR_POP, JUMP_IF_TRUE_OR_POP, "or: keep top and jump if truthy, else pop")    \
  X(CALL, CALL, "call with arg positional args: callable, args...")                            \
  X(CALL_KW, CALL, "call: callable, args..., kwnames tuple; arg = total args")                 \
  X(CALL_FUNCTION_EX, CALL_FUNCTION_EX, "call(*tuple[, **dict]); arg & 1: dict present")      \
  X(CALL_METHOD, CALL, "after LOAD_METHOD: method, self-or-null, args...")                     \
  X(CALL_METHOD_KW, CALL, "after LOAD_METHOD, with a kwnames tuple on top")                   \
  X(MAKE_FUNCTION, MAKE_FUNCTION, "code on top; arg flags: 1 defaults, 2 kwdefaults, 8 closure")\
  X(RETURN_VALUE, RETURN_VALUE, "return top to the caller")                                    \
  X(YIELD_VALUE, YIELD_VALUE, "generator: yield top")                                          \
  X(GET_AWAITABLE, GET_AWAITABLE, "replace top with its awaitable (arg: where, for messages)") \
  X(SEND, SEND, "delegate to the awaitable below top: send top into it; jump to arg when done")\
  X(SETUP_FINALLY, NOP, "push a handler block: exceptions jump to arg (zero cost, like 3.11)") \
  X(POP_BLOCK, NOP, "pop the innermost handler block")                                       \
  X(SETUP_WITH, NOP, "like SETUP_FINALLY, below the __enter__ result on top (3.11 SETUP_WITH)") \
  X(RAISE_VARARGS, RAISE_VARARGS, "raise (0: re-raise, 1: exc, 2: exc from cause)")           \
  X(RERAISE, RERAISE, "re-raise top (arg: pop lasti too)")                                     \
  X(PUSH_EXC_INFO, PUSH_EXC_INFO, "entering a handler: save the handled exception")           \
  X(POP_EXCEPT, POP_EXCEPT, "leaving a handler: restore the saved exception")                 \
  X(CHECK_EXC_MATCH, CHECK_EXC_MATCH, "push isinstance(second, top); pop top")                 \
  X(CHECK_EG_MATCH, CHECK_EG_MATCH, "except*: split the exception group")                     \
  X(PREP_RERAISE_STAR, PREP_RERAISE_STAR, "except*: combine what is left to re-raise")        \
  X(BEFORE_WITH, BEFORE_WITH, "push __exit__ and the result of __enter__()")                  \
  X(BEFORE_ASYNC_WITH, BEFORE_ASYNC_WITH, "push __aexit__ and __aenter__() awaitable")        \
  X(WITH_EXCEPT_START, WITH_EXCEPT_START, "call __exit__(type, exc, tb) in a handler")        \
  X(GET_AITER, GET_AITER, "aiter(top)")                                                        \
  X(GET_ANEXT, GET_ANEXT, "push awaitable of anext(top)")                                      \
  X(END_ASYNC_FOR, END_ASYNC_FOR, "StopAsyncIteration ends the loop, else re-raise")          \
  X(LOAD_BUILD_CLASS, LOAD_BUILD_CLASS, "push __build_class__")                                \
  X(LOAD_ASSERTION_ERROR, LOAD_ASSERTION_ERROR, "push AssertionError")                         \
  X(IMPORT_NAME, IMPORT_NAME, "import names[arg]")                                             \
  X(IMPORT_FROM, IMPORT_FROM, "push top.names[arg] (ImportError if missing)")                 \
  X(IMPORT_STAR, IMPORT_STAR, "from top import *")                                             \
  X(RETURN_GENERATOR, RETURN_GENERATOR, "make the generator/coroutine object and return it") \
  X(LANE, NOP, "library instrumentation, no cost: trace lane action arg & 0xff (LaneHook) on locals (arg >> 8) & 0xfff and arg >> 20, each + 1")

enum class Op : uint8_t {
#define INTERLEAVE_OP_ENUM(name, cost, doc) name,
  INTERLEAVE_OPCODES(INTERLEAVE_OP_ENUM)
#undef INTERLEAVE_OP_ENUM
  Count
};

const char* opName(Op op);

// BINARY_OP's argument, as CPython 3.11 numbers them (NB_*): in-place forms are +13.
enum class BinaryOp : uint8_t {
  Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift,
  Subtract, TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLshift, InplaceMatrixMultiply,
  InplaceMultiply, InplaceRemainder, InplaceOr, InplacePower, InplaceRshift, InplaceSubtract,
  InplaceTrueDivide, InplaceXor
};
constexpr int kInplaceOffset = 13;

enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// LANE's actions: asyncio's event-loop and task lanes of the trace (lang/lib/asyncio.py writes
// them as `_interleave_lane('<name>', local, ...)` statements; the names are kLaneHookNames).
enum class LaneHook : uint8_t { OpenLoop, LoopIdle, LoopRunning, LoopEnd, OpenTask, TaskRunning, TaskStepDone, Count };
constexpr const char* kLaneHookNames[] = {"open_loop", "loop_idle", "loop_running", "loop_end",
                                          "open_task", "task_running", "task_step_done"};
constexpr int kLaneHookLocals[] = {1, 1, 2, 1, 1, 1, 1};  // locals each action reads
constexpr uint32_t kLaneSlotBits = 12;  // a local's index + 1 in each of the two fields

}  // namespace interleave::lang
