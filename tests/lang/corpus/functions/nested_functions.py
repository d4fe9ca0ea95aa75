def outer(x):
    def helper(y):
        return y * 2
    def other():
        return helper(x) + 1
    return other()

print(outer(5))

def pipeline(value):
    def step1(v):
        return v + 1
    def step2(v):
        return v * 10
    for step in (step1, step2, step1):
        value = step(value)
    return value

print(pipeline(1))
def count_down(n):
    def go(k):
        if k == 0:
            return ["liftoff"]
        return [k] + go(k - 1)
    return go(n)
print(count_down(3))

# expect: 11
# expect: 21
# expect: [3, 2, 1, 'liftoff']
