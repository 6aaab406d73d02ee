#!/usr/bin/env python3
"""A fake Docker engine that floods: one lab container publishing PORTS host ports and
RATE events a second about it, for the UI-loop test and `make bench` (issue 11, item 6).

usage: flood-engine.py SOCKET [PORTS [RATE [bad]]]      defaults 10000 ports, 20 events/s

With `bad`, the container list also holds one unreadable container (invalid UTF-8 in its
command, a number like 1e999): one row saying what was wrong, the rest of the lab live.

A real engine would need a docker-proxy process per published port (10,000 of them); the
console only sees the engine's answers, so these are those answers, as dockerd 20.10 gives
them (API 1.41): /_ping, /version, /containers/json, /containers/ID/json, /events (chunked,
health_status events alternating healthy and unhealthy), 404 for anything else (stats, logs).
Prints "ready" once it listens; runs until killed.
"""
import json
import os
import socket
import sys
import threading
import time

CONTAINER_ID = "f" * 64
NAME = "/ailab-qdrant-1"
LABELS = {"com.docker.compose.project": "ailab", "com.docker.compose.service": "qdrant",
          "com.docker.compose.container-number": "1", "com.docker.compose.oneoff": "False"}


BAD_CONTAINER = (b'{"Id":"' + b"b" * 64 + b'","Names":["/ailab-postgres-1"],"Command":"\xff\xfe","Created":1e999,'
                 b'"State":"running","Labels":{"com.docker.compose.project":"ailab","com.docker.compose.service":"postgres"}}')


def answers(ports, bad=False):
    bindings = [{"IP": "0.0.0.0", "PrivatePort": 8080, "PublicPort": 20000 + n, "Type": "tcp"} for n in range(ports)]
    summary = {"Id": CONTAINER_ID, "Names": [NAME], "Image": "qdrant/qdrant:v1.15", "ImageID": "sha256:" + "0" * 64,
               "Command": "./entrypoint.sh", "Created": 1795000000, "State": "running", "Status": "Up 1 hour (healthy)",
               "Ports": bindings, "Labels": LABELS}
    port_map = {"8080/tcp": [{"HostIp": "0.0.0.0", "HostPort": str(20000 + n)} for n in range(ports)]}
    inspect = {"Id": CONTAINER_ID, "Name": NAME, "RestartCount": 0, "Image": "sha256:" + "0" * 64,
               "State": {"Status": "running", "Running": True, "ExitCode": 0, "StartedAt": "2026-11-24T19:41:07.000000000Z",
                         "Health": {"Status": "healthy", "FailingStreak": 0, "Log": []}},
               "Config": {"Image": "qdrant/qdrant:v1.15", "Labels": LABELS, "Env": []},
               "NetworkSettings": {"Ports": port_map}, "HostConfig": {"PortBindings": port_map}}
    version = {"Version": "20.10.24", "ApiVersion": "1.41", "MinAPIVersion": "1.12", "Os": "linux", "Arch": "amd64"}
    listed = json.dumps([summary]).encode()
    if bad:
        listed = listed[:-1] + b"," + BAD_CONTAINER + b"]"
    return listed, json.dumps(inspect).encode(), json.dumps(version).encode()


def reply(conn, status, body, content_type="application/json"):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nApi-Version: 1.41\r\nContent-Length: {len(body)}\r\n\r\n"
    conn.sendall(head.encode() + body)


def events(conn, rate):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    n = 0
    while True:
        now = time.time()
        status = "healthy" if n % 2 == 0 else "unhealthy"
        record = {"Type": "container", "Action": f"health_status: {status}", "status": f"health_status: {status}",
                  "id": CONTAINER_ID, "Actor": {"ID": CONTAINER_ID, "Attributes": {"name": NAME[1:]}},
                  "time": int(now), "timeNano": int(now * 1e9)}
        line = (json.dumps(record) + "\n").encode()
        conn.sendall(f"{len(line):x}\r\n".encode() + line + b"\r\n")
        n += 1
        time.sleep(1 / rate)


def handle(conn, listed, inspect, version, rate):
    try:
        request = b""
        while b"\r\n\r\n" not in request:
            data = conn.recv(65536)
            if not data:
                return
            request += data
        path = request.split(b" ", 2)[1].decode()
        if path.startswith("/_ping"):
            reply(conn, "200 OK", b"OK", "text/plain")
        elif "/version" in path:
            reply(conn, "200 OK", version)
        elif "/containers/json" in path:
            reply(conn, "200 OK", listed)
        elif f"/containers/{CONTAINER_ID}/json" in path:
            reply(conn, "200 OK", inspect)
        elif "/events" in path:
            events(conn, rate)
        else:
            reply(conn, "404 Not Found", b'{"message":"not in the flood engine"}')
    except OSError:
        pass
    finally:
        conn.close()


def main():
    path = sys.argv[1]
    ports = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rate = float(sys.argv[3]) if len(sys.argv) > 3 else 20
    listed, inspect, version = answers(ports, bad=len(sys.argv) > 4 and sys.argv[4] == "bad")
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(64)
    print("ready", flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn, listed, inspect, version, rate), daemon=True).start()


if __name__ == "__main__":
    main()
