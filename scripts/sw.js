// The service worker, written into each release build by crates/xtask with that
// build's file list and version. Each version precaches the whole app into its own cache and
// serves only from it, so a page never mixes an old wasm with new guide data. A new version
// waits until the page asks it to take over (the "new version, reload" notice).
const VERSION = '__VERSION__';
const CACHE = `jimei-${VERSION}`;
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('jimei-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // App routes are not files: answer them with the cached index.html, so deep links work
  // offline too.
  const key = request.mode === 'navigate' ? '/' : url.pathname;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)),
  );
});
