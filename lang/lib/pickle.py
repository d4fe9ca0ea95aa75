# pickle: the exceptions and protocol numbers. Values cross processes through multiprocessing
# (pickled there with CPython's rules); dumps/loads to bytes are not supported by Interleave.
from _pickle import PickleError, PicklingError, UnpicklingError

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    raise NotImplementedError('pickle.dumps() is not supported by Interleave (no bytes type)')

def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    raise NotImplementedError('pickle.loads() is not supported by Interleave (no bytes type)')
