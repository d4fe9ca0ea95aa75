# Writing a text file, then reading it back in every way.
path = 'tmp_text_write_read.txt'
with open(path, 'w') as f:
    n = f.write('first line\n')
    f.write('second line\n')
    f.writelines(['third\n', 'fourth'])
    print(n, f.closed, f.name, f.mode)
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(f.readlines())
    print(repr(f.readline()))
with open(path, 'r', encoding='utf-8') as f:
    for i, line in enumerate(f):
        print(i, line.rstrip('\n'))
with open(path) as f:
    print(repr(f.read(5)), repr(f.read(7)), f.tell())
    f.seek(0)
    print(repr(f.read(3)))
    f.seek(0, 2)
    print(repr(f.read()), f.tell())

with open(path, 'a') as f:
    f.write('\nfifth\n')
lines = open(path).read().splitlines()
print(len(lines), lines[-1])

f = open(path, 'w')
print('printed', 42, sep=', ', file=f)
print('again', file=f, end='!\n')
f.close()
print(open(path).read(), end='')
text = 'héllo wörld ✓\n'
with open(path, 'w', encoding='utf-8') as f:
    f.write(text)
with open(path, encoding='utf-8') as f:
    print(f.read() == text, f.tell())

import os
os.remove(path)
print(os.path.exists(path))

# expect: 11 False tmp_text_write_read.txt w
# expect: True
# expect: 'first line\nsecond line\nthird\nfourth'
# expect: 'first line\n' 'second line\n' 23
# expect: ['third\n', 'fourth']
# expect: ''
# expect: 0 first line
# expect: 1 second line
# expect: 2 third
# expect: 3 fourth
# expect: 'first' ' line\ns' 12
# expect: 'fir'
# expect: '' 35
# expect: 5 fifth
# expect: printed, 42
# expect: again!
# expect: True 18
# expect: False
