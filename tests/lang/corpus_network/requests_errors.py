# requests' errors: raise_for_status, timeouts, unknown hosts, bad URLs.
import time
import requests
from requests.exceptions import HTTPError

r = requests.get('https://httpbin.org/status/404')
print(r.status_code, r.ok, bool(r))
try:
    r.raise_for_status()
except HTTPError as e:
    print('HTTPError:', e)
r = requests.get('https://httpbin.org/status/503')
try:
    r.raise_for_status()
except requests.RequestException as e:
    print(type(e).__name__, e, e.response.status_code)
start = time.perf_counter()
try:
    requests.get('https://slow.example.com/delay/3', timeout=1)
except requests.Timeout as e:
    print(type(e).__name__, e)
print(round(time.perf_counter() - start, 2))
try:
    requests.get('https://no-such-host.invalid/path')
except requests.ConnectionError as e:
    print(type(e).__name__)
try:
    requests.get('example.com')
except requests.exceptions.MissingSchema as e:
    print(e)
try:
    requests.get('ftp://example.com')
except requests.exceptions.InvalidSchema as e:
    print(e)
r = requests.get('https://slow.example.com/delay/1', timeout=5)
print(r.status_code, round(time.perf_counter() - start, 2))

# expect: 404 False False
# expect: HTTPError: 404 Client Error: Not Found for url: https://httpbin.org/status/404
# expect: HTTPError 503 Server Error: Service Unavailable for url: https://httpbin.org/status/503 503
# expect: ReadTimeout HTTPSConnectionPool(host='slow.example.com', port=443): Read timed out. (read timeout=1)
# expect: 1.0
# expect: ConnectionError
# expect: Invalid URL 'example.com': No scheme supplied. Perhaps you meant https://example.com?
# expect: No connection adapters were found for 'ftp://example.com'
# expect: 200 2.4
