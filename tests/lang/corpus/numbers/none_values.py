def no_return():
    x = 1

result = no_return()
print(result, repr(result), str(result))
print(result is None, result == None)
print(bool(None), None or "default")
d = {"a": None}
print(d.get("a"), d.get("missing"), d)
values = [None, 0, False, ""]
print([v is None for v in values])
print(print("inner") is None)
x = None
if not x:
    print("None is falsy")

# expect: None None None
# expect: True True
# expect: False default
# expect: None None {'a': None}
# expect: [True, False, False, False]
# expect: inner
# expect: True
# expect: None is falsy
