// The abstract syntax tree of the Python subset (PRODUCT.md §1), close to CPython's `ast`
// module so the compiler reads like CPython's. "Fat" nodes: one struct per family with a kind,
// which keeps the parser and compiler short. Every node carries its source location.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace interleave::lang {

struct Loc {
  int line = 0;       // 1-based
  int col = 0;        // 0-based, in characters (code points) like CPython's col_offset
  int endLine = 0;
  int endCol = 0;
};

struct Expr;
struct Stmt;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;
using Body = std::vector<StmtP>;

enum class ExprKind : uint8_t {
  Name,           // name
  Constant,       // constKind + value fields
  JoinedStr,      // f-string: items = parts (Constant str or FormattedValue)
  FormattedValue, // a = value, conversion, b = format spec (a JoinedStr) or null
  BinOp,          // a op b
  UnaryOp,        // op a
  BoolOp,         // items joined by and/or (boolOp)
  Compare,        // a, then cmpOps[i] items[i]
  Call,           // a(items..., keywords...)  items may hold Starred; keywords name "" = **
  Attribute,      // a.name
  Subscript,      // a[b]
  Slice,          // a:b:c (each may be null)
  List, Tuple, Set,  // items (may hold Starred)
  Dict,           // items = keys (null key = **value), values
  ListComp, SetComp, GeneratorExp,  // a = element, generators
  DictComp,       // a = key, b = value, generators
  Lambda,         // args, a = body
  IfExp,          // b if a else c   (a = test, b = body, c = orelse)
  Await,          // await a
  Yield,          // yield a (a may be null)
  Starred,        // *a
  NamedExpr,      // a := b   (a is a Name)
};

enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };

enum class BinOpKind : uint8_t {
  Add, Sub, Mult, MatMult, Div, FloorDiv, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd
};
enum class UnaryOpKind : uint8_t { Not, USub, UAdd, Invert };
enum class BoolOpKind : uint8_t { And, Or };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ExprCtx : uint8_t { Load, Store, Del };

struct Keyword {
  std::string name;  // empty for **kwargs
  ExprP value;
  Loc loc;
};

struct Comprehension {
  ExprP target;
  ExprP iter;
  std::vector<ExprP> ifs;
  bool isAsync = false;
};

struct Arg {
  std::string name;
  ExprP annotation;  // parsed, ignored
  Loc loc;
};

struct Arguments {
  std::vector<Arg> posonly;      // before /
  std::vector<Arg> args;         // regular
  std::vector<ExprP> defaults;   // for the last len(defaults) of posonly+args
  std::unique_ptr<Arg> vararg;   // *args
  std::vector<Arg> kwonly;
  std::vector<ExprP> kwDefaults; // same length as kwonly; null = required
  std::unique_ptr<Arg> kwarg;    // **kwargs
};

struct Expr {
  ExprKind kind = ExprKind::Name;
  Loc loc;
  ExprCtx ctx = ExprCtx::Load;
  std::string name;  // Name id, Attribute attr
  // Constant
  ConstKind constKind = ConstKind::None;
  std::string text;   // Int: the digits, without prefix or underscores, in base `intBase`;
                      // Str: the decoded UTF-8 value; Bytes: the raw bytes
  int intBase = 10;   // Int literals: 2, 8, 10 or 16
  double floatValue = 0;
  // Operators
  BinOpKind binOp = BinOpKind::Add;
  UnaryOpKind unaryOp = UnaryOpKind::Not;
  BoolOpKind boolOp = BoolOpKind::And;
  std::vector<CmpOpKind> cmpOps;
  // FormattedValue conversion: -1 none, 's', 'r', 'a'
  int conversion = -1;
  ExprP a, b, c;
  std::vector<ExprP> items;
  std::vector<ExprP> values;
  std::vector<Keyword> keywords;
  std::vector<Comprehension> generators;
  std::unique_ptr<Arguments> args;
};

enum class StmtKind : uint8_t {
  FunctionDef,   // name, args, body, decorators, isAsync
  ClassDef,      // name, bases (items), keywords, body, decorators
  Return,        // value (may be null)
  Delete,        // targets
  Assign,        // targets (a = b = value), value
  AugAssign,     // target, binOp, value
  AnnAssign,     // target, annotation (ignored), value (may be null)
  For,           // target, iter, body, orelse, isAsync
  While,         // test, body, orelse
  If,            // test, body, orelse
  With,          // withItems, body, isAsync
  Raise,         // exc (may be null), cause (may be null)
  Try,           // body, handlers, orelse, finalbody; isStar for except*
  Assert,        // test, msg
  Import,        // aliases
  ImportFrom,    // module, aliases, level
  Global,        // names
  Nonlocal,      // names
  ExprStmt,      // value
  Pass, Break, Continue,
};

struct Alias {
  std::string name;    // dotted for Import ("os.path"), "*" for from x import *
  std::string asname;  // empty if none
  Loc loc;
};

struct WithItem {
  ExprP contextExpr;
  ExprP optionalVars;  // may be null
};

struct ExceptHandler {
  ExprP type;          // may be null (bare except)
  std::string name;    // "as name", empty if none
  Body body;
  Loc loc;
};

struct Stmt {
  StmtKind kind = StmtKind::Pass;
  Loc loc;
  std::string name;  // def/class name, ImportFrom module
  std::unique_ptr<Arguments> args;
  Body body, orelse, finalbody;
  std::vector<ExprP> decorators;
  std::vector<ExprP> targets;   // Assign, Delete
  ExprP target;                 // AugAssign, AnnAssign, For
  ExprP value;                  // Return, Assign, AugAssign, AnnAssign, ExprStmt, Raise exc
  ExprP test;                   // If, While, Assert; For iter lives in `iter`
  ExprP iter;
  ExprP annotation;             // AnnAssign; FunctionDef: the return annotation `-> X` (parser)
  ExprP cause;                  // Raise ... from cause
  ExprP msg;                    // Assert message
  BinOpKind binOp = BinOpKind::Add;
  std::vector<ExprP> bases;     // ClassDef
  std::vector<Keyword> keywords;
  std::vector<WithItem> withItems;
  std::vector<ExceptHandler> handlers;
  std::vector<Alias> aliases;
  std::vector<std::string> names;  // Global, Nonlocal
  int level = 0;                   // ImportFrom relative level
  bool isAsync = false;
  bool isStar = false;             // try/except*
  bool simple = true;              // AnnAssign: target is a plain name
};

struct Module {
  Body body;
  std::string filename;
};

}  // namespace interleave::lang
