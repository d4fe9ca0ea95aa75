def repeat(times):
    def decorator(func):
        def wrapper(*args, **kwargs):
            results = []
            for _ in range(times):
                results.append(func(*args, **kwargs))
            return results
        return wrapper
    return decorator

@repeat(3)
def roll(x):
    return x * 2

print(roll(5))

def tag(name, close=True):
    def decorator(func):
        def wrapper(text):
            inner = func(text)
            return f"<{name}>{inner}</{name}>" if close else f"<{name}>{inner}"
        return wrapper
    return decorator

@tag("b")
@tag("i", close=False)
def text(s):
    return s

print(text("hi"))

# expect: [10, 10, 10]
# expect: <b><i>hi</b>
