d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print("str:", e)
    print("repr:", repr(e))
    print("args:", e.args)
try:
    {}[42]
except KeyError as e:
    print(e, e.args[0] + 1)
try:
    {}[("t", 1)]
except KeyError as e:
    print(e)
try:
    d.pop("nope")
except LookupError as e:
    print("LookupError:", repr(e))

# expect: str: 'missing'
# expect: repr: KeyError('missing')
# expect: args: ('missing',)
# expect: 42 43
# expect: ('t', 1)
# expect: LookupError: KeyError('nope')
