#!/usr/bin/env python3
# unix-echo.t, exported by sockshell (export --python).
# Run it with python3: it makes the session's socket calls and prints what the shell printed.

import os
import re
import select
import socket
import struct
import sys
import threading
import time

# How the shell shows what each call did. Every call runs inside `with step():`, which prints
# an exception as Python's REPL prints it (Type: message) and goes on with the next call, so
# this program prints what the sockshell session printed. A job (a command the shell ran in
# the background with &) is a thread whose output is kept until its party's wait.

_job = threading.local()
_printed = []
SHELL_NAMES = {}
_MARKS = os.environ.get('SOCKSHELL_STEP_MARKS') == '1'


def emit(text):
    lines = getattr(_job, 'lines', None)
    if lines is not None:
        lines.append(text)
    else:
        _printed.append(text)
        print(text, flush=True)


class step:
    def __enter__(self):
        if getattr(_job, 'lines', None) is None:
            _printed.clear()
            if _MARKS:
                print('\x1e', flush=True)

    def __exit__(self, kind, error, trace):
        if isinstance(error, Exception):
            emit(exception_line(error))
            return True
        return False


class ShellRefusal(Exception):
    """A line the shell refuses before making any call, shown as the shell shows it."""


def bound_port(sock, command, name):
    """NAME.port: the port the socket is bound to; the shell refuses a socket not bound yet."""
    port = sock.getsockname()[1]
    if port == 0:
        raise ShellRefusal(command + ': ' + name + '.port: socket ' + name
                           + ' is not bound to a port yet (bind or connect it first)')
    return port


def exception_line(error):
    if isinstance(error, ShellRefusal):
        return str(error)
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ == 'builtins' else kind.__module__ + '.' + kind.__qualname__
    message = str(error)
    return name + ': ' + message if message else name


def show(value):
    if value is not None:
        emit(repr(value))


def shown_data(data, style='short'):
    if not isinstance(data, bytes):
        return repr(data)
    if style == 'hex':
        return hex_dump(data)
    if style == 'short' and len(data) > 64:
        return repr(data[:48]) + '... (%d bytes)' % len(data)
    return repr(data)


def show_data(data, style='short'):
    emit(shown_data(data, style))


def show_datagram(datagram, style='short'):
    data, address = datagram
    emit('(' + shown_data(data, style) + ', ' + repr(address) + ')')


def hex_dump(data):
    if not data:
        return "b''  (0 bytes)"
    rows = []
    for start in range(0, len(data), 16):
        row = data[start:start + 16]
        cells = ''.join('%02x ' % b + (' ' if i == 7 else '') for i, b in enumerate(row))
        cells += '   ' * (16 - len(row)) + (' ' if len(row) <= 7 else '')
        text = ''.join(chr(b) if 0x20 <= b < 0x7f else '.' for b in row)
        rows.append('%08x  %s |%s|' % (start, cells, text))
    return '\n'.join(rows) + '\n(%d bytes)' % len(data)


def recv_until_eof(sock, size):
    total = calls = 0
    while True:
        data = sock.recv(size)
        calls += 1
        if not data:
            break
        total += len(data)
    emit('%d bytes in %d calls' % (total, calls))


def label(sock):
    for name, value in globals().items():
        if value is sock:
            return SHELL_NAMES.get(name, name)
    return repr(sock)


def show_ready(ready):
    emit('(' + ', '.join('[' + ', '.join(label(s) for s in found) + ']' for found in ready) + ')')


POLL_NAMES = [(select.POLLIN, 'POLLIN'), (select.POLLPRI, 'POLLPRI'), (select.POLLOUT, 'POLLOUT'),
              (select.POLLERR, 'POLLERR'), (select.POLLHUP, 'POLLHUP'), (select.POLLNVAL, 'POLLNVAL')]


def show_events(events, socks):
    by_number = {s.fileno(): s for s in socks}
    shown = []
    for number, mask in events:
        names = '|'.join(name for flag, name in POLL_NAMES if mask & flag) or '0'
        shown.append('(' + label(by_number[number]) + ', ' + names + ')')
    emit('[' + ', '.join(shown) + ']')


def capture(name, pattern):
    for line in '\n'.join(_printed).split('\n'):
        found = re.fullmatch(pattern, line)
        if found:
            return found.group(name)
    return None


class Jobs:
    """One party's background jobs, numbered and reported as the shell does."""

    def __init__(self):
        self.jobs = {}

    def start(self, text, body):
        number = len(self.jobs) + 1
        job = {'text': text, 'lines': [], 'reported': False}

        def run():
            _job.lines = job['lines']
            body()

        job['thread'] = threading.Thread(target=run, daemon=True)
        self.jobs[number] = job
        job['thread'].start()
        emit('[%d] pending: %s' % (number, text))

    def list(self):
        for number, job in self.jobs.items():
            if not job['reported']:
                state = 'running' if job['thread'].is_alive() else 'done'
                emit('[%d] %-8s %s' % (number, state, job['text']))

    def wait(self, *numbers, timeout=None):
        chosen = list(numbers) or list(self.jobs)
        deadline = None if timeout is None else time.monotonic() + timeout
        for number in chosen:
            self.jobs[number]['thread'].join(None if deadline is None else max(0, deadline - time.monotonic()))
        for number in chosen:
            job = self.jobs[number]
            if not job['thread'].is_alive() and not job['reported']:
                job['reported'] = True
                output = '\n'.join(job['lines']).rstrip()
                emit('[%d] done: %s' % (number, job['text']) + ('\n' + output if output else ''))
        if any(self.jobs[number]['thread'].is_alive() for number in chosen):
            raise TimeoutError('timed out')


# The session.


# AF_UNIX stream sockets: the echo pair again, between two sockets on this machine named by a
# path instead of a host and port. The calls are the same; the address is one string, and it
# is a file: bind makes it, close leaves it, and only unlink removes it.

# Runs of this transcript may overlap (check -j, two checkouts on one machine), so the path
# must differ between them: a port this run holds open is a name no other run has now.
# --- server ---
with step(): t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): t.bind(('127.0.0.1', 0))
with step(): addr = t.getsockname(); show(addr); run = addr[1]

# A fresh AF_UNIX socket has no name: getsockname is the empty string.
with step(): s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
with step(): show(s.getsockname())
with step(): s.bind('/tmp/sockshell-unix-echo-' + str(run) + '.sock')
with step(): show(s.getsockname())

# Bound but not listening: a connect is refused, as it is for TCP.
# --- client ---
with step(): c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
with step(): c.connect('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# --- server ---
with step(): s.listen(1)

# --- client ---
with step(): c.connect('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# The client never bound, so it has no name, and accept returns '' for it, not a host and port.
# --- server ---
with step(): conn, addr = s.accept(); show(addr)

# --- client ---
with step(): show(c.getsockname())
with step(): show(c.getpeername())

# --- server ---
with step(): show(conn.getsockname())
with step(): show(conn.getpeername())

# A byte stream as TCP's: makefile and readline work as they do there.
# --- client ---
with step(): c.sendall(b'hello over a path\n')

# --- server ---
with step(): f = conn.makefile('rb')
with step(): show_data(f.readline())
with step(): conn.sendall(b'echo: hello over a path\n')

# --- client ---
with step(): show_data(c.recv(100))
with step(): c.shutdown(socket.SHUT_WR)

# --- server ---
with step(): show_data(conn.recv(100))
with step(): f.close(); conn.close()

# --- client ---
with step(): c.close()

# close does not remove the socket file. A server started again on the same path fails at
# bind, and a client finds the file with nobody listening: refused, not "no such file".
# --- server ---
with step(): s.close()
with step(): s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
with step(): s.bind('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# --- client ---
with step(): c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
with step(): c.connect('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# The usual cure: remove the stale file before bind (os.unlink in Python).
# --- server ---
with step(): os.unlink('/tmp/sockshell-unix-echo-' + str(run) + '.sock')
with step(): s.bind('/tmp/sockshell-unix-echo-' + str(run) + '.sock')
with step(): s.close()
with step(): os.unlink('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# --- client ---
with step(): c.connect('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# --- server ---
with step(): os.unlink('/tmp/sockshell-unix-echo-' + str(run) + '.sock')

# A path in a folder that does not exist, and a path longer than sockaddr_un holds (108 bytes
# with the NUL that ends it): CPython refuses that one itself, before any system call.
# --- client ---
with step(): c.bind('/tmp/sockshell-no-such-folder-' + str(run) + '/x.sock')
with step():
    c.bind('/tmp/sockshell-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
# client> bind c localhost 0  (left out: the shell refuses HOST PORT for an AF_UNIX socket before any call (Python raises TypeError for the tuple))

# To the kernel a path is bytes, and they need not be UTF-8. CPython gives such a name back as
# os.fsdecode makes it: the byte 0xff is '\udcff' in the str, and writing it so (or as the bytes
# b'...\xff.sock') names the same file. nio refuses the path in one line (README says so): the
# %backend nio blocks say what it prints instead.
# --- server ---
with step(): n = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
with step(): n.bind('/tmp/sockshell-unix-echo-' + str(run) + '-\udcff.sock')
with step(): show(n.getsockname())
with step(): n.close()
with step(): os.unlink('/tmp/sockshell-unix-echo-' + str(run) + '-\udcff.sock')

# Any other lone surrogate stands for no byte: CPython refuses the str before any call, and
# says where, by code point (two surrogates side by side are two of them, and a range).
# --- client ---
with step(): c.bind('/tmp/\ud800\udc00')

# An abstract name (Linux only) starts with a NUL byte and makes no file; Python gives it back
# as bytes. Java's channels take only paths, so the nio backend refuses it (README says so).
# --- server ---
with step(): a = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
with step(): a.bind('\x00sockshell-unix-echo-' + str(run))
with step(): show(a.getsockname())
with step(): a.listen(1)

# --- client ---
with step(): c.connect('\x00sockshell-unix-echo-' + str(run))
with step(): show(c.getpeername())
with step(): c.close()

# --- server ---
with step(): a.close(); t.close()
