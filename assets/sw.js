// Service worker of the ML Emissions Calculator: after the first visit the app loads and computes
// with no network. Written by hand, no framework.
//
// `cargo xtask dist` (xtask/src/service_worker.rs) rewrites this file in dist/ after `trunk build`:
// BUILD becomes a hash of every built file, so each build gets its own cache and the browser sees
// a changed worker; PRECACHE becomes the list of built files, relative to this file. URLs are
// resolved against the registration scope, so the same dist/ works under a GitHub Pages sub-path.
// Unstamped (e.g. `trunk serve`), the worker does nothing.
'use strict';

const BUILD = '__BUILD_HASH__';
const PRECACHE = ["__PRECACHE__"];
const ENABLED = !BUILD.startsWith('__');
const CACHE = 'mlcalc-' + BUILD;
const SCOPE = self.registration.scope;
const URLS = PRECACHE.map((path) => new URL(path, SCOPE).href);
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  if (!ENABLED) return;
  // `cache: 'reload'` bypasses the HTTP cache so the files stored are this build's.
  const requests = URLS.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(requests))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  if (!ENABLED) return;
  // A new build replaces the cache cleanly: drop every other cache of this app.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('mlcalc-') && key !== CACHE)
          .map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!ENABLED || request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Network first so a new build is picked up; offline, the cached page of this build.
    // The network copy is not cached: it may reference files of a newer build.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match(INDEX))
          .then((hit) => hit || Response.error())
      )
    );
    return;
  }
  const url = new URL(request.url);
  const bare = url.origin + url.pathname;
  if (!URLS.includes(bare)) return;
  // Built files have content hashes in their names: the cached copy is always right.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(bare))
      .then((hit) => hit || fetch(request))
  );
});
