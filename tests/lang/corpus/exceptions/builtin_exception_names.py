samples = [ValueError("v"), TypeError("t"), KeyError("k"), IndexError("i"),
           ZeroDivisionError("z"), AttributeError("a"), NameError("n"),
           RuntimeError("r"), NotImplementedError("ni"), StopIteration(),
           AssertionError("as"), OverflowError("o"), RecursionError("rec"),
           TimeoutError("to"), ConnectionError("c"), OSError("os"),
           FileNotFoundError("f"), PermissionError("p"), LookupError("l"),
           ArithmeticError("ar"), UnboundLocalError("u"), Exception("e")]
for exc in samples:
    print(type(exc).__name__, repr(exc), isinstance(exc, Exception))
print(issubclass(FileNotFoundError, OSError), issubclass(TimeoutError, OSError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))

# expect: ValueError ValueError('v') True
# expect: TypeError TypeError('t') True
# expect: KeyError KeyError('k') True
# expect: IndexError IndexError('i') True
# expect: ZeroDivisionError ZeroDivisionError('z') True
# expect: AttributeError AttributeError('a') True
# expect: NameError NameError('n') True
# expect: RuntimeError RuntimeError('r') True
# expect: NotImplementedError NotImplementedError('ni') True
# expect: StopIteration StopIteration() True
# expect: AssertionError AssertionError('as') True
# expect: OverflowError OverflowError('o') True
# expect: RecursionError RecursionError('rec') True
# expect: TimeoutError TimeoutError('to') True
# expect: ConnectionError ConnectionError('c') True
# expect: OSError OSError('os') True
# expect: FileNotFoundError FileNotFoundError('f') True
# expect: PermissionError PermissionError('p') True
# expect: LookupError LookupError('l') True
# expect: ArithmeticError ArithmeticError('ar') True
# expect: UnboundLocalError UnboundLocalError('u') True
# expect: Exception Exception('e') True
# expect: True True
# expect: False True
