# diagram with bad input, a long exchange folded into a loop, errors as notes, and data a
# peer sent that would recolour a terminal.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --format png
diagram: format must be text, mermaid, svg or html, not 'png'
%python skip set diagram is a setting of the shell: Python has no such call
sockshell> set diagram on
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram -w 5
diagram: width must be at least 20 columns, not 5
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram
(no socket calls to draw)
sockshell> socket s
sockshell> bind s 127.0.0.1 0
sockshell> listen s 1
sockshell> socket c
sockshell> connect c localhost s.port
sockshell> accept s conn
('127.0.0.1', [[client_port:\d+]])

# A nonblocking recv with nothing to read fails at once: a note on the lifeline.
sockshell> setblocking conn 0
sockshell> recv conn 1
BlockingIOError: [Errno 11] Resource temporarily unavailable
sockshell> setblocking conn 1

# Five exchanges of one byte fold into one loop.
sockshell> send c "x"
1
sockshell> recv conn 1
b'x'
sockshell> send c "x"
1
sockshell> recv conn 1
b'x'
sockshell> send c "x"
1
sockshell> recv conn 1
b'x'
sockshell> send c "x"
1
sockshell> recv conn 1
b'x'
sockshell> send c "x"
1
sockshell> recv conn 1
b'x'

# Peer data with a terminal escape and markup is drawn escaped.
sockshell> send conn b'\x1b[31m</text><script>'
20
sockshell> recv c 100
b'\x1b[31m</text><script>'
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --stable -w 72
  s              conn                            c
  │ bind → 127.0.0.1:PORT
  │ listen 1
  │◄───────── connect localhost:PORT ────────────┤
  │ accept → conn 127.0.0.1:EPH1                 │
  │                │ setblocking 0               │
  │                │ recv ✗ BlockingIOError: …   │
  │                │ setblocking 1               │
┌─ loop 5 x: send 1 B, recv 1 → 1 B ─────────────┼─────────────────────┐
  │                │◄───── send 1 B b'x' ────────┤
  │                │ recv 1 → 1 B b'x'           │
└─┼────────────────┼─────────────────────────────┼─────────────────────┘
  │                ├─ send 20 B b'\x1b[31m</t… ─►│
  │                │                             │ recv 100 → 20 B
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram -o /nonexistent-folder/d.svg --format svg
diagram: cannot write /nonexistent-folder/d.svg: no such folder: /nonexistent-folder
sockshell> close c conn s
