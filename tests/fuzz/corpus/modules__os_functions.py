import os

count = os.cpu_count()
print(isinstance(count, int), count >= 1)
pid = os.getpid()
print(isinstance(pid, int), pid > 0, pid == os.getpid())
print(os.path.exists("definitely_not_here.txt"))

# expect: True True
# expect: True True True
# expect: False
