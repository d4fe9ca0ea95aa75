// Allocation and garbage collection of VM objects: a mark-and-sweep collector over one list
// of objects per interpreter. It only runs at safe points (between instructions), when every
// live value is reachable from the roots the VM reports (frames, modules, pending values).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "object.h"

namespace interleave::lang {

// Collections start after this many allocations; then after kGcGrowth times as many as
// survived the last one (like Lua's pause), so a program with a large live heap is not traced
// over and over: the collector's work per allocation is about (1 + kGcGrowth) / kGcGrowth
// objects marked or swept (a live set of 200,000 objects — 10,000 tasks — was traced 25 times
// per run with 1), for a peak heap of about (1 + kGcGrowth) times the live set.
constexpr int64_t kGcInitialThreshold = 100'000;
constexpr int64_t kGcGrowth = 2;

class Heap {
 public:
  Heap() = default;
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  template <class T, class... Args>
  T* make(Args&&... args) {
    T* o = new T(std::forward<Args>(args)...);
    o->gcNext = objects_;
    objects_ = o;
    ++allocated_;
    ++live_;
    return o;
  }

  StrObj* str(std::string s) { return make<StrObj>(std::move(s)); }

  // Marking (called from Obj::trace and the VM's root enumeration).
  void mark(const Value& v) {
    if (v.isObj()) mark(v.asObj());
  }
  void mark(Obj* o) {
    if (!o || o->marked) return;
    o->marked = true;
    gray_.push_back(o);
  }

  bool wantsCollection() const { return allocated_ >= threshold_; }
  // Runs a full collection; `roots` must mark every root. Returns objects freed.
  int64_t collect(const std::function<void(Heap&)>& roots);
  int64_t liveObjects() const { return live_; }
  // Called for each generator or coroutine about to be freed ("never awaited" warnings).
  std::function<void(GeneratorObj*)> onFreeGenerator;
  int64_t collections() const { return collections_; }

 private:
  Obj* objects_ = nullptr;
  std::vector<Obj*> gray_;
  int64_t allocated_ = 0;   // since the last collection
  int64_t live_ = 0;
  int64_t threshold_ = kGcInitialThreshold;
  int64_t collections_ = 0;
};

}  // namespace interleave::lang
