#!/usr/bin/env python3
# The emulator's memory while a client sends one 64 MB body (issue 11,
# item 6): RSS before, peak (VmHWM) and after, and the answer it got.
# Usage: bench/load/big-body-rss.py [path-to-emulator]
# Before the connection guard: peak +130 MB and the 413 only after the
# whole body; with it: peak +4 MB and the 413 as soon as the head arrives.
import json
import os
import socket
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, '..', '..', 'build', 'src', 'emulator', 'exegia-auth-emulator')
proc = subprocess.Popen([binary, '--port', '0', '--in-memory'],
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
info = json.loads(proc.stdout.readline())
port = int(info['url'].rsplit(':', 1)[1])


def mb(field):
    with open(f'/proc/{proc.pid}/status') as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) // 1024
    return -1


before = mb('VmRSS:')
size = 64 * 1024 * 1024
conn = socket.create_connection(('127.0.0.1', port))
conn.settimeout(30)
conn.sendall(b'POST /auth/v1/signup HTTP/1.1\r\nHost: 127.0.0.1:%d\r\napikey: %s\r\n'
             b'Content-Type: application/json\r\nContent-Length: %d\r\n\r\n'
             % (port, info['publishable_key'].encode(), size))
sent = 0
try:
    chunk = b'x' * 65536
    while sent < size:
        conn.sendall(chunk)
        sent += len(chunk)
except OSError:
    pass  # the server may stop reading once it has answered
try:
    answer = conn.recv(100).split(b'\r\n')[0].decode()
except OSError as error:
    answer = repr(error)
print(f'RSS before {before} MB, peak {mb("VmHWM:")} MB, after {mb("VmRSS:")} MB; '
      f'{sent // (1024 * 1024)} MB sent; answer: {answer}')
proc.terminate()
proc.wait()
