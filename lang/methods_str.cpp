// Methods of str, and str.format / format() (the field syntax of PEP 3101 and the format-spec
// mini-language from number_format.h).
//
// [SECTION] Costs
// [SECTION] Helpers          receivers, code point <-> byte offsets, argument conversions
// [SECTION] Case             upper lower swapcase title capitalize casefold
// [SECTION] Predicates       isalpha isdigit ... istitle isidentifier
// [SECTION] Search           find rfind index rindex count startswith endswith
// [SECTION] Split and join   split rsplit splitlines join partition rpartition
// [SECTION] Reshape          strip replace zfill center ljust rjust expandtabs remove*fix
// [SECTION] Format           str.format, str.format_map, format()
// [SECTION] Installation
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "methods_internal.h"
#include "number_format.h"

namespace interleave::lang {

using namespace methods;

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Costs
//-----------------------------------------------------------------------------------------------
// Extra CPU time of the C loops, on top of the call itself (which the VM charges). Measured with
// `python3 -m timeit` on CPython 3.11 as the slope between 1,000 and 20,000 items; rounded.
// Per 1000 characters where a character costs about a nanosecond or less.
constexpr Nanos kCasePer1kCharsNs = 950;       // 'abc'.upper() / .lower(): ASCII fast path, ~0.9 ns/char
constexpr Nanos kCaseWidePer1kCharsNs = 7000;  // non-ASCII upper/lower, and title/capitalize/
                                               // swapcase/casefold always: 7-9 ns/char
constexpr Nanos kPredicatePer1kCharsNs = 6000; // 'a'*n .isalpha() etc.: 6 ns/char
constexpr Nanos kScanPer1kCharsNs = 50;        // find/index/startswith/strip: memchr-like, <0.1 ns/char
constexpr Nanos kCountPer1kCharsNs = 1000;     // 'abc'*n .count('b'): ~1 ns/char
constexpr Nanos kBuildPer1kCharsNs = 250;      // copying characters into a new string
constexpr Nanos kSplitPerItemNs = 75;          // split / rsplit / splitlines: 75-85 ns per item
constexpr Nanos kJoinPerItemNs = 8;            // ''.join(l): 7.4 ns per item
constexpr Nanos kReplacePerMatchNs = 28;       // s.replace('b', 'xy'): 28 ns per replacement
constexpr Nanos kFormatPerFieldNs = 130;       // '{} '*n .format(*ints): 130 ns per field
                                               // (floats with a spec: ~300)

Nanos perK(int64_t n, Nanos per1k) { return n * per1k / 1000; }

//-----------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------------------------
StrObj* self(Vm& vm, NativeCall& c) { return receiver<StrObj>(vm, c, ObjKind::Str); }

StrObj* asStrObj(const Value& v) { return static_cast<StrObj*>(asKind(v, ObjKind::Str)); }

// The receiver unchanged: the same object for an exact str (as CPython returns self).
Value same(Vm& vm, NativeCall& c, StrObj* s) {
  if (c.self.isObj() && c.self.asObj() == s) return c.self;
  return vm.str(s->s);
}

struct Text {
  std::string_view s;
  int64_t len;  // code points
  bool ascii;
};

Text text(StrObj* o) {
  int64_t n = cpLength(o);
  return Text{o->s, n, n == static_cast<int64_t>(o->s.size())};
}

size_t toByte(const Text& t, int64_t cp) {
  if (cp <= 0) return 0;
  if (cp >= t.len) return t.s.size();
  return t.ascii ? static_cast<size_t>(cp) : unicode::byteOffset(t.s, static_cast<size_t>(cp));
}

int64_t toCp(const Text& t, size_t byte) {
  return t.ascii ? static_cast<int64_t>(byte) : static_cast<int64_t>(unicode::cpIndex(t.s, byte));
}

// "must be str, not int" (PyArg_Parse "U").
bool needStr(Vm& vm, PyThread& t, Value v, StrObj** out, const std::string& prefix = "") {
  if (StrObj* s = asStrObj(v)) {
    *out = s;
    return true;
  }
  vm.raise(t, vm.types.TypeError, prefix + "must be str, not " + vm.typeName(v));
  return false;
}

std::string repeat(std::string_view fill, int64_t n) {
  std::string out;
  if (n <= 0) return out;
  out.reserve(fill.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.append(fill);
  return out;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Case
//-----------------------------------------------------------------------------------------------
void appendMapped(std::string& out, const char32_t* m, int n) {
  for (int i = 0; i < n; ++i) unicode::append(out, m[i]);
}

// CPython's handle_capital_sigma: U+03A3 lowers to final sigma after a cased letter (skipping
// case-ignorable ones) when no cased letter follows.
char32_t lowerSigma(const std::u32string& u, size_t i) {
  size_t j = i;
  char32_t c = 0;
  bool found = false;
  while (j > 0) {
    c = u[--j];
    if (!unicode::isCaseIgnorable(c)) {
      found = true;
      break;
    }
  }
  bool finalSigma = found && unicode::isCased(c);
  if (finalSigma) {
    size_t k = i + 1;
    while (k < u.size() && unicode::isCaseIgnorable(u[k])) ++k;
    finalSigma = k == u.size() || !unicode::isCased(u[k]);
  }
  return finalSigma ? 0x3C2 : 0x3C3;
}

void lowerAt(std::string& out, const std::u32string& u, size_t i) {
  if (u[i] == 0x3A3) {
    unicode::append(out, lowerSigma(u, i));
    return;
  }
  char32_t m[3];
  appendMapped(out, m, unicode::toLower(u[i], m));
}

enum class CaseOp { Upper, Lower, Swap, Title, Capitalize, Fold };

std::string changeCase(const Text& t, CaseOp op) {
  std::string out;
  out.reserve(t.s.size());
  if (t.ascii) {
    bool prevCased = false;
    for (size_t i = 0; i < t.s.size(); ++i) {
      char ch = t.s[i];
      bool lower = ch >= 'a' && ch <= 'z', upper = ch >= 'A' && ch <= 'Z';
      switch (op) {
        case CaseOp::Upper: if (lower) ch -= 32; break;
        case CaseOp::Lower: case CaseOp::Fold: if (upper) ch += 32; break;
        case CaseOp::Swap: if (lower) ch -= 32; else if (upper) ch += 32; break;
        case CaseOp::Title:
          if (prevCased ? upper : lower) ch ^= 32;
          prevCased = lower || upper;
          break;
        case CaseOp::Capitalize:
          if (i == 0 ? lower : upper) ch ^= 32;
          break;
      }
      out.push_back(ch);
    }
    return out;
  }
  std::u32string u = unicode::toU32(t.s);
  char32_t m[3];
  bool prevCased = false;
  for (size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    switch (op) {
      case CaseOp::Upper: appendMapped(out, m, unicode::toUpper(c, m)); break;
      case CaseOp::Lower: lowerAt(out, u, i); break;
      case CaseOp::Fold: appendMapped(out, m, unicode::toFold(c, m)); break;
      case CaseOp::Swap:
        if (unicode::isUpper(c)) lowerAt(out, u, i);
        else if (unicode::isLower(c)) appendMapped(out, m, unicode::toUpper(c, m));
        else unicode::append(out, c);
        break;
      case CaseOp::Title:
        if (prevCased) lowerAt(out, u, i);
        else appendMapped(out, m, unicode::toTitle(c, m));
        prevCased = unicode::isCased(c);
        break;
      case CaseOp::Capitalize:
        if (i == 0) appendMapped(out, m, unicode::toTitle(c, m));
        else lowerAt(out, u, i);
        break;
    }
  }
  return out;
}

NativeResult caseMethod(Vm& vm, NativeCall& c, CaseOp op) {
  StrObj* s = self(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  Text t = text(s);
  std::string out = changeCase(t, op);
  bool fast = t.ascii && (op == CaseOp::Upper || op == CaseOp::Lower);
  return NativeResult::ret(vm.str(out), perK(t.len, fast ? kCasePer1kCharsNs : kCaseWidePer1kCharsNs));
}

NativeResult str_upper(Vm& vm, NativeCall& c) { return caseMethod(vm, c, CaseOp::Upper); }
NativeResult str_lower(Vm& vm, NativeCall& c) { return caseMethod(vm, c, CaseOp::Lower); }
NativeResult str_swapcase(Vm& vm, NativeCall& c) { return caseMethod(vm, c, CaseOp::Swap); }
NativeResult str_title(Vm& vm, NativeCall& c) { return caseMethod(vm, c, CaseOp::Title); }
NativeResult str_capitalize(Vm& vm, NativeCall& c) { return caseMethod(vm, c, CaseOp::Capitalize); }
NativeResult str_casefold(Vm& vm, NativeCall& c) { return caseMethod(vm, c, CaseOp::Fold); }

//-----------------------------------------------------------------------------------------------
// [SECTION] Predicates
//-----------------------------------------------------------------------------------------------
template <class Pred>
NativeResult allChars(Vm& vm, NativeCall& c, bool emptyResult, Pred pred) {
  StrObj* s = self(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  if (s->s.empty()) return NativeResult::ret(Value::boolean(emptyResult));
  size_t i = 0;
  bool ok = true;
  while (i < s->s.size() && ok) ok = pred(unicode::decode(s->s, &i));
  return NativeResult::ret(Value::boolean(ok), perK(static_cast<int64_t>(i), kPredicatePer1kCharsNs));
}

NativeResult str_isalpha(Vm& vm, NativeCall& c) { return allChars(vm, c, false, unicode::isAlpha); }
NativeResult str_isdigit(Vm& vm, NativeCall& c) { return allChars(vm, c, false, unicode::isDigit); }
NativeResult str_isdecimal(Vm& vm, NativeCall& c) { return allChars(vm, c, false, unicode::isDecimal); }
NativeResult str_isnumeric(Vm& vm, NativeCall& c) { return allChars(vm, c, false, unicode::isNumeric); }
NativeResult str_isalnum(Vm& vm, NativeCall& c) { return allChars(vm, c, false, unicode::isAlnum); }
NativeResult str_isspace(Vm& vm, NativeCall& c) { return allChars(vm, c, false, unicode::isSpace); }
NativeResult str_isprintable(Vm& vm, NativeCall& c) { return allChars(vm, c, true, unicode::isPrintable); }
NativeResult str_isascii(Vm& vm, NativeCall& c) {
  return allChars(vm, c, true, [](char32_t ch) { return ch < 0x80; });
}

// islower / isupper: no character of the other case (or title case), at least one cased.
NativeResult casedCheck(Vm& vm, NativeCall& c, bool wantUpper) {
  StrObj* s = self(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  bool cased = false;
  size_t i = 0;
  while (i < s->s.size()) {
    char32_t ch = unicode::decode(s->s, &i);
    bool lower = unicode::isLower(ch), upper = unicode::isUpper(ch);
    if ((wantUpper ? lower : upper) || unicode::isTitle(ch)) return NativeResult::ret(Value::boolean(false));
    if (wantUpper ? upper : lower) cased = true;
  }
  return NativeResult::ret(Value::boolean(cased),
                           perK(static_cast<int64_t>(s->s.size()), kPredicatePer1kCharsNs));
}
NativeResult str_islower(Vm& vm, NativeCall& c) { return casedCheck(vm, c, false); }
NativeResult str_isupper(Vm& vm, NativeCall& c) { return casedCheck(vm, c, true); }

NativeResult str_istitle(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  bool cased = false, prevCased = false;
  size_t i = 0;
  while (i < s->s.size()) {
    char32_t ch = unicode::decode(s->s, &i);
    if (unicode::isUpper(ch) || unicode::isTitle(ch)) {
      if (prevCased) return NativeResult::ret(Value::boolean(false));
      prevCased = cased = true;
    } else if (unicode::isLower(ch)) {
      if (!prevCased) return NativeResult::ret(Value::boolean(false));
      prevCased = cased = true;
    } else {
      prevCased = false;
    }
  }
  return NativeResult::ret(Value::boolean(cased),
                           perK(static_cast<int64_t>(s->s.size()), kPredicatePer1kCharsNs));
}

NativeResult str_isidentifier(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !noArgs(vm, c)) return NativeResult::raise();
  if (s->s.empty()) return NativeResult::ret(Value::boolean(false));
  size_t i = 0;
  if (!unicode::isXidStart(unicode::decode(s->s, &i))) return NativeResult::ret(Value::boolean(false));
  while (i < s->s.size())
    if (!unicode::isXidContinue(unicode::decode(s->s, &i))) return NativeResult::ret(Value::boolean(false));
  return NativeResult::ret(Value::boolean(true));
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Search
//-----------------------------------------------------------------------------------------------
// Parses (sub[, start[, end]]) of find/count/index... into a byte window [*bs, *be) of the
// receiver. *empty is set when the window is shorter than sub (nothing can match).
struct SearchArgs {
  StrObj* self = nullptr;
  StrObj* sub = nullptr;
  Text text{};
  int64_t start = 0, end = 0;  // code points, adjusted
  size_t bs = 0, be = 0;       // bytes
  bool impossible = false;     // end - start < len(sub)
};

bool searchArgs(Vm& vm, NativeCall& c, SearchArgs* a) {
  a->self = self(vm, c);
  if (!a->self || !tupleArgs(vm, c, 1, 3)) return false;
  PyThread& t = *c.thread;
  if (!needStr(vm, t, c.args[0], &a->sub)) return false;
  a->text = text(a->self);
  a->start = 0;
  a->end = INT64_MAX;
  if (c.args.size() > 1 && !sliceIndex(vm, t, c.args[1], &a->start, true)) return false;
  if (c.args.size() > 2 && !sliceIndex(vm, t, c.args[2], &a->end, true)) return false;
  adjustIndices(&a->start, &a->end, a->text.len);
  if (a->end - a->start < cpLength(a->sub)) {
    a->impossible = true;
    return true;
  }
  a->bs = toByte(a->text, a->start);
  a->be = toByte(a->text, a->end);
  return true;
}

// Byte offset of the first (or last) occurrence of sub in s[bs, be), or npos.
size_t findIn(std::string_view s, std::string_view sub, size_t bs, size_t be, bool last) {
  std::string_view w = s.substr(bs, be - bs);
  size_t r = last ? w.rfind(sub) : w.find(sub);
  return r == std::string_view::npos ? r : r + bs;
}

NativeResult findImpl(Vm& vm, NativeCall& c, bool last, bool raise) {
  SearchArgs a;
  if (!searchArgs(vm, c, &a)) return NativeResult::raise();
  int64_t result = -1;
  if (!a.impossible) {
    size_t r = findIn(a.text.s, a.sub->s, a.bs, a.be, last);
    if (r != std::string_view::npos) result = toCp(a.text, r);
  }
  if (result < 0 && raise) return vm.raise(*c.thread, vm.types.ValueError, "substring not found");
  return NativeResult::ret(Value::integer(result),
                           perK(static_cast<int64_t>(a.be - a.bs), kScanPer1kCharsNs));
}

NativeResult str_find(Vm& vm, NativeCall& c) { return findImpl(vm, c, false, false); }
NativeResult str_rfind(Vm& vm, NativeCall& c) { return findImpl(vm, c, true, false); }
NativeResult str_index(Vm& vm, NativeCall& c) { return findImpl(vm, c, false, true); }
NativeResult str_rindex(Vm& vm, NativeCall& c) { return findImpl(vm, c, true, true); }

NativeResult str_count(Vm& vm, NativeCall& c) {
  SearchArgs a;
  if (!searchArgs(vm, c, &a)) return NativeResult::raise();
  if (a.impossible) return NativeResult::ret(Value::integer(0));
  if (a.sub->s.empty()) return NativeResult::ret(Value::integer(a.end - a.start + 1));
  int64_t n = 0;
  size_t pos = a.bs;
  const std::string& sub = a.sub->s;
  while (pos + sub.size() <= a.be) {
    size_t r = a.text.s.substr(0, a.be).find(sub, pos);
    if (r == std::string_view::npos) break;
    ++n;
    pos = r + sub.size();
  }
  return NativeResult::ret(Value::integer(n),
                           perK(static_cast<int64_t>(a.be - a.bs), kCountPer1kCharsNs));
}

// startswith / endswith: prefix is a str or a tuple of str.
NativeResult affixImpl(Vm& vm, NativeCall& c, bool ends) {
  StrObj* s = self(vm, c);
  if (!s || !tupleArgs(vm, c, 1, 3)) return NativeResult::raise();
  PyThread& t = *c.thread;
  const char* name = ends ? "endswith" : "startswith";
  int64_t start = 0, end = INT64_MAX;
  if (c.args.size() > 1 && !sliceIndex(vm, t, c.args[1], &start, true)) return NativeResult::raise();
  if (c.args.size() > 2 && !sliceIndex(vm, t, c.args[2], &end, true)) return NativeResult::raise();
  Text tx = text(s);
  std::vector<StrObj*> subs;
  Value arg = c.args[0];
  if (arg.isObj() && arg.asObj()->kind == ObjKind::Tuple) {
    for (const Value& v : static_cast<TupleObj*>(arg.asObj())->items) {
      StrObj* sub = asStrObj(v);
      if (!sub)
        return vm.raise(t, vm.types.TypeError, std::string("tuple for ") + name +
                                                   " must only contain str, not " + vm.typeName(v));
      subs.push_back(sub);
    }
  } else if (StrObj* sub = asStrObj(arg)) {
    subs.push_back(sub);
  } else {
    return vm.raise(t, vm.types.TypeError, std::string(name) +
                                               " first arg must be str or a tuple of str, not " +
                                               vm.typeName(arg));
  }
  adjustIndices(&start, &end, tx.len);
  for (StrObj* sub : subs) {
    int64_t subLen = cpLength(sub);
    if (end - subLen < start) continue;
    if (subLen == 0) return NativeResult::ret(Value::boolean(true));
    size_t at = ends ? toByte(tx, end - subLen) : toByte(tx, start);
    if (tx.s.compare(at, sub->s.size(), sub->s) == 0) return NativeResult::ret(Value::boolean(true));
  }
  return NativeResult::ret(Value::boolean(false));
}

NativeResult str_startswith(Vm& vm, NativeCall& c) { return affixImpl(vm, c, false); }
NativeResult str_endswith(Vm& vm, NativeCall& c) { return affixImpl(vm, c, true); }

//-----------------------------------------------------------------------------------------------
// [SECTION] Split and join
//-----------------------------------------------------------------------------------------------
// Code points with their byte offsets, for scanning left or right.
struct Scan {
  std::string_view s;
  // Code point starting at byte i / ending at byte i (i > 0).
  char32_t at(size_t i) const {
    size_t p = i;
    return unicode::decode(s, &p);
  }
  size_t next(size_t i) const {
    ++i;
    while (i < s.size() && unicode::isContinuation(s[i])) ++i;
    return i;
  }
  size_t prev(size_t i) const {
    --i;
    while (i > 0 && unicode::isContinuation(s[i])) --i;
    return i;
  }
  char32_t before(size_t i) const { return at(prev(i)); }
};

// (sep=None, maxsplit=-1) of split / rsplit.
bool splitArgs(Vm& vm, NativeCall& c, StrObj** self, StrObj** sep, int64_t* maxsplit) {
  *self = methods::receiver<StrObj>(vm, c, ObjKind::Str);
  if (!*self) return false;
  Value a[2];
  if (!kwArgs(vm, c, {"sep", "maxsplit"}, 2, 0, a)) return false;
  PyThread& t = *c.thread;
  *sep = nullptr;
  if (!a[0].isUndefined() && !a[0].isNone()) {
    *sep = asStrObj(a[0]);
    if (!*sep) {
      vm.raise(t, vm.types.TypeError, "must be str or None, not " + vm.typeName(a[0]));
      return false;
    }
    if ((*sep)->s.empty()) {
      vm.raise(t, vm.types.ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (!a[1].isUndefined() && !asSsize(vm, t, a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

NativeResult splitImpl(Vm& vm, NativeCall& c, bool right) {
  StrObj* s;
  StrObj* sep;
  int64_t maxsplit;
  if (!splitArgs(vm, c, &s, &sep, &maxsplit)) return NativeResult::raise();
  std::string_view str = s->s;
  std::vector<std::string_view> parts;
  if (sep) {
    std::string_view sp = sep->s;
    if (!right) {
      size_t i = 0;
      while (maxsplit-- > 0) {
        size_t r = str.find(sp, i);
        if (r == std::string_view::npos) break;
        parts.push_back(str.substr(i, r - i));
        i = r + sp.size();
      }
      parts.push_back(str.substr(i));
    } else {
      size_t j = str.size();
      while (maxsplit-- > 0 && j >= sp.size()) {
        size_t r = str.substr(0, j).rfind(sp);
        if (r == std::string_view::npos) break;
        parts.push_back(str.substr(r + sp.size(), j - r - sp.size()));
        j = r;
      }
      parts.push_back(str.substr(0, j));
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    Scan sc{str};
    const size_t n = str.size();
    if (!right) {
      size_t i = 0;
      while (maxsplit-- > 0) {
        while (i < n && unicode::isSpace(sc.at(i))) i = sc.next(i);
        if (i == n) break;
        size_t j = i;
        i = sc.next(i);
        while (i < n && !unicode::isSpace(sc.at(i))) i = sc.next(i);
        parts.push_back(str.substr(j, i - j));
      }
      if (i < n) {
        while (i < n && unicode::isSpace(sc.at(i))) i = sc.next(i);
        if (i != n) parts.push_back(str.substr(i));
      }
    } else {
      size_t i = n;
      while (maxsplit-- > 0) {
        while (i > 0 && unicode::isSpace(sc.before(i))) i = sc.prev(i);
        if (i == 0) break;
        size_t j = i;
        i = sc.prev(i);
        while (i > 0 && !unicode::isSpace(sc.before(i))) i = sc.prev(i);
        parts.push_back(str.substr(i, j - i));
      }
      if (i > 0) {
        while (i > 0 && unicode::isSpace(sc.before(i))) i = sc.prev(i);
        if (i != 0) parts.push_back(str.substr(0, i));
      }
      std::reverse(parts.begin(), parts.end());
    }
  }
  std::vector<Value> items;
  items.reserve(parts.size());
  for (std::string_view p : parts) {
    if (p.size() == str.size() && c.self.isObj() && c.self.asObj() == s) items.push_back(c.self);
    else items.push_back(vm.str(std::string(p)));
  }
  Nanos cost = static_cast<Nanos>(items.size()) * kSplitPerItemNs +
               perK(static_cast<int64_t>(str.size()), kScanPer1kCharsNs);
  return NativeResult::ret(vm.list(std::move(items)), cost);
}

NativeResult str_split(Vm& vm, NativeCall& c) { return splitImpl(vm, c, false); }
NativeResult str_rsplit(Vm& vm, NativeCall& c) { return splitImpl(vm, c, true); }

NativeResult str_splitlines(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s) return NativeResult::raise();
  Value a[1];
  if (!kwArgs(vm, c, {"keepends"}, 1, 0, a)) return NativeResult::raise();
  int64_t keepends = 0;
  if (!a[0].isUndefined() && !asCInt(vm, *c.thread, a[0], &keepends)) return NativeResult::raise();
  std::string_view str = s->s;
  Scan sc{str};
  std::vector<Value> items;
  size_t i = 0, j = 0;
  const size_t n = str.size();
  while (i < n) {
    while (i < n && !unicode::isLinebreak(sc.at(i))) i = sc.next(i);
    size_t eol = i;
    if (i < n) {
      if (str[i] == '\r' && i + 1 < n && str[i + 1] == '\n') i += 2;
      else i = sc.next(i);
      if (keepends) eol = i;
    }
    if (j == 0 && eol == n && c.self.isObj() && c.self.asObj() == s) items.push_back(c.self);
    else items.push_back(vm.str(std::string(str.substr(j, eol - j))));
    j = i;
  }
  Nanos cost = static_cast<Nanos>(items.size()) * kSplitPerItemNs +
               perK(static_cast<int64_t>(n), kScanPer1kCharsNs);
  return NativeResult::ret(vm.list(std::move(items)), cost);
}

NativeResult str_join(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  Value arg = c.args[0];
  std::vector<Value> owned;
  const std::vector<Value>* items;
  if (arg.isObj() && arg.asObj()->kind == ObjKind::List) {
    items = &static_cast<ListObj*>(arg.asObj())->items;
  } else if (arg.isObj() && arg.asObj()->kind == ObjKind::Tuple) {
    items = &static_cast<TupleObj*>(arg.asObj())->items;
  } else {
    if (!vm.iterate(t, arg, &owned)) {
      replaceNotIterable(vm, t, "can only join an iterable");
      return NativeResult::raise();
    }
    items = &owned;
  }
  size_t total = 0;
  for (size_t i = 0; i < items->size(); ++i) {
    StrObj* p = asStrObj((*items)[i]);
    if (!p)
      return vm.raise(t, vm.types.TypeError, "sequence item " + std::to_string(i) +
                                                 ": expected str instance, " +
                                                 vm.typeName((*items)[i]) + " found");
    total += p->s.size();
  }
  if (!items->empty()) total += s->s.size() * (items->size() - 1);
  if (!checkLength(vm, t, static_cast<int64_t>(total))) return NativeResult::raise();
  if (items->size() == 1 && (*items)[0].isObj() && (*items)[0].asObj()->kind == ObjKind::Str)
    return NativeResult::ret((*items)[0]);
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < items->size(); ++i) {
    if (i) out += s->s;
    out += asStrObj((*items)[i])->s;
  }
  Nanos cost = static_cast<Nanos>(items->size()) * kJoinPerItemNs +
               perK(static_cast<int64_t>(total), kBuildPer1kCharsNs);
  return NativeResult::ret(vm.str(out), cost);
}

NativeResult partitionImpl(Vm& vm, NativeCall& c, bool right) {
  StrObj* s = self(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  StrObj* sep;
  if (!needStr(vm, *c.thread, c.args[0], &sep)) return NativeResult::raise();
  if (sep->s.empty()) return vm.raise(*c.thread, vm.types.ValueError, "empty separator");
  size_t r = right ? s->s.rfind(sep->s) : s->s.find(sep->s);
  Value empty = vm.str("");
  Nanos cost = perK(static_cast<int64_t>(s->s.size()), kScanPer1kCharsNs);
  if (r == std::string::npos) {
    Value whole = same(vm, c, s);
    return NativeResult::ret(right ? vm.tuple({empty, vm.str(""), whole})
                                   : vm.tuple({whole, empty, vm.str("")}),
                             cost);
  }
  return NativeResult::ret(vm.tuple({vm.str(s->s.substr(0, r)), c.args[0],
                                     vm.str(s->s.substr(r + sep->s.size()))}),
                           cost);
}

NativeResult str_partition(Vm& vm, NativeCall& c) { return partitionImpl(vm, c, false); }
NativeResult str_rpartition(Vm& vm, NativeCall& c) { return partitionImpl(vm, c, true); }

//-----------------------------------------------------------------------------------------------
// [SECTION] Reshape
//-----------------------------------------------------------------------------------------------
enum Side { kLeft = 1, kRight = 2, kBoth = 3 };

NativeResult stripImpl(Vm& vm, NativeCall& c, int side) {
  StrObj* s = self(vm, c);
  if (!s || !posArgs(vm, c, 0, 1)) return NativeResult::raise();
  std::u32string chars;
  bool whitespace = true;
  if (!c.args.empty() && !c.args[0].isNone()) {
    StrObj* cs = asStrObj(c.args[0]);
    if (!cs) return vm.raise(*c.thread, vm.types.TypeError, shortName(c) + " arg must be None or str");
    chars = unicode::toU32(cs->s);
    whitespace = false;
  }
  auto strip = [&](char32_t ch) {
    return whitespace ? unicode::isSpace(ch) : chars.find(ch) != std::u32string::npos;
  };
  Scan sc{s->s};
  size_t i = 0, j = s->s.size();
  if (side & kLeft)
    while (i < j && strip(sc.at(i))) i = sc.next(i);
  if (side & kRight)
    while (j > i && strip(sc.before(j))) j = sc.prev(j);
  Nanos cost = perK(static_cast<int64_t>(i + s->s.size() - j), kScanPer1kCharsNs);
  if (i == 0 && j == s->s.size()) return NativeResult::ret(same(vm, c, s), cost);
  return NativeResult::ret(vm.str(s->s.substr(i, j - i)), cost);
}

NativeResult str_strip(Vm& vm, NativeCall& c) { return stripImpl(vm, c, kBoth); }
NativeResult str_lstrip(Vm& vm, NativeCall& c) { return stripImpl(vm, c, kLeft); }
NativeResult str_rstrip(Vm& vm, NativeCall& c) { return stripImpl(vm, c, kRight); }

NativeResult str_replace(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !posArgs(vm, c, 2, 3)) return NativeResult::raise();
  PyThread& t = *c.thread;
  StrObj* from = asStrObj(c.args[0]);
  if (!from)
    return vm.raise(t, vm.types.TypeError,
                    "replace() argument 1 must be str, not " + vm.typeName(c.args[0]));
  StrObj* to = asStrObj(c.args[1]);
  if (!to)
    return vm.raise(t, vm.types.TypeError,
                    "replace() argument 2 must be str, not " + vm.typeName(c.args[1]));
  int64_t count = -1;
  if (c.args.size() > 2 && !asSsize(vm, t, c.args[2], &count)) return NativeResult::raise();
  if (count < 0) count = INT64_MAX;
  const std::string& str = s->s;
  std::string out;
  int64_t done = 0;
  if (from->s.empty()) {
    // Insert `to` before every code point and at the end, `count` times at most.
    Scan sc{str};
    size_t i = 0;
    while (done < count) {
      out += to->s;
      ++done;
      if (i >= str.size()) break;
      size_t k = sc.next(i);
      out.append(str, i, k - i);
      i = k;
    }
    if (i < str.size()) out.append(str, i, std::string::npos);
  } else {
    size_t i = 0;
    while (done < count) {
      size_t r = str.find(from->s, i);
      if (r == std::string::npos) break;
      out.append(str, i, r - i);
      out += to->s;
      i = r + from->s.size();
      ++done;
      if (!checkLength(vm, t, static_cast<int64_t>(out.size()))) return NativeResult::raise();
    }
    out.append(str, i, std::string::npos);
  }
  if (!checkLength(vm, t, static_cast<int64_t>(out.size()))) return NativeResult::raise();
  Nanos cost = done * kReplacePerMatchNs + perK(static_cast<int64_t>(str.size()), kScanPer1kCharsNs);
  if (done == 0) return NativeResult::ret(same(vm, c, s), cost);
  return NativeResult::ret(vm.str(out), cost);
}

// The fill character argument of center/ljust/rjust.
bool fillChar(Vm& vm, PyThread& t, NativeCall& c, size_t at, std::string* fill) {
  *fill = " ";
  if (c.args.size() <= at) return true;
  StrObj* f = asStrObj(c.args[at]);
  if (!f) {
    vm.raise(t, vm.types.TypeError,
             "The fill character must be a unicode character, not " + vm.typeName(c.args[at]));
    return false;
  }
  if (cpLength(f) != 1) {
    vm.raise(t, vm.types.TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *fill = f->s;
  return true;
}

NativeResult padImpl(Vm& vm, NativeCall& c, int side) {
  StrObj* s = self(vm, c);
  if (!s || !posArgs(vm, c, 1, 2)) return NativeResult::raise();
  PyThread& t = *c.thread;
  int64_t width;
  if (!asSsize(vm, t, c.args[0], &width)) return NativeResult::raise();
  std::string fill;
  if (!fillChar(vm, t, c, 1, &fill)) return NativeResult::raise();
  int64_t len = cpLength(s);
  if (len >= width) return NativeResult::ret(same(vm, c, s));
  int64_t marg = width - len;
  if (!checkLength(vm, t, width)) return NativeResult::raise();
  int64_t left = side == kBoth ? marg / 2 + (marg & width & 1) : side == kRight ? marg : 0;
  std::string out = repeat(fill, left) + s->s + repeat(fill, marg - left);
  return NativeResult::ret(vm.str(out), perK(width, kBuildPer1kCharsNs));
}

NativeResult str_center(Vm& vm, NativeCall& c) { return padImpl(vm, c, kBoth); }
NativeResult str_ljust(Vm& vm, NativeCall& c) { return padImpl(vm, c, kLeft); }
NativeResult str_rjust(Vm& vm, NativeCall& c) { return padImpl(vm, c, kRight); }

NativeResult str_zfill(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  int64_t width;
  if (!asSsize(vm, *c.thread, c.args[0], &width)) return NativeResult::raise();
  int64_t len = cpLength(s);
  if (len >= width) return NativeResult::ret(same(vm, c, s));
  if (!checkLength(vm, *c.thread, width)) return NativeResult::raise();
  std::string out = repeat("0", width - len) + s->s;
  if (!s->s.empty() && (s->s[0] == '+' || s->s[0] == '-')) {
    out[0] = s->s[0];
    out[static_cast<size_t>(width - len)] = '0';
  }
  return NativeResult::ret(vm.str(out), perK(width, kBuildPer1kCharsNs));
}

NativeResult str_expandtabs(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s) return NativeResult::raise();
  Value a[1];
  if (!kwArgs(vm, c, {"tabsize"}, 1, 0, a)) return NativeResult::raise();
  int64_t tab = 8;
  if (!a[0].isUndefined() && !asCInt(vm, *c.thread, a[0], &tab)) return NativeResult::raise();
  std::string out;
  int64_t col = 0;
  size_t i = 0;
  const std::string& str = s->s;
  while (i < str.size()) {
    size_t k = i;
    char32_t ch = unicode::decode(str, &k);
    if (ch == '\t') {
      if (tab > 0) {
        int64_t incr = tab - col % tab;
        if (!checkLength(vm, *c.thread, static_cast<int64_t>(out.size()) + incr))
          return NativeResult::raise();
        out.append(static_cast<size_t>(incr), ' ');
        col += incr;
      }
    } else {
      out.append(str, i, k - i);
      ++col;
      if (ch == '\n' || ch == '\r') col = 0;
    }
    i = k;
  }
  return NativeResult::ret(vm.str(out), perK(static_cast<int64_t>(out.size()), kBuildPer1kCharsNs));
}

NativeResult affixRemove(Vm& vm, NativeCall& c, bool suffix) {
  StrObj* s = self(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  StrObj* a = asStrObj(c.args[0]);
  if (!a)
    return vm.raise(*c.thread, vm.types.TypeError,
                    shortName(c) + "() argument must be str, not " + vm.typeName(c.args[0]));
  const std::string& str = s->s;
  const std::string& x = a->s;
  if (!x.empty() && x.size() <= str.size()) {
    if (!suffix && str.compare(0, x.size(), x) == 0) return NativeResult::ret(vm.str(str.substr(x.size())));
    if (suffix && str.compare(str.size() - x.size(), x.size(), x) == 0)
      return NativeResult::ret(vm.str(str.substr(0, str.size() - x.size())));
  }
  return NativeResult::ret(same(vm, c, s));
}

NativeResult str_removeprefix(Vm& vm, NativeCall& c) { return affixRemove(vm, c, false); }
NativeResult str_removesuffix(Vm& vm, NativeCall& c) { return affixRemove(vm, c, true); }

NativeResult str_encode(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s) return NativeResult::raise();
  Value a[2];
  if (!kwArgs(vm, c, {"encoding", "errors"}, 2, 0, a)) return NativeResult::raise();
  return vm.raise(*c.thread, vm.types.TypeError, "bytes are not supported by Interleave");
}

// str.maketrans(x[, y[, z]]): a staticmethod building a translation table.
NativeResult str_maketrans(Vm& vm, NativeCall& c) {
  if (!posArgs(vm, c, 1, 3)) return NativeResult::raise();
  PyThread& t = *c.thread;
  DictObj* table = vm.newDict();
  Value result = Value::object(table);
  if (c.args.size() == 1) {
    DictObj* d = static_cast<DictObj*>(asKind(c.args[0], ObjKind::Dict));
    if (!d)
      return vm.raise(t, vm.types.TypeError,
                      "if you give only one argument to maketrans it must be a dict");
    std::vector<std::pair<Value, Value>> items;
    for (const DictEntry& e : d->entries)
      if (e.live) items.emplace_back(e.key, e.value);
    for (auto& [k, v] : items) {
      Value key = k;
      if (StrObj* ks = asStrObj(k)) {
        if (cpLength(ks) != 1)
          return vm.raise(t, vm.types.ValueError, "string keys in translate table must be of length 1");
        size_t p = 0;
        key = Value::integer(unicode::decode(ks->s, &p));
      } else if (!isIntLike(k)) {
        return vm.raise(t, vm.types.TypeError, "keys in translate table must be strings or integers");
      }
      if (!vm.dictSet(t, table, key, v)) return NativeResult::raise();
    }
    return NativeResult::ret(result);
  }
  StrObj* x = asStrObj(c.args[0]);
  if (!x)
    return vm.raise(t, vm.types.TypeError,
                    "first maketrans argument must be a string if there is a second argument");
  StrObj* y = asStrObj(c.args[1]);
  if (!y)
    return vm.raise(t, vm.types.TypeError,
                    "maketrans() argument 2 must be str, not " + vm.typeName(c.args[1]));
  StrObj* z = nullptr;
  if (c.args.size() > 2 && !(z = asStrObj(c.args[2])))
    return vm.raise(t, vm.types.TypeError,
                    "maketrans() argument 3 must be str, not " + vm.typeName(c.args[2]));
  std::u32string xs = unicode::toU32(x->s), ys = unicode::toU32(y->s);
  if (xs.size() != ys.size())
    return vm.raise(t, vm.types.ValueError, "the first two maketrans arguments must have equal length");
  for (size_t i = 0; i < xs.size(); ++i)
    if (!vm.dictSet(t, table, Value::integer(xs[i]), Value::integer(ys[i]))) return NativeResult::raise();
  if (z)
    for (char32_t ch : unicode::toU32(z->s))
      if (!vm.dictSet(t, table, Value::integer(ch), Value::none())) return NativeResult::raise();
  return NativeResult::ret(result);
}

bool getItem(Vm& vm, PyThread& t, Value obj, Value key, Value* out);

NativeResult str_translate(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  PyThread& t = *c.thread;
  Value table = c.args[0];
  DictObj* d = static_cast<DictObj*>(asKind(table, ObjKind::Dict));
  std::string out;
  size_t i = 0;
  while (i < s->s.size()) {
    size_t start = i;
    char32_t ch = unicode::decode(s->s, &i);
    Value key = Value::integer(ch), v;
    bool found = true;
    if (d) {
      if (!vm.dictGet(t, d, key, &v, &found)) return NativeResult::raise();
    } else if (!getItem(vm, t, table, key, &v)) {
      if (!vm.isInstance(t.raising, vm.types.LookupError)) return NativeResult::raise();
      t.raising = Value::undefined();
      found = false;
    }
    if (!found) {
      out.append(s->s, start, i - start);
    } else if (v.isNone()) {
      // deleted
    } else if (isIntLike(v)) {
      BigInt b = toBigInt(v);
      if (!b.fitsInt64() || b.toInt64() < 0 || b.toInt64() > 0x10FFFF)
        return vm.raise(t, vm.types.ValueError, "character mapping must be in range(0x110000)");
      unicode::append(out, static_cast<char32_t>(b.toInt64()));
    } else if (StrObj* r = asStrObj(v)) {
      out += r->s;
    } else {
      return vm.raise(t, vm.types.TypeError, "character mapping must return integer, None or str");
    }
    if (!checkLength(vm, t, static_cast<int64_t>(out.size()))) return NativeResult::raise();
  }
  return NativeResult::ret(vm.str(out), perK(static_cast<int64_t>(s->s.size()), kCaseWidePer1kCharsNs));
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Format
//-----------------------------------------------------------------------------------------------
bool raiseFormatError(Vm& vm, PyThread& t, const FormatError& e) {
  vm.raise(t, e.kind == FormatErrorKind::OverflowError ? vm.types.OverflowError : vm.types.ValueError,
           e.message);
  return false;
}

// obj[key] for format fields: builtin containers, else the class's __getitem__.
bool getItem(Vm& vm, PyThread& t, Value obj, Value key, Value* out) {
  OpStatus st = nativeGetItem(vm, t, obj, key, out);
  if (st == OpStatus::Ok) return true;
  if (st == OpStatus::Raise) return false;
  Value fn = findDunder(vm, obj, "__getitem__");
  if (fn.isUndefined()) {
    vm.raise(t, vm.types.TypeError, "'" + vm.typeName(obj) + "' object is not subscriptable");
    return false;
  }
  return vm.callReentrant(t, fn, {obj, key}, out);
}

// ascii(): repr with non-ASCII characters escaped.

// Py_UNICODE_TODECIMAL over the whole string: -1 if empty or not all decimal digits, -2 on
// overflow.
int64_t fieldInteger(std::string_view s) {
  if (s.empty()) return -1;
  int64_t acc = 0;
  size_t i = 0;
  while (i < s.size()) {
    int d = unicodeDecimalValue(unicode::decode(s, &i));
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) return -2;
    acc = acc * 10 + d;
  }
  return acc;
}

struct FormatState {
  Vm& vm;
  PyThread& t;
  const std::vector<Value>* args;  // null for format_map
  Value mapping;                   // a dict for format(), any mapping for format_map; undefined: none
  enum { Init, Auto, Manual } numbering = Init;
  int64_t nextIndex = 0;
  int64_t fields = 0;
};

bool formatError(FormatState& st, const char* message) {
  st.vm.raise(st.t, st.vm.types.ValueError, message);
  return false;
}

// get_field_object: the value named by a field ("0", "name", "0.attr[key]", "" for auto).
bool fieldValue(FormatState& st, std::string_view name, Value* out) {
  Vm& vm = st.vm;
  PyThread& t = st.t;
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  std::string_view first = name.substr(0, i);
  int64_t index = fieldInteger(first);
  if (index == -2) return formatError(st, "Too many decimal digits in format string");
  bool empty = first.empty();
  if (empty || index >= 0) {
    if (st.numbering == FormatState::Init) st.numbering = empty ? FormatState::Auto : FormatState::Manual;
    if (st.numbering == FormatState::Manual && empty)
      return formatError(st, "cannot switch from manual field specification to automatic field numbering");
    if (st.numbering == FormatState::Auto && !empty)
      return formatError(st, "cannot switch from automatic field numbering to manual field specification");
    if (empty) index = st.nextIndex++;
  }
  Value obj;
  if (index < 0) {
    Value key = vm.str(std::string(first));
    if (st.mapping.isUndefined()) {
      raiseKeyError(vm, t, key);
      return false;
    }
    if (st.mapping.isObj() && st.mapping.asObj()->kind == ObjKind::Dict) {
      bool found;
      if (!vm.dictGet(t, static_cast<DictObj*>(st.mapping.asObj()), key, &obj, &found)) return false;
      if (!found) {
        raiseKeyError(vm, t, key);
        return false;
      }
    } else if (!getItem(vm, t, st.mapping, key, &obj)) {
      return false;
    }
  } else {
    if (!st.args) return formatError(st, "Format string contains positional fields");
    if (index >= static_cast<int64_t>(st.args->size())) {
      vm.raise(t, vm.types.IndexError,
               "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
      return false;
    }
    obj = (*st.args)[static_cast<size_t>(index)];
  }
  // The rest: .attr and [key] lookups.
  while (i < name.size()) {
    char ch = name[i++];
    size_t start = i;
    std::string_view part;
    bool attr = ch == '.';
    if (attr) {
      while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
      part = name.substr(start, i - start);
    } else if (ch == '[') {
      while (i < name.size() && name[i] != ']') ++i;
      if (i >= name.size()) return formatError(st, "Missing ']' in format string");
      part = name.substr(start, i - start);
      ++i;
    } else {
      return formatError(st, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (part.empty()) return formatError(st, "Empty attribute in format string");
    Value next;
    if (attr) {
      if (!vm.getAttr(t, obj, vm.heap.str(std::string(part)), &next)) return false;
    } else {
      int64_t k = fieldInteger(part);
      if (k == -2) return formatError(st, "Too many decimal digits in format string");
      Value key = k >= 0 ? Value::integer(k) : vm.str(std::string(part));
      if (!getItem(vm, t, obj, key, &next)) return false;
    }
    obj = next;
  }
  *out = obj;
  return true;
}

bool buildString(FormatState& st, std::string_view fmt, int depth, std::string* out);

// One replacement field; `rest` starts after the '{' and is advanced past the closing '}'.
bool formatField(FormatState& st, std::string_view s, size_t* pos, int depth, std::string* out) {
  Vm& vm = st.vm;
  PyThread& t = st.t;
  size_t i = *pos;
  size_t nameStart = i;
  char ch = 0;
  while (i < s.size()) {
    ch = s[i++];
    if (ch == '{') return formatError(st, "unexpected '{' in field name");
    if (ch == '[') {
      while (i < s.size() && s[i] != ']') ++i;
      continue;
    }
    if (ch == '}' || ch == ':' || ch == '!') break;
  }
  std::string_view name = s.substr(nameStart, i - 1 - nameStart);
  if (i == s.size() && ch != '}' && ch != ':' && ch != '!')
    return formatError(st, "expected '}' before end of string");
  char32_t conversion = 0;
  std::string_view spec;
  bool expand = false;
  if (ch == '!' || ch == ':') {
    bool done = false;
    if (ch == '!') {
      if (i >= s.size()) return formatError(st, "end of string while looking for conversion specifier");
      conversion = unicode::decode(s, &i);
      if (i < s.size()) {
        char after = s[i++];
        if (after == '}') done = true;
        else if (after != ':') return formatError(st, "expected ':' after conversion specifier");
      }
    }
    if (!done) {
      size_t specStart = i;
      int count = 1;
      bool closed = false;
      while (i < s.size()) {
        char x = s[i++];
        if (x == '{') {
          expand = true;
          ++count;
        } else if (x == '}') {
          if (--count == 0) {
            spec = s.substr(specStart, i - 1 - specStart);
            closed = true;
            break;
          }
        }
      }
      if (!closed) return formatError(st, "unmatched '{' in format spec");
    }
  } else if (ch != '}') {
    return formatError(st, "expected '}' before end of string");
  }
  *pos = i;
  ++st.fields;

  Value obj;
  if (!fieldValue(st, name, &obj)) return false;
  if (conversion) {
    std::string conv;
    switch (conversion) {
      case 'r': if (!vm.repr(t, obj, &conv)) return false; break;
      case 's': if (!vm.toStr(t, obj, &conv)) return false; break;
      case 'a': if (!vm.repr(t, obj, &conv)) return false; conv = asciiEscape(conv); break;
      default: {
        std::string m = "Unknown conversion specifier ";
        if (conversion > 32 && conversion < 127) {
          m.push_back(static_cast<char>(conversion));
        } else {
          char buf[16];
          snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(conversion));
          m += buf;
        }
        vm.raise(t, vm.types.ValueError, m);
        return false;
      }
    }
    obj = vm.str(conv);
  }
  std::string expanded;
  if (expand) {
    if (!buildString(st, spec, depth - 1, &expanded)) return false;
    spec = expanded;
  }
  std::string rendered;
  if (!formatValue(vm, t, obj, spec, &rendered)) return false;
  *out += rendered;
  return true;
}

// build_string / do_markup: literal text with {{ }} escapes and replacement fields.
bool buildString(FormatState& st, std::string_view s, int depth, std::string* out) {
  if (depth <= 0) return formatError(st, "Max string recursion exceeded");
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char ch = 0;
    bool markup = false;
    while (i < s.size()) {
      ch = s[i++];
      if (ch == '{' || ch == '}') {
        markup = true;
        break;
      }
    }
    bool atEnd = i >= s.size();
    size_t len = i - start;
    if (ch == '}' && markup && (atEnd || s[i] != '}'))
      return formatError(st, "Single '}' encountered in format string");
    if (atEnd && ch == '{' && markup) return formatError(st, "Single '{' encountered in format string");
    if (markup) {
      if (s[i] == ch) {
        ++i;  // escaped brace: the literal keeps one
        markup = false;
      } else {
        --len;
      }
    }
    out->append(s.substr(start, len));
    if (markup && !formatField(st, s, &i, depth, out)) return false;
    if (!checkLength(st.vm, st.t, static_cast<int64_t>(out->size()))) return false;
  }
  return true;
}

NativeResult str_format(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s) return NativeResult::raise();
  Value mapping = Value::undefined();
  if (!c.kwargs.empty()) {
    DictObj* d = vm.newDict();
    for (auto& kw : c.kwargs) vm.dictSetStr(d, kw.first->s, kw.second);
    mapping = Value::object(d);
  }
  std::string out;
  FormatState st{vm, *c.thread, &c.args, mapping};
  if (!buildString(st, s->s, 2, &out)) return NativeResult::raise();
  return NativeResult::ret(vm.str(out), st.fields * kFormatPerFieldNs);
}

NativeResult str_format_map(Vm& vm, NativeCall& c) {
  StrObj* s = self(vm, c);
  if (!s || !oneArg(vm, c)) return NativeResult::raise();
  std::string out;
  FormatState st{vm, *c.thread, nullptr, c.args[0]};
  if (!buildString(st, s->s, 2, &out)) return NativeResult::raise();
  return NativeResult::ret(vm.str(out), st.fields * kFormatPerFieldNs);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
struct MethodDef {
  const char* name;
  NativeFn fn;
};

const MethodDef kStrMethods[] = {
    {"upper", str_upper}, {"lower", str_lower}, {"swapcase", str_swapcase},
    {"title", str_title}, {"capitalize", str_capitalize}, {"casefold", str_casefold},
    {"isalpha", str_isalpha}, {"isdigit", str_isdigit}, {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric}, {"isalnum", str_isalnum}, {"isspace", str_isspace},
    {"isprintable", str_isprintable}, {"isascii", str_isascii}, {"islower", str_islower},
    {"isupper", str_isupper}, {"istitle", str_istitle}, {"isidentifier", str_isidentifier},
    {"find", str_find}, {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex},
    {"count", str_count}, {"startswith", str_startswith}, {"endswith", str_endswith},
    {"split", str_split}, {"rsplit", str_rsplit}, {"splitlines", str_splitlines},
    {"join", str_join}, {"partition", str_partition}, {"rpartition", str_rpartition},
    {"strip", str_strip}, {"lstrip", str_lstrip}, {"rstrip", str_rstrip},
    {"replace", str_replace}, {"center", str_center}, {"ljust", str_ljust},
    {"rjust", str_rjust}, {"zfill", str_zfill}, {"expandtabs", str_expandtabs},
    {"removeprefix", str_removeprefix}, {"removesuffix", str_removesuffix},
    {"encode", str_encode}, {"format", str_format}, {"format_map", str_format_map},
    {"translate", str_translate},
};

}  // namespace

bool formatValue(Vm& vm, PyThread& t, Value value, std::string_view spec, std::string* out) {
  FormatError err;
  std::optional<std::string> r;
  if (value.isBool()) {
    if (spec.empty()) {
      *out = value.asBool() ? "True" : "False";
      return true;
    }
    r = formatInt(static_cast<int64_t>(value.asBool()), spec, &err, "bool");
  } else if (value.isInt()) {
    r = formatInt(value.asInt(), spec, &err);
  } else if (value.isFloat()) {
    r = formatFloat(value.asFloat(), spec, &err);
  } else if (value.isObj() && value.asObj()->kind == ObjKind::Str) {
    r = formatStr(static_cast<StrObj*>(value.asObj())->s, spec, &err);
  } else if (value.isObj() && value.asObj()->kind == ObjKind::BigInt) {
    r = formatInt(static_cast<BigIntObj*>(value.asObj())->value, spec, &err);
  } else {
    Value fn = findDunder(vm, value, "__format__");
    if (!fn.isUndefined()) {
      Value res;
      if (!vm.callReentrant(t, fn, {value, vm.str(std::string(spec))}, &res)) return false;
      StrObj* s = asStrObj(res);
      if (!s) {
        vm.raise(t, vm.types.TypeError, "__format__ must return a str, not " + vm.typeName(res));
        return false;
      }
      *out = s->s;
      return true;
    }
    if (spec.empty()) return vm.toStr(t, value, out);
    // An instance of a user subclass of str/int/float formats its builtin value.
    if (value.isObj() && value.asObj()->kind == ObjKind::Instance) {
      Value nv = static_cast<InstanceObj*>(value.asObj())->nativeValue;
      if (nv.isInt() || nv.isFloat() ||
          (nv.isObj() && (nv.asObj()->kind == ObjKind::Str || nv.asObj()->kind == ObjKind::BigInt)))
        return formatValue(vm, t, nv, spec, out);
    }
    vm.raise(t, vm.types.TypeError,
             "unsupported format string passed to " + vm.typeName(value) + ".__format__");
    return false;
  }
  if (!r) return raiseFormatError(vm, t, err);
  *out = std::move(*r);
  return true;
}

bool formatString(Vm& vm, PyThread& t, std::string_view format, const std::vector<Value>* args,
                  Value mapping, std::string* out) {
  FormatState st{vm, t, args, mapping};
  return buildString(st, format, 2, out);
}

void installStrMethods(Vm& vm) {
  for (const MethodDef& m : kStrMethods) vm.defineNative(vm.types.str_->dict, m.name, m.fn, "str");
  // str.maketrans is a staticmethod.
  BuiltinObj* b = vm.heap.make<BuiltinObj>();
  b->name = "maketrans";
  b->ownerType = "str";
  b->fn = str_maketrans;
  PropertyObj* sm = vm.heap.make<PropertyObj>(ObjKind::StaticMethod);
  sm->fget = Value::object(b);
  vm.dictSetStr(vm.types.str_->dict, "maketrans", Value::object(sm));
}

std::string asciiEscape(const std::string& r) {
  std::string out;
  size_t i = 0;
  static const char* hex = "0123456789abcdef";
  while (i < r.size()) {
    char32_t ch = unicode::decode(r, &i);
    if (ch < 0x80) {
      out.push_back(static_cast<char>(ch));
      continue;
    }
    int digits = ch <= 0xFF ? 2 : ch <= 0xFFFF ? 4 : 8;
    out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
    for (int k = digits - 1; k >= 0; --k) out.push_back(hex[(ch >> (4 * k)) & 0xF]);
  }
  return out;
}

}  // namespace interleave::lang
