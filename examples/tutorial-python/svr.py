# The tutorial's svr.py (section 5.2), ported to Python 3, and made safe to run.
#
# Safety, changed from the original: svr.py hands the client's bytes to os.popen, that is to a
# shell, so anyone who can connect runs any command. Here, as in jshell-scripts/svr.jsh, the
# bytes only choose between w and ps, run with no arguments and no shell for at most 5 s; at
# most 2 bytes are read from a client; a client that sends nothing for IDLE seconds (default
# 10) is dropped, so it cannot hold the server, which serves one client at a time; and the
# server listens on loopback unless given a host.
# Otherwise only what Python 3 requires changed (print is a function; sockets carry bytes; a
# socket's file in text mode cannot be unbuffered, and closing it sends what it holds).
# svr.py

# server for remote versions of the w and ps commands

# user can check load on machine without logging in (or even without
# having an account on the remote machine)

# usage:

# python3 svr.py port_num [host [idle_seconds]]

import socket,sys,subprocess

ALLOWED = ('w', 'ps')

def popen_only(rc):
   # the original: ppn = os.popen(rc); rl = ppn.readlines()
   request = rc.decode('latin-1').strip()
   if request not in ALLOWED:
      print('refusing to run %r: only w and ps may run here' % request)
      return []
   try:
      done = subprocess.run([request], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, timeout=5)
   except subprocess.TimeoutExpired:
      print(request, 'did not finish within 5 s; stopped it')
      return []
   return done.stdout.decode('utf-8', 'replace').splitlines(True)

def main():
   ls = socket.socket(socket.AF_INET,socket.SOCK_STREAM);
   port = int(sys.argv[1])
   host = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
   idle = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
   ls.bind((host, port))
   while (1):
      ls.listen(1)
      (conn, addr) = ls.accept()
      print('client is at', addr)
      conn.settimeout(idle)
      try:
         rc = conn.recv(2)
      except socket.timeout:
         print('client sent nothing for', idle, 'seconds: dropped')
         conn.close()
         continue
      rl = popen_only(rc)
      flo = conn.makefile('w') # write-only
      flo.writelines(rl[:-1])
      flo.close()
      conn.close()

if __name__ == '__main__':
   main()
