print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print([n if n > 0 else 0 for n in [-2, 3, -1, 5]])
print({n: ("big" if n > 2 else "small") for n in range(5)})
print([x for x in range(10) if x % 2 == 0 if x > 2])
print(["fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else n
       for n in range(1, 16)])

# expect: ['even', 'odd', 'even', 'odd', 'even']
# expect: [0, 3, 0, 5]
# expect: {0: 'small', 1: 'small', 2: 'small', 3: 'big', 4: 'big'}
# expect: [4, 6, 8]
# expect: [1, 2, 'fizz', 4, 'buzz', 'fizz', 7, 8, 'fizz', 'buzz', 11, 'fizz', 13, 14, 'fizzbuzz']
