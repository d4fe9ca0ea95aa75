# A pipe's reader gets EOFError once every process has closed its write end: the parent closes
# its copy of the child's end, the child closes its own (or ends).
from multiprocessing import Process, Pipe

def worker(conn):
    for i in range(3):
        conn.send(i)
    conn.close()

if __name__ == "__main__":
    parent_conn, child_conn = Pipe()
    p = Process(target=worker, args=(child_conn,))
    p.start()
    child_conn.close()
    while True:
        try:
            print("got", parent_conn.recv())
        except EOFError as e:
            print("EOF", repr(e))
            break
    p.join()
    a, b = Pipe(duplex=False)
    b.send("x"); b.close()
    print(a.recv(), a.poll())
    try:
        a.recv()
    except EOFError:
        print("EOF again")

# expect: got 0
# expect: got 1
# expect: got 2
# expect: EOF EOFError()
# expect: x True
# expect: EOF again
