/*
 * Mileo Cyber: Tasklist configuration. This file replaces the one of the Camunda webjar
 * (camunda-webapp-webjar, app/tasklist/scripts/config.js): the application's classpath comes
 * first. See docs/tasklist.md before changing it or upgrading Camunda.
 */

export default {
  // French for browsers whose first language is French (locales/fr.json, ours), English otherwise.
  locales: {
    availableLocales: ['en', 'fr'],
    fallbackLocale: 'en'
  },

  // dates in the language of the labels, French date pickers (french-dates); French calendars and
  // messages in Camunda Forms (french-forms); dashboard link, Cockpit link for those who may open
  // Cockpit, how to take an unclaimed task, back to the dashboard after login (mileo-tasklist)
  customScripts: ['scripts/french-dates', 'scripts/french-forms', 'scripts/mileo-tasklist'],

  // moment.js formats; the "L..." tokens follow the user's locale: in French (fr.json)
  // 12/03/2026, 12 mars 2026 à 14:30, jeudi 12 mars 2026 à 14:30, always on a 24-hour clock.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },

  // Camunda's default keyboard shortcuts, described in French.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'réclame la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'place le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'place le curseur sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvre la fenêtre « Démarrer un processus »'
    }
  }
};
