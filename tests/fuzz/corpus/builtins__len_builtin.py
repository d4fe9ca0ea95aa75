print(len("hello"), len(""), len([1, 2, 3]), len(()), len({"a": 1, "b": 2}))
print(len({1, 2, 2, 3}), len(range(0, 100, 7)), len("héllo"), len([[1, 2], [3]]))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print(e)

# expect: 5 0 3 0 2
# expect: 3 15 5 2
# expect: 42
# expect: object of type 'int' has no len()
