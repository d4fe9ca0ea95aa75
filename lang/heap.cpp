#include "heap.h"

#include "vm.h"

namespace interleave::lang {

Heap::~Heap() {
  Obj* o = objects_;
  while (o) {
    Obj* next = o->gcNext;
    delete o;
    o = next;
  }
}

int64_t Heap::collect(const std::function<void(Heap&)>& roots) {
  roots(*this);
  while (!gray_.empty()) {
    Obj* o = gray_.back();
    gray_.pop_back();
    o->trace(*this);
  }
  int64_t freed = 0;
  Obj** link = &objects_;
  while (Obj* o = *link) {
    if (o->marked) {
      o->marked = false;
      link = &o->gcNext;
    } else {
      *link = o->gcNext;
      if (o->kind == ObjKind::Generator && onFreeGenerator) onFreeGenerator(static_cast<GeneratorObj*>(o));
      delete o;
      ++freed;
    }
  }
  live_ -= freed;
  allocated_ = 0;
  threshold_ = std::max<int64_t>(kGcInitialThreshold, kGcGrowth * live_);
  ++collections_;
  return freed;
}

// --- trace() of each object kind: mark what it refers to -------------------------------------
void ListObj::trace(Heap& h) { for (const Value& v : items) h.mark(v); }
void TupleObj::trace(Heap& h) { for (const Value& v : items) h.mark(v); }
void DictObj::trace(Heap& h) {
  for (const DictEntry& e : entries) {
    if (!e.live) continue;
    h.mark(e.key);
    h.mark(e.value);
  }
}
void SliceObj::trace(Heap& h) { h.mark(start); h.mark(stop); h.mark(step); }
void CodeObj::trace(Heap& h) {
  for (const Value& v : constants) h.mark(v);
  for (StrObj* s : names) h.mark(s);
  for (StrObj* s : nameAliases) h.mark(s);
  h.mark(docstring);
}
void CellObj::trace(Heap& h) { h.mark(value); }
void FunctionObj::trace(Heap& h) {
  h.mark(code);
  h.mark(globals);
  for (const Value& v : defaults) h.mark(v);
  h.mark(kwdefaults);
  for (CellObj* c : closure) h.mark(c);
  h.mark(name);
  h.mark(qualname);
  h.mark(attrs);
  h.mark(module);
  h.mark(doc);
}
void BuiltinObj::trace(Heap& h) { h.mark(self); h.mark(data); }
void BoundMethodObj::trace(Heap& h) { h.mark(self); h.mark(func); }
void ModuleObj::trace(Heap& h) { h.mark(dict); }
void TypeObj::trace(Heap& h) {
  for (TypeObj* b : bases) h.mark(b);
  for (TypeObj* m : mro) h.mark(m);
  h.mark(dict);
}
void InstanceObj::trace(Heap& h) {
  h.mark(cls);
  h.mark(dict);
  h.mark(nativeValue);
  if (exc) {
    h.mark(exc->args);
    h.mark(exc->cause);
    h.mark(exc->context);
    for (const TracebackEntry& e : exc->traceback) h.mark(e.code);
  }
}
void PropertyObj::trace(Heap& h) { h.mark(fget); h.mark(fset); h.mark(fdel); }
GeneratorObj::GeneratorObj() : Obj(ObjKind::Generator) {}
GeneratorObj::~GeneratorObj() {
  if (frame) recycleGeneratorFrame(std::move(frame));
}
void GeneratorObj::trace(Heap& h) {
  h.mark(name);
  h.mark(qualname);
  h.mark(yieldedFrom);
  h.mark(handled);
  if (frame) frame->trace(h);
}
void IteratorObj::trace(Heap& h) { h.mark(source); }
void DictViewObj::trace(Heap& h) { h.mark(dict); }

int64_t RangeObj::length() const {
  if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
  return 0;
}

}  // namespace interleave::lang
