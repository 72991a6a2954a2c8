// Fix 1002's service worker: after one visit, every section works with no network at all.
//
// This file is a template. At build time scripts/precache.mjs (a Trunk post_build hook) fills
// in VERSION, taken from the bytes of every built file, and PRECACHE, the list of every built
// file; both are never kept by hand.
//
// Updates are safe: a new version installs into a cache of its own, all files or nothing
// (cache.addAll), and then waits; the app offers a reload, and only on the owner's yes does it
// take over and delete the old caches. A half-finished update leaves the old version serving.
const VERSION = '__FIX1002_VERSION__';
const PRECACHE = __FIX1002_PRECACHE__;
const CACHE = `fix1002-${VERSION}`;
const INDEX = new URL('./index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      // A failed install leaves no half-filled cache behind; the old version keeps serving.
      .catch((error) => caches.delete(CACHE).then(() => Promise.reject(error))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('fix1002-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'fix1002:skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The phone's connection check must measure the network, never this cache.
  if (url.searchParams.has('connection-check')) return;
  if (request.mode === 'navigate') {
    // Every page of the app is index.html (routes live in the fragment), whatever the query.
    event.respondWith(caches.match(INDEX, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
