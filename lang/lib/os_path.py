# os.path: posixpath's pure functions; exists() asks the simulated file system.
from _interleave_fs import _exists, _isfile, _isdir, _size
sep = "/"

def exists(path):
    return _exists(path)

def isfile(path):
    return _isfile(path)

def isdir(path):
    return _isdir(path)

def getsize(filename):
    size = _size(filename)
    if size < 0:
        raise FileNotFoundError(2, 'No such file or directory', filename)
    return size

def join(a, *parts):
    path = a
    for b in parts:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path

def basename(p):
    return p[p.rfind("/") + 1:]

def dirname(p):
    head = p[:p.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head

def split(p):
    return dirname(p), basename(p)

def splitext(p):
    base = basename(p)
    dot = base.rfind(".")
    if dot <= 0 or base[:dot] == "." * dot:
        return p, ""
    cut = len(p) - len(base) + dot
    return p[:cut], p[cut:]

def abspath(p):
    return p if p.startswith("/") else join("/home/interleave", p)
