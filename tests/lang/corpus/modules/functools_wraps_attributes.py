# functools.wraps copies __module__, __name__, __qualname__, __doc__, merges __dict__ and sets
# __wrapped__ (the lessons' timing decorator).
import functools
import time
from functools import wraps

def timedec(operation_name):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            result = func(*args, **kwargs)
            elapsed = time.perf_counter() - start
            print(f'{operation_name}: {elapsed >= 0}')
            return result
        return wrapper
    return decorator

@timedec('work')
def work(n):
    """Sum up to n."""
    return sum(range(n))

print(work(10), work.__name__, work.__doc__, work.__qualname__, work.__module__)
print(work.__wrapped__.__name__, work.__wrapped__(4))

class Service:
    @timedec('method')
    def fetch(self):
        return 'fetched'

print(Service().fetch(), Service.fetch.__qualname__, Service.fetch.__name__, Service.fetch.__doc__)

def make():
    @timedec('local')
    def inner():
        pass
    return inner
print(make().__qualname__)

def counted(f):
    f.calls = 0
    return f

@timedec('counted')
@counted
def g():
    pass
print(g.calls, sorted(g.__dict__))

lam = functools.wraps(lambda x: x)(lambda y: y)
print(lam.__name__, lam.__doc__)
wrapped_len = functools.wraps(len)(lambda x: 0)
print(wrapped_len.__name__, wrapped_len.__qualname__, wrapped_len.__module__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# expect: work: True
# expect: 45 work Sum up to n. work __main__
# expect: work 6
# expect: method: True
# expect: fetched Service.fetch fetch None
# expect: make.<locals>.inner
# expect: 0 ['__wrapped__', 'calls']
# expect: <lambda> None
# expect: len len builtins
# expect: ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__') ('__dict__',)
