def parse(values):
    results = []
    for v in values:
        try:
            try:
                results.append(int(v))
            except ValueError:
                results.append(float(v))
        except ValueError:
            results.append(None)
        finally:
            pass
    return results

print(parse(["1", "2.5", "x", "-3"]))

try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("not this one")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)

# expect: [1, 2.5, None, -3]
# expect: inner finally
# expect: outer caught 'inner'
