filename = "report_2024.csv"
print(filename.startswith("report"), filename.endswith(".csv"))
print(filename.endswith((".txt", ".csv")), filename.startswith(("a", "b")))
print(filename.startswith("2024", 7), filename.endswith("report", 0, 6))
urls = ["http://a", "https://b", "ftp://c"]
print([u for u in urls if u.startswith(("http://", "https://"))])
print("".startswith(""), "abc".endswith(""))

# expect: True True
# expect: True False
# expect: True True
# expect: ['http://a', 'https://b']
# expect: True True
