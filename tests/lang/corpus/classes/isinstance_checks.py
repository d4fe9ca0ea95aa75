class Base:
    pass

class Child(Base):
    pass

values = [1, 2.0, "s", True, None, [1], (1,), {"a": 1}, {1}, Child()]
for v in values:
    print(repr(v) if not isinstance(v, Base) else "Child()",
          isinstance(v, int), isinstance(v, (int, float)), isinstance(v, (list, tuple)),
          isinstance(v, Base))
print(isinstance(True, bool), isinstance(1, bool), isinstance(Child(), object))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))

# expect: 1 True True False False
# expect: 2.0 False True False False
# expect: 's' False False False False
# expect: True True True False False
# expect: None False False False False
# expect: [1] False False True False
# expect: (1,) False False True False
# expect: {'a': 1} False False False False
# expect: {1} False False False False
# expect: Child() False False False True
# expect: True False True
# expect: True True
