class InsufficientStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(f"only 0 {item} left, wanted {wanted}")

class Shop:
    def order(self, item, qty):
        raise InsufficientStock(item, qty)

Shop().order("apples", 3)

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "custom_exception.py", line 9, in <module>
# expect-stderr:     Shop().order("apples", 3)
# expect-stderr:   File "custom_exception.py", line 7, in order
# expect-stderr:     raise InsufficientStock(item, qty)
# expect-stderr: InsufficientStock: only 0 apples left, wanted 3
# expect-exit: 1
