/* Search from the header: a dialog over Pagefind's chunked index. Nothing of
 * the index is fetched until the reader opens search; then each query
 * fetches only the chunks its words fall in. Results show as the reader
 * types, with the words found marked, and the steps they were found in.
 * A word the site does not have is corrected to the nearest one it has
 * ("Showing 2 results for "trapezius""), with a button to search for what
 * was typed instead. Keys: "/" opens search, arrows move between results,
 * Escape closes.
 * The results list says which query it answers (data-query), and is
 * aria-busy while a newer one is on its way.
 */
(() => {
  const dialog = document.querySelector("dialog.site-search");
  const opener = document.querySelector(".site-search__open");
  if (!dialog || !opener) return;

  const input = dialog.querySelector(".site-search__input");
  const status = dialog.querySelector(".site-search__status");
  const asTyped = dialog.querySelector(".site-search__as-typed");
  const list = dialog.querySelector(".site-search__results");
  const SHOWN = 10; // results shown at once; each costs a fragment fetch
  const STEPS = 3; // sub-results (the steps a word is in) shown per post
  const index = new URL(dialog.dataset.index, document.baseURI);
  const OFFLINE = "Search needs a connection: the routines you opened before still open.";
  let engine = null;
  let asked = 0; // the latest query's number: older answers are dropped
  let uncorrected = false; // the reader asked for what they typed

  // Pagefind, and the vocabulary the build wrote beside its index
  // (hooks/routines/discovery/search.py): every word the index holds, the most used first.
  const load = () => {
    engine ??= Promise.all([
      import(index.href).then(async (pagefind) => {
        await pagefind.options({ baseUrl: new URL("..", index).pathname, excerptLength: 24 });
        await pagefind.init();
        return pagefind;
      }),
      fetch(new URL("words.txt", index)).then((response) => (response.ok ? response.text() : Promise.reject()))
        .then((text) => text.split("\n")),
    ]);
    engine.catch(() => { engine = null; }); // offline now: try again on the next keystroke
    return engine;
  };

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    load().catch(() => say(OFFLINE));
  };

  const say = (text) => { status.textContent = text; };

  // Pagefind's excerpts are the page's text with <mark> around the words
  // found; everything else in them is shown as text, never as markup.
  const decoder = document.createElement("textarea"); // reads entities, never tags
  const text = (html) => {
    decoder.innerHTML = html;
    return decoder.value;
  };
  const marked = (excerpt) => {
    const out = document.createDocumentFragment();
    excerpt.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
      const word = part.match(/^<mark>(.*)<\/mark>$/);
      if (!word) return out.append(text(part));
      const mark = document.createElement("mark");
      mark.textContent = text(word[1]);
      out.append(mark);
    });
    return out;
  };

  const link = (url, title, excerpt, className) => {
    const a = document.createElement("a");
    a.href = url;
    a.className = className;
    const heading = document.createElement("span");
    heading.className = "site-search__title";
    heading.textContent = title;
    const words = document.createElement("span");
    words.className = "site-search__excerpt";
    words.append(marked(excerpt));
    a.append(heading, words);
    return a;
  };

  const show = (pages) => {
    list.replaceChildren(...pages.map((page) => {
      const item = document.createElement("li");
      item.append(link(page.url, page.meta.title, page.excerpt, "site-search__page"));
      const steps = page.sub_results.filter((sub) => sub.url !== page.url && sub.title !== page.meta.title).slice(0, STEPS);
      if (steps.length) {
        const within = document.createElement("ul");
        within.append(...steps.map((sub) => {
          const entry = document.createElement("li");
          entry.append(link(sub.url, sub.title, sub.excerpt, "site-search__step"));
          return entry;
        }));
        item.append(within);
      }
      return item;
    }));
  };

  // Pagefind forgives no typo, and matches a word it cannot find by the
  // longest indexed word it starts with: "sholder" by the "s" of "30 s"
  // (find_word_extensions in Pagefind's pagefind_web/src/search.rs). So
  // it is given only words the site has: one that a word of the vocabulary
  // starts with, or a word of it with an ending; any other is corrected to
  // the nearest, by the letters' edit distance (a neighbouring key costs
  // half, a letter left out 0.9, so "rollr" is "roller" before "roll").
  const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
  const key = (letter) => {
    const y = ROWS.findIndex((row) => row.includes(letter));
    return [y, ROWS[y]?.indexOf(letter) + y / 2];
  };
  const neighbours = (a, b) => {
    const [y, x] = key(a), [v, u] = key(b);
    return y >= 0 && v >= 0 && Math.abs(y - v) < 2 && Math.abs(x - u) < 1.1;
  };
  const slips = (typed, word) => {
    let before = [], row = [...Array(word.length + 1).keys()].map((j) => j * 0.9);
    for (let i = 1; i <= typed.length; i++) {
      const last = row;
      row = [i];
      for (let j = 1; j <= word.length; j++) {
        const a = typed[i - 1], b = word[j - 1];
        row[j] = Math.min(last[j] + 1, row[j - 1] + 0.9, last[j - 1] + (a === b ? 0 : neighbours(a, b) ? 0.5 : 1),
          a === word[j - 2] && typed[i - 2] === b ? before[j - 2] + 1 : Infinity);
      }
      before = last;
    }
    return row[word.length];
  };
  const has = (vocabulary, typed) => /\d/.test(typed) || vocabulary.some((word) =>
    word.startsWith(typed) || (typed.startsWith(word) && /^(s|es|ed|ing|ly)$/.test(typed.slice(word.length))));
  const nearest = (vocabulary, typed) => {
    let found, most = typed.length < 3 ? 0 : typed.length < 5 ? 1 : typed.length < 9 ? 1.5 : 2;
    for (const word of vocabulary) {
      if (Math.abs(word.length - typed.length) > most) continue;
      const cost = slips(typed, word);
      if (cost < most || (cost === most && !found)) [found, most] = [word, cost];
    }
    return found;
  };

  const answered = (query, text) => {
    say(text);
    list.dataset.query = query;
    list.setAttribute("aria-busy", "false");
  };

  const search = async () => {
    const query = input.value.trim();
    const mine = ++asked;
    list.setAttribute("aria-busy", "true");
    asTyped.hidden = true;
    if (!query) {
      list.replaceChildren();
      return answered(query, "");
    }
    let found, meant;
    try {
      const [pagefind, vocabulary] = await load();
      // One pause in typing for both the check and Pagefind, in place of
      // Pagefind's debouncedSearch: the check runs first, for the last keystroke only.
      await new Promise((resolve) => setTimeout(resolve, 80));
      if (mine !== asked) return; // a newer keystroke took over
      const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      meant = words.map((typed) => (has(vocabulary, typed) ? typed : !uncorrected && nearest(vocabulary, typed)));
      meant = meant.every(Boolean) && meant.join(" ");
      found = meant ? await pagefind.search(meant) : { results: [] };
      if (meant === words.join(" ")) meant = "";
    } catch {
      return mine === asked && answered(query, OFFLINE);
    }
    if (mine !== asked) return;
    const pages = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
    if (mine !== asked) return;
    show(pages);
    const count = found.results.length;
    asTyped.hidden = !meant;
    asTyped.textContent = `Search for "${query}" instead`;
    answered(query, count === 0 ? `No routines or pages match "${query}".`
      : `${meant ? "Showing " : ""}${siteWords.counted(count, "result")} for "${meant || query}"${count > SHOWN ? `, the first ${SHOWN} shown` : ""}.`);
  };

  // Arrow keys walk the input and the result links, in order; Escape closes.
  const walk = (event) => {
    if (event.key === "Escape") {
      event.preventDefault(); // a search field would only clear itself first
      return dialog.close();
    }
    const stops = [input, ...list.querySelectorAll("a")];
    const at = stops.indexOf(document.activeElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (!step || at < 0) return;
    event.preventDefault();
    stops[Math.min(stops.length - 1, Math.max(0, at + step))].focus();
  };

  const typing = (target) => target.closest("input, textarea, select, [contenteditable], dialog[open]");

  opener.addEventListener("click", open);
  input.addEventListener("input", () => {
    uncorrected = false;
    search();
  });
  asTyped.addEventListener("click", () => {
    uncorrected = true;
    input.focus();
    search();
  });
  dialog.addEventListener("keydown", walk);
  dialog.addEventListener("click", (event) => {
    // A tap outside the panel (on the backdrop) or on Close closes it.
    if (event.target === dialog || event.target.closest("[data-do=close]")) dialog.close();
  });
  list.addEventListener("click", (event) => {
    // A result on this same page (a step of it): close so the reader sees it.
    const a = event.target.closest("a");
    if (a && new URL(a.href).pathname === location.pathname) dialog.close();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    event.preventDefault();
    open();
  });
  // The close event comes later: by then search may be open again.
  dialog.addEventListener("close", () => dialog.open || opener.focus());
})();
