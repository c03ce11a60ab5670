/**
 * Counted words for the site's scripts: "1 round", "6 rounds".
 *
 * The forms come from the page, which the build writes from the one grammar
 * it words everything else with (routines/model/units.py); the browser's
 * Intl.PluralRules picks the form for a number. No script makes a plural of
 * its own. Listed first under extra_javascript, so it runs before the others.
 */
(() => {
  const words = document.getElementById("site-words");
  const forms = words ? JSON.parse(words.textContent) : {};
  const rules = new Intl.PluralRules(document.documentElement.lang || "en");
  window.siteWords = {
    /** `counted(6, "round")` -> "6 rounds", in the page's forms for "round". */
    counted(number, word) {
      const of = forms[word] || {};
      return (of[rules.select(number)] || of.other || `{n} ${word}`).replace("{n}", String(number));
    },
  };
})();
