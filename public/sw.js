// Fix 1002's service worker: after one visit, every section works with no network at all.
//
// This file is a template. At build time scripts/precache.mjs (a Trunk post_build hook) fills
// in VERSION, a hash of this template and of every built file; PRECACHE, every built file with
// its Subresource Integrity hash; PAGES, the HTML pages the build wrote; and LANGUAGE_FOLDERS,
// where the pages in other languages are. None is kept by hand.
//
// Updates are safe: a new version fetches and checks every file before it stores any, into a
// cache of its own, then waits; the app offers a reload, and only on the owner's yes does it
// take over and delete the old caches. A failed install stores nothing and deletes nothing.
const VERSION = '__FIX1002_VERSION__';
const PRECACHE = __FIX1002_PRECACHE__;
const PAGES = __FIX1002_PAGES__;
// The folders of the pages in each language but English (`de/steps/<id>/`): not precached.
const LANGUAGE_FOLDERS = __FIX1002_LANGUAGE_FOLDERS__;

// Several deployments can share an origin (production under /help/, staging under /staging/):
// each one's caches carry its scope, so none ever deletes another's.
const SCOPE = self.registration.scope;
const PREFIX = `fix1002:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const PAGE_URLS = new Set(PAGES.map((page) => new URL(page, self.location).href));
const INDEX = new URL('./index.html', self.location).href;
// A language's files (`locales/<tag>/messages.json`, `kb.json`): not precached, since an owner
// reads one language of twelve, but kept once the page has downloaded them, so the language
// chosen works offline from then on.
const LOCALES = new URL('./locales/', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  // Fetch everything first. `integrity` makes a host that answers a missing file with its
  // index.html (status 200) fail the install, instead of caching HTML as the wasm.
  const responses = await Promise.all(
    PRECACHE.map(async ({ url, integrity }) => {
      const response = await fetch(new Request(url, { cache: 'reload', integrity }));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return [url, response.redirected ? await withoutRedirect(response) : response];
    }),
  );
  const cache = await caches.open(CACHE);
  // The language files an older version kept, fetched afresh for this one (a language's words
  // may change with a release); one that cannot be fetched now is fetched when next needed.
  const languages = await Promise.all(
    (await languageUrlsKept()).map(async (url) => {
      try {
        const response = await fetch(new Request(url, { cache: 'reload' }));
        return response.ok ? [url, response] : null;
      } catch {
        return null;
      }
    }),
  );
  try {
    await Promise.all(
      [...responses, ...languages.filter(Boolean)].map(([url, response]) => cache.put(url, response)),
    );
  } catch (error) {
    // Storing failed part-way (storage full): this version's cache is not live yet, since
    // VERSION covers this file too, so dropping it leaves the serving version untouched.
    await caches.delete(CACHE);
    throw error;
  }
}

/** The language files this deployment's caches hold. */
async function languageUrlsKept() {
  const urls = new Set();
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX)) continue;
    for (const request of await (await caches.open(key)).keys()) {
      if (request.url.startsWith(LOCALES)) urls.add(request.url);
    }
  }
  return [...urls];
}

/** A language file from this version's cache, or else from the network, then kept. */
async function languageFile(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// A page stored from a redirected response cannot answer a navigation (browsers refuse a
// redirected response for a request that did not ask to follow redirects), so keep a fresh
// copy of the final response instead.
async function withoutRedirect(response) {
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only this deployment's own older versions: another scope's caches are not ours.
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'fix1002:skip-waiting') self.skipWaiting();
  // The page in another language asks for its files to be kept: on a first visit they were
  // downloaded before this worker controlled the page, so its fetch handler never saw them.
  if (event.data && event.data.type === 'fix1002:keep-language' && Array.isArray(event.data.urls)) {
    const urls = event.data.urls.filter((url) => typeof url === 'string' && url.startsWith(LOCALES));
    event.waitUntil(Promise.all(urls.map((url) => languageFile(new Request(url)).catch(() => null))));
  }
});

/** The stored page that answers a navigation to `url`, or null for pages that are not ours. */
function pageFor(url) {
  const page = new URL(url);
  page.search = '';
  page.hash = '';
  if (page.href === SCOPE) return INDEX;
  if (page.href.endsWith('/') && PAGE_URLS.has(page.href + 'index.html')) return page.href + 'index.html';
  return PAGE_URLS.has(page.href) ? page.href : null;
}

/** The stored English page for a page in a language's folder (`de/steps/x/`), or null. */
function englishPageFor(url) {
  const folder = LANGUAGE_FOLDERS.find((f) => url.startsWith(`${SCOPE}${f}/`));
  if (!folder) return null;
  const english = new URL(SCOPE + url.slice(`${SCOPE}${folder}/`.length));
  english.search = '';
  english.hash = '';
  return pageFor(english.href) ? english.href : null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The phone's connection check must measure the network, never this cache.
  if (url.searchParams.has('connection-check')) return;
  if (request.mode === 'navigate') {
    // Only the pages this build wrote: any other path on the origin (a sibling site at the
    // root, a nested path whose relative assets would miss) goes to the network as usual.
    const page = pageFor(request.url);
    if (page) event.respondWith(caches.match(page, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    const english = !page && englishPageFor(request.url);
    // A page in another language comes from the network; offline, the browser is sent to the
    // same page in English, which is stored, and the app there shows the language chosen.
    if (english) event.respondWith(fetch(request).catch(() => Response.redirect(english, 302)));
    return;
  }
  if (url.href.startsWith(LOCALES)) {
    event.respondWith(languageFile(request));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
