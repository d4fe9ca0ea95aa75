// Methods of list, and the sort shared with sorted().
//
// [SECTION] Costs
// [SECTION] Sort      CPython 3.11's listsort (timsort with powersort merging), same comparisons
// [SECTION] Methods
// [SECTION] Installation
#include <algorithm>

#include "methods_internal.h"

namespace interleave::lang {

using namespace methods;

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Costs
//-----------------------------------------------------------------------------------------------
// Extra CPU time of the C loops, on top of the call itself (which the VM charges). Measured with
// `python3 -m timeit` on CPython 3.11 as the slope between 1,000 and 20,000 items; rounded.
constexpr Nanos kComparePerItemNs = 15;      // l.index(x), l.count(x), l.remove(x): 13-17 ns
constexpr Nanos kCopyPerItemNs = 3;          // l.copy(), l.extend(m): 3.1 and 4.3 ns
constexpr Nanos kReversePer1kItemsNs = 430;  // l.reverse(): 0.43 ns per item
constexpr Nanos kShiftPer1kItemsNs = 500;    // l.insert(0, x) / l.pop(0): memmove, 0.5 ns per item
// sorted() of 20,000 random ints/floats/strs: 290-330 ns per item, ~14.5 comparisons per item;
// of random (int, int) tuples: 730 ns per item. Already sorted ints: 10.8 ns per item.
constexpr Nanos kSortPerCompareNs = 19;         // all keys int, all float or all str
constexpr Nanos kSortPerGenericCompareNs = 48;  // tuples, mixed types, Python __lt__ (plus its code)
constexpr Nanos kSortPerItemNs = 2;             // the pre-sort type check, the final reversal

Nanos perK(int64_t n, Nanos per1k) { return n * per1k / 1000; }

}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] Sort
//-----------------------------------------------------------------------------------------------
// A stable, adaptive merge sort that makes exactly the comparisons CPython's list.sort makes
// (Objects/listobject.c in 3.11: natural runs, binary insertion to minrun, galloping merges,
// powersort's merge order), so a Python __lt__ or key function sees the same calls in the same
// order, and an inconsistent __lt__ gives the same permutation. Keys are compared with `<` only.
namespace {

constexpr int kMinGallop = 7;

// keys[i] sorts; values[i] (the list items, when a key function made the keys) moves with it.
struct Slice {
  Value* keys;
  Value* values;  // null without a key function
  void advance(ptrdiff_t n) {
    keys += n;
    if (values) values += n;
  }
};

// memmove of n values.
void moveValues(Value* dst, const Value* src, ptrdiff_t n) {
  if (n <= 0 || dst == src) return;
  if (dst < src) std::copy(src, src + n, dst);
  else std::copy_backward(src, src + n, dst + n);
}

void sliceMove(Slice dst, ptrdiff_t di, Slice src, ptrdiff_t si, ptrdiff_t n) {
  moveValues(dst.keys + di, src.keys + si, n);
  if (dst.values) moveValues(dst.values + di, src.values + si, n);
}

void sliceCopyOne(Slice dst, ptrdiff_t di, Slice src, ptrdiff_t si) {
  dst.keys[di] = src.keys[si];
  if (dst.values) dst.values[di] = src.values[si];
}

void reverseRange(Value* lo, Value* hi) { std::reverse(lo, hi); }

class TimSort {
 public:
  TimSort(Vm& vm, PyThread& t, Value* keys, Value* values, ptrdiff_t n)
      : vm_(vm), t_(t), base_{keys, values}, n_(n) {}

  // False when a comparison raised (the values are then some permutation of the input).
  bool run();
  int64_t comparisons = 0;
  bool fastMode() const { return mode_ != Mode::Generic; }

 private:
  struct Run {
    Slice base;
    ptrdiff_t len;
    int power;
  };
  enum class Mode { Generic, Int, Float, Str };

  Vm& vm_;
  PyThread& t_;
  Slice base_;
  ptrdiff_t n_;
  Mode mode_ = Mode::Generic;
  int minGallop_ = kMinGallop;
  std::vector<Value> tmpKeys_, tmpValues_;
  std::vector<Run> pending_;

  // key comparisons: 1 (a < b), 0, -1 (raised)
  int lt(const Value& a, const Value& b);
  int genericLt(const Value& a, const Value& b, int depth);
  void chooseMode();
  Slice temp(ptrdiff_t need);

  bool binarySort(Slice lo, Value* hi, Value* start);
  ptrdiff_t countRun(Value* lo, Value* hi, bool* descending);
  ptrdiff_t gallopLeft(const Value& key, Value* a, ptrdiff_t n, ptrdiff_t hint);
  ptrdiff_t gallopRight(const Value& key, Value* a, ptrdiff_t n, ptrdiff_t hint);
  bool mergeLo(Slice ssa, ptrdiff_t na, Slice ssb, ptrdiff_t nb);
  bool mergeHi(Slice ssa, ptrdiff_t na, Slice ssb, ptrdiff_t nb);
  bool mergeAt(size_t i);
  bool foundNewRun(ptrdiff_t n2);
  bool mergeForceCollapse();
};

bool isStrValue(const Value& v) { return v.isObj() && v.asObj()->kind == ObjKind::Str; }
bool isTupleValue(const Value& v) { return v.isObj() && v.asObj()->kind == ObjKind::Tuple; }

// Homogeneous keys compare without the VM (CPython's unsafe_*_compare pre-sort check).
void TimSort::chooseMode() {
  if (n_ < 2) return;
  const Value* k = base_.keys;
  auto all = [&](auto pred) {
    for (ptrdiff_t i = 0; i < n_; ++i)
      if (!pred(k[i])) return false;
    return true;
  };
  if (all([](const Value& v) { return v.isInt(); })) mode_ = Mode::Int;
  else if (all([](const Value& v) { return v.isFloat(); })) mode_ = Mode::Float;
  else if (all(isStrValue)) mode_ = Mode::Str;
}

// PyObject_RichCompare(a, b, Py_LT) with fast paths for builtin scalars and tuples of them
// (tuples compare like CPython: the first pair that is not == decides, with `<`).
int TimSort::genericLt(const Value& a, const Value& b, int depth) {
  if (a.isInt() && b.isInt()) return a.asInt() < b.asInt();
  if (a.isFloat() && b.isFloat()) return a.asFloat() < b.asFloat();
  if (isStrValue(a) && isStrValue(b))
    return static_cast<StrObj*>(a.asObj())->s < static_cast<StrObj*>(b.asObj())->s;
  if (isTupleValue(a) && isTupleValue(b) && depth < 8) {
    const auto& x = static_cast<TupleObj*>(a.asObj())->items;
    const auto& y = static_cast<TupleObj*>(b.asObj())->items;
    size_t i = 0;
    for (; i < x.size() && i < y.size(); ++i) {
      bool eq;
      const Value &p = x[i], &q = y[i];
      if (p.isInt() && q.isInt()) eq = p.asInt() == q.asInt();
      else if (isStrValue(p) && isStrValue(q))
        eq = static_cast<StrObj*>(p.asObj())->s == static_cast<StrObj*>(q.asObj())->s;
      else if (!richEq(vm_, t_, p, q, &eq)) return -1;
      if (!eq) break;
    }
    if (i >= x.size() || i >= y.size()) return x.size() < y.size();
    return genericLt(x[i], y[i], depth + 1);
  }
  bool r;
  if (!vm_.lessThan(t_, a, b, &r)) return -1;
  return r;
}

int TimSort::lt(const Value& a, const Value& b) {
  ++comparisons;
  switch (mode_) {
    case Mode::Int: return a.asInt() < b.asInt();
    case Mode::Float: return a.asFloat() < b.asFloat();
    case Mode::Str: return static_cast<StrObj*>(a.asObj())->s < static_cast<StrObj*>(b.asObj())->s;
    case Mode::Generic: break;
  }
  return genericLt(a, b, 0);
}

Slice TimSort::temp(ptrdiff_t need) {
  if (static_cast<ptrdiff_t>(tmpKeys_.size()) < need) {
    tmpKeys_.resize(static_cast<size_t>(need));
    if (base_.values) tmpValues_.resize(static_cast<size_t>(need));
  }
  return Slice{tmpKeys_.data(), base_.values ? tmpValues_.data() : nullptr};
}

// Binary insertion sort of [lo, hi), of which [lo, start) is already sorted.
bool TimSort::binarySort(Slice lo, Value* hi, Value* start) {
  if (lo.keys == start) ++start;
  for (; start < hi; ++start) {
    Value* l = lo.keys;
    Value* r = start;
    Value pivot = *r;
    do {
      Value* p = l + ((r - l) >> 1);
      int k = lt(pivot, *p);
      if (k < 0) return false;
      if (k) r = p;
      else l = p + 1;
    } while (l < r);
    moveValues(l + 1, l, start - l);
    *l = pivot;
    if (lo.values) {
      // By index: keys and values are separate arrays, and the distance between them need not
      // be a whole number of Values (wasm's malloc aligns to 8 bytes, a Value is 16).
      ptrdiff_t at = l - lo.keys, from = start - lo.keys;
      Value v = lo.values[from];
      moveValues(lo.values + at + 1, lo.values + at, from - at);
      lo.values[at] = v;
    }
  }
  return true;
}

// Length of the run at lo: non-descending, or strictly descending (*descending).
ptrdiff_t TimSort::countRun(Value* lo, Value* hi, bool* descending) {
  *descending = false;
  ++lo;
  if (lo == hi) return 1;
  ptrdiff_t n = 2;
  int k = lt(*lo, *(lo - 1));
  if (k < 0) return -1;
  if (k) {
    *descending = true;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      k = lt(*lo, *(lo - 1));
      if (k < 0) return -1;
      if (!k) break;
    }
  } else {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      k = lt(*lo, *(lo - 1));
      if (k < 0) return -1;
      if (k) break;
    }
  }
  return n;
}

// Where key belongs in sorted a[0, n): left of any equal elements. -1 on error.
ptrdiff_t TimSort::gallopLeft(const Value& key, Value* a, ptrdiff_t n, ptrdiff_t hint) {
  a += hint;
  ptrdiff_t lastofs = 0, ofs = 1;
  int k = lt(*a, key);
  if (k < 0) return -1;
  if (k) {
    // a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs].
    const ptrdiff_t maxofs = n - hint;
    while (ofs < maxofs) {
      k = lt(a[ofs], key);
      if (k < 0) return -1;
      if (!k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    // key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs].
    const ptrdiff_t maxofs = hint + 1;
    while (ofs < maxofs) {
      k = lt(*(a - ofs), key);
      if (k < 0) return -1;
      if (k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    ptrdiff_t tmp = lastofs;
    lastofs = hint - ofs;
    ofs = hint - tmp;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
    k = lt(a[m], key);
    if (k < 0) return -1;
    if (k) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

// Like gallopLeft, but right of any equal elements.
ptrdiff_t TimSort::gallopRight(const Value& key, Value* a, ptrdiff_t n, ptrdiff_t hint) {
  a += hint;
  ptrdiff_t lastofs = 0, ofs = 1;
  int k = lt(key, *a);
  if (k < 0) return -1;
  if (k) {
    // key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs].
    const ptrdiff_t maxofs = hint + 1;
    while (ofs < maxofs) {
      k = lt(key, *(a - ofs));
      if (k < 0) return -1;
      if (!k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    ptrdiff_t tmp = lastofs;
    lastofs = hint - ofs;
    ofs = hint - tmp;
  } else {
    // a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs].
    const ptrdiff_t maxofs = n - hint;
    while (ofs < maxofs) {
      k = lt(key, a[ofs]);
      if (k < 0) return -1;
      if (k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
    k = lt(key, a[m]);
    if (k < 0) return -1;
    if (k) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

// Merges the na elements at ssa with the nb elements right after them (na <= nb), in place,
// through a copy of the first run.
bool TimSort::mergeLo(Slice ssa, ptrdiff_t na, Slice ssb, ptrdiff_t nb) {
  Slice a = temp(na);
  sliceMove(a, 0, ssa, 0, na);
  Slice dest = ssa;
  ssa = a;
  bool ok = false;
  ptrdiff_t k;
  int minGallop;

  sliceCopyOne(dest, 0, ssb, 0);
  dest.advance(1);
  ssb.advance(1);
  --nb;
  if (nb == 0) goto succeed;
  if (na == 1) goto copyB;

  minGallop = minGallop_;
  for (;;) {
    ptrdiff_t acount = 0, bcount = 0;
    // Straightforward merging until one run wins consistently.
    for (;;) {
      int c = lt(ssb.keys[0], ssa.keys[0]);
      if (c < 0) goto fail;
      if (c) {
        sliceCopyOne(dest, 0, ssb, 0);
        dest.advance(1);
        ssb.advance(1);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0) goto succeed;
        if (bcount >= minGallop) break;
      } else {
        sliceCopyOne(dest, 0, ssa, 0);
        dest.advance(1);
        ssa.advance(1);
        ++acount;
        bcount = 0;
        --na;
        if (na == 1) goto copyB;
        if (acount >= minGallop) break;
      }
    }
    // Galloping until neither run wins consistently.
    ++minGallop;
    do {
      minGallop -= minGallop > 1;
      minGallop_ = minGallop;
      k = gallopRight(ssb.keys[0], ssa.keys, na, 0);
      acount = k;
      if (k) {
        if (k < 0) goto fail;
        sliceMove(dest, 0, ssa, 0, k);
        dest.advance(k);
        ssa.advance(k);
        na -= k;
        if (na == 1) goto copyB;
        if (na == 0) goto succeed;  // only with an inconsistent __lt__
      }
      sliceCopyOne(dest, 0, ssb, 0);
      dest.advance(1);
      ssb.advance(1);
      --nb;
      if (nb == 0) goto succeed;

      k = gallopLeft(ssa.keys[0], ssb.keys, nb, 0);
      bcount = k;
      if (k) {
        if (k < 0) goto fail;
        sliceMove(dest, 0, ssb, 0, k);
        dest.advance(k);
        ssb.advance(k);
        nb -= k;
        if (nb == 0) goto succeed;
      }
      sliceCopyOne(dest, 0, ssa, 0);
      dest.advance(1);
      ssa.advance(1);
      --na;
      if (na == 1) goto copyB;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++minGallop;
    minGallop_ = minGallop;
  }
succeed:
  ok = true;
fail:
  if (na) sliceMove(dest, 0, ssa, 0, na);
  return ok;
copyB:
  // The last element of run A belongs at the end of the merge.
  sliceMove(dest, 0, ssb, 0, nb);
  sliceCopyOne(dest, nb, ssa, 0);
  return true;
}

// Merges from the right (na >= nb), through a copy of the second run.
bool TimSort::mergeHi(Slice ssa, ptrdiff_t na, Slice ssb, ptrdiff_t nb) {
  Slice b = temp(nb);
  Slice dest = ssb;
  dest.advance(nb - 1);
  sliceMove(b, 0, ssb, 0, nb);
  Slice basea = ssa;
  Slice baseb = b;
  ssb.keys = b.keys + nb - 1;
  if (ssb.values) ssb.values = b.values + nb - 1;
  ssa.advance(na - 1);
  bool ok = false;
  ptrdiff_t k;
  int minGallop;

  sliceCopyOne(dest, 0, ssa, 0);
  dest.advance(-1);
  ssa.advance(-1);
  --na;
  if (na == 0) goto succeed;
  if (nb == 1) goto copyA;

  minGallop = minGallop_;
  for (;;) {
    ptrdiff_t acount = 0, bcount = 0;
    for (;;) {
      int c = lt(ssb.keys[0], ssa.keys[0]);
      if (c < 0) goto fail;
      if (c) {
        sliceCopyOne(dest, 0, ssa, 0);
        dest.advance(-1);
        ssa.advance(-1);
        ++acount;
        bcount = 0;
        --na;
        if (na == 0) goto succeed;
        if (acount >= minGallop) break;
      } else {
        sliceCopyOne(dest, 0, ssb, 0);
        dest.advance(-1);
        ssb.advance(-1);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1) goto copyA;
        if (bcount >= minGallop) break;
      }
    }
    ++minGallop;
    do {
      minGallop -= minGallop > 1;
      minGallop_ = minGallop;
      k = gallopRight(ssb.keys[0], basea.keys, na, na - 1);
      if (k < 0) goto fail;
      k = na - k;
      acount = k;
      if (k) {
        dest.advance(-k);
        ssa.advance(-k);
        sliceMove(dest, 1, ssa, 1, k);
        na -= k;
        if (na == 0) goto succeed;
      }
      sliceCopyOne(dest, 0, ssb, 0);
      dest.advance(-1);
      ssb.advance(-1);
      --nb;
      if (nb == 1) goto copyA;

      k = gallopLeft(ssa.keys[0], baseb.keys, nb, nb - 1);
      if (k < 0) goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        dest.advance(-k);
        ssb.advance(-k);
        sliceMove(dest, 1, ssb, 1, k);
        nb -= k;
        if (nb == 1) goto copyA;
        if (nb == 0) goto succeed;  // only with an inconsistent __lt__
      }
      sliceCopyOne(dest, 0, ssa, 0);
      dest.advance(-1);
      ssa.advance(-1);
      --na;
      if (na == 0) goto succeed;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++minGallop;
    minGallop_ = minGallop;
  }
succeed:
  ok = true;
fail:
  if (nb) sliceMove(dest, -(nb - 1), baseb, 0, nb);
  return ok;
copyA:
  // The first element of run B belongs at the front of the merge.
  sliceMove(dest, 1 - na, ssa, 1 - na, na);
  dest.advance(-na);
  ssa.advance(-na);
  sliceCopyOne(dest, 0, ssb, 0);
  return true;
}

bool TimSort::mergeAt(size_t i) {
  Slice ssa = pending_[i].base;
  ptrdiff_t na = pending_[i].len;
  Slice ssb = pending_[i + 1].base;
  ptrdiff_t nb = pending_[i + 1].len;
  pending_[i].len = na + nb;
  if (i + 3 == pending_.size()) pending_[i + 1] = pending_[i + 2];
  pending_.pop_back();

  // Elements of A before where B's first element goes are already in place.
  ptrdiff_t k = gallopRight(ssb.keys[0], ssa.keys, na, 0);
  if (k < 0) return false;
  ssa.advance(k);
  na -= k;
  if (na == 0) return true;
  // Elements of B after where A's last element goes are already in place.
  nb = gallopLeft(ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0) return nb == 0;
  return na <= nb ? mergeLo(ssa, na, ssb, nb) : mergeHi(ssa, na, ssb, nb);
}

// The "power" of the run boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2).
int powerLoop(ptrdiff_t s1, ptrdiff_t n1, ptrdiff_t n2, ptrdiff_t n) {
  int result = 0;
  ptrdiff_t a = 2 * s1 + n1;
  ptrdiff_t b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

bool TimSort::foundNewRun(ptrdiff_t n2) {
  if (pending_.empty()) return true;
  Run& top = pending_.back();
  ptrdiff_t s1 = top.base.keys - base_.keys;
  int power = powerLoop(s1, top.len, n2, n_);
  while (pending_.size() > 1 && pending_[pending_.size() - 2].power > power)
    if (!mergeAt(pending_.size() - 2)) return false;
  pending_.back().power = power;
  return true;
}

bool TimSort::mergeForceCollapse() {
  while (pending_.size() > 1) {
    size_t n = pending_.size() - 2;
    if (n > 0 && pending_[n - 1].len < pending_[n + 1].len) --n;
    if (!mergeAt(n)) return false;
  }
  return true;
}

ptrdiff_t computeMinrun(ptrdiff_t n) {
  ptrdiff_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

bool TimSort::run() {
  chooseMode();
  if (n_ < 2) return true;
  Slice lo = base_;
  ptrdiff_t remaining = n_;
  const ptrdiff_t minrun = computeMinrun(remaining);
  do {
    bool descending;
    ptrdiff_t n = countRun(lo.keys, lo.keys + remaining, &descending);
    if (n < 0) return false;
    if (descending) {
      reverseRange(lo.keys, lo.keys + n);
      if (lo.values) reverseRange(lo.values, lo.values + n);
    }
    if (n < minrun) {
      const ptrdiff_t force = remaining <= minrun ? remaining : minrun;
      if (!binarySort(lo, lo.keys + force, lo.keys + n)) return false;
      n = force;
    }
    if (!foundNewRun(n)) return false;
    pending_.push_back(Run{lo, n, 0});
    lo.advance(n);
    remaining -= n;
  } while (remaining);
  return mergeForceCollapse();
}

}  // namespace

bool sortValues(Vm& vm, PyThread& t, std::vector<Value>& items, Value key, bool reverse,
                int64_t* comparisons, Nanos* cost) {
  *comparisons = 0;
  if (cost) *cost = static_cast<Nanos>(items.size()) * kSortPerItemNs;
  const ptrdiff_t n = static_cast<ptrdiff_t>(items.size());
  std::vector<Value> keys;
  if (!key.isUndefined() && !key.isNone()) {
    keys.reserve(items.size());
    for (const Value& item : items) {
      Value k;
      if (!vm.callReentrant(t, key, {item}, &k)) return false;
      keys.push_back(k);
    }
  }
  bool hasKeys = !key.isUndefined() && !key.isNone();
  if (reverse && n > 1) {
    if (hasKeys) std::reverse(keys.begin(), keys.end());
    std::reverse(items.begin(), items.end());
  }
  bool ok = true;
  if (n > 1) {
    TimSort sorter(vm, t, hasKeys ? keys.data() : items.data(), hasKeys ? items.data() : nullptr, n);
    ok = sorter.run();
    *comparisons = sorter.comparisons;
    if (cost)
      *cost += sorter.comparisons * (sorter.fastMode() ? kSortPerCompareNs : kSortPerGenericCompareNs);
  }
  if (reverse && n > 1) std::reverse(items.begin(), items.end());
  return ok;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Methods
//-----------------------------------------------------------------------------------------------
namespace {

ListObj* self(Vm& vm, NativeCall& c) { return receiver<ListObj>(vm, c, ObjKind::List); }

NativeResult list_append(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !oneArg(vm, c)) return NativeResult::raise();
  if (!checkLength(vm, *c.thread, static_cast<int64_t>(l->items.size()) + 1)) return NativeResult::raise();
  l->items.push_back(c.args[0]);
  return NativeResult::ret(Value::none());
}

NativeResult list_extend(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !oneArg(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  Value arg = c.args[0];
  std::vector<Value> items;
  if (arg.isObj() && arg.asObj()->kind == ObjKind::List) {
    items = static_cast<ListObj*>(arg.asObj())->items;  // a copy: l.extend(l) doubles once
  } else if (arg.isObj() && arg.asObj()->kind == ObjKind::Tuple) {
    items = static_cast<TupleObj*>(arg.asObj())->items;
  } else if (bool raised = false; !nativeItems(vm, t, arg, &items, &raised)) {
    // A generator or an instance: the prelude iterates it (it may block, as in a for loop).
    if (raised) return NativeResult::raise();
    return NativeResult::tailCall(prelude(vm, "_list_extend"), {Value::object(l), arg});
  }
  if (!checkLength(vm, t, static_cast<int64_t>(l->items.size() + items.size())))
    return NativeResult::raise();
  l->items.insert(l->items.end(), items.begin(), items.end());
  return NativeResult::ret(Value::none(), static_cast<Nanos>(items.size()) * kCopyPerItemNs);
}

NativeResult list_insert(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !posArgs(vm, c, 2, 2)) return NativeResult::raise();
  int64_t i;
  if (!asSsize(vm, *c.thread, c.args[0], &i)) return NativeResult::raise();
  if (!checkLength(vm, *c.thread, static_cast<int64_t>(l->items.size()) + 1)) return NativeResult::raise();
  int64_t n = static_cast<int64_t>(l->items.size());
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  l->items.insert(l->items.begin() + i, c.args[1]);
  return NativeResult::ret(Value::none(), perK(n - i, kShiftPer1kItemsNs));
}

NativeResult list_pop(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !posArgs(vm, c, 0, 1)) return NativeResult::raise();
  int64_t i = -1;
  if (!c.args.empty() && !asSsize(vm, *c.thread, c.args[0], &i)) return NativeResult::raise();
  int64_t n = static_cast<int64_t>(l->items.size());
  if (n == 0) return vm.raise(*c.thread, vm.types.IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return vm.raise(*c.thread, vm.types.IndexError, "pop index out of range");
  Value v = l->items[static_cast<size_t>(i)];
  l->items.erase(l->items.begin() + i);
  return NativeResult::ret(v, perK(n - 1 - i, kShiftPer1kItemsNs));
}

NativeResult list_remove(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !oneArg(vm, c)) return NativeResult::raise();
  // __eq__ may change the list: re-read its size each time, like CPython.
  for (size_t i = 0; i < l->items.size(); ++i) {
    bool eq;
    if (!richEq(vm, *c.thread, l->items[i], c.args[0], &eq)) return NativeResult::raise();
    if (eq) {
      if (i < l->items.size()) l->items.erase(l->items.begin() + static_cast<ptrdiff_t>(i));
      Nanos cost = static_cast<Nanos>(i + 1) * kComparePerItemNs +
                   perK(static_cast<int64_t>(l->items.size() - i), kShiftPer1kItemsNs);
      return NativeResult::ret(Value::none(), cost);
    }
  }
  return vm.raise(*c.thread, vm.types.ValueError, "list.remove(x): x not in list");
}

NativeResult list_index(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !posArgs(vm, c, 1, 3)) return NativeResult::raise();
  PyThread& t = *c.thread;
  int64_t start = 0, stop = INT64_MAX;
  if (c.args.size() > 1 && !sliceIndex(vm, t, c.args[1], &start, false)) return NativeResult::raise();
  if (c.args.size() > 2 && !sliceIndex(vm, t, c.args[2], &stop, false)) return NativeResult::raise();
  int64_t n = static_cast<int64_t>(l->items.size());
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(l->items.size()); ++i) {
    bool eq;
    if (!richEq(vm, t, l->items[static_cast<size_t>(i)], c.args[0], &eq)) return NativeResult::raise();
    if (eq) return NativeResult::ret(Value::integer(i), (i - start + 1) * kComparePerItemNs);
  }
  std::string r;
  if (!vm.repr(t, c.args[0], &r)) return NativeResult::raise();
  return vm.raise(t, vm.types.ValueError, r + " is not in list");
}

NativeResult list_count(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !oneArg(vm, c)) return NativeResult::raise();
  int64_t count = 0;
  size_t i = 0;
  for (; i < l->items.size(); ++i) {
    bool eq;
    if (!richEq(vm, *c.thread, l->items[i], c.args[0], &eq)) return NativeResult::raise();
    count += eq;
  }
  return NativeResult::ret(Value::integer(count), static_cast<Nanos>(i) * kComparePerItemNs);
}

NativeResult list_clear(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !noArgs(vm, c)) return NativeResult::raise();
  size_t n = l->items.size();
  std::vector<Value>().swap(l->items);
  return NativeResult::ret(Value::none(), static_cast<Nanos>(n) * kCopyPerItemNs);
}

NativeResult list_copy(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !noArgs(vm, c)) return NativeResult::raise();
  return NativeResult::ret(vm.list(l->items), static_cast<Nanos>(l->items.size()) * kCopyPerItemNs);
}

NativeResult list_reverse(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l || !noArgs(vm, c)) return NativeResult::raise();
  std::reverse(l->items.begin(), l->items.end());
  return NativeResult::ret(Value::none(),
                           perK(static_cast<int64_t>(l->items.size()), kReversePer1kItemsNs));
}

NativeResult list_sort(Vm& vm, NativeCall& c) {
  ListObj* l = self(vm, c);
  if (!l) return NativeResult::raise();
  Value a[2];
  if (!kwArgs(vm, c, {"key", "reverse"}, 0, 0, a)) return NativeResult::raise();
  PyThread& t = *c.thread;
  int64_t reverse = 0;
  if (!a[1].isUndefined() && !asCInt(vm, t, a[1], &reverse)) return NativeResult::raise();
  // With a key function, the prelude's _list_sort_key (if there is one) computes the keys in
  // Python, where the key function may print or block, then calls _list_sort_keyed below.
  if (!a[0].isUndefined() && !a[0].isNone()) {
    Value helper = vm.dictGetStr(vm.builtins, "_list_sort_key");
    if (!helper.isUndefined())
      return NativeResult::tailCall(helper, {c.self, a[0], Value::boolean(reverse != 0)});
  }
  // The list looks empty while it is sorted, so that a key function or __lt__ that changes it
  // cannot pull the items from under the sort ("list modified during sort").
  std::vector<Value> items;
  items.swap(l->items);
  int64_t comparisons = 0;
  Nanos cost = 0;
  bool ok = sortValues(vm, t, items, a[0], reverse != 0, &comparisons, &cost);
  bool modified = l->items.capacity() != 0;
  l->items.swap(items);
  if (!ok) return NativeResult::raise();
  if (modified) return vm.raise(t, vm.types.ValueError, "list modified during sort");
  return NativeResult::ret(Value::none(), cost);
}

// _list_sort_keyed(lst, items, keys, reverse): the end of list.sort(key=...) when the keys were
// computed in Python by the prelude:
//     def _list_sort_key(lst, key, reverse):
//         items = lst[:]
//         lst.clear()              # the list looks empty while it is sorted, as in CPython
//         try:
//             keys = [key(x) for x in items]
//         except BaseException:
//             lst[:] = items
//             raise
//         _list_sort_keyed(lst, items, keys, reverse)
// Sorts `items` by `keys` into `lst`; "list modified during sort" if lst is no longer empty.
NativeResult list_sort_keyed(Vm& vm, NativeCall& c) {
  if (c.args.size() != 4) return vm.raise(*c.thread, vm.types.TypeError, "_list_sort_keyed expects 4 arguments");
  auto* l = static_cast<ListObj*>(asKind(c.args[0], ObjKind::List));
  auto* items = static_cast<ListObj*>(asKind(c.args[1], ObjKind::List));
  auto* keys = static_cast<ListObj*>(asKind(c.args[2], ObjKind::List));
  if (!l || !items || !keys || items->items.size() != keys->items.size())
    return vm.raise(*c.thread, vm.types.TypeError, "_list_sort_keyed: bad arguments");
  bool reverse = c.args[3].isBool() ? c.args[3].asBool() : false;
  std::vector<Value> vals = items->items;
  std::vector<Value> ks = keys->items;
  const ptrdiff_t n = static_cast<ptrdiff_t>(vals.size());
  if (reverse && n > 1) {
    std::reverse(ks.begin(), ks.end());
    std::reverse(vals.begin(), vals.end());
  }
  bool ok = true;
  Nanos cost = n * kSortPerItemNs;
  if (n > 1) {
    TimSort sorter(vm, *c.thread, ks.data(), vals.data(), n);
    ok = sorter.run();
    cost += sorter.comparisons * (sorter.fastMode() ? kSortPerCompareNs : kSortPerGenericCompareNs);
  }
  if (reverse && n > 1) std::reverse(vals.begin(), vals.end());
  bool modified = !l->items.empty();
  l->items.swap(vals);
  if (!ok) return NativeResult::raise();
  if (modified) return vm.raise(*c.thread, vm.types.ValueError, "list modified during sort");
  return NativeResult::ret(Value::none(), cost);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
struct MethodDef {
  const char* name;
  NativeFn fn;
};

const MethodDef kListMethods[] = {
    {"append", list_append}, {"extend", list_extend}, {"insert", list_insert},
    {"pop", list_pop},       {"remove", list_remove}, {"index", list_index},
    {"count", list_count},   {"clear", list_clear},   {"copy", list_copy},
    {"reverse", list_reverse}, {"sort", list_sort},
};

}  // namespace

void installListMethods(Vm& vm) {
  for (const MethodDef& m : kListMethods) vm.defineNative(vm.types.list_->dict, m.name, m.fn, "list");
  vm.defineNative(vm.builtins, "_list_sort_keyed", list_sort_keyed);
}

}  // namespace interleave::lang
