# Runs one of the tutorial's Python programs unchanged, for the interop tests, with two
# adjustments made from outside the program: every listen() reports its port on stderr
# ("LISTENING <port>"), so a test can start the servers on port 0; and a bind() to '' (every
# interface) binds loopback instead, so the tests never open a port to the network.
# Works under Python 2 and 3.
# Usage: python report_port.py PROGRAM.py ARG...
import socket
import sys

_bind = socket.socket.bind
_listen = socket.socket.listen


def _loopback_bind(self, address):
    host, port = address[0], address[1]
    return _bind(self, ('127.0.0.1' if host == '' else host, port))


def _reporting_listen(self, *args):
    result = _listen(self, *args)
    sys.stderr.write('LISTENING %d\n' % self.getsockname()[1])
    sys.stderr.flush()
    return result


socket.socket.bind = _loopback_bind
socket.socket.listen = _reporting_listen

program = sys.argv[1]
sys.argv = sys.argv[1:]
with open(program) as source:
    code = compile(source.read(), program, 'exec')
exec(code, {'__name__': '__main__'})
