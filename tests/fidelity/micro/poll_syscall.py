# poll() on two pipes, connection.wait over 2 objects, Connection.poll() on an empty pipe.
import select, os, time
from multiprocessing import Pipe, connection
r, w = Pipe(duplex=False); r2, w2 = Pipe(duplex=False)
w.send_bytes(b"x")
p = select.poll()
for c in (r, r2): p.register(c.fileno(), select.POLLIN)
N = 20000
for label, fn in [("poll.poll(0) 2 fds", lambda: p.poll(0)), ("connection.wait 2", lambda: connection.wait([r, r2])),
                  ("poll() empty", lambda: r2.poll())]:
    best = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): fn()
        best = min(best, (time.perf_counter() - t) / N * 1e6)
    print("%-22s %.2f us" % (label, best))
