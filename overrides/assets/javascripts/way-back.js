/* Never a dead end: on the 404 page, a button that opens the site's search;
 * on the offline page (503.html, shown by sw.js), <saved-pages> lists the
 * pages the service worker kept on this device, by their headings, each a
 * link that opens without a connection. Without scripts, both pages still
 * link home. */
(() => {
  const search = document.querySelector(".way-back__search");
  const opener = document.querySelector(".site-search__open");
  if (search && opener) {
    search.hidden = false;
    search.addEventListener("click", () => opener.click());
  }

  if (customElements.get("saved-pages")) return;
  customElements.define("saved-pages", class extends HTMLElement {
    async connectedCallback() {
      if (!("caches" in window)) return;
      const prefix = this.dataset.cache || "pages-";
      const list = this.querySelector("ul");
      const found = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith(prefix)) continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const text = await (await cache.match(request)).text();
          const page = new DOMParser().parseFromString(text, "text/html");
          const title = (page.querySelector("article h1") || page.querySelector("title"))?.textContent.trim();
          if (title) found.push([request.url, title]);
        }
      }
      if (!this.isConnected || !found.length) return;
      list.replaceChildren(...found.reverse().map(([url, title]) => {
        const item = document.createElement("li");
        const link = item.appendChild(document.createElement("a"));
        link.href = url;
        link.textContent = title;
        return item;
      }));
      this.hidden = false;
    }
  });
})();
