class Dog:
    species = "canis"

    def __init__(self, name, age=1):
        self.name = name
        self.age = age

    def bark(self):
        return f"{self.name} says woof"

    def birthday(self):
        self.age += 1
        return self.age

d = Dog("Rex", 3)
print(d.name, d.age, d.species)
print(d.bark())
print(d.birthday(), d.age)
e = Dog("Fido")
print(e.age, e.bark())
print(isinstance(d, Dog), type(d).__name__, Dog.__name__)

# expect: Rex 3 canis
# expect: Rex says woof
# expect: 4 4
# expect: 1 Fido says woof
# expect: True Dog Dog
