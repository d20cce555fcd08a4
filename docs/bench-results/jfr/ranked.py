import sys, collections, re
# usage: python3 ranked.py samples.txt [from-instant to-instant]   (samples.txt: java Collapse.java node-a.jfr > samples.txt; docs/bench.md "Lifecycle: where the CPU goes")
# Mutually exclusive buckets (first match wins) for the incident's samples (driver + job threads), and the bare process's.
path = sys.argv[1]
frm = sys.argv[2] if len(sys.argv) > 2 else ''
to = sys.argv[3] if len(sys.argv) > 3 else 'z'
B = [
 ('benchmark driver polling (task list / instance count while a job runs)', lambda fs, d: d == 'inc' and any('BenchAgent.driveIncident' in f for f in fs) and any(re.search(r'AbstractQuery\.(count|list)$', f) for f in fs)),
 ('incident file PDF: font parsing (PdfLayout.<init>)', lambda fs, d: any('PdfLayout.<init>' in f for f in fs)),
 ('incident file PDF: the rest (its reads, layout, save)', lambda fs, d: any('IncidentFilePdf.render' in f for f in fs)),
 ('chronology built (BuildChronologyDelegate)', lambda fs, d: any('BuildChronologyDelegate' in f for f in fs)),
 ('DMN decision (FEEL)', lambda fs, d: any(f.startswith('org.camunda.bpm.dmn') or f.startswith('org.camunda.feel') for f in fs)),
 ('mail rendered into the outbox (Thymeleaf)', lambda fs, d: any('MailTemplates.render' in f for f in fs)),
 ('history written (DbHistoryEventHandler)', lambda fs, d: any('DbHistoryEventHandler' in f for f in fs)),
 ('other SQL (H2, MyBatis, JDBC): runtime rows, our tables, reads', lambda fs, d: any(f.startswith('org.h2.') or f.startswith('org.apache.ibatis') or f.startswith('com.zaxxer') for f in fs[:40])),
 ('everything else (engine, Spring, our Java)', lambda fs, d: True),
]
cnt = {'inc': collections.Counter(), 'bare': collections.Counter()}
for line in open(path):
  t, th, st = line.rstrip('\n').split('\t')
  if not (frm <= t <= to): continue
  fs = st.split(';')
  if any('BenchAgent.driveBare' in f for f in fs): d = 'bare'
  elif any('BenchAgent.driveIncident' in f for f in fs) or 'camundaTaskExecutor' in th or any('ExecuteJobsRunnable' in f for f in fs): d = 'inc'
  else: continue
  for name, p in B:
    if p(fs, d): cnt[d][name] += 1; break
for d in ('inc', 'bare'):
  n = sum(cnt[d].values()); print(d, n)
  for name, _ in B:
    v = cnt[d][name]
    if v: print(f'  {100*v/n:5.1f}% {v:6d}  {name}')
