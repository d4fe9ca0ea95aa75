def lookup(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"no entry for {key}") from None

lookup("zzz")

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "raise_from_none.py", line 8, in <module>
# expect-stderr:     lookup("zzz")
# expect-stderr:   File "raise_from_none.py", line 6, in lookup
# expect-stderr:     raise LookupError(f"no entry for {key}") from None
# expect-stderr: LookupError: no entry for zzz
# expect-exit: 1
