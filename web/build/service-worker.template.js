/* GDS Academy service worker: repeat visits load the app from this cache. Built by build/service-worker.plugin.ts. */
const VERSION = __VERSION__;
const ASSETS = __ASSETS__;
// Asked for by the page as soon as it starts (not named in it): kept at install with the files it names.
const START_CHUNKS = __START_CHUNKS__;
const CACHE = `gds-app-${VERSION}`;
const SCOPE = new URL(self.registration.scope).pathname; // "/app/"
const SHELL = `${SCOPE}index.html`;

// At install only the page and the files it names (the first screen): the other screens' chunks
// (about 175 KB gzipped) would otherwise download while the person signs in, sharing a slow link with
// the sign-in and home requests. They are fetched later, when the page says its first screen is done
// ('precache-rest'), and any file used before then is kept as it is fetched.
const FIRST_SCREEN_FILE = /(?:src|href)="([^"]*\/assets\/[^"]+)"/g;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.add(SHELL);
        const html = await (await cache.match(SHELL)).text();
        const named = [...html.matchAll(FIRST_SCREEN_FILE)].map((match) => new URL(match[1], self.location.origin).pathname);
        const first = [...named, ...START_CHUNKS.map((file) => SCOPE + file)];
        await cache.addAll([...new Set(first)].filter((path) => ASSETS.includes(path.slice(SCOPE.length))));
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== 'precache-rest') return;
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const file of ASSETS) {
        if (await cache.match(SCOPE + file, { ignoreVary: true })) continue;
        // One at a time: a background download that never takes the whole link.
        await cache.add(SCOPE + file).catch(() => undefined);
      }
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('gds-app-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Only the app's own files: API answers (personal data), verification pages and other origins are never kept.
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (url.pathname.startsWith(`${SCOPE}assets/`)) {
    // ignoreVary: the server answers `Vary: Origin, Accept-Encoding`, and the page asks for its module
    // scripts with an Origin header that the install's requests had not, so a plain match missed every
    // first-screen file (each went back to the network). A hashed file is the same whoever asks.
    event.respondWith(
      caches.match(request, { ignoreVary: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok && ASSETS.includes(url.pathname.slice(SCOPE.length))) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }
  if (request.mode === 'navigate') {
    // The page: network first (a new build shows at once), the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL, { ignoreVary: true }).then((hit) => hit || Response.error())),
    );
  }
});
