// The release build's loader, inlined into each page by the build (crates/xtask), which
// defines JIMEI_BUILD: the URLs of the main wasm, its glue and the parts' loader, and for each
// route that has wasm parts of its own, the files a deep link to it fetches early (made from
// `Page::split_points` in crates/model/src/route.rs).
//
// It starts the app once the page has loaded, so the first screen's few kilobytes have a slow
// link to themselves, and then fetches the JS, the wasm and, on the routes that show it, the
// guide and the route's parts in parallel (see ARCHITECTURE.md, "First screen").
const build = JIMEI_BUILD;

const preload = (href, as, type) => {
  const link = document.createElement('link');
  link.rel = as === 'script' ? 'modulepreload' : 'preload';
  link.href = href;
  if (as === 'style') link.as = 'style';
  if (as === 'fetch') {
    link.as = 'fetch';
    link.type = type;
    link.crossOrigin = 'anonymous';
  }
  document.head.append(link);
};

const start = async () => {
  // A route is named by its first path segment: /flowchart/<node> is the flowchart's.
  const route = '/' + location.pathname.split('/')[1];
  preload(build.wasm, 'fetch', 'application/wasm');
  // Only the routes that show the guide fetch it early. On the home page it would share a
  // slow link with the main wasm for a screen that does not use it; the service worker
  // downloads it after the page has loaded, for the next page and for offline use.
  const showsGuide = build.styled.includes(route);
  if (showsGuide) preload(`${build.guide}${document.documentElement.lang}.json`, 'fetch', 'application/json');
  preload(build.splitLoader, 'script');
  for (const part of build.parts[route] ?? []) preload(part, 'fetch', 'application/wasm');
  if (showsGuide) preload(build.pageStyles, 'style');
  // The wasm is fetched whole and compiled from its bytes, not streamed: a streaming compile
  // finishes on the main thread in one long task (ARCHITECTURE.md, "First screen").
  const wasmBytes = fetch(build.wasm).then((response) => {
    if (!response.ok) throw new Error(`${build.wasm}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  const bindings = await import(build.js);
  const wasm = await bindings.default({ module_or_path: wasmBytes });
  // For measurements (tests/bench): the instance, whose memory they weigh.
  dispatchEvent(new CustomEvent('jimei-started', { detail: { wasm } }));
};

if (document.readyState === 'complete') start();
else addEventListener('load', () => requestAnimationFrame(() => setTimeout(start)), { once: true });
