# The tutorial's wps.py (section 5.2), ported to Python 3: only what Python 3 requires changed
# (the command is encoded to send; a socket's file in text mode cannot be unbuffered, and
# needs none here, as readlines reads to the end).
# wps.py

# client for the server for remote versions of the w and ps commands

# user can check load on machine without logging in (or even without
# having an account on the remote machine)

# usage:

# python3 wps.py remotehostname port_num {w,ps}

# e.g. python3 wps.py nimbus.org 8888 w would cause the server at
# nimbus.org on port 8888 to run the UNIX w command there, and send the
# output of the command back to the client here

import socket,sys

def main():
   s = socket.socket(socket.AF_INET,socket.SOCK_STREAM)
   host = sys.argv[1] # server address
   port = int(sys.argv[2]) # server port
   s.connect((host,port))
   # send w or ps command to server, by writing that command to the "file"
   s.send(sys.argv[3].encode())
   # read result as lines from the "file-like object"
   flo = s.makefile('r') # read-only
   # recall that stdout is a file-like object too
   sys.stdout.writelines(flo.readlines())

if __name__ == '__main__':
   main()
