x: int = 5
y: list = []
name: str
label: "anything goes" = "ok"

def add(a: int, b: float = 1.5) -> float:
    result: float = a + b
    return result

def greet(who: str | None = None) -> str:
    return "hello " + (who or "world")

class Account:
    balance: float = 0.0
    owner: str

    def __init__(self, owner: str) -> None:
        self.owner = owner

print(x, y, label)
print(add(1), add(2, 3))
print(greet(), greet("ann"))
print(Account("bob").owner, Account.balance)
try:
    print(name)
except NameError as e:
    print(e)

# expect: 5 [] ok
# expect: 2.5 5
# expect: hello world hello ann
# expect: bob 0.0
# expect: name 'name' is not defined
