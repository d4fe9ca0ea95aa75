class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"

versions = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 9)]
print(sorted(versions))
print(max(versions), min(versions))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1))
print(Version(1, 0) < Version(1, 1), Version(2, 0) > Version(1, 1))
print(Version(0, 9) in versions, versions.index(Version(1, 0)))
class NoEq:
    pass
a = NoEq()
print(a == a, a == NoEq(), a != NoEq())

# expect: [v0.9, v0.9, v1.0, v1.2]
# expect: v1.2 v0.9
# expect: True True
# expect: True True
# expect: True 2
# expect: True False True
