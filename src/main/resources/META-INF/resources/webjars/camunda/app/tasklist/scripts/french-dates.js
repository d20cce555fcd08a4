/*
 * Mileo Cyber: keeps Tasklist's dates in the language of its labels. Loaded by config.js
 * (customScripts) before the AngularJS application starts.
 *
 * Why: each locale file Tasklist loads (the user's, then English as the fallback) re-defines
 * moment.js's locale and makes it the current one, so dates ("dans 3 jours", "il y a 2 heures")
 * end up in whichever file arrived last. And the calendar of the date pickers (due date,
 * follow-up date) takes its month and day names from AngularJS's $locale, which is English.
 */
const FRENCH = {
  MONTH: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
    'octobre', 'novembre', 'décembre'],
  SHORTMONTH: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.',
    'nov.', 'déc.'],
  STANDALONEMONTH: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
    'septembre', 'octobre', 'novembre', 'décembre'],
  DAY: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  SHORTDAY: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  FIRSTDAYOFWEEK: 0, // AngularJS counts from Monday
  AMPMS: ['AM', 'PM'],
  fullDate: 'EEEE d MMMM y',
  longDate: 'd MMMM y',
  mediumDate: 'd MMM y',
  shortDate: 'dd/MM/y',
  medium: 'd MMM y HH:mm:ss',
  short: 'dd/MM/y HH:mm',
  mediumTime: 'HH:mm:ss',
  shortTime: 'HH:mm'
};

window.angular.module('cam.tasklist.custom').run([
  '$rootScope', '$translate', '$locale', 'moment', 'amMoment', 'uibDatepickerConfig',
  function ($rootScope, $translate, $locale, moment, amMoment, datepickerConfig) {
    const language = () => $translate.use() || $translate.proposedLanguage();

    if (language() === 'fr') {
      Object.assign($locale.DATETIME_FORMATS, FRENCH);
      $locale.id = 'fr-fr';
      datepickerConfig.startingDay = 1; // weeks start on Monday
    }

    const followLabels = () => {
      const current = language();
      if (current && moment.locale() !== current && moment.locales().includes(current)) {
        amMoment.changeLocale(current); // re-renders every relative date
      }
    };
    ['$translateLoadingEnd', '$translateChangeEnd', '$translateRefreshEnd'].forEach((event) =>
      $rootScope.$on(event, followLabels));
    followLabels();
  }
]);

export default [];
