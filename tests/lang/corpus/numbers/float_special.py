inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)
print(inf + 1, inf - inf, inf * 0, -inf * -1)
print(inf > 1e308, nan > 0, nan < 0, nan == nan)
print(1 / inf, -1 / inf)
print(max(1.0, inf), min(-inf, 0))
print(float("-0.0"), -0.0 == 0.0)
print(round(1e300), int(1e15))
print(2.0 ** 1023 * 2 == inf)

# expect: inf -inf nan
# expect: inf nan nan inf
# expect: True False False False
# expect: 0.0 -0.0
# expect: inf -inf
# expect: -0.0 True
# expect: 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160 1000000000000000
# expect: True
