s = "héllo wörld"
print(s, len(s))
print(s.upper(), s[1], s[::-1])
print("naïve café".split())
snow = "\u2603"
print(snow, len(snow))
print("日本語", len("日本語"), "日本語"[1])
print("emoji: \U0001F600", len("\U0001F600"))
print("é" in s, s.find("ö"), s.count("l"))
print(sorted(["b", "é", "a", "z"]))

# expect: héllo wörld 11
# expect: HÉLLO WÖRLD é dlröw olléh
# expect: ['naïve', 'café']
# expect: ☃ 1
# expect: 日本語 3 本
# expect: emoji: 😀 1
# expect: True 7 3
# expect: ['a', 'b', 'z', 'é']
