scores = {"ann": 90, "bob": 72, "cid": 85}
for name in scores:
    print(name, scores[name])
for name, score in scores.items():
    print(f"{name}: {score}")
for score in scores.values():
    print(score, end=" ")
print("|")
best = max(scores, key=scores.get)
print("best:", best)
print(sum(scores.values()) / len(scores))
inverted = {v: k for k, v in scores.items()}
print(inverted)
print(sorted(scores.items(), key=lambda kv: kv[1]))

# expect: ann 90
# expect: bob 72
# expect: cid 85
# expect: ann: 90
# expect: bob: 72
# expect: cid: 85
# expect: 90 72 85 |
# expect: best: ann
# expect: 82.33333333333333
# expect: {90: 'ann', 72: 'bob', 85: 'cid'}
# expect: [('bob', 72), ('cid', 85), ('ann', 90)]
