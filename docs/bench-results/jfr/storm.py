import sys, collections, re
# usage: python3 storm.py samples.txt from-instant to-instant [reminders]   (samples.txt: java Collapse.java node-a.jfr > samples.txt;
#   instants as in the file, e.g. 2026-12-06T07:15:46; docs/bench.md "The storm, profiled (CPU)")
# The deadline storm's CPU samples (every Java thread of the node), in exclusive buckets, first match wins;
# then the class path scans (java.util.ServiceLoader) across the buckets, by who asked.
path, frm, to = sys.argv[1], sys.argv[2], sys.argv[3]
count = int(sys.argv[4]) if len(sys.argv) > 4 else 500
def has(fs, *names): return any(any(n in f for n in names) for f in fs)
def sql(fs): return any(f.startswith('org.h2.') or f.startswith('org.apache.ibatis') or f.startswith('com.zaxxer') or f.startswith('org.postgresql') for f in fs[:60])
def commit(fs): return has(fs, 'DataSourceTransactionManager.doCommit', 'JdbcConnection.commit', 'PgConnection.commit', 'SessionLocal.commit')
B = [
 ('bench: the driver\'s polling and counters (BenchAgent ops)', lambda th, fs: has(fs, 'BenchAgent.handle', 'BenchAgent.')),
 ('job acquisition (AcquireJobsCmd, the acquisition thread)', lambda th, fs: has(fs, 'AcquireJobsCmd', 'SequentialJobAcquisitionRunnable', 'BackoffJobAcquisitionStrategy') or th.startswith('JobExecutor')),
 ('reminder job: successful-job listener transaction', lambda th, fs: has(fs, 'SuccessfulJobListener')),
 ('reminder job: mail rendered (Thymeleaf)', lambda th, fs: has(fs, 'MailTemplates.render')),
 ('reminder job: recipients resolved', lambda th, fs: has(fs, 'RecipientResolver')),
 ('reminder job: commit (H2 store / JDBC commit)', lambda th, fs: has(fs, 'ExecuteJobsRunnable', 'ExecuteJobHelper') and commit(fs)),
 ('reminder job: history written (DbHistoryEventHandler, producers)', lambda th, fs: has(fs, 'ExecuteJobsRunnable', 'ExecuteJobHelper') and has(fs, 'DbHistoryEventHandler', 'HistoryEventProducer', 'HistoricActivityInstanceEventEntity', 'HistoricVariableUpdate')),
 ('reminder job: our step, rest (outbox insert, task query, facts)', lambda th, fs: has(fs, 'OutboxReminders', 'SendReminderDelegate')),
 ('reminder job: other SQL (MyBatis, H2, JDBC: flush, runtime rows, reads)', lambda th, fs: has(fs, 'ExecuteJobsRunnable', 'ExecuteJobHelper') and sql(fs)),
 ('reminder job: engine (timer re-armed, execution tree, Spring tx)', lambda th, fs: has(fs, 'ExecuteJobsRunnable', 'ExecuteJobHelper') or th.startswith('camundaTaskExecutor')),
 ('sender: claim and read of a round', lambda th, fs: has(fs, 'Outbox.claimDue', 'OutboxQueue.claimDue', 'OpenTasks', 'openOf', 'Outbox.load', 'Outbox.mails')),
 ('sender: "sent" mark (statement + commit)', lambda th, fs: has(fs, 'Outbox.markSent')),
 ('sender: SMTP (message built, sent)', lambda th, fs: has(fs, 'SmtpConnection', 'OutboxSender.message', 'jakarta.mail', 'org.eclipse.angus', 'com.sun.mail')),
 ('sender: rest', lambda th, fs: has(fs, 'OutboxSender', 'DeliveryWorkers') or th.startswith('mail-outbox')),
 ('H2 background (store writer, housekeeping)', lambda th, fs: th.startswith('MVStore') or has(fs, 'H2Housekeeping', 'org.h2.mvstore.MVStore.backgroundWrite', 'BackgroundWriterThread')),
 ('other threads (schedulers, metrics, web, JFR, GC helpers)', lambda th, fs: True),
]
cnt = collections.Counter(); threads = collections.Counter(); commits = 0; total = 0
scans = collections.Counter()  # across the buckets: class path scans for a service provider, by who asked
for line in open(path):
  parts = line.rstrip('\n').split('\t')
  if len(parts) < 3: continue
  t, th, st = parts
  if not (frm <= t <= to): continue
  fs = st.split(';')
  total += 1
  threads[re.sub(r'[-#]?\d+$', '', th)] += 1
  if commit(fs): commits += 1
  hit = [i for i, f in enumerate(fs) if f.startswith('java.util.ServiceLoader')]
  if hit:
    # who asked: the first frame below the service look-up (a factory finder's, else the caller)
    rest = [f for f in fs[max(hit) + 1:] if 'FactoryFinder' not in f and 'ServiceLoader' not in f and not f.startswith('java.security.')]
    scans[rest[0] if rest else '?'] += 1
  for name, p in B:
    if p(th, fs): cnt[name] += 1; break
print(f'samples {total}  per reminder {total/count:.2f}  (any commit in stack: {100*commits/max(total,1):.1f}%)')
for name, _ in B:
  v = cnt[name]
  if v: print(f'| {name} | {100*v/total:5.1f} % ({v/count:.2f}) |')
print('threads:', threads.most_common(15))
n = sum(scans.values())
print(f'class path scans (ServiceLoader) in any bucket: {100*n/max(total,1):.1f} % ({n/count:.2f})')
for who, v in scans.most_common(5): print(f'  {100*v/max(total,1):5.1f} %  {who}')
