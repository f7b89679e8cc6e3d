// Registers the service worker and offers a reload when a new version has been installed.
// Plain JavaScript so it works even if the wasm fails to start.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const TEXT = {
    'zh-Hans': ['新版本已就绪。', '重新载入'],
    'zh-Hant': ['新版本已就緒。', '重新載入'],
    en: ['A new version is ready.', 'Reload'],
  };
  function offerReload(worker) {
    if (document.querySelector('[data-testid="update-notice"]')) return;
    const [message, action] = TEXT[document.documentElement.lang] ?? TEXT['zh-Hans'];
    const bar = document.createElement('div');
    bar.className = 'update-notice';
    bar.setAttribute('role', 'status');
    bar.dataset.testid = 'update-notice';
    const text = document.createElement('span');
    text.textContent = message;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small';
    button.textContent = action;
    button.addEventListener('click', () => {
      reloadWanted = true;
      worker.postMessage('skip-waiting');
    });
    bar.append(text, button);
    document.body.prepend(bar);
  }
  // Reload only when the user asked for the new version; the first install also changes the
  // controller (the worker claims the page) and must not reload under the user's hands.
  let reloadWanted = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!reloadWanted) return;
    reloadWanted = false;
    location.reload();
  });
  navigator.serviceWorker
    .register('/sw.js')
    .then((registration) => {
      const watch = (worker) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerReload(worker);
        });
      };
      if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    })
    .catch(() => {
      // Offline use is a bonus: without a service worker the app still works online.
    });
})();
