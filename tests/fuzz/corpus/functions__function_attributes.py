def documented(a, b=2):
    """Adds things."""
    return a + b

print(documented.__name__)
print(documented.__doc__)
print(documented(1), documented(1, 1))
alias = documented
print(alias.__name__, alias(1))
def no_doc():
    pass
print(no_doc.__doc__)
print(repr(documented)[:20])
print(documented)

# expect: documented
# expect: Adds things.
# expect: 3 2
# expect: documented 3
# expect: None
# expect: <function documented
# expect: <function documented at 0x?>
