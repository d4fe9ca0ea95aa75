class Cat:
    sound = "meow"

class Dog:
    sound = "woof"

def make(kind):
    return kind()

animals = [make(k) for k in (Cat, Dog, Cat)]
print([a.sound for a in animals])
registry = {cls.__name__: cls for cls in (Cat, Dog)}
print(list(registry), registry["Dog"]().sound)
print(type(animals[0]) is Cat, type(animals[1]) == Dog)
Alias = Cat
print(Alias.__name__, isinstance(animals[0], Alias))

# expect: ['meow', 'woof', 'meow']
# expect: ['Cat', 'Dog'] woof
# expect: True True
# expect: Cat True
