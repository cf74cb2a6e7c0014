/*
 * Run while the app's scripts are still downloading: the first use of the browser's Intl loads its
 * locale data, tens of milliseconds that would otherwise fall in the app's first render (creating the
 * message formatter asks which locales are supported). Nothing here is kept; the browser keeps the data.
 */
Intl.NumberFormat.supportedLocalesOf(['en', 'fr']);
new Intl.PluralRules(document.documentElement.lang || 'en').select(1);
