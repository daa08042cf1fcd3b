# diagram: the session so far as a sequence diagram. The echo pair (tms.py and tmc.py) in one
# shell, as in the README: a lifeline per socket, the accept waiting (a heavy line) until the
# client's connect, the data as arrows, the close as a dashed FIN.
# A script records nothing until 'set diagram on'; the interactive shell records from the start.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram
diagram: nothing is recorded in this session: 'set diagram on', make some calls, then draw them
%python skip set diagram is a setting of the shell: Python has no such call
sockshell> set diagram on
sockshell> socket s
sockshell> bind s 127.0.0.1 0
sockshell> listen s 1
sockshell> accept s conn &
[1] pending: accept s conn
sockshell> socket c
sockshell> connect c localhost s.port
sockshell> wait
[1] done: accept s conn
('127.0.0.1', [[client_port:\d+]])
sockshell> send c "abc"
3
sockshell> recv conn 1024
b'abc'
sockshell> recv c 1024 &
[2] pending: recv c 1024
sockshell> send conn "abc"*10
30
sockshell> close conn
sockshell> wait
[2] done: recv c 1024
b'abcabcabcabcabcabcabcabcabcabc'
sockshell> recv c 1024
b''

# --stable shows ports as PORT and EPH1, so the picture is the same on every run.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --stable
  s                conn                           c
  │ bind → 127.0.0.1:PORT
  │ listen 1
  ┃ accept (blocks)
  ┃◄────────── connect localhost:PORT ────────────┤
  ┃ accept → conn 127.0.0.1:EPH1                  │
  │                  │◄──── send 3 B b'abc' ──────┤
  │                  │ recv 1024 → 3 B b'abc'     │
  │                  │                            ┃ recv 1024 (blocks)
  │                  ├─ send 30 B b'abcabcabca… ─►┃
  │                  │                            ┃ recv 1024 → 30 B b'abcabcab…
  │                  ├╌╌╌╌╌╌╌ close (FIN) ╌╌╌╌╌╌╌►│
  │                                               │ recv 1024 → b'' (EOF)

# Narrower, in plain ASCII: labels are cut to fit, their data preview first.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --stable --ascii -w 60
  s            conn                   c
  | bind -> 127.0.0.1:PORT
  | listen 1
  # accept (blocks)
  #<---- connect localhost:PORT ------+
  # accept -> conn 127.0.0.1:EPH1     |
  |              |< send 3 B b'abc' --+
  |              | recv 1024 -> 3 B   |
  |              |                    # recv 1024 (blocks)
  |              +---- send 30 B ---->#
  |              |                    # recv 1024 -> 30 B
  |              +... close (FIN) ...>|
  |                                   | recv -> b'' (EOF)

# Mermaid, for a README or a wiki.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --stable --format mermaid
sequenceDiagram
    participant p0 as s
    participant p1 as conn
    participant p2 as c
    Note right of p0: bind → 127.0.0.1:PORT
    Note right of p0: listen 1
    activate p0
    Note right of p0: accept (blocks)
    p2->>p0: connect localhost:PORT
    Note right of p0: accept → conn 127.0.0.1:EPH1
    deactivate p0
    p2->>p1: send 3 B b'abc'
    Note right of p1: recv 1024 → 3 B b'abc'
    activate p2
    Note right of p2: recv 1024 (blocks)
    p1->>p2: send 30 B b'abcabcabcabcabcabcabcabcabcabc'
    Note right of p2: recv 1024 → 30 B b'abcabcabcabcabcabcabcabcabcabc'
    deactivate p2
    p1--)p2: close (FIN)
    Note right of p2: recv 1024 → b'' (EOF)
sockshell> close c s
