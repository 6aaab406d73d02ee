#!/usr/bin/env python3
"""A TCP proxy that slows what the upstream sends, for tests that need a pull to take a while.

usage: slow-proxy.py LISTEN_PORT UPSTREAM_PORT BYTES_PER_SECOND

Listens on 127.0.0.1:LISTEN_PORT and forwards to 127.0.0.1:UPSTREAM_PORT; each connection's
answers are paced to BYTES_PER_SECOND. Tests put it in front of the private registry so the
console's pull progress bar can be watched and a pull cancelled half-way. Prints "ready" once
it listens.
"""
import socket
import sys
import threading
import time


def pump(source, sink, rate):
    chunk = 16384 if rate <= 0 else max(1024, min(16384, rate // 20))
    try:
        while True:
            data = source.recv(chunk)
            if not data:
                break
            sink.sendall(data)
            if rate > 0:
                time.sleep(len(data) / rate)
    except OSError:
        pass
    finally:
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(client, upstream_port, rate):
    try:
        upstream = socket.create_connection(("127.0.0.1", upstream_port))
    except OSError:
        client.close()
        return
    threading.Thread(target=pump, args=(client, upstream, 0), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client, rate), daemon=True).start()


def main():
    listen_port, upstream_port, rate = (int(a) for a in sys.argv[1:4])
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen_port))
    server.listen(16)
    print("ready", flush=True)
    while True:
        client, _ = server.accept()
        serve(client, upstream_port, rate)


if __name__ == "__main__":
    main()
