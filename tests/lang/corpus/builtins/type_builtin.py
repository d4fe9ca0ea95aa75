for v in [1, 1.0, "s", True, None, [1], (1,), {"a": 1}, {1}, range(1)]:
    print(type(v), type(v).__name__)
print(type(1) == int, type(True) == int, type(True) is bool)
def f():
    pass
class K:
    pass
print(type(f).__name__, type(K()).__name__, type(K).__name__)
print(type(ValueError("x")).__name__)

# expect: <class 'int'> int
# expect: <class 'float'> float
# expect: <class 'str'> str
# expect: <class 'bool'> bool
# expect: <class 'NoneType'> NoneType
# expect: <class 'list'> list
# expect: <class 'tuple'> tuple
# expect: <class 'dict'> dict
# expect: <class 'set'> set
# expect: <class 'range'> range
# expect: True False True
# expect: function K type
# expect: ValueError
