class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []

    def on_click(self, handler):
        self.handlers.append(handler)

    def click(self):
        return [h(self) for h in self.handlers]

clicks = 0
def make_handler(tag):
    def handler(button):
        global clicks
        clicks += 1
        return f"{tag}:{button.label}"
    return handler

b = Button("OK")
b.on_click(make_handler("first"))
b.on_click(make_handler("second"))
b.on_click(lambda btn: btn.label.lower())
print(b.click())
print(b.click(), clicks)

# expect: ['first:OK', 'second:OK', 'ok']
# expect: ['first:OK', 'second:OK', 'ok'] 4
