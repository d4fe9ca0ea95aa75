print(divmod(10, 3))
print(divmod(-10, 3))
print(divmod(10, -3))
print(divmod(0, 5))
q, r = divmod(12345, 100)
print(q, r)
print(divmod(7.5, 2))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0))
print(abs(-10 ** 30))
print(abs(True), abs(False))
seconds = 3725
minutes, seconds = divmod(seconds, 60)
hours, minutes = divmod(minutes, 60)
print(f"{hours}h {minutes}m {seconds}s")

# expect: (3, 1)
# expect: (-4, 2)
# expect: (-4, -2)
# expect: (0, 0)
# expect: 123 45
# expect: (3.0, 1.5)
# expect: 5 5 2.5 0 0.0
# expect: 1000000000000000000000000000000
# expect: 1 0
# expect: 1h 2m 5s
