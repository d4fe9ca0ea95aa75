// The methods of the builtin types (lang/methods_*.cpp) against CPython 3.11: each test runs a
// Python program through the whole pipeline (parser, compiler, VM) and compares what it printed
// with what python3 printed for the same program (recorded below). The expressions mostly come
// from the error-message survey of str/list/dict/set/tuple/int/float/range methods: every
// argument-count, type and value error, and the corner cases of each method. Also: the unicode
// tables (lang/unicode.cpp) against a few known mappings, and sort's per-comparison cost.
#include <gtest/gtest.h>

#include <string>

#include "methods.h"
#include "runner.h"
#include "unicode.h"
#include "vm.h"

using namespace interleave::lang;

namespace {

// What the program printed on stdout (stderr appended when not empty).
std::string runPython(const std::string& source) {
  ProgramOutcome out = runProgram("methods_test.py", source, "");
  std::string text = out.stdoutText;
  if (!out.stderrText.empty()) text += "\n[stderr]\n" + out.stderrText;
  return text;
}

}  // namespace

TEST(Methods, StrFormat) {
  const char* source = R"py(try:
    r = '{'.format(1)
    print("'{'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '}'.format(1)
    print("'}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0}{}'.format(1,2)
    print("'{0}{}'.format(1,2)", '==>', repr(r))
except Exception as e:
    print("'{0}{}'.format(1,2)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}{0}'.format(1,2)
    print("'{}{0}'.format(1,2)", '==>', repr(r))
except Exception as e:
    print("'{}{0}'.format(1,2)", '==>', type(e).__name__ + ':', e)
try:
    r = '{1}'.format(1)
    print("'{1}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{1}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{a}'.format(1)
    print("'{a}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{a}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0.x}'.format(1)
    print("'{0.x}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0.x}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[1]}'.format([1])
    print("'{0[1]}'.format([1])", '==>', repr(r))
except Exception as e:
    print("'{0[1]}'.format([1])", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[a]}'.format({})
    print("'{0[a]}'.format({})", '==>', repr(r))
except Exception as e:
    print("'{0[a]}'.format({})", '==>', type(e).__name__ + ':', e)
try:
    r = '{!x}'.format(1)
    print("'{!x}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{!x}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:d}'.format('a')
    print("'{:d}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{:d}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:x}'.format(1.5)
    print("'{:x}'.format(1.5)", '==>', repr(r))
except Exception as e:
    print("'{:x}'.format(1.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:s}'.format(1)
    print("'{:s}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{:s}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:q}'.format(1)
    print("'{:q}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{:q}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:5}'.format(None)
    print("'{:5}'.format(None)", '==>', repr(r))
except Exception as e:
    print("'{:5}'.format(None)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:5}'.format([])
    print("'{:5}'.format([])", '==>', repr(r))
except Exception as e:
    print("'{:5}'.format([])", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:{1}}'.format(1, 'x')
    print("'{0:{1}}'.format(1, 'x')", '==>', repr(r))
except Exception as e:
    print("'{0:{1}}'.format(1, 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!r:}'.format(1)
    print("'{0!r:}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0!r:}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{'.format_map({})
    print("'{'.format_map({})", '==>', repr(r))
except Exception as e:
    print("'{'.format_map({})", '==>', type(e).__name__ + ':', e)
try:
    r = '{a}'.format_map({})
    print("'{a}'.format_map({})", '==>', repr(r))
except Exception as e:
    print("'{a}'.format_map({})", '==>', type(e).__name__ + ':', e)
try:
    r = '{a}'.format_map(1)
    print("'{a}'.format_map(1)", '==>', repr(r))
except Exception as e:
    print("'{a}'.format_map(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format_map({})
    print("'{}'.format_map({})", '==>', repr(r))
except Exception as e:
    print("'{}'.format_map({})", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:>{w}}'.format(1)
    print("'{0:>{w}}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0:>{w}}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:,d}'.format('a')
    print("'{:,d}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{:,d}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:}'.format()
    print("'{0:}'.format()", '==>', repr(r))
except Exception as e:
    print("'{0:}'.format()", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!}'.format(1)
    print("'{0!}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0!}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!rr}'.format(1)
    print("'{0!rr}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0!rr}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0['.format(1)
    print("'{0['.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0['.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[]}'.format(1)
    print("'{0[]}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0[]}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0.}'.format(1)
    print("'{0.}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0.}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:{:{}}}'.format(1,2,3)
    print("'{:{:{}}}'.format(1,2,3)", '==>', repr(r))
except Exception as e:
    print("'{:{:{}}}'.format(1,2,3)", '==>', type(e).__name__ + ':', e)
try:
    r = '{a.b[0]x}'.format(a=1)
    print("'{a.b[0]x}'.format(a=1)", '==>', repr(r))
except Exception as e:
    print("'{a.b[0]x}'.format(a=1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:d}'.format(1.5)
    print("'{0:d}'.format(1.5)", '==>', repr(r))
except Exception as e:
    print("'{0:d}'.format(1.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:f}'.format('a')
    print("'{0:f}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{0:f}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:.2}'.format('abc')
    print("'{0:.2}'.format('abc')", '==>', repr(r))
except Exception as e:
    print("'{0:.2}'.format('abc')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:=5}'.format('a')
    print("'{0:=5}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{0:=5}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:+}'.format('a')
    print("'{0:+}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{0:+}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:#}'.format('a')
    print("'{0:#}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{0:#}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:,}'.format('a')
    print("'{0:,}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{0:,}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:05}'.format('a')
    print("'{0:05}'.format('a')", '==>', repr(r))
except Exception as e:
    print("'{0:05}'.format('a')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:c}'.format(-1)
    print("'{0:c}'.format(-1)", '==>', repr(r))
except Exception as e:
    print("'{0:c}'.format(-1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:c}'.format(1.5)
    print("'{0:c}'.format(1.5)", '==>', repr(r))
except Exception as e:
    print("'{0:c}'.format(1.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:,c}'.format(65)
    print("'{0:,c}'.format(65)", '==>', repr(r))
except Exception as e:
    print("'{0:,c}'.format(65)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:+c}'.format(65)
    print("'{0:+c}'.format(65)", '==>', repr(r))
except Exception as e:
    print("'{0:+c}'.format(65)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:.2d}'.format(5)
    print("'{0:.2d}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:.2d}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:,x}'.format(5)
    print("'{0:,x}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:,x}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:_x}'.format(5)
    print("'{0:_x}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:_x}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:_f}'.format(5)
    print("'{0:_f}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:_f}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:,_}'.format(5)
    print("'{0:,_}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:,_}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:n}'.format(5.5)
    print("'{0:n}'.format(5.5)", '==>', repr(r))
except Exception as e:
    print("'{0:n}'.format(5.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:%}'.format(5)
    print("'{0:%}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:%}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:e}'.format(5)
    print("'{0:e}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0:e}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:5}'.format(True)
    print("'{0:5}'.format(True)", '==>', repr(r))
except Exception as e:
    print("'{0:5}'.format(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:d}'.format(True)
    print("'{0:d}'.format(True)", '==>', repr(r))
except Exception as e:
    print("'{0:d}'.format(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:5}'.format(object())
    print("'{0:5}'.format(object())", '==>', repr(r))
except Exception as e:
    print("'{0:5}'.format(object())", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!a}'.format('é')
    print("'{0!a}'.format('é')", '==>', repr(r))
except Exception as e:
    print("'{0!a}'.format('é')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!s:>5}'.format(None)
    print("'{0!s:>5}'.format(None)", '==>', repr(r))
except Exception as e:
    print("'{0!s:>5}'.format(None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.format(x=1)
    print("'a'.format(x=1)", '==>', repr(r))
except Exception as e:
    print("'a'.format(x=1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[}]}'.format({'}':1})
    print("'{0[}]}'.format({'}':1})", '==>', repr(r))
except Exception as e:
    print("'{0[}]}'.format({'}':1})", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[1}'.format({'1}':1})
    print("'{0[1}'.format({'1}':1})", '==>', repr(r))
except Exception as e:
    print("'{0[1}'.format({'1}':1})", '==>', type(e).__name__ + ':', e)
try:
    r = '{0]}'.format({})
    print("'{0]}'.format({})", '==>', repr(r))
except Exception as e:
    print("'{0]}'.format({})", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[0]x}'.format([1])
    print("'{0[0]x}'.format([1])", '==>', repr(r))
except Exception as e:
    print("'{0[0]x}'.format([1])", '==>', type(e).__name__ + ':', e)
try:
    r = '{a{}'.format(1)
    print("'{a{}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{a{}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:{}}'.format(1, 2)
    print("'{0:{}}'.format(1, 2)", '==>', repr(r))
except Exception as e:
    print("'{0:{}}'.format(1, 2)", '==>', type(e).__name__ + ':', e)
try:
    r = '{!r}'.format('x')
    print("'{!r}'.format('x')", '==>', repr(r))
except Exception as e:
    print("'{!r}'.format('x')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!r:>{1}}'.format('x', 5)
    print("'{0!r:>{1}}'.format('x', 5)", '==>', repr(r))
except Exception as e:
    print("'{0!r:>{1}}'.format('x', 5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:>{}}'.format('x', 5)
    print("'{:>{}}'.format('x', 5)", '==>', repr(r))
except Exception as e:
    print("'{:>{}}'.format('x', 5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:{1}{2}}'.format(3.14159, '.', '2f')
    print("'{0:{1}{2}}'.format(3.14159, '.', '2f')", '==>', repr(r))
except Exception as e:
    print("'{0:{1}{2}}'.format(3.14159, '.', '2f')", '==>', type(e).__name__ + ':', e)
try:
    r = '{00}'.format(1)
    print("'{00}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{00}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{-1}'.format(1)
    print("'{-1}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{-1}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{ 0}'.format(1)
    print("'{ 0}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{ 0}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0x}'.format(1)
    print("'{0x}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0x}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{99999999999999999999}'.format(1)
    print("'{99999999999999999999}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{99999999999999999999}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0.__class__}'.format(1)
    print("'{0.__class__}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0.__class__}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[0][1]}'.format([[1,2]])
    print("'{0[0][1]}'.format([[1,2]])", '==>', repr(r))
except Exception as e:
    print("'{0[0][1]}'.format([[1,2]])", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[-1]}'.format([1,2])
    print("'{0[-1]}'.format([1,2])", '==>', repr(r))
except Exception as e:
    print("'{0[-1]}'.format([1,2])", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[a b]}'.format({'a b':1})
    print("'{0[a b]}'.format({'a b':1})", '==>', repr(r))
except Exception as e:
    print("'{0[a b]}'.format({'a b':1})", '==>', type(e).__name__ + ':', e)
try:
    r = '{x!s:^9}'.format(x=None)
    print("'{x!s:^9}'.format(x=None)", '==>', repr(r))
except Exception as e:
    print("'{x!s:^9}'.format(x=None)", '==>', type(e).__name__ + ':', e)
try:
    r = '{!}'.format(1)
    print("'{!}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{!}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:}'.format(1)
    print("'{:}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{:}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format(True)
    print("'{}'.format(True)", '==>', repr(r))
except Exception as e:
    print("'{}'.format(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:}'.format(True)
    print("'{:}'.format(True)", '==>', repr(r))
except Exception as e:
    print("'{:}'.format(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:<5}'.format(True)
    print("'{:<5}'.format(True)", '==>', repr(r))
except Exception as e:
    print("'{:<5}'.format(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:%}'.format(True)
    print("'{:%}'.format(True)", '==>', repr(r))
except Exception as e:
    print("'{:%}'.format(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:{}}'.format(1,2)
    print("'{0:{}}'.format(1,2)", '==>', repr(r))
except Exception as e:
    print("'{0:{}}'.format(1,2)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:{}}'.format(1,2)
    print("'{:{}}'.format(1,2)", '==>', repr(r))
except Exception as e:
    print("'{:{}}'.format(1,2)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:{}}{}'.format(1,2,3)
    print("'{:{}}{}'.format(1,2,3)", '==>', repr(r))
except Exception as e:
    print("'{:{}}{}'.format(1,2,3)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format(10**5000)
    print("'{}'.format(10**5000)", '==>', repr(r))
except Exception as e:
    print("'{}'.format(10**5000)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:,}'.format(1234567.891)
    print("'{:,}'.format(1234567.891)", '==>', repr(r))
except Exception as e:
    print("'{:,}'.format(1234567.891)", '==>', type(e).__name__ + ':', e)
try:
    r = '%'.format(1)
    print("'%'.format(1)", '==>', repr(r))
except Exception as e:
    print("'%'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '}}'.format()
    print("'}}'.format()", '==>', repr(r))
except Exception as e:
    print("'}}'.format()", '==>', type(e).__name__ + ':', e)
try:
    r = '{{}}'.format()
    print("'{{}}'.format()", '==>', repr(r))
except Exception as e:
    print("'{{}}'.format()", '==>', type(e).__name__ + ':', e)
try:
    r = '{{{0}}}'.format(1)
    print("'{{{0}}}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{{{0}}}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a{'.format()
    print("'a{'.format()", '==>', repr(r))
except Exception as e:
    print("'a{'.format()", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!r'.format(1)
    print("'{0!r'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0!r'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0!'.format(1)
    print("'{0!'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0!'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:'.format(1)
    print("'{0:'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0:'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:x'.format(1)
    print("'{0:x'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{0:x'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:x}}'.format(1)
    print("'{:x}}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{:x}}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'x}{'.format()
    print("'x}{'.format()", '==>', repr(r))
except Exception as e:
    print("'x}{'.format()", '==>', type(e).__name__ + ':', e)
try:
    r = '{:5}'.format('日本')
    print("'{:5}'.format('日本')", '==>', repr(r))
except Exception as e:
    print("'{:5}'.format('日本')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:^7}'.format('日本')
    print("'{:^7}'.format('日本')", '==>', repr(r))
except Exception as e:
    print("'{:^7}'.format('日本')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:*^7.1}'.format('日本')
    print("'{:*^7.1}'.format('日本')", '==>', repr(r))
except Exception as e:
    print("'{:*^7.1}'.format('日本')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0}-{1}-{0}'.format('a', 'b')
    print("'{0}-{1}-{0}'.format('a', 'b')", '==>', repr(r))
except Exception as e:
    print("'{0}-{1}-{0}'.format('a', 'b')", '==>', type(e).__name__ + ':', e)
try:
    r = '{name}: {age}'.format(name='Ann', age=3)
    print("'{name}: {age}'.format(name='Ann', age=3)", '==>', repr(r))
except Exception as e:
    print("'{name}: {age}'.format(name='Ann', age=3)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0[0]} {0[1]}'.format(('x', 'y'))
    print("'{0[0]} {0[1]}'.format(('x', 'y'))", '==>', repr(r))
except Exception as e:
    print("'{0[0]} {0[1]}'.format(('x', 'y'))", '==>', type(e).__name__ + ':', e)
try:
    r = '{d[k]}'.format(d={'k': 'v'})
    print("'{d[k]}'.format(d={'k': 'v'})", '==>', repr(r))
except Exception as e:
    print("'{d[k]}'.format(d={'k': 'v'})", '==>', type(e).__name__ + ':', e)
try:
    r = '{:08.3f}'.format(3.14159)
    print("'{:08.3f}'.format(3.14159)", '==>', repr(r))
except Exception as e:
    print("'{:08.3f}'.format(3.14159)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:+d}'.format(5)
    print("'{:+d}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{:+d}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:x} {:X} {:o} {:b} {:#x}'.format(255, 255, 8, 5, 255)
    print("'{:x} {:X} {:o} {:b} {:#x}'.format(255, 255, 8, 5, 255)", '==>', repr(r))
except Exception as e:
    print("'{:x} {:X} {:o} {:b} {:#x}'.format(255, 255, 8, 5, 255)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:,}'.format(1234567)
    print("'{:,}'.format(1234567)", '==>', repr(r))
except Exception as e:
    print("'{:,}'.format(1234567)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:_}'.format(1234567)
    print("'{:_}'.format(1234567)", '==>', repr(r))
except Exception as e:
    print("'{:_}'.format(1234567)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:>10}|{:<10}|{:^10}'.format('r', 'l', 'c')
    print("'{:>10}|{:<10}|{:^10}'.format('r', 'l', 'c')", '==>', repr(r))
except Exception as e:
    print("'{:>10}|{:<10}|{:^10}'.format('r', 'l', 'c')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:*^11}'.format('mid')
    print("'{:*^11}'.format('mid')", '==>', repr(r))
except Exception as e:
    print("'{:*^11}'.format('mid')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:.3}'.format('abcdef')
    print("'{:.3}'.format('abcdef')", '==>', repr(r))
except Exception as e:
    print("'{:.3}'.format('abcdef')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:.2%}'.format(0.256)
    print("'{:.2%}'.format(0.256)", '==>', repr(r))
except Exception as e:
    print("'{:.2%}'.format(0.256)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:e}'.format(12345.678)
    print("'{:e}'.format(12345.678)", '==>', repr(r))
except Exception as e:
    print("'{:e}'.format(12345.678)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:g}'.format(0.0000123)
    print("'{:g}'.format(0.0000123)", '==>', repr(r))
except Exception as e:
    print("'{:g}'.format(0.0000123)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:.1f}'.format(2.25)
    print("'{:.1f}'.format(2.25)", '==>', repr(r))
except Exception as e:
    print("'{:.1f}'.format(2.25)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format(1.0)
    print("'{}'.format(1.0)", '==>', repr(r))
except Exception as e:
    print("'{}'.format(1.0)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format(1e16)
    print("'{}'.format(1e16)", '==>', repr(r))
except Exception as e:
    print("'{}'.format(1e16)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format(0.1)
    print("'{}'.format(0.1)", '==>', repr(r))
except Exception as e:
    print("'{}'.format(0.1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{!r}'.format('it\'s')
    print("'{!r}'.format('it\\'s')", '==>', repr(r))
except Exception as e:
    print("'{!r}'.format('it\\'s')", '==>', type(e).__name__ + ':', e)
try:
    r = '{!s}'.format([1, 'a'])
    print("'{!s}'.format([1, 'a'])", '==>', repr(r))
except Exception as e:
    print("'{!s}'.format([1, 'a'])", '==>', type(e).__name__ + ':', e)
try:
    r = '{!a}'.format('naïve')
    print("'{!a}'.format('naïve')", '==>', repr(r))
except Exception as e:
    print("'{!a}'.format('naïve')", '==>', type(e).__name__ + ':', e)
try:
    r = '{:}'.format(None)
    print("'{:}'.format(None)", '==>', repr(r))
except Exception as e:
    print("'{:}'.format(None)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format([1, 2])
    print("'{}'.format([1, 2])", '==>', repr(r))
except Exception as e:
    print("'{}'.format([1, 2])", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format({'a': 1})
    print("'{}'.format({'a': 1})", '==>', repr(r))
except Exception as e:
    print("'{}'.format({'a': 1})", '==>', type(e).__name__ + ':', e)
try:
    r = '{} {}'.format(*'ab')
    print("'{} {}'.format(*'ab')", '==>', repr(r))
except Exception as e:
    print("'{} {}'.format(*'ab')", '==>', type(e).__name__ + ':', e)
try:
    r = '{0:{1}.{2}f}'.format(3.14159, 10, 2)
    print("'{0:{1}.{2}f}'.format(3.14159, 10, 2)", '==>', repr(r))
except Exception as e:
    print("'{0:{1}.{2}f}'.format(3.14159, 10, 2)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:{w}}'.format(5, w=4)
    print("'{:{w}}'.format(5, w=4)", '==>', repr(r))
except Exception as e:
    print("'{:{w}}'.format(5, w=4)", '==>', type(e).__name__ + ':', e)
try:
    r = '{{literal}} {}'.format(1)
    print("'{{literal}} {}'.format(1)", '==>', repr(r))
except Exception as e:
    print("'{{literal}} {}'.format(1)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:c}'.format(9731)
    print("'{:c}'.format(9731)", '==>', repr(r))
except Exception as e:
    print("'{:c}'.format(9731)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:n}'.format(1234567)
    print("'{:n}'.format(1234567)", '==>', repr(r))
except Exception as e:
    print("'{:n}'.format(1234567)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:=+8d}'.format(-42)
    print("'{:=+8d}'.format(-42)", '==>', repr(r))
except Exception as e:
    print("'{:=+8d}'.format(-42)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:08,}'.format(1234)
    print("'{:08,}'.format(1234)", '==>', repr(r))
except Exception as e:
    print("'{:08,}'.format(1234)", '==>', type(e).__name__ + ':', e)
try:
    r = '{}'.format(2**70)
    print("'{}'.format(2**70)", '==>', repr(r))
except Exception as e:
    print("'{}'.format(2**70)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:,}'.format(2**70)
    print("'{:,}'.format(2**70)", '==>', repr(r))
except Exception as e:
    print("'{:,}'.format(2**70)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:x}'.format(-255)
    print("'{:x}'.format(-255)", '==>', repr(r))
except Exception as e:
    print("'{:x}'.format(-255)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:.0f}'.format(0.5)
    print("'{:.0f}'.format(0.5)", '==>', repr(r))
except Exception as e:
    print("'{:.0f}'.format(0.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:.0f}'.format(1.5)
    print("'{:.0f}'.format(1.5)", '==>', repr(r))
except Exception as e:
    print("'{:.0f}'.format(1.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:10.4}'.format(3.14159)
    print("'{:10.4}'.format(3.14159)", '==>', repr(r))
except Exception as e:
    print("'{:10.4}'.format(3.14159)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:z.1f}'.format(-0.04)
    print("'{:z.1f}'.format(-0.04)", '==>', repr(r))
except Exception as e:
    print("'{:z.1f}'.format(-0.04)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0.real}'.format(5)
    print("'{0.real}'.format(5)", '==>', repr(r))
except Exception as e:
    print("'{0.real}'.format(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{0.imag}'.format(5.5)
    print("'{0.imag}'.format(5.5)", '==>', repr(r))
except Exception as e:
    print("'{0.imag}'.format(5.5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{:{}{}}'.format(1, '>', 5)
    print("'{:{}{}}'.format(1, '>', 5)", '==>', repr(r))
except Exception as e:
    print("'{:{}{}}'.format(1, '>', 5)", '==>', type(e).__name__ + ':', e)
try:
    r = '{a}{b}'.format_map({'a': 1, 'b': 2})
    print("'{a}{b}'.format_map({'a': 1, 'b': 2})", '==>', repr(r))
except Exception as e:
    print("'{a}{b}'.format_map({'a': 1, 'b': 2})", '==>', type(e).__name__ + ':', e)
try:
    r = format(3.5, '.2f')
    print("format(3.5, '.2f')", '==>', repr(r))
except Exception as e:
    print("format(3.5, '.2f')", '==>', type(e).__name__ + ':', e)
try:
    r = format(42)
    print('format(42)', '==>', repr(r))
except Exception as e:
    print('format(42)', '==>', type(e).__name__ + ':', e)
try:
    r = format('x', '>3')
    print("format('x', '>3')", '==>', repr(r))
except Exception as e:
    print("format('x', '>3')", '==>', type(e).__name__ + ':', e)
try:
    r = format(True)
    print('format(True)', '==>', repr(r))
except Exception as e:
    print('format(True)', '==>', type(e).__name__ + ':', e)
try:
    r = format(True, 'd')
    print("format(True, 'd')", '==>', repr(r))
except Exception as e:
    print("format(True, 'd')", '==>', type(e).__name__ + ':', e)
try:
    r = format(None)
    print('format(None)', '==>', repr(r))
except Exception as e:
    print('format(None)', '==>', type(e).__name__ + ':', e)
try:
    r = format([1], '')
    print("format([1], '')", '==>', repr(r))
except Exception as e:
    print("format([1], '')", '==>', type(e).__name__ + ':', e)
try:
    r = str.format('{}', 1)
    print("str.format('{}', 1)", '==>', repr(r))
except Exception as e:
    print("str.format('{}', 1)", '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py('{'.format(1) ==> ValueError: Single '{' encountered in format string
'}'.format(1) ==> ValueError: Single '}' encountered in format string
'{0}{}'.format(1,2) ==> ValueError: cannot switch from manual field specification to automatic field numbering
'{}{0}'.format(1,2) ==> ValueError: cannot switch from automatic field numbering to manual field specification
'{1}'.format(1) ==> IndexError: Replacement index 1 out of range for positional args tuple
'{a}'.format(1) ==> KeyError: 'a'
'{0.x}'.format(1) ==> AttributeError: 'int' object has no attribute 'x'
'{0[1]}'.format([1]) ==> IndexError: list index out of range
'{0[a]}'.format({}) ==> KeyError: 'a'
'{!x}'.format(1) ==> ValueError: Unknown conversion specifier x
'{:d}'.format('a') ==> ValueError: Unknown format code 'd' for object of type 'str'
'{:x}'.format(1.5) ==> ValueError: Unknown format code 'x' for object of type 'float'
'{:s}'.format(1) ==> ValueError: Unknown format code 's' for object of type 'int'
'{:q}'.format(1) ==> ValueError: Unknown format code 'q' for object of type 'int'
'{:5}'.format(None) ==> TypeError: unsupported format string passed to NoneType.__format__
'{:5}'.format([]) ==> TypeError: unsupported format string passed to list.__format__
'{0:{1}}'.format(1, 'x') ==> '1'
'{0!r:}'.format(1) ==> '1'
'{'.format_map({}) ==> ValueError: Single '{' encountered in format string
'{a}'.format_map({}) ==> KeyError: 'a'
'{a}'.format_map(1) ==> TypeError: 'int' object is not subscriptable
'{}'.format_map({}) ==> ValueError: Format string contains positional fields
'{0:>{w}}'.format(1) ==> KeyError: 'w'
'{:,d}'.format('a') ==> ValueError: Unknown format code 'd' for object of type 'str'
'{0:}'.format() ==> IndexError: Replacement index 0 out of range for positional args tuple
'{0!}'.format(1) ==> ValueError: unmatched '{' in format spec
'{0!rr}'.format(1) ==> ValueError: expected ':' after conversion specifier
'{0['.format(1) ==> ValueError: expected '}' before end of string
'{0[]}'.format(1) ==> ValueError: Empty attribute in format string
'{0.}'.format(1) ==> ValueError: Empty attribute in format string
'{:{:{}}}'.format(1,2,3) ==> ValueError: Max string recursion exceeded
'{a.b[0]x}'.format(a=1) ==> AttributeError: 'int' object has no attribute 'b'
'{0:d}'.format(1.5) ==> ValueError: Unknown format code 'd' for object of type 'float'
'{0:f}'.format('a') ==> ValueError: Unknown format code 'f' for object of type 'str'
'{0:.2}'.format('abc') ==> 'ab'
'{0:=5}'.format('a') ==> ValueError: '=' alignment not allowed in string format specifier
'{0:+}'.format('a') ==> ValueError: Sign not allowed in string format specifier
'{0:#}'.format('a') ==> ValueError: Alternate form (#) not allowed in string format specifier
'{0:,}'.format('a') ==> ValueError: Cannot specify ',' with 's'.
'{0:05}'.format('a') ==> 'a0000'
'{0:c}'.format(-1) ==> OverflowError: %c arg not in range(0x110000)
'{0:c}'.format(1.5) ==> ValueError: Unknown format code 'c' for object of type 'float'
'{0:,c}'.format(65) ==> ValueError: Cannot specify ',' with 'c'.
'{0:+c}'.format(65) ==> ValueError: Sign not allowed with integer format specifier 'c'
'{0:.2d}'.format(5) ==> ValueError: Precision not allowed in integer format specifier
'{0:,x}'.format(5) ==> ValueError: Cannot specify ',' with 'x'.
'{0:_x}'.format(5) ==> '5'
'{0:_f}'.format(5) ==> '5.000000'
'{0:,_}'.format(5) ==> ValueError: Cannot specify both ',' and '_'.
'{0:n}'.format(5.5) ==> '5.5'
'{0:%}'.format(5) ==> '500.000000%'
'{0:e}'.format(5) ==> '5.000000e+00'
'{0:5}'.format(True) ==> '    1'
'{0:d}'.format(True) ==> '1'
'{0:5}'.format(object()) ==> TypeError: unsupported format string passed to object.__format__
'{0!a}'.format('é') ==> "'\\xe9'"
'{0!s:>5}'.format(None) ==> ' None'
'a'.format(x=1) ==> 'a'
'{0[}]}'.format({'}':1}) ==> '1'
'{0[1}'.format({'1}':1}) ==> ValueError: expected '}' before end of string
'{0]}'.format({}) ==> KeyError: '0]'
'{0[0]x}'.format([1]) ==> ValueError: Only '.' or '[' may follow ']' in format field specifier
'{a{}'.format(1) ==> ValueError: unexpected '{' in field name
'{0:{}}'.format(1, 2) ==> ValueError: cannot switch from manual field specification to automatic field numbering
'{!r}'.format('x') ==> "'x'"
'{0!r:>{1}}'.format('x', 5) ==> "  'x'"
'{:>{}}'.format('x', 5) ==> '    x'
'{0:{1}{2}}'.format(3.14159, '.', '2f') ==> '3.14'
'{00}'.format(1) ==> '1'
'{-1}'.format(1) ==> KeyError: '-1'
'{ 0}'.format(1) ==> KeyError: ' 0'
'{0x}'.format(1) ==> KeyError: '0x'
'{99999999999999999999}'.format(1) ==> ValueError: Too many decimal digits in format string
'{0.__class__}'.format(1) ==> "<class 'int'>"
'{0[0][1]}'.format([[1,2]]) ==> '2'
'{0[-1]}'.format([1,2]) ==> TypeError: list indices must be integers or slices, not str
'{0[a b]}'.format({'a b':1}) ==> '1'
'{x!s:^9}'.format(x=None) ==> '  None   '
'{!}'.format(1) ==> ValueError: unmatched '{' in format spec
'{:}'.format(1) ==> '1'
'{}'.format(True) ==> 'True'
'{:}'.format(True) ==> 'True'
'{:<5}'.format(True) ==> '1    '
'{:%}'.format(True) ==> '100.000000%'
'{0:{}}'.format(1,2) ==> ValueError: cannot switch from manual field specification to automatic field numbering
'{:{}}'.format(1,2) ==> ' 1'
'{:{}}{}'.format(1,2,3) ==> ' 13'
'{}'.format(10**5000) ==> ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
'{:,}'.format(1234567.891) ==> '1,234,567.891'
'%'.format(1) ==> '%'
'}}'.format() ==> '}'
'{{}}'.format() ==> '{}'
'{{{0}}}'.format(1) ==> '{1}'
'a{'.format() ==> ValueError: Single '{' encountered in format string
'{0!r'.format(1) ==> ValueError: unmatched '{' in format spec
'{0!'.format(1) ==> ValueError: end of string while looking for conversion specifier
'{0:'.format(1) ==> ValueError: unmatched '{' in format spec
'{0:x'.format(1) ==> ValueError: unmatched '{' in format spec
'{:x}}'.format(1) ==> ValueError: Single '}' encountered in format string
'x}{'.format() ==> ValueError: Single '}' encountered in format string
'{:5}'.format('日本') ==> '日本   '
'{:^7}'.format('日本') ==> '  日本   '
'{:*^7.1}'.format('日本') ==> '***日***'
'{0}-{1}-{0}'.format('a', 'b') ==> 'a-b-a'
'{name}: {age}'.format(name='Ann', age=3) ==> 'Ann: 3'
'{0[0]} {0[1]}'.format(('x', 'y')) ==> 'x y'
'{d[k]}'.format(d={'k': 'v'}) ==> 'v'
'{:08.3f}'.format(3.14159) ==> '0003.142'
'{:+d}'.format(5) ==> '+5'
'{:x} {:X} {:o} {:b} {:#x}'.format(255, 255, 8, 5, 255) ==> 'ff FF 10 101 0xff'
'{:,}'.format(1234567) ==> '1,234,567'
'{:_}'.format(1234567) ==> '1_234_567'
'{:>10}|{:<10}|{:^10}'.format('r', 'l', 'c') ==> '         r|l         |    c     '
'{:*^11}'.format('mid') ==> '****mid****'
'{:.3}'.format('abcdef') ==> 'abc'
'{:.2%}'.format(0.256) ==> '25.60%'
'{:e}'.format(12345.678) ==> '1.234568e+04'
'{:g}'.format(0.0000123) ==> '1.23e-05'
'{:.1f}'.format(2.25) ==> '2.2'
'{}'.format(1.0) ==> '1.0'
'{}'.format(1e16) ==> '1e+16'
'{}'.format(0.1) ==> '0.1'
'{!r}'.format('it\'s') ==> '"it\'s"'
'{!s}'.format([1, 'a']) ==> "[1, 'a']"
'{!a}'.format('naïve') ==> "'na\\xefve'"
'{:}'.format(None) ==> 'None'
'{}'.format([1, 2]) ==> '[1, 2]'
'{}'.format({'a': 1}) ==> "{'a': 1}"
'{} {}'.format(*'ab') ==> 'a b'
'{0:{1}.{2}f}'.format(3.14159, 10, 2) ==> '      3.14'
'{:{w}}'.format(5, w=4) ==> '   5'
'{{literal}} {}'.format(1) ==> '{literal} 1'
'{:c}'.format(9731) ==> '☃'
'{:n}'.format(1234567) ==> '1234567'
'{:=+8d}'.format(-42) ==> '-     42'
'{:08,}'.format(1234) ==> '0,001,234'
'{}'.format(2**70) ==> '1180591620717411303424'
'{:,}'.format(2**70) ==> '1,180,591,620,717,411,303,424'
'{:x}'.format(-255) ==> '-ff'
'{:.0f}'.format(0.5) ==> '0'
'{:.0f}'.format(1.5) ==> '2'
'{:10.4}'.format(3.14159) ==> '     3.142'
'{:z.1f}'.format(-0.04) ==> '0.0'
'{0.real}'.format(5) ==> '5'
'{0.imag}'.format(5.5) ==> '0.0'
'{:{}{}}'.format(1, '>', 5) ==> '    1'
'{a}{b}'.format_map({'a': 1, 'b': 2}) ==> '12'
format(3.5, '.2f') ==> '3.50'
format(42) ==> '42'
format('x', '>3') ==> '  x'
format(True) ==> 'True'
format(True, 'd') ==> '1'
format(None) ==> 'None'
format([1], '') ==> '[1]'
str.format('{}', 1) ==> '1'
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, StrSplitJoin) {
  const char* source = R"py(try:
    r = 'a'.split(1,2,3)
    print("'a'.split(1,2,3)", '==>', repr(r))
except Exception as e:
    print("'a'.split(1,2,3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.split(x=1)
    print("'a'.split(x=1)", '==>', repr(r))
except Exception as e:
    print("'a'.split(x=1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.split(1)
    print("'a'.split(1)", '==>', repr(r))
except Exception as e:
    print("'a'.split(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.split('')
    print("'a'.split('')", '==>', repr(r))
except Exception as e:
    print("'a'.split('')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.split(None, 'x')
    print("'a'.split(None, 'x')", '==>', repr(r))
except Exception as e:
    print("'a'.split(None, 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.join([1])
    print("'a'.join([1])", '==>', repr(r))
except Exception as e:
    print("'a'.join([1])", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.join(1)
    print("'a'.join(1)", '==>', repr(r))
except Exception as e:
    print("'a'.join(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.join(['a', 2])
    print("'a'.join(['a', 2])", '==>', repr(r))
except Exception as e:
    print("'a'.join(['a', 2])", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.partition('')
    print("'abc'.partition('')", '==>', repr(r))
except Exception as e:
    print("'abc'.partition('')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.partition(1)
    print("'abc'.partition(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.partition(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.splitlines(1,2)
    print("'abc'.splitlines(1,2)", '==>', repr(r))
except Exception as e:
    print("'abc'.splitlines(1,2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.split(maxsplit='x')
    print("'abc'.split(maxsplit='x')", '==>', repr(r))
except Exception as e:
    print("'abc'.split(maxsplit='x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.rsplit(sep=1)
    print("'abc'.rsplit(sep=1)", '==>', repr(r))
except Exception as e:
    print("'abc'.rsplit(sep=1)", '==>', type(e).__name__ + ':', e)
try:
    r = set().isdisjoint(1)
    print('set().isdisjoint(1)', '==>', repr(r))
except Exception as e:
    print('set().isdisjoint(1)', '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.split(None, None)
    print("'ab'.split(None, None)", '==>', repr(r))
except Exception as e:
    print("'ab'.split(None, None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.split(maxsplit=None)
    print("'ab'.split(maxsplit=None)", '==>', repr(r))
except Exception as e:
    print("'ab'.split(maxsplit=None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.splitlines(keepends=None)
    print("'ab'.splitlines(keepends=None)", '==>', repr(r))
except Exception as e:
    print("'ab'.splitlines(keepends=None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.splitlines(keepends='x')
    print("'ab'.splitlines(keepends='x')", '==>', repr(r))
except Exception as e:
    print("'ab'.splitlines(keepends='x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.split(',', sep=',')
    print("'a'.split(',', sep=',')", '==>', repr(r))
except Exception as e:
    print("'a'.split(',', sep=',')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.splitlines(True, keepends=True)
    print("'a'.splitlines(True, keepends=True)", '==>', repr(r))
except Exception as e:
    print("'a'.splitlines(True, keepends=True)", '==>', type(e).__name__ + ':', e)
try:
    r = '  a b  '.split()
    print("'  a b  '.split()", '==>', repr(r))
except Exception as e:
    print("'  a b  '.split()", '==>', type(e).__name__ + ':', e)
try:
    r = '  a b  '.split(None, 1)
    print("'  a b  '.split(None, 1)", '==>', repr(r))
except Exception as e:
    print("'  a b  '.split(None, 1)", '==>', type(e).__name__ + ':', e)
try:
    r = '  a b  '.rsplit(None, 1)
    print("'  a b  '.rsplit(None, 1)", '==>', repr(r))
except Exception as e:
    print("'  a b  '.rsplit(None, 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a,b,,c'.split(',', 2)
    print("'a,b,,c'.split(',', 2)", '==>', repr(r))
except Exception as e:
    print("'a,b,,c'.split(',', 2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a,b,,c'.rsplit(',', 2)
    print("'a,b,,c'.rsplit(',', 2)", '==>', repr(r))
except Exception as e:
    print("'a,b,,c'.rsplit(',', 2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a,b,,c'.split(',', 0)
    print("'a,b,,c'.split(',', 0)", '==>', repr(r))
except Exception as e:
    print("'a,b,,c'.split(',', 0)", '==>', type(e).__name__ + ':', e)
try:
    r = '  a b  '.split(None, 0)
    print("'  a b  '.split(None, 0)", '==>', repr(r))
except Exception as e:
    print("'  a b  '.split(None, 0)", '==>', type(e).__name__ + ':', e)
try:
    r = '  a b  '.rsplit(None, 0)
    print("'  a b  '.rsplit(None, 0)", '==>', repr(r))
except Exception as e:
    print("'  a b  '.rsplit(None, 0)", '==>', type(e).__name__ + ':', e)
try:
    r = ''.split()
    print("''.split()", '==>', repr(r))
except Exception as e:
    print("''.split()", '==>', type(e).__name__ + ':', e)
try:
    r = ''.split(',')
    print("''.split(',')", '==>', repr(r))
except Exception as e:
    print("''.split(',')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a\nb\r\nc\rd\x0be\x1cf\x85g\u2028h'.splitlines()
    print("'a\\nb\\r\\nc\\rd\\x0be\\x1cf\\x85g\\u2028h'.splitlines()", '==>', repr(r))
except Exception as e:
    print("'a\\nb\\r\\nc\\rd\\x0be\\x1cf\\x85g\\u2028h'.splitlines()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a\nb\r\n'.splitlines(True)
    print("'a\\nb\\r\\n'.splitlines(True)", '==>', repr(r))
except Exception as e:
    print("'a\\nb\\r\\n'.splitlines(True)", '==>', type(e).__name__ + ':', e)
try:
    r = '\n'.splitlines()
    print("'\\n'.splitlines()", '==>', repr(r))
except Exception as e:
    print("'\\n'.splitlines()", '==>', type(e).__name__ + ':', e)
try:
    r = ''.splitlines()
    print("''.splitlines()", '==>', repr(r))
except Exception as e:
    print("''.splitlines()", '==>', type(e).__name__ + ':', e)
try:
    r = 'x'.join(['a'])
    print("'x'.join(['a'])", '==>', repr(r))
except Exception as e:
    print("'x'.join(['a'])", '==>', type(e).__name__ + ':', e)
try:
    r = ','.join('abc')
    print("','.join('abc')", '==>', repr(r))
except Exception as e:
    print("','.join('abc')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.partition('b')
    print("'abc'.partition('b')", '==>', repr(r))
except Exception as e:
    print("'abc'.partition('b')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.partition('x')
    print("'abc'.partition('x')", '==>', repr(r))
except Exception as e:
    print("'abc'.partition('x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.rpartition('x')
    print("'abc'.rpartition('x')", '==>', repr(r))
except Exception as e:
    print("'abc'.rpartition('x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcb'.rpartition('b')
    print("'abcb'.rpartition('b')", '==>', repr(r))
except Exception as e:
    print("'abcb'.rpartition('b')", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.split('l')
    print("'héllo'.split('l')", '==>', repr(r))
except Exception as e:
    print("'héllo'.split('l')", '==>', type(e).__name__ + ':', e)
try:
    r = '   '.split(' ')
    print("'   '.split(' ')", '==>', repr(r))
except Exception as e:
    print("'   '.split(' ')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a  b'.split(' ')
    print("'a  b'.split(' ')", '==>', repr(r))
except Exception as e:
    print("'a  b'.split(' ')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a b c d'.split(' ', 2)
    print("'a b c d'.split(' ', 2)", '==>', repr(r))
except Exception as e:
    print("'a b c d'.split(' ', 2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a b c d'.rsplit(' ', 2)
    print("'a b c d'.rsplit(' ', 2)", '==>', repr(r))
except Exception as e:
    print("'a b c d'.rsplit(' ', 2)", '==>', type(e).__name__ + ':', e)
try:
    r = ' a b c '.rsplit(None, 1)
    print("' a b c '.rsplit(None, 1)", '==>', repr(r))
except Exception as e:
    print("' a b c '.rsplit(None, 1)", '==>', type(e).__name__ + ':', e)
try:
    r = '\u3000a\u3000b'.split()
    print("'\\u3000a\\u3000b'.split()", '==>', repr(r))
except Exception as e:
    print("'\\u3000a\\u3000b'.split()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a\u2028b'.splitlines(True)
    print("'a\\u2028b'.splitlines(True)", '==>', repr(r))
except Exception as e:
    print("'a\\u2028b'.splitlines(True)", '==>', type(e).__name__ + ':', e)
try:
    r = 'x\r\ny\rz\n'.splitlines()
    print("'x\\r\\ny\\rz\\n'.splitlines()", '==>', repr(r))
except Exception as e:
    print("'x\\r\\ny\\rz\\n'.splitlines()", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語テキスト'.split('語')
    print("'日本語テキスト'.split('語')", '==>', repr(r))
except Exception as e:
    print("'日本語テキスト'.split('語')", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語テキスト'.partition('語')
    print("'日本語テキスト'.partition('語')", '==>', repr(r))
except Exception as e:
    print("'日本語テキスト'.partition('語')", '==>', type(e).__name__ + ':', e)
try:
    r = 'x'.join([])
    print("'x'.join([])", '==>', repr(r))
except Exception as e:
    print("'x'.join([])", '==>', type(e).__name__ + ':', e)
try:
    r = 'x'.join(['a', 'b', 'c'])
    print("'x'.join(['a', 'b', 'c'])", '==>', repr(r))
except Exception as e:
    print("'x'.join(['a', 'b', 'c'])", '==>', type(e).__name__ + ':', e)
try:
    r = '-'.join(map(str, range(5)))
    print("'-'.join(map(str, range(5)))", '==>', repr(r))
except Exception as e:
    print("'-'.join(map(str, range(5)))", '==>', type(e).__name__ + ':', e)
try:
    r = '-'.join(x for x in 'abc')
    print("'-'.join(x for x in 'abc')", '==>', repr(r))
except Exception as e:
    print("'-'.join(x for x in 'abc')", '==>', type(e).__name__ + ':', e)
try:
    r = ', '.join({'k1': 1, 'k2': 2})
    print("', '.join({'k1': 1, 'k2': 2})", '==>', repr(r))
except Exception as e:
    print("', '.join({'k1': 1, 'k2': 2})", '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.isdisjoint([3, 4])
    print('{1, 2}.isdisjoint([3, 4])', '==>', repr(r))
except Exception as e:
    print('{1, 2}.isdisjoint([3, 4])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.isdisjoint({2})
    print('{1, 2}.isdisjoint({2})', '==>', repr(r))
except Exception as e:
    print('{1, 2}.isdisjoint({2})', '==>', type(e).__name__ + ':', e)
try:
    r = str.join('-', 'ab')
    print("str.join('-', 'ab')", '==>', repr(r))
except Exception as e:
    print("str.join('-', 'ab')", '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py('a'.split(1,2,3) ==> TypeError: split() takes at most 2 arguments (3 given)
'a'.split(x=1) ==> TypeError: 'x' is an invalid keyword argument for split()
'a'.split(1) ==> TypeError: must be str or None, not int
'a'.split('') ==> ValueError: empty separator
'a'.split(None, 'x') ==> TypeError: 'str' object cannot be interpreted as an integer
'a'.join([1]) ==> TypeError: sequence item 0: expected str instance, int found
'a'.join(1) ==> TypeError: can only join an iterable
'a'.join(['a', 2]) ==> TypeError: sequence item 1: expected str instance, int found
'abc'.partition('') ==> ValueError: empty separator
'abc'.partition(1) ==> TypeError: must be str, not int
'abc'.splitlines(1,2) ==> TypeError: splitlines() takes at most 1 argument (2 given)
'abc'.split(maxsplit='x') ==> TypeError: 'str' object cannot be interpreted as an integer
'abc'.rsplit(sep=1) ==> TypeError: must be str or None, not int
set().isdisjoint(1) ==> TypeError: 'int' object is not iterable
'ab'.split(None, None) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
'ab'.split(maxsplit=None) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
'ab'.splitlines(keepends=None) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
'ab'.splitlines(keepends='x') ==> TypeError: 'str' object cannot be interpreted as an integer
'a'.split(',', sep=',') ==> TypeError: argument for split() given by name ('sep') and position (1)
'a'.splitlines(True, keepends=True) ==> TypeError: splitlines() takes at most 1 argument (2 given)
'  a b  '.split() ==> ['a', 'b']
'  a b  '.split(None, 1) ==> ['a', 'b  ']
'  a b  '.rsplit(None, 1) ==> ['  a', 'b']
'a,b,,c'.split(',', 2) ==> ['a', 'b', ',c']
'a,b,,c'.rsplit(',', 2) ==> ['a,b', '', 'c']
'a,b,,c'.split(',', 0) ==> ['a,b,,c']
'  a b  '.split(None, 0) ==> ['a b  ']
'  a b  '.rsplit(None, 0) ==> ['  a b']
''.split() ==> []
''.split(',') ==> ['']
'a\nb\r\nc\rd\x0be\x1cf\x85g\u2028h'.splitlines() ==> ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
'a\nb\r\n'.splitlines(True) ==> ['a\n', 'b\r\n']
'\n'.splitlines() ==> ['']
''.splitlines() ==> []
'x'.join(['a']) ==> 'a'
','.join('abc') ==> 'a,b,c'
'abc'.partition('b') ==> ('a', 'b', 'c')
'abc'.partition('x') ==> ('abc', '', '')
'abc'.rpartition('x') ==> ('', '', 'abc')
'abcb'.rpartition('b') ==> ('abc', 'b', '')
'héllo'.split('l') ==> ['hé', '', 'o']
'   '.split(' ') ==> ['', '', '', '']
'a  b'.split(' ') ==> ['a', '', 'b']
'a b c d'.split(' ', 2) ==> ['a', 'b', 'c d']
'a b c d'.rsplit(' ', 2) ==> ['a b', 'c', 'd']
' a b c '.rsplit(None, 1) ==> [' a b', 'c']
'\u3000a\u3000b'.split() ==> ['a', 'b']
'a\u2028b'.splitlines(True) ==> ['a\u2028', 'b']
'x\r\ny\rz\n'.splitlines() ==> ['x', 'y', 'z']
'日本語テキスト'.split('語') ==> ['日本', 'テキスト']
'日本語テキスト'.partition('語') ==> ('日本', '語', 'テキスト')
'x'.join([]) ==> ''
'x'.join(['a', 'b', 'c']) ==> 'axbxc'
'-'.join(map(str, range(5))) ==> '0-1-2-3-4'
'-'.join(x for x in 'abc') ==> 'a-b-c'
', '.join({'k1': 1, 'k2': 2}) ==> 'k1, k2'
{1, 2}.isdisjoint([3, 4]) ==> True
{1, 2}.isdisjoint({2}) ==> False
str.join('-', 'ab') ==> 'a-b'
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, StrSearch) {
  const char* source = R"py(try:
    r = 'a'.find()
    print("'a'.find()", '==>', repr(r))
except Exception as e:
    print("'a'.find()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.find(1)
    print("'a'.find(1)", '==>', repr(r))
except Exception as e:
    print("'a'.find(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.find('a', 'x')
    print("'a'.find('a', 'x')", '==>', repr(r))
except Exception as e:
    print("'a'.find('a', 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.find('a', 1, 2, 3)
    print("'a'.find('a', 1, 2, 3)", '==>', repr(r))
except Exception as e:
    print("'a'.find('a', 1, 2, 3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.index('z')
    print("'abc'.index('z')", '==>', repr(r))
except Exception as e:
    print("'abc'.index('z')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.rindex('z')
    print("'abc'.rindex('z')", '==>', repr(r))
except Exception as e:
    print("'abc'.rindex('z')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.startswith(1)
    print("'abc'.startswith(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.startswith(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.startswith((1,))
    print("'abc'.startswith((1,))", '==>', repr(r))
except Exception as e:
    print("'abc'.startswith((1,))", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.endswith(1)
    print("'abc'.endswith(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.endswith(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.count()
    print("'abc'.count()", '==>', repr(r))
except Exception as e:
    print("'abc'.count()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.startswith()
    print("'a'.startswith()", '==>', repr(r))
except Exception as e:
    print("'a'.startswith()", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.count('a', 'x')
    print("'abc'.count('a', 'x')", '==>', repr(r))
except Exception as e:
    print("'abc'.count('a', 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.index('a', None, 'x')
    print("'abc'.index('a', None, 'x')", '==>', repr(r))
except Exception as e:
    print("'abc'.index('a', None, 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = '%s' .count(None)
    print("'%s' .count(None)", '==>', repr(r))
except Exception as e:
    print("'%s' .count(None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.find(None)
    print("'ab'.find(None)", '==>', repr(r))
except Exception as e:
    print("'ab'.find(None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.find('a', x=1)
    print("'a'.find('a', x=1)", '==>', repr(r))
except Exception as e:
    print("'a'.find('a', x=1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.startswith('a', x=1)
    print("'a'.startswith('a', x=1)", '==>', repr(r))
except Exception as e:
    print("'a'.startswith('a', x=1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.find('', 3)
    print("'abc'.find('', 3)", '==>', repr(r))
except Exception as e:
    print("'abc'.find('', 3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.find('', 4)
    print("'abc'.find('', 4)", '==>', repr(r))
except Exception as e:
    print("'abc'.find('', 4)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.rfind('')
    print("'abc'.rfind('')", '==>', repr(r))
except Exception as e:
    print("'abc'.rfind('')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.count('', 1)
    print("'abc'.count('', 1)", '==>', repr(r))
except Exception as e:
    print("'abc'.count('', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.count('', 4)
    print("'abc'.count('', 4)", '==>', repr(r))
except Exception as e:
    print("'abc'.count('', 4)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.count('', 2, 1)
    print("'abc'.count('', 2, 1)", '==>', repr(r))
except Exception as e:
    print("'abc'.count('', 2, 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcabc'.rfind('bc', 0, 5)
    print("'abcabc'.rfind('bc', 0, 5)", '==>', repr(r))
except Exception as e:
    print("'abcabc'.rfind('bc', 0, 5)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcabc'.find('bc', -3)
    print("'abcabc'.find('bc', -3)", '==>', repr(r))
except Exception as e:
    print("'abcabc'.find('bc', -3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcabc'.rindex('bc', -10, -1)
    print("'abcabc'.rindex('bc', -10, -1)", '==>', repr(r))
except Exception as e:
    print("'abcabc'.rindex('bc', -10, -1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.startswith(('x', 'a'))
    print("'abc'.startswith(('x', 'a'))", '==>', repr(r))
except Exception as e:
    print("'abc'.startswith(('x', 'a'))", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.startswith('b', 1)
    print("'abc'.startswith('b', 1)", '==>', repr(r))
except Exception as e:
    print("'abc'.startswith('b', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.startswith('', 3)
    print("'abc'.startswith('', 3)", '==>', repr(r))
except Exception as e:
    print("'abc'.startswith('', 3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.startswith('', 4)
    print("'abc'.startswith('', 4)", '==>', repr(r))
except Exception as e:
    print("'abc'.startswith('', 4)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.endswith('bc', 0, 3)
    print("'abc'.endswith('bc', 0, 3)", '==>', repr(r))
except Exception as e:
    print("'abc'.endswith('bc', 0, 3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.endswith('ab', 0, -1)
    print("'abc'.endswith('ab', 0, -1)", '==>', repr(r))
except Exception as e:
    print("'abc'.endswith('ab', 0, -1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.endswith(())
    print("'abc'.endswith(())", '==>', repr(r))
except Exception as e:
    print("'abc'.endswith(())", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.find('l')
    print("'héllo'.find('l')", '==>', repr(r))
except Exception as e:
    print("'héllo'.find('l')", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.index('o')
    print("'héllo'.index('o')", '==>', repr(r))
except Exception as e:
    print("'héllo'.index('o')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.find('c', 0, 2)
    print("'abc'.find('c', 0, 2)", '==>', repr(r))
except Exception as e:
    print("'abc'.find('c', 0, 2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.find('c', 0, 3)
    print("'abc'.find('c', 0, 3)", '==>', repr(r))
except Exception as e:
    print("'abc'.find('c', 0, 3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaaa'.count('aa')
    print("'aaaa'.count('aa')", '==>', repr(r))
except Exception as e:
    print("'aaaa'.count('aa')", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaaa'.rfind('aa')
    print("'aaaa'.rfind('aa')", '==>', repr(r))
except Exception as e:
    print("'aaaa'.rfind('aa')", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo wörld'.rfind('ö')
    print("'héllo wörld'.rfind('ö')", '==>', repr(r))
except Exception as e:
    print("'héllo wörld'.rfind('ö')", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo wörld'.count('l', 3)
    print("'héllo wörld'.count('l', 3)", '==>', repr(r))
except Exception as e:
    print("'héllo wörld'.count('l', 3)", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo wörld'.index('w', 2, 8)
    print("'héllo wörld'.index('w', 2, 8)", '==>', repr(r))
except Exception as e:
    print("'héllo wörld'.index('w', 2, 8)", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.startswith('él', 1)
    print("'héllo'.startswith('él', 1)", '==>', repr(r))
except Exception as e:
    print("'héllo'.startswith('él', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.endswith('l', 0, 4)
    print("'héllo'.endswith('l', 0, 4)", '==>', repr(r))
except Exception as e:
    print("'héllo'.endswith('l', 0, 4)", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語テキスト'.find('テ')
    print("'日本語テキスト'.find('テ')", '==>', repr(r))
except Exception as e:
    print("'日本語テキスト'.find('テ')", '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py('a'.find() ==> TypeError: find() takes at least 1 argument (0 given)
'a'.find(1) ==> TypeError: must be str, not int
'a'.find('a', 'x') ==> TypeError: slice indices must be integers or None or have an __index__ method
'a'.find('a', 1, 2, 3) ==> TypeError: find() takes at most 3 arguments (4 given)
'abc'.index('z') ==> ValueError: substring not found
'abc'.rindex('z') ==> ValueError: substring not found
'abc'.startswith(1) ==> TypeError: startswith first arg must be str or a tuple of str, not int
'abc'.startswith((1,)) ==> TypeError: tuple for startswith must only contain str, not int
'abc'.endswith(1) ==> TypeError: endswith first arg must be str or a tuple of str, not int
'abc'.count() ==> TypeError: count() takes at least 1 argument (0 given)
'a'.startswith() ==> TypeError: startswith() takes at least 1 argument (0 given)
'abc'.count('a', 'x') ==> TypeError: slice indices must be integers or None or have an __index__ method
'abc'.index('a', None, 'x') ==> TypeError: slice indices must be integers or None or have an __index__ method
'%s' .count(None) ==> TypeError: must be str, not NoneType
'ab'.find(None) ==> TypeError: must be str, not NoneType
'a'.find('a', x=1) ==> TypeError: str.find() takes no keyword arguments
'a'.startswith('a', x=1) ==> TypeError: str.startswith() takes no keyword arguments
'abc'.find('', 3) ==> 3
'abc'.find('', 4) ==> -1
'abc'.rfind('') ==> 3
'abc'.count('', 1) ==> 3
'abc'.count('', 4) ==> 0
'abc'.count('', 2, 1) ==> 0
'abcabc'.rfind('bc', 0, 5) ==> 1
'abcabc'.find('bc', -3) ==> 4
'abcabc'.rindex('bc', -10, -1) ==> 1
'abc'.startswith(('x', 'a')) ==> True
'abc'.startswith('b', 1) ==> True
'abc'.startswith('', 3) ==> True
'abc'.startswith('', 4) ==> False
'abc'.endswith('bc', 0, 3) ==> True
'abc'.endswith('ab', 0, -1) ==> True
'abc'.endswith(()) ==> False
'héllo'.find('l') ==> 2
'héllo'.index('o') ==> 4
'abc'.find('c', 0, 2) ==> -1
'abc'.find('c', 0, 3) ==> 2
'aaaa'.count('aa') ==> 2
'aaaa'.rfind('aa') ==> 2
'héllo wörld'.rfind('ö') ==> 7
'héllo wörld'.count('l', 3) ==> 2
'héllo wörld'.index('w', 2, 8) ==> 6
'héllo'.startswith('él', 1) ==> True
'héllo'.endswith('l', 0, 4) ==> True
'日本語テキスト'.find('テ') ==> 3
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, StrCase) {
  const char* source = R"py(try:
    r = 'a'.upper(1)
    print("'a'.upper(1)", '==>', repr(r))
except Exception as e:
    print("'a'.upper(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.title(1)
    print("'abc'.title(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.title(1)", '==>', type(e).__name__ + ':', e)
try:
    r = str.upper()
    print('str.upper()', '==>', repr(r))
except Exception as e:
    print('str.upper()', '==>', type(e).__name__ + ':', e)
try:
    r = str.upper(1)
    print('str.upper(1)', '==>', repr(r))
except Exception as e:
    print('str.upper(1)', '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.isdigit(1)
    print("'abc'.isdigit(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.isdigit(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.isidentifier(1)
    print("'abc'.isidentifier(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.isidentifier(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.casefold(1)
    print("'ab'.casefold(1)", '==>', repr(r))
except Exception as e:
    print("'ab'.casefold(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.upper(x=1)
    print("'a'.upper(x=1)", '==>', repr(r))
except Exception as e:
    print("'a'.upper(x=1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ǆa'.capitalize()
    print("'ǆa'.capitalize()", '==>', repr(r))
except Exception as e:
    print("'ǆa'.capitalize()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ǆa'.title()
    print("'ǆa'.title()", '==>', repr(r))
except Exception as e:
    print("'ǆa'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ΑΣ'.lower()
    print("'ΑΣ'.lower()", '==>', repr(r))
except Exception as e:
    print("'ΑΣ'.lower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ΑΣ b'.swapcase()
    print("'ΑΣ b'.swapcase()", '==>', repr(r))
except Exception as e:
    print("'ΑΣ b'.swapcase()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ß'.upper()
    print("'ß'.upper()", '==>', repr(r))
except Exception as e:
    print("'ß'.upper()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ŉ'.capitalize()
    print("'ŉ'.capitalize()", '==>', repr(r))
except Exception as e:
    print("'ŉ'.capitalize()", '==>', type(e).__name__ + ':', e)
try:
    r = 'İ'.lower()
    print("'İ'.lower()", '==>', repr(r))
except Exception as e:
    print("'İ'.lower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.isidentifier()
    print("'a'.isidentifier()", '==>', repr(r))
except Exception as e:
    print("'a'.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = '1a'.isidentifier()
    print("'1a'.isidentifier()", '==>', repr(r))
except Exception as e:
    print("'1a'.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = '_'.isidentifier()
    print("'_'.isidentifier()", '==>', repr(r))
except Exception as e:
    print("'_'.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = ''.isidentifier()
    print("''.isidentifier()", '==>', repr(r))
except Exception as e:
    print("''.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Hello World'.istitle()
    print("'Hello World'.istitle()", '==>', repr(r))
except Exception as e:
    print("'Hello World'.istitle()", '==>', type(e).__name__ + ':', e)
try:
    r = 'hello'.istitle()
    print("'hello'.istitle()", '==>', repr(r))
except Exception as e:
    print("'hello'.istitle()", '==>', type(e).__name__ + ':', e)
try:
    r = 'HELLO'.isupper()
    print("'HELLO'.isupper()", '==>', repr(r))
except Exception as e:
    print("'HELLO'.isupper()", '==>', type(e).__name__ + ':', e)
try:
    r = 'HELLO1'.isupper()
    print("'HELLO1'.isupper()", '==>', repr(r))
except Exception as e:
    print("'HELLO1'.isupper()", '==>', type(e).__name__ + ':', e)
try:
    r = '1'.isupper()
    print("'1'.isupper()", '==>', repr(r))
except Exception as e:
    print("'1'.isupper()", '==>', type(e).__name__ + ':', e)
try:
    r = 'hello world'.title()
    print("'hello world'.title()", '==>', repr(r))
except Exception as e:
    print("'hello world'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = "they're bill's".title()
    print('"they\'re bill\'s".title()', '==>', repr(r))
except Exception as e:
    print('"they\'re bill\'s".title()', '==>', type(e).__name__ + ':', e)
try:
    r = 'hello world'.capitalize()
    print("'hello world'.capitalize()", '==>', repr(r))
except Exception as e:
    print("'hello world'.capitalize()", '==>', type(e).__name__ + ':', e)
try:
    r = 'HELLO'.capitalize()
    print("'HELLO'.capitalize()", '==>', repr(r))
except Exception as e:
    print("'HELLO'.capitalize()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab12'.isalnum()
    print("'ab12'.isalnum()", '==>', repr(r))
except Exception as e:
    print("'ab12'.isalnum()", '==>', type(e).__name__ + ':', e)
try:
    r = ''.isalnum()
    print("''.isalnum()", '==>', repr(r))
except Exception as e:
    print("''.isalnum()", '==>', type(e).__name__ + ':', e)
try:
    r = '½'.isnumeric()
    print("'½'.isnumeric()", '==>', repr(r))
except Exception as e:
    print("'½'.isnumeric()", '==>', type(e).__name__ + ':', e)
try:
    r = '½'.isdigit()
    print("'½'.isdigit()", '==>', repr(r))
except Exception as e:
    print("'½'.isdigit()", '==>', type(e).__name__ + ':', e)
try:
    r = '²'.isdigit()
    print("'²'.isdigit()", '==>', repr(r))
except Exception as e:
    print("'²'.isdigit()", '==>', type(e).__name__ + ':', e)
try:
    r = '²'.isdecimal()
    print("'²'.isdecimal()", '==>', repr(r))
except Exception as e:
    print("'²'.isdecimal()", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo wörld'.upper()
    print("'héllo wörld'.upper()", '==>', repr(r))
except Exception as e:
    print("'héllo wörld'.upper()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ǅ'.istitle()
    print("'ǅ'.istitle()", '==>', repr(r))
except Exception as e:
    print("'ǅ'.istitle()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ﬁ'.upper()
    print("'ﬁ'.upper()", '==>', repr(r))
except Exception as e:
    print("'ﬁ'.upper()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ﬁ'.title()
    print("'ﬁ'.title()", '==>', repr(r))
except Exception as e:
    print("'ﬁ'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ﬃx'.capitalize()
    print("'ﬃx'.capitalize()", '==>', repr(r))
except Exception as e:
    print("'ﬃx'.capitalize()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Straße'.casefold()
    print("'Straße'.casefold()", '==>', repr(r))
except Exception as e:
    print("'Straße'.casefold()", '==>', type(e).__name__ + ':', e)
try:
    r = 'aBc'.swapcase()
    print("'aBc'.swapcase()", '==>', repr(r))
except Exception as e:
    print("'aBc'.swapcase()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Σ'.lower()
    print("'Σ'.lower()", '==>', repr(r))
except Exception as e:
    print("'Σ'.lower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ΑΣ Σ ΑΣΑ'.lower()
    print("'ΑΣ Σ ΑΣΑ'.lower()", '==>', repr(r))
except Exception as e:
    print("'ΑΣ Σ ΑΣΑ'.lower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Ἀ'.title()
    print("'Ἀ'.title()", '==>', repr(r))
except Exception as e:
    print("'Ἀ'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ß'.title()
    print("'ß'.title()", '==>', repr(r))
except Exception as e:
    print("'ß'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ﬁsh'.title()
    print("'ﬁsh'.title()", '==>', repr(r))
except Exception as e:
    print("'ﬁsh'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'hello WORLD 123 x1y'.title()
    print("'hello WORLD 123 x1y'.title()", '==>', repr(r))
except Exception as e:
    print("'hello WORLD 123 x1y'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a.b-c_d'.title()
    print("'a.b-c_d'.title()", '==>', repr(r))
except Exception as e:
    print("'a.b-c_d'.title()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ǈ'.swapcase()
    print("'ǈ'.swapcase()", '==>', repr(r))
except Exception as e:
    print("'ǈ'.swapcase()", '==>', type(e).__name__ + ':', e)
try:
    r = 'İstanbul'.lower()
    print("'İstanbul'.lower()", '==>', repr(r))
except Exception as e:
    print("'İstanbul'.lower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ΑΣ'.casefold()
    print("'ΑΣ'.casefold()", '==>', repr(r))
except Exception as e:
    print("'ΑΣ'.casefold()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ﬀ'.casefold()
    print("'ﬀ'.casefold()", '==>', repr(r))
except Exception as e:
    print("'ﬀ'.casefold()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Ⅻ'.isnumeric()
    print("'Ⅻ'.isnumeric()", '==>', repr(r))
except Exception as e:
    print("'Ⅻ'.isnumeric()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Ⅻ'.isalpha()
    print("'Ⅻ'.isalpha()", '==>', repr(r))
except Exception as e:
    print("'Ⅻ'.isalpha()", '==>', type(e).__name__ + ':', e)
try:
    r = '٣'.isdecimal()
    print("'٣'.isdecimal()", '==>', repr(r))
except Exception as e:
    print("'٣'.isdecimal()", '==>', type(e).__name__ + ':', e)
try:
    r = '٣'.isdigit()
    print("'٣'.isdigit()", '==>', repr(r))
except Exception as e:
    print("'٣'.isdigit()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a1_'.isidentifier()
    print("'a1_'.isidentifier()", '==>', repr(r))
except Exception as e:
    print("'a1_'.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ℕ'.isidentifier()
    print("'ℕ'.isidentifier()", '==>', repr(r))
except Exception as e:
    print("'ℕ'.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = 'x·y'.isidentifier()
    print("'x·y'.isidentifier()", '==>', repr(r))
except Exception as e:
    print("'x·y'.isidentifier()", '==>', type(e).__name__ + ':', e)
try:
    r = '\t\n'.isspace()
    print("'\\t\\n'.isspace()", '==>', repr(r))
except Exception as e:
    print("'\\t\\n'.isspace()", '==>', type(e).__name__ + ':', e)
try:
    r = ''.isspace()
    print("''.isspace()", '==>', repr(r))
except Exception as e:
    print("''.isspace()", '==>', type(e).__name__ + ':', e)
try:
    r = '\x1f'.isspace()
    print("'\\x1f'.isspace()", '==>', repr(r))
except Exception as e:
    print("'\\x1f'.isspace()", '==>', type(e).__name__ + ':', e)
try:
    r = '\xa0'.isspace()
    print("'\\xa0'.isspace()", '==>', repr(r))
except Exception as e:
    print("'\\xa0'.isspace()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Ab'.islower()
    print("'Ab'.islower()", '==>', repr(r))
except Exception as e:
    print("'Ab'.islower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab1'.islower()
    print("'ab1'.islower()", '==>', repr(r))
except Exception as e:
    print("'ab1'.islower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ǅ'.isupper()
    print("'ǅ'.isupper()", '==>', repr(r))
except Exception as e:
    print("'ǅ'.isupper()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ǅ'.islower()
    print("'ǅ'.islower()", '==>', repr(r))
except Exception as e:
    print("'ǅ'.islower()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Hello, World!'.istitle()
    print("'Hello, World!'.istitle()", '==>', repr(r))
except Exception as e:
    print("'Hello, World!'.istitle()", '==>', type(e).__name__ + ':', e)
try:
    r = 'Hello World Ǆ'.istitle()
    print("'Hello World Ǆ'.istitle()", '==>', repr(r))
except Exception as e:
    print("'Hello World Ǆ'.istitle()", '==>', type(e).__name__ + ':', e)
try:
    r = 'HeLLo'.swapcase()
    print("'HeLLo'.swapcase()", '==>', repr(r))
except Exception as e:
    print("'HeLLo'.swapcase()", '==>', type(e).__name__ + ':', e)
try:
    r = str.upper('x')
    print("str.upper('x')", '==>', repr(r))
except Exception as e:
    print("str.upper('x')", '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py('a'.upper(1) ==> TypeError: str.upper() takes no arguments (1 given)
'abc'.title(1) ==> TypeError: str.title() takes no arguments (1 given)
str.upper() ==> TypeError: unbound method str.upper() needs an argument
str.upper(1) ==> TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
'abc'.isdigit(1) ==> TypeError: str.isdigit() takes no arguments (1 given)
'abc'.isidentifier(1) ==> TypeError: str.isidentifier() takes no arguments (1 given)
'ab'.casefold(1) ==> TypeError: str.casefold() takes no arguments (1 given)
'a'.upper(x=1) ==> TypeError: str.upper() takes no keyword arguments
'ǆa'.capitalize() ==> 'ǅa'
'ǆa'.title() ==> 'ǅa'
'ΑΣ'.lower() ==> 'ας'
'ΑΣ b'.swapcase() ==> 'ας B'
'ß'.upper() ==> 'SS'
'ŉ'.capitalize() ==> 'ʼN'
'İ'.lower() ==> 'i̇'
'a'.isidentifier() ==> True
'1a'.isidentifier() ==> False
'_'.isidentifier() ==> True
''.isidentifier() ==> False
'Hello World'.istitle() ==> True
'hello'.istitle() ==> False
'HELLO'.isupper() ==> True
'HELLO1'.isupper() ==> True
'1'.isupper() ==> False
'hello world'.title() ==> 'Hello World'
"they're bill's".title() ==> "They'Re Bill'S"
'hello world'.capitalize() ==> 'Hello world'
'HELLO'.capitalize() ==> 'Hello'
'ab12'.isalnum() ==> True
''.isalnum() ==> False
'½'.isnumeric() ==> True
'½'.isdigit() ==> False
'²'.isdigit() ==> True
'²'.isdecimal() ==> False
'héllo wörld'.upper() ==> 'HÉLLO WÖRLD'
'ǅ'.istitle() ==> True
'ﬁ'.upper() ==> 'FI'
'ﬁ'.title() ==> 'Fi'
'ﬃx'.capitalize() ==> 'Ffix'
'Straße'.casefold() ==> 'strasse'
'aBc'.swapcase() ==> 'AbC'
'Σ'.lower() ==> 'σ'
'ΑΣ Σ ΑΣΑ'.lower() ==> 'ας σ ασα'
'Ἀ'.title() ==> 'Ἀ'
'ß'.title() ==> 'Ss'
'ﬁsh'.title() ==> 'Fish'
'hello WORLD 123 x1y'.title() ==> 'Hello World 123 X1Y'
'a.b-c_d'.title() ==> 'A.B-C_D'
'ǈ'.swapcase() ==> 'ǈ'
'İstanbul'.lower() ==> 'i̇stanbul'
'ΑΣ'.casefold() ==> 'ασ'
'ﬀ'.casefold() ==> 'ff'
'Ⅻ'.isnumeric() ==> True
'Ⅻ'.isalpha() ==> False
'٣'.isdecimal() ==> True
'٣'.isdigit() ==> True
'a1_'.isidentifier() ==> True
'ℕ'.isidentifier() ==> True
'x·y'.isidentifier() ==> True
'\t\n'.isspace() ==> True
''.isspace() ==> False
'\x1f'.isspace() ==> True
'\xa0'.isspace() ==> True
'Ab'.islower() ==> False
'ab1'.islower() ==> True
'ǅ'.isupper() ==> False
'ǅ'.islower() ==> False
'Hello, World!'.istitle() ==> True
'Hello World Ǆ'.istitle() ==> True
'HeLLo'.swapcase() ==> 'hEllO'
str.upper('x') ==> 'X'
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, StrReshape) {
  const char* source = R"py(try:
    r = 'abc'.replace('a')
    print("'abc'.replace('a')", '==>', repr(r))
except Exception as e:
    print("'abc'.replace('a')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.replace('a', 1)
    print("'abc'.replace('a', 1)", '==>', repr(r))
except Exception as e:
    print("'abc'.replace('a', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.replace('a', 'b', 'c')
    print("'abc'.replace('a', 'b', 'c')", '==>', repr(r))
except Exception as e:
    print("'abc'.replace('a', 'b', 'c')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center()
    print("'abc'.center()", '==>', repr(r))
except Exception as e:
    print("'abc'.center()", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center(5, 'ab')
    print("'abc'.center(5, 'ab')", '==>', repr(r))
except Exception as e:
    print("'abc'.center(5, 'ab')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center(5, 1)
    print("'abc'.center(5, 1)", '==>', repr(r))
except Exception as e:
    print("'abc'.center(5, 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center('x')
    print("'abc'.center('x')", '==>', repr(r))
except Exception as e:
    print("'abc'.center('x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.zfill()
    print("'abc'.zfill()", '==>', repr(r))
except Exception as e:
    print("'abc'.zfill()", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.zfill('x')
    print("'abc'.zfill('x')", '==>', repr(r))
except Exception as e:
    print("'abc'.zfill('x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.strip(1)
    print("'abc'.strip(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.strip(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.expandtabs('x')
    print("'abc'.expandtabs('x')", '==>', repr(r))
except Exception as e:
    print("'abc'.expandtabs('x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.removeprefix(1)
    print("'abc'.removeprefix(1)", '==>', repr(r))
except Exception as e:
    print("'abc'.removeprefix(1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.ljust(5, '')
    print("'abc'.ljust(5, '')", '==>', repr(r))
except Exception as e:
    print("'abc'.ljust(5, '')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate()
    print("'abc'.translate()", '==>', repr(r))
except Exception as e:
    print("'abc'.translate()", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.zfill(10**30)
    print("'abc'.zfill(10**30)", '==>', repr(r))
except Exception as e:
    print("'abc'.zfill(10**30)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center(10**30)
    print("'abc'.center(10**30)", '==>', repr(r))
except Exception as e:
    print("'abc'.center(10**30)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.rjust(2, 'xy')
    print("'abc'.rjust(2, 'xy')", '==>', repr(r))
except Exception as e:
    print("'abc'.rjust(2, 'xy')", '==>', type(e).__name__ + ':', e)
try:
    r = 'a'.removesuffix()
    print("'a'.removesuffix()", '==>', repr(r))
except Exception as e:
    print("'a'.removesuffix()", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.expandtabs(tabsize=None)
    print("'ab'.expandtabs(tabsize=None)", '==>', repr(r))
except Exception as e:
    print("'ab'.expandtabs(tabsize=None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.strip(None)
    print("'ab'.strip(None)", '==>', repr(r))
except Exception as e:
    print("'ab'.strip(None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.ljust(None)
    print("'ab'.ljust(None)", '==>', repr(r))
except Exception as e:
    print("'ab'.ljust(None)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.expandtabs(-1)
    print("'abc'.expandtabs(-1)", '==>', repr(r))
except Exception as e:
    print("'abc'.expandtabs(-1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a\tb\n\tc'.expandtabs(4)
    print("'a\\tb\\n\\tc'.expandtabs(4)", '==>', repr(r))
except Exception as e:
    print("'a\\tb\\n\\tc'.expandtabs(4)", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.zfill(5)
    print("'ab'.zfill(5)", '==>', repr(r))
except Exception as e:
    print("'ab'.zfill(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '-ab'.zfill(5)
    print("'-ab'.zfill(5)", '==>', repr(r))
except Exception as e:
    print("'-ab'.zfill(5)", '==>', type(e).__name__ + ':', e)
try:
    r = '+12'.zfill(6)
    print("'+12'.zfill(6)", '==>', repr(r))
except Exception as e:
    print("'+12'.zfill(6)", '==>', type(e).__name__ + ':', e)
try:
    r = '12'.zfill(-1)
    print("'12'.zfill(-1)", '==>', repr(r))
except Exception as e:
    print("'12'.zfill(-1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center(8, '*')
    print("'abc'.center(8, '*')", '==>', repr(r))
except Exception as e:
    print("'abc'.center(8, '*')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.center(6, '*')
    print("'abc'.center(6, '*')", '==>', repr(r))
except Exception as e:
    print("'abc'.center(6, '*')", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.center(5, '*')
    print("'ab'.center(5, '*')", '==>', repr(r))
except Exception as e:
    print("'ab'.center(5, '*')", '==>', type(e).__name__ + ':', e)
try:
    r = 'ab'.center(7)
    print("'ab'.center(7)", '==>', repr(r))
except Exception as e:
    print("'ab'.center(7)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcd'.center(9)
    print("'abcd'.center(9)", '==>', repr(r))
except Exception as e:
    print("'abcd'.center(9)", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaa'.replace('a', 'b', 2)
    print("'aaa'.replace('a', 'b', 2)", '==>', repr(r))
except Exception as e:
    print("'aaa'.replace('a', 'b', 2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaa'.replace('', '-')
    print("'aaa'.replace('', '-')", '==>', repr(r))
except Exception as e:
    print("'aaa'.replace('', '-')", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaa'.replace('', '-', 2)
    print("'aaa'.replace('', '-', 2)", '==>', repr(r))
except Exception as e:
    print("'aaa'.replace('', '-', 2)", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaa'.replace('a', '', -1)
    print("'aaa'.replace('a', '', -1)", '==>', repr(r))
except Exception as e:
    print("'aaa'.replace('a', '', -1)", '==>', type(e).__name__ + ':', e)
try:
    r = ''.replace('', 'x')
    print("''.replace('', 'x')", '==>', repr(r))
except Exception as e:
    print("''.replace('', 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.removeprefix('ab')
    print("'abc'.removeprefix('ab')", '==>', repr(r))
except Exception as e:
    print("'abc'.removeprefix('ab')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.removesuffix('bc')
    print("'abc'.removesuffix('bc')", '==>', repr(r))
except Exception as e:
    print("'abc'.removesuffix('bc')", '==>', type(e).__name__ + ':', e)
try:
    r = ' \t\n abc \x1c'.strip()
    print("' \\t\\n abc \\x1c'.strip()", '==>', repr(r))
except Exception as e:
    print("' \\t\\n abc \\x1c'.strip()", '==>', type(e).__name__ + ':', e)
try:
    r = 'xxabcxx'.strip('x')
    print("'xxabcxx'.strip('x')", '==>', repr(r))
except Exception as e:
    print("'xxabcxx'.strip('x')", '==>', type(e).__name__ + ':', e)
try:
    r = 'xyabcyx'.lstrip('xy')
    print("'xyabcyx'.lstrip('xy')", '==>', repr(r))
except Exception as e:
    print("'xyabcyx'.lstrip('xy')", '==>', type(e).__name__ + ':', e)
try:
    r = 'xyabcyx'.rstrip('xy')
    print("'xyabcyx'.rstrip('xy')", '==>', repr(r))
except Exception as e:
    print("'xyabcyx'.rstrip('xy')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.ljust(5, '-')
    print("'abc'.ljust(5, '-')", '==>', repr(r))
except Exception as e:
    print("'abc'.ljust(5, '-')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.rjust(5, '-')
    print("'abc'.rjust(5, '-')", '==>', repr(r))
except Exception as e:
    print("'abc'.rjust(5, '-')", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.center(9, 'é')
    print("'héllo'.center(9, 'é')", '==>', repr(r))
except Exception as e:
    print("'héllo'.center(9, 'é')", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語'.center(7, '*')
    print("'日本語'.center(7, '*')", '==>', repr(r))
except Exception as e:
    print("'日本語'.center(7, '*')", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語'.zfill(5)
    print("'日本語'.zfill(5)", '==>', repr(r))
except Exception as e:
    print("'日本語'.zfill(5)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.expandtabs()
    print("'abc'.expandtabs()", '==>', repr(r))
except Exception as e:
    print("'abc'.expandtabs()", '==>', type(e).__name__ + ':', e)
try:
    r = '\t'.expandtabs(0)
    print("'\\t'.expandtabs(0)", '==>', repr(r))
except Exception as e:
    print("'\\t'.expandtabs(0)", '==>', type(e).__name__ + ':', e)
try:
    r = 'a\r\tb'.expandtabs(4)
    print("'a\\r\\tb'.expandtabs(4)", '==>', repr(r))
except Exception as e:
    print("'a\\r\\tb'.expandtabs(4)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.zfill(6)
    print("'abc'.zfill(6)", '==>', repr(r))
except Exception as e:
    print("'abc'.zfill(6)", '==>', type(e).__name__ + ':', e)
try:
    r = '-'.zfill(3)
    print("'-'.zfill(3)", '==>', repr(r))
except Exception as e:
    print("'-'.zfill(3)", '==>', type(e).__name__ + ':', e)
try:
    r = '%'.center(4, '-')
    print("'%'.center(4, '-')", '==>', repr(r))
except Exception as e:
    print("'%'.center(4, '-')", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語テキスト'.rjust(9, '・')
    print("'日本語テキスト'.rjust(9, '・')", '==>', repr(r))
except Exception as e:
    print("'日本語テキスト'.rjust(9, '・')", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語'.replace('', '|')
    print("'日本語'.replace('', '|')", '==>', repr(r))
except Exception as e:
    print("'日本語'.replace('', '|')", '==>', type(e).__name__ + ':', e)
try:
    r = '日本語'.replace('本', 'x', 0)
    print("'日本語'.replace('本', 'x', 0)", '==>', repr(r))
except Exception as e:
    print("'日本語'.replace('本', 'x', 0)", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcabc'.replace('b', 'XYZ', 1)
    print("'abcabc'.replace('b', 'XYZ', 1)", '==>', repr(r))
except Exception as e:
    print("'abcabc'.replace('b', 'XYZ', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = 'aaa'.replace('a', 'aa')
    print("'aaa'.replace('a', 'aa')", '==>', repr(r))
except Exception as e:
    print("'aaa'.replace('a', 'aa')", '==>', type(e).__name__ + ':', e)
try:
    r = 'tab\there'.expandtabs()
    print("'tab\\there'.expandtabs()", '==>', repr(r))
except Exception as e:
    print("'tab\\there'.expandtabs()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a\tbb\tccc\t'.expandtabs(3)
    print("'a\\tbb\\tccc\\t'.expandtabs(3)", '==>', repr(r))
except Exception as e:
    print("'a\\tbb\\tccc\\t'.expandtabs(3)", '==>', type(e).__name__ + ':', e)
try:
    r = '日\t本'.expandtabs(4)
    print("'日\\t本'.expandtabs(4)", '==>', repr(r))
except Exception as e:
    print("'日\\t本'.expandtabs(4)", '==>', type(e).__name__ + ':', e)
try:
    r = '   spaces   '.strip()
    print("'   spaces   '.strip()", '==>', repr(r))
except Exception as e:
    print("'   spaces   '.strip()", '==>', type(e).__name__ + ':', e)
try:
    r = 'xxhixx'.strip('x')
    print("'xxhixx'.strip('x')", '==>', repr(r))
except Exception as e:
    print("'xxhixx'.strip('x')", '==>', type(e).__name__ + ':', e)
try:
    r = '日日本日'.strip('日')
    print("'日日本日'.strip('日')", '==>', repr(r))
except Exception as e:
    print("'日日本日'.strip('日')", '==>', type(e).__name__ + ':', e)
try:
    r = '  a'.lstrip()
    print("'  a'.lstrip()", '==>', repr(r))
except Exception as e:
    print("'  a'.lstrip()", '==>', type(e).__name__ + ':', e)
try:
    r = 'a  '.rstrip()
    print("'a  '.rstrip()", '==>', repr(r))
except Exception as e:
    print("'a  '.rstrip()", '==>', type(e).__name__ + ':', e)
try:
    r = 'www.example.com'.strip('cmowz.')
    print("'www.example.com'.strip('cmowz.')", '==>', repr(r))
except Exception as e:
    print("'www.example.com'.strip('cmowz.')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.removeprefix('')
    print("'abc'.removeprefix('')", '==>', repr(r))
except Exception as e:
    print("'abc'.removeprefix('')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.removesuffix('abc')
    print("'abc'.removesuffix('abc')", '==>', repr(r))
except Exception as e:
    print("'abc'.removesuffix('abc')", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans('ab', 'xy')
    print("str.maketrans('ab', 'xy')", '==>', repr(r))
except Exception as e:
    print("str.maketrans('ab', 'xy')", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans('ab', 'xy', 'c')
    print("str.maketrans('ab', 'xy', 'c')", '==>', repr(r))
except Exception as e:
    print("str.maketrans('ab', 'xy', 'c')", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans({'a': 'b', 98: None})
    print("str.maketrans({'a': 'b', 98: None})", '==>', repr(r))
except Exception as e:
    print("str.maketrans({'a': 'b', 98: None})", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans({'ab': 1})
    print("str.maketrans({'ab': 1})", '==>', repr(r))
except Exception as e:
    print("str.maketrans({'ab': 1})", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans({1.5: 1})
    print('str.maketrans({1.5: 1})', '==>', repr(r))
except Exception as e:
    print('str.maketrans({1.5: 1})', '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans(1)
    print('str.maketrans(1)', '==>', repr(r))
except Exception as e:
    print('str.maketrans(1)', '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans('ab', 'x')
    print("str.maketrans('ab', 'x')", '==>', repr(r))
except Exception as e:
    print("str.maketrans('ab', 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans(1, 'x')
    print("str.maketrans(1, 'x')", '==>', repr(r))
except Exception as e:
    print("str.maketrans(1, 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans('a', 1)
    print("str.maketrans('a', 1)", '==>', repr(r))
except Exception as e:
    print("str.maketrans('a', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans('a', 'b', 1)
    print("str.maketrans('a', 'b', 1)", '==>', repr(r))
except Exception as e:
    print("str.maketrans('a', 'b', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = str.maketrans()
    print('str.maketrans()', '==>', repr(r))
except Exception as e:
    print('str.maketrans()', '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.maketrans('a', 'b')
    print("'abc'.maketrans('a', 'b')", '==>', repr(r))
except Exception as e:
    print("'abc'.maketrans('a', 'b')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abcabc'.translate(str.maketrans('ab', 'xy', 'c'))
    print("'abcabc'.translate(str.maketrans('ab', 'xy', 'c'))", '==>', repr(r))
except Exception as e:
    print("'abcabc'.translate(str.maketrans('ab', 'xy', 'c'))", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate({97: 'AA', 98: None, 99: 100})
    print("'abc'.translate({97: 'AA', 98: None, 99: 100})", '==>', repr(r))
except Exception as e:
    print("'abc'.translate({97: 'AA', 98: None, 99: 100})", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate({97: 1.5})
    print("'abc'.translate({97: 1.5})", '==>', repr(r))
except Exception as e:
    print("'abc'.translate({97: 1.5})", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate({97: -1})
    print("'abc'.translate({97: -1})", '==>', repr(r))
except Exception as e:
    print("'abc'.translate({97: -1})", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate({97: 0x110000})
    print("'abc'.translate({97: 0x110000})", '==>', repr(r))
except Exception as e:
    print("'abc'.translate({97: 0x110000})", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate([None, 'x'])
    print("'abc'.translate([None, 'x'])", '==>', repr(r))
except Exception as e:
    print("'abc'.translate([None, 'x'])", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate('xyz')
    print("'abc'.translate('xyz')", '==>', repr(r))
except Exception as e:
    print("'abc'.translate('xyz')", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate(5)
    print("'abc'.translate(5)", '==>', repr(r))
except Exception as e:
    print("'abc'.translate(5)", '==>', type(e).__name__ + ':', e)
try:
    r = 'héllo'.translate({ord('é'): 'e'})
    print("'héllo'.translate({ord('é'): 'e'})", '==>', repr(r))
except Exception as e:
    print("'héllo'.translate({ord('é'): 'e'})", '==>', type(e).__name__ + ':', e)
try:
    r = 'abc'.translate({})
    print("'abc'.translate({})", '==>', repr(r))
except Exception as e:
    print("'abc'.translate({})", '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py('abc'.replace('a') ==> TypeError: replace expected at least 2 arguments, got 1
'abc'.replace('a', 1) ==> TypeError: replace() argument 2 must be str, not int
'abc'.replace('a', 'b', 'c') ==> TypeError: 'str' object cannot be interpreted as an integer
'abc'.center() ==> TypeError: center expected at least 1 argument, got 0
'abc'.center(5, 'ab') ==> TypeError: The fill character must be exactly one character long
'abc'.center(5, 1) ==> TypeError: The fill character must be a unicode character, not int
'abc'.center('x') ==> TypeError: 'str' object cannot be interpreted as an integer
'abc'.zfill() ==> TypeError: str.zfill() takes exactly one argument (0 given)
'abc'.zfill('x') ==> TypeError: 'str' object cannot be interpreted as an integer
'abc'.strip(1) ==> TypeError: strip arg must be None or str
'abc'.expandtabs('x') ==> TypeError: 'str' object cannot be interpreted as an integer
'abc'.removeprefix(1) ==> TypeError: removeprefix() argument must be str, not int
'abc'.ljust(5, '') ==> TypeError: The fill character must be exactly one character long
'abc'.translate() ==> TypeError: str.translate() takes exactly one argument (0 given)
'abc'.zfill(10**30) ==> OverflowError: Python int too large to convert to C ssize_t
'abc'.center(10**30) ==> OverflowError: Python int too large to convert to C ssize_t
'abc'.rjust(2, 'xy') ==> TypeError: The fill character must be exactly one character long
'a'.removesuffix() ==> TypeError: str.removesuffix() takes exactly one argument (0 given)
'ab'.expandtabs(tabsize=None) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
'ab'.strip(None) ==> 'ab'
'ab'.ljust(None) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
'abc'.expandtabs(-1) ==> 'abc'
'a\tb\n\tc'.expandtabs(4) ==> 'a   b\n    c'
'ab'.zfill(5) ==> '000ab'
'-ab'.zfill(5) ==> '-00ab'
'+12'.zfill(6) ==> '+00012'
'12'.zfill(-1) ==> '12'
'abc'.center(8, '*') ==> '**abc***'
'abc'.center(6, '*') ==> '*abc**'
'ab'.center(5, '*') ==> '**ab*'
'ab'.center(7) ==> '   ab  '
'abcd'.center(9) ==> '   abcd  '
'aaa'.replace('a', 'b', 2) ==> 'bba'
'aaa'.replace('', '-') ==> '-a-a-a-'
'aaa'.replace('', '-', 2) ==> '-a-aa'
'aaa'.replace('a', '', -1) ==> ''
''.replace('', 'x') ==> 'x'
'abc'.removeprefix('ab') ==> 'c'
'abc'.removesuffix('bc') ==> 'a'
' \t\n abc \x1c'.strip() ==> 'abc'
'xxabcxx'.strip('x') ==> 'abc'
'xyabcyx'.lstrip('xy') ==> 'abcyx'
'xyabcyx'.rstrip('xy') ==> 'xyabc'
'abc'.ljust(5, '-') ==> 'abc--'
'abc'.rjust(5, '-') ==> '--abc'
'héllo'.center(9, 'é') ==> 'ééhélloéé'
'日本語'.center(7, '*') ==> '**日本語**'
'日本語'.zfill(5) ==> '00日本語'
'abc'.expandtabs() ==> 'abc'
'\t'.expandtabs(0) ==> ''
'a\r\tb'.expandtabs(4) ==> 'a\r    b'
'abc'.zfill(6) ==> '000abc'
'-'.zfill(3) ==> '-00'
'%'.center(4, '-') ==> '-%--'
'日本語テキスト'.rjust(9, '・') ==> '・・日本語テキスト'
'日本語'.replace('', '|') ==> '|日|本|語|'
'日本語'.replace('本', 'x', 0) ==> '日本語'
'abcabc'.replace('b', 'XYZ', 1) ==> 'aXYZcabc'
'aaa'.replace('a', 'aa') ==> 'aaaaaa'
'tab\there'.expandtabs() ==> 'tab     here'
'a\tbb\tccc\t'.expandtabs(3) ==> 'a  bb ccc   '
'日\t本'.expandtabs(4) ==> '日   本'
'   spaces   '.strip() ==> 'spaces'
'xxhixx'.strip('x') ==> 'hi'
'日日本日'.strip('日') ==> '本'
'  a'.lstrip() ==> 'a'
'a  '.rstrip() ==> 'a'
'www.example.com'.strip('cmowz.') ==> 'example'
'abc'.removeprefix('') ==> 'abc'
'abc'.removesuffix('abc') ==> ''
str.maketrans('ab', 'xy') ==> {97: 120, 98: 121}
str.maketrans('ab', 'xy', 'c') ==> {97: 120, 98: 121, 99: None}
str.maketrans({'a': 'b', 98: None}) ==> {97: 'b', 98: None}
str.maketrans({'ab': 1}) ==> ValueError: string keys in translate table must be of length 1
str.maketrans({1.5: 1}) ==> TypeError: keys in translate table must be strings or integers
str.maketrans(1) ==> TypeError: if you give only one argument to maketrans it must be a dict
str.maketrans('ab', 'x') ==> ValueError: the first two maketrans arguments must have equal length
str.maketrans(1, 'x') ==> TypeError: first maketrans argument must be a string if there is a second argument
str.maketrans('a', 1) ==> TypeError: maketrans() argument 2 must be str, not int
str.maketrans('a', 'b', 1) ==> TypeError: maketrans() argument 3 must be str, not int
str.maketrans() ==> TypeError: maketrans expected at least 1 argument, got 0
'abc'.maketrans('a', 'b') ==> {97: 98}
'abcabc'.translate(str.maketrans('ab', 'xy', 'c')) ==> 'xyxy'
'abc'.translate({97: 'AA', 98: None, 99: 100}) ==> 'AAd'
'abc'.translate({97: 1.5}) ==> TypeError: character mapping must return integer, None or str
'abc'.translate({97: -1}) ==> ValueError: character mapping must be in range(0x110000)
'abc'.translate({97: 0x110000}) ==> ValueError: character mapping must be in range(0x110000)
'abc'.translate([None, 'x']) ==> 'abc'
'abc'.translate('xyz') ==> 'abc'
'abc'.translate(5) ==> TypeError: 'int' object is not subscriptable
'héllo'.translate({ord('é'): 'e'}) ==> 'hello'
'abc'.translate({}) ==> 'abc'
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, List) {
  const char* source = R"py(try:
    r = [].append()
    print('[].append()', '==>', repr(r))
except Exception as e:
    print('[].append()', '==>', type(e).__name__ + ':', e)
try:
    r = [].append(1,2)
    print('[].append(1,2)', '==>', repr(r))
except Exception as e:
    print('[].append(1,2)', '==>', type(e).__name__ + ':', e)
try:
    r = [].insert(1)
    print('[].insert(1)', '==>', repr(r))
except Exception as e:
    print('[].insert(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].pop(1,2)
    print('[].pop(1,2)', '==>', repr(r))
except Exception as e:
    print('[].pop(1,2)', '==>', type(e).__name__ + ':', e)
try:
    r = [].pop(index=1)
    print('[].pop(index=1)', '==>', repr(r))
except Exception as e:
    print('[].pop(index=1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].pop()
    print('[].pop()', '==>', repr(r))
except Exception as e:
    print('[].pop()', '==>', type(e).__name__ + ':', e)
try:
    r = [1].pop(5)
    print('[1].pop(5)', '==>', repr(r))
except Exception as e:
    print('[1].pop(5)', '==>', type(e).__name__ + ':', e)
try:
    r = [1].pop('x')
    print("[1].pop('x')", '==>', repr(r))
except Exception as e:
    print("[1].pop('x')", '==>', type(e).__name__ + ':', e)
try:
    r = [].sort(1)
    print('[].sort(1)', '==>', repr(r))
except Exception as e:
    print('[].sort(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].sort(foo=1)
    print('[].sort(foo=1)', '==>', repr(r))
except Exception as e:
    print('[].sort(foo=1)', '==>', type(e).__name__ + ':', e)
try:
    r = [1,'a'].sort()
    print("[1,'a'].sort()", '==>', repr(r))
except Exception as e:
    print("[1,'a'].sort()", '==>', type(e).__name__ + ':', e)
try:
    r = [].index(1)
    print('[].index(1)', '==>', repr(r))
except Exception as e:
    print('[].index(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [1].remove(2)
    print('[1].remove(2)', '==>', repr(r))
except Exception as e:
    print('[1].remove(2)', '==>', type(e).__name__ + ':', e)
try:
    r = [].count()
    print('[].count()', '==>', repr(r))
except Exception as e:
    print('[].count()', '==>', type(e).__name__ + ':', e)
try:
    r = [].extend(1)
    print('[].extend(1)', '==>', repr(r))
except Exception as e:
    print('[].extend(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].index()
    print('[].index()', '==>', repr(r))
except Exception as e:
    print('[].index()', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2].index(3, 0, 1)
    print('[1,2].index(3, 0, 1)', '==>', repr(r))
except Exception as e:
    print('[1,2].index(3, 0, 1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].insert('a', 1)
    print("[].insert('a', 1)", '==>', repr(r))
except Exception as e:
    print("[].insert('a', 1)", '==>', type(e).__name__ + ':', e)
try:
    r = list.append(1, 2)
    print('list.append(1, 2)', '==>', repr(r))
except Exception as e:
    print('list.append(1, 2)', '==>', type(e).__name__ + ':', e)
try:
    r = [].clear(1)
    print('[].clear(1)', '==>', repr(r))
except Exception as e:
    print('[].clear(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].copy(1)
    print('[].copy(1)', '==>', repr(r))
except Exception as e:
    print('[].copy(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].reverse(1)
    print('[].reverse(1)', '==>', repr(r))
except Exception as e:
    print('[].reverse(1)', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2].sort(key=1)
    print('[1,2].sort(key=1)', '==>', repr(r))
except Exception as e:
    print('[1,2].sort(key=1)', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2].sort(key=lambda x: 'a' if x == 1 else 1)
    print("[1,2].sort(key=lambda x: 'a' if x == 1 else 1)", '==>', repr(r))
except Exception as e:
    print("[1,2].sort(key=lambda x: 'a' if x == 1 else 1)", '==>', type(e).__name__ + ':', e)
try:
    r = [1,2].sort(reverse='x')
    print("[1,2].sort(reverse='x')", '==>', repr(r))
except Exception as e:
    print("[1,2].sort(reverse='x')", '==>', type(e).__name__ + ':', e)
try:
    r = [1,2].sort(reverse=None)
    print('[1,2].sort(reverse=None)', '==>', repr(r))
except Exception as e:
    print('[1,2].sort(reverse=None)', '==>', type(e).__name__ + ':', e)
try:
    r = [].index(1, None)
    print('[].index(1, None)', '==>', repr(r))
except Exception as e:
    print('[].index(1, None)', '==>', type(e).__name__ + ':', e)
try:
    r = [].insert(None, 1)
    print('[].insert(None, 1)', '==>', repr(r))
except Exception as e:
    print('[].insert(None, 1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].append(x=1)
    print('[].append(x=1)', '==>', repr(r))
except Exception as e:
    print('[].append(x=1)', '==>', type(e).__name__ + ':', e)
try:
    r = [].insert(0, x=1)
    print('[].insert(0, x=1)', '==>', repr(r))
except Exception as e:
    print('[].insert(0, x=1)', '==>', type(e).__name__ + ':', e)
try:
    r = sorted([3,1,2,5,4,9,8,7,6,0]*10)
    print('sorted([3,1,2,5,4,9,8,7,6,0]*10)', '==>', repr(r))
except Exception as e:
    print('sorted([3,1,2,5,4,9,8,7,6,0]*10)', '==>', type(e).__name__ + ':', e)
try:
    r = sorted(['b','a','c','B','é','ä'])
    print("sorted(['b','a','c','B','é','ä'])", '==>', repr(r))
except Exception as e:
    print("sorted(['b','a','c','B','é','ä'])", '==>', type(e).__name__ + ':', e)
try:
    r = sorted([(2,'b'),(1,'z'),(2,'a'),(1,'a')])
    print("sorted([(2,'b'),(1,'z'),(2,'a'),(1,'a')])", '==>', repr(r))
except Exception as e:
    print("sorted([(2,'b'),(1,'z'),(2,'a'),(1,'a')])", '==>', type(e).__name__ + ':', e)
try:
    r = sorted([1.5, 2, True, -1, 0.5])
    print('sorted([1.5, 2, True, -1, 0.5])', '==>', repr(r))
except Exception as e:
    print('sorted([1.5, 2, True, -1, 0.5])', '==>', type(e).__name__ + ':', e)
try:
    r = sorted([3,1,2], key=lambda x: -x)
    print('sorted([3,1,2], key=lambda x: -x)', '==>', repr(r))
except Exception as e:
    print('sorted([3,1,2], key=lambda x: -x)', '==>', type(e).__name__ + ':', e)
try:
    r = sorted(['bb','a','ccc','dd'], key=len)
    print("sorted(['bb','a','ccc','dd'], key=len)", '==>', repr(r))
except Exception as e:
    print("sorted(['bb','a','ccc','dd'], key=len)", '==>', type(e).__name__ + ':', e)
try:
    r = sorted(['bb','a','ccc','dd'], key=len, reverse=True)
    print("sorted(['bb','a','ccc','dd'], key=len, reverse=True)", '==>', repr(r))
except Exception as e:
    print("sorted(['bb','a','ccc','dd'], key=len, reverse=True)", '==>', type(e).__name__ + ':', e)
try:
    r = sorted([(1,'b'),(1,'a'),(0,'c')], key=lambda p: p[0], reverse=True)
    print("sorted([(1,'b'),(1,'a'),(0,'c')], key=lambda p: p[0], reverse=True)", '==>', repr(r))
except Exception as e:
    print("sorted([(1,'b'),(1,'a'),(0,'c')], key=lambda p: p[0], reverse=True)", '==>', type(e).__name__ + ':', e)
try:
    r = sorted([[2,1],[1,2],[1,1]])
    print('sorted([[2,1],[1,2],[1,1]])', '==>', repr(r))
except Exception as e:
    print('sorted([[2,1],[1,2],[1,1]])', '==>', type(e).__name__ + ':', e)
try:
    r = sorted([1, 'a'])
    print("sorted([1, 'a'])", '==>', repr(r))
except Exception as e:
    print("sorted([1, 'a'])", '==>', type(e).__name__ + ':', e)
try:
    r = sorted([(1, 'a'), (1, 2)])
    print("sorted([(1, 'a'), (1, 2)])", '==>', repr(r))
except Exception as e:
    print("sorted([(1, 'a'), (1, 2)])", '==>', type(e).__name__ + ':', e)
try:
    r = sorted([float('nan'), 1.0, 0.5])
    print("sorted([float('nan'), 1.0, 0.5])", '==>', repr(r))
except Exception as e:
    print("sorted([float('nan'), 1.0, 0.5])", '==>', type(e).__name__ + ':', e)
try:
    r = sorted(list(range(100)) + list(range(50)))
    print('sorted(list(range(100)) + list(range(50)))', '==>', repr(r))
except Exception as e:
    print('sorted(list(range(100)) + list(range(50)))', '==>', type(e).__name__ + ':', e)
try:
    r = sorted(list(range(200, 0, -1)))
    print('sorted(list(range(200, 0, -1)))', '==>', repr(r))
except Exception as e:
    print('sorted(list(range(200, 0, -1)))', '==>', type(e).__name__ + ':', e)
try:
    r = sorted([i * 7919 % 1000 for i in range(1000)])[:20]
    print('sorted([i * 7919 % 1000 for i in range(1000)])[:20]', '==>', repr(r))
except Exception as e:
    print('sorted([i * 7919 % 1000 for i in range(1000)])[:20]', '==>', type(e).__name__ + ':', e)
try:
    r = sorted([str(i * 7919 % 1000) for i in range(300)])[:20]
    print('sorted([str(i * 7919 % 1000) for i in range(300)])[:20]', '==>', repr(r))
except Exception as e:
    print('sorted([str(i * 7919 % 1000) for i in range(300)])[:20]', '==>', type(e).__name__ + ':', e)
try:
    r = sorted([(i * 31 % 7, i) for i in range(100)])[:15]
    print('sorted([(i * 31 % 7, i) for i in range(100)])[:15]', '==>', repr(r))
except Exception as e:
    print('sorted([(i * 31 % 7, i) for i in range(100)])[:15]', '==>', type(e).__name__ + ':', e)
try:
    r = sorted({3: 'a', 1: 'b'})
    print("sorted({3: 'a', 1: 'b'})", '==>', repr(r))
except Exception as e:
    print("sorted({3: 'a', 1: 'b'})", '==>', type(e).__name__ + ':', e)
try:
    r = [1,2,3].copy()
    print('[1,2,3].copy()', '==>', repr(r))
except Exception as e:
    print('[1,2,3].copy()', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2,3,2].index(2, 2)
    print('[1,2,3,2].index(2, 2)', '==>', repr(r))
except Exception as e:
    print('[1,2,3,2].index(2, 2)', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2,3,2].index(2, -2)
    print('[1,2,3,2].index(2, -2)', '==>', repr(r))
except Exception as e:
    print('[1,2,3,2].index(2, -2)', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2,3,2].count(2)
    print('[1,2,3,2].count(2)', '==>', repr(r))
except Exception as e:
    print('[1,2,3,2].count(2)', '==>', type(e).__name__ + ':', e)
try:
    r = [1,2,3].insert(-10, 0) or 'x'
    print("[1,2,3].insert(-10, 0) or 'x'", '==>', repr(r))
except Exception as e:
    print("[1,2,3].insert(-10, 0) or 'x'", '==>', type(e).__name__ + ':', e)
try:
    r = [3,2,1].reverse() or 'y'
    print("[3,2,1].reverse() or 'y'", '==>', repr(r))
except Exception as e:
    print("[3,2,1].reverse() or 'y'", '==>', type(e).__name__ + ':', e)
try:
    r = sorted({3, 1, 2}.difference())
    print('sorted({3, 1, 2}.difference())', '==>', repr(r))
except Exception as e:
    print('sorted({3, 1, 2}.difference())', '==>', type(e).__name__ + ':', e)
try:
    r = list.append([], 1)
    print('list.append([], 1)', '==>', repr(r))
except Exception as e:
    print('list.append([], 1)', '==>', type(e).__name__ + ':', e)
try:
    r = list.sort([3, 1])
    print('list.sort([3, 1])', '==>', repr(r))
except Exception as e:
    print('list.sort([3, 1])', '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py([].append() ==> TypeError: list.append() takes exactly one argument (0 given)
[].append(1,2) ==> TypeError: list.append() takes exactly one argument (2 given)
[].insert(1) ==> TypeError: insert expected 2 arguments, got 1
[].pop(1,2) ==> TypeError: pop expected at most 1 argument, got 2
[].pop(index=1) ==> TypeError: list.pop() takes no keyword arguments
[].pop() ==> IndexError: pop from empty list
[1].pop(5) ==> IndexError: pop index out of range
[1].pop('x') ==> TypeError: 'str' object cannot be interpreted as an integer
[].sort(1) ==> TypeError: sort() takes no positional arguments
[].sort(foo=1) ==> TypeError: 'foo' is an invalid keyword argument for sort()
[1,'a'].sort() ==> TypeError: '<' not supported between instances of 'str' and 'int'
[].index(1) ==> ValueError: 1 is not in list
[1].remove(2) ==> ValueError: list.remove(x): x not in list
[].count() ==> TypeError: list.count() takes exactly one argument (0 given)
[].extend(1) ==> TypeError: 'int' object is not iterable
[].index() ==> TypeError: index expected at least 1 argument, got 0
[1,2].index(3, 0, 1) ==> ValueError: 3 is not in list
[].insert('a', 1) ==> TypeError: 'str' object cannot be interpreted as an integer
list.append(1, 2) ==> TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object
[].clear(1) ==> TypeError: list.clear() takes no arguments (1 given)
[].copy(1) ==> TypeError: list.copy() takes no arguments (1 given)
[].reverse(1) ==> TypeError: list.reverse() takes no arguments (1 given)
[1,2].sort(key=1) ==> TypeError: 'int' object is not callable
[1,2].sort(key=lambda x: 'a' if x == 1 else 1) ==> TypeError: '<' not supported between instances of 'int' and 'str'
[1,2].sort(reverse='x') ==> TypeError: 'str' object cannot be interpreted as an integer
[1,2].sort(reverse=None) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
[].index(1, None) ==> TypeError: slice indices must be integers or have an __index__ method
[].insert(None, 1) ==> TypeError: 'NoneType' object cannot be interpreted as an integer
[].append(x=1) ==> TypeError: list.append() takes no keyword arguments
[].insert(0, x=1) ==> TypeError: list.insert() takes no keyword arguments
sorted([3,1,2,5,4,9,8,7,6,0]*10) ==> [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9]
sorted(['b','a','c','B','é','ä']) ==> ['B', 'a', 'b', 'c', 'ä', 'é']
sorted([(2,'b'),(1,'z'),(2,'a'),(1,'a')]) ==> [(1, 'a'), (1, 'z'), (2, 'a'), (2, 'b')]
sorted([1.5, 2, True, -1, 0.5]) ==> [-1, 0.5, True, 1.5, 2]
sorted([3,1,2], key=lambda x: -x) ==> [3, 2, 1]
sorted(['bb','a','ccc','dd'], key=len) ==> ['a', 'bb', 'dd', 'ccc']
sorted(['bb','a','ccc','dd'], key=len, reverse=True) ==> ['ccc', 'bb', 'dd', 'a']
sorted([(1,'b'),(1,'a'),(0,'c')], key=lambda p: p[0], reverse=True) ==> [(1, 'b'), (1, 'a'), (0, 'c')]
sorted([[2,1],[1,2],[1,1]]) ==> [[1, 1], [1, 2], [2, 1]]
sorted([1, 'a']) ==> TypeError: '<' not supported between instances of 'str' and 'int'
sorted([(1, 'a'), (1, 2)]) ==> TypeError: '<' not supported between instances of 'int' and 'str'
sorted([float('nan'), 1.0, 0.5]) ==> [nan, 0.5, 1.0]
sorted(list(range(100)) + list(range(50))) ==> [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 39, 39, 40, 40, 41, 41, 42, 42, 43, 43, 44, 44, 45, 45, 46, 46, 47, 47, 48, 48, 49, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]
sorted(list(range(200, 0, -1))) ==> [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200]
sorted([i * 7919 % 1000 for i in range(1000)])[:20] ==> [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
sorted([str(i * 7919 % 1000) for i in range(300)])[:20] ==> ['0', '102', '105', '109', '112', '115', '118', '12', '121', '124', '127', '130', '137', '140', '143', '146', '149', '15', '152', '155']
sorted([(i * 31 % 7, i) for i in range(100)])[:15] ==> [(0, 0), (0, 7), (0, 14), (0, 21), (0, 28), (0, 35), (0, 42), (0, 49), (0, 56), (0, 63), (0, 70), (0, 77), (0, 84), (0, 91), (0, 98)]
sorted({3: 'a', 1: 'b'}) ==> [1, 3]
[1,2,3].copy() ==> [1, 2, 3]
[1,2,3,2].index(2, 2) ==> 3
[1,2,3,2].index(2, -2) ==> 3
[1,2,3,2].count(2) ==> 2
[1,2,3].insert(-10, 0) or 'x' ==> 'x'
[3,2,1].reverse() or 'y' ==> 'y'
sorted({3, 1, 2}.difference()) ==> [1, 2, 3]
list.append([], 1) ==> None
list.sort([3, 1]) ==> None
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, Dict) {
  const char* source = R"py(try:
    r = {}.pop('a')
    print("{}.pop('a')", '==>', repr(r))
except Exception as e:
    print("{}.pop('a')", '==>', type(e).__name__ + ':', e)
try:
    r = {}.pop()
    print('{}.pop()', '==>', repr(r))
except Exception as e:
    print('{}.pop()', '==>', type(e).__name__ + ':', e)
try:
    r = {}.pop(1,2,3)
    print('{}.pop(1,2,3)', '==>', repr(r))
except Exception as e:
    print('{}.pop(1,2,3)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.popitem()
    print('{}.popitem()', '==>', repr(r))
except Exception as e:
    print('{}.popitem()', '==>', type(e).__name__ + ':', e)
try:
    r = {}.get()
    print('{}.get()', '==>', repr(r))
except Exception as e:
    print('{}.get()', '==>', type(e).__name__ + ':', e)
try:
    r = {}.get(1,2,3)
    print('{}.get(1,2,3)', '==>', repr(r))
except Exception as e:
    print('{}.get(1,2,3)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.setdefault()
    print('{}.setdefault()', '==>', repr(r))
except Exception as e:
    print('{}.setdefault()', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update(1)
    print('{}.update(1)', '==>', repr(r))
except Exception as e:
    print('{}.update(1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update([1])
    print('{}.update([1])', '==>', repr(r))
except Exception as e:
    print('{}.update([1])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update([(1,2,3)])
    print('{}.update([(1,2,3)])', '==>', repr(r))
except Exception as e:
    print('{}.update([(1,2,3)])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update({}, {})
    print('{}.update({}, {})', '==>', repr(r))
except Exception as e:
    print('{}.update({}, {})', '==>', type(e).__name__ + ':', e)
try:
    r = dict.fromkeys()
    print('dict.fromkeys()', '==>', repr(r))
except Exception as e:
    print('dict.fromkeys()', '==>', type(e).__name__ + ':', e)
try:
    r = dict.get(1, 2)
    print('dict.get(1, 2)', '==>', repr(r))
except Exception as e:
    print('dict.get(1, 2)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.keys(1)
    print('{}.keys(1)', '==>', repr(r))
except Exception as e:
    print('{}.keys(1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.copy(1)
    print('{}.copy(1)', '==>', repr(r))
except Exception as e:
    print('{}.copy(1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.clear(1)
    print('{}.clear(1)', '==>', repr(r))
except Exception as e:
    print('{}.clear(1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.fromkeys()
    print('{}.fromkeys()', '==>', repr(r))
except Exception as e:
    print('{}.fromkeys()', '==>', type(e).__name__ + ':', e)
try:
    r = {}.values(1)
    print('{}.values(1)', '==>', repr(r))
except Exception as e:
    print('{}.values(1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.setdefault([], 1)
    print('{}.setdefault([], 1)', '==>', repr(r))
except Exception as e:
    print('{}.setdefault([], 1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.get([])
    print('{}.get([])', '==>', repr(r))
except Exception as e:
    print('{}.get([])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.pop([])
    print('{}.pop([])', '==>', repr(r))
except Exception as e:
    print('{}.pop([])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update(a=1, b=[]) or {}.update([[]])
    print('{}.update(a=1, b=[]) or {}.update([[]])', '==>', repr(r))
except Exception as e:
    print('{}.update(a=1, b=[]) or {}.update([[]])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update([[1,2,3]])
    print('{}.update([[1,2,3]])', '==>', repr(r))
except Exception as e:
    print('{}.update([[1,2,3]])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update(['ab', 'c'])
    print("{}.update(['ab', 'c'])", '==>', repr(r))
except Exception as e:
    print("{}.update(['ab', 'c'])", '==>', type(e).__name__ + ':', e)
try:
    r = dict().update([1, 2])
    print('dict().update([1, 2])', '==>', repr(r))
except Exception as e:
    print('dict().update([1, 2])', '==>', type(e).__name__ + ':', e)
try:
    r = {}.get(1, x=1)
    print('{}.get(1, x=1)', '==>', repr(r))
except Exception as e:
    print('{}.get(1, x=1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update({}, x=1)
    print('{}.update({}, x=1)', '==>', repr(r))
except Exception as e:
    print('{}.update({}, x=1)', '==>', type(e).__name__ + ':', e)
try:
    r = {}.update(x=1)
    print('{}.update(x=1)', '==>', repr(r))
except Exception as e:
    print('{}.update(x=1)', '==>', type(e).__name__ + ':', e)
try:
    r = {'a': 1}.get('b', 0)
    print("{'a': 1}.get('b', 0)", '==>', repr(r))
except Exception as e:
    print("{'a': 1}.get('b', 0)", '==>', type(e).__name__ + ':', e)
try:
    r = {'a': 1}.setdefault('b', []) 
    print("{'a': 1}.setdefault('b', []) ", '==>', repr(r))
except Exception as e:
    print("{'a': 1}.setdefault('b', []) ", '==>', type(e).__name__ + ':', e)
try:
    r = {'a': 1, 'b': 2}.popitem()
    print("{'a': 1, 'b': 2}.popitem()", '==>', repr(r))
except Exception as e:
    print("{'a': 1, 'b': 2}.popitem()", '==>', type(e).__name__ + ':', e)
try:
    r = dict.fromkeys(range(3), [])
    print('dict.fromkeys(range(3), [])', '==>', repr(r))
except Exception as e:
    print('dict.fromkeys(range(3), [])', '==>', type(e).__name__ + ':', e)
try:
    r = dict.fromkeys('aab')
    print("dict.fromkeys('aab')", '==>', repr(r))
except Exception as e:
    print("dict.fromkeys('aab')", '==>', type(e).__name__ + ':', e)
try:
    r = dict.fromkeys({1: 2, 3: 4}, 'x')
    print("dict.fromkeys({1: 2, 3: 4}, 'x')", '==>', repr(r))
except Exception as e:
    print("dict.fromkeys({1: 2, 3: 4}, 'x')", '==>', type(e).__name__ + ':', e)
try:
    r = {}.fromkeys({5, 6})
    print('{}.fromkeys({5, 6})', '==>', repr(r))
except Exception as e:
    print('{}.fromkeys({5, 6})', '==>', type(e).__name__ + ':', e)
try:
    r = {1: 2}.copy()
    print('{1: 2}.copy()', '==>', repr(r))
except Exception as e:
    print('{1: 2}.copy()', '==>', type(e).__name__ + ':', e)
try:
    r = {'a': 1}.update([('b', 2), ['c', 3], 'de']) 
    print("{'a': 1}.update([('b', 2), ['c', 3], 'de']) ", '==>', repr(r))
except Exception as e:
    print("{'a': 1}.update([('b', 2), ['c', 3], 'de']) ", '==>', type(e).__name__ + ':', e)
try:
    r = len({1: 1}.items())
    print('len({1: 1}.items())', '==>', repr(r))
except Exception as e:
    print('len({1: 1}.items())', '==>', type(e).__name__ + ':', e)
try:
    r = dict.get({1: 2}, 1)
    print('dict.get({1: 2}, 1)', '==>', repr(r))
except Exception as e:
    print('dict.get({1: 2}, 1)', '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py({}.pop('a') ==> KeyError: 'a'
{}.pop() ==> TypeError: pop expected at least 1 argument, got 0
{}.pop(1,2,3) ==> TypeError: pop expected at most 2 arguments, got 3
{}.popitem() ==> KeyError: 'popitem(): dictionary is empty'
{}.get() ==> TypeError: get expected at least 1 argument, got 0
{}.get(1,2,3) ==> TypeError: get expected at most 2 arguments, got 3
{}.setdefault() ==> TypeError: setdefault expected at least 1 argument, got 0
{}.update(1) ==> TypeError: 'int' object is not iterable
{}.update([1]) ==> TypeError: cannot convert dictionary update sequence element #0 to a sequence
{}.update([(1,2,3)]) ==> ValueError: dictionary update sequence element #0 has length 3; 2 is required
{}.update({}, {}) ==> TypeError: update expected at most 1 argument, got 2
dict.fromkeys() ==> TypeError: fromkeys expected at least 1 argument, got 0
dict.get(1, 2) ==> TypeError: descriptor 'get' for 'dict' objects doesn't apply to a 'int' object
{}.keys(1) ==> TypeError: dict.keys() takes no arguments (1 given)
{}.copy(1) ==> TypeError: dict.copy() takes no arguments (1 given)
{}.clear(1) ==> TypeError: dict.clear() takes no arguments (1 given)
{}.fromkeys() ==> TypeError: fromkeys expected at least 1 argument, got 0
{}.values(1) ==> TypeError: dict.values() takes no arguments (1 given)
{}.setdefault([], 1) ==> TypeError: unhashable type: 'list'
{}.get([]) ==> TypeError: unhashable type: 'list'
{}.pop([]) ==> KeyError: []
{}.update(a=1, b=[]) or {}.update([[]]) ==> ValueError: dictionary update sequence element #0 has length 0; 2 is required
{}.update([[1,2,3]]) ==> ValueError: dictionary update sequence element #0 has length 3; 2 is required
{}.update(['ab', 'c']) ==> ValueError: dictionary update sequence element #1 has length 1; 2 is required
dict().update([1, 2]) ==> TypeError: cannot convert dictionary update sequence element #0 to a sequence
{}.get(1, x=1) ==> TypeError: dict.get() takes no keyword arguments
{}.update({}, x=1) ==> None
{}.update(x=1) ==> None
{'a': 1}.get('b', 0) ==> 0
{'a': 1}.setdefault('b', [])  ==> []
{'a': 1, 'b': 2}.popitem() ==> ('b', 2)
dict.fromkeys(range(3), []) ==> {0: [], 1: [], 2: []}
dict.fromkeys('aab') ==> {'a': None, 'b': None}
dict.fromkeys({1: 2, 3: 4}, 'x') ==> {1: 'x', 3: 'x'}
{}.fromkeys({5, 6}) ==> {5: None, 6: None}
{1: 2}.copy() ==> {1: 2}
{'a': 1}.update([('b', 2), ['c', 3], 'de'])  ==> None
len({1: 1}.items()) ==> 1
dict.get({1: 2}, 1) ==> 2
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, Set) {
  const char* source = R"py(try:
    r = set().remove(1)
    print('set().remove(1)', '==>', repr(r))
except Exception as e:
    print('set().remove(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().pop()
    print('set().pop()', '==>', repr(r))
except Exception as e:
    print('set().pop()', '==>', type(e).__name__ + ':', e)
try:
    r = set().add()
    print('set().add()', '==>', repr(r))
except Exception as e:
    print('set().add()', '==>', type(e).__name__ + ':', e)
try:
    r = frozenset().add(1)
    print('frozenset().add(1)', '==>', repr(r))
except Exception as e:
    print('frozenset().add(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().update(1)
    print('set().update(1)', '==>', repr(r))
except Exception as e:
    print('set().update(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().union(1)
    print('set().union(1)', '==>', repr(r))
except Exception as e:
    print('set().union(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().issubset(1)
    print('set().issubset(1)', '==>', repr(r))
except Exception as e:
    print('set().issubset(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().clear(1)
    print('set().clear(1)', '==>', repr(r))
except Exception as e:
    print('set().clear(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().difference_update(1)
    print('set().difference_update(1)', '==>', repr(r))
except Exception as e:
    print('set().difference_update(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().discard()
    print('set().discard()', '==>', repr(r))
except Exception as e:
    print('set().discard()', '==>', type(e).__name__ + ':', e)
try:
    r = set().isdisjoint(1)
    print('set().isdisjoint(1)', '==>', repr(r))
except Exception as e:
    print('set().isdisjoint(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().symmetric_difference(1)
    print('set().symmetric_difference(1)', '==>', repr(r))
except Exception as e:
    print('set().symmetric_difference(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().symmetric_difference()
    print('set().symmetric_difference()', '==>', repr(r))
except Exception as e:
    print('set().symmetric_difference()', '==>', type(e).__name__ + ':', e)
try:
    r = set().intersection(1)
    print('set().intersection(1)', '==>', repr(r))
except Exception as e:
    print('set().intersection(1)', '==>', type(e).__name__ + ':', e)
try:
    r = set().add([])
    print('set().add([])', '==>', repr(r))
except Exception as e:
    print('set().add([])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2, 3}.union([3, 4], (5,))
    print('{1, 2, 3}.union([3, 4], (5,))', '==>', repr(r))
except Exception as e:
    print('{1, 2, 3}.union([3, 4], (5,))', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2, 3}.intersection([2, 3, 4], {3})
    print('{1, 2, 3}.intersection([2, 3, 4], {3})', '==>', repr(r))
except Exception as e:
    print('{1, 2, 3}.intersection([2, 3, 4], {3})', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2, 3}.difference([1], {2})
    print('{1, 2, 3}.difference([1], {2})', '==>', repr(r))
except Exception as e:
    print('{1, 2, 3}.difference([1], {2})', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2, 3}.symmetric_difference([3, 4])
    print('{1, 2, 3}.symmetric_difference([3, 4])', '==>', repr(r))
except Exception as e:
    print('{1, 2, 3}.symmetric_difference([3, 4])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.issubset([1, 2, 3])
    print('{1, 2}.issubset([1, 2, 3])', '==>', repr(r))
except Exception as e:
    print('{1, 2}.issubset([1, 2, 3])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.issuperset([1])
    print('{1, 2}.issuperset([1])', '==>', repr(r))
except Exception as e:
    print('{1, 2}.issuperset([1])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.issuperset(x for x in [1, 5])
    print('{1, 2}.issuperset(x for x in [1, 5])', '==>', repr(r))
except Exception as e:
    print('{1, 2}.issuperset(x for x in [1, 5])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.isdisjoint([3, 4])
    print('{1, 2}.isdisjoint([3, 4])', '==>', repr(r))
except Exception as e:
    print('{1, 2}.isdisjoint([3, 4])', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2}.isdisjoint({2})
    print('{1, 2}.isdisjoint({2})', '==>', repr(r))
except Exception as e:
    print('{1, 2}.isdisjoint({2})', '==>', type(e).__name__ + ':', e)
try:
    r = frozenset([1, 2]).union({3})
    print('frozenset([1, 2]).union({3})', '==>', repr(r))
except Exception as e:
    print('frozenset([1, 2]).union({3})', '==>', type(e).__name__ + ':', e)
try:
    r = frozenset([1, 2]).copy()
    print('frozenset([1, 2]).copy()', '==>', repr(r))
except Exception as e:
    print('frozenset([1, 2]).copy()', '==>', type(e).__name__ + ':', e)
try:
    r = set([1, 2]).copy()
    print('set([1, 2]).copy()', '==>', repr(r))
except Exception as e:
    print('set([1, 2]).copy()', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2, 3}.intersection()
    print('{1, 2, 3}.intersection()', '==>', repr(r))
except Exception as e:
    print('{1, 2, 3}.intersection()', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2, 3}.union()
    print('{1, 2, 3}.union()', '==>', repr(r))
except Exception as e:
    print('{1, 2, 3}.union()', '==>', type(e).__name__ + ':', e)
try:
    r = set('abc') == set('cba')
    print("set('abc') == set('cba')", '==>', repr(r))
except Exception as e:
    print("set('abc') == set('cba')", '==>', type(e).__name__ + ':', e)
try:
    r = frozenset({1}) | {2}
    print('frozenset({1}) | {2}', '==>', repr(r))
except Exception as e:
    print('frozenset({1}) | {2}', '==>', type(e).__name__ + ':', e)
try:
    r = sorted({3, 1, 2}.difference())
    print('sorted({3, 1, 2}.difference())', '==>', repr(r))
except Exception as e:
    print('sorted({3, 1, 2}.difference())', '==>', type(e).__name__ + ':', e)
try:
    r = {1, 2} <= {1, 2, 3}
    print('{1, 2} <= {1, 2, 3}', '==>', repr(r))
except Exception as e:
    print('{1, 2} <= {1, 2, 3}', '==>', type(e).__name__ + ':', e)
try:
    r = set.add(frozenset(), 1)
    print('set.add(frozenset(), 1)', '==>', repr(r))
except Exception as e:
    print('set.add(frozenset(), 1)', '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py(set().remove(1) ==> KeyError: 1
set().pop() ==> KeyError: 'pop from an empty set'
set().add() ==> TypeError: set.add() takes exactly one argument (0 given)
frozenset().add(1) ==> AttributeError: 'frozenset' object has no attribute 'add'
set().update(1) ==> TypeError: 'int' object is not iterable
set().union(1) ==> TypeError: 'int' object is not iterable
set().issubset(1) ==> TypeError: 'int' object is not iterable
set().clear(1) ==> TypeError: set.clear() takes no arguments (1 given)
set().difference_update(1) ==> TypeError: 'int' object is not iterable
set().discard() ==> TypeError: set.discard() takes exactly one argument (0 given)
set().isdisjoint(1) ==> TypeError: 'int' object is not iterable
set().symmetric_difference(1) ==> TypeError: 'int' object is not iterable
set().symmetric_difference() ==> TypeError: set.symmetric_difference() takes exactly one argument (0 given)
set().intersection(1) ==> TypeError: 'int' object is not iterable
set().add([]) ==> TypeError: unhashable type: 'list'
{1, 2, 3}.union([3, 4], (5,)) ==> {1, 2, 3, 4, 5}
{1, 2, 3}.intersection([2, 3, 4], {3}) ==> {3}
{1, 2, 3}.difference([1], {2}) ==> {3}
{1, 2, 3}.symmetric_difference([3, 4]) ==> {1, 2, 4}
{1, 2}.issubset([1, 2, 3]) ==> True
{1, 2}.issuperset([1]) ==> True
{1, 2}.issuperset(x for x in [1, 5]) ==> False
{1, 2}.isdisjoint([3, 4]) ==> True
{1, 2}.isdisjoint({2}) ==> False
frozenset([1, 2]).union({3}) ==> frozenset({1, 2, 3})
frozenset([1, 2]).copy() ==> frozenset({1, 2})
set([1, 2]).copy() ==> {1, 2}
{1, 2, 3}.intersection() ==> {1, 2, 3}
{1, 2, 3}.union() ==> {1, 2, 3}
set('abc') == set('cba') ==> True
frozenset({1}) | {2} ==> frozenset({1, 2})
sorted({3, 1, 2}.difference()) ==> [1, 2, 3]
{1, 2} <= {1, 2, 3} ==> True
set.add(frozenset(), 1) ==> TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'frozenset' object
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, TupleIntFloatRange) {
  const char* source = R"py(try:
    r = (1,).index(2)
    print('(1,).index(2)', '==>', repr(r))
except Exception as e:
    print('(1,).index(2)', '==>', type(e).__name__ + ':', e)
try:
    r = (1,).count()
    print('(1,).count()', '==>', repr(r))
except Exception as e:
    print('(1,).count()', '==>', type(e).__name__ + ':', e)
try:
    r = (1).bit_length(2)
    print('(1).bit_length(2)', '==>', repr(r))
except Exception as e:
    print('(1).bit_length(2)', '==>', type(e).__name__ + ':', e)
try:
    r = (1.5).is_integer(1)
    print('(1.5).is_integer(1)', '==>', repr(r))
except Exception as e:
    print('(1.5).is_integer(1)', '==>', type(e).__name__ + ':', e)
try:
    r = float('inf').as_integer_ratio()
    print("float('inf').as_integer_ratio()", '==>', repr(r))
except Exception as e:
    print("float('inf').as_integer_ratio()", '==>', type(e).__name__ + ':', e)
try:
    r = float('nan').as_integer_ratio()
    print("float('nan').as_integer_ratio()", '==>', repr(r))
except Exception as e:
    print("float('nan').as_integer_ratio()", '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index(5)
    print('range(3).index(5)', '==>', repr(r))
except Exception as e:
    print('range(3).index(5)', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).count()
    print('range(3).count()', '==>', repr(r))
except Exception as e:
    print('range(3).count()', '==>', type(e).__name__ + ':', e)
try:
    r = (1).bit_length()
    print('(1).bit_length()', '==>', repr(r))
except Exception as e:
    print('(1).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index('a')
    print("range(3).index('a')", '==>', repr(r))
except Exception as e:
    print("range(3).index('a')", '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index(True)
    print('range(3).index(True)', '==>', repr(r))
except Exception as e:
    print('range(3).index(True)', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index(1.0)
    print('range(3).index(1.0)', '==>', repr(r))
except Exception as e:
    print('range(3).index(1.0)', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).count(1.0)
    print('range(3).count(1.0)', '==>', repr(r))
except Exception as e:
    print('range(3).count(1.0)', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).count(True)
    print('range(3).count(True)', '==>', repr(r))
except Exception as e:
    print('range(3).count(True)', '==>', type(e).__name__ + ':', e)
try:
    r = range(0, 10, 3).index(6)
    print('range(0, 10, 3).index(6)', '==>', repr(r))
except Exception as e:
    print('range(0, 10, 3).index(6)', '==>', type(e).__name__ + ':', e)
try:
    r = range(10, 0, -3).index(4)
    print('range(10, 0, -3).index(4)', '==>', repr(r))
except Exception as e:
    print('range(10, 0, -3).index(4)', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index(3)
    print('range(3).index(3)', '==>', repr(r))
except Exception as e:
    print('range(3).index(3)', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index()
    print('range(3).index()', '==>', repr(r))
except Exception as e:
    print('range(3).index()', '==>', type(e).__name__ + ':', e)
try:
    r = range(3).index(1, 2)
    print('range(3).index(1, 2)', '==>', repr(r))
except Exception as e:
    print('range(3).index(1, 2)', '==>', type(e).__name__ + ':', e)
try:
    r = (1,2,3).index(2, 0, 1)
    print('(1,2,3).index(2, 0, 1)', '==>', repr(r))
except Exception as e:
    print('(1,2,3).index(2, 0, 1)', '==>', type(e).__name__ + ':', e)
try:
    r = (1,2,3).index(2, 'a')
    print("(1,2,3).index(2, 'a')", '==>', repr(r))
except Exception as e:
    print("(1,2,3).index(2, 'a')", '==>', type(e).__name__ + ':', e)
try:
    r = (1,2,3).index(2, None)
    print('(1,2,3).index(2, None)', '==>', repr(r))
except Exception as e:
    print('(1,2,3).index(2, None)', '==>', type(e).__name__ + ':', e)
try:
    r = (1,2,3).index()
    print('(1,2,3).index()', '==>', repr(r))
except Exception as e:
    print('(1,2,3).index()', '==>', type(e).__name__ + ':', e)
try:
    r = (1,2,3).count(2, 3)
    print('(1,2,3).count(2, 3)', '==>', repr(r))
except Exception as e:
    print('(1,2,3).count(2, 3)', '==>', type(e).__name__ + ':', e)
try:
    r = (5).bit_length()
    print('(5).bit_length()', '==>', repr(r))
except Exception as e:
    print('(5).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = (-5).bit_length()
    print('(-5).bit_length()', '==>', repr(r))
except Exception as e:
    print('(-5).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = (0).bit_length()
    print('(0).bit_length()', '==>', repr(r))
except Exception as e:
    print('(0).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = (True).bit_length()
    print('(True).bit_length()', '==>', repr(r))
except Exception as e:
    print('(True).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = (255).bit_count()
    print('(255).bit_count()', '==>', repr(r))
except Exception as e:
    print('(255).bit_count()', '==>', type(e).__name__ + ':', e)
try:
    r = (-255).bit_count()
    print('(-255).bit_count()', '==>', repr(r))
except Exception as e:
    print('(-255).bit_count()', '==>', type(e).__name__ + ':', e)
try:
    r = (5).conjugate()
    print('(5).conjugate()', '==>', repr(r))
except Exception as e:
    print('(5).conjugate()', '==>', type(e).__name__ + ':', e)
try:
    r = (True).conjugate()
    print('(True).conjugate()', '==>', repr(r))
except Exception as e:
    print('(True).conjugate()', '==>', type(e).__name__ + ':', e)
try:
    r = (5).as_integer_ratio()
    print('(5).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(5).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (True).as_integer_ratio()
    print('(True).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(True).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (2**100).bit_length()
    print('(2**100).bit_length()', '==>', repr(r))
except Exception as e:
    print('(2**100).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = (1.5).is_integer()
    print('(1.5).is_integer()', '==>', repr(r))
except Exception as e:
    print('(1.5).is_integer()', '==>', type(e).__name__ + ':', e)
try:
    r = (2.0).is_integer()
    print('(2.0).is_integer()', '==>', repr(r))
except Exception as e:
    print('(2.0).is_integer()', '==>', type(e).__name__ + ':', e)
try:
    r = float('inf').is_integer()
    print("float('inf').is_integer()", '==>', repr(r))
except Exception as e:
    print("float('inf').is_integer()", '==>', type(e).__name__ + ':', e)
try:
    r = (0.1).as_integer_ratio()
    print('(0.1).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(0.1).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (-2.5).as_integer_ratio()
    print('(-2.5).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(-2.5).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (0.0).as_integer_ratio()
    print('(0.0).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(0.0).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (1e300).as_integer_ratio()
    print('(1e300).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(1e300).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (1.5).conjugate()
    print('(1.5).conjugate()', '==>', repr(r))
except Exception as e:
    print('(1.5).conjugate()', '==>', type(e).__name__ + ':', e)
try:
    r = int.bit_length(True)
    print('int.bit_length(True)', '==>', repr(r))
except Exception as e:
    print('int.bit_length(True)', '==>', type(e).__name__ + ':', e)
try:
    r = int.bit_length(1.5)
    print('int.bit_length(1.5)', '==>', repr(r))
except Exception as e:
    print('int.bit_length(1.5)', '==>', type(e).__name__ + ':', e)
try:
    r = float.is_integer(1)
    print('float.is_integer(1)', '==>', repr(r))
except Exception as e:
    print('float.is_integer(1)', '==>', type(e).__name__ + ':', e)
try:
    r = (5).is_integer()
    print('(5).is_integer()', '==>', repr(r))
except Exception as e:
    print('(5).is_integer()', '==>', type(e).__name__ + ':', e)
try:
    r = (1, 2, 1, 1).count(1)
    print('(1, 2, 1, 1).count(1)', '==>', repr(r))
except Exception as e:
    print('(1, 2, 1, 1).count(1)', '==>', type(e).__name__ + ':', e)
try:
    r = (1, 2, 3).index(3, -1)
    print('(1, 2, 3).index(3, -1)', '==>', repr(r))
except Exception as e:
    print('(1, 2, 3).index(3, -1)', '==>', type(e).__name__ + ':', e)
try:
    r = (1, 2, 3).index(1, -10, 10)
    print('(1, 2, 3).index(1, -10, 10)', '==>', repr(r))
except Exception as e:
    print('(1, 2, 3).index(1, -10, 10)', '==>', type(e).__name__ + ':', e)
try:
    r = range(5, 20, 3).count(11)
    print('range(5, 20, 3).count(11)', '==>', repr(r))
except Exception as e:
    print('range(5, 20, 3).count(11)', '==>', type(e).__name__ + ':', e)
try:
    r = range(5, 20, 3).count(12)
    print('range(5, 20, 3).count(12)', '==>', repr(r))
except Exception as e:
    print('range(5, 20, 3).count(12)', '==>', type(e).__name__ + ':', e)
try:
    r = range(-5, -20, -3).index(-17)
    print('range(-5, -20, -3).index(-17)', '==>', repr(r))
except Exception as e:
    print('range(-5, -20, -3).index(-17)', '==>', type(e).__name__ + ':', e)
try:
    r = range(0, 10**18, 7).index(7 * 10**15)
    print('range(0, 10**18, 7).index(7 * 10**15)', '==>', repr(r))
except Exception as e:
    print('range(0, 10**18, 7).index(7 * 10**15)', '==>', type(e).__name__ + ':', e)
try:
    r = range(10).index(3.0)
    print('range(10).index(3.0)', '==>', repr(r))
except Exception as e:
    print('range(10).index(3.0)', '==>', type(e).__name__ + ':', e)
try:
    r = range(10).count(3.5)
    print('range(10).count(3.5)', '==>', repr(r))
except Exception as e:
    print('range(10).count(3.5)', '==>', type(e).__name__ + ':', e)
try:
    r = (-1).bit_length()
    print('(-1).bit_length()', '==>', repr(r))
except Exception as e:
    print('(-1).bit_length()', '==>', type(e).__name__ + ':', e)
try:
    r = (2**64).bit_count()
    print('(2**64).bit_count()', '==>', repr(r))
except Exception as e:
    print('(2**64).bit_count()', '==>', type(e).__name__ + ':', e)
try:
    r = (-7).as_integer_ratio()
    print('(-7).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(-7).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (1.25).as_integer_ratio()
    print('(1.25).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(1.25).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (-0.0).as_integer_ratio()
    print('(-0.0).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(-0.0).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (5e-324).as_integer_ratio()
    print('(5e-324).as_integer_ratio()', '==>', repr(r))
except Exception as e:
    print('(5e-324).as_integer_ratio()', '==>', type(e).__name__ + ':', e)
try:
    r = (3.0).is_integer()
    print('(3.0).is_integer()', '==>', repr(r))
except Exception as e:
    print('(3.0).is_integer()', '==>', type(e).__name__ + ':', e)
try:
    r = (-0.0).is_integer()
    print('(-0.0).is_integer()', '==>', repr(r))
except Exception as e:
    print('(-0.0).is_integer()', '==>', type(e).__name__ + ':', e)
try:
    r = float('nan').is_integer()
    print("float('nan').is_integer()", '==>', repr(r))
except Exception as e:
    print("float('nan').is_integer()", '==>', type(e).__name__ + ':', e)
try:
    r = int.bit_length(7)
    print('int.bit_length(7)', '==>', repr(r))
except Exception as e:
    print('int.bit_length(7)', '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py((1,).index(2) ==> ValueError: tuple.index(x): x not in tuple
(1,).count() ==> TypeError: tuple.count() takes exactly one argument (0 given)
(1).bit_length(2) ==> TypeError: int.bit_length() takes no arguments (1 given)
(1.5).is_integer(1) ==> TypeError: float.is_integer() takes no arguments (1 given)
float('inf').as_integer_ratio() ==> OverflowError: cannot convert Infinity to integer ratio
float('nan').as_integer_ratio() ==> ValueError: cannot convert NaN to integer ratio
range(3).index(5) ==> ValueError: 5 is not in range
range(3).count() ==> TypeError: range.count() takes exactly one argument (0 given)
(1).bit_length() ==> 1
range(3).index('a') ==> ValueError: sequence.index(x): x not in sequence
range(3).index(True) ==> 1
range(3).index(1.0) ==> 1
range(3).count(1.0) ==> 1
range(3).count(True) ==> 1
range(0, 10, 3).index(6) ==> 2
range(10, 0, -3).index(4) ==> 2
range(3).index(3) ==> ValueError: 3 is not in range
range(3).index() ==> TypeError: range.index() takes exactly one argument (0 given)
range(3).index(1, 2) ==> TypeError: range.index() takes exactly one argument (2 given)
(1,2,3).index(2, 0, 1) ==> ValueError: tuple.index(x): x not in tuple
(1,2,3).index(2, 'a') ==> TypeError: slice indices must be integers or have an __index__ method
(1,2,3).index(2, None) ==> TypeError: slice indices must be integers or have an __index__ method
(1,2,3).index() ==> TypeError: index expected at least 1 argument, got 0
(1,2,3).count(2, 3) ==> TypeError: tuple.count() takes exactly one argument (2 given)
(5).bit_length() ==> 3
(-5).bit_length() ==> 3
(0).bit_length() ==> 0
(True).bit_length() ==> 1
(255).bit_count() ==> 8
(-255).bit_count() ==> 8
(5).conjugate() ==> 5
(True).conjugate() ==> 1
(5).as_integer_ratio() ==> (5, 1)
(True).as_integer_ratio() ==> (1, 1)
(2**100).bit_length() ==> 101
(1.5).is_integer() ==> False
(2.0).is_integer() ==> True
float('inf').is_integer() ==> False
(0.1).as_integer_ratio() ==> (3602879701896397, 36028797018963968)
(-2.5).as_integer_ratio() ==> (-5, 2)
(0.0).as_integer_ratio() ==> (0, 1)
(1e300).as_integer_ratio() ==> (1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160, 1)
(1.5).conjugate() ==> 1.5
int.bit_length(True) ==> 1
int.bit_length(1.5) ==> TypeError: descriptor 'bit_length' for 'int' objects doesn't apply to a 'float' object
float.is_integer(1) ==> TypeError: descriptor 'is_integer' for 'float' objects doesn't apply to a 'int' object
(5).is_integer() ==> AttributeError: 'int' object has no attribute 'is_integer'
(1, 2, 1, 1).count(1) ==> 3
(1, 2, 3).index(3, -1) ==> 2
(1, 2, 3).index(1, -10, 10) ==> 0
range(5, 20, 3).count(11) ==> 1
range(5, 20, 3).count(12) ==> 0
range(-5, -20, -3).index(-17) ==> 4
range(0, 10**18, 7).index(7 * 10**15) ==> 1000000000000000
range(10).index(3.0) ==> 3
range(10).count(3.5) ==> 0
(-1).bit_length() ==> 1
(2**64).bit_count() ==> 1
(-7).as_integer_ratio() ==> (-7, 1)
(1.25).as_integer_ratio() ==> (5, 4)
(-0.0).as_integer_ratio() ==> (0, 1)
(5e-324).as_integer_ratio() ==> (1, 202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784)
(3.0).is_integer() ==> True
(-0.0).is_integer() ==> True
float('nan').is_integer() ==> False
int.bit_length(7) ==> 3
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, Views) {
  const char* source = R"py(try:
    r = list({'a': 1, 'b': 2}.items())
    print("list({'a': 1, 'b': 2}.items())", '==>', repr(r))
except Exception as e:
    print("list({'a': 1, 'b': 2}.items())", '==>', type(e).__name__ + ':', e)
try:
    r = list({'a': 1, 'b': 2}.keys())
    print("list({'a': 1, 'b': 2}.keys())", '==>', repr(r))
except Exception as e:
    print("list({'a': 1, 'b': 2}.keys())", '==>', type(e).__name__ + ':', e)
try:
    r = list({'a': 1, 'b': 2}.values())
    print("list({'a': 1, 'b': 2}.values())", '==>', repr(r))
except Exception as e:
    print("list({'a': 1, 'b': 2}.values())", '==>', type(e).__name__ + ':', e)
)py";
  const char* expected = R"py(list({'a': 1, 'b': 2}.items()) ==> [('a', 1), ('b', 2)]
list({'a': 1, 'b': 2}.keys()) ==> ['a', 'b']
list({'a': 1, 'b': 2}.values()) ==> [1, 2]
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, ListSortComparisonOrder) {
  const char* source = R"py(log = []
class K:
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        log.append((self.tag, other.tag))
        return self.v < other.v
    def __repr__(self):
        return 'K(%r,%r)' % (self.v, self.tag)

def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % (2**31)
        yield x

def check(name, values, **kw):
    global log
    log = []
    items = [K(v, i) for i, v in enumerate(values)]
    items.sort(**kw)
    h = 0
    for a, b in log:
        h = (h * 1000003 + a * 7919 + b) % (2**61 - 1)
    print(name, len(log), h, [k.tag for k in items][:12])

g = lcg(42)
for n in [0, 1, 2, 5, 31, 64, 65, 100, 257, 1000, 3000]:
    vals = [next(g) % 50 for _ in range(n)]
    check('rand%d' % n, vals)
    check('rev%d' % n, vals, reverse=True)
check('sorted', list(range(500)))
check('desc', list(range(500, 0, -1)))
check('sawtooth', [i % 37 for i in range(2000)])
check('runs', list(range(300)) + list(range(100)) + list(range(200, 0, -1)) + [5] * 50)
check('fewdistinct', [next(g) % 3 for _ in range(1500)])
check('galloping', list(range(0, 2000, 2)) + list(range(1, 2000, 2)))
check('key', [next(g) % 1000 for _ in range(800)], key=lambda k: K(-k.v, k.tag))

class Bad:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Bad.n += 1
        return (Bad.n * 7 + self.v) % 3 == 0
    def __repr__(self): return 'B%d' % self.v
b = [Bad(i) for i in range(200)]
b.sort()
print('inconsistent', Bad.n, [x.v for x in b][:30])

class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 77: raise ValueError('boom')
        return self.v < o.v
l = [Boom((i * 37) % 100) for i in range(100)]
try:
    l.sort()
except ValueError as e:
    print('error', e, [x.v for x in l][:40])
l = [3, 1, 2]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print('modified:', e, l)
)py";
  const char* expected = R"py(rand0 0 0 []
rev0 0 0 []
rand1 0 0 [0]
rev1 0 0 [0]
rand2 1 7919 [1, 0]
rev2 1 1 [0, 1]
rand5 9 578711819040062492 [0, 4, 2, 3, 1]
rev5 9 464262553965142562 [1, 3, 2, 4, 0]
rand31 114 992067215051296589 [9, 1, 4, 10, 18, 11, 0, 12, 23, 6, 7, 2]
rev31 118 1317853800147865464 [20, 14, 3, 25, 16, 29, 5, 22, 15, 30, 13, 27]
rand64 304 945190681629954377 [0, 10, 21, 25, 57, 30, 62, 11, 13, 27, 35, 41]
rev64 301 93837887520298641 [52, 16, 49, 18, 26, 28, 60, 5, 17, 36, 29, 22]
rand65 309 1567688043511665902 [12, 32, 64, 23, 25, 63, 16, 15, 41, 35, 52, 29]
rev65 308 2084493151715440893 [11, 31, 0, 14, 24, 50, 27, 44, 9, 10, 18, 58]
rand100 537 1570660609268219883 [7, 77, 13, 16, 48, 84, 15, 39, 59, 89, 21, 41]
rev100 536 825219743072560833 [74, 85, 28, 3, 31, 71, 60, 25, 79, 12, 20, 66]
rand257 1725 89988523803060060 [75, 113, 135, 187, 189, 0, 40, 58, 96, 138, 206, 17]
rev257 1735 186205413764797135 [26, 116, 192, 210, 19, 29, 81, 97, 223, 46, 162, 194]
rand1000 8370 1629648970007343634 [38, 60, 200, 204, 230, 276, 308, 434, 496, 504, 508, 576]
rev1000 8368 1368649491781971612 [15, 99, 131, 145, 213, 243, 263, 301, 341, 349, 451, 507]
rand3000 27320 952152517676424383 [2, 34, 68, 108, 152, 200, 214, 238, 244, 352, 402, 564]
rev3000 27310 1620381869490602790 [91, 105, 197, 219, 241, 293, 543, 555, 615, 667, 709, 723]
sorted 499 1981344028816155239 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
desc 499 1981344028816155239 [499, 498, 497, 496, 495, 494, 493, 492, 491, 490, 489, 488]
sawtooth 15767 2298480021804782020 [0, 37, 74, 111, 148, 185, 222, 259, 296, 333, 370, 407]
runs 1414 831032831899559964 [0, 300, 1, 301, 599, 2, 302, 598, 3, 303, 597, 4]
fewdistinct 7766 1082425383862671147 [1, 4, 8, 10, 11, 12, 13, 14, 16, 26, 29, 34]
galloping 3998 988027514155789795 [0, 1000, 1, 1001, 2, 1002, 3, 1003, 4, 1004, 5, 1005]
key 6650 516170365738059627 [747, 181, 190, 539, 47, 646, 392, 348, 692, 295, 471, 326]
inconsistent 1092 [100, 0, 50, 1, 53, 55, 2, 56, 3, 9, 59, 4, 54, 14, 64, 17, 12, 67, 20, 62, 70, 23, 25, 73, 75, 77, 27, 81, 83, 85]
error boom [0, 3, 7, 11, 18, 22, 29, 33, 37, 40, 44, 48, 55, 59, 66, 70, 74, 81, 85, 92, 96, 77, 14, 51, 88, 25, 62, 99, 36, 73, 10, 47, 84, 21, 58, 95, 32, 69, 6, 43]
modified: list modified during sort [1, 2, 3]
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, DictSetWithPythonKeys) {
  const char* source = R"py(
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v % 3)
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return 'K(%d)' % self.v
d = {}
for i in range(6):
    d.setdefault(K(i), []).append(i)
print(d)
print(d.pop(K(4)), d.get(K(4), 'gone'), K(1) in d)
s = set(K(i) for i in range(5))
s.discard(K(2))
print(sorted(s, key=lambda k: k.v), s.issuperset([K(0), K(1)]), s.isdisjoint({K(9)}))
try:
    d.pop(K(10))
except KeyError as e:
    print('KeyError', e, e.args)
try:
    s.remove(K(10))
except KeyError as e:
    print('KeyError', e)
try:
    {}.setdefault([])
except TypeError as e:
    print(e)
class M:
    def keys(self): return ['a', 'b']
    def __getitem__(self, k): return k * 2
d = {}
d.update(M(), c=3)
print(d)
print('{a}-{b}'.format_map(M()))
class F:
    def __format__(self, spec): return 'F<' + spec + '>'
print('{:xyz} {}'.format(F(), F()), format(F(), '!'))
class Idx:
    def __index__(self): return 2
print(['a', 'b', 'c', 'd'].pop(Idx()), 'abc'.center(Idx(), '*'), 'x'.zfill(Idx()))
l = [3, 1, 2]
l.sort(key=lambda x: -x)
print(l)
l = ['b', 'A', 'c']
l.sort(key=str.lower, reverse=True)
print(l)
)py";
  const char* expected = R"py({K(0): [0], K(1): [1], K(2): [2], K(3): [3], K(4): [4], K(5): [5]}
[4] gone True
[K(0), K(1), K(3), K(4)] True True
KeyError K(10) (K(10),)
KeyError K(10)
unhashable type: 'list'
{'a': 'aa', 'b': 'bb', 'c': 3}
aa-bb
F<xyz> F<> F<!>
c abc 0x
[3, 2, 1]
['c', 'b', 'A']
)py";
  EXPECT_EQ(runPython(source), expected);
}

TEST(Methods, ListMutation) {
  const char* source = R"py(
l = [1, 2, 3]
l.append(4); l.extend(range(2)); l.extend('ab'); l.extend((9,)); l.insert(0, 'z'); l.insert(100, 'end'); l.insert(-1, 'pen')
print(l, l.pop(), l.pop(0), l.pop(-2), l)
l.remove('a'); print(l, l.index('pen'), l.count(1))
l.extend(l); print(len(l))
c = l.copy(); l.clear(); print(l, len(c))
c.reverse(); print(c)
l = [5, 1, 4]
print(l.sort(), l, l.sort(reverse=True), l)
calls = []
class Eq:
    def __eq__(self, o):
        calls.append(o)
        return False
l = [Eq(), 1, 2]
print(l.count(1), l.index(2), calls)
nan = float('nan')
print([nan].count(nan), [1.0, 1].count(1), [True].index(1))
)py";
  const char* expected = R"py([1, 2, 3, 4, 0, 1, 'a', 'b', 'pen'] end z 9 [1, 2, 3, 4, 0, 1, 'a', 'b', 'pen']
[1, 2, 3, 4, 0, 1, 'b', 'pen'] 7 2
16
[] 16
['pen', 'b', 1, 0, 4, 3, 2, 1, 'pen', 'b', 1, 0, 4, 3, 2, 1]
None [5, 4, 1] None [5, 4, 1]
1 2 [1, 2]
1 2 0
)py";
  EXPECT_EQ(runPython(source), expected);
}

std::string mapped(int (*fn)(char32_t, char32_t*), char32_t c) {
  char32_t m[3];
  int n = fn(c, m);
  std::string s;
  for (int i = 0; i < n; ++i) unicode::append(s, m[i]);
  return s;
}

TEST(Unicode, CaseMappings) {
  EXPECT_EQ(mapped(unicode::toUpper, U'ß'), "SS");
  EXPECT_EQ(mapped(unicode::toUpper, U'é'), "É");
  EXPECT_EQ(mapped(unicode::toLower, U'İ'), "i\u0307");
  EXPECT_EQ(mapped(unicode::toTitle, U'ǆ'), "ǅ");
  EXPECT_EQ(mapped(unicode::toFold, U'ﬃ'), "ffi");
  EXPECT_EQ(mapped(unicode::toLower, U'Σ'), "σ");
  EXPECT_EQ(mapped(unicode::toUpper, U'a'), "A");
  EXPECT_EQ(mapped(unicode::toUpper, U'日'), "日");
}

TEST(Unicode, Properties) {
  EXPECT_TRUE(unicode::isAlpha(U'中'));
  EXPECT_FALSE(unicode::isAlpha(U'1'));
  EXPECT_TRUE(unicode::isDecimal(U'٣'));
  EXPECT_TRUE(unicode::isDigit(U'²'));
  EXPECT_FALSE(unicode::isDecimal(U'²'));
  EXPECT_TRUE(unicode::isNumeric(U'½'));
  EXPECT_TRUE(unicode::isSpace(0x3000));
  EXPECT_FALSE(unicode::isSpace(0x200B));
  EXPECT_TRUE(unicode::isLinebreak(0x2029));
  EXPECT_TRUE(unicode::isTitle(U'ǅ'));
  EXPECT_TRUE(unicode::isCased(U'ª'));
  EXPECT_TRUE(unicode::isCaseIgnorable(U'\''));
  EXPECT_TRUE(unicode::isXidStart(U'ℕ'));
  EXPECT_TRUE(unicode::isXidContinue(U'·'));
  EXPECT_FALSE(unicode::isPrintable(0x85));
  EXPECT_TRUE(unicode::isPrintable(U'é'));
}

TEST(Unicode, Utf8Offsets) {
  std::string s = "aé日😀b";
  EXPECT_EQ(unicode::length(s), 5u);
  EXPECT_EQ(unicode::byteOffset(s, 0), 0u);
  EXPECT_EQ(unicode::byteOffset(s, 2), 3u);
  EXPECT_EQ(unicode::byteOffset(s, 4), 10u);
  EXPECT_EQ(unicode::byteOffset(s, 9), s.size());
  EXPECT_EQ(unicode::cpIndex(s, 6), 3u);
  EXPECT_EQ(unicode::fromU32(unicode::toU32(s)), s);
  EXPECT_FALSE(unicode::isAscii(s));
}

// sort()'s cost follows the comparisons it makes: n - 1 for a sorted list, more for a shuffled
// one, and more per comparison when Python-level __lt__ could be involved.
TEST(Methods, SortCostFollowsComparisons) {
  Vm vm(nullptr, "t.py", "");
  PyThread t;
  std::vector<Value> sorted, shuffled, tuples;
  for (int i = 0; i < 1000; ++i) {
    sorted.push_back(Value::integer(i));
    shuffled.push_back(Value::integer((i * 7919) % 1000));
    tuples.push_back(vm.tuple({Value::integer((i * 7919) % 1000)}));
  }
  int64_t c1 = 0, c2 = 0, c3 = 0;
  interleave::Nanos cost1 = 0, cost2 = 0, cost3 = 0;
  ASSERT_TRUE(sortValues(vm, t, sorted, Value::none(), false, &c1, &cost1));
  ASSERT_TRUE(sortValues(vm, t, shuffled, Value::none(), false, &c2, &cost2));
  ASSERT_TRUE(sortValues(vm, t, tuples, Value::none(), false, &c3, &cost3));
  EXPECT_EQ(c1, 999);
  EXPECT_GT(c2, 5 * c1);
  EXPECT_EQ(c2, c3);
  EXPECT_GT(cost2, cost1);
  EXPECT_GT(cost3, cost2);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(shuffled[static_cast<size_t>(i)].asInt(), i);
}
