# '+' modes, 'x' and 'a': where reads and writes land.
import os

path = 'tmp_update_modes.txt'
with open(path, 'w+') as f:
    f.write('abc\ndef\n')
    f.seek(0)
    print(repr(f.read()))
    f.seek(0, 2)
    f.write('ghi')
    f.seek(0)
    print(f.readlines())
with open(path, 'r+') as f:
    print(repr(f.read(2)), f.tell())
    f.seek(0)
    f.write('XY')
    f.seek(0)
    print(repr(f.read()))
with open(path, 'a+') as f:
    f.write('!')
    f.seek(0)
    print(repr(f.read()))
with open(path, 'w') as f:
    f.write('new')
    f.truncate(2)
print(repr(open(path).read()))
os.remove(path)
with open(path, 'x') as f:
    f.write('exclusive')
print(open(path).read())
os.remove(path)

# expect: 'abc\ndef\n'
# expect: ['abc\n', 'def\n', 'ghi']
# expect: 'ab' 2
# expect: 'XYc\ndef\nghi'
# expect: 'XYc\ndef\nghi!'
# expect: 'ne'
# expect: exclusive
