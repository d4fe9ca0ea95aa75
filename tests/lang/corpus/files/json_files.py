# json.dump and json.load on files, the lessons' save-and-reload pattern.
import json
import os

path = 'tmp_json_files.json'
if os.path.exists(path):
    os.remove(path)

def save(data):
    try:
        with open(path, 'r') as file:
            loaded = json.load(file)
            loaded += data
    except:
        loaded = data
    with open(path, 'w', encoding='utf-8') as json_file:
        json.dump(loaded, json_file, indent=4)
    print('Data saved.')

save([0.4, 0.8])
save([1.2000000000000002, 0.6000000000000001])
with open(path) as f:
    print(f.read())
with open(path) as f:
    print(json.load(f))

config = {'name': 'demo', 'workers': 4, 'ratio': 0.5, 'tags': ['a', 'b'], 'nested': {'ok': True, 'none': None}}
with open(path, 'w') as f:
    json.dump(config, f)
with open(path) as f:
    text = f.read()
print(text)
with open(path) as f:
    print(json.load(f) == config)
with open(path, 'w') as f:
    f.write('{"broken": ')
try:
    with open(path) as f:
        json.load(f)
except json.JSONDecodeError as e:
    print('JSONDecodeError:', e)
os.remove(path)

# expect: Data saved.
# expect: Data saved.
# expect: [
# expect:     0.4,
# expect:     0.8,
# expect:     1.2000000000000002,
# expect:     0.6000000000000001
# expect: ]
# expect: [0.4, 0.8, 1.2000000000000002, 0.6000000000000001]
# expect: {"name": "demo", "workers": 4, "ratio": 0.5, "tags": ["a", "b"], "nested": {"ok": true, "none": null}}
# expect: True
# expect: JSONDecodeError: Expecting value: line 1 column 12 (char 11)
