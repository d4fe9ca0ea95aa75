class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: balance {self.balance}, requested {amount}")
        self.balance -= amount
        return self.balance

acct = Account(100)
print(acct.withdraw(30))
acct.withdraw(500)

# expect: 70
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "method_error.py", line 13, in <module>
# expect-stderr:     acct.withdraw(500)
# expect-stderr:   File "method_error.py", line 7, in withdraw
# expect-stderr:     raise ValueError(f"insufficient funds: balance {self.balance}, requested {amount}")
# expect-stderr: ValueError: insufficient funds: balance 70, requested 500
# expect-exit: 1
