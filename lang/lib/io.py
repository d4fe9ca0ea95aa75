# io: open() on the simulated machine's in-memory file system (lang/module_files.cpp), with
# CPython's argument checks and error messages (Modules/_io/_iomodule.c) and its buffering:
# text is read from the disk in chunks of DEFAULT_BUFFER_SIZE bytes (read() with no size: the
# rest in one go) and writes collect in a buffer written out when it reaches 8 KiB, on flush(),
# seek(), tell() and close(). Each open, buffer read and buffer write is one disk access of the
# machine's disk latency, with the GIL released. Text only: binary modes need bytes, which
# Interleave does not support.
from _interleave_fs import _open, _read, _write, _size, _truncate, _utf8len

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

class UnsupportedOperation(OSError, ValueError):
    pass

_ERRNO = {
    2: (FileNotFoundError, 'No such file or directory'),
    17: (FileExistsError, 'File exists'),
    20: (NotADirectoryError, 'Not a directory'),
    21: (IsADirectoryError, 'Is a directory'),
    39: (OSError, 'Directory not empty'),
}

def _raise_errno(code, path):
    cls, message = _ERRNO[code]
    raise cls(code, message, path)

def _translate(text):
    # Universal newlines (newline=None): \r\n and \r read as \n.
    if '\r' in text:
        text = text.replace('\r\n', '\n').replace('\r', '\n')
    return text

class TextIOWrapper:
    def __init__(self, path, mode, kind, updating, encoding, newline):
        self.name = path
        self.mode = mode
        self.encoding = encoding
        self._path = path
        self._readable = kind == 'r' or updating
        self._writable = kind != 'r' or updating
        self._append = kind == 'a'
        self._translate = newline is None or newline == ''
        self._closed = False
        self._pos = 0          # byte offset of the logical position
        self._rbuf = ''        # text read ahead of the logical position
        self._rend = 0         # byte offset just after _rbuf
        self._eof = False
        self._wbuf = []        # text written, not yet on the disk
        self._wlen = 0         # its length in bytes
        self._wstart = 0       # where it goes (ignored when appending)
        if self._append:
            self._pos = _size(path)

    @property
    def closed(self):
        return self._closed

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)

    def _check_open(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('not writable')

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def fileno(self):
        self._check_open()
        return 3

    def isatty(self):
        self._check_open()
        return False

    # --- writing -------------------------------------------------------------------------
    def write(self, s):
        self._check_writable()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        if self._rbuf or self._eof:
            # As CPython's TextIOWrapper: the text read ahead stays consumed, so the write
            # lands after it (at the raw position), not at the logical position.
            self._pos = self._rend
            self._drop_read_ahead()
        if not self._wbuf:
            self._wstart = self._pos
        n = _utf8len(s)
        self._wbuf.append(s)
        self._wlen += n
        self._pos += n
        if self._wlen >= DEFAULT_BUFFER_SIZE:
            self._flush_buffer()
        return len(s)

    def writelines(self, lines):
        self._check_writable()
        for line in lines:
            self.write(line)

    def _flush_buffer(self):
        if not self._wbuf:
            return
        data = ''.join(self._wbuf)
        self._wbuf = []
        self._wlen = 0
        size = _write(self._path, -1 if self._append else self._wstart, data)
        if self._append:
            self._pos = size

    def flush(self):
        self._check_open()
        self._flush_buffer()

    # --- reading -------------------------------------------------------------------------
    def _drop_read_ahead(self):
        self._rbuf = ''
        self._rend = self._pos
        self._eof = False

    def _fill(self):
        # One read(2) of a buffer; False at the end of the file.
        text, n = _read(self._path, self._rend, DEFAULT_BUFFER_SIZE)
        if n == 0:
            self._eof = True
            return False
        self._rbuf += text
        self._rend += n
        return True

    def _take(self, count):
        text = self._rbuf[:count]
        self._rbuf = self._rbuf[count:]
        self._pos += _utf8len(text)
        return _translate(text) if self._translate else text

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        self._flush_buffer()
        if size < 0:
            text, n = _read(self._path, self._rend, -1)
            self._rbuf += text
            self._rend += n
            self._eof = True
            return self._take(len(self._rbuf))
        while len(self._rbuf) < size and self._fill():
            pass
        return self._take(size)

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        self._flush_buffer()
        while True:
            nl = self._rbuf.find('\n')
            if self._translate and nl < 0:
                cr = self._rbuf.find('\r')
                if 0 <= cr < len(self._rbuf) - 1:
                    nl = cr
            if nl >= 0:
                end = nl + 1
                break
            if 0 <= size <= len(self._rbuf) or not self._fill():
                end = len(self._rbuf)
                break
        if 0 <= size < end:
            end = size
        return self._take(end)

    def readlines(self, hint=-1):
        self._check_readable()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # --- position ------------------------------------------------------------------------
    def tell(self):
        self._check_open()
        self._flush_buffer()
        return self._pos

    def seek(self, cookie, whence=0):
        self._check_open()
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
        elif whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._flush_buffer()
            cookie = _size(self._path)
        elif whence != SEEK_SET:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        elif cookie < 0:
            raise ValueError('negative seek position %d' % cookie)
        self._flush_buffer()
        self._pos = cookie
        self._drop_read_ahead()
        return cookie

    def truncate(self, pos=None):
        self._check_writable()
        self._flush_buffer()
        if pos is None:
            pos = self._pos
        _truncate(self._path, pos)
        return pos

    # --- closing -------------------------------------------------------------------------
    def close(self):
        if self._closed:
            return
        try:
            self._flush_buffer()
        finally:
            self._closed = True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if isinstance(file, int) and not isinstance(file, bool):
        raise NotImplementedError('open() of a file descriptor is not supported by Interleave')
    if not isinstance(file, str):
        raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    modes = set(mode)
    if len(modes - set('axrwb+t')) > 0 or len(mode) > len(modes):
        raise ValueError('invalid mode: %r' % mode)
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary:
        raise NotImplementedError('binary file mode (%r) is not supported by Interleave (no bytes type): open the file in text mode' % mode)
    if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: %s' % newline)
    if encoding is None:
        encoding = 'UTF-8'
    elif not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    kind = 'x' if creating else 'r' if reading else 'w' if writing else 'a'
    code = _open(file, kind)
    if code:
        _raise_errno(code, file)
    return TextIOWrapper(file, mode, kind, updating, encoding, newline)


def _print_to(file, text):
    # print(..., file=f) for a file object: one write of the whole line.
    file.write(text)

class StringIO:
    # io.StringIO: an in-memory text stream (no disk).
    def __init__(self, initial_value='', newline='\n'):
        self._buf = initial_value or ''
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        if self._pos > len(self._buf):
            self._buf += '\0' * (self._pos - len(self._buf))
        self._buf = self._buf[:self._pos] + s + self._buf[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        text = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return text

    def readline(self, size=-1):
        self._check_open()
        nl = self._buf.find('\n', self._pos)
        end = len(self._buf) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        text = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return text

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def getvalue(self):
        self._check_open()
        return self._buf

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = len(self._buf)
        self._pos = pos
        return pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def flush(self):
        self._check_open()

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

TextIOWrapper.__module__ = '_io'
StringIO.__module__ = '_io'
