class Timer:
    def __init__(self, label):
        self.label = label
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        print(f"[{self.label}] start")
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.log.append("exit")
        print(f"[{self.label}] end, error={exc_type.__name__ if exc_type else None}")
        return False

with Timer("block") as t:
    print("inside", t.label)
print(t.log)

try:
    with Timer("failing"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

# expect: [block] start
# expect: inside block
# expect: [block] end, error=None
# expect: ['enter', 'exit']
# expect: [failing] start
# expect: [failing] end, error=ValueError
# expect: caught boom
