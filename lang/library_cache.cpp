#include "library_cache.h"

#include <map>
#include <memory>
#include <unordered_map>
#include <utility>

#include "compiler.h"
#include "parser.h"

namespace interleave::lang {

namespace {

struct Template {
  CodeObj* code = nullptr;  // in templateHeap()
  std::string error;
};

// Never collected: nothing in it is ever garbage (the cache refers to every template).
Heap& templateHeap() {
  static Heap* heap = new Heap();
  return *heap;
}

// Copies a template's code object graph into another heap: code objects and the constants
// the compiler makes (str, int beyond 64 bits, tuples of constants, nested code objects).
class CodeCopier {
 public:
  explicit CodeCopier(Heap& heap) : heap_(heap) {}

  CodeObj* code(const CodeObj* from) {
    auto* to = heap_.make<CodeObj>();
    to->name = from->name;
    to->qualname = from->qualname;
    to->filename = from->filename;
    to->code = from->code;
    to->spans = from->spans;
    to->constants.reserve(from->constants.size());
    for (const Value& v : from->constants) to->constants.push_back(value(v));
    to->names.reserve(from->names.size());
    for (StrObj* s : from->names) to->names.push_back(str(s));
    to->varnames = from->varnames;
    to->cellvars = from->cellvars;
    to->freevars = from->freevars;
    to->cellFromArg = from->cellFromArg;
    to->argcount = from->argcount;
    to->posonlyargcount = from->posonlyargcount;
    to->kwonlyargcount = from->kwonlyargcount;
    to->flags = from->flags;
    to->firstLine = from->firstLine;
    to->stackSize = from->stackSize;
    to->docstring = from->docstring ? str(from->docstring) : nullptr;
    return to;
  }

 private:
  // One copy per template object, so that constants the compiler shares stay shared.
  StrObj* str(StrObj* s) {
    auto [it, fresh] = memo_.try_emplace(s, nullptr);
    if (fresh) {
      auto* c = heap_.str(s->s);
      c->hash = s->hash;
      c->length = s->length;
      it->second = c;
    }
    return static_cast<StrObj*>(it->second);
  }

  Value value(const Value& v) {
    if (!v.isObj()) return v;
    Obj* o = v.asObj();
    auto found = memo_.find(o);
    if (found != memo_.end()) return Value::object(found->second);
    Obj* c = nullptr;
    switch (o->kind) {
      case ObjKind::Str: return Value::object(str(static_cast<StrObj*>(o)));
      case ObjKind::BigInt: c = heap_.make<BigIntObj>(static_cast<BigIntObj*>(o)->value); break;
      case ObjKind::Code: c = code(static_cast<CodeObj*>(o)); break;
      case ObjKind::Tuple: {
        auto* t = heap_.make<TupleObj>();
        for (const Value& item : static_cast<TupleObj*>(o)->items) t->items.push_back(value(item));
        c = t;
        break;
      }
      default:
        // The compiler makes no other constants; sharing would tie two heaps together.
        return Value::none();
    }
    memo_[o] = c;
    return Value::object(c);
  }

  Heap& heap_;
  std::unordered_map<const Obj*, Obj*> memo_;
};

}  // namespace

CodeObj* compileLibraryCode(Heap& heap, const char* source, const std::string& filename, bool prelude,
                            std::string* error) {
  static std::map<std::pair<std::string, bool>, std::pair<const char*, Template>> cache;
  auto key = std::make_pair(filename, prelude);
  auto it = cache.find(key);
  if (it == cache.end() || it->second.first != source) {
    Template t;
    ParseResult parsed = parseModule(source, filename);
    if (!parsed.module) {
      t.error = parsed.error ? parsed.error->message : std::string("unsupported");
    } else {
      CompileResult compiled = compileModule(templateHeap(), *parsed.module, filename, prelude, true);
      if (compiled.code) t.code = compiled.code;
      else t.error = compiled.error->message;
    }
    it = cache.insert_or_assign(key, std::make_pair(source, std::move(t))).first;
  }
  const Template& t = it->second.second;
  if (!t.code) {
    *error = t.error;
    return nullptr;
  }
  return CodeCopier(heap).code(t.code);
}

}  // namespace interleave::lang
