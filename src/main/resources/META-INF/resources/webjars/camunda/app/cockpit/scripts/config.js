/*
 * Mileo Cyber: Cockpit configuration. This file replaces the (empty) one of the Camunda webjar
 * (app/cockpit/scripts/config.js): the application's classpath comes first. See docs/tasklist.md.
 */

export default {
  // French for browsers whose first language is French (locales/fr.json, ours: the screens the
  // referent and project managers use; the rest falls back to English), English otherwise.
  locales: {
    availableLocales: ['en', 'fr'],
    fallbackLocale: 'en'
  },

  // moment.js formats; the "L..." tokens follow the user's locale: in French 12/03/2026,
  // 12 mars 2026 14:30, on a 24-hour clock.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  }
};
