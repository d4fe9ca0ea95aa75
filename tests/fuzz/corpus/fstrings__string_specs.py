s = "python"
print(f"[{s:.3}] [{s:10.2}] [{s:>10}]")
print(f"[{s!r:^12}]")
print(f"[{'':>3}]")
words = ["a", "bb", "ccc"]
width = max(len(w) for w in words)
for w in words:
    print(f"|{w:>{width}}|{w:<{width + 2}}|")
print(f"{'tab':\t>5}".replace("\t", "T"))

# expect: [pyt] [py        ] [    python]
# expect: [  'python'  ]
# expect: [   ]
# expect: |  a|a    |
# expect: | bb|bb   |
# expect: |ccc|ccc  |
# expect: TTtab
