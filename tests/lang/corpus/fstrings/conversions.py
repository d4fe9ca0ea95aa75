s = "text"
print(f"{s!r} {s!s} {s}")
print(f"{[s]!s} {[s]!r}")
print(f"{'é'!a} {'plain'!a}")
print(f"{s!r:>10}|{s!s:<8}|")

class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"

p = P()
print(f"{p} {p!r} {p!s}")
print(f"{3.0!r} {None!r}")

# expect: 'text' text text
# expect: ['text'] ['text']
# expect: '\xe9' 'plain'
# expect:     'text'|text    |
# expect: a P P() a P
# expect: 3.0 None
