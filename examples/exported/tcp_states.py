#!/usr/bin/env python3
# tcp-states.t, exported by sockshell (export --python).
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

client_jobs = Jobs()  # client's background jobs

# A connection's whole life as the kernel keeps it (tutorial sections 3 and 5.3): the accept
# queue filling before any accept, ESTABLISHED with bytes waiting in RECV-Q, a half close
# (FIN_WAIT2 on one side, CLOSE_WAIT on the other), TIME_WAIT on the side that closed first,
# and why a restarted server's bind fails with [Errno 98] until SO_REUSEADDR is set.
# netstat and sockets read the kernel's table (/proc/net/tcp) once it has settled: see
# help sockets. Ports vary from run to run, so the address columns are matched by patterns.

# SO_REUSEADDR on the listener lets the next server bind this port while a connection of
# this one is in TIME_WAIT (the end of this file): the kernel allows it only when both have it.
# --- server ---
with step(): s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
with step(): s.bind(('127.0.0.1', 0))
with step(): s.listen(1)
with step(): addr = s.getsockname(); show(addr); port = addr[1]

# The kernel completes handshakes before any accept: with listen(1) two connections fit in
# the accept queue (Linux lets backlog + 1 wait).
# --- client ---
with step(): c1 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): c1.connect(('127.0.0.1', int(port)))
with step(): c2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): c2.connect(('127.0.0.1', int(port)))

# The listener's RECV-Q is the accept queue (2 waiting) and its SEND-Q the backlog (1). Each
# connection not accepted yet stands with the client's end below it.
# --- server ---
# server> netstat  (left out: netstat is the shell's view of the kernel's TCP table: Python has no such call)

# The queue is full: the third client's SYN is dropped, so its connect waits (the kernel
# sends the SYN again after a second).
# --- client ---
with step(): c3 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
def client_job1():
    with step(): c3.connect(('127.0.0.1', int(port)))
with step(): client_jobs.start('connect c3 127.0.0.1 ' + str(port), client_job1)

# accept takes a connection the kernel already made; the room it frees lets the third in.
# --- server ---
with step(): conn1, addr = s.accept(); show(addr); c1_port = addr[1]

# --- client ---
with step(): client_jobs.wait()

# --- server ---
with step(): conn2, addr = s.accept(); show(addr); c2_port = addr[1]
with step(): conn3, addr = s.accept(); show(addr); c3_port = addr[1]

# --- client ---
with step(): c2.close(); c3.close()

# --- server ---
with step(): conn2.close(); conn3.close()

# Bytes sent wait in the receiver's RECV-Q until it reads them.
# --- client ---
with step(): show(c1.send(b'hello'))

# --- server ---
# server> sockets  (left out: sockets is the shell's own table of sockets: Python has no such call)
with step(): show_data(conn1.recv(1024))

# The server shuts down its sending side: its FIN is acknowledged, so conn1 waits in
# FIN_WAIT2 for the client's FIN, and the client's end is in CLOSE_WAIT, the FIN counted as one
# byte in its RECV-Q until recv reads the end of the stream.
with step(): conn1.shutdown(socket.SHUT_WR)
# server> netstat  (left out: netstat is the shell's view of the kernel's TCP table: Python has no such call)

# --- client ---
with step(): show_data(c1.recv(1024))

# The client closes: its FIN ends the connection (its LAST_ACK lasts only until the ACK comes
# back, microseconds on loopback), and the side that closed first, conn1, waits in TIME_WAIT,
# for a minute, so that a late segment of this connection cannot be taken for a new one's.
with step(): c1.close()

# --- server ---
with step(): conn1.close(); s.close()
# server> netstat  (left out: netstat is the shell's view of the kernel's TCP table: Python has no such call)

# A restarted server binds the same port: TIME_WAIT holds it, as section 5.3 warns.
with step(): s2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): s2.bind(('127.0.0.1', int(port)))

# SO_REUSEADDR lets a socket bind a port that only TIME_WAIT connections hold (if they had it
# too: a server that never set it keeps its port from everyone for the minute).
with step(): s2.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
with step(): s2.bind(('127.0.0.1', int(port)))
with step(): s2.listen(5)
with step(): s2.close()
