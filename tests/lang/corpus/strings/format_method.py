print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{:.2f}|{:>6}|{:<6}|{:^6}|".format(3.14159, "r", "l", "c"))
print("{:,}".format(1234567), "{:05d}".format(42), "{:x}".format(255))
print("{0[0]} {0[1]}".format(["x", "y"]))
print("{:%}".format(0.25), "{:.1%}".format(0.123))
print("{{literal}} {}".format("ok"))
print("{!r} {!s}".format("q", "q"))
point = {"x": 1, "y": 2}
print("({x}, {y})".format(**point))

# expect: 1 + 2 = 3
# expect: a b a
# expect: Ann is 30
# expect: 3.14|     r|l     |  c   |
# expect: 1,234,567 00042 ff
# expect: x y
# expect: 25.000000% 12.3%
# expect: {literal} ok
# expect: 'q' q
# expect: (1, 2)
