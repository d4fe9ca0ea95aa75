class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["base"]

class Middle(Base):
    def __init__(self):
        print("Middle.__init__ start")
        super().__init__()
        self.trail.append("middle")
        print("Middle.__init__ end")

class Leaf(Middle):
    def __init__(self, extra):
        super().__init__()
        self.trail.append(extra)

class NoInit(Middle):
    pass

print(Leaf("leaf").trail)
print(NoInit().trail)

# expect: Middle.__init__ start
# expect: Base.__init__
# expect: Middle.__init__ end
# expect: ['base', 'middle', 'leaf']
# expect: Middle.__init__ start
# expect: Base.__init__
# expect: Middle.__init__ end
# expect: ['base', 'middle']
