class Config:
    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, value)

c = Config(debug=True, level=3)
print(c.debug, c.level)
print(getattr(c, "level"), getattr(c, "missing", None))
print(hasattr(c, "debug"), hasattr(c, "verbose"))
c.verbose = False
print(c.verbose)
print(c.__dict__)
del c.level
print(hasattr(c, "level"))
print(type(c).__name__, c.__class__.__name__)

# expect: True 3
# expect: 3 None
# expect: True False
# expect: False
# expect: {'debug': True, 'level': 3, 'verbose': False}
# expect: False
# expect: Config Config
