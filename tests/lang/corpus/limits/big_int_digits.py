big = 2 ** 10000
s = str(big)
print(len(s), s[:20], s[-20:])
print(big % 1000000007)
print((big + 1) // big, big.bit_length())
n = 1
for i in range(1, 1001):
    n *= i
print(len(str(n)), str(n)[:30])
print(sum(int(d) for d in str(n)))
print(n % (10 ** 9 + 7))

# expect: 3011 19950631168807583848 81774304792596709376
# expect: 905611805
# expect: 1 10001
# expect: 2568 402387260077093773543702433923
# expect: 10539
# expect: 641419708
