inventory = {"apples": 5, "pears": 0, "plums": 12}
print([name for name, qty in inventory.items() if qty])
print([f"{k}={v}" for k, v in inventory.items()])
print(sum(qty for qty in inventory.values()))
print({k.upper(): v for k, v in inventory.items() if v > 1})
records = [{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}, {"id": 3, "tags": ["c"]}]
print([r["id"] for r in records if r["tags"]])
print([t for r in records for t in r["tags"]])
print({r["id"]: len(r["tags"]) for r in records})

# expect: ['apples', 'plums']
# expect: ['apples=5', 'pears=0', 'plums=12']
# expect: 17
# expect: {'APPLES': 5, 'PLUMS': 12}
# expect: [1, 3]
# expect: ['a', 'b', 'c']
# expect: {1: 2, 2: 0, 3: 1}
