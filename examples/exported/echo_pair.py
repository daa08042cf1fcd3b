#!/usr/bin/env python3
# echo-pair.t, exported by sockshell (export --python).
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

server_jobs = Jobs()  # server's background jobs
client_jobs = Jobs()  # client's background jobs

# Echo pair: the tutorial's tms.py (server) and tmc.py (client), sections 2 to 2.2.
# The client sends a short string; the server sends it back 10000 times over and closes;
# the client reads until recv returns b''. Run it: sockshell check transcripts/echo-pair.t

# tms.py: a socket, bound to a port, listening. Port 0 lets the OS pick a free port, so no
# two runs collide; getsockname shows which one, and [[port:...]] captures it for the client.
# --- server ---
with step(): s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): s.bind(('', 0))
with step(): s.listen(1)
with step(): addr = s.getsockname(); show(addr); port = addr[1]

# accept blocks until a client calls, so it goes to the background with &: it is pending
# now, and its result is printed at the next wait, after the client has connected.
def server_job1():
    global conn
    with step(): conn, addr = s.accept(); show(addr)
with step(): server_jobs.start('accept s conn', server_job1)

# --- client ---
with step(): c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): c.connect(('localhost', int(port)))

# --- server ---
with step(): server_jobs.wait()
client_port = capture('client_port', r"\('127\.0\.0\.1', (?P<client_port>\d+)\)")

# The client's own port is an ephemeral port the OS chose at connect (tutorial section 3).
# --- client ---
with step(): show(c.getsockname())

# tmc.py sends its string; tms.py reads it with one recv (sloppy, as the tutorial admits:
# nothing promises the 3 bytes arrive in one piece, but on one machine they do).
with step(): show(c.send(b'abc'))

# --- server ---
with step(): show_data(conn.recv(1000000))

# tms.py now waits for a key press (raw_input) before it answers. Meanwhile the client's
# recv blocks: it stays pending, and jobs shows it running, until the server sends.
# --- client ---
def client_job1():
    with step(): show_data(c.recv(1000000))
with step(): client_jobs.start('recv c 1000000', client_job1)
with step(): client_jobs.list()

# The key press: the server sends 10000 copies and closes the connection.
# --- server ---
with step(): show(conn.send(b'abc' * 10000))
with step(): conn.close()

# --- client ---
with step(): client_jobs.wait()

# How many bytes one recv returns depends on how they arrived (often all 30000 on one
# machine, a few kilobytes at a time over a network), so the line above leaves it open.
# tmc.py calls recv in a loop until b''. How many calls that takes varies for the same
# reason, so here a file object makes the calls: read loops over recv to the end.
with step(): rest = c.makefile('rb')
with step(): show_data(rest.read())

# However the bytes were split, all 30000 arrived: the RECEIVED column counts them.
# The kernel's columns: the server closed first, so the client's end waits in CLOSE_WAIT
# (the peer is done, this side is not) until the client closes too; nothing is left unread.
# client> sockets  (left out: sockets is the shell's own table of sockets: Python has no such call)

# Once the server has closed, recv returns b'' (and keeps doing so): the end of the stream.
with step(): show_data(c.recv(1000000))
with step(): rest.close(); c.close()

# --- server ---
with step(): s.close()
