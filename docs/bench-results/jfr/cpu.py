import os, sys, re, subprocess, collections
# usage: python3 cpu.py node.jfr HH:MM:SS HH:MM:SS [reminders] : CPU seconds per thread group from jdk.ThreadCPULoad
# (each event: the thread's share of all cores since its previous event, every 10 s in settings=profile;
#  CORES=n for a recording made on another machine than this one)
cores = int(os.environ.get('CORES', os.cpu_count()))
path, frm, to = sys.argv[1], sys.argv[2], sys.argv[3]; count = int(sys.argv[4]) if len(sys.argv) > 4 else 500
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ThreadCPULoad', path], capture_output=True, text=True).stdout
prev = {}; cpu = collections.Counter()
for ev in out.split('jdk.ThreadCPULoad {')[1:]:
  t = re.search(r'startTime = (\S+)', ev).group(1)[:12]
  u = float(re.search(r'user = ([\d.]+)%', ev).group(1)); s = float(re.search(r'system = ([\d.]+)%', ev).group(1))
  th = re.search(r'eventThread = "([^"]*)"', ev).group(1)
  def secs(x): h, m, r = x.split(':'); return int(h) * 3600 + int(m) * 60 + float(r)
  p = prev.get(th); prev[th] = t
  if p is None: continue
  # the interval (p, t] overlapping the window [frm, to]
  a, b = max(secs(p), secs(frm)), min(secs(t), secs(to))
  if b <= a: continue
  g = re.sub(r'[-#]?\d+$', '', th)
  g = 'JIT compiler' if 'CompilerThread' in g else g
  g = 'job acquisition' if g.startswith('JobExecutor[') else g
  cpu[g] += (u + s) / 100 * cores * (b - a)
tot = sum(cpu.values())
print(f'CPU seconds in the window: {tot:.1f} ({1000*tot/count:.1f} ms per reminder)')
for g, v in cpu.most_common(12): print(f'  {v:6.1f} s  {1000*v/count:5.1f} ms/reminder  {g}')
