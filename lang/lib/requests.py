# requests on the simulated network: a request is one blocking round trip of the scenario's
# latency (the GIL released while the thread waits, like a socket read) to the fake server of
# _interleave_http.py. The API and errors follow requests 2.31 (api.py, models.py, exceptions.py).
import json as _json
import _interleave_http as _http

__version__ = '2.31.0'

# --- exceptions (requests/exceptions.py) -------------------------------------------------------
class RequestException(IOError):
    def __init__(self, *args, **kwargs):
        response = kwargs.pop('response', None)
        self.response = response
        self.request = kwargs.pop('request', None)
        if response is not None and not self.request and hasattr(response, 'request'):
            self.request = self.response.request
        super().__init__(*args)

class InvalidJSONError(RequestException):
    pass

class JSONDecodeError(InvalidJSONError, _json.JSONDecodeError):
    def __init__(self, msg, doc, pos):
        _json.JSONDecodeError.__init__(self, msg, doc, pos)
        self.response = None
        self.request = None

class HTTPError(RequestException):
    pass

class ConnectionError(RequestException):
    pass

class ProxyError(ConnectionError):
    pass

class SSLError(ConnectionError):
    pass

class Timeout(RequestException):
    pass

class ConnectTimeout(ConnectionError, Timeout):
    pass

class ReadTimeout(Timeout):
    pass

class URLRequired(RequestException):
    pass

class TooManyRedirects(RequestException):
    pass

class MissingSchema(RequestException, ValueError):
    pass

class InvalidSchema(RequestException, ValueError):
    pass

class InvalidURL(RequestException, ValueError):
    pass

class InvalidHeader(RequestException, ValueError):
    pass

for _cls in (RequestException, InvalidJSONError, JSONDecodeError, HTTPError, ConnectionError, ProxyError,
             SSLError, Timeout, ConnectTimeout, ReadTimeout, URLRequired, TooManyRedirects, MissingSchema,
             InvalidSchema, InvalidURL, InvalidHeader):
    _cls.__module__ = 'requests.exceptions'

# --- structures ----------------------------------------------------------------------------
class CaseInsensitiveDict:
    def __init__(self, data=None, **kwargs):
        self._store = {}
        if data:
            for key, value in (data.items() if hasattr(data, 'items') else data):
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value
    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)
    def __getitem__(self, key):
        return self._store[key.lower()][1]
    def __delitem__(self, key):
        del self._store[key.lower()]
    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._store
    def __iter__(self):
        return iter([k for k, v in self._store.values()])
    def __len__(self):
        return len(self._store)
    def get(self, key, default=None):
        return self[key] if key in self else default
    def keys(self):
        return [k for k, v in self._store.values()]
    def values(self):
        return [v for k, v in self._store.values()]
    def items(self):
        return [(k, v) for k, v in self._store.values()]
    def update(self, other):
        for key, value in other.items():
            self[key] = value
    def copy(self):
        return CaseInsensitiveDict(self.items())
    def __eq__(self, other):
        if not hasattr(other, 'items'):
            return NotImplemented
        other = CaseInsensitiveDict(other)
        return dict((k.lower(), v) for k, v in self.items()) == dict((k.lower(), v) for k, v in other.items())
    def __repr__(self):
        return repr(dict(self.items()))

class PreparedRequest:
    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    def __repr__(self):
        return '<PreparedRequest [%s]>' % self.method

class Response:
    def __init__(self, answer, request):
        self.status_code = answer.status
        self.reason = answer.reason
        self.url = answer.url.full()
        self.headers = CaseInsensitiveDict(answer.headers)
        self.encoding = 'utf-8'
        self.request = request
        self.history = []
        self.cookies = {}
        self._text = answer.text
    def __repr__(self):
        return '<Response [%s]>' % self.status_code
    def __bool__(self):
        return self.ok
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()
    def close(self):
        pass
    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True
    @property
    def text(self):
        return self._text
    @property
    def content(self):
        raise NotImplementedError('Response.content is bytes, which Interleave does not support: use .text or .json()')
    @property
    def apparent_encoding(self):
        return 'utf-8'
    @property
    def is_redirect(self):
        return False
    def json(self, **kwargs):
        try:
            return _json.loads(self._text, **kwargs)
        except _json.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos)
    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        return iter(self._text.split(delimiter) if delimiter else self._text.splitlines())
    def raise_for_status(self):
        http_error_msg = ''
        if 400 <= self.status_code < 500:
            http_error_msg = '%s Client Error: %s for url: %s' % (self.status_code, self.reason, self.url)
        elif 500 <= self.status_code < 600:
            http_error_msg = '%s Server Error: %s for url: %s' % (self.status_code, self.reason, self.url)
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)

# --- sending -------------------------------------------------------------------------------
def _read_timeout(timeout):
    if timeout is None:
        return None
    if isinstance(timeout, tuple):
        if len(timeout) != 2:
            raise ValueError('Invalid timeout %r. Pass a (connect, read) timeout tuple, or a single float to set both timeouts to the same value.' % (timeout,))
        return timeout[1]
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise ValueError('Timeout value connect was %s, but it must be an int, float or None.' % (timeout,))
    if timeout <= 0:
        raise ValueError('Attempted to set connect timeout to %s, but the timeout cannot be set to a value less than or equal to 0.' % (timeout,))
    return timeout

def _pool(u):
    return '%sConnectionPool(host=%r, port=%d)' % ('HTTPS' if u.scheme == 'https' else 'HTTP', u.host, u.port)

def _send(method, url, params=None, data=None, headers=None, timeout=None, json=None):
    if not isinstance(url, str):
        url = str(url)
    url = url.strip()
    method = str(method).upper()
    if '://' not in url:
        raise MissingSchema('Invalid URL %r: No scheme supplied. Perhaps you meant https://%s?' % (url, url))
    scheme = url[:url.find('://')].lower()
    if scheme not in ('http', 'https'):
        raise InvalidSchema('No connection adapters were found for %r' % url)
    url = _http.with_params(url, params)
    u = _http.URL(url)
    if not u.host:
        raise InvalidURL('Invalid URL %r: No host supplied' % url)
    read_timeout = _read_timeout(timeout)
    body = None
    if json is not None:
        body = _json.dumps(json)
    elif data is not None:
        body = data if isinstance(data, str) else _http.urlencode(data)
    all_headers = CaseInsensitiveDict({'User-Agent': 'python-requests/2.31.0', 'Accept-Encoding': 'gzip, deflate',
                                       'Accept': '*/*', 'Connection': 'keep-alive'})
    if headers:
        all_headers.update(headers)
    request = PreparedRequest(method, u.full(), all_headers, body)
    answer = _http.answer(method, url, json, data)
    total = _http.latency() + answer.delay
    label = method + ' ' + u.full()
    if read_timeout is not None and read_timeout < total:
        _http.connect(u.host, read_timeout)
        _http.wait(read_timeout, label)
        raise ReadTimeout('%s: Read timed out. (read timeout=%s)' % (_pool(u), read_timeout), request=request)
    _http.connect(u.host, total)
    _http.wait(total, label)
    if not answer.resolves:
        raise ConnectionError("%s: Max retries exceeded with url: %s (Caused by NameResolutionError(\"Failed to resolve '%s' ([Errno -2] Name or service not known)\"))"
                              % (_pool(u), u.path + ('?' + u.query if u.query else ''), u.host), request=request)
    return Response(answer, request)

def request(method, url, **kwargs):
    return _send(method, url, **_options(kwargs))

_IGNORED = ('cookies', 'files', 'auth', 'allow_redirects', 'proxies', 'hooks', 'stream', 'verify', 'cert')

def _options(kwargs):
    options = {}
    for key, value in kwargs.items():
        if key in ('params', 'data', 'headers', 'timeout', 'json'):
            options[key] = value
        elif key not in _IGNORED:
            raise TypeError("request() got an unexpected keyword argument '%s'" % key)
    return options

def get(url, params=None, **kwargs):
    return request('GET', url, params=params, **kwargs)

def options(url, **kwargs):
    return request('OPTIONS', url, **kwargs)

def head(url, **kwargs):
    return request('HEAD', url, **kwargs)

def post(url, data=None, json=None, **kwargs):
    return request('POST', url, data=data, json=json, **kwargs)

def put(url, data=None, **kwargs):
    return request('PUT', url, data=data, **kwargs)

def patch(url, data=None, **kwargs):
    return request('PATCH', url, data=data, **kwargs)

def delete(url, **kwargs):
    return request('DELETE', url, **kwargs)

class Session:
    def __init__(self):
        self.headers = CaseInsensitiveDict({'User-Agent': 'python-requests/2.31.0', 'Accept-Encoding': 'gzip, deflate',
                                            'Accept': '*/*', 'Connection': 'keep-alive'})
        self.params = {}
        self.cookies = {}
        self.auth = None
        self.verify = True
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()
    def close(self):
        pass
    def request(self, method, url, **kwargs):
        options = _options(kwargs)
        headers = self.headers.copy()
        if options.get('headers'):
            headers.update(options['headers'])
        options['headers'] = headers
        if self.params:
            params = dict(self.params)
            if options.get('params'):
                params.update(options['params'])
            options['params'] = params
        return _send(method, url, **options)
    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)
    def options(self, url, **kwargs):
        return self.request('OPTIONS', url, **kwargs)
    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)
    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)
    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)
    def patch(self, url, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)
    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

def session():
    return Session()

class _Codes:
    ok = 200
    created = 201
    accepted = 202
    no_content = 204
    bad_request = 400
    unauthorized = 401
    forbidden = 403
    not_found = 404
    too_many_requests = 429
    internal_server_error = 500
    service_unavailable = 503

codes = _Codes()
