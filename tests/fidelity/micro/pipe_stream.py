# Streaming through a pipe between two processes: CPU per message on each side (process_time),
# raw os.write/os.read of 16-byte messages, and Connection.send/recv of an int; vs one thread.
import os, time
from multiprocessing import Process, Pipe, SimpleQueue
N = 50000
MSG = b"x" * 16
def raw_writer(w, res):
    c = time.process_time()
    for i in range(N): os.write(w, MSG)
    res.put(("raw write", (time.process_time() - c) / N * 1e6))
def raw_reader(r, res):
    c = time.process_time()
    for i in range(N): os.read(r, 16)
    res.put(("raw read", (time.process_time() - c) / N * 1e6))
def conn_writer(w, res):
    c = time.process_time()
    for i in range(N): w.send(i)
    res.put(("send", (time.process_time() - c) / N * 1e6))
def conn_reader(r, res):
    c = time.process_time()
    for i in range(N): r.recv()
    res.put(("recv", (time.process_time() - c) / N * 1e6))
if __name__ == "__main__":
    res = SimpleQueue()
    r, w = os.pipe()
    ps = [Process(target=raw_writer, args=(w, res)), Process(target=raw_reader, args=(r, res))]
    for p in ps: p.start()
    for p in ps: p.join()
    print(res.get(), res.get())
    rc, wc = Pipe(duplex=False)
    ps = [Process(target=conn_writer, args=(wc, res)), Process(target=conn_reader, args=(rc, res))]
    for p in ps: p.start()
    for p in ps: p.join()
    print(res.get(), res.get())
    c = time.process_time()
    for i in range(1000):
        for j in range(50): wc.send(j)
        for j in range(50): rc.recv()
    print("one thread send+recv %.2f us" % ((time.process_time() - c) / 50000 * 1e6))
