print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" -> continued")
print()
print(1, 2.0, None, True, [1], (2,), {"k": 3})
print(*[1, 2, 3], sep=" | ")
print("x", end="")
print("y", end="")
print()
print("multi\nline")
print(sep="ignored")
print("flushed", flush=True)
print("", "", sep="-")

# expect: a b c
# expect: abc
# expect: a, b.
# expect: no newline -> continued
# expect:
# expect: 1 2.0 None True [1] (2,) {'k': 3}
# expect: 1 | 2 | 3
# expect: xy
# expect: multi
# expect: line
# expect:
# expect: flushed
# expect: -
