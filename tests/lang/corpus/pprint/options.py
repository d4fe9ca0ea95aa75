# pprint's options: width, indent, depth, compact, sort_dicts; strings wrapped at spaces.
import pprint
data = {'zeta': list(range(25)), 'alpha': {'nested': ['x' * 10] * 4}, 'mid': (1, 2)}
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4)
pprint.pprint(data, depth=1)
pprint.pprint([[1, 2], [3, [4, [5, [6]]]]], depth=2)
pprint.pprint(list(range(60)), compact=True)
pprint.pprint({'b': 2, 'a': 1}, sort_dicts=False)
pprint.pp({'b': 2, 'a': 1})
pprint.pprint('word ' * 40)
pprint.pprint(['lorem ipsum dolor sit amet ' * 4, 'x'])
pprint.pprint({'text': 'line one\nline two\n' * 4})
print(pprint.pformat(list(range(12)), width=20))
print(pprint.saferepr({'b': [1, 2], 'a': 1}))
print(pprint.isreadable([1, 'a']), pprint.isrecursive([1]))
printer = pprint.PrettyPrinter(width=30, indent=2)
printer.pprint({'k%d' % i: i for i in range(5)})
print(printer.pformat(list('abcdefghij')))

# expect: {'alpha': {'nested': ['xxxxxxxxxx',
# expect:                       'xxxxxxxxxx',
# expect:                       'xxxxxxxxxx',
# expect:                       'xxxxxxxxxx']},
# expect:  'mid': (1, 2),
# expect:  'zeta': [0,
# expect:           1,
# expect:           2,
# expect:           3,
# expect:           4,
# expect:           5,
# expect:           6,
# expect:           7,
# expect:           8,
# expect:           9,
# expect:           10,
# expect:           11,
# expect:           12,
# expect:           13,
# expect:           14,
# expect:           15,
# expect:           16,
# expect:           17,
# expect:           18,
# expect:           19,
# expect:           20,
# expect:           21,
# expect:           22,
# expect:           23,
# expect:           24]}
# expect: {   'alpha': {   'nested': [   'xxxxxxxxxx',
# expect:                                'xxxxxxxxxx',
# expect:                                'xxxxxxxxxx',
# expect:                                'xxxxxxxxxx']},
# expect:     'mid': (1, 2),
# expect:     'zeta': [   0,
# expect:                 1,
# expect:                 2,
# expect:                 3,
# expect:                 4,
# expect:                 5,
# expect:                 6,
# expect:                 7,
# expect:                 8,
# expect:                 9,
# expect:                 10,
# expect:                 11,
# expect:                 12,
# expect:                 13,
# expect:                 14,
# expect:                 15,
# expect:                 16,
# expect:                 17,
# expect:                 18,
# expect:                 19,
# expect:                 20,
# expect:                 21,
# expect:                 22,
# expect:                 23,
# expect:                 24]}
# expect: {'alpha': {...}, 'mid': (...), 'zeta': [...]}
# expect: [[1, 2], [3, [...]]]
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
# expect:  22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
# expect:  42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]
# expect: {'b': 2, 'a': 1}
# expect: {'b': 2, 'a': 1}
# expect: ('word word word word word word word word word word word word word word word '
# expect:  'word word word word word word word word word word word word word word word '
# expect:  'word word word word word word word word word word ')
# expect: ['lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit '
# expect:  'amet lorem ipsum dolor sit amet ',
# expect:  'x']
# expect: {'text': 'line one\n'
# expect:          'line two\n'
# expect:          'line one\n'
# expect:          'line two\n'
# expect:          'line one\n'
# expect:          'line two\n'
# expect:          'line one\n'
# expect:          'line two\n'}
# expect: [0,
# expect:  1,
# expect:  2,
# expect:  3,
# expect:  4,
# expect:  5,
# expect:  6,
# expect:  7,
# expect:  8,
# expect:  9,
# expect:  10,
# expect:  11]
# expect: {'a': 1, 'b': [1, 2]}
# expect: True False
# expect: { 'k0': 0,
# expect:   'k1': 1,
# expect:   'k2': 2,
# expect:   'k3': 3,
# expect:   'k4': 4}
# expect: [ 'a',
# expect:   'b',
# expect:   'c',
# expect:   'd',
# expect:   'e',
# expect:   'f',
# expect:   'g',
# expect:   'h',
# expect:   'i',
# expect:   'j']
