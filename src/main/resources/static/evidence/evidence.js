// The evidence page: lists an incident's items, uploads a file (streamed by the browser as the
// raw request body) or declares a large one. Writes carry the session's CSRF token.
(function () {
  'use strict';
  var KINDS = [
    ['journaux', 'Journaux'], ['dump-memoire', 'Dump mémoire'], ['connexions-actives', 'Liste des connexions actives'],
    ['enregistrement-video', 'Enregistrement vidéo'], ['image-disque', 'Image disque'],
    ['configuration', "Configuration de l'équipement"], ['capture-ecran', "Capture d'écran"], ['autre', 'Autre']
  ];
  var EVENTS = {
    'capturee': 'Capturée', 'transferee': 'Transférée', 'verifiee': 'Vérifiée', 'gel-pose': 'Conservation légale posée',
    'gel-leve': 'Conservation légale levée', 'detruite': 'Détruite'
  };
  var OUTCOMES = { 'conforme': 'empreinte conforme', 'non-conforme': 'EMPREINTE NON CONFORME', 'non-verifiable': 'non vérifiable' };
  var reference = new URLSearchParams(window.location.search).get('reference') || '';
  var api = '/api/security-incidents/' + encodeURIComponent(reference) + '/evidence';
  var csrf = '';

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function say(text, error) {
    var message = document.getElementById('message');
    message.textContent = text;
    message.className = error ? 'error' : '';
  }

  function refusal(response) {
    return response.json().then(function (body) {
      var details = (body.errors || []).map(function (e) { return e.message; }).join(' ; ');
      return (body.message || 'Refusé') + (details ? ' : ' + details : '');
    }, function () { return 'Refusé (' + response.status + ')'; });
  }

  function day(iso) {
    if (!iso) { return 'jusqu\'à levée de la conservation'; }
    var p = iso.split('-');
    return 'jusqu\'au ' + p[2] + '/' + p[1] + '/' + p[0];
  }

  function load() {
    fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) { return refusal(response).then(function (m) { say(m, true); }); }
      return response.json().then(render);
    });
  }

  function render(items) {
    var body = document.getElementById('items');
    body.textContent = '';
    if (items.length === 0) {
      var row = el('tr');
      var cell = el('td', 'Aucune preuve inscrite pour l\'instant.');
      cell.colSpan = 7;
      row.appendChild(cell);
      body.appendChild(row);
    }
    items.forEach(function (item) {
      var row = el('tr');
      row.appendChild(el('td', String(item.id)));
      row.appendChild(el('td', item.kindLabel));
      row.appendChild(el('td', item.description + (item.heldByServer ? '' : ' — conservée hors du serveur : ' + item.location)));
      var hash = el('td', item.sha256);
      hash.className = 'hash';
      row.appendChild(hash);
      row.appendChild(el('td', item.destroyed ? 'Détruite' : (item.underLegalHold ? 'Sous conservation légale, ' : '') + day(item.retainUntil)));
      var ledger = el('ul');
      ledger.className = 'ledger';
      item.ledger.forEach(function (entry) {
        var text = (EVENTS[entry.event] || entry.event) + ' le ' + entry.atLabel + ' par ' + entry.by
          + (entry.to ? ', remise à ' + entry.to : '') + (entry.outcome ? ' : ' + (OUTCOMES[entry.outcome] || entry.outcome) : '')
          + (entry.reason ? ' (' + entry.reason + ')' : '');
        ledger.appendChild(el('li', text));
      });
      var cell = el('td');
      cell.appendChild(ledger);
      row.appendChild(cell);
      var actions = el('td');
      if (item.heldByServer && !item.destroyed) {
        var link = el('a', 'Télécharger');
        link.href = api + '/' + item.id + '/content';
        actions.appendChild(link);
        var verify = el('button', 'Vérifier l\'empreinte');
        verify.type = 'button';
        verify.addEventListener('click', function () { post(api + '/' + item.id + '/verifications', null, 'Vérification enregistrée.'); });
        actions.appendChild(verify);
      }
      row.appendChild(actions);
      body.appendChild(row);
    });
  }

  // Resolves true once the server recorded the write, false when it refused it or the answer was lost.
  function post(url, init, done) {
    init = init || { headers: {} };
    init.method = 'POST';
    init.credentials = 'same-origin';
    init.headers['X-XSRF-TOKEN'] = csrf;
    init.headers.Accept = 'application/json';
    say('Envoi en cours…');
    return fetch(url, init).then(function (response) {
      if (!response.ok) { return refusal(response).then(function (m) { say(m, true); return false; }); }
      say(done);
      load();
      return true;
    }, function () {
      say('Envoi interrompu : vérifiez la connexion et cliquez de nouveau ; la preuve ne sera pas inscrite deux fois.', true);
      return false;
    });
  }

  // One Idempotency-Key per request as the person filled it in: sent again after a lost answer, the
  // same key gets the item the first attempt recorded instead of a second one in the chain of
  // custody; any change to the form makes it a new request. (crypto.getRandomValues, not
  // randomUUID: the latter needs HTTPS or localhost.)
  function keyOf(form) {
    if (!form.dataset.key) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
      form.dataset.key = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
    }
    return form.dataset.key;
  }

  function forgetKey(event) { delete event.currentTarget.dataset.key; }

  // The form is emptied only once its item is recorded: after a refusal or a lost answer the
  // person still has what they typed.
  function afterPost(form) {
    return function (recorded) {
      if (recorded) {
        form.reset();
        delete form.dataset.key;
      }
    };
  }

  function fill(select) {
    KINDS.forEach(function (kind) {
      var option = el('option', kind[1]);
      option.value = kind[0];
      select.appendChild(option);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('reference').textContent = reference;
    document.querySelectorAll('select[name=kind]').forEach(fill);
    fetch('/evidence/session', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
      csrf = s.csrfToken;
      document.getElementById('max-size').textContent = s.maxUploadSize;
      if (!csrf) { say('Ouvrez d\'abord Tasklist dans ce navigateur, puis rechargez cette page.', true); }
    });
    ['upload', 'declare'].forEach(function (id) {
      var form = document.getElementById(id);
      form.addEventListener('input', forgetKey);
      form.addEventListener('change', forgetKey);
    });
    document.getElementById('upload').addEventListener('submit', function (event) {
      event.preventDefault();
      var form = event.target;
      var file = form.file.files[0];
      var query = '?kind=' + encodeURIComponent(form.kind.value) + '&description=' + encodeURIComponent(form.description.value)
        + '&fileName=' + encodeURIComponent(file.name);
      // the File itself as the body: the browser streams it, the server hashes it as it arrives
      post(api + query, { headers: { 'Content-Type': 'application/octet-stream', 'Idempotency-Key': keyOf(form) }, body: file },
        'Fichier reçu et inscrit au registre.').then(afterPost(form));
    });
    document.getElementById('declare').addEventListener('submit', function (event) {
      event.preventDefault();
      var form = event.target;
      var body = JSON.stringify({ kind: form.kind.value, description: form.description.value, sha256: form.sha256.value,
        location: form.location.value });
      post(api, { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': keyOf(form) }, body: body },
        'Preuve déclarée et inscrite au registre.').then(afterPost(form));
    });
    if (!reference) { say('Aucun incident indiqué : ouvrez cette page depuis la tâche « Capturer les preuves ».', true); return; }
    load();
  });
})();
