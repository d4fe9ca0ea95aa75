# The fake web server behind requests and aiohttp: every http(s) URL answers, deterministically,
# after the scenario's network latency (docs/python.md, "Network" lists the rules):
#   - a host ending in .invalid does not resolve (a connection error after one latency);
#   - a path segment "status/<code>" answers with that status code;
#   - a path segment "delay/<seconds>" answers that much later (at most 10 s, like httpbin);
#   - a POST whose JSON body has a GraphQL "query" gets {"data": ...} with the fields the query
#     selects: "id" is the "id" variable (else the first int variable, else 1), any other
#     field is "<field> <id>"; a GraphQL endpoint (host graphql.*, or a path ending in
#     /graphql) without a query answers 400 {"errors": [...], "data": null}, as real ones do;
#   - anything else gets a JSON object: "id" and "name" when the path ends in "<word>/<int>",
#     then "method", "url", "args" (the query string, if any), "json" or "data" (what was posted).
import json
from _interleave_net import _latency, _connect, _wait, _peak

REASONS = {
    100: 'Continue', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
    301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect',
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
    405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
    418: "I'm a Teapot", 422: 'Unprocessable Entity', 429: 'Too Many Requests',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout',
}

_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'
_HEX = '0123456789ABCDEF'

def _utf8(ch):
    c = ord(ch)
    if c < 0x80:
        return [c]
    if c < 0x800:
        return [0xC0 | (c >> 6), 0x80 | (c & 0x3F)]
    if c < 0x10000:
        return [0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)]
    return [0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)]

def quote_plus(s):
    out = []
    for ch in str(s):
        if ch in _SAFE:
            out.append(ch)
        elif ch == ' ':
            out.append('+')
        else:
            for b in _utf8(ch):
                out.append('%' + _HEX[b >> 4] + _HEX[b & 15])
    return ''.join(out)

def urlencode(params):
    if isinstance(params, dict):
        items = params.items()
    else:
        items = params
    parts = []
    for key, value in items:
        if value is None:
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            parts.append(quote_plus(key) + '=' + quote_plus(v))
    return '&'.join(parts)

def _unquote_plus(s):
    s = s.replace('+', ' ')
    if '%' not in s:
        return s
    out = []
    i = 0
    while i < len(s):
        if s[i] == '%' and i + 2 < len(s):
            try:
                out.append(chr(int(s[i + 1:i + 3], 16)))
                i += 3
                continue
            except ValueError:
                pass
        out.append(s[i])
        i += 1
    return ''.join(out)

class URL:
    # scheme://host[:port]/path?query, as split by urllib.parse.urlsplit.
    def __init__(self, url):
        self.raw = url
        self.scheme = ''
        rest = url
        colon = url.find('://')
        if colon > 0:
            self.scheme = url[:colon].lower()
            rest = url[colon + 3:]
        cut = len(rest)
        for sep in '/?#':
            at = rest.find(sep)
            if 0 <= at < cut:
                cut = at
        netloc = rest[:cut]
        rest = rest[cut:]
        hash_at = rest.find('#')
        if hash_at >= 0:
            rest = rest[:hash_at]
        q = rest.find('?')
        self.path = rest if q < 0 else rest[:q]
        self.query = '' if q < 0 else rest[q + 1:]
        if not self.path:
            self.path = '/'
        at = netloc.rfind('@')
        if at >= 0:
            netloc = netloc[at + 1:]
        self.host = netloc.lower()
        self.port = 443 if self.scheme == 'https' else 80
        if ':' in netloc:
            host, port = netloc.rsplit(':', 1)
            if port.isdigit():
                self.host = host.lower()
                self.port = int(port)

    def args(self):
        result = {}
        if self.query:
            for part in self.query.split('&'):
                if not part:
                    continue
                key, _, value = part.partition('=')
                result[_unquote_plus(key)] = _unquote_plus(value)
        return result

    def full(self):
        netloc = self.raw[self.raw.find('://') + 3:]
        cut = len(netloc)
        for sep in '/?#':
            at = netloc.find(sep)
            if 0 <= at < cut:
                cut = at
        text = self.scheme + '://' + netloc[:cut] + self.path
        if self.query:
            text += '?' + self.query
        return text

def with_params(url, params):
    # The URL with `params` appended to its query string (requests' prepare_url).
    if not params:
        return url
    extra = params if isinstance(params, str) else urlencode(params)
    if not extra:
        return url
    hash_at = url.find('#')
    frag = ''
    if hash_at >= 0:
        url, frag = url[:hash_at], url[hash_at:]
    return url + ('&' if '?' in url else '?') + extra + frag

# --- GraphQL --------------------------------------------------------------------------------
def _tokens(query):
    out = []
    i = 0
    n = len(query)
    while i < n:
        ch = query[i]
        if ch in ' \t\r\n,':
            i += 1
        elif ch == '#':
            while i < n and query[i] != '\n':
                i += 1
        elif ch == '"':
            j = i + 1
            while j < n and query[j] != '"':
                j += 2 if query[j] == '\\' else 1
            out.append(query[i:j + 1])
            i = j + 1
        elif ch.isalnum() or ch in '_$':
            j = i
            while j < n and (query[j].isalnum() or query[j] in '_$'):
                j += 1
            out.append(query[i:j])
            i = j
        else:
            out.append(ch)
            i += 1
    return out

def _selection(tokens, i, ident):
    # tokens[i] == '{': the object holding the fields it selects, and the index after '}'.
    out = {}
    i += 1
    while i < len(tokens) and tokens[i] != '}':
        name = tokens[i]
        key = name
        i += 1
        if i < len(tokens) and tokens[i] == ':':
            name = tokens[i + 1]
            i += 2
        if i < len(tokens) and tokens[i] == '(':
            depth = 0
            while i < len(tokens):
                if tokens[i] == '(':
                    depth += 1
                elif tokens[i] == ')':
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            i += 1
        while i < len(tokens) and tokens[i] == '@':
            i += 2
            if i < len(tokens) and tokens[i] == '(':
                while i < len(tokens) and tokens[i] != ')':
                    i += 1
                i += 1
        if i < len(tokens) and tokens[i] == '{':
            value, i = _selection(tokens, i, ident)
        elif name == 'id':
            value = ident
        elif name == '__typename':
            value = key
        else:
            value = name + ' ' + str(ident)
        out[key] = value
    return out, i + 1

def graphql(query, variables):
    ident = 1
    if isinstance(variables, dict):
        if isinstance(variables.get('id'), int):
            ident = variables['id']
        else:
            for value in variables.values():
                if isinstance(value, int) and not isinstance(value, bool):
                    ident = value
                    break
    tokens = _tokens(query)
    start = 0
    while start < len(tokens) and tokens[start] != '{':
        if tokens[start] == '(':
            while start < len(tokens) and tokens[start] != ')':
                start += 1
        start += 1
    if start >= len(tokens):
        return {'errors': [{'message': 'Syntax Error: Expected {'}]}
    data, _ = _selection(tokens, start, ident)
    return {'data': data}

# --- the server -------------------------------------------------------------------------------
class Answer:
    def __init__(self, url, status, body, delay, resolves):
        self.url = url
        self.status = status
        self.reason = REASONS.get(status, '')
        self.delay = delay
        self.resolves = resolves
        self.text = '' if body is None else json.dumps(body)
        self.headers = {'Content-Type': 'application/json', 'Content-Length': str(len(self.text)),
                        'Server': 'interleave-fake-server'}

def answer(method, url, json_body=None, data=None):
    # What the fake server answers to `method url`: status, body, extra delay.
    u = URL(url)
    if u.host.endswith('.invalid'):
        return Answer(u, 0, None, 0, False)
    parts = [p for p in u.path.split('/') if p]
    status = 200
    delay = 0
    for i in range(len(parts) - 1):
        if parts[i] == 'status' and parts[i + 1].isdigit():
            status = int(parts[i + 1])
        elif parts[i] == 'delay':
            try:
                delay = min(10.0, max(0.0, float(parts[i + 1])))
            except ValueError:
                pass
    if method == 'HEAD' or status in (204, 304):
        body = None
    elif isinstance(json_body, dict) and isinstance(json_body.get('query'), str):
        body = graphql(json_body['query'], json_body.get('variables'))
    elif (u.host.startswith('graphql.') or (parts and parts[-1] == 'graphql')) and status == 200:
        status = 400
        body = {'errors': [{'message': 'Must provide query string.', 'status': 400}], 'data': None}
    else:
        body = {}
        if len(parts) >= 1 and parts[-1].isdigit():
            body['id'] = int(parts[-1])
            if len(parts) >= 2:
                body['name'] = parts[-2] + ' ' + parts[-1]
        if status != 200:
            body['status'] = status
        body['method'] = method
        body['url'] = u.full()
        args = u.args()
        if args:
            body['args'] = args
        if json_body is not None:
            body['json'] = json_body
        elif data is not None:
            body['data'] = data
    return Answer(u, status, body, delay, True)

def latency():
    return _latency()

def connect(host, seconds):
    _connect(host, seconds)

def wait(seconds, label):
    _wait(seconds, label)

def peak_connections(host):
    return _peak(host)
