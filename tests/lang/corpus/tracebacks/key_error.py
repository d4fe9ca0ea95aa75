config = {"host": "localhost"}

def get_setting(name):
    return config[name]

print(get_setting("host"))
print(get_setting("port"))

# expect: localhost
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "key_error.py", line 7, in <module>
# expect-stderr:     print(get_setting("port"))
# expect-stderr:           ^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "key_error.py", line 4, in get_setting
# expect-stderr:     return config[name]
# expect-stderr:            ~~~~~~^^^^^^
# expect-stderr: KeyError: 'port'
# expect-exit: 1
