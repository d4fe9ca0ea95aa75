e = ValueError("bad value", 42)
print(e.args, str(e), repr(e))
e1 = ValueError("only")
print(e1.args, str(e1), repr(e1))
e0 = ValueError()
print(e0.args, repr(str(e0)), repr(e0))
print(repr(Exception(1, "two", [3])))
print(str(KeyError("k")), str(KeyError("k", "v")), str(IndexError("i")))
try:
    raise RuntimeError("with", "several", "args")
except RuntimeError as err:
    print(err, err.args[1])
try:
    raise TypeError
except TypeError as err:
    print(repr(err), err.args)

# expect: ('bad value', 42) ('bad value', 42) ValueError('bad value', 42)
# expect: ('only',) only ValueError('only')
# expect: () '' ValueError()
# expect: Exception(1, 'two', [3])
# expect: 'k' ('k', 'v') i
# expect: ('with', 'several', 'args') several
# expect: TypeError() ()
