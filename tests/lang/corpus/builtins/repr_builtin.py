print(repr(1), repr(1.0), repr("s"), repr(None), repr(True))
print(repr([1, "two"]), repr((3,)), repr({"k": "v"}), repr(set()))
print(repr("line\nbreak"), repr("tab\t"), repr("q'uote"))
print(repr(range(2, 8, 2)), repr(10 ** 25), repr(-0.0))
print(repr(repr("x")))
class C:
    def __repr__(self):
        return "C<custom>"
print(repr(C()), repr([C(), C()]))
print(str("s") == repr("s"), repr("s") == "'s'")

# expect: 1 1.0 's' None True
# expect: [1, 'two'] (3,) {'k': 'v'} set()
# expect: 'line\nbreak' 'tab\t' "q'uote"
# expect: range(2, 8, 2) 10000000000000000000000000 -0.0
# expect: "'x'"
# expect: C<custom> [C<custom>, C<custom>]
# expect: False True
