values = [0, 1.5, "s", [], (), {}, set(), None, True, range(1), len]
for v in values:
    kinds = [t.__name__ for t in (int, float, str, list, tuple, dict, set, bool) if isinstance(v, t)]
    print(repr(v), kinds)
print(isinstance(3, (str, int)), isinstance(3, (str, list)), isinstance("x", (str,)))
print(isinstance(None, type(None)), isinstance(int, type))

# expect: 0 ['int']
# expect: 1.5 ['float']
# expect: 's' ['str']
# expect: [] ['list']
# expect: () ['tuple']
# expect: {} ['dict']
# expect: set() ['set']
# expect: None []
# expect: True ['int', 'bool']
# expect: range(0, 1) []
# expect: <built-in function len> []
# expect: True False True
# expect: True True
