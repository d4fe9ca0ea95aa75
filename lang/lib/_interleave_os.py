# os's file functions on the simulated file system (lang/module_files.cpp), with CPython's
# errors, and OSError's constructor and str (Objects/exceptions.c: OSError_init, OSError_str):
# OSError(errno, strerror[, filename]) keeps (errno, strerror) as args and prints
# "[Errno 2] No such file or directory: 'x.json'".
from _interleave_fs import _exists, _isdir, _remove, _mkdir, _rmdir, _rename, _listdir, _getcwd

def _oserror_init(self, *args):
    self.errno = None
    self.strerror = None
    self.filename = None
    self.filename2 = None
    if 2 <= len(args) <= 5:
        self.errno = args[0]
        self.strerror = args[1]
        if len(args) >= 3:
            self.filename = args[2]
            if len(args) == 5:
                self.filename2 = args[4]
            args = args[:2]
    self.args = args

def _oserror_str(self):
    errno = getattr(self, 'errno', None)
    strerror = getattr(self, 'strerror', None)
    filename = getattr(self, 'filename', None)
    filename2 = getattr(self, 'filename2', None)
    if filename is not None:
        if filename2 is not None:
            return '[Errno %s] %s: %r -> %r' % (errno, strerror, filename, filename2)
        return '[Errno %s] %s: %r' % (errno, strerror, filename)
    if errno is not None and strerror is not None:
        return '[Errno %s] %s' % (errno, strerror)
    args = self.args
    if len(args) == 0:
        return ''
    if len(args) == 1:
        return str(args[0])
    return str(args)

_ERRNO = {
    2: (FileNotFoundError, 'No such file or directory'),
    17: (FileExistsError, 'File exists'),
    20: (NotADirectoryError, 'Not a directory'),
    21: (IsADirectoryError, 'Is a directory'),
    39: (OSError, 'Directory not empty'),
}

def _check(code, path, path2=None):
    if code:
        cls, message = _ERRNO[code]
        if path2 is None:
            raise cls(code, message, path)
        raise cls(code, message, path, None, path2)

def remove(path):
    if not isinstance(path, str):
        raise TypeError('remove: path should be string, bytes or os.PathLike, not %s' % type(path).__name__)
    _check(_remove(path), path)

unlink = remove

def rename(src, dst):
    _check(_rename(src, dst), src, dst)

def replace(src, dst):
    _check(_rename(src, dst), src, dst)

def mkdir(path, mode=0o777):
    _check(_mkdir(path), path)

def makedirs(name, mode=0o777, exist_ok=False):
    # os.makedirs: create the missing parents first.
    head = name.rstrip('/')
    cut = head.rfind('/')
    if cut > 0:
        parent = head[:cut]
        if not _exists(parent):
            makedirs(parent, mode, True)
    code = _mkdir(name)
    if code == 17 and exist_ok and _isdir(name):
        return
    _check(code, name)

def rmdir(path):
    _check(_rmdir(path), path)

def listdir(path='.'):
    if not isinstance(path, str):
        raise TypeError('listdir: path should be string, bytes, os.PathLike, integer or None, not %s' % type(path).__name__)
    names = _listdir(path)
    if isinstance(names, int):
        _check(names, path)
    return names

def getcwd():
    return _getcwd()
