def guarded():
    try:
        yield "first"
        yield "second"
    finally:
        print("  generator cleanup")

for value in guarded():
    print(value)
print("loop done")

def safe_divide(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield None

print(list(safe_divide([(1, 2), (1, 0), (9, 3)])))

# expect: first
# expect: second
# expect:   generator cleanup
# expect: loop done
# expect: [0.5, None, 3.0]
