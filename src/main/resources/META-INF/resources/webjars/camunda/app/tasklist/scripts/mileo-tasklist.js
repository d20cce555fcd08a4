/*
 * Mileo Cyber: the next step made obvious in Tasklist. Loaded by config.js (customScripts) before
 * the AngularJS application starts; adds a run block to Camunda's `cam.tasklist.custom` module.
 *
 * - A "Tableau de bord" link in the header, for everyone logged in (the dashboard shows each one
 *   what they may see: a client's RSSI their own client).
 * - The Cockpit link beside a task's process ("instance-link") only for those who may open
 *   Cockpit: for the others it led to an English 403 page.
 * - An unclaimed task says at the top of its form how to act on it, with a button that claims it.
 * - After a login, back to the dashboard page that sent the visitor to it (?mileoReturnTo=).
 * - After "Démarrer": the new case's reference, a link to its next task when it is the user's to
 *   see (a checklist to fill after a commissioning start), and the dashboard.
 * - Group identifiers (candidate groups) shown by their French names: most users may not read the
 *   groups, so Tasklist shows their ids.
 * - Landing on the task list asks for it once, not twice (issue 20, docs/bench.md): the order
 *   Tasklist would write into the address is there from the start.
 */
const GROUPS = {
  'technicians': 'Techniciens',
  'project-managers': 'Chefs de projet',
  'cyber-referent': 'Référent cybersécurité',
  'client-rssi': 'RSSI du client',
  'camunda-admin': 'Administrateurs',
  'integrations': 'Intégrations'
};

const isGroup = (id) => Object.prototype.hasOwnProperty.call(GROUPS, id);
const NAMES = new Set(Object.values(GROUPS));

/**
 * A text that is a group id, or a list of them ("client-rssi, cyber-referent": a task's candidate
 * groups), outside forms and fields, shows the groups' names.
 */
/** The engine's English answer Tasklist shows when a task was completed or withdrawn meanwhile. */
const GONE = /<task>\s*<-\s*No matching task with id \S+|Cannot find task with id \S+|No matching task with id \S+/;

function groupNames(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (GONE.test(node.data)) {
      node.data = node.data.replace(GONE, "elle a été terminée ou retirée entre-temps.");
      continue;
    }
    const ids = node.data.split(',').map((id) => id.trim()).filter((id) => id);
    // Tasklist may add a group beside one already shown by its name: "project-managers, Référent cybersécurité"
    if (ids.length && ids.some(isGroup) && ids.every((id) => isGroup(id) || NAMES.has(id))
        && !(node.parentElement && node.parentElement.closest('.fjs-container, input, textarea'))) {
      node.data = node.data.replace(/[a-z][a-z-]*/g, (id) => (isGroup(id) ? GROUPS[id] : id));
    }
  }
}
const DASHBOARD = '/dashboard/';

/**
 * Tasklist's default order (newest first), exactly as its sorting header writes it into the
 * address. Landing without it (the address after a login, the application's address: "#/"), the
 * task list is asked for with the order built in code, {"sortOrder":…,"sortBy":…}; the sorting
 * header then finds no order in the address, writes this one and asks for the list again. The
 * two queries are the same but their JSON differs in the order of its keys, so Tasklist's check
 * for a request already under way does not recognise it: two identical POST …/filter/{id}/list
 * at once. With the order in the address from the start, the header has nothing to write.
 */
const DEFAULT_SORTING = JSON.stringify([{ sortBy: 'created', sortOrder: 'desc' }]);

/** Where a login may lead back to: our own dashboard page only (no open redirect). */
function returnTo() {
  const target = new URLSearchParams(window.location.search).get('mileoReturnTo');
  return target && /^\/dashboard\/[^\/\\]*$/.test(target.split('?')[0]) && !target.startsWith('//') ? target : null;
}

// read when the script loads, before AngularJS rewrites the address; kept for this tab's session
// in case the login reloads the page without it
if (returnTo()) {
  window.sessionStorage.setItem('mileoReturnTo', returnTo());
}

/** Once logged in, back to the page the visitor came from (once). */
function goBack() {
  const target = window.sessionStorage.getItem('mileoReturnTo');
  if (target && /^\/dashboard\/[^\/\\]*$/.test(target.split('?')[0])) {
    window.sessionStorage.removeItem('mileoReturnTo');
    window.location.assign(target);
  }
}

function dashboardLink() {
  const menu = document.querySelector('[cam-widget-header] ul[cam-if-logged-in]');
  if (!menu || menu.querySelector('.mileo-dashboard-link')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'mileo-dashboard-link';
  const link = document.createElement('a');
  link.href = DASHBOARD;
  link.textContent = 'Tableau de bord';
  link.title = 'Tableau de bord annuel de cybersécurité (MTTD, MTTR, délais, durcissement)';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

function claimBanner() {
  const claim = document.querySelector('button.claim');
  const form = document.querySelector('.fjs-container');
  const banner = document.querySelector('.mileo-claim-banner');
  if (!claim || !form) {
    if (banner) {
      banner.remove();
    }
    return;
  }
  if (banner) {
    return;
  }
  const box = document.createElement('div');
  box.className = 'mileo-claim-banner';
  const text = document.createElement('span');
  text.textContent = "Cette tâche n'est encore prise en charge par personne : prenez-la pour remplir le formulaire. ";
  const take = document.createElement('button');
  take.type = 'button';
  take.className = 'btn btn-primary';
  take.textContent = 'Prendre la tâche';
  take.addEventListener('click', () => {
    const current = document.querySelector('button.claim');
    if (current) {
      current.click();
    }
  });
  box.appendChild(text);
  box.appendChild(take);
  // above Tasklist's form container, which greys out (and takes the clicks of) an unclaimed form
  const container = form.closest('[cam-tasklist-form]') || form;
  container.parentNode.insertBefore(box, container);
}

/* ---------- after a start: the reference and where to follow it ---------- */

const ENGINE_API = `${(document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda'}/api/engine/engine/default`;

function link(text, href) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function showStarted(instance) {
  const previous = document.querySelector('.mileo-started');
  if (previous) {
    previous.remove();
  }
  const box = document.createElement('div');
  box.className = 'mileo-started';
  box.setAttribute('role', 'status');
  const title = document.createElement('strong');
  title.textContent = `Dossier ${instance.businessKey} ouvert.`;
  box.appendChild(title);
  const next = document.createElement('span');
  box.appendChild(next);
  box.appendChild(document.createTextNode(' '));
  box.appendChild(link('Suivre au tableau de bord', DASHBOARD));
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Fermer');
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);
  document.body.appendChild(box);
  // its next task, when this user may see it
  fetch(`${ENGINE_API}/task?processInstanceId=${encodeURIComponent(instance.id)}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : []))
    .then((tasks) => {
      if (tasks.length) {
        next.textContent = ' Étape suivante : ';
        next.appendChild(link(tasks[0].name, `#/?task=${encodeURIComponent(tasks[0].id)}`));
        next.appendChild(document.createTextNode('.'));
      } else {
        next.textContent = " L'étape suivante revient à une autre équipe.";
      }
    })
    .catch(() => {});
}

// Tasklist starts a process through the engine's REST API (XMLHttpRequest): watch its answer
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.mileoStart = method === 'POST' && /\/process-definition\/[^/]+\/submit-form(\?|$)/.test(String(url));
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  if (this.mileoStart) {
    this.addEventListener('load', () => {
      try {
        const instance = this.status === 200 ? JSON.parse(this.responseText) : null;
        if (instance && instance.id && instance.businessKey) {
          showStarted(instance);
        }
      } catch (e) {
        // not the answer we expected: nothing to add
      }
    });
  }
  return send.apply(this, args);
};

window.angular.module('cam.tasklist.custom').run(['$rootScope', '$location', function ($rootScope, $location) {
  // before the task list's view starts: AngularJS then follows the address with the order in it
  $rootScope.$on('$locationChangeStart', () => {
    if ($location.path() === '/' && !$location.search().sorting) {
      $location.search('sorting', DEFAULT_SORTING).replace();
    }
  });

  const follow = (authentication) => {
    const loggedIn = !!(authentication && authentication.name);
    const cockpit = loggedIn && typeof authentication.canAccess === 'function' && authentication.canAccess('cockpit');
    document.body.classList.toggle('mileo-no-cockpit', !cockpit);
    if (loggedIn) {
      dashboardLink();
      goBack();
    }
  };
  $rootScope.$on('authentication.changed', (event, authentication) => follow(authentication));
  $rootScope.$on('$routeChangeSuccess', () => follow($rootScope.authentication));
  follow($rootScope.authentication);

  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => {
      if (mutation.type === 'characterData') {
        if (mutation.target.parentNode) {
          groupNames(mutation.target.parentNode);
        }
        return;
      }
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) {
          groupNames(node);
        } else if (node.nodeType === Node.TEXT_NODE && node.parentNode) {
          groupNames(node.parentNode);
        }
      });
    });
    claimBanner();
    if ($rootScope.authentication && $rootScope.authentication.name) {
      dashboardLink();
      goBack();
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}]);

export default [];
