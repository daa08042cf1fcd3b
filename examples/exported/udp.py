#!/usr/bin/env python3
# udp.t, exported by sockshell (export --python).
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


# UDP: sendto and recvfrom. No connection, no stream: each sendto is one datagram, which
# arrives whole (or not at all), and each recvfrom returns one datagram and who sent it.
# --- server ---
with step(): u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
with step(): u.bind(('', 0))
with step(): addr = u.getsockname(); show(addr); port = addr[1]

# No connect: the client names the address with every datagram. Its own port is chosen by
# the OS at the first sendto, and recvfrom tells the server what it is.
# --- client ---
with step(): c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
with step(): show(c.sendto(b'ping', ('localhost', int(port))))

# --- server ---
with step(): show_datagram(u.recvfrom(1024))
client_port = capture('client_port', r"\(b'ping', \('127\.0\.0\.1', (?P<client_port>\d+)\)\)")
with step(): show(u.sendto(b'pong', ('127.0.0.1', int(client_port))))

# --- client ---
with step(): show_datagram(c.recvfrom(1024))

# Message boundaries are kept: two datagrams are two recvfroms, never one run of bytes.
with step(): show(c.sendto(b'one', ('localhost', int(port))))
with step(): show(c.sendto(b'two', ('localhost', int(port))))

# --- server ---
with step(): show_datagram(u.recvfrom(1024))
with step(): show_datagram(u.recvfrom(1024))

# A datagram longer than the buffer is cut short, and the rest is lost: the next recvfrom
# finds nothing (nonblocking, so it says so instead of waiting).
# --- client ---
with step(): show(c.sendto(b'abcdefgh', ('localhost', int(port))))

# --- server ---
with step(): show_datagram(u.recvfrom(3))
with step(): u.setblocking(False)
with step(): show_datagram(u.recvfrom(1024))

# --- client ---
with step(): c.close()

# --- server ---
with step(): u.close()
