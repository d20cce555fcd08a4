/*
 * Mileo Cyber: Camunda Forms (form-js 1.8) in French whatever the browser's own locale. Loaded by
 * config.js (customScripts) before the AngularJS application starts; works on the page's DOM only.
 *
 * - Dates: our forms type dates as text, day first ("05/12/2026 14:30", "31/01/2027"), read back
 *   in words by the form itself and parsed by the server (docs/tasklist.md, "Dates"). form-js's
 *   own date field cannot be used: it reads typed dates in the browser's locale (month first in an
 *   English browser). This script only adds a French calendar to those text fields (weeks from
 *   Monday) and their placeholder: without it, typing still works and still reads day first.
 * - Words: form-js's validation messages, placeholders and list messages are hard-coded in English
 *   in its bundle; the script replaces them with French as they appear.
 */

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
  'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/* ---------- words ---------- */

const EXACT = {
  'Field is required.': 'Ce champ est obligatoire.',
  'Field must be a valid email.': 'Adresse électronique invalide.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    'Numéro de téléphone international invalide (par exemple +33123456789).',
  'Value is not a number.': "Ce n'est pas un nombre.",
  'Value is expected to be an integer.': 'Un nombre entier est attendu.',
  'Date and time must both be entered.': "Saisissez la date et l'heure.",
  'Search': 'Rechercher',
  'Select': 'Choisir',
  'No results': 'Aucun résultat',
  'All values selected': 'Toutes les valeurs sont choisies',
  'Nothing to show.': 'Rien à afficher.',
  'No content to show.': 'Aucun contenu à afficher.',
  'Skip to search': 'Aller à la recherche',
  'Remove tag': 'Retirer',
  'Click to remove sorting': 'Cliquer pour ne plus trier',
  'Previous page': 'Page précédente',
  'Next page': 'Page suivante'
};

/** Patterns our forms use, said in words. */
const PATTERNS = {
  '^[0-9a-fA-F]{64}$': 'Empreinte SHA-256 attendue : 64 caractères hexadécimaux (0-9, a-f).',
  '^ *[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} *$': 'Date attendue au format JJ/MM/AAAA (jour, mois, année), par exemple 31/01/2027.'
};

const RULES = [
  [/^Field must match pattern (.*)\.$/, (m) => PATTERNS[m[1]] || "Le texte saisi n'a pas le format attendu (voir l'aide du champ)."],
  [/^Field must have minimum value of (.*)\.$/, (m) => `La valeur doit être au moins ${m[1]}.`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `La valeur doit être au plus ${m[1]}.`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `Au moins ${m[1]} caractères.`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `Au plus ${m[1]} caractères.`],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Au plus ${m[1]} chiffre(s) après la virgule.`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (m) => `Valeur non admise : les plus proches sont ${m[1]} et ${m[2]}.`]
];

export function translate(text) {
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [rule, french] of RULES) {
    const match = trimmed.match(rule);
    if (match) {
      return text.replace(trimmed, french(match));
    }
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const french = node.data.trim() && translate(node.data);
    if (french && french !== node.data) {
      node.data = french;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    const value = node.getAttribute(attribute);
    const french = value && translate(value);
    if (french && french !== value) {
      node.setAttribute(attribute, french);
    }
  }
  for (const child of node.childNodes) {
    translateNode(child);
  }
}

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element && element.closest && element.closest('.fjs-container');
}

/* ---------- dates ---------- */

const DATE_FIELDS = 'input[id*="-DateTime_"], input[id*="-Date_"]';
const two = (n) => String(n).padStart(2, '0');

function withTime(input) {
  return input.id.includes('-DateTime_');
}

/** The day in the field ("05/12/2026 14:30" -> 5 December 2026), or null. */
function typedDay(text) {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text || '');
  if (!match) {
    return null;
  }
  const day = new Date(Number(match[3]), Number(match[2]) - 1, Number(match[1]));
  return day.getDate() === Number(match[1]) ? day : null;
}

/** Sets the field's text as if typed, so that form-js (preact, onInput) takes it. */
function setText(input, text) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

let picker = null;

function closePicker() {
  if (picker) {
    picker.element.remove();
    picker = null;
  }
}

function openPicker(input) {
  if (picker && picker.input === input) {
    return;
  }
  closePicker();
  const shown = typedDay(input.value) || new Date();
  const element = document.createElement('div');
  element.className = 'mileo-datepicker';
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-label', 'Calendrier');
  // keep the focus in the field: a click in the calendar must not blur it
  element.addEventListener('mousedown', (event) => event.preventDefault());
  document.body.appendChild(element);
  picker = { input, element, year: shown.getFullYear(), month: shown.getMonth() };
  renderPicker();
  placePicker();
}

function placePicker() {
  if (!picker) {
    return;
  }
  const box = picker.input.getBoundingClientRect();
  const height = picker.element.offsetHeight;
  const below = box.bottom + 4 + height <= window.innerHeight;
  picker.element.style.left = `${Math.max(4, box.left)}px`;
  picker.element.style.top = `${below ? box.bottom + 4 : Math.max(4, box.top - height - 4)}px`;
}

function button(text, label, onClick, className) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.title = label;
  if (className) {
    element.className = className;
  }
  element.addEventListener('click', onClick);
  return element;
}

function renderPicker() {
  const { element, year, month, input } = picker;
  element.textContent = '';
  const header = document.createElement('div');
  header.className = 'mileo-datepicker-header';
  header.appendChild(button('‹', 'Mois précédent', () => move(-1), 'mileo-datepicker-nav'));
  const title = document.createElement('span');
  title.className = 'mileo-datepicker-title';
  title.textContent = `${MONTHS[month]} ${year}`;
  header.appendChild(title);
  header.appendChild(button('›', 'Mois suivant', () => move(1), 'mileo-datepicker-nav'));
  element.appendChild(header);

  const grid = document.createElement('table');
  grid.className = 'mileo-datepicker-grid';
  const head = grid.createTHead().insertRow();
  WEEKDAYS.forEach((name, i) => {
    const cell = document.createElement('th');
    cell.textContent = name;
    cell.title = WEEKDAY_NAMES[i];
    head.appendChild(cell);
  });
  const body = grid.createTBody();
  const first = new Date(year, month, 1);
  const offset = (first.getDay() + 6) % 7; // weeks start on Monday
  const days = new Date(year, month + 1, 0).getDate();
  const chosen = typedDay(input.value);
  const today = new Date();
  let row = body.insertRow();
  for (let i = 0; i < offset; i++) {
    row.insertCell();
  }
  for (let day = 1; day <= days; day++) {
    if ((offset + day - 1) % 7 === 0 && day > 1) {
      row = body.insertRow();
    }
    const date = new Date(year, month, day);
    const label = `${WEEKDAY_NAMES[(date.getDay() + 6) % 7]} ${day} ${MONTHS[month]} ${year}`;
    const classes = ['mileo-datepicker-day'];
    if (chosen && chosen.getTime() === date.getTime()) {
      classes.push('mileo-datepicker-chosen');
    }
    if (date.toDateString() === today.toDateString()) {
      classes.push('mileo-datepicker-today');
    }
    row.insertCell().appendChild(button(String(day), label, () => choose(date), classes.join(' ')));
  }
  element.appendChild(grid);
  const help = document.createElement('div');
  help.className = 'mileo-datepicker-help';
  help.textContent = withTime(input)
    ? "Choisissez le jour, puis tapez l'heure (HH:MM, 24 h, heure de Paris)."
    : 'Choisissez le jour ou tapez-le (JJ/MM/AAAA).';
  element.appendChild(help);
}

function move(months) {
  const date = new Date(picker.year, picker.month + months, 1);
  picker.year = date.getFullYear();
  picker.month = date.getMonth();
  renderPicker();
  placePicker();
}

function choose(date) {
  const input = picker.input;
  const day = `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
  let text = day;
  if (withTime(input)) {
    const time = /\d{1,2}\s*[:hH]\s*\d{2}\s*$/.exec(input.value || '');
    text = time ? `${day} ${time[0].trim()}` : `${day} `;
  }
  closePicker();
  setText(input, text);
  input.focus();
  input.setSelectionRange(text.length, text.length);
}

function prepare(input) {
  if (input.dataset.mileoDate) {
    return;
  }
  input.dataset.mileoDate = 'true';
  input.setAttribute('placeholder', withTime(input) ? 'JJ/MM/AAAA HH:MM' : 'JJ/MM/AAAA');
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('inputmode', 'numeric');
  // a click opens the calendar; typing closes it, so that the words read back under the field show
  input.addEventListener('click', () => openPicker(input));
  input.addEventListener('input', (event) => {
    if (event.isTrusted) {
      closePicker();
    }
  });
  input.addEventListener('blur', () => {
    if (picker && picker.input === input) {
      closePicker();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      closePicker();
    }
  });
}

/* ---------- wiring ---------- */

function scan(root) {
  if (root.nodeType === Node.ELEMENT_NODE) {
    if (root.matches(DATE_FIELDS)) {
      prepare(root);
    }
    root.querySelectorAll(DATE_FIELDS).forEach(prepare);
  }
  if (inForm(root) || (root.nodeType === Node.ELEMENT_NODE && root.querySelector('.fjs-container'))) {
    translateNode(root);
  }
}

const observer = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      if (inForm(mutation.target)) {
        translateNode(mutation.target);
      }
    } else if (mutation.type === 'attributes') {
      if (inForm(mutation.target)) {
        translateNode(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach(scan);
    }
  }
  if (picker && !document.body.contains(picker.input)) {
    closePicker();
  }
});

function start() {
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'title']
  });
  scan(document.body);
  window.addEventListener('resize', closePicker);
  document.addEventListener('scroll', placePicker, true);
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
