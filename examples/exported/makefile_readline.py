#!/usr/bin/env python3
# makefile-readline.t, exported by sockshell (export --python).
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

PS_OUTPUT_TXT = b'    PID TTY          TIME CMD\n   4242 pts/0    00:00:00 bash\n   4343 pts/0    00:00:00 ps\n'  # %file ps-output.txt
SHELL_NAMES = {'client_flo': 'flo'}  # the shell's names of the sockets renamed here
client_jobs = Jobs()  # client's background jobs

# Reading lines through a file: the tutorial's svr.py and wps.py, section 5.2.
# wps.py sends "w" or "ps"; svr.py runs the command and writes its output lines back through
# conn.makefile('w'); wps.py reads them with s.makefile('r').readlines(), which does the work
# of finding line ends across recv calls. The server's answer is a canned ps listing, carried
# in this file, because a real one differs from run to run.

# svr.py: bind, listen, accept.
# --- server ---
with step(): ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): ls.bind(('', 0))
with step(): ls.listen(1)
with step(): addr = ls.getsockname(); show(addr); port = addr[1]

# --- client ---
with step(): s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): s.connect(('localhost', int(port)))

# --- server ---
with step(): conn, addr = ls.accept(); show(addr); client_port = addr[1]

# wps.py sends the command's name; svr.py reads exactly 2 bytes.
# --- client ---
with step(): show(s.send(b'ps'))

# --- server ---
with step(): show_data(conn.recv(2))

# svr.py writes the lines through a file. A file buffers: nothing is sent until flush or
# close, which is why the write is followed by a close.
with step(): flo = conn.makefile('w')
with step(): show(flo.write(PS_OUTPUT_TXT.decode()))
with step(): flo.close()
with step(): conn.close()

# wps.py reads every line to the end of the stream. readlines returns when the server closes.
# --- client ---
with step(): client_flo = s.makefile('r')
with step(): show(client_flo.readlines())
with step(): client_flo.close(); s.close()

# svr.py loops: listen again, accept the next client. This time the client reads one line at
# a time, and the server sends a line in two pieces: readline waits for the whole line,
# however many recv calls that takes underneath.
# --- server ---
with step(): ls.listen(1)

# --- client ---
with step(): s2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
with step(): s2.connect(('localhost', int(port)))

# --- server ---
with step(): conn, addr = ls.accept(); show(addr); second_client_port = addr[1]

# --- client ---
with step(): lines = s2.makefile('r')
def client_job1():
    with step(): show_data(lines.readline())
with step(): client_jobs.start('readline lines', client_job1)

# --- server ---
with step(): show(conn.send(b'load aver'))

# Half a line has arrived, so readline is still waiting...
# --- client ---
with step(): client_jobs.list()

# --- server ---
with step(): show(conn.send(b'age: 0.42\nsecond line\n'))

# ...and now it has a whole line. The second line is already in the file's buffer.
# --- client ---
with step(): client_jobs.wait()
with step(): show_data(lines.readline())

# At the end of the stream readline returns '' (a file's way of saying b'').
# --- server ---
with step(): conn.close(); ls.close()

# --- client ---
with step(): show_data(lines.readline())
with step(): lines.close(); s2.close()
