# requests against the fake server (docs/python.md, "Network"): one latency per request.
import time
import requests

start = time.perf_counter()
r = requests.get('https://api.example.com/users/7', params={'q': 'a b', 'page': 2})
print(r, r.status_code, r.ok, r.reason)
print(r.url)
print(r.json())
print(r.text)
print(r.headers['content-type'], 'Content-Length' in r.headers)
r = requests.post('https://api.example.com/items', json={'name': 'x', 'qty': 3})
print(r.json())
r = requests.post('https://graphql.anilist.co', json={'query': 'query ($id: Int) { Media (id: $id) { id title { romaji english } } }', 'variables': {'id': 21}})
print(r.json())
r = requests.post('https://graphql.anilist.co', json={'variables': {'id': 21}})
print(r.status_code, r.json())
with requests.Session() as s:
    print(s.get('https://api.example.com/orders/12').json()['name'])
print(round(time.perf_counter() - start, 2))

# expect: <Response [200]> 200 True OK
# expect: https://api.example.com/users/7?q=a+b&page=2
# expect: {'id': 7, 'name': 'users 7', 'method': 'GET', 'url': 'https://api.example.com/users/7?q=a+b&page=2', 'args': {'q': 'a b', 'page': '2'}}
# expect: {"id": 7, "name": "users 7", "method": "GET", "url": "https://api.example.com/users/7?q=a+b&page=2", "args": {"q": "a b", "page": "2"}}
# expect: application/json True
# expect: {'method': 'POST', 'url': 'https://api.example.com/items', 'json': {'name': 'x', 'qty': 3}}
# expect: {'data': {'Media': {'id': 21, 'title': {'romaji': 'romaji 21', 'english': 'english 21'}}}}
# expect: 400 {'errors': [{'message': 'Must provide query string.', 'status': 400}], 'data': None}
# expect: orders 12
# expect: 1.0
