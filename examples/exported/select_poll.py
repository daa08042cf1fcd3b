#!/usr/bin/env python3
# select-poll.t, exported by sockshell (export --python).
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

SHELL_NAMES = {'client2_c': 'c'}  # the shell's names of the sockets renamed here

# select and poll: wait until some socket is ready, instead of spinning (tutorial section 7).
# strsvr.py tries recv on each client over and over and burns a CPU doing it. select (and
# its cousin poll) put the program to sleep until one of the sockets has something: data to
# read, room to write, or a connection to accept.
# --- server ---
with step(): lstn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): lstn.bind(('', 0))
with step(): lstn.listen(5)
with step(): addr = lstn.getsockname(); show(addr); port = addr[1]

# A listening socket is readable when a connection is waiting, that is, when accept would
# not block. -t 0 just looks without waiting: nothing yet.
with step(): show_ready(select.select([lstn], [], [], 0))

# --- client1 ---
with step(): c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): c.connect(('localhost', int(port)))

# --- server ---
with step(): show_ready(select.select([lstn], [], [], 5))
with step(): conn1, addr = lstn.accept(); show(addr); port1 = addr[1]

# --- client2 ---
with step(): client2_c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): client2_c.connect(('localhost', int(port)))

# --- server ---
with step(): show_ready(select.select([lstn], [], [], 5))
with step(): conn2, addr = lstn.accept(); show(addr); port2 = addr[1]

# Nobody has sent anything: -t 0 finds no socket readable, and a short timeout expires.
with step(): show_ready(select.select([conn1, conn2], [], [], 0))
with step(): show_ready(select.select([conn1, conn2], [], [], 0.05))

# Client 2 speaks first, so select returns just conn2: the server knows whom to read.
# --- client2 ---
with step(): show(client2_c.send(b'from two'))

# --- server ---
with step(): show_ready(select.select([conn1, conn2], [], [], 5))
with step(): show_data(conn2.recv(1024))

# A connected socket with room in its send buffer is writable.
with step(): show_ready(select.select([conn1, conn2], [conn1], [], 5))

# poll does the same job with a list of registered sockets and events; its timeout is in
# milliseconds, as in Python.
with step():
    poller = select.poll()
    poller.register(conn1, select.POLLIN)
    poller.register(conn2, select.POLLIN)
    show_events(poller.poll(0), [conn1, conn2])

# --- client1 ---
with step(): show(c.send(b'from one'))

# --- server ---
with step():
    poller = select.poll()
    poller.register(conn1, select.POLLIN)
    poller.register(conn2, select.POLLIN)
    show_events(poller.poll(5000), [conn1, conn2])
with step(): show_data(conn1.recv(1024))

# A peer that closed makes its socket readable too: recv would return b'' at once.
# --- client1 ---
with step(): c.close()

# --- server ---
with step():
    poller = select.poll()
    poller.register(conn1, select.POLLIN)
    poller.register(conn2, select.POLLIN)
    show_events(poller.poll(5000), [conn1, conn2])
with step(): show_data(conn1.recv(1024))
with step(): conn1.close()

# --- client2 ---
with step(): client2_c.close()

# --- server ---
with step(): show_ready(select.select([conn2], [], [], 5))
with step(): show_data(conn2.recv(1024))
with step(): conn2.close(); lstn.close()
