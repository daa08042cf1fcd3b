# Bad input: 10 MB of output. A step keeps at most 64 KiB of what a program printed since the
# last one (memory stays bounded whatever it prints) and counts the rest.
%timeout 30

sockshell> program -t 25 big python3 -c "import sys; sys.stdout.write(''.join('%07d' % i + 'x' * 92 + '\n' for i in range(104858)))"
0000000x{92} (re)
0000001x{92} (re)
...
0000655xxxxxxxxxxxxxxxxxxxxxxxxxxxxx
[... 10420264 more bytes not shown: a step shows at most 65536]
[exit 0]
