#!/usr/bin/env python3
# half-close.t, exported by sockshell (export --python).
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


# Half-close with shutdown: close one direction, keep the other.
# A client that has sent its whole request calls shutdown(SHUT_WR): the server's recv then
# returns b'', so the server knows the request is complete, yet the client can still read
# the answer. close would give up both directions at once.
# --- server ---
with step(): s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): s.bind(('', 0))
with step(): s.listen(1)
with step(): addr = s.getsockname(); show(addr); port = addr[1]

# --- client ---
with step(): c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): c.connect(('localhost', int(port)))

# --- server ---
with step(): conn, addr = s.accept(); show(addr); client_port = addr[1]

# The request, then the end of it.
# --- client ---
with step(): show(c.send(b'how many letters in this?'))
with step(): c.shutdown(socket.SHUT_WR)

# --- server ---
with step(): show_data(conn.recv(1024))
with step(): show_data(conn.recv(1024))

# The client's socket is half-closed: it cannot send any more (the failed send is not
# counted in the SENT column below)...
# --- client ---
with step(): show(c.send(b'more'))

# ...but it still receives. The server answers on the same connection.
# --- server ---
with step(): show(conn.send(b'21'))

# --- client ---
with step(): show_data(c.recv(1024))
# client> sockets  (left out: sockets is the shell's own table of sockets: Python has no such call)

# The server closes its side: now the client's recv returns b'' too.
# --- server ---
with step(): conn.close()

# --- client ---
with step(): show_data(c.recv(1024))
with step(): c.close()

# --- server ---
with step(): s.close()
