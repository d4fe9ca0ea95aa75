# json: dumps/loads with CPython's output format (separators, indent, sort_keys, ensure_ascii).
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}

def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7e):
            n = ord(ch)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)

def _float_str(o):
    if o != o:
        return 'NaN'
    if o == float('inf'):
        return 'Infinity'
    if o == -float('inf'):
        return '-Infinity'
    return repr(o)

def _encode(o, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers):
    if isinstance(o, str):
        return _encode_str(o, ensure_ascii)
    if o is None:
        return 'null'
    if o is True:
        return 'true'
    if o is False:
        return 'false'
    if isinstance(o, int):
        return int.__repr__(o) if False else repr(o)
    if isinstance(o, float):
        return _float_str(o)
    if isinstance(o, (list, tuple)):
        if not o:
            return '[]'
        if id(o) in markers:
            raise ValueError("Circular reference detected")
        markers.append(id(o))
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            parts = [_encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for v in o]
            result = '[' + newline + sep.join(parts) + '\n' + indent * (level - 1) + ']'
        else:
            parts = [_encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for v in o]
            result = '[' + item_sep.join(parts) + ']'
        markers.pop()
        return result
    if isinstance(o, dict):
        if not o:
            return '{}'
        if id(o) in markers:
            raise ValueError("Circular reference detected")
        markers.append(id(o))
        items = list(o.items())
        if sort_keys:
            items = sorted(items)
        parts = []
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = _float_str(k)
            elif k is True:
                k = 'true'
            elif k is False:
                k = 'false'
            elif k is None:
                k = 'null'
            elif isinstance(k, int):
                k = repr(k)
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {k.__class__.__name__}')
            parts.append((k, v))
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            body = sep.join(_encode_str(k, ensure_ascii) + key_sep + _encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for k, v in parts)
            result = '{' + newline + body + '\n' + indent * (level - 1) + '}'
        else:
            body = item_sep.join(_encode_str(k, ensure_ascii) + key_sep + _encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for k, v in parts)
            result = '{' + body + '}'
        markers.pop()
        return result
    if default is not None:
        return _encode(default(o), level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers)
    raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    if separators is not None:
        item_sep, key_sep = separators
    elif indent is not None:
        item_sep, key_sep = ',', ': '
    else:
        item_sep, key_sep = ', ', ': '
    return _encode(obj, 0, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, [])

def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))

_WS = ' \t\n\r'

class _Decoder:
    def __init__(self, s):
        self.s = s
        self.i = 0
    def ws(self):
        s = self.s
        while self.i < len(s) and s[self.i] in _WS:
            self.i += 1
    def fail(self, msg, pos=None):
        raise JSONDecodeError(msg, self.s, self.i if pos is None else pos)
    def value(self):
        self.ws()
        s = self.s
        if self.i >= len(s):
            self.fail("Expecting value")
        c = s[self.i]
        if c == '{':
            return self.obj()
        if c == '[':
            return self.arr()
        if c == '"':
            return self.string()
        if s.startswith('null', self.i):
            self.i += 4
            return None
        if s.startswith('true', self.i):
            self.i += 4
            return True
        if s.startswith('false', self.i):
            self.i += 5
            return False
        if s.startswith('NaN', self.i):
            self.i += 3
            return float('nan')
        if s.startswith('Infinity', self.i):
            self.i += 8
            return float('inf')
        if s.startswith('-Infinity', self.i):
            self.i += 9
            return float('-inf')
        return self.number()
    def number(self):
        s = self.s
        start = self.i
        if self.i < len(s) and s[self.i] == '-':
            self.i += 1
        if self.i >= len(s) or not s[self.i].isdigit():
            self.fail("Expecting value", start)
        if s[self.i] == '0':
            self.i += 1
        else:
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        is_float = False
        if self.i < len(s) and s[self.i] == '.' and self.i + 1 < len(s) and s[self.i + 1].isdigit():
            is_float = True
            self.i += 1
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        if self.i < len(s) and s[self.i] in 'eE':
            j = self.i + 1
            if j < len(s) and s[j] in '+-':
                j += 1
            if j < len(s) and s[j].isdigit():
                is_float = True
                self.i = j
                while self.i < len(s) and s[self.i].isdigit():
                    self.i += 1
        text = s[start:self.i]
        return float(text) if is_float else int(text)
    def string(self):
        s = self.s
        self.i += 1
        out = []
        while True:
            if self.i >= len(s):
                self.fail("Unterminated string starting at", self.i)
            c = s[self.i]
            if c == '"':
                self.i += 1
                return ''.join(out)
            if c == '\\':
                self.i += 1
                e = s[self.i] if self.i < len(s) else ''
                if e == 'u':
                    code = int(s[self.i + 1:self.i + 5], 16)
                    self.i += 5
                    if 0xd800 <= code < 0xdc00 and s.startswith('\\u', self.i):
                        low = int(s[self.i + 2:self.i + 6], 16)
                        if 0xdc00 <= low < 0xe000:
                            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                            self.i += 6
                    out.append(chr(code))
                    continue
                mapping = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
                if e not in mapping:
                    self.fail("Invalid \\escape")
                out.append(mapping[e])
                self.i += 1
                continue
            if ord(c) < 0x20:
                self.fail("Invalid control character at")
            out.append(c)
            self.i += 1
    def obj(self):
        self.i += 1
        result = {}
        self.ws()
        if self.i < len(self.s) and self.s[self.i] == '}':
            self.i += 1
            return result
        while True:
            self.ws()
            if self.i >= len(self.s) or self.s[self.i] != '"':
                self.fail("Expecting property name enclosed in double quotes")
            key = self.string()
            self.ws()
            if self.i >= len(self.s) or self.s[self.i] != ':':
                self.fail("Expecting ':' delimiter")
            self.i += 1
            result[key] = self.value()
            self.ws()
            if self.i < len(self.s) and self.s[self.i] == ',':
                self.i += 1
                continue
            if self.i < len(self.s) and self.s[self.i] == '}':
                self.i += 1
                return result
            self.fail("Expecting ',' delimiter")
    def arr(self):
        self.i += 1
        result = []
        self.ws()
        if self.i < len(self.s) and self.s[self.i] == ']':
            self.i += 1
            return result
        while True:
            result.append(self.value())
            self.ws()
            if self.i < len(self.s) and self.s[self.i] == ',':
                self.i += 1
                continue
            if self.i < len(self.s) and self.s[self.i] == ']':
                self.i += 1
                return result
            self.fail("Expecting ',' delimiter")

def loads(s, **kw):
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    d = _Decoder(s)
    value = d.value()
    d.ws()
    if d.i != len(s):
        d.fail("Extra data")
    return value

def load(fp, **kw):
    return loads(fp.read(), **kw)
