class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"invalid port: {text!r}") from e

def load():
    return parse_port("eighty")

load()

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "raise_from.py", line 6, in parse_port
# expect-stderr:     return int(text)
# expect-stderr:            ^^^^^^^^^
# expect-stderr: ValueError: invalid literal for int() with base 10: 'eighty'
# expect-stderr:
# expect-stderr: The above exception was the direct cause of the following exception:
# expect-stderr:
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "raise_from.py", line 13, in <module>
# expect-stderr:     load()
# expect-stderr:   File "raise_from.py", line 11, in load
# expect-stderr:     return parse_port("eighty")
# expect-stderr:            ^^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "raise_from.py", line 8, in parse_port
# expect-stderr:     raise ConfigError(f"invalid port: {text!r}") from e
# expect-stderr: ConfigError: invalid port: 'eighty'
# expect-exit: 1
