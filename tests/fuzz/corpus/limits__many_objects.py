class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self):
        self.x += self.v

particles = [Particle(i, i % 5 - 2) for i in range(20_000)]
for _ in range(10):
    for p in particles:
        p.step()
print(sum(p.x for p in particles))
print(min(p.x for p in particles), max(p.x for p in particles))

# expect: 199990000
# expect: -20 20019
