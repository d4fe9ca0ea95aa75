// The parser: a hand-written recursive-descent parser for CPython 3.11's grammar
// (Grammar/python.gram), restricted to what Interleave runs (PRODUCT.md §1), plus a post-pass
// (Checker) with the checks CPython's symtable and compiler make that need no name resolution.
//
// Error reporting follows CPython's two-pass PEG parser closely enough that learners see the
// same message and caret as with `python3` (checked against CPython 3.11 on the whole standard
// library, a few hundred hand-written mistakes and thousands of randomly damaged lesson files):
//  - a generic error ("invalid syntax") is reported at the furthest token the parser looked
//    at (CPython: the last token fetched in its first pass);
//  - CPython's "invalid_*" rules (second pass) become specific errors raised where the parser
//    detects the situation: "expected ':'", "Perhaps you forgot a comma?", "cannot assign to
//    function call here. Maybe you meant '==' instead of '='?", and so on. Where such a rule
//    needs another reading of the tokens, the parser speculates (Snapshot/restore) with the
//    rules switched off, as CPython's *_without_invalid rules do, and with PEG-like
//    backtracking; each such recovery is memoised (firstTry), as CPython memoises its rules;
//  - tokenizer errors win when the parser reaches them, and some win over an earlier parser
//    error (see LexResult::ErrorKind and parseModule).
// No C++ exceptions: every parse function returns null/false after recording the first error,
// and callers unwind.
#include "parser.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <unordered_set>
#include <vector>

#include "lexer.h"

namespace interleave::lang {
namespace {

// The deepest an AST may nest (expressions and statement blocks together). Deeper input is
// rejected with SyntaxError "too complex: nesting deeper than 200" instead of exhausting the
// stack: of this parser (recursive descent), and of every later pass that walks the tree
// recursively (compiler, destructors). Binary-operator chains count one level per operator,
// because `1+1+...+1` is a left-leaning tree as deep as it is long. CPython itself gives up
// somewhere above 1000 (RecursionError during compilation); 200 is far beyond any lesson.
// Separately, the lexer limits bracket nesting to 200 (CPython's "too many nested
// parentheses") and indentation to 100 levels (CPython's "too many levels of indentation").
constexpr int kMaxNestingDepth = 200;

bool isHardKeyword(std::string_view s) {
  static const char* const kKeywords[] = {
      "False", "None",   "True",    "and",      "as",     "assert", "async", "await",
      "break", "class",  "continue", "def",     "del",    "elif",   "else",  "except",
      "finally", "for",  "from",    "global",   "if",     "import", "in",    "is",
      "lambda", "nonlocal", "not",  "or",       "pass",   "raise",  "return", "try",
      "while", "with",   "yield"};
  for (const char* k : kKeywords) {
    if (s == k) return true;
  }
  return false;
}
// CPython 3.11's SOFT_KEYWORD token test (_PyPegen_soft_keyword_token) compares only the
// name's length of characters, so any prefix of "match" or "case" counts (`m`, `ca`, ...).
// Reproduced because it decides between "invalid syntax" and "Perhaps you forgot a comma?".
bool isSoftKeywordPrefix(std::string_view s) {
  if (s.empty()) return false;
  return std::string_view("match").substr(0, s.size()) == s ||
         std::string_view("case").substr(0, s.size()) == s || s == "_";
}

// CPython's _PyPegen_get_expr_name: how error messages name an expression.
const char* exprName(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      switch (e.constKind) {
        case ConstKind::None: return "None";
        case ConstKind::True: return "True";
        case ConstKind::False: return "False";
        case ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

enum class TargetsType { Star, Del, For };

// CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target.
const Expr* invalidTarget(const Expr* e, TargetsType type) {
  if (!e) return nullptr;
  switch (e->kind) {
    case ExprKind::List:
    case ExprKind::Tuple:
      for (const ExprP& item : e->items) {
        if (const Expr* bad = invalidTarget(item.get(), type)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalidTarget(e->a.get(), type);
    case ExprKind::Compare:
      // `for a in b` reaches here as the comparison `a in b`: look at its left side.
      if (type == TargetsType::For) {
        if (!e->cmpOps.empty() && e->cmpOps[0] == CmpOpKind::In) {
          return invalidTarget(e->a.get(), type);
        }
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

// Sets the context of a valid target (Name, Attribute, Subscript, Starred, List, Tuple).
void setContext(Expr* e, ExprCtx ctx) {
  if (!e) return;
  switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      e->ctx = ctx;
      break;
    case ExprKind::Starred:
      e->ctx = ctx;
      setContext(e->a.get(), ctx);
      break;
    case ExprKind::List:
    case ExprKind::Tuple:
      e->ctx = ctx;
      for (ExprP& item : e->items) setContext(item.get(), ctx);
      break;
    default:
      break;
  }
}

Loc tokLoc(const Token& t) { return Loc{t.line, t.col, t.endLine, t.endCol}; }

ExprP makeExpr(ExprKind kind, const Loc& loc) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->loc = loc;
  return e;
}
StmtP makeStmt(StmtKind kind, const Loc& loc) {
  auto s = std::make_unique<Stmt>();
  s->kind = kind;
  s->loc = loc;
  return s;
}

struct ParseError {
  SyntaxErrorInfo info;
  bool generic = false;      // "invalid syntax" at the furthest token (no specific diagnosis)
  bool overridable = true;   // a later tokenizer error may replace it (see parseModule)
};

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : toks_(&tokens) {}

  bool parseFile(Module& module) {
    while (cur().kind != TokenKind::EndMarker) {
      if (!parseStatement(module.body)) return false;
    }
    return !err_;
  }

  const std::optional<ParseError>& error() const { return err_; }
  bool touchedLexError() const { return touchedLexError_; }
  // The line of the furthest token the parser ever fetched (CPython's p->tokens[p->fill-1]).
  int furthestLine() const { return (*toks_)[maxFetched_].line; }
  const std::optional<NotSupportedInfo>& unsupported() const { return unsupported_; }

 private:
  const std::vector<Token>* toks_;
  size_t pos_ = 0;
  size_t maxPeek_ = 0;
  bool touchedLexError_ = false;
  size_t maxFetched_ = 0;  // like maxPeek_, but never rolled back by speculation
  int depth_ = 0;
  bool checks_ = true;      // CPython's invalid_* rules enabled (off while speculating for them)
  bool inFString_ = false;  // parsing an f-string replacement field: errors get "f-string: "
  int legacyNesting_ = 0;   // see checkAdjacentExpression
  // Recoveries already tried (CPython memoises its rules; without this, a failed `for` target
  // whose recovery re-reads nested failed `for` targets would take exponential time).
  std::unordered_set<uint64_t> tried_;
  uint64_t tokenStream_ = 0;  // which token vector: 0 = the file, then one per f-string field
  uint64_t tokenStreams_ = 0;
  enum class Recovery : uint64_t { Adjacent = 1, ForTarget = 2, WithItem = 3 };
  // True the first time a recovery of this kind is tried here in this state.
  bool firstTry(Recovery kind, size_t pos) {
    uint64_t key = (tokenStream_ << 40) ^ (static_cast<uint64_t>(pos) << 8) ^
                   (static_cast<uint64_t>(kind) << 2) ^ (checks_ ? 2u : 0u) ^
                   static_cast<uint64_t>(legacyNesting_);
    return tried_.insert(key).second;
  }
  static constexpr int kMaxLegacyNesting = 1;
  std::optional<ParseError> err_;
  std::optional<NotSupportedInfo> unsupported_;

  // ---- tokens ------------------------------------------------------------------------------

  const Token& peek(size_t k = 0) {
    size_t i = std::min(pos_ + k, toks_->size() - 1);
    if (i > maxPeek_) maxPeek_ = i;
    const Token& t = (*toks_)[i];
    if (!inFString_ && i > maxFetched_) maxFetched_ = i;
    if (t.kind == TokenKind::Error) touchedLexError_ = true;
    return t;
  }
  const Token& cur() { return peek(0); }
  const Token& prevTok() const { return (*toks_)[pos_ > 0 ? pos_ - 1 : 0]; }
  void advance() {
    peek(0);
    if (pos_ + 1 < toks_->size()) ++pos_;
  }
  bool atOp(std::string_view s) { return cur().isOp(s); }
  bool atKw(std::string_view s) {
    const Token& t = cur();
    return t.kind == TokenKind::Name && t.text == s;
  }
  bool acceptOp(std::string_view s) {
    if (!atOp(s)) return false;
    advance();
    return true;
  }
  bool acceptKw(std::string_view s) {
    if (!atKw(s)) return false;
    advance();
    return true;
  }
  bool atNewline() { return cur().kind == TokenKind::Newline; }
  bool atName() {
    const Token& t = cur();
    return t.kind == TokenKind::Name && !isHardKeyword(t.text);
  }
  Loc from(const Token& start) const {
    const Token& e = prevTok();
    return Loc{start.line, start.col, e.endLine, e.endCol};
  }

  // Can `t` start an expression (star_expressions)? Used where an expression is optional.
  bool startsExpression(const Token& t) const {
    switch (t.kind) {
      case TokenKind::Name:
        if (!isHardKeyword(t.text)) return true;
        return t.text == "None" || t.text == "True" || t.text == "False" || t.text == "not" ||
               t.text == "lambda" || t.text == "await";
      case TokenKind::Number:
      case TokenKind::String:
        return true;
      case TokenKind::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" ||
               t.text == "+" || t.text == "~" || t.text == "..." || t.text == "*";
      default:
        return false;
    }
  }
  // Can `t` start an expression directly after another one (CPython's invalid_expression)?
  // Operators that would have continued the first expression are excluded.
  bool startsAdjacentExpression(const Token& t) const {
    if (t.kind == TokenKind::Op) return t.text == "{" || t.text == "..." || t.text == "~";
    return startsExpression(t);
  }

  // ---- errors ------------------------------------------------------------------------------

  std::nullptr_t raise(SyntaxErrorInfo info, bool generic, bool overridable = true) {
    if (err_) return nullptr;
    if (inFString_ && info.message.rfind("f-string", 0) != 0) {
      info.message = "f-string: " + info.message;
    }
    err_ = ParseError{std::move(info), generic, overridable};
    return nullptr;
  }
  // Columns here are 0-based (AST style); the error gets CPython's 1-based offsets.
  std::nullptr_t errorAt(int line, int col, int endLine, int endCol, std::string message,
                         const char* type = "SyntaxError", bool generic = false) {
    SyntaxErrorInfo e;
    e.type = type;
    e.message = std::move(message);
    e.line = line;
    e.col = col + 1;
    e.endLine = endLine;
    e.endCol = endCol + 1;
    return raise(std::move(e), generic);
  }
  std::nullptr_t errorLoc(const Loc& l, std::string message) {
    return errorAt(l.line, l.col, l.endLine, l.endCol, std::move(message));
  }
  // An error at a token. CPython's INDENT and DEDENT tokens have no position: the caret goes
  // after the indentation, whose width is used as the (1-based) column.
  std::nullptr_t errorTok(const Token& t, std::string message, bool generic = false,
                          const char* type = "SyntaxError", bool overridable = true) {
    SyntaxErrorInfo e;
    e.type = type;
    e.message = std::move(message);
    e.line = t.line;
    e.endLine = t.endLine;
    const Token& last = toks_->back();
    bool atEof = last.kind == TokenKind::EndMarker && t.line == last.line && t.col == last.col;
    if (t.kind == TokenKind::Indent) {
      e.col = e.endCol = t.endCol;
    } else if (t.kind == TokenKind::Dedent && !atEof) {
      e.col = e.endCol = t.col;
    } else {
      e.col = t.col + 1;
      e.endCol = t.endCol + 1;
    }
    return raise(std::move(e), generic, overridable);
  }
  // The generic error: at the furthest token looked at, like CPython's first pass.
  std::nullptr_t syntaxError() {
    const Token& t = (*toks_)[maxPeek_];
    if (t.kind == TokenKind::Error) touchedLexError_ = true;
    if (t.kind == TokenKind::Indent) {
      return errorTok(t, "unexpected indent", false, "IndentationError", false);
    }
    if (t.kind == TokenKind::Dedent) {
      return errorTok(t, "unexpected unindent", false, "IndentationError", false);
    }
    return errorTok(t, "invalid syntax", /*generic=*/true);
  }
  std::nullptr_t tooDeep() {
    const Token& t = cur();
    char msg[80];
    std::snprintf(msg, sizeof msg, "too complex: nesting deeper than %d", kMaxNestingDepth);
    return errorTok(t, msg);
  }
  void notSupported(std::string construct, int line) {
    if (!unsupported_) unsupported_ = NotSupportedInfo{std::move(construct), line};
  }

  // Counts nesting levels for kMaxNestingDepth; releases them when it goes out of scope.
  class Depth {
   public:
    explicit Depth(Parser& p) : p_(p) {}
    ~Depth() { p_.depth_ -= added_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    bool push() {
      ++p_.depth_;
      ++added_;
      if (p_.depth_ > kMaxNestingDepth) {
        p_.tooDeep();
        return false;
      }
      return true;
    }

   private:
    Parser& p_;
    int added_ = 0;
  };

  // Speculative parsing (for CPython's invalid_* rules and a few lookaheads): everything is
  // restored afterwards except touchedLexError_ (CPython raises a tokenizer error as soon as
  // it fetches the bad token, whichever pass does it).
  // Kept small: snapshots live in the frames of the recursive descent, whose size decides how
  // much stack deep nesting takes. Speculation starts only while no error is recorded.
  struct Snapshot {
    size_t pos, maxPeek;
    int depth;
    bool checks, hadUnsupported;
  };
  Snapshot snapshot() const {
    return {pos_, maxPeek_, depth_, checks_, unsupported_.has_value()};
  }
  void restore(const Snapshot& s) {
    pos_ = s.pos;
    maxPeek_ = s.maxPeek;
    depth_ = s.depth;
    checks_ = s.checks;
    err_.reset();
    if (!s.hadUnsupported) unsupported_.reset();
  }
  // A failed parse put aside while another reading is tried (CPython's invalid_* rules).
  struct Failure {
    std::optional<ParseError> err;
    size_t maxPeek;
  };
  Failure takeFailure() {
    Failure f{std::move(err_), maxPeek_};
    err_.reset();
    return f;
  }
  void putFailure(Failure f) {
    err_ = std::move(f.err);
    maxPeek_ = f.maxPeek;
  }

  // ---- statements --------------------------------------------------------------------------

  bool parseStatement(Body& out) {
    const Token& t = cur();
    if (t.kind == TokenKind::Name) {
      std::string_view k = t.text;
      if (k == "def") return parseFunctionDef(out, {}, nullptr);
      if (k == "class") return parseClassDef(out, {});
      if (k == "if") return parseIf(out);
      if (k == "while") return parseWhile(out);
      if (k == "for") return parseFor(out, nullptr);
      if (k == "try") return parseTry(out);
      if (k == "with") return parseWith(out, nullptr);
      if (k == "async") {
        const Token& next = peek(1);
        if (next.is("def") || next.is("for") || next.is("with")) {
          const Token* asyncTok = &t;
          advance();
          if (atKw("def")) return parseFunctionDef(out, {}, asyncTok);
          if (atKw("for")) return parseFor(out, asyncTok);
          return parseWith(out, asyncTok);
        }
        syntaxError();
        return false;
      }
      if (k == "match" && isMatchStatement()) return skipMatchStatement();
    } else if (t.isOp("@")) {
      return parseDecorated(out);
    }
    return parseSimpleStatements(out);
  }

  bool parseSimpleStatements(Body& out) {
    while (true) {
      StmtP s = parseSimpleStatement();
      if (!s) return false;
      out.push_back(std::move(s));
      if (acceptOp(";")) {
        if (atNewline()) break;
        continue;
      }
      break;
    }
    if (!atNewline()) {
      syntaxError();
      return false;
    }
    advance();
    return true;
  }

  bool atStatementEnd() { return atNewline() || atOp(";"); }

  StmtP parseSimpleStatement() {
    const Token& st = cur();
    if (st.kind == TokenKind::Name) {
      std::string_view k = st.text;
      if (k == "pass" || k == "break" || k == "continue") {
        advance();
        return makeStmt(k == "pass"    ? StmtKind::Pass
                        : k == "break" ? StmtKind::Break
                                       : StmtKind::Continue,
                        tokLoc(st));
      }
      if (k == "return") {
        advance();
        auto s = makeStmt(StmtKind::Return, tokLoc(st));
        if (!atStatementEnd()) {
          s->value = parseStarExpressions();
          if (!s->value) return nullptr;
        }
        s->loc = from(st);
        return s;
      }
      if (k == "raise") {
        advance();
        auto s = makeStmt(StmtKind::Raise, tokLoc(st));
        if (!atStatementEnd()) {
          s->value = parseExpression();
          if (!s->value) return nullptr;
          if (acceptKw("from")) {
            s->cause = parseExpression();
            if (!s->cause) return nullptr;
          }
        }
        s->loc = from(st);
        return s;
      }
      if (k == "global" || k == "nonlocal") {
        advance();
        auto s = makeStmt(k == "global" ? StmtKind::Global : StmtKind::Nonlocal, tokLoc(st));
        do {
          if (!atName()) return syntaxError();
          s->names.emplace_back(cur().text);
          advance();
        } while (acceptOp(","));
        s->loc = from(st);
        return s;
      }
      if (k == "del") return parseDel();
      if (k == "assert") {
        advance();
        auto s = makeStmt(StmtKind::Assert, tokLoc(st));
        s->test = parseExpression();
        if (!s->test) return nullptr;
        if (acceptOp(",")) {
          s->msg = parseExpression();
          if (!s->msg) return nullptr;
        }
        s->loc = from(st);
        return s;
      }
      if (k == "import") return parseImport();
      if (k == "from") return parseFromImport();
    }
    return parseExpressionStatement();
  }

  StmtP parseDel() {
    const Token& st = cur();
    advance();
    auto s = makeStmt(StmtKind::Delete, tokLoc(st));
    if (atStatementEnd()) return syntaxError();
    do {
      if (atStatementEnd()) break;
      ExprP e = parseStarExpression();
      if (!e) return nullptr;
      if (const Expr* bad = invalidTarget(e.get(), TargetsType::Del)) {
        return errorLoc(bad->loc, std::string("cannot delete ") + exprName(*bad));
      }
      setContext(e.get(), ExprCtx::Del);
      s->targets.push_back(std::move(e));
    } while (acceptOp(","));
    s->loc = from(st);
    return s;
  }

  // dotted_name: NAME ('.' NAME)*
  bool parseDottedName(std::string& out) {
    if (!atName()) {
      syntaxError();
      return false;
    }
    out = std::string(cur().text);
    advance();
    while (atOp(".")) {
      advance();
      if (!atName()) {
        syntaxError();
        return false;
      }
      out += '.';
      out += cur().text;
      advance();
    }
    return true;
  }

  StmtP parseImport() {
    const Token& st = cur();
    advance();
    auto s = makeStmt(StmtKind::Import, tokLoc(st));
    do {
      const Token& as = cur();
      Alias alias;
      if (!parseDottedName(alias.name)) return nullptr;
      if (acceptKw("as")) {
        if (!atName()) return syntaxError();
        alias.asname = std::string(cur().text);
        advance();
      }
      alias.loc = from(as);
      s->aliases.push_back(std::move(alias));
    } while (acceptOp(","));
    s->loc = from(st);
    return s;
  }

  StmtP parseFromImport() {
    const Token& st = cur();
    advance();
    auto s = makeStmt(StmtKind::ImportFrom, tokLoc(st));
    while (atOp(".") || atOp("...")) {
      s->level += atOp(".") ? 1 : 3;
      advance();
    }
    if (!atKw("import")) {
      if (!parseDottedName(s->name)) return nullptr;
    } else if (s->level == 0) {
      return syntaxError();
    }
    if (!acceptKw("import")) return syntaxError();
    if (atOp("*")) {
      Alias alias;
      alias.name = "*";
      alias.loc = tokLoc(cur());
      advance();
      s->aliases.push_back(std::move(alias));
      s->loc = from(st);
      return s;
    }
    bool parens = acceptOp("(");
    while (true) {
      const Token& as = cur();
      if (!atName()) return syntaxError();
      Alias alias;
      alias.name = std::string(cur().text);
      advance();
      if (acceptKw("as")) {
        if (!atName()) return syntaxError();
        alias.asname = std::string(cur().text);
        advance();
      }
      alias.loc = from(as);
      s->aliases.push_back(std::move(alias));
      if (!acceptOp(",")) break;
      if (parens && atOp(")")) break;
      if (!parens && atNewline()) {
        return errorTok(cur(), "trailing comma not allowed without surrounding parentheses");
      }
    }
    if (parens && !acceptOp(")")) return syntaxError();
    s->loc = from(st);
    return s;
  }

  static bool isAugAssign(const Token& t, BinOpKind& op) {
    if (t.kind != TokenKind::Op || t.text.size() < 2 || t.text.back() != '=') return false;
    std::string_view o = t.text.substr(0, t.text.size() - 1);
    if (o == "+") op = BinOpKind::Add;
    else if (o == "-") op = BinOpKind::Sub;
    else if (o == "*") op = BinOpKind::Mult;
    else if (o == "@") op = BinOpKind::MatMult;
    else if (o == "/") op = BinOpKind::Div;
    else if (o == "//") op = BinOpKind::FloorDiv;
    else if (o == "%") op = BinOpKind::Mod;
    else if (o == "**") op = BinOpKind::Pow;
    else if (o == "<<") op = BinOpKind::LShift;
    else if (o == ">>") op = BinOpKind::RShift;
    else if (o == "|") op = BinOpKind::BitOr;
    else if (o == "^") op = BinOpKind::BitXor;
    else if (o == "&") op = BinOpKind::BitAnd;
    else return false;
    return true;
  }

  // An expression and the tokens it spans [start, end).
  struct Spanned {
    ExprP e;
    size_t start = 0, end = 0;
    std::vector<std::pair<size_t, size_t>> elems;  // a bare tuple's elements
  };

  // Is the token range a single parenthesized group "( ... )"?
  bool isParenthesized(size_t start, size_t end) const {
    if (end <= start + 1) return false;
    const Token& a = (*toks_)[start];
    const Token& b = (*toks_)[end - 1];
    if (!a.isOp("(") || !b.isOp(")")) return false;
    int depth = 0;
    for (size_t i = start; i < end; ++i) {
      const Token& t = (*toks_)[i];
      if (t.isOp("(") || t.isOp("[") || t.isOp("{")) ++depth;
      else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) --depth;
      if (depth == 0 && i + 1 < end) return false;
    }
    return true;
  }

  // Is the expression spanning [start, end) something CPython's bitwise_or rule produces (an
  // operand of a comparison), as opposed to a comparison, not, and/or, conditional, lambda...?
  bool isBitwiseOr(const Expr& e, size_t start, size_t end) const {
    if (isParenthesized(start, end)) return true;
    switch (e.kind) {
      case ExprKind::Compare:
      case ExprKind::BoolOp:
      case ExprKind::IfExp:
      case ExprKind::Lambda:
      case ExprKind::Starred:
      case ExprKind::Yield:
      case ExprKind::NamedExpr:
        return false;
      case ExprKind::UnaryOp:
        return e.unaryOp != UnaryOpKind::Not;
      case ExprKind::Tuple:
        return false;  // a parenthesized tuple was caught above
      default:
        return true;
    }
  }

  // The leftmost bitwise_or operand of an expression (what CPython's invalid_named_expression
  // parses after '='), or null if the expression does not start with one.
  static const Expr* leftmostBitwiseOr(const Expr* e, bool& whole) {
    whole = true;
    while (e) {
      switch (e->kind) {
        case ExprKind::Tuple:
          // only a bare tuple gets here (see caller); parenthesized tuples are atoms
          if (e->items.empty()) return nullptr;
          whole = false;
          e = e->items[0].get();
          break;
        case ExprKind::Compare:
          whole = false;
          e = e->a.get();
          break;
        case ExprKind::BoolOp:
          whole = false;
          e = e->items[0].get();
          break;
        case ExprKind::IfExp:
          whole = false;
          e = e->b.get();
          break;
        case ExprKind::Starred:
        case ExprKind::Lambda:
        case ExprKind::Yield:
          return nullptr;
        case ExprKind::UnaryOp:
          if (e->unaryOp == UnaryOpKind::Not) return nullptr;
          return e;
        default:
          return e;
      }
    }
    return nullptr;
  }

  // CPython's !(list|tuple|genexp|'True'|'None'|'False') lookahead in invalid_named_expression.
  bool excludedFromNamedExpressionError(const Expr& e, size_t start) const {
    const Token& t = (*toks_)[start];
    if (t.is("True") || t.is("None") || t.is("False")) return true;
    if (e.kind == ExprKind::List || e.kind == ExprKind::GeneratorExp) return true;
    if (e.kind == ExprKind::Tuple && t.isOp("(")) return true;
    return false;
  }

  // star_expressions at statement level, remembering token spans for error messages.
  bool parseStatementExpressions(Spanned& out, bool firstPart = false) {
    out.start = pos_;
    if (atKw("yield")) {
      out.e = parseYieldExpr();
      out.end = pos_;
      return out.e != nullptr;
    }
    const Token& st = cur();
    size_t s0 = pos_;
    ExprP first = parseStarExpression();
    if (!first || (firstPart && !checkStatementWalrus(*first))) return false;
    if (!atOp(",")) {
      out.e = std::move(first);
      out.end = pos_;
      return true;
    }
    out.elems.push_back({s0, pos_});
    auto tuple = makeExpr(ExprKind::Tuple, first->loc);
    tuple->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (!startsExpression(cur())) break;
      size_t si = pos_;
      ExprP e = parseStarExpression();
      if (!e || (firstPart && !checkStatementWalrus(*e))) return false;
      out.elems.push_back({si, pos_});
      tuple->items.push_back(std::move(e));
    }
    tuple->loc = from(st);
    out.e = std::move(tuple);
    out.end = pos_;
    return true;
  }

  // `a.b := 1` as a statement: CPython's invalid_named_expression (a Name gets "invalid syntax").
  bool checkStatementWalrus(const Expr& e) {
    if (!atOp(":=") || e.kind == ExprKind::Name || e.kind == ExprKind::Starred) return true;
    Snapshot s0 = snapshot();
    checks_ = false;
    advance();
    ExprP value = parseExpression();
    bool ok = value && !err_;
    restore(s0);
    if (!ok) return true;
    errorLoc(e.loc, std::string("cannot use assignment expressions with ") + exprName(e));
    return false;
  }

  StmtP parseExpressionStatement() {
    const Token& st = cur();
    Spanned first;
    if (!parseStatementExpressions(first, /*firstPart=*/true)) return nullptr;
    bool bareYield = st.is("yield");  // star_expressions cannot start with `yield`

    if (atOp(":")) {
      if (bareYield) return syntaxError();
      return parseAnnotatedAssignment(st, std::move(first));
    }

    BinOpKind op;
    if (isAugAssign(cur(), op)) {
      if (bareYield) return syntaxError();
      Expr* t = first.e.get();
      bool ok = t->kind == ExprKind::Name || t->kind == ExprKind::Attribute ||
                t->kind == ExprKind::Subscript;
      if (!ok) {
        return errorLoc(t->loc, std::string("'") + exprName(*t) +
                                    "' is an illegal expression for augmented assignment");
      }
      advance();
      ExprP value = atKw("yield") ? parseYieldExpr() : parseStarExpressions();
      if (!value) return nullptr;
      setContext(t, ExprCtx::Store);
      auto s = makeStmt(StmtKind::AugAssign, from(st));
      s->target = std::move(first.e);
      s->binOp = op;
      s->value = std::move(value);
      return s;
    }

    if (atOp("=")) {
      std::vector<Spanned> parts;
      parts.push_back(std::move(first));
      while (acceptOp("=")) {
        if (!startsExpression(cur()) && !atKw("yield")) {
          // `f() =` with nothing after: CPython still names the invalid target.
          for (const Spanned& t : parts) {
            if (t.e->kind == ExprKind::Yield) {
              return errorLoc(t.e->loc, "assignment to yield expression not possible");
            }
            if (const Expr* bad = invalidTarget(t.e.get(), TargetsType::Star)) {
              return errorLoc(bad->loc, std::string("cannot assign to ") + exprName(*bad));
            }
          }
          return syntaxError();
        }
        Spanned next;
        if (!parseStatementExpressions(next)) return nullptr;
        parts.push_back(std::move(next));
      }
      if (!checkAssignmentTargets(parts)) return nullptr;
      auto s = makeStmt(StmtKind::Assign, from(st));
      for (size_t i = 0; i + 1 < parts.size(); ++i) {
        setContext(parts[i].e.get(), ExprCtx::Store);
        s->targets.push_back(std::move(parts[i].e));
      }
      s->value = std::move(parts.back().e);
      return s;
    }

    auto s = makeStmt(StmtKind::ExprStmt, from(st));
    s->value = std::move(first.e);
    return s;
  }

  // The targets of `t0 = t1 = ... = value`, with CPython's messages for invalid ones.
  bool checkAssignmentTargets(std::vector<Spanned>& parts) {
    size_t n = parts.size();
    const Expr* firstBad = nullptr;
    for (size_t i = 0; i + 1 < n && !firstBad; ++i) {
      const Expr* t = parts[i].e.get();
      if (t->kind == ExprKind::Yield) {
        firstBad = t;
        break;
      }
      firstBad = invalidTarget(t, TargetsType::Star);
    }
    if (!firstBad) return true;
    // CPython's invalid_named_expression, tried on the expression just before the first '='.
    const Spanned& t0 = parts[0];
    const Expr* last = t0.e.get();
    size_t ls = t0.start, le = t0.end;
    if (!t0.elems.empty()) {
      last = t0.e->items.back().get();
      ls = t0.elems.back().first;
      le = t0.elems.back().second;
    }
    bool whole = true;
    const Expr* rhs = leftmostBitwiseOr(parts[1].e.get(), whole);
    bool rhsOk = rhs && (n == 2 || !whole || !isBitwiseOr(*parts[1].e, parts[1].start,
                                                          parts[1].end));
    if (parts[1].e->kind == ExprKind::Yield) rhsOk = false;
    if (rhsOk && last->kind != ExprKind::Yield) {
      if (last->kind == ExprKind::Name && le == ls + 1) {
        errorAt(last->loc.line, last->loc.col, rhs->loc.endLine, rhs->loc.endCol,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
      }
      if (isBitwiseOr(*last, ls, le) && !excludedFromNamedExpressionError(*last, ls)) {
        errorLoc(last->loc, std::string("cannot assign to ") + exprName(*last) +
                                " here. Maybe you meant '==' instead of '='?");
        return false;
      }
    }
    if (firstBad->kind == ExprKind::Yield) {
      errorLoc(firstBad->loc, "assignment to yield expression not possible");
      return false;
    }
    errorLoc(firstBad->loc, std::string("cannot assign to ") + exprName(*firstBad));
    return false;
  }

  StmtP parseAnnotatedAssignment(const Token& st, Spanned first) {
    Expr* t = first.e.get();
    bool validTarget = first.elems.empty() &&
                       (t->kind == ExprKind::Name || t->kind == ExprKind::Attribute ||
                        t->kind == ExprKind::Subscript);
    if (!validTarget) {
      // CPython's invalid_assignment rules need an expression after the ':'.
      Snapshot s0 = snapshot();
      checks_ = false;
      advance();
      ExprP annotation = parseExpression();
      bool ok = annotation && !err_;
      restore(s0);
      if (!ok) return syntaxError();
    }
    if (!first.elems.empty()) {
      return errorLoc(t->items[0]->loc, "only single target (not tuple) can be annotated");
    }
    bool parenthesized = isParenthesized(first.start, first.end);
    if (t->kind == ExprKind::Tuple || t->kind == ExprKind::List) {
      return errorLoc(t->loc, std::string("only single target (not ") +
                                  (t->kind == ExprKind::Tuple ? "tuple" : "list") +
                                  ") can be annotated");
    }
    if (t->kind != ExprKind::Name && t->kind != ExprKind::Attribute &&
        t->kind != ExprKind::Subscript) {
      return errorLoc(t->loc, "illegal target for annotation");
    }
    advance();  // ':'
    auto s = makeStmt(StmtKind::AnnAssign, tokLoc(st));
    s->simple = t->kind == ExprKind::Name && !parenthesized;
    s->annotation = parseExpression();
    if (!s->annotation) return nullptr;
    if (acceptOp("=")) {
      s->value = atKw("yield") ? parseYieldExpr() : parseStarExpressions();
      if (!s->value) return nullptr;
    }
    setContext(t, ExprCtx::Store);
    s->target = std::move(first.e);
    s->loc = from(st);
    return s;
  }

  // ---- blocks and compound statements ------------------------------------------------------

  // After a compound statement's header: expects ':' (the caller says how CPython words the
  // error when it is missing) then the block.
  enum class Colon { NewlineOnly, Forced };
  bool expectColon(Colon mode) {
    if (acceptOp(":")) return true;
    if (mode == Colon::Forced || atNewline()) {
      errorTok(cur(), "expected ':'");
      return false;
    }
    syntaxError();
    return false;
  }

  bool parseBlock(Body& out, const char* what, int headerLine) {
    Depth depth(*this);
    if (!depth.push()) return false;
    if (!atNewline()) return parseSimpleStatements(out);
    advance();
    if (cur().kind != TokenKind::Indent) {
      const Token& t = cur();
      if (t.kind == TokenKind::Error) {
        syntaxError();
        return false;
      }
      char msg[128];
      std::snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what,
                    headerLine);
      errorTok(t, msg, false, "IndentationError");
      return false;
    }
    advance();
    while (cur().kind != TokenKind::Dedent) {
      if (cur().kind == TokenKind::EndMarker || cur().kind == TokenKind::Error) {
        syntaxError();
        return false;
      }
      if (!parseStatement(out)) return false;
    }
    advance();
    return true;
  }

  static Loc blockEnd(const Token& st, const Body& body) {
    Loc l{st.line, st.col, st.endLine, st.endCol};
    if (!body.empty()) {
      l.endLine = body.back()->loc.endLine;
      l.endCol = body.back()->loc.endCol;
    }
    return l;
  }

  bool parseDecorated(Body& out) {
    std::vector<ExprP> decorators;
    while (atOp("@")) {
      advance();
      ExprP d = parseNamedExpression();
      if (!d) return false;
      if (!atNewline()) {
        syntaxError();
        return false;
      }
      advance();
      decorators.push_back(std::move(d));
    }
    if (atKw("def")) return parseFunctionDef(out, std::move(decorators), nullptr);
    if (atKw("class")) return parseClassDef(out, std::move(decorators));
    if (atKw("async") && peek(1).is("def")) {
      const Token* asyncTok = &cur();
      advance();
      return parseFunctionDef(out, std::move(decorators), asyncTok);
    }
    syntaxError();
    return false;
  }

  bool parseFunctionDef(Body& out, std::vector<ExprP> decorators, const Token* asyncTok) {
    const Token& defTok = cur();
    const Token& st = asyncTok ? *asyncTok : defTok;
    advance();
    if (!atName()) {
      syntaxError();
      return false;
    }
    auto s = makeStmt(StmtKind::FunctionDef, tokLoc(st));
    s->isAsync = asyncTok != nullptr;
    s->name = std::string(cur().text);
    advance();
    if (!atOp("(")) {
      errorTok(cur(), "expected '('");
      return false;
    }
    advance();
    s->args = parseParameters(/*isLambda=*/false);
    if (!s->args) return false;
    if (!acceptOp(")")) {
      syntaxError();
      return false;
    }
    if (atOp("->")) {
      const Token& arrow = cur();
      advance();
      s->annotation = parseExpression();  // the return annotation (parsed, ignored)
      if (!s->annotation) {
        // CPython: the optional `-> expression` is skipped, then ':' is required.
        if (err_ && err_->generic) {
          err_.reset();
          errorTok(arrow, "expected ':'");
        }
        return false;
      }
    }
    if (!expectColon(Colon::Forced)) return false;
    if (!parseBlock(s->body, "function definition", defTok.line)) return false;
    s->decorators = std::move(decorators);
    s->loc = blockEnd(st, s->body);
    out.push_back(std::move(s));
    return true;
  }

  bool parseClassDef(Body& out, std::vector<ExprP> decorators) {
    const Token& st = cur();
    advance();
    if (!atName()) {
      syntaxError();
      return false;
    }
    auto s = makeStmt(StmtKind::ClassDef, tokLoc(st));
    s->name = std::string(cur().text);
    advance();
    if (acceptOp("(")) {
      if (!parseCallArguments(s->bases, s->keywords, /*allowGenexp=*/false, nullptr)) {
        return false;
      }
      if (!acceptOp(")")) {
        syntaxError();
        return false;
      }
    }
    if (!expectColon(Colon::NewlineOnly)) return false;
    if (!parseBlock(s->body, "class definition", st.line)) return false;
    s->decorators = std::move(decorators);
    s->loc = blockEnd(st, s->body);
    out.push_back(std::move(s));
    return true;
  }

  bool parseIf(Body& out) {
    const Token& st = cur();
    bool isElif = st.is("elif");
    advance();
    auto s = makeStmt(StmtKind::If, tokLoc(st));
    s->test = parseNamedExpression();
    if (!s->test) return false;
    if (!expectColon(Colon::NewlineOnly)) return false;
    if (!parseBlock(s->body, isElif ? "'elif' statement" : "'if' statement", st.line)) {
      return false;
    }
    s->loc = blockEnd(st, s->body);
    if (atKw("elif")) {
      Depth depth(*this);  // an elif chain nests If nodes
      if (!depth.push()) return false;
      if (!parseIf(s->orelse)) return false;
      s->loc = blockEnd(st, s->orelse);
    } else if (!parseElse(s->orelse)) {
      return false;
    } else if (!s->orelse.empty()) {
      s->loc = blockEnd(st, s->orelse);
    }
    out.push_back(std::move(s));
    return true;
  }

  // An optional `else:` block.
  bool parseElse(Body& out) {
    if (!atKw("else")) return true;
    const Token& st = cur();
    advance();
    if (!expectColon(Colon::Forced)) return false;
    return parseBlock(out, "'else' statement", st.line);
  }

  bool parseWhile(Body& out) {
    const Token& st = cur();
    advance();
    auto s = makeStmt(StmtKind::While, tokLoc(st));
    s->test = parseNamedExpression();
    if (!s->test) return false;
    if (!expectColon(Colon::NewlineOnly)) return false;
    if (!parseBlock(s->body, "'while' statement", st.line)) return false;
    if (!parseElse(s->orelse)) return false;
    s->loc = blockEnd(st, s->orelse.empty() ? s->body : s->orelse);
    out.push_back(std::move(s));
    return true;
  }

  bool parseFor(Body& out, const Token* asyncTok) {
    const Token& forTok = cur();
    const Token& st = asyncTok ? *asyncTok : forTok;
    advance();
    auto s = makeStmt(StmtKind::For, tokLoc(st));
    s->isAsync = asyncTok != nullptr;
    s->target = parseForTarget();
    if (!s->target) return false;
    advance();  // 'in' (checked by parseForTarget)
    s->iter = parseStarExpressions();
    if (!s->iter) return false;
    if (!expectColon(Colon::NewlineOnly)) return false;
    if (!parseBlock(s->body, "'for' statement", forTok.line)) return false;
    if (!parseElse(s->orelse)) return false;
    s->loc = blockEnd(st, s->orelse.empty() ? s->body : s->orelse);
    out.push_back(std::move(s));
    return true;
  }

  // star_targets followed by 'in' (for statements and comprehensions). On failure, CPython's
  // invalid_for_target: parse star_expressions instead and name the invalid target.
  ExprP parseForTarget() {
    Snapshot s0 = snapshot();
    ExprP target = parseTargetList();
    if (target && atKw("in")) {
      if (const Expr* bad = invalidTarget(target.get(), TargetsType::For)) {
        return errorLoc(bad->loc, std::string("cannot assign to ") + exprName(*bad));
      }
      setContext(target.get(), ExprCtx::Store);
      return target;
    }
    if (err_ && !err_->generic) return nullptr;
    return invalidTargetFallback(s0, /*forTarget=*/true);
  }

  // After a target that did not parse (or was not followed by what must follow): CPython's
  // invalid_for_target / invalid_with_item parse an expression instead, to name what cannot be
  // assigned to. Otherwise the original failure stands.
  [[gnu::noinline]] std::nullptr_t invalidTargetFallback(const Snapshot& start, bool forTarget) {
    if (!firstTry(forTarget ? Recovery::ForTarget : Recovery::WithItem, start.pos)) {
      if (!err_) syntaxError();
      return nullptr;
    }
    Failure failed = takeFailure();
    restore(start);
    ExprP e = forTarget ? parseStarExpressions() : parseExpression();
    if (err_ && !err_->generic) return nullptr;  // e.g. "Perhaps you forgot a comma?"
    bool follows = forTarget || (e && (atOp(",") || atOp(")") || atOp(":")));
    const Expr* bad = e && follows ? invalidTarget(e.get(), forTarget ? TargetsType::For
                                                                      : TargetsType::Star)
                                   : nullptr;
    if (bad) {
      Loc l = bad->loc;
      std::string msg = std::string("cannot assign to ") + exprName(*bad);
      err_.reset();
      maxPeek_ = failed.maxPeek;
      return errorLoc(l, msg);
    }
    putFailure(std::move(failed));
    if (!err_) syntaxError();
    return nullptr;
  }

  // star_targets: a target or a bare tuple of them (contexts are set by the caller).
  ExprP parseTargetList() {
    const Token& st = cur();
    ExprP first = parseStarTarget();
    if (!first || !atOp(",")) return first;
    auto tuple = makeExpr(ExprKind::Tuple, first->loc);
    tuple->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (!startsExpression(cur())) break;
      ExprP e = parseStarTarget();
      if (!e) return nullptr;
      tuple->items.push_back(std::move(e));
    }
    tuple->loc = from(st);
    return tuple;
  }

  ExprP parseStarTarget() {
    if (atOp("*")) {
      const Token& st = cur();
      advance();
      if (atOp("*")) return syntaxError();
      Depth depth(*this);
      if (!depth.push()) return nullptr;
      ExprP inner = parseStarTarget();
      if (!inner) return nullptr;
      auto e = makeExpr(ExprKind::Starred, from(st));
      e->a = std::move(inner);
      return e;
    }
    // t_primary / star_atom: a primary expression; its validity is checked by the caller.
    return parsePrimary();
  }

  bool parseTry(Body& out) {
    const Token& st = cur();
    advance();
    if (!expectColon(Colon::Forced)) return false;
    auto s = makeStmt(StmtKind::Try, tokLoc(st));
    if (!parseBlock(s->body, "'try' statement", st.line)) return false;
    bool sawPlain = false, sawStar = false;
    while (atKw("except")) {
      const Token& hst = cur();
      advance();
      bool star = acceptOp("*");
      if (star && !sawStar && sawPlain) {
        errorTok(hst, "cannot have both 'except' and 'except*' on the same 'try'");
        return false;
      }
      if (!star && sawStar) {
        errorTok(hst, "cannot have both 'except' and 'except*' on the same 'try'");
        return false;
      }
      ExceptHandler h;
      if (star && (atOp(":") || atNewline())) {
        errorTok(cur(), "expected one or more exception types");
        return false;
      }
      if (!atOp(":") && !atNewline()) {
        h.type = parseExpression();
        if (!h.type) return false;
        if (atOp(",")) {
          errorLoc(h.type->loc, "multiple exception types must be parenthesized");
          return false;
        }
        if (acceptKw("as")) {
          if (!atName()) {
            syntaxError();
            return false;
          }
          h.name = std::string(cur().text);
          advance();
        }
      }
      if (!expectColon(Colon::NewlineOnly)) return false;
      if (!parseBlock(h.body, star ? "'except*' statement" : "'except' statement", hst.line)) {
        return false;
      }
      h.loc = blockEnd(hst, h.body);
      if (star) sawStar = true;
      else sawPlain = true;
      s->isStar = star;
      s->handlers.push_back(std::move(h));
    }
    if (!s->handlers.empty() && !parseElse(s->orelse)) return false;
    if (atKw("finally")) {
      const Token& fst = cur();
      advance();
      if (!expectColon(Colon::Forced)) return false;
      if (!parseBlock(s->finalbody, "'finally' statement", fst.line)) return false;
    }
    if (s->handlers.empty() && s->finalbody.empty()) {
      errorTok(cur(), "expected 'except' or 'finally' block");
      return false;
    }
    const Body& last = !s->finalbody.empty() ? s->finalbody
                       : !s->orelse.empty()  ? s->orelse
                                             : s->handlers.back().body;
    s->loc = blockEnd(st, last);
    out.push_back(std::move(s));
    return true;
  }

  bool parseWithItem(std::vector<WithItem>& items) {
    WithItem item;
    item.contextExpr = parseExpression();
    if (!item.contextExpr) return false;
    if (acceptKw("as")) {
      Snapshot s0 = snapshot();
      ExprP target = parseStarTarget();
      if (target && (atOp(",") || atOp(")") || atOp(":") || atNewline())) {
        if (const Expr* bad = invalidTarget(target.get(), TargetsType::Star)) {
          errorLoc(bad->loc, std::string("cannot assign to ") + exprName(*bad));
          return false;
        }
        setContext(target.get(), ExprCtx::Store);
        item.optionalVars = std::move(target);
      } else {
        // CPython's invalid_with_item: `expression 'as' a=expression &(',' | ')' | ':')`
        if (!err_ || err_->generic) invalidTargetFallback(s0, /*forTarget=*/false);
        return false;
      }
    }
    items.push_back(std::move(item));
    return true;
  }

  bool parseWith(Body& out, const Token* asyncTok) {
    const Token& withTok = cur();
    const Token& st = asyncTok ? *asyncTok : withTok;
    advance();
    auto s = makeStmt(StmtKind::With, tokLoc(st));
    s->isAsync = asyncTok != nullptr;
    bool done = false;
    if (atOp("(")) {
      // 'with' '(' ','.with_item+ ','? ')' ':'  (tried first, as CPython does)
      Snapshot s0 = snapshot();
      advance();
      std::vector<WithItem> items;
      bool ok = true;
      while (ok) {
        if (!parseWithItem(items)) {
          ok = false;
          break;
        }
        if (!acceptOp(",")) break;
        if (atOp(")")) break;
      }
      if (ok && acceptOp(")") && atOp(":")) {
        s->withItems = std::move(items);
        done = true;
      } else if (err_ && !err_->generic) {
        return false;  // e.g. "cannot assign to function call"
      } else {
        restore(s0);
      }
    }
    if (!done) {
      do {
        if (!parseWithItem(s->withItems)) return false;
      } while (acceptOp(","));
    }
    if (!expectColon(Colon::NewlineOnly)) return false;
    if (!parseBlock(s->body, "'with' statement", withTok.line)) return false;
    s->loc = blockEnd(st, s->body);
    out.push_back(std::move(s));
    return true;
  }

  // `match` is a soft keyword: a match statement is `match subject:` NEWLINE INDENT `case`.
  bool isMatchStatement() {
    Snapshot s0 = snapshot();
    checks_ = false;
    advance();
    bool yes = false;
    if (startsExpression(cur())) {
      ExprP subject = parseStarNamedExpressions();
      yes = subject && atOp(":") && peek(1).kind == TokenKind::Newline &&
            peek(2).kind == TokenKind::Indent && peek(3).is("case");
    }
    restore(s0);
    return yes;
  }

  // Records `match` as unsupported and skips the whole statement (its header and block).
  bool skipMatchStatement() {
    notSupported("`match` statements", cur().line);
    while (!atNewline() && cur().kind != TokenKind::EndMarker && cur().kind != TokenKind::Error) {
      advance();
    }
    advance();  // NEWLINE
    int level = 0;
    while (true) {
      const Token& t = cur();
      if (t.kind == TokenKind::EndMarker) return true;
      if (t.kind == TokenKind::Error) {
        syntaxError();
        return false;
      }
      if (t.kind == TokenKind::Indent) ++level;
      if (t.kind == TokenKind::Dedent && --level == 0) {
        advance();
        return true;
      }
      advance();
    }
  }

  // ---- parameters --------------------------------------------------------------------------

  // def parameters (up to ')') or lambda parameters (up to ':').
  std::unique_ptr<Arguments> parseParameters(bool isLambda) {
    auto args = std::make_unique<Arguments>();
    const char* closer = isLambda ? ":" : ")";
    bool sawSlash = false, sawStar = false, sawKwarg = false, sawDefault = false;
    const Token* bareStar = nullptr;
    while (!atOp(closer)) {
      const Token& pt = cur();
      if (sawKwarg) return errorTok(pt, "arguments cannot follow var-keyword argument");
      if (pt.isOp("/")) {
        if (sawSlash) return errorTok(pt, "/ may appear only once");
        if (sawStar) return errorTok(pt, "/ must be ahead of *");
        if (args->args.empty()) return errorTok(pt, "at least one argument must precede /");
        sawSlash = true;
        args->posonly = std::move(args->args);
        args->args.clear();
        advance();
      } else if (pt.isOp("*")) {
        if (sawStar) return errorTok(pt, "* argument may appear only once");
        sawStar = true;
        advance();
        if (atOp(",") || atOp(closer)) {
          bareStar = &pt;
        } else {
          Arg a;
          if (!parseParam(a, isLambda)) return nullptr;
          if (atOp("=")) return errorTok(cur(), "var-positional argument cannot have default value");
          args->vararg = std::make_unique<Arg>(std::move(a));
        }
      } else if (pt.isOp("**")) {
        if (bareStar) return errorTok(isLambda ? pt : *bareStar, "named arguments must follow bare *");
        advance();
        Arg a;
        if (!parseParam(a, isLambda)) return nullptr;
        if (atOp("=")) return errorTok(cur(), "var-keyword argument cannot have default value");
        args->kwarg = std::make_unique<Arg>(std::move(a));
        sawKwarg = true;
      } else {
        Arg a;
        if (!parseParam(a, isLambda)) return nullptr;
        ExprP def;
        if (atOp("=")) {
          const Token& eq = cur();
          advance();
          if (!isLambda && (atOp(",") || atOp(closer))) {
            return errorTok(eq, "expected default value expression");
          }
          def = parseExpression();
          if (!def) return nullptr;
        }
        if (sawStar) {
          args->kwonly.push_back(std::move(a));
          args->kwDefaults.push_back(std::move(def));
          bareStar = nullptr;
        } else if (def) {
          args->args.push_back(std::move(a));
          args->defaults.push_back(std::move(def));
          sawDefault = true;
        } else {
          if (sawDefault) {
            return errorLoc(a.loc, "non-default argument follows default argument");
          }
          args->args.push_back(std::move(a));
        }
      }
      if (!acceptOp(",")) break;
    }
    if (bareStar && atOp(closer)) {
      return errorTok(isLambda ? cur() : *bareStar, "named arguments must follow bare *");
    }
    if (!atOp(closer)) return syntaxError();
    return args;
  }

  bool parseParam(Arg& a, bool isLambda) {
    const Token& t = cur();
    if (!atName()) {
      syntaxError();
      return false;
    }
    a.name = std::string(t.text);
    a.loc = tokLoc(t);
    advance();
    if (!isLambda && acceptOp(":")) {
      a.annotation = parseExpression();
      if (!a.annotation) return false;
      a.loc = from(t);
    }
    return true;
  }

  // ---- expressions -------------------------------------------------------------------------

  // star_expressions: expression or bare tuple of them, `*` allowed.
  ExprP parseStarExpressions() {
    const Token& st = cur();
    ExprP first = parseStarExpression();
    if (!first || !atOp(",")) return first;
    auto tuple = makeExpr(ExprKind::Tuple, first->loc);
    tuple->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (!startsExpression(cur())) break;
      ExprP e = parseStarExpression();
      if (!e) return nullptr;
      tuple->items.push_back(std::move(e));
    }
    tuple->loc = from(st);
    return tuple;
  }

  ExprP parseStarExpression() {
    if (!atOp("*")) return parseExpression();
    const Token& st = cur();
    advance();
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    ExprP v = parseBitOr();
    if (!v) return nullptr;
    auto e = makeExpr(ExprKind::Starred, from(st));
    e->a = std::move(v);
    return e;
  }

  ExprP parseStarNamedExpression() {
    if (!atOp("*")) return parseNamedExpression();
    return parseStarExpression();
  }

  // star_named_expressions as a bare tuple (match subjects).
  ExprP parseStarNamedExpressions() {
    const Token& st = cur();
    ExprP first = parseStarNamedExpression();
    if (!first || !atOp(",")) return first;
    auto tuple = makeExpr(ExprKind::Tuple, first->loc);
    tuple->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (!startsExpression(cur())) break;
      ExprP e = parseStarNamedExpression();
      if (!e) return nullptr;
      tuple->items.push_back(std::move(e));
    }
    tuple->loc = from(st);
    return tuple;
  }

  [[gnu::noinline]] ExprP parseWalrus() {
    const Token& st = cur();
    auto target = makeExpr(ExprKind::Name, tokLoc(st));
    target->name = std::string(st.text);
    target->ctx = ExprCtx::Store;
    advance();
    advance();  // ':='
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    ExprP value = parseExpression();
    if (!value) return nullptr;
    auto e = makeExpr(ExprKind::NamedExpr, from(st));
    e->a = std::move(target);
    e->b = std::move(value);
    return e;
  }

  // named_expression: NAME ':=' expression | expression, with CPython's invalid_named_expression.
  ExprP parseNamedExpression() {
    if (atName() && peek(1).isOp(":=")) return parseWalrus();
    size_t start = pos_;
    ExprP e = parseExpression();
    if (!e) return nullptr;
    if (atOp(":=")) {
      return errorLoc(e->loc, std::string("cannot use assignment expressions with ") +
                                  exprName(*e));
    }
    if (atOp("=") && !checkNamedExpressionAssignment(*e, start)) return nullptr;
    return e;
  }

  // CPython's invalid_named_expression: `x = 1` where an expression is expected. Returns
  // false after raising the error.
  [[gnu::noinline]] bool checkNamedExpressionAssignment(const Expr& e, size_t start) {
    size_t end = pos_;
    bool isName = e.kind == ExprKind::Name && end == start + 1;
    bool other = !isName && isBitwiseOr(e, start, end) &&
                 !excludedFromNamedExpressionError(e, start);
    if (!isName && !other) return true;
    // Also done while speculating (checks off), only for how far it reads: CPython's parser
    // reads these tokens, which decides whether "'(' was never closed" wins.
    Snapshot s0 = snapshot();
    bool checks = checks_;
    checks_ = false;
    advance();
    ExprP b = parseBitOr();
    bool fire = checks && b && !atOp("=") && !atOp(":=");
    Loc bl = b ? b->loc : Loc{};
    restore(s0);
    if (!fire) return true;
    if (isName) {
      errorAt(e.loc.line, e.loc.col, bl.endLine, bl.endCol,
              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    } else {
      errorLoc(e.loc, std::string("cannot assign to ") + exprName(e) +
                          " here. Maybe you meant '==' instead of '='?");
    }
    return false;
  }

  // expression: disjunction ['if' disjunction 'else' expression] | lambdef
  ExprP parseExpression() {
    if (atKw("lambda")) return parseLambda();
    size_t start = pos_;
    const Token& st = cur();
    ExprP a = parseDisjunction();
    if (!a) return nullptr;
    if (atKw("if")) return parseConditional(st, std::move(a));
    if (checks_ && startsAdjacentExpression(cur())) {
      if (!checkAdjacentExpression(*a, start)) return nullptr;
    }
    return a;
  }

  // The rest of `body if test else orelse`, at 'if'. (Rare paths live in functions of their
  // own, [[gnu::noinline]], so that the frames of the common path stay small.)
  [[gnu::noinline]] ExprP parseConditional(const Token& st, ExprP body) {
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    advance();
    ExprP test = parseDisjunction();
    if (!test) return nullptr;
    if (!atKw("else")) {
      if (!atOp(":")) {
        return errorAt(body->loc.line, body->loc.col, test->loc.endLine, test->loc.endCol,
                       "expected 'else' after 'if' expression");
      }
      return syntaxError();
    }
    advance();
    ExprP orelse = parseExpression();
    if (!orelse) return nullptr;
    auto e = makeExpr(ExprKind::IfExp, from(st));
    e->a = std::move(test);
    e->b = std::move(body);
    e->c = std::move(orelse);
    return e;
  }

  // CPython's invalid_expression / invalid_legacy_expression: two expressions side by side.
  [[gnu::noinline]] bool checkAdjacentExpression(const Expr& a, size_t start) {
    if (!firstTry(Recovery::Adjacent, pos_)) return true;
    const Token& first = (*toks_)[start];
    bool singleName = a.kind == ExprKind::Name && pos_ == start + 1;
    bool legacyName = singleName && (a.name == "print" || a.name == "exec");
    // invalid_expression: `!(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid`
    bool nameString = first.kind == TokenKind::Name && start + 1 < toks_->size() &&
                      (*toks_)[start + 1].kind == TokenKind::String;
    bool softKeyword = first.kind == TokenKind::Name && isSoftKeywordPrefix(first.text);
    if (!legacyName && !nameString && !softKeyword) {
      Snapshot s0 = snapshot();
      checks_ = false;
      ExprP b = parseExpression();
      Loc bl = b ? b->loc : Loc{};
      bool ok = b && !err_ && prevTok().level > 0;
      restore(s0);
      if (ok) {
        errorAt(a.loc.line, a.loc.col, bl.endLine, bl.endCol,
                "invalid syntax. Perhaps you forgot a comma?");
        return false;
      }
    }
    // invalid_legacy_expression: `NAME !'(' star_expressions`, parsed after any name with the
    // invalid_* rules on (an error they raise stands, as in CPython), reported for print/exec.
    // Not nested: CPython's memoisation mostly hides nested ones, and this bounds the work.
    if (singleName && legacyNesting_ < kMaxLegacyNesting) {
      Snapshot s0 = snapshot();
      ++legacyNesting_;
      ExprP b = parseStarExpressions();
      --legacyNesting_;
      if (err_ && !err_->generic) return false;
      Loc bl = b ? b->loc : Loc{};
      bool ok = b && !err_;
      restore(s0);
      if (ok && legacyName) {
        std::string msg = "Missing parentheses in call to '" + a.name + "'. Did you mean " +
                          a.name + "(...)?";
        errorAt(a.loc.line, a.loc.col, bl.endLine, bl.endCol, msg);
        return false;
      }
    }
    return true;
  }

  [[gnu::noinline]] ExprP parseLambda() {
    const Token& st = cur();
    advance();
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    auto args = parseParameters(/*isLambda=*/true);
    if (!args) return nullptr;
    advance();  // ':'
    ExprP body = parseExpression();
    if (!body) return nullptr;
    auto e = makeExpr(ExprKind::Lambda, from(st));
    e->args = std::move(args);
    e->a = std::move(body);
    return e;
  }

  ExprP parseDisjunction() { return parseBoolOp(true); }

  ExprP parseBoolOp(bool isOr) {
    const Token& st = cur();
    ExprP first = isOr ? parseBoolOp(false) : parseInversion();
    if (!first || !atKw(isOr ? "or" : "and")) return first;
    return parseBoolOpRest(st, std::move(first), isOr);
  }

  [[gnu::noinline]] ExprP parseBoolOpRest(const Token& st, ExprP first, bool isOr) {
    const char* kw = isOr ? "or" : "and";
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    auto e = makeExpr(ExprKind::BoolOp, first->loc);
    e->boolOp = isOr ? BoolOpKind::Or : BoolOpKind::And;
    e->items.push_back(std::move(first));
    while (acceptKw(kw)) {
      ExprP next = isOr ? parseBoolOp(false) : parseInversion();
      if (!next) return nullptr;
      e->items.push_back(std::move(next));
    }
    e->loc = from(st);
    return e;
  }

  ExprP parseInversion() {
    if (!atKw("not")) return parseComparison();
    return parseNots();
  }

  [[gnu::noinline]] ExprP parseNots() {
    std::vector<const Token*> nots;
    Depth depth(*this);
    while (atKw("not")) {
      nots.push_back(&cur());
      advance();
      if (!depth.push()) return nullptr;
    }
    ExprP e = parseComparison();
    if (!e) return nullptr;
    for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
      auto u = makeExpr(ExprKind::UnaryOp, from(**it));
      u->unaryOp = UnaryOpKind::Not;
      u->a = std::move(e);
      e = std::move(u);
    }
    return e;
  }

  // The comparison operator at the current token, if any; `tokens` gets its token count.
  bool comparisonOperator(CmpOpKind& op, int& tokens) {
    const Token& t = cur();
    tokens = 1;
    if (t.kind == TokenKind::Op) {
      if (t.text == "==") op = CmpOpKind::Eq;
      else if (t.text == "!=") op = CmpOpKind::NotEq;
      else if (t.text == "<") op = CmpOpKind::Lt;
      else if (t.text == "<=") op = CmpOpKind::LtE;
      else if (t.text == ">") op = CmpOpKind::Gt;
      else if (t.text == ">=") op = CmpOpKind::GtE;
      else return false;
      return true;
    }
    if (t.kind != TokenKind::Name) return false;
    if (t.text == "in") {
      op = CmpOpKind::In;
      return true;
    }
    if (t.text == "not" && peek(1).is("in")) {
      op = CmpOpKind::NotIn;
      tokens = 2;
      return true;
    }
    if (t.text == "is") {
      if (peek(1).is("not")) {
        op = CmpOpKind::IsNot;
        tokens = 2;
      } else {
        op = CmpOpKind::Is;
      }
      return true;
    }
    return false;
  }

  ExprP parseComparison() {
    const Token& st = cur();
    ExprP left = parseBitOr();
    if (!left) return nullptr;
    CmpOpKind op;
    int n;
    if (!comparisonOperator(op, n)) return left;
    return parseComparisonRest(st, std::move(left), op, n);
  }

  [[gnu::noinline]] ExprP parseComparisonRest(const Token& st, ExprP left, CmpOpKind op, int n) {
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    auto e = makeExpr(ExprKind::Compare, left->loc);
    e->a = std::move(left);
    do {
      for (int i = 0; i < n; ++i) advance();
      ExprP right = parseBitOr();
      if (!right) return nullptr;
      e->cmpOps.push_back(op);
      e->items.push_back(std::move(right));
    } while (comparisonOperator(op, n));
    e->loc = from(st);
    return e;
  }

  // The binary operator at the current token and its precedence, from 0 (`|`) through
  // `^`, `&`, `<< >>`, `+ -` to 5 (`* / // % @`); -1 if there is none.
  int binaryOperator(BinOpKind& op) {
    const Token& t = cur();
    if (t.kind != TokenKind::Op) return -1;
    std::string_view s = t.text;
    if (s == "|") { op = BinOpKind::BitOr; return 0; }
    if (s == "^") { op = BinOpKind::BitXor; return 1; }
    if (s == "&") { op = BinOpKind::BitAnd; return 2; }
    if (s == "<<") { op = BinOpKind::LShift; return 3; }
    if (s == ">>") { op = BinOpKind::RShift; return 3; }
    if (s == "+") { op = BinOpKind::Add; return 4; }
    if (s == "-") { op = BinOpKind::Sub; return 4; }
    if (s == "*") { op = BinOpKind::Mult; return 5; }
    if (s == "/") { op = BinOpKind::Div; return 5; }
    if (s == "//") { op = BinOpKind::FloorDiv; return 5; }
    if (s == "%") { op = BinOpKind::Mod; return 5; }
    if (s == "@") { op = BinOpKind::MatMult; return 5; }
    return -1;
  }

  // bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term: all left-associative, parsed
  // by precedence climbing with explicit stacks, in one frame however many operators there are
  // (a rule per level would cost six frames per nesting level of the input).
  ExprP parseBitOr() {
    const Token* firstStart = &cur();
    ExprP first = parseFactor();
    if (!first) return nullptr;
    BinOpKind op;
    int prec = binaryOperator(op);
    if (prec < 0) return first;
    return parseBinaryRest(std::move(first), firstStart, op, prec);
  }

  [[gnu::noinline]] ExprP parseBinaryRest(ExprP first, const Token* firstStart, BinOpKind op,
                                          int prec) {
    struct Operand {
      ExprP e;
      const Token* start;
      const Token* end;
    };
    struct Operator {
      BinOpKind op;
      int prec;
    };
    std::vector<Operand> operands;
    std::vector<Operator> ops;
    operands.push_back({std::move(first), firstStart, &prevTok()});
    auto reduce = [&]() {
      Operand right = std::move(operands.back());
      operands.pop_back();
      Operand& left = operands.back();
      auto e = makeExpr(ExprKind::BinOp, Loc{left.start->line, left.start->col,
                                             right.end->endLine, right.end->endCol});
      e->binOp = ops.back().op;
      ops.pop_back();
      e->a = std::move(left.e);
      e->b = std::move(right.e);
      left.e = std::move(e);
      left.end = right.end;
    };
    Depth depth(*this);
    while (prec >= 0) {
      if (!depth.push()) return nullptr;  // one level per operator: the tree leans left
      while (!ops.empty() && ops.back().prec >= prec) reduce();
      Snapshot beforeOperator = snapshot();
      ops.push_back({op, prec});
      advance();
      const Token* start = &cur();
      ExprP right = parseFactor();
      if (!right) {
        if (!backtrackLikePeg()) return nullptr;
        restore(beforeOperator);
        ops.pop_back();
        break;
      }
      operands.push_back({std::move(right), start, &prevTok()});
      prec = binaryOperator(op);
    }
    while (!ops.empty()) reduce();
    return std::move(operands.back().e);
  }

  // factor: ('+' | '-' | '~') factor | power
  ExprP parseFactor() {
    if (!atOp("-") && !atOp("+") && !atOp("~")) return parsePower();
    return parseUnaryOps();
  }

  [[gnu::noinline]] ExprP parseUnaryOps() {
    std::vector<const Token*> ops;
    Depth depth(*this);
    while (atOp("-") || atOp("+") || atOp("~")) {
      ops.push_back(&cur());
      advance();
      if (!depth.push()) return nullptr;
    }
    ExprP e = parsePower();
    if (!e) return nullptr;
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
      auto u = makeExpr(ExprKind::UnaryOp, from(**it));
      u->unaryOp = (*it)->text == "-"   ? UnaryOpKind::USub
                   : (*it)->text == "+" ? UnaryOpKind::UAdd
                                        : UnaryOpKind::Invert;
      u->a = std::move(e);
      e = std::move(u);
    }
    return e;
  }

  // power: await_primary ['**' factor]
  ExprP parsePower() {
    const Token& st = cur();
    ExprP base = parseAwaitPrimary();
    if (!base || !atOp("**")) return base;
    return parsePowerRest(st, std::move(base));
  }

  [[gnu::noinline]] ExprP parsePowerRest(const Token& st, ExprP base) {
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    Snapshot beforeOperator = snapshot();
    advance();
    ExprP exponent = parseFactor();
    if (!exponent) {
      if (!backtrackLikePeg()) return nullptr;
      restore(beforeOperator);
      return base;
    }
    auto e = makeExpr(ExprKind::BinOp, from(st));
    e->binOp = BinOpKind::Pow;
    e->a = std::move(base);
    e->b = std::move(exponent);
    return e;
  }

  ExprP parseAwaitPrimary() {
    if (!atKw("await")) return parsePrimary();
    return parseAwait();
  }

  [[gnu::noinline]] ExprP parseAwait() {
    const Token& st = cur();
    advance();
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    ExprP v = parsePrimary();
    if (!v) return nullptr;
    auto e = makeExpr(ExprKind::Await, from(st));
    e->a = std::move(v);
    return e;
  }

  // primary: atom followed by any number of .name, (args), [slices]
  ExprP parsePrimary() {
    const Token& st = cur();
    ExprP e = parseAtom();
    if (!e || !(atOp(".") || atOp("(") || atOp("["))) return e;
    return parseTrailers(st, std::move(e));
  }

  [[gnu::noinline]] ExprP parseTrailers(const Token& st, ExprP e) {
    Depth depth(*this);
    while (atOp(".") || atOp("(") || atOp("[")) {
      if (!depth.push()) return nullptr;
      Snapshot before = snapshot();
      bool subscript = atOp("[");
      if (parseTrailer(st, e)) continue;
      if (checks_ && subscript && err_ && err_->generic) return failedSubscript(st, *e, before);
      if (checks_ || !err_ || err_->info.message.rfind("too complex", 0) == 0) return nullptr;
      // While speculating (CPython's invalid_* rules), behave like the PEG parser: a trailer
      // that does not parse is left out and the primary so far is the result.
      restore(before);
      return e;
    }
    return e;
  }

  // While speculating (checks off, i.e. inside CPython's invalid_* rules), an operator whose
  // right side does not parse is dropped and the left side is the result, as in the PEG parser.
  bool backtrackLikePeg() const {
    return !checks_ && err_ && err_->generic;
  }

  // `print [x for x in y]`, `[f[x for x in y]]`: the subscript does not parse, and CPython (a
  // PEG parser) backtracks to before the '[' and tries its invalid_expression and
  // invalid_legacy_expression rules with the bracket as a second expression. If they find
  // nothing, the failure stands.
  [[gnu::noinline]] std::nullptr_t failedSubscript(const Token& st, const Expr& e,
                                                   const Snapshot& beforeTrailer) {
    Failure failed = takeFailure();
    restore(beforeTrailer);
    size_t start = static_cast<size_t>(&st - toks_->data());
    bool raised = !checkAdjacentExpression(e, start);
    if (raised && err_) return nullptr;
    restore(beforeTrailer);
    putFailure(std::move(failed));
    return nullptr;
  }

  // One trailer after the primary `e` (which starts at `st`). On failure `e` is untouched.
  bool parseTrailer(const Token& st, ExprP& e) {
    if (atOp(".")) {
      advance();
      if (!atName()) {
        syntaxError();
        return false;
      }
      auto a = makeExpr(ExprKind::Attribute, tokLoc(st));
      a->name = std::string(cur().text);
      advance();
      a->a = std::move(e);
      a->loc = from(st);
      e = std::move(a);
      return true;
    }
    if (atOp("(")) {
      const Token& open = cur();
      advance();
      auto c = makeExpr(ExprKind::Call, tokLoc(st));
      if (!parseCallArguments(c->items, c->keywords, /*allowGenexp=*/true, &open)) return false;
      if (!acceptOp(")")) {
        syntaxError();
        return false;
      }
      c->a = std::move(e);
      c->loc = from(st);
      e = std::move(c);
      return true;
    }
    advance();  // '['
    ExprP slice = parseSlices();
    if (!slice) return false;
    if (!acceptOp("]")) {
      syntaxError();
      return false;
    }
    auto sub = makeExpr(ExprKind::Subscript, tokLoc(st));
    sub->a = std::move(e);
    sub->b = std::move(slice);
    sub->loc = from(st);
    e = std::move(sub);
    return true;
  }

  // Call arguments (or class bases) after '(' up to, not including, ')'.
  bool parseCallArguments(std::vector<ExprP>& args, std::vector<Keyword>& keywords,
                          bool allowGenexp, const Token* open) {
    bool sawKeyword = false, sawDoubleStar = false;
    const char* misplaced = nullptr;
    while (!atOp(")")) {
      const Token& st = cur();
      if (st.isOp("*")) {
        if (sawDoubleStar) {
          errorTok(st, "iterable argument unpacking follows keyword argument unpacking");
          return false;
        }
        advance();
        Depth depth(*this);
        if (!depth.push()) return false;
        ExprP v = parseExpression();
        if (!v) return false;
        auto e = makeExpr(ExprKind::Starred, from(st));
        e->a = std::move(v);
        if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
          errorLoc(e->loc, "iterable unpacking cannot be used in comprehension");
          return false;
        }
        args.push_back(std::move(e));
      } else if (st.isOp("**")) {
        advance();
        ExprP v = parseExpression();
        if (!v) return false;
        Keyword k;
        k.value = std::move(v);
        k.loc = from(st);
        keywords.push_back(std::move(k));
        sawDoubleStar = true;
      } else if (st.kind == TokenKind::Name &&
                 (!isHardKeyword(st.text) || st.text == "True" || st.text == "False" ||
                  st.text == "None") &&
                 peek(1).isOp("=")) {
        if (isHardKeyword(st.text)) {
          const Token& eq = peek(1);
          errorAt(st.line, st.col, eq.endLine, eq.endCol, "cannot assign to " +
                                                              std::string(st.text));
          return false;
        }
        advance();
        const Token& eq = cur();
        advance();
        ExprP v = parseExpression();
        if (!v) return false;
        if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
          errorAt(st.line, st.col, eq.endLine, eq.endCol,
                  "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          return false;
        }
        Keyword k;
        k.name = std::string(st.text);
        k.value = std::move(v);
        k.loc = from(st);
        keywords.push_back(std::move(k));
        sawKeyword = true;
      } else {
        bool walrus = atName() && peek(1).isOp(":=");
        ExprP v = walrus ? parseWalrus() : parseExpression();
        if (!v) return false;
        if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
          if (!allowGenexp) {
            syntaxError();
            return false;
          }
          auto g = makeExpr(ExprKind::GeneratorExp, v->loc);
          g->a = std::move(v);
          if (!parseComprehensionClauses(g->generators)) return false;
          g->loc = from(st);
          if (!args.empty() || !keywords.empty() || atOp(",")) {
            errorLoc(g->loc, "Generator expression must be parenthesized");
            return false;
          }
          if (!atOp(")")) {
            syntaxError();
            return false;
          }
          // The sole generator argument of a call spans the call's parentheses.
          g->loc = Loc{open->line, open->col, cur().endLine, cur().endCol};
          args.push_back(std::move(g));
          continue;
        }
        if (atOp("=") && !walrus) {
          const Token& eq = cur();
          errorAt(v->loc.line, v->loc.col, eq.endLine, eq.endCol,
                  "expression cannot contain assignment, perhaps you meant \"==\"?");
          return false;
        }
        if ((sawDoubleStar || sawKeyword) && !misplaced) {
          // CPython reports it once the whole argument list is read, at the last token read.
          misplaced = sawDoubleStar ? "positional argument follows keyword argument unpacking"
                                    : "positional argument follows keyword argument";
        }
        args.push_back(std::move(v));
      }
      if (!acceptOp(",")) break;
    }
    if (misplaced) {
      errorTok((*toks_)[maxPeek_], misplaced);
      return false;
    }
    return true;
  }

  // slices: slice | (slice | starred_expression) (',' ...)* [','] → a Tuple
  ExprP parseSlices() {
    const Token& st = cur();
    ExprP first = parseSlice();
    if (!first) return nullptr;
    if (!atOp(",")) {
      if (first->kind != ExprKind::Starred) return first;
      auto tuple = makeExpr(ExprKind::Tuple, first->loc);
      tuple->items.push_back(std::move(first));
      return tuple;
    }
    auto tuple = makeExpr(ExprKind::Tuple, first->loc);
    tuple->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (atOp("]")) break;
      ExprP e = parseSlice();
      if (!e) return nullptr;
      tuple->items.push_back(std::move(e));
    }
    tuple->loc = from(st);
    return tuple;
  }

  ExprP parseSlice() {
    if (atOp("*")) return parseStarExpression();
    const Token& st = cur();
    ExprP lower;
    if (!atOp(":")) {
      lower = parseNamedExpression();
      if (!lower) return nullptr;
      if (!atOp(":")) return lower;
    }
    advance();  // ':'
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    auto s = makeExpr(ExprKind::Slice, tokLoc(st));
    s->a = std::move(lower);
    if (!atOp(":") && !atOp("]") && !atOp(",")) {
      s->b = parseExpression();
      if (!s->b) return nullptr;
    }
    if (acceptOp(":")) {
      if (!atOp("]") && !atOp(",")) {
        s->c = parseExpression();
        if (!s->c) return nullptr;
      }
    }
    s->loc = from(st);
    return s;
  }

  ExprP parseAtom() {
    const Token& t = cur();
    switch (t.kind) {
      case TokenKind::Name: {
        if (t.text == "None" || t.text == "True" || t.text == "False") {
          auto e = makeExpr(ExprKind::Constant, tokLoc(t));
          e->constKind = t.text == "None"   ? ConstKind::None
                         : t.text == "True" ? ConstKind::True
                                            : ConstKind::False;
          advance();
          return e;
        }
        if (isHardKeyword(t.text)) return syntaxError();
        auto e = makeExpr(ExprKind::Name, tokLoc(t));
        e->name = std::string(t.text);
        advance();
        return e;
      }
      case TokenKind::Number:
        return parseNumber();
      case TokenKind::String:
        return parseStrings();
      case TokenKind::Op:
        if (t.text == "(") return parseParenthesized(false);
        if (t.text == "[") return parseList();
        if (t.text == "{") return parseBraces();
        if (t.text == "...") {
          auto e = makeExpr(ExprKind::Constant, tokLoc(t));
          e->constKind = ConstKind::Ellipsis;
          advance();
          return e;
        }
        return syntaxError();
      default:
        return syntaxError();
    }
  }

  [[gnu::noinline]] ExprP parseNumber() {
    const Token& t = cur();
    advance();
    std::string text;
    for (char ch : t.text) {
      if (ch != '_') text += ch;
    }
    auto e = makeExpr(ExprKind::Constant, tokLoc(t));
    char last = text.empty() ? '0' : text.back();
    if (last == 'j' || last == 'J') {
      notSupported("complex literal `" + std::string(t.text) + "`", t.line);
      e->constKind = ConstKind::Complex;
      text.pop_back();
      e->floatValue = std::strtod(text.c_str(), nullptr);
      e->text = text;
      return e;
    }
    if (text.size() >= 2 && text[0] == '0') {
      char p = static_cast<char>(text[1] | 0x20);
      if (p == 'x' || p == 'o' || p == 'b') {
        e->constKind = ConstKind::Int;
        e->intBase = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        e->text = text.substr(2);
        return e;
      }
    }
    if (text.find_first_of(".eE") != std::string::npos) {
      e->constKind = ConstKind::Float;
      e->floatValue = std::strtod(text.c_str(), nullptr);
      e->text = text;
      return e;
    }
    e->constKind = ConstKind::Int;
    e->intBase = 10;
    e->text = text;
    return e;
  }

  // '(' ... ')': empty tuple, group, tuple, generator expression or parenthesized yield.
  // With fstring=true, the content of an f-string replacement field, which CPython 3.11 parses
  // as "(" + text + ")"; the field's tokens end with ENDMARKER instead of ')'.
  ExprP parseParenthesized(bool fstring) {
    const Token& open = cur();
    if (!fstring) advance();
    // Grouping parentheses make no node, so they are not counted in the main text (its 200
    // bracket levels are CPython's limit); inside an f-string replacement field they are, so
    // that fields nested in fields cannot multiply the recursion.
    Depth groupDepth(*this);
    if (inFString_ && !groupDepth.push()) return nullptr;
    auto atClose = [&]() {
      return fstring ? cur().kind == TokenKind::EndMarker : atOp(")");
    };
    if (atClose()) {
      if (fstring) return syntaxError();
      advance();
      return makeExpr(ExprKind::Tuple, from(open));
    }
    if (atKw("yield")) {
      ExprP y = parseYieldExpr();
      if (!y) return nullptr;
      if (!atClose()) return syntaxError();
      if (!fstring) advance();
      return y;
    }
    ExprP first = parseStarNamedExpression();
    if (!first) return nullptr;
    if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
      if (first->kind == ExprKind::Starred) {
        return errorLoc(first->loc, "iterable unpacking cannot be used in comprehension");
      }
      Depth depth(*this);
      if (!depth.push()) return nullptr;
      auto g = makeExpr(ExprKind::GeneratorExp, first->loc);
      g->a = std::move(first);
      if (!parseComprehensionClauses(g->generators)) return nullptr;
      if (!atClose()) return syntaxError();
      if (!fstring) advance();
      g->loc = from(open);
      return g;
    }
    if (atOp(",")) {
      Depth depth(*this);
      if (!depth.push()) return nullptr;
      auto tuple = makeExpr(ExprKind::Tuple, first->loc);
      tuple->items.push_back(std::move(first));
      while (acceptOp(",")) {
        if (atClose()) break;
        ExprP e = parseStarNamedExpression();
        if (!e) return nullptr;
        tuple->items.push_back(std::move(e));
      }
      if (!atClose()) return syntaxError();
      if (!fstring) advance();
      tuple->loc = from(open);
      return tuple;
    }
    if (!atClose()) return syntaxError();
    if (first->kind == ExprKind::Starred) {
      return errorLoc(first->loc, "cannot use starred expression here");
    }
    if (!fstring) advance();
    return first;
  }

  ExprP parseList() {
    const Token& open = cur();
    advance();
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    if (acceptOp("]")) return makeExpr(ExprKind::List, from(open));
    ExprP first = parseStarNamedExpression();
    if (!first) return nullptr;
    if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
      if (first->kind == ExprKind::Starred) {
        return errorLoc(first->loc, "iterable unpacking cannot be used in comprehension");
      }
      auto c = makeExpr(ExprKind::ListComp, tokLoc(open));
      c->a = std::move(first);
      if (!parseComprehensionClauses(c->generators)) return nullptr;
      if (!acceptOp("]")) return syntaxError();
      c->loc = from(open);
      return c;
    }
    auto list = makeExpr(ExprKind::List, tokLoc(open));
    list->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (atOp("]")) break;
      if (atComprehensionForQuietly()) return unparenthesizedComprehensionTarget(list->items);
      ExprP e = parseStarNamedExpression();
      if (!e) return nullptr;
      list->items.push_back(std::move(e));
      if (atComprehensionForQuietly()) return unparenthesizedComprehensionTarget(list->items);
    }
    if (!acceptOp("]")) return syntaxError();
    list->loc = from(open);
    return list;
  }

  // '{' ... '}': dict, set, dict/set comprehension.
  ExprP parseBraces() {
    const Token& open = cur();
    advance();
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    if (acceptOp("}")) return makeExpr(ExprKind::Dict, from(open));
    if (atOp("**")) {
      auto d = makeExpr(ExprKind::Dict, tokLoc(open));
      return parseDictRest(open, std::move(d));
    }
    ExprP first = parseStarNamedExpression();
    if (!first) return nullptr;
    if (atOp(":") && first->kind != ExprKind::Starred) {
      const Token& colon = cur();
      advance();
      if (atOp("*")) {
        ExprP bad = parseStarExpression();
        if (!bad) return nullptr;
        return errorLoc(bad->loc, "cannot use a starred expression in a dictionary value");
      }
      if (atOp("}") || atOp(",")) {
        return errorTok(colon, "expression expected after dictionary key and ':'");
      }
      ExprP value = parseExpression();
      if (!value) return nullptr;
      if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
        auto c = makeExpr(ExprKind::DictComp, tokLoc(open));
        c->a = std::move(first);
        c->b = std::move(value);
        if (!parseComprehensionClauses(c->generators)) return nullptr;
        if (!acceptOp("}")) return syntaxError();
        c->loc = from(open);
        return c;
      }
      auto d = makeExpr(ExprKind::Dict, tokLoc(open));
      d->items.push_back(std::move(first));
      d->values.push_back(std::move(value));
      if (atOp("}")) {
        advance();
        d->loc = from(open);
        return d;
      }
      if (!atOp(",")) return syntaxError();
      advance();
      return parseDictRest(open, std::move(d));
    }
    if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
      if (first->kind == ExprKind::Starred) {
        return errorLoc(first->loc, "iterable unpacking cannot be used in comprehension");
      }
      auto c = makeExpr(ExprKind::SetComp, tokLoc(open));
      c->a = std::move(first);
      if (!parseComprehensionClauses(c->generators)) return nullptr;
      if (!acceptOp("}")) return syntaxError();
      c->loc = from(open);
      return c;
    }
    auto set = makeExpr(ExprKind::Set, tokLoc(open));
    set->items.push_back(std::move(first));
    while (acceptOp(",")) {
      if (atOp("}")) break;
      if (atComprehensionForQuietly()) return unparenthesizedComprehensionTarget(set->items);
      ExprP e = parseStarNamedExpression();
      if (!e) return nullptr;
      set->items.push_back(std::move(e));
      if (atComprehensionForQuietly()) return unparenthesizedComprehensionTarget(set->items);
    }
    if (!acceptOp("}")) return syntaxError();
    set->loc = from(open);
    return set;
  }

  // The items of a dict display after its first item (and its comma), up to '}'.
  ExprP parseDictRest(const Token& open, ExprP d) {
    while (!atOp("}")) {
      if (atOp("**")) {
        const Token& st = cur();
        advance();
        ExprP v = parseBitOr();
        if (!v) return nullptr;
        if (atKw("for") || (atKw("async") && peek(1).is("for"))) {
          return errorAt(st.line, st.col, v->loc.endLine, v->loc.endCol,
                         "dict unpacking cannot be used in dict comprehension");
        }
        d->items.push_back(nullptr);
        d->values.push_back(std::move(v));
      } else {
        // A key after the first: CPython reports a missing ':' rather than a missing comma.
        Snapshot s0 = snapshot();
        checks_ = false;
        ExprP k = parseExpression();
        checks_ = s0.checks;
        if (!k) {
          restore(s0);
          k = parseExpression();
          if (!k) return nullptr;
        }
        if (!atOp(":")) {
          // invalid_kvpair: the caret goes on the key's last character
          return errorAt(k->loc.line, k->loc.endCol - 1, k->loc.endLine, k->loc.endCol - 1,
                         "':' expected after dictionary key");
        }
        const Token& colon = cur();
        advance();
        if (atOp("*")) {
          ExprP bad = parseStarExpression();
          if (!bad) return nullptr;
          return errorLoc(bad->loc, "cannot use a starred expression in a dictionary value");
        }
        if (atOp("}") || atOp(",")) {
          return errorTok(colon, "expression expected after dictionary key and ':'");
        }
        ExprP v = parseExpression();
        if (!v) return nullptr;
        d->items.push_back(std::move(k));
        d->values.push_back(std::move(v));
      }
      if (!acceptOp(",")) break;
    }
    if (!acceptOp("}")) return syntaxError();
    d->loc = from(open);
    return d;
  }

  bool atComprehensionFor() { return atKw("for") || (atKw("async") && peek(1).is("for")); }
  // The same test where CPython's first pass would not look past `async`.
  bool atComprehensionForQuietly() {
    size_t saved = maxPeek_;
    bool r = atComprehensionFor();
    maxPeek_ = saved;
    return r;
  }

  // `[a, b for x in y]`: CPython's invalid_comprehension. The clauses are parsed first (their
  // own errors win), then the elements before them get the blame.
  std::nullptr_t unparenthesizedComprehensionTarget(const std::vector<ExprP>& items) {
    Loc first = items.front()->loc, last = items.back()->loc;
    if (items.size() == 1) last = tokLoc(prevTok());  // `[a, for ...]`: up to the comma
    std::vector<Comprehension> clauses;
    if (!parseComprehensionClauses(clauses)) return nullptr;
    return errorAt(first.line, first.col, last.endLine, last.endCol,
                   "did you forget parentheses around the comprehension target?");
  }

  // for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
  bool parseComprehensionClauses(std::vector<Comprehension>& out) {
    Depth depth(*this);
    if (!depth.push()) return false;
    while (atKw("for") || (atKw("async") && peek(1).is("for"))) {
      Comprehension c;
      c.isAsync = acceptKw("async");
      advance();  // 'for'
      c.target = parseForTarget();
      if (!c.target) return false;
      advance();  // 'in'
      c.iter = parseDisjunction();
      if (!c.iter) return false;
      while (acceptKw("if")) {
        ExprP cond = parseDisjunction();
        if (!cond) return false;
        c.ifs.push_back(std::move(cond));
      }
      out.push_back(std::move(c));
    }
    return true;
  }

  ExprP parseYieldExpr() {
    const Token& st = cur();
    advance();
    Depth depth(*this);
    if (!depth.push()) return nullptr;
    auto y = makeExpr(ExprKind::Yield, tokLoc(st));
    if (acceptKw("from")) {
      y->a = parseExpression();
      if (!y->a) return nullptr;
      notSupported("`yield from`", st.line);
    } else if (startsExpression(cur())) {
      y->a = parseStarExpressions();
      if (!y->a) return nullptr;
    }
    y->loc = from(st);
    return y;
  }

  // ---- strings -----------------------------------------------------------------------------

  // Adjacent string literals, concatenated (CPython's _PyPegen_concatenate_strings).
  [[gnu::noinline]] ExprP parseStrings() {
    const Token& st = cur();
    size_t first = pos_;
    while (cur().kind == TokenKind::String) advance();
    size_t last = pos_;  // one past
    Loc whole = from(st);
    const Token& after = cur();  // CPython reports string errors at the token after them
    bool anyBytes = false, anyStr = false, anyF = false;
    for (size_t i = first; i < last; ++i) {
      StringLiteral lit = splitStringToken((*toks_)[i]);
      if (lit.isBytes) anyBytes = true;
      else anyStr = true;
      if (lit.isFString) anyF = true;
    }
    if (anyBytes && anyStr) {
      return errorAt(after.line, after.col, after.line, after.col,
                     "cannot mix bytes and nonbytes literals", "SyntaxError");
    }
    if (anyBytes) {
      auto e = makeExpr(ExprKind::Constant, whole);
      e->constKind = ConstKind::Bytes;
      for (size_t i = first; i < last; ++i) {
        const Token& t = (*toks_)[i];
        StringLiteral lit = splitStringToken(t);
        for (char ch : lit.body) {
          if (static_cast<unsigned char>(ch) >= 0x80) {
            return errorTok(t, "bytes can only contain ASCII literal characters");
          }
        }
        if (!decode(lit.body, true, lit.isRaw, e->text, after)) return nullptr;
      }
      return e;
    }
    if (!anyF) {
      auto e = makeExpr(ExprKind::Constant, whole);
      e->constKind = ConstKind::Str;
      for (size_t i = first; i < last; ++i) {
        StringLiteral lit = splitStringToken((*toks_)[i]);
        if (!decode(lit.body, false, lit.isRaw, e->text, after)) return nullptr;
      }
      return e;
    }
    auto joined = makeExpr(ExprKind::JoinedStr, whole);
    std::string pending;
    for (size_t i = first; i < last; ++i) {
      const Token& t = (*toks_)[i];
      StringLiteral lit = splitStringToken(t);
      if (!lit.isFString) {
        if (!decode(lit.body, false, lit.isRaw, pending, after)) return nullptr;
        continue;
      }
      FString fs{lit.body, lit.isRaw, t.line, t.col + lit.prefixLen + lit.quoteLen,
                 whole,     tokLoc(t), &after};
      size_t p = 0;
      if (!parseFStringPart(fs, p, 0, joined->items, pending)) return nullptr;
    }
    flushLiteral(joined->items, pending, whole);
    return joined;
  }

  bool decode(std::string_view body, bool isBytes, bool isRaw, std::string& out,
              const Token& errTok) {
    DecodeStatus st = decodeStringBody(body, isBytes, isRaw, out);
    if (st.kind == DecodeStatus::Ok) return true;
    if (st.kind == DecodeStatus::Unsupported) {
      notSupported(st.message, errTok.line);
      return true;
    }
    errorAt(errTok.line, errTok.col, errTok.line, errTok.col, st.message, "SyntaxError");
    return false;
  }

  static void flushLiteral(std::vector<ExprP>& parts, std::string& pending, const Loc& whole) {
    if (pending.empty()) return;
    auto c = makeExpr(ExprKind::Constant, whole);
    c->constKind = ConstKind::Str;
    c->text = std::move(pending);
    pending.clear();
    parts.push_back(std::move(c));
  }

  struct FString {
    std::string_view body;
    bool raw;
    int line, col;       // position of body[0]
    Loc whole;           // the whole string group (CPython 3.11 gives it to most parts)
    Loc token;           // this string token (CPython 3.11 gives it to format specs)
    const Token* after;  // where errors about the string are reported
  };

  // Line and column of body[i].
  static void fstringPosition(const FString& fs, size_t i, int& line, int& col) {
    line = fs.line;
    col = fs.col;
    for (size_t k = 0; k < i && k < fs.body.size(); ++k) {
      unsigned char ch = static_cast<unsigned char>(fs.body[k]);
      if (ch == '\n') {
        ++line;
        col = 0;
      } else if ((ch & 0xC0) != 0x80) {
        ++col;
      }
    }
  }

  std::nullptr_t fstringError(const FString& fs, std::string message) {
    const Token& t = *fs.after;
    return errorAt(t.line, t.col, t.line, t.col, std::move(message), "SyntaxError");
  }

  // CPython 3.11's fstring_find_literal_and_expr loop (Parser/string_parser.c): literal text
  // and replacement fields up to the end of the body (level 0) or the '}' ending a format spec.
  bool parseFStringPart(const FString& fs, size_t& i, int recurseLevel, std::vector<ExprP>& parts,
                        std::string& pending) {
    std::string_view b = fs.body;
    const size_t end = b.size();
    while (true) {
      size_t litStart = i;
      size_t litEnd = end;
      bool doubled = false;
      while (i < end) {
        char ch = b[i++];
        if (!fs.raw && ch == '\\' && i < end) {
          ch = b[i++];
          if (ch == 'N') {
            if (i < end && b[i++] == '{') {
              while (i < end && b[i++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch == '{' || ch == '}') {
          if (recurseLevel == 0) {
            if (i < end && b[i] == ch) {
              litEnd = i;  // keep one brace
              ++i;
              doubled = true;
              break;
            }
            if (ch == '}') {
              fstringError(fs, "f-string: single '}' is not allowed");
              return false;
            }
          }
          --i;
          break;
        }
      }
      if (!doubled) litEnd = i;
      if (litEnd > litStart) {
        if (!decode(b.substr(litStart, litEnd - litStart), false, fs.raw, pending, *fs.after)) {
          return false;
        }
      }
      if (doubled) continue;
      if (i >= end || b[i] == '}') break;
      ExprP field = parseFStringField(fs, i, recurseLevel, pending);
      if (!field) return false;
      flushLiteral(parts, pending, recurseLevel == 0 ? fs.whole : fs.token);
      parts.push_back(std::move(field));
    }
    if (recurseLevel != 0 && (i >= end || b[i] != '}')) {
      fstringError(fs, "f-string: expecting '}'");
      return false;
    }
    return true;
  }

  // A replacement field at body[i] == '{' (CPython's fstring_find_expr).
  ExprP parseFStringField(const FString& fs, size_t& i, int recurseLevel, std::string& pending) {
    std::string_view b = fs.body;
    const size_t end = b.size();
    if (recurseLevel >= 2) return fstringError(fs, "f-string: expressions nested too deeply");
    ++i;  // '{'
    size_t exprStart = i;
    char quote = 0;
    int stringType = 0;
    std::vector<char> parens;
    for (; i < end; ++i) {
      char ch = b[i];
      if (ch == '\\') {
        return fstringError(fs, "f-string expression part cannot include a backslash");
      }
      if (quote) {
        if (ch == quote) {
          if (stringType == 3) {
            if (i + 2 < end && b[i + 1] == ch && b[i + 2] == ch) {
              i += 2;
              quote = 0;
              stringType = 0;
            }
          } else {
            quote = 0;
            stringType = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < end && b[i + 1] == ch && b[i + 2] == ch) {
          stringType = 3;
          i += 2;
        } else {
          stringType = 1;
        }
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (parens.size() >= 200) return fstringError(fs, "f-string: too many nested parenthesis");
        parens.push_back(ch);
      } else if (ch == '#') {
        return fstringError(fs, "f-string expression part cannot include '#'");
      } else if (parens.empty() &&
                 (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < end) {
          char next = b[i + 1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
              (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
            ++i;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        char msg[96];
        if (parens.empty()) {
          std::snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
          return fstringError(fs, msg);
        }
        char opening = parens.back();
        parens.pop_back();
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
              (opening == '{' && ch == '}'))) {
          std::snprintf(msg, sizeof msg,
                        "f-string: closing parenthesis '%c' does not match opening parenthesis "
                        "'%c'",
                        ch, opening);
          return fstringError(fs, msg);
        }
      }
    }
    size_t exprEnd = i;
    if (quote) return fstringError(fs, "f-string: unterminated string");
    if (!parens.empty()) {
      char msg[64];
      std::snprintf(msg, sizeof msg, "f-string: unmatched '%c'", parens.back());
      return fstringError(fs, msg);
    }
    if (i >= end) return fstringError(fs, "f-string: expecting '}'");

    bool blank = true;
    for (size_t k = exprStart; k < exprEnd; ++k) {
      char ch = b[k];
      if (!(ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f')) {
        blank = false;
        break;
      }
    }
    if (blank) {
      char c = b[exprEnd];
      if (c == '!' || c == ':' || c == '=') {
        char msg[64];
        std::snprintf(msg, sizeof msg, "f-string: expression required before '%c'", c);
        return fstringError(fs, msg);
      }
      return fstringError(fs, "f-string: empty expression not allowed");
    }
    int line, col;
    fstringPosition(fs, exprStart, line, col);
    ExprP value = parseFStringExpression(b.substr(exprStart, exprEnd - exprStart), line, col);
    if (!value) return nullptr;

    bool selfDocumenting = false;
    if (b[i] == '=') {
      ++i;
      while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' ||
                         b[i] == '\f' || b[i] == '\v')) {
        ++i;
      }
      if (i >= end) return fstringError(fs, "f-string: expecting '}'");
      pending.append(b.substr(exprStart, i - exprStart));
      selfDocumenting = true;
    }
    int conversion = -1;
    if (b[i] == '!') {
      ++i;
      if (i >= end) return fstringError(fs, "f-string: expecting '}'");
      conversion = static_cast<unsigned char>(b[i]);
      ++i;
      if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
        return fstringError(fs,
                            "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    ExprP spec;
    if (i >= end) return fstringError(fs, "f-string: expecting '}'");
    if (b[i] == ':') {
      ++i;
      if (i >= end) return fstringError(fs, "f-string: expecting '}'");
      spec = makeExpr(ExprKind::JoinedStr, fs.token);
      std::string specPending;
      if (!parseFStringPart(fs, i, recurseLevel + 1, spec->items, specPending)) return nullptr;
      flushLiteral(spec->items, specPending, fs.token);
    }
    if (i >= end || b[i] != '}') return fstringError(fs, "f-string: expecting '}'");
    ++i;
    if (selfDocumenting && !spec && conversion == -1) conversion = 'r';
    auto fv = makeExpr(ExprKind::FormattedValue, fs.whole);
    fv->a = std::move(value);
    fv->conversion = conversion;
    fv->b = std::move(spec);
    return fv;
  }

  // Lexes and parses the expression of a replacement field, with its real source position.
  ExprP parseFStringExpression(std::string_view text, int line, int col) {
    LexOptions options;
    options.startLine = line;
    options.startCol = col;
    options.fstringExpr = true;
    LexResult lexed = tokenizePrepared(text, options);
    if (lexed.error) return raise(*lexed.error, false);
    const std::vector<Token>* savedToks = toks_;
    size_t savedPos = pos_, savedMaxPeek = maxPeek_;
    bool savedTouched = touchedLexError_, savedInF = inFString_;
    uint64_t savedStream = tokenStream_;
    tokenStream_ = ++tokenStreams_;
    toks_ = &lexed.tokens;
    pos_ = 0;
    maxPeek_ = 0;
    inFString_ = true;
    ExprP e = parseParenthesized(/*fstring=*/true);
    if (e && cur().kind != TokenKind::EndMarker) e = syntaxError();
    toks_ = savedToks;
    tokenStream_ = savedStream;
    pos_ = savedPos;
    maxPeek_ = savedMaxPeek;
    touchedLexError_ = savedTouched;
    inFString_ = savedInF;
    return e;
  }
};

// ---- compile-time checks ---------------------------------------------------------------------

// The checks CPython makes after parsing that need no name resolution, in CPython's order:
// first the symbol-table pass (whole module), then the compiler pass. The tree is at most
// kMaxNestingDepth deep, so plain recursion is safe.
class Checker {
 public:
  std::optional<SyntaxErrorInfo> run(const Module& m) {
    for (const StmtP& s : m.body) symStmt(*s, Scope::Module);
    if (err_) return err_;
    Ctx ctx;
    for (const StmtP& s : m.body) compStmt(*s, ctx);
    return err_;
  }

 private:
  enum class Scope { Module, Function, Class, Lambda, Comprehension };
  struct Ctx {
    bool inFunction = false;
    int loops = 0;
  };
  std::optional<SyntaxErrorInfo> err_;

  void error(const Loc& l, std::string message) {
    if (err_) return;
    SyntaxErrorInfo e;
    e.message = std::move(message);
    e.line = l.line;
    e.col = l.col + 1;
    e.endLine = l.endLine;
    e.endCol = l.endCol + 1;
    err_ = std::move(e);
  }

  // -- symbol table: yield placement, nonlocal at module level, duplicate arguments --

  void checkDuplicateArgs(const Arguments& a) {
    std::vector<const Arg*> all;
    for (const Arg& x : a.posonly) all.push_back(&x);
    for (const Arg& x : a.args) all.push_back(&x);
    if (a.vararg) all.push_back(a.vararg.get());
    for (const Arg& x : a.kwonly) all.push_back(&x);
    if (a.kwarg) all.push_back(a.kwarg.get());
    for (size_t i = 0; i < all.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (all[j]->name == all[i]->name) {
          error(all[i]->loc, "duplicate argument '" + all[i]->name + "' in function definition");
          return;
        }
      }
    }
  }

  void symArguments(const Arguments& a, Scope scope) {
    for (const ExprP& d : a.defaults) symExpr(d.get(), scope, nullptr);
    for (const ExprP& d : a.kwDefaults) symExpr(d.get(), scope, nullptr);
    for (const Arg& x : a.posonly) symExpr(x.annotation.get(), scope, nullptr);
    for (const Arg& x : a.args) symExpr(x.annotation.get(), scope, nullptr);
    if (a.vararg) symExpr(a.vararg->annotation.get(), scope, nullptr);
    for (const Arg& x : a.kwonly) symExpr(x.annotation.get(), scope, nullptr);
    if (a.kwarg) symExpr(a.kwarg->annotation.get(), scope, nullptr);
  }

  void symBody(const Body& body, Scope scope) {
    for (const StmtP& s : body) symStmt(*s, scope);
  }

  void symStmt(const Stmt& s, Scope scope) {
    if (err_) return;
    switch (s.kind) {
      case StmtKind::FunctionDef:
        for (const ExprP& d : s.decorators) symExpr(d.get(), scope, nullptr);
        symArguments(*s.args, scope);
        symExpr(s.annotation.get(), scope, nullptr);
        checkDuplicateArgs(*s.args);
        symBody(s.body, Scope::Function);
        return;
      case StmtKind::ClassDef:
        for (const ExprP& d : s.decorators) symExpr(d.get(), scope, nullptr);
        for (const ExprP& b : s.bases) symExpr(b.get(), scope, nullptr);
        for (const Keyword& k : s.keywords) symExpr(k.value.get(), scope, nullptr);
        symBody(s.body, Scope::Class);
        return;
      case StmtKind::Nonlocal:
        if (scope == Scope::Module) error(s.loc, "nonlocal declaration not allowed at module level");
        return;
      default:
        break;
    }
    for (const ExprP& e : s.targets) symExpr(e.get(), scope, nullptr);
    symExpr(s.target.get(), scope, nullptr);
    symExpr(s.value.get(), scope, nullptr);
    symExpr(s.test.get(), scope, nullptr);
    symExpr(s.iter.get(), scope, nullptr);
    symExpr(s.annotation.get(), scope, nullptr);
    symExpr(s.cause.get(), scope, nullptr);
    symExpr(s.msg.get(), scope, nullptr);
    for (const WithItem& w : s.withItems) {
      symExpr(w.contextExpr.get(), scope, nullptr);
      symExpr(w.optionalVars.get(), scope, nullptr);
    }
    symBody(s.body, scope);
    for (const ExceptHandler& h : s.handlers) {
      symExpr(h.type.get(), scope, nullptr);
      symBody(h.body, scope);
    }
    symBody(s.orelse, scope);
    symBody(s.finalbody, scope);
  }

  static const char* comprehensionName(ExprKind k) {
    switch (k) {
      case ExprKind::ListComp: return "list comprehension";
      case ExprKind::SetComp: return "set comprehension";
      case ExprKind::DictComp: return "dict comprehension";
      default: return "generator expression";
    }
  }

  void symExpr(const Expr* e, Scope scope, const char* compName) {
    if (!e || err_) return;
    switch (e->kind) {
      case ExprKind::Yield:
        if (scope == Scope::Module || scope == Scope::Class) {
          error(e->loc, "'yield' outside function");
          return;
        }
        if (scope == Scope::Comprehension) {
          error(e->loc, std::string("'yield' inside ") + compName);
          return;
        }
        break;
      case ExprKind::Lambda:
        symArguments(*e->args, scope);
        checkDuplicateArgs(*e->args);
        symExpr(e->a.get(), Scope::Lambda, nullptr);
        return;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp: {
        const char* name = comprehensionName(e->kind);
        // The first iterable is evaluated in the enclosing scope.
        for (size_t i = 0; i < e->generators.size(); ++i) {
          const Comprehension& c = e->generators[i];
          symExpr(c.iter.get(), i == 0 ? scope : Scope::Comprehension, i == 0 ? compName : name);
          symExpr(c.target.get(), Scope::Comprehension, name);
          for (const ExprP& cond : c.ifs) symExpr(cond.get(), Scope::Comprehension, name);
        }
        symExpr(e->a.get(), Scope::Comprehension, name);
        symExpr(e->b.get(), Scope::Comprehension, name);
        return;
      }
      default:
        break;
    }
    symExpr(e->a.get(), scope, compName);
    symExpr(e->b.get(), scope, compName);
    symExpr(e->c.get(), scope, compName);
    for (const ExprP& x : e->items) symExpr(x.get(), scope, compName);
    for (const ExprP& x : e->values) symExpr(x.get(), scope, compName);
    for (const Keyword& k : e->keywords) symExpr(k.value.get(), scope, compName);
  }

  // -- compiler: return/break/continue placement, starred expressions, repeated keywords --

  void compBody(const Body& body, const Ctx& ctx) {
    for (const StmtP& s : body) compStmt(*s, ctx);
  }

  void checkKeywords(const std::vector<Keyword>& keywords) {
    for (size_t i = 0; i < keywords.size(); ++i) {
      if (keywords[i].name.empty()) continue;
      for (size_t j = 0; j < i; ++j) {
        if (keywords[j].name == keywords[i].name) {
          error(keywords[i].loc, "keyword argument repeated: " + keywords[i].name);
          return;
        }
      }
    }
  }

  void compArguments(const Arguments& a) {
    for (const ExprP& d : a.defaults) compExpr(d.get(), false);
    for (const ExprP& d : a.kwDefaults) compExpr(d.get(), false);
  }

  void compStmt(const Stmt& s, const Ctx& ctx) {
    if (err_) return;
    switch (s.kind) {
      case StmtKind::FunctionDef: {
        for (const ExprP& d : s.decorators) compExpr(d.get(), false);
        compArguments(*s.args);
        Ctx inner;
        inner.inFunction = true;
        compBody(s.body, inner);
        return;
      }
      case StmtKind::ClassDef: {
        for (const ExprP& d : s.decorators) compExpr(d.get(), false);
        for (const ExprP& b : s.bases) compExpr(b.get(), true);
        checkKeywords(s.keywords);
        for (const Keyword& k : s.keywords) compExpr(k.value.get(), false);
        compBody(s.body, Ctx{});
        return;
      }
      case StmtKind::Return:
        if (!ctx.inFunction) {
          error(s.loc, "'return' outside function");
          return;
        }
        compExpr(s.value.get(), false);
        return;
      case StmtKind::Break:
        if (ctx.loops == 0) error(s.loc, "'break' outside loop");
        return;
      case StmtKind::Continue:
        if (ctx.loops == 0) error(s.loc, "'continue' not properly in loop");
        return;
      case StmtKind::For:
      case StmtKind::While: {
        compExpr(s.iter.get(), false);
        compExpr(s.test.get(), false);
        compExpr(s.target.get(), false);
        Ctx loop = ctx;
        ++loop.loops;
        compBody(s.body, loop);
        compBody(s.orelse, ctx);
        return;
      }
      case StmtKind::Assign:
      case StmtKind::AugAssign:
      case StmtKind::AnnAssign:
        compExpr(s.value.get(), false);
        for (const ExprP& t : s.targets) compExpr(t.get(), false);
        compExpr(s.target.get(), false);
        return;
      default:
        break;
    }
    for (const ExprP& e : s.targets) compExpr(e.get(), false);
    compExpr(s.target.get(), false);
    compExpr(s.value.get(), false);
    compExpr(s.test.get(), false);
    compExpr(s.iter.get(), false);
    compExpr(s.cause.get(), false);
    compExpr(s.msg.get(), false);
    for (const WithItem& w : s.withItems) {
      compExpr(w.contextExpr.get(), false);
      compExpr(w.optionalVars.get(), false);
    }
    compBody(s.body, ctx);
    for (size_t i = 0; i < s.handlers.size(); ++i) {
      const ExceptHandler& h = s.handlers[i];
      if (!h.type && i + 1 < s.handlers.size()) {
        error(h.loc, "default 'except:' must be last");
        return;
      }
      compExpr(h.type.get(), false);
      compBody(h.body, ctx);
    }
    compBody(s.orelse, ctx);
    compBody(s.finalbody, ctx);
  }

  // starredOk: e is an element of a list/tuple/set display or a positional call argument.
  void compExpr(const Expr* e, bool starredOk) {
    if (!e || err_) return;
    switch (e->kind) {
      case ExprKind::Starred:
        if (!starredOk) {
          if (e->ctx == ExprCtx::Store) {
            error(e->loc, "starred assignment target must be in a list or tuple");
          } else {
            error(e->loc, "can't use starred expression here");
          }
          return;
        }
        compExpr(e->a.get(), false);
        return;
      case ExprKind::List:
      case ExprKind::Tuple:
      case ExprKind::Set: {
        if (e->ctx == ExprCtx::Store) {
          int stars = 0;
          for (const ExprP& x : e->items) stars += x->kind == ExprKind::Starred;
          if (stars > 1) {
            error(e->loc, "multiple starred expressions in assignment");
            return;
          }
        }
        for (const ExprP& x : e->items) compExpr(x.get(), true);
        return;
      }
      case ExprKind::Call:
        compExpr(e->a.get(), false);
        for (const ExprP& x : e->items) compExpr(x.get(), true);
        checkKeywords(e->keywords);
        for (const Keyword& k : e->keywords) compExpr(k.value.get(), false);
        return;
      case ExprKind::Lambda:
        compArguments(*e->args);
        compExpr(e->a.get(), false);
        return;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        for (const Comprehension& c : e->generators) {
          compExpr(c.iter.get(), false);
          compExpr(c.target.get(), false);
          for (const ExprP& cond : c.ifs) compExpr(cond.get(), false);
        }
        compExpr(e->a.get(), false);
        compExpr(e->b.get(), false);
        return;
      case ExprKind::Dict:
        for (const ExprP& x : e->items) compExpr(x.get(), false);
        for (const ExprP& x : e->values) compExpr(x.get(), false);
        return;
      default:
        break;
    }
    compExpr(e->a.get(), false);
    compExpr(e->b.get(), false);
    compExpr(e->c.get(), false);
    for (const ExprP& x : e->items) compExpr(x.get(), false);
    for (const ExprP& x : e->values) compExpr(x.get(), false);
    for (const Keyword& k : e->keywords) compExpr(k.value.get(), false);
  }
};

}  // namespace

ParseResult parseModule(std::string_view source, const std::string& filename) {
  ParseResult result;
  std::string text;
  SyntaxErrorInfo prepareError;
  if (!prepareSource(source, text, prepareError)) {
    result.error = std::move(prepareError);
    return result;
  }
  LexResult lexed = tokenizePrepared(text);
  auto fail = [&](SyntaxErrorInfo e) {
    e.sourceLine = lineText(text, e.line);
    result.error = std::move(e);
    return std::move(result);
  };

  auto module = std::make_unique<Module>();
  module->filename = filename;
  Parser parser(lexed.tokens);
  if (!parser.parseFile(*module)) {
    const std::optional<ParseError>& perr = parser.error();
    if (lexed.error) {
      // CPython 3.11 raises a tokenizer error as soon as the parser fetches the bad token.
      // After a parser error it tokenizes the rest of the file, and a tokenizer error found
      // there replaces the parser's ("'(' was never closed" only if the bracket was opened on
      // a line before the furthest token the parser had read).
      bool useLexer = parser.touchedLexError() || !perr;
      if (!useLexer && perr->overridable) {
        switch (lexed.errorKind) {
          case LexResult::ErrorKind::Raised: useLexer = true; break;
          case LexResult::ErrorKind::Deferred: break;
          case LexResult::ErrorKind::UnclosedBracket:
            useLexer = lexed.error->line < parser.furthestLine();
            break;
        }
      }
      if (useLexer) return fail(*lexed.error);
    }
    if (perr) return fail(perr->info);
    SyntaxErrorInfo e;
    e.message = "invalid syntax";
    return fail(e);
  }
  if (std::optional<SyntaxErrorInfo> e = Checker().run(*module)) return fail(*e);
  if (parser.unsupported()) {
    result.unsupported = *parser.unsupported();
    return result;
  }
  result.module = std::move(module);
  return result;
}

}  // namespace interleave::lang
