x = 10
x += 5; print("+=", x)
x -= 3; print("-=", x)
x *= 4; print("*=", x)
x //= 5; print("//=", x)
x %= 4; print("%=", x)
x **= 3; print("**=", x)
x /= 2; print("/=", x)
y = 0b1100
y &= 0b1010; print("&=", y)
y |= 0b0101; print("|=", y)
y ^= 0b1111; print("^=", y)
y <<= 3; print("<<=", y)
y >>= 1; print(">>=", y)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
f = 1.5
f += 1; print(f)
f **= 2; print(f)

# expect: += 15
# expect: -= 12
# expect: *= 48
# expect: //= 9
# expect: %= 1
# expect: **= 1
# expect: /= 0.5
# expect: &= 8
# expect: |= 13
# expect: ^= 2
# expect: <<= 16
# expect: >>= 8
# expect: abcd
# expect: abcdabcd
# expect: 2.5
# expect: 6.25
