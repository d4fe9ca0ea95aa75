# aiohttp's client on the simulated network: a request arms a timer of the scenario's latency on
# the running event loop, so the loop sits idle in select until the response "arrives" (the
# timer's callback resolves the request's future, as a socket's readiness would) and the task
# resumes one iteration later. The fake server is _interleave_http.py. The API and errors
# follow aiohttp 3.9 (client.py, client_reqrep.py, client_exceptions.py, connector.py): a
# session's TCPConnector allows 100 connections at once (limit_per_host=0: no per-host limit),
# the default timeout is ClientTimeout(total=300).
import asyncio
import json as _json
import _interleave_http as _http

__version__ = '3.9.1'

# --- exceptions (client_exceptions.py) ---------------------------------------------------------
class ClientError(Exception):
    pass

class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, code=None, status=None, message='', headers=None):
        self.request_info = request_info
        self.status = status if status is not None else (code if code is not None else 0)
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)
    def __str__(self):
        return '%s, message=%r, url=%r' % (self.status, self.message, self.request_info.real_url)
    def __repr__(self):
        args = '%r, %r' % (self.request_info, self.history)
        if self.status != 0:
            args += ', status=%r' % (self.status,)
        if self.message != '':
            args += ', message=%r' % (self.message,)
        return '%s(%s)' % (type(self).__name__, args)

class ContentTypeError(ClientResponseError):
    pass

class ClientConnectionError(ClientError):
    pass

class ClientOSError(ClientConnectionError, OSError):
    pass

class ClientConnectorError(ClientOSError):
    def __init__(self, host, port, strerror):
        self.host = host
        self.port = port
        self.errno = -2
        self.strerror = strerror
        self.filename = None
        self.filename2 = None
        self.args = (-2, strerror)
    def __str__(self):
        return 'Cannot connect to host %s:%d ssl:%s [%s]' % (self.host, self.port, 'default' if self.port == 443 else 'False', self.strerror)

class ServerConnectionError(ClientConnectionError):
    pass

class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    pass

class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        self.url = url
        self.args = (url,)
    def __repr__(self):
        return '<InvalidURL %s>' % self.url

for _cls in (ClientError, ClientResponseError, ContentTypeError, ClientConnectionError, ClientOSError,
             ClientConnectorError, ServerConnectionError, ServerTimeoutError, InvalidURL):
    _cls.__module__ = 'aiohttp.client_exceptions'

# --- helpers -------------------------------------------------------------------------------
class URL:
    # yarl.URL's face: str() is the URL, repr() is URL('...').
    def __init__(self, text):
        self._text = text
        u = _http.URL(text)
        self.scheme = u.scheme
        self.host = u.host
        self.port = u.port
        self.path = u.path
        self.query_string = u.query
    def __str__(self):
        return self._text
    def __repr__(self):
        return 'URL(%r)' % self._text
    def __eq__(self, other):
        return isinstance(other, URL) and other._text == self._text or other == self._text
    def __hash__(self):
        return hash(self._text)

class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url
    def __repr__(self):
        return 'RequestInfo(url=%r, method=%r, headers=%r, real_url=%r)' % (self.url, self.method, self.headers, self.real_url)

class CIMultiDictProxy:
    def __init__(self, items):
        self._items = list(items)
    def __getitem__(self, key):
        for k, v in self._items:
            if k.lower() == key.lower():
                return v
        raise KeyError(key)
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default
    def __contains__(self, key):
        return any(k.lower() == key.lower() for k, v in self._items)
    def __iter__(self):
        return iter([k for k, v in self._items])
    def __len__(self):
        return len(self._items)
    def keys(self):
        return [k for k, v in self._items]
    def values(self):
        return [v for k, v in self._items]
    def items(self):
        return list(self._items)
    def __repr__(self):
        return '<CIMultiDictProxy(%s)>' % ', '.join('%r: %r' % (k, v) for k, v in self._items)

class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold
    def __repr__(self):
        return 'ClientTimeout(total=%r, connect=%r, sock_read=%r, sock_connect=%r, ceil_threshold=%r)' % (
            self.total, self.connect, self.sock_read, self.sock_connect, self.ceil_threshold)

DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)

class _Slot:
    def __init__(self, semaphores):
        self._semaphores = semaphores
    async def __aenter__(self):
        for s in self._semaphores:
            await s.acquire()
    async def __aexit__(self, *exc):
        for s in self._semaphores:
            s.release()

class TCPConnector:
    def __init__(self, *, limit=100, limit_per_host=0, ssl=True, force_close=False, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._total = asyncio.Semaphore(limit) if limit else None
        self._hosts = {}
        self.closed = False
    def _slot(self, host):
        semaphores = []
        if self._total is not None:
            semaphores.append(self._total)
        if self.limit_per_host:
            if host not in self._hosts:
                self._hosts[host] = asyncio.Semaphore(self.limit_per_host)
            semaphores.append(self._hosts[host])
        return _Slot(semaphores)
    async def close(self):
        self.closed = True

# --- responses -----------------------------------------------------------------------------
class ClientResponse:
    def __init__(self, method, url, answer, request_info):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = answer.status
        self.reason = answer.reason
        self.headers = CIMultiDictProxy(answer.headers.items())
        self.content_type = 'application/json'
        self.charset = 'utf-8'
        self.request_info = request_info
        self.history = ()
        self._text = answer.text
        self.closed = False
    def __repr__(self):
        return '<ClientResponse(%s) [%s %s]>\n%r\n' % (self.url, self.status, self.reason, self.headers)
    @property
    def ok(self):
        return self.status < 400
    def raise_for_status(self):
        if self.status >= 400:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)
    async def text(self, encoding=None, errors='strict'):
        return self._text
    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        if not self._text.strip():
            return None
        return loads(self._text)
    async def read(self):
        raise NotImplementedError('ClientResponse.read() returns bytes, which Interleave does not support: use await resp.text() or await resp.json()')
    def release(self):
        self.closed = True
    def close(self):
        self.closed = True
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        self.release()

class _RequestContextManager:
    # What session.get() returns: awaitable, or an async context manager releasing the response.
    def __init__(self, coro):
        self._coro = coro
        self._resp = None
    def __await__(self):
        return self._coro.__await__()
    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp
    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()

def _arrived(waiter):
    if not waiter.done():
        waiter.set_result(None)

def _timed_out(waiter):
    if not waiter.done():
        waiter.set_exception(asyncio.TimeoutError())

_UNSET = object()

class ClientSession:
    def __init__(self, base_url=None, *, connector=None, timeout=_UNSET, headers=None,
                 raise_for_status=False, connector_owner=True, **kwargs):
        self._base_url = base_url
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self.timeout = DEFAULT_TIMEOUT if timeout is _UNSET or timeout is None else timeout
        self.headers = dict(headers) if headers else {}
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        if not self._closed:
            if self._connector_owner:
                await self._connector.close()
            self._closed = True

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request('GET', url, **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request('OPTIONS', url, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        return _RequestContextManager(self._request('HEAD', url, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('POST', url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PUT', url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PATCH', url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None,
                       timeout=_UNSET, raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        if data is not None and json is not None:
            raise ValueError('data and json parameters can not be used at the same time')
        url = str(url)
        if self._base_url is not None and '://' not in url:
            url = str(self._base_url).rstrip('/') + '/' + url.lstrip('/')
        url = _http.with_params(url, params)
        u = _http.URL(url)
        if u.scheme not in ('http', 'https') or not u.host:
            raise InvalidURL(url)
        if timeout is _UNSET:
            timeout = self.timeout
        total_timeout = timeout.total if isinstance(timeout, ClientTimeout) else timeout
        request_headers = dict(self.headers)
        if headers:
            request_headers.update(headers)
        full = URL(u.full())
        info = RequestInfo(full, method, request_headers)
        answer = _http.answer(method, url, json, data)
        total = _http.latency() + answer.delay
        loop = asyncio.get_running_loop()
        async with self._connector._slot(u.host):
            waiter = loop.create_future()
            if total_timeout is not None and total_timeout < total:
                _http.connect(u.host, total_timeout)
                handle = loop.call_later(total_timeout, _timed_out, waiter)
            else:
                _http.connect(u.host, total)
                handle = loop.call_later(total, _arrived, waiter)
            try:
                await waiter
            finally:
                handle.cancel()
        if not answer.resolves:
            raise ClientConnectorError(u.host, u.port, 'Name or service not known')
        resp = ClientResponse(method, full, answer, info)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status
        if raise_for_status:
            resp.raise_for_status()
        return resp
