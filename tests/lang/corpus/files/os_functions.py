# os and os.path on files and directories.
import os

d = 'tmp_os_functions_dir'
print(os.path.exists(d), os.path.isdir(d))
os.mkdir(d)
print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d))
try:
    os.mkdir(d)
except FileExistsError as e:
    print(e)
for name in ['b.txt', 'a.txt', 'c.log']:
    with open(os.path.join(d, name), 'w') as f:
        f.write(name * 3)
print(sorted(os.listdir(d)))
print(os.path.isfile(os.path.join(d, 'a.txt')), os.path.getsize(os.path.join(d, 'a.txt')))
os.rename(os.path.join(d, 'c.log'), os.path.join(d, 'd.log'))
print(sorted(os.listdir(d)))
try:
    os.remove(d)
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    os.rmdir(d)
except OSError as e:
    print(type(e).__name__, e)
for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
print(os.path.exists(d))
try:
    os.listdir(d)
except FileNotFoundError as e:
    print(e)
os.makedirs('tmp_os_functions_deep/a/b', exist_ok=True)
os.makedirs('tmp_os_functions_deep/a/b', exist_ok=True)
print(os.path.isdir('tmp_os_functions_deep/a/b'))
try:
    os.makedirs('tmp_os_functions_deep/a')
except FileExistsError as e:
    print(e)
os.rmdir('tmp_os_functions_deep/a/b')
os.rmdir('tmp_os_functions_deep/a')
os.rmdir('tmp_os_functions_deep')
print(isinstance(os.getcwd(), str), os.getcwd().startswith('/'))

# expect: False False
# expect: True True False
# expect: [Errno 17] File exists: 'tmp_os_functions_dir'
# expect: ['a.txt', 'b.txt', 'c.log']
# expect: True 15
# expect: ['a.txt', 'b.txt', 'd.log']
# expect: IsADirectoryError [Errno 21] Is a directory: 'tmp_os_functions_dir'
# expect: OSError [Errno 39] Directory not empty: 'tmp_os_functions_dir'
# expect: False
# expect: [Errno 2] No such file or directory: 'tmp_os_functions_dir'
# expect: True
# expect: [Errno 17] File exists: 'tmp_os_functions_deep/a'
# expect: True True
