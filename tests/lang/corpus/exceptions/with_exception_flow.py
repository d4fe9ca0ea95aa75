class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, "because of", repr(exc))

def use():
    with Resource("r1"), Resource("r2"):
        raise KeyError("inside")

try:
    use()
except KeyError as e:
    print("caught", e)
with Resource("ok") as r:
    print("using", r.name)

# expect: open r1
# expect: open r2
# expect: close r2 because of KeyError('inside')
# expect: close r1 because of KeyError('inside')
# expect: caught 'inside'
# expect: open ok
# expect: using ok
# expect: close ok because of None
