import sys, collections, re
# usage: python3 domain.py samples.txt incident|bare [from-instant to-instant [rows]]   (docs/bench.md "Lifecycle: where the CPU goes")
# Inclusive attribution of the incident's samples (driver + job threads) to our domain code:
# the innermost frame of ours that is not infrastructure (interceptors, JDBC proxies, bench),
# else the engine command the sample is in. Also: what the leaf is (library category).
path = sys.argv[1]; mode = sys.argv[2] if len(sys.argv) > 2 else 'incident'
INFRA = re.compile(r'UtcTimestamps|TaskCountCache|CommittedWrites|TenantScopedEntityManager|SubmissionGuard\.execute|ConcurrentStepRetry|PrivilegedCall|reminder\.mail\.Privileged|\.bench\.|GroupLookupAuthorization|H2QueryCache|DurableCommits|\$\$SpringCGLIB|Lambda')
def cat(fs):
  for f in fs:
    for pre, name in (('org.h2.', 'H2'), ('org.apache.ibatis', 'MyBatis'), ('com.zaxxer', 'JDBC pool'), ('org.apache.pdfbox', 'PDFBox'), ('org.apache.fontbox', 'PDFBox'),
                      ('com.fasterxml.jackson', 'Jackson'), ('org.camunda.spin', 'Spin'), ('org.camunda.bpm.impl.juel', 'JUEL'), ('org.camunda.bpm.dmn', 'DMN'), ('org.camunda.feel', 'FEEL'),
                      ('org.thymeleaf', 'Thymeleaf'), ('java.util.regex', 'regex'), ('org.camunda.bpm.engine', 'engine'), ('org.springframework', 'Spring'), ('com.mileotech', 'ours')):
      if f.startswith(pre): return name
  return 'JDK'
dom = collections.Counter(); leaf = collections.Counter(); n = 0
frm = sys.argv[3] if len(sys.argv) > 3 else ''
to = sys.argv[4] if len(sys.argv) > 4 else 'z'
for line in open(path):
  t, th, st = line.rstrip('\n').split('\t')
  if not (frm <= t <= to): continue
  fs = st.split(';')
  isjob = ('camundaTaskExecutor' in th or any('ExecuteJobsRunnable' in f for f in fs)) and not any('BenchAgent.drive' in f for f in fs)
  if mode == 'incident' and not (isjob or any(f.endswith('BenchAgent.driveIncident') for f in fs)): continue
  if mode == 'bare' and not any(f.endswith('BenchAgent.driveBare') for f in fs): continue
  n += 1
  lab = None
  for f in fs:
    if f.startswith('com.mileotech.') and not INFRA.search(f):
      lab = re.sub(r'^com\.mileotech\.cyber\.', '', f); break
  if lab is None:
    if any(re.search(r'AbstractQuery\.(count|list|singleResult|execute)', f) for f in fs) and any('BenchAgent.drive' in f for f in fs):
      q = next((f.split('.')[-2] for f in reversed(fs) if re.search(r'QueryImpl\.', f)), 'query')
      lab = 'driver query: ' + q
    else:
      c = next((f.split('.')[-2] for f in reversed(fs) if re.search(r'Cmd\.execute$', f)), None)
      lab = 'engine: ' + (c or ('job executor' if isjob else 'other'))
  dom[lab] += 1
  leaf[cat(fs)] += 1
print(mode, n, 'samples')
print('-- leaf category')
for k, v in leaf.most_common(): print(f'  {100*v/n:5.1f}% {v:6d} {k}')
print('-- innermost domain frame of ours (else engine command)')
for k, v in dom.most_common(int(sys.argv[5]) if len(sys.argv) > 5 else 40): print(f'  {100*v/n:5.1f}% {v:6d} {k}')
