# CPython's errors for files: errno, strerror, filename and the messages.
import io
import os

try:
    open('tmp_missing_file.json')
except FileNotFoundError as e:
    print(e)
    print(repr(e), e.errno, e.strerror, e.filename, e.args)
    print(isinstance(e, OSError), isinstance(e, IOError))

try:
    with open('tmp_missing_file.json', 'r') as f:
        data = f.read()
except OSError as e:
    print(type(e).__name__, e)

try:
    os.remove('tmp_missing_file.json')
except FileNotFoundError as e:
    print('remove:', e)

try:
    open('.')
except IsADirectoryError as e:
    print(type(e).__name__, e)

with open('tmp_errors_a.txt', 'w') as f:
    f.write('x')
try:
    open('tmp_errors_a.txt', 'x')
except FileExistsError as e:
    print(type(e).__name__, e, e.errno)
try:
    open('tmp_errors_a.txt/inside')
except NotADirectoryError as e:
    print(type(e).__name__, e)
try:
    open('tmp_no_such_dir/a.txt', 'w')
except FileNotFoundError as e:
    print(type(e).__name__, e)

for mode in ['rw', 'q', '', 'rr', 'rbt', 'w+x', '+']:
    try:
        open('tmp_errors_a.txt', mode)
    except ValueError as e:
        print(repr(mode), e)

f = open('tmp_errors_a.txt', 'w')
try:
    f.read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    f.write(5)
except TypeError as e:
    print(e)
f.close()
f.close()
try:
    f.write('more')
except ValueError as e:
    print(e)
f = open('tmp_errors_a.txt')
try:
    f.write('x')
except io.UnsupportedOperation as e:
    print(e)
try:
    f.seek(1, 1)
except io.UnsupportedOperation as e:
    print(e)
f.close()
try:
    next(f)
except ValueError as e:
    print(e)
print(OSError('plain'), repr(OSError(5, 'Input/output error')), OSError(5, 'Input/output error'))
os.remove('tmp_errors_a.txt')
with open('tmp_missing_file.json') as f:
    print(f.read())

# expect: [Errno 2] No such file or directory: 'tmp_missing_file.json'
# expect: FileNotFoundError(2, 'No such file or directory') 2 No such file or directory tmp_missing_file.json (2, 'No such file or directory')
# expect: True True
# expect: FileNotFoundError [Errno 2] No such file or directory: 'tmp_missing_file.json'
# expect: remove: [Errno 2] No such file or directory: 'tmp_missing_file.json'
# expect: IsADirectoryError [Errno 21] Is a directory: '.'
# expect: FileExistsError [Errno 17] File exists: 'tmp_errors_a.txt' 17
# expect: NotADirectoryError [Errno 20] Not a directory: 'tmp_errors_a.txt/inside'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'tmp_no_such_dir/a.txt'
# expect: 'rw' must have exactly one of create/read/write/append mode
# expect: 'q' invalid mode: 'q'
# expect: '' Must have exactly one of create/read/write/append mode and at most one plus
# expect: 'rr' invalid mode: 'rr'
# expect: 'rbt' can't have text and binary mode at once
# expect: 'w+x' must have exactly one of create/read/write/append mode
# expect: '+' Must have exactly one of create/read/write/append mode and at most one plus
# expect: UnsupportedOperation not readable True True
# expect: write() argument must be str, not int
# expect: I/O operation on closed file.
# expect: not writable
# expect: can't do nonzero cur-relative seeks
# expect: I/O operation on closed file.
# expect: plain OSError(5, 'Input/output error') [Errno 5] Input/output error
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "errors.py", line 80, in <module>
# expect-stderr:     with open('tmp_missing_file.json') as f:
# expect-stderr:          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# expect-stderr: FileNotFoundError: [Errno 2] No such file or directory: 'tmp_missing_file.json'
# expect-exit: 1
