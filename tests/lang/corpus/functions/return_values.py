def min_max(values):
    return min(values), max(values)

lo, hi = min_max([4, 8, 1, 9])
print(lo, hi, min_max([5]))

def nothing():
    return

def implicit():
    pass

print(nothing(), implicit())

def early(n):
    if n < 0:
        return "negative"
    for i in range(n):
        if i * i > n:
            return i
    return None

print(early(-1), early(10), early(0))
def stats(xs):
    return {"n": len(xs), "total": sum(xs)}
print(stats([1, 2, 3]))

# expect: 1 9 (5, 5)
# expect: None None
# expect: negative 4 None
# expect: {'n': 3, 'total': 6}
