/*
 * The annual cybersecurity dashboard: reads GET /api/dashboard (the Tasklist session authenticates
 * the call) and draws the figures with Chart.js. Every text shown comes from the JSON or from this
 * file, in French; nothing is inserted as HTML.
 */
(function () {
  'use strict';

  const API = '/api/dashboard';
  const LOGIN = '/camunda/app/tasklist/default/#/login';
  // the server's mileo.zone (scope.timeZone) once the figures arrive; never the browser's own zone
  let zone = 'Europe/Paris';
  const COLORS = {
    critique: '#b91c1c', significatif: '#f59e0b', mineur: '#3b82f6', 'non-qualifie': '#9ca3af',
    conforme: '#15803d', nonConforme: '#dc2626', nonApplicable: '#9ca3af',
    onTime: '#15803d', late: '#f59e0b', overdue: '#dc2626', pending: '#60a5fa',
    mttd: '#7c3aed', mttr: '#0e7490', neutral: '#475569'
  };
  const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  let dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'short' });
  const charts = {};

  Chart.defaults.locale = 'fr-FR';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = { duration: 300 };

  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ formatting

  function duration(minutes) {
    if (minutes === null || minutes === undefined) return '—';
    const total = Math.round(minutes);
    if (total < 60) return total + ' min';
    const mins = String(total % 60).padStart(2, '0');
    if (total < 2 * 1440) return Math.floor(total / 60) + ' h ' + mins;
    return Math.floor(total / 1440) + ' j ' + Math.floor((total % 1440) / 60) + ' h ' + mins;
  }
  const hours = (minutes) => (minutes === null || minutes === undefined ? null : Math.round(minutes / 6) / 10);
  const when = (instant) => (instant ? dateTime.format(new Date(instant)) : '—');
  const date = (isoDay) => (isoDay ? day.format(new Date(isoDay + 'T00:00:00Z')) : '—');

  // ------------------------------------------------------------------ DOM helpers (text only)

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function table(id, headers, rows, empty) {
    const target = $(id);
    target.replaceChildren();
    target.append(el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col' }, h)))));
    const body = el('tbody');
    if (rows.length === 0) {
      body.append(el('tr', null, el('td', { colspan: headers.length, class: 'empty' }, empty)));
    }
    rows.forEach((cells) => body.append(el('tr', cells.className ? { class: cells.className } : null,
      cells.map((c) => el('td', null, c)))));
    target.append(body);
  }

  // ------------------------------------------------------------------ parameters

  function parameters() {
    const params = new URLSearchParams(window.location.search);
    const wanted = new URLSearchParams();
    ['year', 'from', 'to', 'client'].forEach((name) => {
      if (params.get(name)) wanted.set(name, params.get(name));
    });
    return wanted;
  }

  function fromForm() {
    const params = new URLSearchParams();
    if ($('custom').checked) {
      params.set('from', $('from').value);
      params.set('to', $('to').value);
    } else if ($('year').value) {
      params.set('year', $('year').value);
    }
    if ($('client').value) params.set('client', $('client').value);
    return params;
  }

  function fillForm(scope, params) {
    $('year').value = scope.year || String(scope.from).substring(0, 4);
    const custom = scope.year === null || scope.year === undefined;
    $('custom').checked = custom;
    $('range').hidden = !custom;
    $('from').value = scope.from;
    $('to').value = scope.to;
    const select = $('client');
    select.replaceChildren();
    if (scope.clients.length !== 1) select.append(el('option', { value: '' }, 'Tous les clients'));
    scope.clients.forEach((c) => select.append(el('option', { value: c.id }, c.name)));
    select.value = scope.clientId || (scope.clients.length === 1 ? scope.clients[0].id : '');
    const query = params.toString();
    $('export-csv').href = API + '/export.csv' + (query ? '?' + query : '');
    $('export-pdf').href = API + '/report.pdf' + (query ? '?' + query : '');
  }

  // ------------------------------------------------------------------ loading

  async function load(params, push) {
    document.body.dataset.state = 'loading';
    const query = params.toString();
    if (push) window.history.pushState(null, '', query ? '?' + query : window.location.pathname);
    let response;
    try {
      response = await fetch(API + (query ? '?' + query : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch (e) {
      return fail('Le serveur ne répond pas. Réessayez dans un instant.');
    }
    if (response.status === 401) {
      window.location.href = LOGIN;
      return undefined;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const details = (body.errors || []).map((e) => e.field + ' : ' + e.message).join(' ; ');
      return fail((body.message || 'Erreur ' + response.status) + (details ? ' — ' + details : ''));
    }
    $('message').hidden = true;
    fillForm(body.scope, params);
    // shown before the charts are drawn: a chart created in a hidden container has no size, and
    // whether it is resized once shown depends on timing (blank charts on a slow machine)
    $('content').hidden = false;
    render(body);
    document.body.dataset.state = 'ready';
    return body;
  }

  function fail(text) {
    $('message').textContent = text;
    $('message').hidden = false;
    document.body.dataset.state = 'error';
  }

  // ------------------------------------------------------------------ charts

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), config);
  }

  function barOptions(extra) {
    return Object.assign({
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
    }, extra || {});
  }

  function render(d) {
    const s = d.scope;
    if (s.timeZone && s.timeZone !== zone) {
      zone = s.timeZone;
      dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
    }
    $('scope').textContent = 'Période : ' + s.period + ' (du ' + date(s.from) + ' au ' + date(s.to) + ') — '
      + (s.clientId ? 'client : ' + s.clientName : 'tous les clients') + ' — établi le ' + when(s.generatedAt)
      + ' (heure de Paris).';
    tiles(d);
    incidents(d);
    indicators(d);
    deadlines(d);
    hardening(d);
    openItems(d);
    improvementActions(d);
  }

  function tiles(d) {
    const regulatory = d.deadlines.authorities.reduce((sum, a) => sum + a.reports.late + a.reports.overdue, 0);
    const lessons = d.deadlines.lessonsLearned.tally;
    const told = d.deadlines.clientInformation.tally;
    const nc = d.hardening.nonConformities;
    const list = [
      ['Incidents', number.format(d.incidents.total), d.incidents.open + ' en cours'],
      ['MTTD médian', duration(d.indicators.mttd.median), '90e centile : ' + duration(d.indicators.mttd.p90)],
      ['MTTR médian', duration(d.indicators.mttr.median), '90e centile : ' + duration(d.indicators.mttr.p90)],
      ['Échéances manquées', number.format(regulatory), 'notifications CNIL / ANSSI'],
      ['Client informé sans délai', told.onTime + ' / ' + told.due, told.late + told.overdue === 0 ? 'délai tenu'
        : told.late + ' hors délai' + (told.overdue ? ', ' + told.overdue + ' pas encore informé(s)' : '')],
      ['Retours d\'expérience', lessons.onTime + ' / ' + lessons.due, 'remis à temps'],
      ['Checklists signées', number.format(d.hardening.checklistsSigned), d.hardening.annualAudits + ' audit(s) annuel(s)'],
      ['Non-conformités ouvertes', number.format(nc.open), nc.overdue + ' au délai dépassé'],
      ['Équipements sans mises à jour', number.format(d.hardening.unsupportedEquipment.length), 'inventaire actuel'],
      ['Actions en retard', number.format(d.openItems.overdue), d.openItems.total + ' tâche(s) ouverte(s)']
    ];
    $('tiles').replaceChildren(...list.map(([label, value, hint]) =>
      el('div', { class: 'tile' }, el('span', { class: 'label' }, label), el('strong', null, value),
        el('span', { class: 'hint' }, hint))));
  }

  function incidents(d) {
    const labels = d.months.map((m) => m.shortLabel);
    chart('chart-incidents-month', {
      type: 'bar',
      data: {
        labels,
        datasets: d.incidents.bySeverity.map((severity) => ({
          label: severity.label,
          data: d.incidents.byMonth.map((m) => m.bySeverity[severity.code] || 0),
          backgroundColor: COLORS[severity.code] || COLORS.neutral
        }))
      },
      options: barOptions({ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } })
    });
    chart('chart-incidents-severity', {
      type: 'doughnut',
      data: {
        labels: d.incidents.bySeverity.map((c) => c.label),
        datasets: [{ data: d.incidents.bySeverity.map((c) => c.count),
          backgroundColor: d.incidents.bySeverity.map((c) => COLORS[c.code] || COLORS.neutral) }]
      },
      options: { plugins: { legend: { position: 'bottom' } } }
    });
    horizontal('chart-incidents-nature', d.incidents.byNature, COLORS.neutral);
    horizontal('chart-incidents-source', d.incidents.byDetectionSource, COLORS.mttr);
  }

  function horizontal(id, counts, color) {
    chart(id, {
      type: 'bar',
      data: { labels: counts.map((c) => wrap(c.label)), datasets: [{ label: 'Incidents', data: counts.map((c) => c.count), backgroundColor: color }] },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  /** A long axis label on two lines (Chart.js draws an array as lines) rather than cut. */
  function wrap(label) {
    if (label.length <= 28) return label;
    const cut = label.lastIndexOf(' ', Math.ceil(label.length / 2) + 4);
    return cut > 0 ? [label.substring(0, cut), label.substring(cut + 1)] : label;
  }

  function indicators(d) {
    const month = d.indicators.byMonth;
    const line = (label, values, color, dashed) => ({
      label, data: values, borderColor: color, backgroundColor: color, spanGaps: true, tension: 0.2,
      borderDash: dashed ? [6, 4] : [], pointRadius: 3
    });
    chart('chart-indicators-month', {
      type: 'line',
      data: {
        labels: d.months.map((m) => m.shortLabel),
        datasets: [
          line('MTTD médian (h)', month.map((m) => hours(m.mttd.median)), COLORS.mttd, false),
          line('MTTD 90e centile (h)', month.map((m) => hours(m.mttd.p90)), COLORS.mttd, true),
          line('MTTR médian (h)', month.map((m) => hours(m.mttr.median)), COLORS.mttr, false),
          line('MTTR 90e centile (h)', month.map((m) => hours(m.mttr.p90)), COLORS.mttr, true)
        ]
      },
      options: {
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => c.dataset.label.replace(' (h)', '') + ' : ' + duration(c.parsed.y * 60) } }
        },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'heures' } } }
      }
    });
    const rows = [['Tous les incidents', d.indicators.mttd, d.indicators.mttr]]
      .concat(d.indicators.bySeverity.map((b) => ['Gravité : ' + b.label, b.mttd, b.mttr]))
      .concat(d.indicators.byClient.map((b) => ['Client : ' + b.label, b.mttd, b.mttr]));
    table('table-indicators', ['Périmètre', 'MTTD médian', 'MTTD 90e c.', 'MTTR médian', 'MTTR 90e c.', 'Mesurés'],
      rows.map(([label, mttd, mttr]) => [label, duration(mttd.median), duration(mttd.p90), duration(mttr.median),
        duration(mttr.p90), mttd.count + ' / ' + mttr.count]), 'Aucun incident');
  }

  function deadlines(d) {
    const groups = d.deadlines.authorities.map((a) => ({ label: a.code, tally: a.reports }))
      .concat([{ label: 'Information du client', tally: d.deadlines.clientInformation.tally },
        { label: 'Retours d\'expérience', tally: d.deadlines.lessonsLearned.tally }]);
    const series = [['À temps', 'onTime'], ['En retard', 'late'], ['Dépassées, non faites', 'overdue'], ['À venir', 'pending']];
    chart('chart-deadlines', {
      type: 'bar',
      data: {
        labels: groups.map((g) => g.label),
        datasets: series.map(([label, key]) => ({ label, data: groups.map((g) => g.tally[key]), backgroundColor: COLORS[key] }))
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { position: 'bottom' } },
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } }
      }
    });
    const rows = [];
    d.deadlines.authorities.forEach((a) => {
      rows.push(tallyRow(a.label + ' — ' + a.notifications + ' notification(s)'
        + (a.notRequired ? ', ' + a.notRequired + ' non requise(s)' : ''), a.reports));
      a.byKind.forEach((k) => rows.push(Object.assign(tallyRow(k.label, k.tally), { className: 'sub' })));
    });
    rows.push(tallyRow('Information du client (sans délai)', d.deadlines.clientInformation.tally));
    d.deadlines.clientInformation.byAuthority.forEach((k) =>
      rows.push(Object.assign(tallyRow(k.label, k.tally), { className: 'sub' })));
    rows.push(tallyRow('Retours d\'expérience (15 jours)', d.deadlines.lessonsLearned.tally));
    table('table-deadlines', ['Rapport', 'Dus', 'À temps', 'En retard', 'Dépassés', 'À venir', 'Retard médian', 'Retard max.'],
      rows, 'Aucune échéance');
    table('table-late', ['Incident', 'Client', 'Échéance manquée', 'Échéance', 'Fait le', 'Retard'],
      d.deadlines.late.map((l) => [l.reference, l.clientName, l.label, when(l.dueAt), l.done ? when(l.doneAt) : 'non fait',
        duration(l.lateByMinutes) + (l.done ? '' : ' (à ce jour)')]), 'Aucune échéance manquée');
    const b = d.deadlines.breaches;
    const breachRows = [['Violations de la période', b.total, '', ''], ['Notifiées à la CNIL', b.notified, '', ''],
      ['Notifiées en retard', b.notifiedLate, '', '']];
    b.lateItems.forEach((i) => breachRows.push(Object.assign([i.reference + ' — ' + i.clientName,
      duration(i.lateByMinutes), i.verdict || '', i.delayReasons || 'motifs non indiqués'], { className: 'sub' })));
    breachRows.push(['Non notifiées (décision documentée)', b.notNotified, '', '']);
    b.notNotifiedItems.forEach((i) => breachRows.push(Object.assign([i.reference + ' — ' + i.clientName,
      'version ' + i.decisionVersion, 'décidée par ' + (i.decidedBy || 'le client') + (i.approvedBy ? ', approuvée par '
        + i.approvedBy : '') + ' le ' + when(i.decidedAt), i.reason || ''], { className: 'sub' })));
    breachRows.push(['Décision à prendre ou à réexaminer', b.undecided, '', '']);
    table('table-breaches', ['Violations', 'Nombre / retard', 'Décision ou délai', 'Motifs'], breachRows, 'Aucune violation');
  }

  function tallyRow(label, t) {
    return [label, t.due, t.onTime, t.late, t.overdue, t.pending, duration(t.lateMedianMinutes), duration(t.lateMaxMinutes)];
  }

  function hardening(d) {
    const h = d.hardening;
    const categories = h.byCategory;
    const share = (label, key, color) => ({ label, data: categories.map((c) => c[key]), backgroundColor: color });
    chart('chart-hardening', {
      type: 'bar',
      data: {
        labels: categories.map((c) => c.label + ' (' + c.points + ' points)'),
        datasets: [share('Conforme', 'conformePercent', COLORS.conforme),
          share('Non conforme', 'nonConformePercent', COLORS.nonConforme),
          share('Non applicable', 'nonApplicablePercent', COLORS.nonApplicable)]
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => c.dataset.label + ' : ' + number.format(c.parsed.x) + ' %' } }
        },
        scales: { x: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => v + ' %' } }, y: { stacked: true } }
      }
    });
    table('table-checklists', ['Checklist', 'Client, site', 'Signée le', 'Par', 'C / NC / NA', 'Version'],
      h.checklists.map((c) => [c.reference + (c.previousReference ? ' (audit de ' + c.previousReference + ')' : ''),
        c.clientName + ', ' + c.siteName, when(c.signedAt), c.signedBy,
        c.conforme + ' / ' + c.nonConforme + ' / ' + c.nonApplicable, c.version]), 'Aucune checklist signée dans la période');
    const nc = h.nonConformities;
    table('table-nonconformities', ['Checklist', 'Point', 'Contrôle', 'Client, site', 'Délai de remédiation', 'État'],
      nc.openItems.map((r) => Object.assign([r.reference, r.pointId, r.label, r.clientName + ', ' + r.siteName,
        date(r.deadline), r.overdue ? 'dépassé de ' + r.daysOverdue + ' j' : 'dans les délais'],
      { className: r.overdue ? 'overdue' : '' })),
      'Aucune non-conformité ouverte (' + nc.found + ' relevée(s), ' + nc.lifted + ' levée(s))');
    table('table-equipment', ['Client, site', 'Type', 'Modèle', 'N° de série', 'Firmware', 'Checklist'],
      h.unsupportedEquipment.map((e) => [e.clientName + ', ' + e.siteName, e.kindLabel, e.model, e.serialNumber,
        e.firmwareVersion, e.lastReference]), 'Aucun équipement sans mises à jour de sécurité');
  }

  function openItems(d) {
    const o = d.openItems;
    $('open-items-note').textContent = o.total + ' tâche(s) ouverte(s) maintenant, dont ' + o.overdue
      + ' en retard' + (o.total > o.items.length ? ' ; les ' + o.items.length + ' plus urgentes :' : '.');
    table('table-open-items', ['Échéance', 'Tâche', 'Client', 'Processus', 'Pour', 'Retard', ''],
      o.items.map((i) => Object.assign([when(i.dueAt), i.name, i.clientName, i.process,
        i.assignee || i.candidateGroups.join(', '), i.overdue ? duration(i.overdueMinutes) : '',
        el('a', { href: i.url, target: '_blank', rel: 'noopener' }, 'Ouvrir dans Tasklist')],
      { className: i.overdue ? 'overdue' : '' })), 'Aucune action en attente');
  }

  // an action is due at the end of the day its report gave: show that day
  function dueDay(instant) {
    if (!instant) return '—';
    return new Intl.DateTimeFormat('fr-FR', { timeZone: zone, dateStyle: 'short' })
      .format(new Date(new Date(instant).getTime() - 1));
  }

  function improvementActions(d) {
    const a = d.improvementActions;
    $('improvement-actions-note').textContent = a.open + ' action(s) d\'amélioration des retours d\'expérience '
      + 'pas encore close(s) avec la preuve de leur effet, dont ' + a.overdue + ' à l\'échéance dépassée.';
    table('table-improvement-clients', ['Client', 'Ouvertes', 'Échéance dépassée'],
      a.byClient.map((c) => [c.clientName, c.open, c.overdue]), 'Aucune action d\'amélioration ouverte');
    table('table-improvement-actions', ['Échéance', 'Incident', 'Client', 'Action', 'Responsable', 'Retard'],
      a.items.map((i) => Object.assign([dueDay(i.dueAt), i.reference, i.clientName, i.label, i.ownerName,
        i.overdue ? i.overdueDays + ' j' : ''], { className: i.overdue ? 'overdue' : '' })),
      'Aucune action d\'amélioration ouverte');
  }

  // ------------------------------------------------------------------ wiring

  $('custom').addEventListener('change', () => { $('range').hidden = !$('custom').checked; });
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load(fromForm(), true);
  });
  window.addEventListener('popstate', () => load(parameters(), false));
  load(parameters(), false);
})();
