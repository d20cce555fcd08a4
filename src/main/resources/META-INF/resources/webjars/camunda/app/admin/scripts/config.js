/*
 * Mileo Cyber: Admin configuration. This file replaces the (empty) one of the Camunda webjar
 * (app/admin/scripts/config.js): the application's classpath comes first. See docs/tasklist.md.
 */

export default {
  // French for browsers whose first language is French (locales/fr.json, ours), English otherwise.
  locales: {
    availableLocales: ['en', 'fr'],
    fallbackLocale: 'en'
  }
};
