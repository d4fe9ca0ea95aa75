# The builtins written in Python (compiled once per interpreter, frames hidden in tracebacks).
def _materialise(iterable):
    result = []
    for item in iterable:
        result.append(item)
    return result

def _list_extend(target, iterable):
    for item in iterable:
        target.append(item)

def _set_update(target, iterable):
    for item in iterable:
        target.add(item)

def _tuple_from(iterable):
    return tuple(_materialise(iterable))

def _set_from(iterable):
    return set(_materialise(iterable))

def _frozenset_from(iterable):
    return frozenset(_materialise(iterable))

def _dict_from(iterable):
    result = {}
    if hasattr(iterable, "keys"):
        for key in iterable.keys():
            result[key] = iterable[key]
        return result
    for pair in iterable:
        key, value = pair
        result[key] = value
    return result

def _list_sort_key(lst, key, reverse):
    items = lst[:]
    lst.clear()
    try:
        keys = [key(x) for x in items]
    except BaseException:
        lst[:] = items
        raise
    _list_sort_keyed(lst, items, keys, reverse)

def _seq_iter(obj):
    i = 0
    while True:
        try:
            value = obj[i]
        except IndexError:
            return
        yield value
        i += 1

def _sum(iterable, start):
    total = start
    for item in iterable:
        total = total + item
    return total

def _minmax(iterable, key, default, is_max, name):
    it = iter(iterable)
    try:
        best = next(it)
    except StopIteration:
        if default is not _missing:
            return default
        raise ValueError(name + "() arg is an empty sequence") from None
    best_key = best if key is None else key(best)
    for item in it:
        k = item if key is None else key(item)
        if (best_key < k) if is_max else (k < best_key):
            best = item
            best_key = k
    return best

def _sorted(iterable, key, reverse):
    result = _materialise(iterable)
    result.sort(key=key, reverse=reverse)
    return result

def _any(iterable):
    for item in iterable:
        if item:
            return True
    return False

def _all(iterable):
    for item in iterable:
        if not item:
            return False
    return True

def _next_default(iterator, default):
    try:
        return next(iterator)
    except StopIteration:
        return default

def enumerate(iterable, start=0):
    n = start
    for item in iterable:
        yield n, item
        n += 1

def zip(*iterables, strict=False):
    if not iterables:
        return
    its = [iter(x) for x in iterables]
    while True:
        items = []
        for i, it in enumerate(its):
            try:
                items.append(next(it))
            except StopIteration:
                if strict and (i > 0 or items):
                    raise ValueError("zip() argument %d is shorter than argument%s %d" % (i + 1, "" if i == 1 else "s", i))
                if strict:
                    for j in range(1, len(its)):
                        try:
                            next(its[j])
                        except StopIteration:
                            continue
                        raise ValueError("zip() argument %d is longer than argument%s 1" % (j + 1, "" if j == 1 else "s"))
                return
        yield tuple(items)

def map(function, *iterables):
    if len(iterables) == 1:
        for item in iterables[0]:
            yield function(item)
        return
    for items in zip(*iterables):
        yield function(*items)

def filter(function, iterable):
    for item in iterable:
        if (item if function is None else function(item)):
            yield item

# Exception groups (PEP 654, CPython 3.11's Objects/exceptions.c): installed into
# BaseExceptionGroup's type dict by Vm::installBuiltins under the name after `_eg_`.
_eg_message = property(lambda self: self.args[0])
_eg_exceptions = property(lambda self: tuple(self.args[1]))

def _eg___str__(self):
    n = len(self.args[1])
    return "%s (%d sub-exception%s)" % (self.args[0], n, "" if n == 1 else "s")

def _eg_derive(self, excs):
    return BaseExceptionGroup(self.args[0], excs)

def _eg_matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")

def _eg_subset(self, excs):
    if not excs:
        return None
    if len(excs) == len(self.args[1]):
        return self
    eg = self.derive(excs)
    eg.__cause__ = self.__cause__
    eg.__context__ = self.__context__
    return eg

def _eg_split_rec(self, match, want_rest):
    if match(self):
        return self, None
    if not isinstance(self, BaseExceptionGroup):
        return None, self
    matched, rest = [], []
    for e in self.args[1]:
        m, r = _eg_split_rec(e, match, want_rest)
        if m is not None:
            matched.append(m)
        if want_rest and r is not None:
            rest.append(r)
    return _eg_subset(self, matched), (_eg_subset(self, rest) if want_rest else None)

def _eg_split(self, condition):
    return _eg_split_rec(self, _eg_matcher(condition), True)

def _eg_subgroup(self, condition):
    return _eg_split_rec(self, _eg_matcher(condition), False)[0]
