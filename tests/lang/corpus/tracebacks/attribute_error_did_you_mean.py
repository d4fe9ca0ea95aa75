class Account:
    def __init__(self):
        self.balance = 0

    def withdraw(self, amount):
        self.balance -= amount

acct = Account()
acct.withdraw(5)
print(acct.balance)
acct.withdrew(5)

# expect: -5
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "attribute_error_did_you_mean.py", line 11, in <module>
# expect-stderr:     acct.withdrew(5)
# expect-stderr:     ^^^^^^^^^^^^^
# expect-stderr: AttributeError: 'Account' object has no attribute 'withdrew'. Did you mean: 'withdraw'?
# expect-exit: 1
