/* Offline once visited: the pages a reader opened, and what they used, stay
 * readable with no connection (a gym basement, airplane mode).
 *
 * - Pages: the network first, so a reader online always gets the latest
 *   build; the last copy when the network fails.
 * - Fingerprinted files (name.1a2b3c.min.css, Material's bundle.1a2b3c4d.min.js):
 *   from the cache first, since their content never changes under that name;
 *   a new build's file replaces the older one of the same name.
 * - Anything else of the site's own (images, feeds): the network first.
 * - Offline, a page never kept: the site's offline page (503.html), the one
 *   thing fetched when the worker installs.
 * - Nothing else is fetched ahead: only what the reader asked for is kept, at most
 *   LIMIT entries per kind, the oldest going first. Other sites (the video
 *   host), video and audio files, the search index and the authors' editor
 *   (admin/, with the posts it saves) are left alone; the index's vocabulary
 *   (pagefind/words.txt, fetched when search opens) is kept, network first,
 *   like the site's other files.
 */
const VERSION = 1;
const PAGES = `pages-v${VERSION}`;
const FILES = `files-v${VERSION}`;
const LIMIT = { [PAGES]: 60, [FILES]: 120 };
const FINGERPRINT = /\.[0-9a-f]{6,}(\.min)?\.[a-z0-9]+$/;
const SKIPPED = /\/pagefind\/(?!words\.txt$)/;
const EDITOR = new URL("admin/", self.registration.scope).pathname; // the authors' editor, when the site publishes it

// Offline, a page this device never kept opens the site's own offline page
// (503.html: the saved routines and a link home), fetched when the worker installs.
const OFFLINE = `offline-v${VERSION}`;
const OFFLINE_PAGE = new URL("503.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(OFFLINE).then((cache) => cache.add(OFFLINE_PAGE)).catch(() => {}));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = new Set([PAGES, FILES, OFFLINE]);
    for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
    await self.clients.claim();
  })());
});

// The first page a reader opens loads before this worker runs: it sends the
// addresses it got (itself first, then its styles, scripts, images), kept as
// if they had been fetched here.
self.addEventListener("message", (event) => {
  const addresses = event.data?.keep;
  if (!Array.isArray(addresses)) return;
  event.waitUntil(Promise.all(addresses.map((address, at) =>
    answer(new Request(new URL(address, location.href)), at === 0)?.catch(() => {}), // offline already: kept next time
  )));
});

self.addEventListener("fetch", (event) => {
  const answered = answer(event.request, event.request.mode === "navigate");
  if (answered) event.respondWith(answered);
});

/* How a request is answered and kept; null leaves it to the browser. */
function answer(request, page) {
  const url = new URL(request.url);
  // Video and audio stream in ranges the cache cannot keep.
  if (request.method !== "GET" || request.headers.has("range") || ["video", "audio", "track"].includes(request.destination)) return null;
  if (url.origin !== location.origin || SKIPPED.test(url.pathname) || url.pathname.startsWith(EDITOR)) return null;
  if (page) return networkFirst(request, PAGES);
  if (FINGERPRINT.test(url.pathname)) return cacheFirst(request);
  return networkFirst(request, FILES);
}

async function networkFirst(request, name) {
  try {
    const response = await fetch(request);
    if (response.status === 200) await keep(name, request, response.clone());
    return response;
  } catch (offline) {
    const cache = await caches.open(name);
    // A clip's address (?t=90) is the same page.
    const copy = await cache.match(request) ?? await cache.match(request, { ignoreSearch: true });
    if (copy) return copy;
    const spare = name === PAGES && await caches.match(OFFLINE_PAGE, { cacheName: OFFLINE });
    if (spare) return spare;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(FILES);
  const copy = await cache.match(request);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.status === 200) {
    // The same file from an older build (another fingerprint) is no longer needed.
    const stem = unfingerprinted(request.url);
    for (const old of await cache.keys()) if (old.url !== request.url && unfingerprinted(old.url) === stem) await cache.delete(old);
    await keep(FILES, request, response.clone());
  }
  return response;
}

function unfingerprinted(address) {
  return new URL(address).pathname.replace(FINGERPRINT, "");
}

async function keep(name, request, response) {
  const cache = await caches.open(name);
  await cache.put(request, response); // a put replaces any entry at the end: the order is the order of use
  const entries = await cache.keys();
  for (const old of entries.slice(0, Math.max(0, entries.length - LIMIT[name]))) await cache.delete(old);
}
