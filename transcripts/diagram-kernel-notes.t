# diagram with the kernel's view on: each change 'trace kernel' reports after a command is also
# a note in the diagram, beside the socket it is about, at the moment it was seen. The client
# closes first, so its end waits in FIN_WAIT2 (then TIME_WAIT) and the server's in CLOSE_WAIT,
# the FIN counted as one byte in RECV-Q until recv reads the end of the stream (see tcp-states.t).
%python skip set diagram is a setting of the shell: Python has no such call
sockshell> set diagram on
sockshell> socket s
sockshell> bind s 127.0.0.1 0
sockshell> listen s 1
%python skip trace is the shell's own view of the kernel: Python has no such call
sockshell> trace kernel on
sockshell> socket c
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> connect c 127.0.0.1 s.port
| kernel: s accept queue 1/1
| kernel: c CLOSE -> ESTABLISHED
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> accept s conn
('127.0.0.1', [[client_port:\d+]])
| kernel: s accept queue 0/1
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> send c "hi"
2
| kernel: conn RECV-Q 2
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> recv conn 1024
b'hi'
| kernel: conn RECV-Q 0
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> close c
| kernel: (closed c) ESTABLISHED -> FIN_WAIT2
| kernel: conn ESTABLISHED -> CLOSE_WAIT
| kernel: conn RECV-Q 1
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> recv conn 1024
b''
| kernel: conn RECV-Q 0
%python skip the kernel's lines are the shell's trace: Python prints none
sockshell> close conn
| kernel: (closed c) FIN_WAIT2 -> TIME_WAIT
| kernel: conn CLOSE_WAIT -> CLOSE
%python skip trace is the shell's own view of the kernel: Python has no such call
sockshell> trace kernel off

# The kernel's notes beside their lifelines; --stable shows ports as PORT and EPH1.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --stable -w 120
  s                            conn                                       c
  │ bind → 127.0.0.1:PORT
  │ listen 1
  │◄────────────────────── connect 127.0.0.1:PORT ────────────────────────┤
  │ kernel: s accept queue 1/1                                            │
  │                                                                       │ kernel: c CLOSE -> ESTABLISHED
  │ accept → conn 127.0.0.1:EPH1                                          │
  │ kernel: s accept queue 0/1                                            │
  │                              │◄────────── send 2 B b'hi' ─────────────┤
  │                              │ kernel: conn RECV-Q 2                  │
  │                              │ recv 1024 → 2 B b'hi'                  │
  │                              │ kernel: conn RECV-Q 0                  │
  │                              │◄╌╌╌╌╌╌╌╌╌╌╌╌ close (FIN) ╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
  │                              │                                          kernel: (closed c) ESTABLISHED -> FIN_WAIT2
  │                              │ kernel: conn ESTABLISHED -> CLOSE_WAIT
  │                              │ kernel: conn RECV-Q 1
  │                              │ recv 1024 → b'' (EOF)
  │                              │ kernel: conn RECV-Q 0
  │                              ├╌╌╌╌╌╌╌╌╌╌╌╌╌ close (FIN) ╌╌╌╌╌╌╌╌╌╌╌╌╌►
  │                                                                         kernel: (closed c) FIN_WAIT2 -> TIME_WAIT
  │                                kernel: conn CLOSE_WAIT -> CLOSE

# In Mermaid each is a note over its socket's participant.
%python skip diagram draws the shell's own record of the session: Python has no such call
sockshell> diagram --stable --format mermaid
sequenceDiagram
    participant p0 as s
    participant p1 as conn
    participant p2 as c
    Note right of p0: bind → 127.0.0.1:PORT
    Note right of p0: listen 1
    p2->>p0: connect 127.0.0.1:PORT
    Note over p0: kernel: s accept queue 1/1
    Note over p2: kernel: c CLOSE -#gt; ESTABLISHED
    Note right of p0: accept → conn 127.0.0.1:EPH1
    Note over p0: kernel: s accept queue 0/1
    p2->>p1: send 2 B b'hi'
    Note over p1: kernel: conn RECV-Q 2
    Note right of p1: recv 1024 → 2 B b'hi'
    Note over p1: kernel: conn RECV-Q 0
    p2--)p1: close (FIN)
    Note over p2: kernel: (closed c) ESTABLISHED -#gt; FIN_WAIT2
    Note over p1: kernel: conn ESTABLISHED -#gt; CLOSE_WAIT
    Note over p1: kernel: conn RECV-Q 1
    Note right of p1: recv 1024 → b'' (EOF)
    Note over p1: kernel: conn RECV-Q 0
    p1--)p2: close (FIN)
    Note over p2: kernel: (closed c) FIN_WAIT2 -#gt; TIME_WAIT
    Note over p1: kernel: conn CLOSE_WAIT -#gt; CLOSE
sockshell> close s
