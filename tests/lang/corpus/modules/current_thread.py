import threading

print(threading.current_thread().name)
print(threading.current_thread().name == "MainThread")
names = []

def record():
    names.append(threading.current_thread().name)

t1 = threading.Thread(target=record)
t2 = threading.Thread(target=record, name="custom-name")
t1.start(); t1.join()
t2.start(); t2.join()
print(names)
print(t2.name, t1.daemon)
print(threading.active_count())

# expect: MainThread
# expect: True
# expect: ['Thread-1 (record)', 'custom-name']
# expect: custom-name False
# expect: 1
