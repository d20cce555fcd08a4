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
 * - Group identifiers (candidate groups) shown by their French names: most users may not read the
 *   groups, so Tasklist shows their ids.
 */
const GROUPS = {
  'technicians': 'Techniciens',
  'project-managers': 'Chefs de projet',
  'cyber-referent': 'Référent cybersécurité',
  'client-rssi': 'RSSI du client',
  'camunda-admin': 'Administrateurs',
  'integrations': 'Intégrations'
};

/** A text that is a group id alone, outside forms and fields, shows the group's name. */
function groupNames(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const id = node.data.trim();
    if (Object.prototype.hasOwnProperty.call(GROUPS, id) && !(node.parentElement && node.parentElement.closest('.fjs-container, input, textarea'))) {
      node.data = node.data.replace(id, GROUPS[id]);
    }
  }
}
const DASHBOARD = '/dashboard/';

/** Where a login may lead back to: our own dashboard page only (no open redirect). */
function returnTo() {
  const target = new URLSearchParams(window.location.search).get('mileoReturnTo');
  return target && /^\/dashboard\/[^\/\\]*$/.test(target.split('?')[0]) && !target.startsWith('//') ? target : null;
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
  form.parentNode.insertBefore(box, form);
}

window.angular.module('cam.tasklist.custom').run(['$rootScope', function ($rootScope) {
  const follow = (authentication) => {
    const loggedIn = !!(authentication && authentication.name);
    const cockpit = loggedIn && typeof authentication.canAccess === 'function' && authentication.canAccess('cockpit');
    document.body.classList.toggle('mileo-no-cockpit', !cockpit);
    if (loggedIn) {
      dashboardLink();
      const target = returnTo();
      if (target) {
        window.location.assign(target);
      }
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
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}]);

export default [];
