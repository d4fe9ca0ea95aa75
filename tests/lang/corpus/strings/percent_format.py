print("%d items" % 5)
print("%s and %s" % ("this", "that"))
print("%.2f" % 3.14159, "%5.1f|" % 2.25, "%-6s|" % "ab")
print("%05d" % 42, "%+d" % 7, "%x" % 255, "%o" % 8)
print("%r" % "quoted", "%s" % None, "%s" % [1, 2])
print("100%% done, %d left" % 0)
print("%(name)s is %(n)d" % {"name": "x", "n": 3})
print("%e" % 12345.678, "%g" % 0.00001234, "%g" % 1234567.0)

# expect: 5 items
# expect: this and that
# expect: 3.14   2.2| ab    |
# expect: 00042 +7 ff 10
# expect: 'quoted' None [1, 2]
# expect: 100% done, 0 left
# expect: x is 3
# expect: 1.234568e+04 1.234e-05 1.23457e+06
