import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getswitchinterval() == 0.005)

# expect: 0.005
# expect: 0.001
# expect: 9.999999999999999e-05
# expect: True
