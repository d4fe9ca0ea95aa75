# A duplex Pipe between parent and child: objects are pickled copies; poll() tells whether a
# message is waiting; a one-way Pipe refuses the wrong direction.
import multiprocessing
import time

def child(conn):
    request = conn.recv()
    conn.send([x * x for x in request])
    time.sleep(0.2)
    conn.send("late")
    conn.close()

if __name__ == "__main__":
    parent_end, child_end = multiprocessing.Pipe()
    p = multiprocessing.Process(target=child, args=(child_end,))
    p.start()
    data = [1, 2, 3]
    parent_end.send(data)
    reply = parent_end.recv()
    print(reply, reply is data)
    print(parent_end.poll(), parent_end.poll(0.5))
    print(parent_end.recv())
    p.join()
    reader, writer = multiprocessing.Pipe(duplex=False)
    writer.send({"a": (1, 2)})
    print(reader.recv())
    for conn, action in ((reader, "send"), (writer, "recv")):
        try:
            if action == "send":
                conn.send(1)
            else:
                conn.recv()
        except OSError as e:
            print(action, "->", e)
    writer.close()
    print(writer.closed)
    try:
        writer.send(2)
    except OSError as e:
        print(e)

# expect: [1, 4, 9] False
# expect: False True
# expect: late
# expect: {'a': (1, 2)}
# expect: send -> connection is read-only
# expect: recv -> connection is write-only
# expect: True
# expect: handle is closed
