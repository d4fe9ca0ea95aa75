class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def to_fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    def __str__(self):
        return f"{self.celsius:.1f}°C"


temps = [Temperature(c) for c in (-40, 0, 36.6, 100)]
for t in temps:
    print(str(t), t.to_fahrenheit())
print(f"{temps[2]} / {temps[2].celsius:.3f}")
print(", ".join(str(t) for t in temps))

# expect: -40.0°C -40.0
# expect: 0.0°C 32.0
# expect: 36.6°C 97.88000000000001
# expect: 100.0°C 212.0
# expect: 36.6°C / 36.600
# expect: -40.0°C, 0.0°C, 36.6°C, 100.0°C
