// Values of the Python VM. A Value is a small tagged union: None, bool, a 64-bit int, a float,
// or a pointer to a heap object (everything else, including ints that overflow 64 bits).
#pragma once
#include <cstdint>
#include <string>

namespace interleave::lang {

struct Obj;

class Value {
 public:
  enum class Tag : uint8_t { None, Bool, Int, Float, Obj, Undefined };

  Value() : tag_(Tag::None) { u_.i = 0; }
  static Value none() { return Value(); }
  // "no value": an unbound local, an empty slot, a missing dict entry. Never visible to Python.
  static Value undefined() { Value v; v.tag_ = Tag::Undefined; return v; }
  static Value boolean(bool b) { Value v; v.tag_ = Tag::Bool; v.u_.i = b ? 1 : 0; return v; }
  static Value integer(int64_t i) { Value v; v.tag_ = Tag::Int; v.u_.i = i; return v; }
  static Value flt(double d) { Value v; v.tag_ = Tag::Float; v.u_.f = d; return v; }
  static Value object(Obj* o) { Value v; v.tag_ = Tag::Obj; v.u_.o = o; return v; }

  Tag tag() const { return tag_; }
  bool isNone() const { return tag_ == Tag::None; }
  bool isUndefined() const { return tag_ == Tag::Undefined; }
  bool isBool() const { return tag_ == Tag::Bool; }
  bool isInt() const { return tag_ == Tag::Int; }   // small (64-bit) int; see isIntLike
  bool isFloat() const { return tag_ == Tag::Float; }
  bool isObj() const { return tag_ == Tag::Obj; }

  bool asBool() const { return u_.i != 0; }
  int64_t asInt() const { return u_.i; }
  double asFloat() const { return u_.f; }
  Obj* asObj() const { return u_.o; }

  // Identity (Python `is`): same tag and same payload bits.
  bool is(const Value& o) const {
    if (tag_ != o.tag_) return false;
    switch (tag_) {
      case Tag::None: case Tag::Undefined: return true;
      case Tag::Float: return u_.i == o.u_.i;  // bitwise: `x is x` for the same float
      default: return u_.i == o.u_.i;
    }
  }

 private:
  Tag tag_;
  union {
    int64_t i;
    double f;
    Obj* o;
  } u_;
};

}  // namespace interleave::lang
