import re,sys
y=f=0.0; ny=nf=0
for l in open(sys.argv[1]):
    m=re.search(r'Pause (Young|Full).* (\d+\.\d+)ms',l)
    if m:
        if m.group(1)=='Young': y+=float(m.group(2)); ny+=1
        else: f+=float(m.group(2)); nf+=1
print(f"young {ny} {y:.0f} ms, full {nf} {f:.0f} ms")
