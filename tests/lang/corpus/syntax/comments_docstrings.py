"""Module docstring."""
# A comment at the top


def documented():
    """Return the answer.

    Multi-line docstring.
    """
    # comment inside
    return 42  # trailing comment


class C:
    """Class docstring."""

    def m(self):
        "single-quoted docstring"
        return "m"


print(documented())
print(documented.__doc__.splitlines()[0])
print(C.__doc__)
print(C().m(), C.m.__doc__)
print(__doc__)

# expect: 42
# expect: Return the answer.
# expect: Class docstring.
# expect: m single-quoted docstring
# expect: Module docstring.
