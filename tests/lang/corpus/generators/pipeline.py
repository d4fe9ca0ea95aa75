def read_lines():
    for line in ["10", "x", "25", "", "7", "3"]:
        print("  read", repr(line))
        yield line

def parse(lines):
    for line in lines:
        if line.isdigit():
            yield int(line)

def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total

for t in running_total(parse(read_lines())):
    print("total", t)

# expect:   read '10'
# expect: total 10
# expect:   read 'x'
# expect:   read '25'
# expect: total 35
# expect:   read ''
# expect:   read '7'
# expect: total 42
# expect:   read '3'
# expect: total 45
