class ConfigError(Exception):
    pass

def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e

try:
    read_port("http")
except ConfigError as e:
    print("error:", e)
    print("cause:", repr(e.__cause__))
    print("suppress context:", e.__suppress_context__)

try:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__, repr(e.__context__))
print(read_port("8080"))

# expect: error: bad port 'http'
# expect: cause: ValueError("invalid literal for int() with base 10: 'http'")
# expect: suppress context: True
# expect: no cause None True KeyError('x')
# expect: 8080
