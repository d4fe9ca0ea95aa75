# A child process works on a copy of the parent's memory: its writes are not seen by the parent.
import multiprocessing

data = [1, 2, 3]
counter = {"n": 0}

def mutate(q):
    data.append(99)
    counter["n"] += 100
    q.put((list(data), counter["n"]))

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=mutate, args=(q,))
    p.start()
    print("child saw:", q.get())
    p.join()
    print("parent has:", data, counter["n"])
    data.append(4)
    p2 = multiprocessing.Process(target=mutate, args=(q,))
    p2.start()
    print("second child saw:", q.get())
    p2.join()

# expect: child saw: ([1, 2, 3, 99], 100)
# expect: parent has: [1, 2, 3] 0
# expect: second child saw: ([1, 2, 3, 4, 99], 100)
