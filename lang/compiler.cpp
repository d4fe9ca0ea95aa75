// AST -> bytecode.
//
// [SECTION] Symbol table     scopes, bindings, and where each name lives
// [SECTION] Code units       one CodeObj under construction: constants, names, jumps, spans
// [SECTION] Frame blocks     what `return`/`break`/`continue` must unwind (loops, try, with)
// [SECTION] Statements
// [SECTION] Expressions
// [SECTION] Entry point
#include "compiler.h"

#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "opcodes.h"

namespace interleave::lang {

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Symbol table
//-----------------------------------------------------------------------------------------------
enum class ScopeKind : uint8_t { Module, Function, Class, Comprehension };

enum SymbolFlag : uint32_t {
  kDefLocal = 1,     // bound here (assignment, def, import, for/with/except target)
  kDefParam = 2,
  kDefGlobal = 4,    // `global x`
  kDefNonlocal = 8,  // `nonlocal x`
  kUse = 16,
};

enum class Where : uint8_t {
  Fast,            // function local
  Cell,            // function local captured by an inner function
  Free,            // captured from an enclosing function
  GlobalExplicit,  // declared global
  GlobalImplicit,  // not bound anywhere visible: global, then builtins
  Name,            // module/class body: the namespace dict
  ClassDeref,      // class body reading a variable of an enclosing function
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  std::string name;
  std::string qualname;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  std::unordered_map<std::string, uint32_t> flags;
  std::vector<std::string> order;   // names in order of first appearance
  std::vector<std::string> params;  // function parameters in order
  std::unordered_map<std::string, Where> where;
  std::vector<std::string> cellvars, freevars;
  bool generator = false;
  bool coroutine = false;
  bool usesSuper = false;
  bool needsClassCell = false;  // class scope: a method uses super()/__class__
  Loc firstGlobalUse;           // for "name 'x' is used prior to global declaration"

  void add(const std::string& n, uint32_t f) {
    auto it = flags.find(n);
    if (it == flags.end()) {
      flags[n] = f;
      order.push_back(n);
    } else {
      it->second |= f;
    }
  }
  bool has(const std::string& n, uint32_t f) const {
    auto it = flags.find(n);
    return it != flags.end() && (it->second & f);
  }
  bool isFunctionLike() const { return kind == ScopeKind::Function || kind == ScopeKind::Comprehension; }
};

class SymbolTable {
 public:
  std::unordered_map<const void*, Scope*> scopeOf;
  std::optional<CompileError> error;

  std::unique_ptr<Scope> build(const Module& m) {
    auto root = std::make_unique<Scope>();
    root->kind = ScopeKind::Module;
    root->name = "<module>";
    scopeOf[&m] = root.get();
    cur_ = root.get();
    for (const StmtP& s : m.body) visitStmt(*s);
    std::set<std::string> none;
    analyze(root.get(), none);
    return root;
  }

 private:
  Scope* cur_ = nullptr;

  void fail(const std::string& msg, const Loc& loc, const std::string& type = "SyntaxError") {
    if (!error) error = CompileError{type, msg, loc.line, loc.col};
  }

  Scope* push(ScopeKind kind, const std::string& name, const void* node) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->parent = cur_;
    // CPython's __qualname__: functions nested in functions get ".<locals>.".
    if (cur_->kind == ScopeKind::Module) {
      s->qualname = name;
    } else if (cur_->kind == ScopeKind::Class) {
      s->qualname = cur_->qualname + "." + name;
    } else {
      s->qualname = cur_->qualname + ".<locals>." + name;
    }
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    scopeOf[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  void bind(const std::string& n) { cur_->add(n, kDefLocal); }
  void use(const std::string& n) { cur_->add(n, kUse); }

  void visitArgsDefaults(const Arguments& a) {
    for (const ExprP& d : a.defaults) visitExpr(*d);
    for (const ExprP& d : a.kwDefaults) if (d) visitExpr(*d);
  }
  void declareParams(const Arguments& a) {
    auto param = [&](const std::string& n) {
      cur_->add(n, kDefParam);
      cur_->params.push_back(n);
    };
    for (const Arg& x : a.posonly) param(x.name);
    for (const Arg& x : a.args) param(x.name);
    for (const Arg& x : a.kwonly) param(x.name);
    if (a.vararg) param(a.vararg->name);
    if (a.kwarg) param(a.kwarg->name);
  }

  void visitBody(const Body& b) { for (const StmtP& s : b) visitStmt(*s); }

  void visitStmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef: {
        for (const ExprP& d : s.decorators) visitExpr(*d);
        visitArgsDefaults(*s.args);
        bind(s.name);
        Scope* f = push(ScopeKind::Function, s.name, &s);
        f->coroutine = s.isAsync;
        declareParams(*s.args);
        visitBody(s.body);
        pop();
        break;
      }
      case StmtKind::ClassDef: {
        for (const ExprP& d : s.decorators) visitExpr(*d);
        for (const ExprP& b : s.bases) visitExpr(*b);
        for (const Keyword& k : s.keywords) visitExpr(*k.value);
        bind(s.name);
        push(ScopeKind::Class, s.name, &s);
        visitBody(s.body);
        pop();
        break;
      }
      case StmtKind::Return:
        if (s.value) visitExpr(*s.value);
        break;
      case StmtKind::Delete:
        for (const ExprP& t : s.targets) visitExpr(*t);
        break;
      case StmtKind::Assign:
        visitExpr(*s.value);
        for (const ExprP& t : s.targets) visitExpr(*t);
        break;
      case StmtKind::AugAssign:
        visitExpr(*s.value);
        if (s.target->kind == ExprKind::Name) {
          use(s.target->name);
          bind(s.target->name);
        } else {
          visitExpr(*s.target);
        }
        break;
      case StmtKind::AnnAssign:
        if (s.value) visitExpr(*s.value);
        if (s.target->kind == ExprKind::Name) {
          if (s.value || cur_->isFunctionLike()) bind(s.target->name);
        } else {
          visitExpr(*s.target);
        }
        break;
      case StmtKind::For:
        visitExpr(*s.iter);
        visitExpr(*s.target);
        visitBody(s.body);
        visitBody(s.orelse);
        break;
      case StmtKind::While:
        visitExpr(*s.test);
        visitBody(s.body);
        visitBody(s.orelse);
        break;
      case StmtKind::If:
        visitExpr(*s.test);
        visitBody(s.body);
        visitBody(s.orelse);
        break;
      case StmtKind::With:
        for (const WithItem& w : s.withItems) {
          visitExpr(*w.contextExpr);
          if (w.optionalVars) visitExpr(*w.optionalVars);
        }
        visitBody(s.body);
        break;
      case StmtKind::Raise:
        if (s.value) visitExpr(*s.value);
        if (s.cause) visitExpr(*s.cause);
        break;
      case StmtKind::Try:
        visitBody(s.body);
        for (const ExceptHandler& h : s.handlers) {
          if (h.type) visitExpr(*h.type);
          if (!h.name.empty()) bind(h.name);
          visitBody(h.body);
        }
        visitBody(s.orelse);
        visitBody(s.finalbody);
        break;
      case StmtKind::Assert:
        visitExpr(*s.test);
        if (s.msg) visitExpr(*s.msg);
        break;
      case StmtKind::Import:
        for (const Alias& a : s.aliases) {
          if (!a.asname.empty()) bind(a.asname);
          else bind(a.name.substr(0, a.name.find('.')));
        }
        break;
      case StmtKind::ImportFrom:
        for (const Alias& a : s.aliases) {
          if (a.name == "*") {
            if (cur_->kind != ScopeKind::Module) fail("import * only allowed at module level", a.loc);
            continue;
          }
          bind(a.asname.empty() ? a.name : a.asname);
        }
        break;
      case StmtKind::Global:
        for (const std::string& n : s.names) {
          if (cur_->has(n, kDefParam)) { fail("name '" + n + "' is parameter and global", s.loc); continue; }
          if (cur_->has(n, kUse | kDefLocal)) {
            fail("name '" + n + "' is " + (cur_->has(n, kDefLocal) ? "assigned to" : "used") +
                 " prior to global declaration", s.loc);
            continue;
          }
          cur_->add(n, kDefGlobal);
        }
        break;
      case StmtKind::Nonlocal:
        for (const std::string& n : s.names) {
          if (cur_->kind == ScopeKind::Module) { fail("nonlocal declaration not allowed at module level", s.loc); continue; }
          if (cur_->has(n, kDefParam)) { fail("name '" + n + "' is parameter and nonlocal", s.loc); continue; }
          if (cur_->has(n, kUse | kDefLocal)) {
            fail("name '" + n + "' is " + (cur_->has(n, kDefLocal) ? "assigned to" : "used") +
                 " prior to nonlocal declaration", s.loc);
            continue;
          }
          cur_->add(n, kDefNonlocal);
        }
        break;
      case StmtKind::ExprStmt:
        visitExpr(*s.value);
        break;
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue:
        break;
    }
  }

  void visitComprehension(const Expr& e, const char* name) {
    // The first iterable is evaluated in the enclosing scope.
    visitExpr(*e.generators[0].iter);
    Scope* c = push(ScopeKind::Comprehension, name, &e);
    c->add(".0", kDefParam);
    c->params.push_back(".0");
    if (e.kind == ExprKind::GeneratorExp) c->generator = true;
    for (size_t i = 0; i < e.generators.size(); ++i) {
      const Comprehension& g = e.generators[i];
      if (i > 0) visitExpr(*g.iter);
      visitExpr(*g.target);
      for (const ExprP& cond : g.ifs) visitExpr(*cond);
      if (g.isAsync) c->coroutine = true;
    }
    if (e.a) visitExpr(*e.a);
    if (e.b) visitExpr(*e.b);
    pop();
  }

  void visitExpr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        if (e.ctx == ExprCtx::Load) {
          use(e.name);
          if (e.name == "super") cur_->usesSuper = true;
        } else {
          bind(e.name);
        }
        break;
      case ExprKind::NamedExpr: {
        visitExpr(*e.b);
        // The target binds in the nearest enclosing non-comprehension scope.
        Scope* target = cur_;
        while (target->kind == ScopeKind::Comprehension) target = target->parent;
        if (target != cur_) {
          target->add(e.a->name, kDefLocal);
          cur_->add(e.a->name, target->kind == ScopeKind::Module ? kDefGlobal : kDefNonlocal);
        } else {
          bind(e.a->name);
        }
        break;
      }
      case ExprKind::Lambda: {
        visitArgsDefaults(*e.args);
        Scope* f = push(ScopeKind::Function, "<lambda>", &e);
        declareParams(*e.args);
        visitExpr(*e.a);
        (void)f;
        pop();
        break;
      }
      case ExprKind::ListComp: visitComprehension(e, "<listcomp>"); break;
      case ExprKind::SetComp: visitComprehension(e, "<setcomp>"); break;
      case ExprKind::DictComp: visitComprehension(e, "<dictcomp>"); break;
      case ExprKind::GeneratorExp: visitComprehension(e, "<genexpr>"); break;
      case ExprKind::Yield:
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
          fail("'yield' outside function", e.loc);
        }
        cur_->generator = true;
        if (e.a) visitExpr(*e.a);
        break;
      case ExprKind::Await:
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
          fail("'await' outside function", e.loc);
        } else if (cur_->kind == ScopeKind::Comprehension) {
          cur_->coroutine = true;  // an asynchronous comprehension (checked when compiled)
        } else if (!cur_->coroutine && cur_->kind == ScopeKind::Function) {
          fail("'await' outside async function", e.loc);
        }
        visitExpr(*e.a);
        break;
      default:
        if (e.a) visitExpr(*e.a);
        if (e.b) visitExpr(*e.b);
        if (e.c) visitExpr(*e.c);
        for (const ExprP& x : e.items) if (x) visitExpr(*x);
        for (const ExprP& x : e.values) if (x) visitExpr(*x);
        for (const Keyword& k : e.keywords) visitExpr(*k.value);
        break;
    }
  }

  static void addUnique(std::vector<std::string>& v, const std::string& n) {
    for (const std::string& x : v) if (x == n) return;
    v.push_back(n);
  }

  // Decides where each name of `s` lives; returns the free variables `s` needs from outside.
  std::vector<std::string> analyze(Scope* s, const std::set<std::string>& enclosingBound) {
    std::set<std::string> boundForChildren = enclosingBound;
    if (s->kind == ScopeKind::Module) {
      for (const std::string& n : s->order) s->where[n] = Where::Name;
      boundForChildren.clear();
    } else if (s->kind == ScopeKind::Class) {
      for (const std::string& n : s->order) {
        uint32_t f = s->flags[n];
        if (f & kDefGlobal) s->where[n] = Where::GlobalExplicit;
        else if (f & kDefNonlocal) { s->where[n] = Where::Free; addUnique(s->freevars, n); }
        else if (f & (kDefLocal | kDefParam)) s->where[n] = Where::Name;
        else if (enclosingBound.count(n)) { s->where[n] = Where::ClassDeref; addUnique(s->freevars, n); }
        else s->where[n] = Where::Name;
      }
    } else {
      for (const std::string& n : s->order) {
        uint32_t f = s->flags[n];
        if (f & kDefGlobal) {
          s->where[n] = Where::GlobalExplicit;
        } else if (f & kDefNonlocal) {
          if (!enclosingBound.count(n)) {
            fail("no binding for nonlocal '" + n + "' found", Loc{});
          }
          s->where[n] = Where::Free;
          addUnique(s->freevars, n);
          boundForChildren.insert(n);
        } else if (f & (kDefLocal | kDefParam)) {
          s->where[n] = Where::Fast;
          boundForChildren.insert(n);
        } else if (enclosingBound.count(n)) {
          s->where[n] = Where::Free;
          addUnique(s->freevars, n);
        } else {
          s->where[n] = Where::GlobalImplicit;
        }
      }
      // super() without arguments needs the class being defined: an implicit __class__ cell.
      if (s->usesSuper && s->kind == ScopeKind::Function) {
        for (Scope* p = s->parent; p; p = p->parent) {
          if (p->kind == ScopeKind::Class) {
            addUnique(s->freevars, "__class__");
            s->where["__class__"] = Where::Free;
            break;
          }
        }
      }
    }
    for (auto& child : s->children) {
      std::set<std::string> forChild = boundForChildren;
      if (s->kind == ScopeKind::Class) forChild = enclosingBound;
      std::vector<std::string> frees = analyze(child.get(), forChild);
      for (const std::string& f : frees) {
        if (s->kind == ScopeKind::Class && f == "__class__") {
          s->needsClassCell = true;
          addUnique(s->cellvars, "__class__");
          continue;
        }
        auto it = s->where.find(f);
        if (s->isFunctionLike() && it != s->where.end() &&
            (it->second == Where::Fast || it->second == Where::Cell)) {
          it->second = Where::Cell;
          addUnique(s->cellvars, f);
        } else if (it != s->where.end() && it->second == Where::Free) {
          // already free here
        } else if (s->kind != ScopeKind::Module) {
          // Pass-through: an inner function needs it from further out.
          addUnique(s->freevars, f);
          if (it == s->where.end()) s->where[f] = Where::Free;
        }
      }
    }
    return s->freevars;
  }
};

//-----------------------------------------------------------------------------------------------
// [SECTION] Code units
//-----------------------------------------------------------------------------------------------
enum class FBlockKind : uint8_t {
  ForLoop, WhileLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup, PopValue
};

struct FBlock {
  FBlockKind kind;
  uint32_t continueTarget = 0;
  std::vector<size_t>* breakJumps = nullptr;  // loops: jumps to patch to the exit
  std::vector<size_t>* continueJumps = nullptr;  // while loops: jumps to the bottom test
  const Body* finalBody = nullptr;            // FinallyTry
  std::string excName;                        // HandlerCleanup with `as name`
};

struct Unit {
  Scope* scope = nullptr;
  CodeObj* code = nullptr;
  std::map<std::string, int32_t> constIndex;
  std::unordered_map<std::string, int32_t> nameIndex;
  std::unordered_map<std::string, int32_t> varIndex;
  std::unordered_map<std::string, int32_t> derefIndex;  // cellvars then freevars
  std::vector<FBlock> fblocks;
  SourceSpan span;
  int loopDepth = 0;
};

class Compiler {
 public:
  Compiler(Heap& heap, SymbolTable& st, const std::string& filename, bool prelude, bool library)
      : heap_(heap), st_(st), filename_(filename), prelude_(prelude), library_(library) {}

  std::optional<CompileError> error;

  CodeObj* compileModule(const Module& m) {
    Unit u;
    beginUnit(u, st_.scopeOf.at(&m), "<module>", 1);
    u.code->flags |= kCodeModule;
    emit(Op::RESUME, 0);
    if (const std::string* doc = docstringOf(m.body)) {
      emit(Op::LOAD_CONST, constStr(*doc));
      emit(Op::STORE_NAME, name("__doc__"));
    }
    compileBody(m.body);
    emit(Op::LOAD_CONST, constNone());
    emit(Op::RETURN_VALUE);
    return endUnit();
  }

 private:
  Heap& heap_;
  SymbolTable& st_;
  std::string filename_;
  bool prelude_;
  bool library_;  // lang/lib code: `_interleave_lane(...)` statements are LANE instructions
  std::vector<Unit*> units_;

  Unit& u() { return *units_.back(); }

  // await TOS: CPython 3.11's GET_AWAITABLE / SEND / YIELD_VALUE loop.
  void emitAwait(uint32_t where) {
    if (!u().scope->coroutine) {
      fail("'await' outside async function", Loc{u().span.line, u().span.col});
      return;
    }
    emit(Op::GET_AWAITABLE, where);
    emit(Op::LOAD_CONST, constNone());
    uint32_t loop = here();
    size_t send = emit(Op::SEND);
    emit(Op::YIELD_VALUE);
    emit(Op::RESUME, 3);
    emit(Op::JUMP_BACKWARD_NO_INTERRUPT, loop);
    patch(send, here());
  }

  static const std::string* docstringOf(const Body& body) {
    if (body.empty() || body[0]->kind != StmtKind::ExprStmt) return nullptr;
    const Expr& e = *body[0]->value;
    if (e.kind != ExprKind::Constant || e.constKind != ConstKind::Str) return nullptr;
    return &e.text;
  }

  void fail(const std::string& msg, const Loc& loc, const std::string& type = "SyntaxError") {
    if (!error) error = CompileError{type, msg, loc.line, loc.col};
  }
  void unsupported(const std::string& construct, const Loc& loc) {
    fail(construct + " is not supported by Interleave (line " + std::to_string(loc.line) + ")",
         loc, "unsupported");
  }

  void beginUnit(Unit& unit, Scope* scope, const std::string& name, int firstLine) {
    unit.scope = scope;
    unit.code = heap_.make<CodeObj>();
    unit.code->name = name;
    unit.code->qualname = scope->qualname.empty() ? name : scope->qualname;
    unit.code->filename = filename_;
    unit.code->firstLine = firstLine;
    if (prelude_) unit.code->flags |= kCodePrelude;
    for (const std::string& p : scope->params) {
      unit.varIndex[p] = static_cast<int32_t>(unit.code->varnames.size());
      unit.code->varnames.push_back(p);
    }
    if (scope->isFunctionLike()) {
      for (const std::string& n : scope->order) {
        auto w = scope->where.find(n);
        if (w == scope->where.end()) continue;
        if ((w->second == Where::Fast || w->second == Where::Cell) && !unit.varIndex.count(n)) {
          unit.varIndex[n] = static_cast<int32_t>(unit.code->varnames.size());
          unit.code->varnames.push_back(n);
        }
      }
    }
    for (const std::string& c : scope->cellvars) {
      unit.derefIndex[c] = static_cast<int32_t>(unit.code->cellvars.size());
      unit.code->cellvars.push_back(c);
      auto v = unit.varIndex.find(c);
      unit.code->cellFromArg.push_back(v != unit.varIndex.end() &&
                                               v->second < static_cast<int32_t>(scope->params.size())
                                           ? v->second
                                           : -1);
    }
    for (const std::string& f : scope->freevars) {
      unit.derefIndex[f] = static_cast<int32_t>(unit.code->cellvars.size() + unit.code->freevars.size());
      unit.code->freevars.push_back(f);
    }
    units_.push_back(&unit);
  }

  CodeObj* endUnit() {
    CodeObj* c = u().code;
    units_.pop_back();
    return c;
  }

  size_t emit(Op op, uint32_t arg = 0) {
    u().code->code.push_back(Instr{static_cast<uint8_t>(op), arg});
    u().code->spans.push_back(u().span);
    return u().code->code.size() - 1;
  }
  uint32_t here() const { return static_cast<uint32_t>(units_.back()->code->code.size()); }
  void patch(size_t at, uint32_t target) { u().code->code[at].arg = target; }
  void setSpan(const Loc& l) { u().span = SourceSpan{l.line, l.col, l.endLine, l.endCol}; }

  int32_t addConst(const std::string& key, Value v) {
    auto it = u().constIndex.find(key);
    if (it != u().constIndex.end()) return it->second;
    int32_t i = static_cast<int32_t>(u().code->constants.size());
    u().code->constants.push_back(v);
    u().constIndex[key] = i;
    return i;
  }
  int32_t constNone() { return addConst("N", Value::none()); }
  int32_t constStr(const std::string& s) { return addConst("s" + s, Value::object(heap_.str(s))); }
  int32_t constObj(Obj* o) {
    int32_t i = static_cast<int32_t>(u().code->constants.size());
    u().code->constants.push_back(Value::object(o));
    return i;
  }
  int32_t name(const std::string& n) {
    auto it = u().nameIndex.find(n);
    if (it != u().nameIndex.end()) return it->second;
    int32_t i = static_cast<int32_t>(u().code->names.size());
    u().code->names.push_back(heap_.str(n));
    u().nameIndex[n] = i;
    return i;
  }

  // `_interleave_lane('action', local, ...)` in library code: one LANE instruction (opcodes.h),
  // which reads the locals itself, so that the instrumentation charges nothing. False if `e`
  // is not such a call.
  bool compileLaneHook(const Expr& e) {
    if (e.kind != ExprKind::Call || !e.a || e.a->kind != ExprKind::Name || e.a->name != "_interleave_lane") return false;
    const Loc& loc = e.loc;
    if (!e.keywords.empty() || e.items.empty() || e.items[0]->kind != ExprKind::Constant ||
        e.items[0]->constKind != ConstKind::Str) {
      fail("_interleave_lane(action, local, ...): an action string and local names", loc);
      return true;
    }
    int action = -1;
    for (int i = 0; i < static_cast<int>(LaneHook::Count); ++i) {
      if (e.items[0]->text == kLaneHookNames[i]) action = i;
    }
    if (action < 0 || static_cast<int>(e.items.size()) != 1 + kLaneHookLocals[action]) {
      fail("_interleave_lane: unknown action or wrong number of locals: " + e.items[0]->text, loc);
      return true;
    }
    uint32_t arg = static_cast<uint32_t>(action);
    for (size_t i = 1; i < e.items.size(); ++i) {
      const Expr& local = *e.items[i];
      auto w = u().scope->where.find(local.name);
      if (local.kind != ExprKind::Name || w == u().scope->where.end() || w->second != Where::Fast ||
          u().varIndex.at(local.name) + 1 >= (1 << kLaneSlotBits)) {
        fail("_interleave_lane: '" + local.name + "' is not a local variable", loc);
        return true;
      }
      arg |= static_cast<uint32_t>(u().varIndex.at(local.name) + 1) << (8 + kLaneSlotBits * (i - 1));
    }
    emit(Op::LANE, arg);
    return true;
  }

  // --- names -------------------------------------------------------------------------------
  void nameOp(const std::string& n, ExprCtx ctx) {
    Scope* s = u().scope;
    Where w = Where::GlobalImplicit;
    auto it = s->where.find(n);
    if (it != s->where.end()) w = it->second;
    else if (s->kind != ScopeKind::Module && s->kind != ScopeKind::Class) w = Where::GlobalImplicit;
    else w = Where::Name;
    switch (w) {
      case Where::Fast: {
        int32_t i = u().varIndex.at(n);
        emit(ctx == ExprCtx::Load ? Op::LOAD_FAST : ctx == ExprCtx::Store ? Op::STORE_FAST : Op::DELETE_FAST, i);
        break;
      }
      case Where::Cell: case Where::Free: {
        int32_t i = u().derefIndex.at(n);
        emit(ctx == ExprCtx::Load ? Op::LOAD_DEREF : ctx == ExprCtx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, i);
        break;
      }
      case Where::ClassDeref:
        if (ctx == ExprCtx::Load) emit(Op::LOAD_CLASSDEREF, u().derefIndex.at(n));
        else emit(ctx == ExprCtx::Store ? Op::STORE_NAME : Op::DELETE_NAME, name(n));
        break;
      case Where::GlobalExplicit: case Where::GlobalImplicit:
        if (s->kind == ScopeKind::Module || (s->kind == ScopeKind::Class && w == Where::GlobalImplicit)) {
          emit(ctx == ExprCtx::Load ? Op::LOAD_NAME : ctx == ExprCtx::Store ? Op::STORE_NAME : Op::DELETE_NAME, name(n));
        } else {
          emit(ctx == ExprCtx::Load ? Op::LOAD_GLOBAL : ctx == ExprCtx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, name(n));
        }
        break;
      case Where::Name:
        emit(ctx == ExprCtx::Load ? Op::LOAD_NAME : ctx == ExprCtx::Store ? Op::STORE_NAME : Op::DELETE_NAME, name(n));
        break;
    }
  }

  //---------------------------------------------------------------------------------------------
  // [SECTION] Frame blocks
  //---------------------------------------------------------------------------------------------
  // Emits what leaving `b` requires. `preserveTop`: a return value sits on top of the stack.
  void unwind(const FBlock& b, bool preserveTop) {
    switch (b.kind) {
      case FBlockKind::WhileLoop:
        break;
      case FBlockKind::ForLoop:
      case FBlockKind::PopValue:
        if (preserveTop) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        break;
      case FBlockKind::TryExcept:
        emit(Op::POP_BLOCK);
        break;
      case FBlockKind::FinallyTry: {
        emit(Op::POP_BLOCK);
        if (preserveTop) u().fblocks.push_back(FBlock{FBlockKind::PopValue});
        compileBody(*b.finalBody);
        if (preserveTop) u().fblocks.pop_back();
        break;
      }
      case FBlockKind::FinallyEnd:
        // stack: prev_exc, exc [, value]
        emit(Op::POP_BLOCK);
        if (preserveTop) {
          emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          emit(Op::SWAP, 2);
        } else {
          emit(Op::POP_TOP);
        }
        emit(Op::POP_EXCEPT);
        break;
      case FBlockKind::With:
      case FBlockKind::AsyncWith:
        // stack: exit [, value]
        emit(Op::POP_BLOCK);
        if (preserveTop) emit(Op::SWAP, 2);
        emit(Op::LOAD_CONST, constNone());
        emit(Op::LOAD_CONST, constNone());
        emit(Op::LOAD_CONST, constNone());
        emit(Op::CALL, 3);
        if (b.kind == FBlockKind::AsyncWith) emitAwait(2);
        emit(Op::POP_TOP);
        break;
      case FBlockKind::HandlerCleanup:
        // stack: prev_exc [, value]
        if (!b.excName.empty()) emit(Op::POP_BLOCK);  // the name-cleanup block
        emit(Op::POP_BLOCK);
        if (!b.excName.empty()) {
          emit(Op::LOAD_CONST, constNone());
          nameOp(b.excName, ExprCtx::Store);
          nameOp(b.excName, ExprCtx::Del);
        }
        if (preserveTop) emit(Op::SWAP, 2);
        emit(Op::POP_EXCEPT);
        break;
    }
  }

  // Unwinds every block (return) or up to the innermost loop (break/continue).
  void unwindAll(bool preserveTop) {
    std::vector<FBlock> saved = u().fblocks;
    while (!u().fblocks.empty()) {
      FBlock b = u().fblocks.back();
      u().fblocks.pop_back();
      unwind(b, preserveTop);
    }
    u().fblocks = saved;
  }

  bool unwindToLoop(bool isBreak, const Loc& loc) {
    std::vector<FBlock> saved = u().fblocks;
    while (!u().fblocks.empty()) {
      FBlock b = u().fblocks.back();
      if (b.kind == FBlockKind::ForLoop || b.kind == FBlockKind::WhileLoop) {
        if (isBreak) {
          unwind(b, false);
          b.breakJumps->push_back(emit(Op::JUMP_FORWARD));
        } else if (b.continueJumps) {
          b.continueJumps->push_back(emit(Op::JUMP_FORWARD));  // to the test at the bottom
        } else {
          emit(b.continueTarget < here() ? Op::JUMP_BACKWARD : Op::JUMP_FORWARD, b.continueTarget);
        }
        u().fblocks = saved;
        return true;
      }
      u().fblocks.pop_back();
      unwind(b, false);
    }
    u().fblocks = saved;
    fail(isBreak ? "'break' outside loop" : "'continue' not properly in loop", loc);
    return false;
  }

  //---------------------------------------------------------------------------------------------
  // [SECTION] Statements
  //---------------------------------------------------------------------------------------------
  void compileBody(const Body& body) {
    for (const StmtP& s : body) {
      if (error) return;
      compileStmt(*s);
    }
  }

  void compileStmt(const Stmt& s) {
    setSpan(s.loc);
    switch (s.kind) {
      case StmtKind::ExprStmt:
        if (library_ && compileLaneHook(*s.value)) break;
        compileExpr(*s.value);
        emit(Op::POP_TOP);
        break;
      case StmtKind::Assign:
        compileExpr(*s.value);
        for (size_t i = 0; i < s.targets.size(); ++i) {
          if (i + 1 < s.targets.size()) emit(Op::COPY, 1);
          compileStore(*s.targets[i]);
        }
        break;
      case StmtKind::AugAssign: compileAugAssign(s); break;
      case StmtKind::AnnAssign:
        if (s.value) {
          compileExpr(*s.value);
          compileStore(*s.target);
        }
        break;
      case StmtKind::Delete:
        for (const ExprP& t : s.targets) compileDelete(*t);
        break;
      case StmtKind::Pass: emit(Op::NOP); break;
      case StmtKind::Return:
        if (u().scope->kind == ScopeKind::Module || u().scope->kind == ScopeKind::Class) {
          fail("'return' outside function", s.loc);
          return;
        }
        if (s.value) {
          if (u().scope->generator && u().scope->coroutine) {
            fail("'return' with value in async generator", s.loc);
            return;
          }
          compileExpr(*s.value);
        } else {
          emit(Op::LOAD_CONST, constNone());
        }
        unwindAll(true);
        setSpan(s.loc);
        emit(Op::RETURN_VALUE);
        break;
      case StmtKind::Break: unwindToLoop(true, s.loc); break;
      case StmtKind::Continue: unwindToLoop(false, s.loc); break;
      case StmtKind::If: compileIf(s); break;
      case StmtKind::While: compileWhile(s); break;
      case StmtKind::For: compileFor(s); break;
      case StmtKind::Raise:
        if (s.value) {
          compileExpr(*s.value);
          if (s.cause) {
            compileExpr(*s.cause);
            setSpan(s.loc);
            emit(Op::RAISE_VARARGS, 2);
          } else {
            setSpan(s.loc);
            emit(Op::RAISE_VARARGS, 1);
          }
        } else {
          emit(Op::RAISE_VARARGS, 0);
        }
        break;
      case StmtKind::Try:
        if (s.isStar) { unsupported("`except*`", s.loc); return; }
        if (!s.finalbody.empty()) compileTryFinally(s);
        else compileTryExcept(s);
        break;
      case StmtKind::With: compileWith(s, 0); break;
      case StmtKind::Assert: {
        compileExpr(*s.test);
        size_t j = emit(Op::POP_JUMP_IF_TRUE);
        setSpan(s.test->loc);  // CPython's traceback points at the failing test
        emit(Op::LOAD_ASSERTION_ERROR);
        if (s.msg) {
          compileExpr(*s.msg);
          setSpan(s.test->loc);
          emit(Op::CALL, 1);
        }
        emit(Op::RAISE_VARARGS, 1);
        patch(j, here());
        break;
      }
      case StmtKind::Import:
        for (const Alias& a : s.aliases) {
          setSpan(a.loc);
          emit(Op::LOAD_CONST, constNone());
          emit(Op::IMPORT_NAME, name(a.name));
          if (!a.asname.empty()) {
            // import a.b as c: bind the leaf module
            size_t dot = a.name.find('.');
            while (dot != std::string::npos) {
              size_t next = a.name.find('.', dot + 1);
              emit(Op::IMPORT_FROM, name(a.name.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1)));
              emit(Op::SWAP, 2);
              emit(Op::POP_TOP);
              dot = next;
            }
            nameOp(a.asname, ExprCtx::Store);
          } else {
            nameOp(a.name.substr(0, a.name.find('.')), ExprCtx::Store);
          }
        }
        break;
      case StmtKind::ImportFrom: {
        if (s.level > 0) { unsupported("relative imports", s.loc); return; }
        std::vector<Value> fromlist;
        for (const Alias& a : s.aliases) fromlist.push_back(Value::object(heap_.str(a.name)));
        auto* t = heap_.make<TupleObj>();
        t->items = fromlist;
        emit(Op::LOAD_CONST, constObj(t));
        emit(Op::IMPORT_NAME, name(s.name));
        if (s.aliases.size() == 1 && s.aliases[0].name == "*") {
          emit(Op::IMPORT_STAR);
          break;
        }
        for (const Alias& a : s.aliases) {
          setSpan(a.loc);
          emit(Op::IMPORT_FROM, name(a.name));
          nameOp(a.asname.empty() ? a.name : a.asname, ExprCtx::Store);
        }
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Global: case StmtKind::Nonlocal:
        break;
      case StmtKind::FunctionDef: compileFunctionDef(s); break;
      case StmtKind::ClassDef: compileClassDef(s); break;
    }
  }

  void compileIf(const Stmt& s) {
    compileExpr(*s.test);
    size_t toElse = emit(Op::POP_JUMP_IF_FALSE);
    compileBody(s.body);
    if (!s.orelse.empty()) {
      size_t toEnd = emit(Op::JUMP_FORWARD);
      patch(toElse, here());
      compileBody(s.orelse);
      patch(toEnd, here());
    } else {
      patch(toElse, here());
    }
  }

  void compileWhile(const Stmt& s) {
    // CPython 3.11 layout: the test at the top, the body, the test again with a backward jump
    // (the back-edge and its eval-breaker check). `continue` jumps to the bottom test.
    std::vector<size_t> breaks, continues;
    compileExpr(*s.test);
    size_t toExit = emit(Op::POP_JUMP_IF_FALSE);
    uint32_t body = here();
    FBlock fb{FBlockKind::WhileLoop};
    fb.breakJumps = &breaks;
    fb.continueJumps = &continues;
    u().fblocks.push_back(fb);
    compileBody(s.body);
    u().fblocks.pop_back();
    for (size_t c : continues) patch(c, here());
    setSpan(s.test->loc);
    compileExpr(*s.test);
    emit(Op::POP_JUMP_IF_TRUE, body);
    patch(toExit, here());
    compileBody(s.orelse);
    for (size_t b : breaks) patch(b, here());
  }

  void compileAsyncFor(const Stmt& s) {
    std::vector<size_t> breaks;
    compileExpr(*s.iter);
    setSpan(s.iter->loc);
    emit(Op::GET_AITER);
    uint32_t top = here();
    size_t setup = emit(Op::SETUP_FINALLY);
    setSpan(s.loc);
    emit(Op::GET_ANEXT);
    emitAwait(0);
    emit(Op::POP_BLOCK);
    compileStore(*s.target);
    FBlock fb{FBlockKind::ForLoop};
    fb.continueTarget = top;
    fb.breakJumps = &breaks;
    u().fblocks.push_back(fb);
    compileBody(s.body);
    u().fblocks.pop_back();
    setSpan(s.loc);
    emit(Op::JUMP_BACKWARD, top);
    patch(setup, here());  // stack: aiter, exc
    emit(Op::END_ASYNC_FOR);
    compileBody(s.orelse);
    for (size_t b : breaks) patch(b, here());
  }

  void compileFor(const Stmt& s) {
    if (s.isAsync) {
      if (!u().scope->coroutine) { fail("'async for' outside async function", s.loc); return; }
      compileAsyncFor(s);
      return;
    }
    std::vector<size_t> breaks;
    compileExpr(*s.iter);
    setSpan(s.iter->loc);
    emit(Op::GET_ITER);
    uint32_t top = here();
    setSpan(s.loc);  // FOR_ITER is located at the whole `for` statement (no carets)
    size_t forIter = emit(Op::FOR_ITER);
    compileStore(*s.target);
    FBlock fb{FBlockKind::ForLoop};
    fb.continueTarget = top;
    fb.breakJumps = &breaks;
    u().fblocks.push_back(fb);
    compileBody(s.body);
    u().fblocks.pop_back();
    setSpan(s.loc);
    emit(Op::JUMP_BACKWARD, top);
    patch(forIter, here());
    compileBody(s.orelse);
    for (size_t b : breaks) patch(b, here());
  }

  // Handler layout (CPython 3.11's, with a block stack instead of an exception table):
  //   handler entry: exc          SETUP_FINALLY cleanup (level: prev's slot)
  //   PUSH_EXC_INFO: prev, exc    each clause: <type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next
  //   matched: STORE name / POP_TOP -> prev; body; POP_BLOCK; POP_EXCEPT
  //   cleanup (an exception escaped a clause): prev, new -> SWAP 2; POP_EXCEPT; RERAISE
  void compileTryExcept(const Stmt& s) {
    size_t setup = emit(Op::SETUP_FINALLY);
    u().fblocks.push_back(FBlock{FBlockKind::TryExcept});
    compileBody(s.body);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    compileBody(s.orelse);
    std::vector<size_t> toEnd;
    toEnd.push_back(emit(Op::JUMP_FORWARD));
    patch(setup, here());
    setSpan(s.handlers.empty() ? s.loc : s.handlers[0].loc);
    size_t cleanupSetup = emit(Op::SETUP_FINALLY);
    emit(Op::PUSH_EXC_INFO);  // stack: prev, exc
    for (size_t i = 0; i < s.handlers.size(); ++i) {
      const ExceptHandler& h = s.handlers[i];
      setSpan(h.loc);
      if (!h.type && i + 1 < s.handlers.size()) {
        fail("default 'except:' must be last", h.loc);
        return;
      }
      size_t toNext = 0;
      bool hasTest = static_cast<bool>(h.type);
      if (hasTest) {
        compileExpr(*h.type);
        setSpan(h.loc);
        emit(Op::CHECK_EXC_MATCH);
        toNext = emit(Op::POP_JUMP_IF_FALSE);
      }
      FBlock fb{FBlockKind::HandlerCleanup};
      if (!h.name.empty()) {
        nameOp(h.name, ExprCtx::Store);  // stack: prev
        size_t nameSetup = emit(Op::SETUP_FINALLY);
        fb.excName = h.name;
        u().fblocks.push_back(fb);
        compileBody(h.body);
        u().fblocks.pop_back();
        emit(Op::POP_BLOCK);
        emit(Op::POP_BLOCK);
        emit(Op::LOAD_CONST, constNone());
        nameOp(h.name, ExprCtx::Store);
        nameOp(h.name, ExprCtx::Del);
        emit(Op::POP_EXCEPT);
        toEnd.push_back(emit(Op::JUMP_FORWARD));
        // An exception inside a named handler: clear the name, then the generic cleanup.
        patch(nameSetup, here());
        emit(Op::LOAD_CONST, constNone());
        nameOp(h.name, ExprCtx::Store);
        nameOp(h.name, ExprCtx::Del);
        emit(Op::RERAISE, 0);
      } else {
        emit(Op::POP_TOP);  // stack: prev
        u().fblocks.push_back(fb);
        compileBody(h.body);
        u().fblocks.pop_back();
        emit(Op::POP_BLOCK);
        emit(Op::POP_EXCEPT);
        toEnd.push_back(emit(Op::JUMP_FORWARD));
      }
      if (hasTest) patch(toNext, here());
    }
    // No clause matched: re-raise with the previous exception restored. stack: prev, exc
    emit(Op::POP_BLOCK);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 0);
    // Cleanup: an exception escaped a handler. stack: prev, new
    patch(cleanupSetup, here());
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 0);
    for (size_t j : toEnd) patch(j, here());
  }

  void compileTryFinally(const Stmt& s) {
    size_t setup = emit(Op::SETUP_FINALLY);
    FBlock fb{FBlockKind::FinallyTry};
    fb.finalBody = &s.finalbody;
    u().fblocks.push_back(fb);
    if (!s.handlers.empty()) {
      Stmt inner;  // try/except part, compiled inside the finally's protection
      compileTryExceptOf(s);
    } else {
      compileBody(s.body);
    }
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    compileBody(s.finalbody);
    size_t toEnd = emit(Op::JUMP_FORWARD);
    // Exceptional path: stack = exc
    patch(setup, here());
    size_t cleanup = emit(Op::SETUP_FINALLY);
    emit(Op::PUSH_EXC_INFO);  // prev, exc
    u().fblocks.push_back(FBlock{FBlockKind::FinallyEnd});
    compileBody(s.finalbody);
    u().fblocks.pop_back();
    emit(Op::POP_BLOCK);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 0);
    patch(cleanup, here());  // prev, new
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 0);
    patch(toEnd, here());
  }

  // try/except/else (the part of a try/except/finally without the finally).
  void compileTryExceptOf(const Stmt& s) {
    const_cast<Stmt&>(s).isStar = false;
    Body none;
    // Temporarily view the statement as try/except: reuse compileTryExcept on the same node.
    compileTryExcept(s);
  }

  void compileWith(const Stmt& s, size_t item) {
    bool async = s.isAsync;
    if (async && !u().scope->coroutine) { fail("'async with' outside async function", s.loc); return; }
    const WithItem& w = s.withItems[item];
    compileExpr(*w.contextExpr);
    setSpan(w.contextExpr->loc);
    if (async) {
      emit(Op::BEFORE_ASYNC_WITH);  // aexit, aenter awaitable
      emitAwait(1);
    } else {
      emit(Op::BEFORE_WITH);  // exit, enter_result
    }
    size_t setup = emit(Op::SETUP_WITH);
    u().fblocks.push_back(FBlock{async ? FBlockKind::AsyncWith : FBlockKind::With});
    if (w.optionalVars) compileStore(*w.optionalVars);
    else emit(Op::POP_TOP);
    if (item + 1 < s.withItems.size()) compileWith(s, item + 1);
    else compileBody(s.body);
    u().fblocks.pop_back();
    setSpan(s.loc);
    emit(Op::POP_BLOCK);
    emit(Op::LOAD_CONST, constNone());
    emit(Op::LOAD_CONST, constNone());
    emit(Op::LOAD_CONST, constNone());
    emit(Op::CALL, 3);
    if (async) emitAwait(2);
    emit(Op::POP_TOP);
    size_t toEnd = emit(Op::JUMP_FORWARD);
    // Exception in the body: stack = exit, exc
    patch(setup, here());
    size_t cleanup = emit(Op::SETUP_FINALLY);
    emit(Op::PUSH_EXC_INFO);  // exit, prev, exc
    emit(Op::WITH_EXCEPT_START);
    if (async) emitAwait(2);  // exit, prev, exc, result
    size_t toSuppress = emit(Op::POP_JUMP_IF_TRUE);
    emit(Op::POP_BLOCK);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 0);
    patch(toSuppress, here());
    emit(Op::POP_BLOCK);
    emit(Op::POP_TOP);     // exc
    emit(Op::POP_EXCEPT);  // prev
    emit(Op::POP_TOP);     // exit
    size_t toEnd2 = emit(Op::JUMP_FORWARD);
    patch(cleanup, here());  // exit, prev, new
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 0);
    patch(toEnd, here());
    patch(toEnd2, here());
  }

  void compileAugAssign(const Stmt& s) {
    uint32_t op = static_cast<uint32_t>(binaryOp(s.binOp)) + kInplaceOffset;
    const Expr& t = *s.target;
    switch (t.kind) {
      case ExprKind::Name:
        nameOp(t.name, ExprCtx::Load);
        compileExpr(*s.value);
        setSpan(s.loc);
        emit(Op::BINARY_OP, op);
        nameOp(t.name, ExprCtx::Store);
        break;
      case ExprKind::Attribute:
        compileExpr(*t.a);
        emit(Op::COPY, 1);
        setSpan(t.loc);
        emit(Op::LOAD_ATTR, name(t.name));
        compileExpr(*s.value);
        setSpan(s.loc);
        emit(Op::BINARY_OP, op);
        emit(Op::SWAP, 2);
        emit(Op::STORE_ATTR, name(t.name));
        break;
      case ExprKind::Subscript:
        compileExpr(*t.a);
        compileExpr(*t.b);
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        setSpan(t.loc);
        emit(Op::BINARY_SUBSCR);
        compileExpr(*s.value);
        setSpan(s.loc);
        emit(Op::BINARY_OP, op);
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
        break;
      default:
        fail("'" + std::string("expression") + "' is an illegal expression for augmented assignment", t.loc);
    }
  }

  void compileStore(const Expr& t) {
    setSpan(t.loc);
    switch (t.kind) {
      case ExprKind::Name: nameOp(t.name, ExprCtx::Store); break;
      case ExprKind::Attribute:
        compileExpr(*t.a);
        setSpan(t.loc);
        emit(Op::STORE_ATTR, name(t.name));
        break;
      case ExprKind::Subscript:
        compileExpr(*t.a);
        compileExpr(*t.b);
        setSpan(t.loc);
        emit(Op::STORE_SUBSCR);
        break;
      case ExprKind::Tuple: case ExprKind::List: {
        size_t star = SIZE_MAX;
        for (size_t i = 0; i < t.items.size(); ++i) {
          if (t.items[i]->kind == ExprKind::Starred) {
            if (star != SIZE_MAX) { fail("multiple starred expressions in assignment", t.loc); return; }
            star = i;
          }
        }
        if (star == SIZE_MAX) {
          emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(t.items.size()));
        } else {
          uint32_t after = static_cast<uint32_t>(t.items.size() - star - 1);
          emit(Op::UNPACK_EX, static_cast<uint32_t>(star) | (after << 8));
        }
        for (const ExprP& e : t.items) {
          compileStore(e->kind == ExprKind::Starred ? *e->a : *e);
        }
        break;
      }
      case ExprKind::Starred:
        fail("starred assignment target must be in a list or tuple", t.loc);
        break;
      default:
        fail("cannot assign to expression", t.loc);
    }
  }

  void compileDelete(const Expr& t) {
    setSpan(t.loc);
    switch (t.kind) {
      case ExprKind::Name: nameOp(t.name, ExprCtx::Del); break;
      case ExprKind::Attribute:
        compileExpr(*t.a);
        setSpan(t.loc);
        emit(Op::DELETE_ATTR, name(t.name));
        break;
      case ExprKind::Subscript:
        compileExpr(*t.a);
        compileExpr(*t.b);
        setSpan(t.loc);
        emit(Op::DELETE_SUBSCR);
        break;
      case ExprKind::Tuple: case ExprKind::List:
        for (const ExprP& e : t.items) compileDelete(*e);
        break;
      default:
        fail("cannot delete expression", t.loc);
    }
  }

  // Defaults, keyword defaults and closure cells, then MAKE_FUNCTION.
  void makeFunction(CodeObj* code, Scope* scope, const Arguments* args) {
    uint32_t flags = 0;
    if (args && !args->defaults.empty()) {
      for (const ExprP& d : args->defaults) compileExpr(*d);
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
      flags |= 1;
    }
    if (args) {
      int n = 0;
      for (size_t i = 0; i < args->kwonly.size(); ++i) {
        if (i < args->kwDefaults.size() && args->kwDefaults[i]) {
          emit(Op::LOAD_CONST, constStr(args->kwonly[i].name));
          compileExpr(*args->kwDefaults[i]);
          ++n;
        }
      }
      if (n > 0) {
        emit(Op::BUILD_MAP, static_cast<uint32_t>(n));
        flags |= 2;
      }
    }
    if (!scope->freevars.empty()) {
      for (const std::string& f : scope->freevars) {
        auto it = u().derefIndex.find(f);
        if (it == u().derefIndex.end()) {
          fail("internal error: free variable '" + f + "' not found", Loc{});
          return;
        }
        emit(Op::LOAD_CLOSURE, it->second);
      }
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(scope->freevars.size()));
      flags |= 8;
    }
    emit(Op::LOAD_CONST, constObj(code));
    emit(Op::MAKE_FUNCTION, flags);
  }

  CodeObj* compileFunctionBody(Scope* scope, const std::string& name, const Arguments& args,
                               const Body* body, const Expr* lambdaBody, int firstLine) {
    Unit unit;
    beginUnit(unit, scope, name, firstLine);
    CodeObj* code = unit.code;
    code->argcount = static_cast<int32_t>(args.posonly.size() + args.args.size());
    code->posonlyargcount = static_cast<int32_t>(args.posonly.size());
    code->kwonlyargcount = static_cast<int32_t>(args.kwonly.size());
    // Parameters were declared in the order posonly, args, kwonly, *args, **kwargs; CPython's
    // co_varnames order is posonly, args, kwonly, then *args, then **kwargs: the same.
    if (args.vararg) code->flags |= kCodeVarargs;
    if (args.kwarg) code->flags |= kCodeVarkw;
    if (scope->generator) code->flags |= kCodeGenerator;
    if (scope->coroutine) code->flags |= kCodeCoroutine;
    if (scope->parent && scope->parent->kind != ScopeKind::Module) code->flags |= kCodeNested;
    setSpan(Loc{firstLine, 0, firstLine, 0});
    emit(Op::RESUME, 0);
    if (lambdaBody) {
      compileExpr(*lambdaBody);
      emit(Op::RETURN_VALUE);
    } else {
      if (const std::string* doc = docstringOf(*body)) code->docstring = heap_.str(*doc);
      compileBody(*body);
      emit(Op::LOAD_CONST, constNone());
      emit(Op::RETURN_VALUE);
    }
    return endUnit();
  }

  void compileFunctionDef(const Stmt& s) {
    Scope* scope = st_.scopeOf.at(&s);
    for (const ExprP& d : s.decorators) compileExpr(*d);
    int firstLine = s.decorators.empty() ? s.loc.line : s.decorators[0]->loc.line;
    CodeObj* code = compileFunctionBody(scope, s.name, *s.args, &s.body, nullptr, firstLine);
    if (error) return;
    setSpan(s.loc);
    makeFunction(code, scope, s.args.get());
    for (size_t i = 0; i < s.decorators.size(); ++i) emit(Op::CALL, 1);
    nameOp(s.name, ExprCtx::Store);
  }

  void compileClassDef(const Stmt& s) {
    Scope* scope = st_.scopeOf.at(&s);
    for (const ExprP& d : s.decorators) compileExpr(*d);
    // The class body is a function run with a fresh namespace by __build_class__.
    Unit unit;
    beginUnit(unit, scope, s.name, s.loc.line);
    unit.code->flags |= kCodeModule;
    setSpan(s.loc);
    emit(Op::RESUME, 0);
    emit(Op::LOAD_NAME, name("__name__"));
    emit(Op::STORE_NAME, name("__module__"));
    emit(Op::LOAD_CONST, constStr(scope->qualname));
    emit(Op::STORE_NAME, name("__qualname__"));
    if (const std::string* doc = docstringOf(s.body)) {
      emit(Op::LOAD_CONST, constStr(*doc));
      emit(Op::STORE_NAME, name("__doc__"));
    }
    compileBody(s.body);
    if (scope->needsClassCell) {
      emit(Op::LOAD_CLOSURE, unit.derefIndex.at("__class__"));
    } else {
      emit(Op::LOAD_CONST, constNone());
    }
    emit(Op::RETURN_VALUE);
    CodeObj* code = endUnit();
    if (error) return;
    setSpan(s.loc);
    emit(Op::LOAD_BUILD_CLASS);
    makeFunction(code, scope, nullptr);
    emit(Op::LOAD_CONST, constStr(s.name));
    for (const ExprP& b : s.bases) compileExpr(*b);
    if (!s.keywords.empty()) {
      std::vector<Value> names;
      for (const Keyword& k : s.keywords) {
        if (k.name.empty()) { unsupported("`**` in a class definition", s.loc); return; }
        compileExpr(*k.value);
        names.push_back(Value::object(heap_.str(k.name)));
      }
      auto* t = heap_.make<TupleObj>();
      t->items = names;
      emit(Op::LOAD_CONST, constObj(t));
      setSpan(s.loc);
      emit(Op::CALL_KW, static_cast<uint32_t>(2 + s.bases.size() + s.keywords.size()));
    } else {
      setSpan(s.loc);
      emit(Op::CALL, static_cast<uint32_t>(2 + s.bases.size()));
    }
    for (size_t i = 0; i < s.decorators.size(); ++i) emit(Op::CALL, 1);
    nameOp(s.name, ExprCtx::Store);
  }

  //---------------------------------------------------------------------------------------------
  // [SECTION] Expressions
  //---------------------------------------------------------------------------------------------
  static BinaryOp binaryOp(BinOpKind k) {
    switch (k) {
      case BinOpKind::Add: return BinaryOp::Add;
      case BinOpKind::Sub: return BinaryOp::Subtract;
      case BinOpKind::Mult: return BinaryOp::Multiply;
      case BinOpKind::MatMult: return BinaryOp::MatrixMultiply;
      case BinOpKind::Div: return BinaryOp::TrueDivide;
      case BinOpKind::FloorDiv: return BinaryOp::FloorDivide;
      case BinOpKind::Mod: return BinaryOp::Remainder;
      case BinOpKind::Pow: return BinaryOp::Power;
      case BinOpKind::LShift: return BinaryOp::Lshift;
      case BinOpKind::RShift: return BinaryOp::Rshift;
      case BinOpKind::BitOr: return BinaryOp::Or;
      case BinOpKind::BitXor: return BinaryOp::Xor;
      case BinOpKind::BitAnd: return BinaryOp::And;
    }
    return BinaryOp::Add;
  }

  void compileConstant(const Expr& e) {
    switch (e.constKind) {
      case ConstKind::None: emit(Op::LOAD_CONST, constNone()); break;
      case ConstKind::True: emit(Op::LOAD_CONST, addConst("T", Value::boolean(true))); break;
      case ConstKind::False: emit(Op::LOAD_CONST, addConst("F", Value::boolean(false))); break;
      case ConstKind::Ellipsis: emit(Op::LOAD_GLOBAL, name("Ellipsis")); break;
      case ConstKind::Int: {
        std::optional<BigInt> b = BigInt::parse(e.text, e.intBase);
        if (!b) { fail("invalid integer literal", e.loc); return; }
        Value v = b->fitsInt64() ? Value::integer(b->toInt64())
                                 : Value::object(heap_.make<BigIntObj>(*b));
        emit(Op::LOAD_CONST, addConst("i" + std::to_string(e.intBase) + ":" + e.text, v));
        break;
      }
      case ConstKind::Float: {
        char buf[64];
        snprintf(buf, sizeof buf, "f%.17g", e.floatValue);
        emit(Op::LOAD_CONST, addConst(buf, Value::flt(e.floatValue)));
        break;
      }
      case ConstKind::Complex: unsupported("complex numbers", e.loc); break;
      case ConstKind::Str: emit(Op::LOAD_CONST, constStr(e.text)); break;
      case ConstKind::Bytes: unsupported("bytes literals", e.loc); break;
    }
  }

  // Builds a list from items that may contain starred expressions.
  void compileSequence(const std::vector<ExprP>& items, Op build, Op extend, bool toTuple) {
    bool starred = false;
    for (const ExprP& x : items) starred |= x->kind == ExprKind::Starred;
    if (!starred) {
      for (const ExprP& x : items) compileExpr(*x);
      emit(build, static_cast<uint32_t>(items.size()));
      return;
    }
    emit(build == Op::BUILD_SET ? Op::BUILD_SET : Op::BUILD_LIST, 0);
    for (const ExprP& x : items) {
      if (x->kind == ExprKind::Starred) {
        compileExpr(*x->a);
        emit(extend, 1);
      } else {
        compileExpr(*x);
        emit(build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND, 1);
      }
    }
    if (toTuple) emit(Op::LIST_TO_TUPLE);
  }

  void compileCall(const Expr& e) {
    bool starArgs = false, starKw = false;
    for (const ExprP& a : e.items) starArgs |= a->kind == ExprKind::Starred;
    for (const Keyword& k : e.keywords) starKw |= k.name.empty();
    const Expr& f = *e.a;
    bool method = f.kind == ExprKind::Attribute && !starArgs && !starKw;
    if (method) {
      compileExpr(*f.a);
      setSpan(f.loc);
      emit(Op::LOAD_METHOD, name(f.name));
    } else {
      compileExpr(f);
    }
    if (starArgs || starKw) {
      compileSequence(e.items, Op::BUILD_LIST, Op::LIST_EXTEND, false);
      emit(Op::LIST_TO_TUPLE);
      if (!e.keywords.empty()) {
        emit(Op::BUILD_MAP, 0);
        for (const Keyword& k : e.keywords) {
          if (k.name.empty()) {
            compileExpr(*k.value);
            emit(Op::DICT_MERGE, 1);
          } else {
            emit(Op::LOAD_CONST, constStr(k.name));
            compileExpr(*k.value);
            emit(Op::BUILD_MAP, 1);
            emit(Op::DICT_MERGE, 1);
          }
        }
      }
      setSpan(e.loc);
      emit(Op::CALL_FUNCTION_EX, e.keywords.empty() ? 0 : 1);
      return;
    }
    for (const ExprP& a : e.items) compileExpr(*a);
    if (e.keywords.empty()) {
      setSpan(e.loc);
      emit(method ? Op::CALL_METHOD : Op::CALL, static_cast<uint32_t>(e.items.size()));
      return;
    }
    std::vector<Value> names;
    for (const Keyword& k : e.keywords) {
      compileExpr(*k.value);
      names.push_back(Value::object(heap_.str(k.name)));
    }
    auto* t = heap_.make<TupleObj>();
    t->items = names;
    emit(Op::LOAD_CONST, constObj(t));
    setSpan(e.loc);
    emit(method ? Op::CALL_METHOD_KW : Op::CALL_KW,
         static_cast<uint32_t>(e.items.size() + e.keywords.size()));
  }

  void compileComprehension(const Expr& e) {
    Scope* scope = st_.scopeOf.at(&e);
    const char* label = e.kind == ExprKind::ListComp ? "<listcomp>"
                        : e.kind == ExprKind::SetComp ? "<setcomp>"
                        : e.kind == ExprKind::DictComp ? "<dictcomp>" : "<genexpr>";
    Unit unit;
    beginUnit(unit, scope, label, e.loc.line);
    CodeObj* code = unit.code;
    code->argcount = 1;
    if (scope->generator) code->flags |= kCodeGenerator;
    if (scope->coroutine) {
      if (scope->generator) { unsupported("asynchronous generator expressions", e.loc); endUnit(); return; }
      if (!scope->parent || !scope->parent->coroutine) {
        fail("asynchronous comprehension outside of an asynchronous function", e.loc);
        endUnit();
        return;
      }
      code->flags |= kCodeCoroutine;
    }
    code->flags |= kCodeNested;
    setSpan(e.loc);
    emit(Op::RESUME, 0);
    if (e.kind == ExprKind::ListComp) emit(Op::BUILD_LIST, 0);
    if (e.kind == ExprKind::SetComp) emit(Op::BUILD_SET, 0);
    if (e.kind == ExprKind::DictComp) emit(Op::BUILD_MAP, 0);
    compileGenerators(e, 0, e.kind == ExprKind::GeneratorExp ? 0 : 1);
    if (e.kind == ExprKind::GeneratorExp) emit(Op::LOAD_CONST, constNone());
    emit(Op::RETURN_VALUE);
    endUnit();
    if (error) return;
    setSpan(e.loc);
    makeFunction(code, scope, nullptr);
    compileExpr(*e.generators[0].iter);
    emit(Op::GET_ITER);
    setSpan(e.loc);
    emit(Op::CALL, 1);
    if (scope->coroutine) emitAwait(0);
  }

  // One `for` of a comprehension; depth = how many FOR_ITER iterators sit above the result.
  void compileGenerators(const Expr& e, size_t index, uint32_t resultDepth) {
    const Comprehension& g = e.generators[index];
    if (g.isAsync) {
      unsupported("`async for` in a comprehension", e.loc);
      return;
    }
    if (index == 0) {
      emit(Op::LOAD_FAST, 0);  // .0: the iterator made by the caller
    } else {
      compileExpr(*g.iter);
      emit(Op::GET_ITER);
    }
    uint32_t top = here();
    size_t forIter = emit(Op::FOR_ITER);
    compileStore(*g.target);
    std::vector<size_t> skips;
    for (const ExprP& cond : g.ifs) {
      compileExpr(*cond);
      skips.push_back(emit(Op::POP_JUMP_IF_FALSE));
    }
    if (index + 1 < e.generators.size()) {
      compileGenerators(e, index + 1, resultDepth);
    } else {
      uint32_t depth = static_cast<uint32_t>(index + 1) + resultDepth;
      switch (e.kind) {
        case ExprKind::ListComp:
          compileExpr(*e.a);
          emit(Op::LIST_APPEND, depth);
          break;
        case ExprKind::SetComp:
          compileExpr(*e.a);
          emit(Op::SET_ADD, depth);
          break;
        case ExprKind::DictComp:
          compileExpr(*e.a);
          compileExpr(*e.b);
          emit(Op::MAP_ADD, depth);
          break;
        default:
          compileExpr(*e.a);
          setSpan(e.loc);
          emit(Op::YIELD_VALUE);
          emit(Op::RESUME, 1);
          emit(Op::POP_TOP);
          break;
      }
    }
    for (size_t s : skips) patch(s, top);
    setSpan(e.loc);
    emit(Op::JUMP_BACKWARD, top);
    patch(forIter, here());
  }

  void compileExpr(const Expr& e) {
    if (error) return;
    setSpan(e.loc);
    switch (e.kind) {
      case ExprKind::Name: nameOp(e.name, ExprCtx::Load); break;
      case ExprKind::Constant: compileConstant(e); break;
      case ExprKind::JoinedStr: {
        size_t n = 0;
        for (const ExprP& part : e.items) {
          compileExpr(*part);
          ++n;
        }
        if (n == 0) emit(Op::LOAD_CONST, constStr(""));
        else if (n > 1 || (n == 1 && e.items[0]->kind == ExprKind::Constant)) {
          if (n > 1) emit(Op::BUILD_STRING, static_cast<uint32_t>(n));
        }
        break;
      }
      case ExprKind::FormattedValue: {
        compileExpr(*e.a);
        uint32_t flags = 0;
        if (e.conversion == 's') flags = 1;
        if (e.conversion == 'r') flags = 2;
        if (e.conversion == 'a') flags = 3;
        if (e.b) {
          compileExpr(*e.b);
          flags |= 4;
        }
        setSpan(e.loc);
        emit(Op::FORMAT_VALUE, flags);
        break;
      }
      case ExprKind::BinOp:
        compileExpr(*e.a);
        compileExpr(*e.b);
        setSpan(e.loc);
        if (e.loc.line == e.loc.endLine) {
          u().span.anchorKind = 1;
          u().span.anchorA = e.a->loc.endCol;
          u().span.anchorB = e.b->loc.col;
        }
        emit(Op::BINARY_OP, static_cast<uint32_t>(binaryOp(e.binOp)));
        break;
      case ExprKind::UnaryOp:
        compileExpr(*e.a);
        setSpan(e.loc);
        switch (e.unaryOp) {
          case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
          case UnaryOpKind::USub: emit(Op::UNARY_NEGATIVE); break;
          case UnaryOpKind::UAdd: emit(Op::UNARY_POSITIVE); break;
          case UnaryOpKind::Invert: emit(Op::UNARY_INVERT); break;
        }
        break;
      case ExprKind::BoolOp: {
        std::vector<size_t> jumps;
        for (size_t i = 0; i < e.items.size(); ++i) {
          compileExpr(*e.items[i]);
          if (i + 1 < e.items.size()) {
            jumps.push_back(emit(e.boolOp == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP));
          }
        }
        for (size_t j : jumps) patch(j, here());
        break;
      }
      case ExprKind::Compare: compileCompare(e); break;
      case ExprKind::Call: compileCall(e); break;
      case ExprKind::Attribute:
        compileExpr(*e.a);
        setSpan(e.loc);
        emit(Op::LOAD_ATTR, name(e.name));
        break;
      case ExprKind::Subscript:
        compileExpr(*e.a);
        compileExpr(*e.b);
        setSpan(e.loc);
        if (e.loc.line == e.loc.endLine) {
          u().span.anchorKind = 2;
          u().span.anchorA = e.a->loc.endCol;
          u().span.anchorB = e.b->loc.endCol + 1;
        }
        emit(Op::BINARY_SUBSCR);
        break;
      case ExprKind::Slice: {
        uint32_t n = 2;
        if (e.a) compileExpr(*e.a); else emit(Op::LOAD_CONST, constNone());
        if (e.b) compileExpr(*e.b); else emit(Op::LOAD_CONST, constNone());
        if (e.c) { compileExpr(*e.c); n = 3; }
        emit(Op::BUILD_SLICE, n);
        break;
      }
      case ExprKind::List: compileSequence(e.items, Op::BUILD_LIST, Op::LIST_EXTEND, false); break;
      case ExprKind::Tuple: {
        bool starred = false;
        for (const ExprP& x : e.items) starred |= x->kind == ExprKind::Starred;
        if (starred) compileSequence(e.items, Op::BUILD_LIST, Op::LIST_EXTEND, true);
        else compileSequence(e.items, Op::BUILD_TUPLE, Op::LIST_EXTEND, false);
        break;
      }
      case ExprKind::Set: compileSequence(e.items, Op::BUILD_SET, Op::SET_UPDATE, false); break;
      case ExprKind::Dict: {
        bool unpack = false;
        for (const ExprP& k : e.items) unpack |= !k;
        if (!unpack) {
          for (size_t i = 0; i < e.items.size(); ++i) {
            compileExpr(*e.items[i]);
            compileExpr(*e.values[i]);
          }
          emit(Op::BUILD_MAP, static_cast<uint32_t>(e.items.size()));
        } else {
          emit(Op::BUILD_MAP, 0);
          for (size_t i = 0; i < e.items.size(); ++i) {
            if (!e.items[i]) {
              compileExpr(*e.values[i]);
              emit(Op::DICT_UPDATE, 1);
            } else {
              compileExpr(*e.items[i]);
              compileExpr(*e.values[i]);
              emit(Op::MAP_ADD, 1);
            }
          }
        }
        break;
      }
      case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        compileComprehension(e);
        break;
      case ExprKind::Lambda: {
        Scope* scope = st_.scopeOf.at(&e);
        CodeObj* code = compileFunctionBody(scope, "<lambda>", *e.args, nullptr, e.a.get(), e.loc.line);
        if (error) return;
        setSpan(e.loc);
        makeFunction(code, scope, e.args.get());
        break;
      }
      case ExprKind::IfExp: {
        compileExpr(*e.a);
        size_t toElse = emit(Op::POP_JUMP_IF_FALSE);
        compileExpr(*e.b);
        size_t toEnd = emit(Op::JUMP_FORWARD);
        patch(toElse, here());
        compileExpr(*e.c);
        patch(toEnd, here());
        break;
      }
      case ExprKind::Await:
        compileExpr(*e.a);
        setSpan(e.loc);
        emitAwait(0);
        break;
      case ExprKind::Yield:
        if (e.a) compileExpr(*e.a);
        else emit(Op::LOAD_CONST, constNone());
        setSpan(e.loc);
        emit(Op::YIELD_VALUE);
        emit(Op::RESUME, 1);
        break;
      case ExprKind::Starred:
        fail("can't use starred expression here", e.loc);
        break;
      case ExprKind::NamedExpr:
        compileExpr(*e.b);
        emit(Op::COPY, 1);
        nameOp(e.a->name, ExprCtx::Store);
        break;
    }
  }

  static uint32_t compareArg(CmpOpKind k) {
    switch (k) {
      case CmpOpKind::Lt: return static_cast<uint32_t>(CompareOp::Lt);
      case CmpOpKind::LtE: return static_cast<uint32_t>(CompareOp::Le);
      case CmpOpKind::Eq: return static_cast<uint32_t>(CompareOp::Eq);
      case CmpOpKind::NotEq: return static_cast<uint32_t>(CompareOp::Ne);
      case CmpOpKind::Gt: return static_cast<uint32_t>(CompareOp::Gt);
      case CmpOpKind::GtE: return static_cast<uint32_t>(CompareOp::Ge);
      default: return 0;
    }
  }

  void emitCompare(CmpOpKind k) {
    switch (k) {
      case CmpOpKind::Is: emit(Op::IS_OP, 0); break;
      case CmpOpKind::IsNot: emit(Op::IS_OP, 1); break;
      case CmpOpKind::In: emit(Op::CONTAINS_OP, 0); break;
      case CmpOpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
      default: emit(Op::COMPARE_OP, compareArg(k)); break;
    }
  }

  void compileCompare(const Expr& e) {
    compileExpr(*e.a);
    if (e.cmpOps.size() == 1) {
      compileExpr(*e.items[0]);
      setSpan(e.loc);
      emitCompare(e.cmpOps[0]);
      return;
    }
    std::vector<size_t> cleanups;
    for (size_t i = 0; i + 1 < e.cmpOps.size(); ++i) {
      compileExpr(*e.items[i]);
      emit(Op::SWAP, 2);
      emit(Op::COPY, 2);
      setSpan(e.loc);
      emitCompare(e.cmpOps[i]);
      cleanups.push_back(emit(Op::JUMP_IF_FALSE_OR_POP));
    }
    compileExpr(*e.items.back());
    setSpan(e.loc);
    emitCompare(e.cmpOps.back());
    size_t toEnd = emit(Op::JUMP_FORWARD);
    for (size_t c : cleanups) patch(c, here());
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    patch(toEnd, here());
  }

};

}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------------------------
CompileResult compileModule(Heap& heap, const Module& module, const std::string& filename,
                            bool prelude, bool library) {
  CompileResult result;
  SymbolTable st;
  std::unique_ptr<Scope> root = st.build(module);
  if (st.error) {
    result.error = st.error;
    return result;
  }
  Compiler c(heap, st, filename, prelude, library);
  CodeObj* code = c.compileModule(module);
  if (c.error) {
    result.error = c.error;
    return result;
  }
  result.code = code;
  return result;
}

}  // namespace interleave::lang
