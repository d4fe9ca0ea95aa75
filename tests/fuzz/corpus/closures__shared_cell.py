def make_pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

get, set_ = make_pair()
print(get())
set_(42)
print(get())
get2, set2 = make_pair()
set2(-1)
print(get(), get2())

def late():
    def show():
        return msg
    msg = "assigned after def"
    return show
print(late()())

# expect: 0
# expect: 42
# expect: 42 -1
# expect: assigned after def
