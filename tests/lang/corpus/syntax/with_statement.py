class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False

with Managed("a") as value:
    print("body", value)

with Managed("outer") as o, Managed("inner") as i:
    print("both", o, i)

with Managed("no-as"):
    print("without as")

def early():
    with Managed("ret"):
        return "returned"

print(early())
for n in range(3):
    with Managed(str(n)):
        if n == 1:
            break

# expect: enter a
# expect: body A
# expect: exit a None
# expect: enter outer
# expect: enter inner
# expect: both OUTER INNER
# expect: exit inner None
# expect: exit outer None
# expect: enter no-as
# expect: without as
# expect: exit no-as None
# expect: enter ret
# expect: exit ret None
# expect: returned
# expect: enter 0
# expect: exit 0 None
# expect: enter 1
# expect: exit 1 None
