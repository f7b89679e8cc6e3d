// Measures the release build in dist/ against the budgets of BENCHMARKS.md and prints one
// table. Run through scripts/bench, which builds first and passes the layout bench's output.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, DIST } from '../e2e/serve.mjs';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';

const [layoutFile, ...flags] = process.argv.slice(2);
const rows = [];
const row = (figure, value, unit, budget, pass) =>
  rows.push({ figure, value: `${value} ${unit}`.trim(), budget, verdict: pass === null ? '' : pass ? 'pass' : 'FAIL' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
// Progress goes to stderr, so a slow step shows where it is; the table goes to stdout.
const log = (message) => console.error(`bench: ${message}`);

// The routes measured, each with the class of its page's own content (`section.page.<name>`
// in src/ui) and its first download's budget.
const ROUTES = [
  { path: '/', page: 'home', budget: 100 },
  { path: '/flowchart', page: 'flowchart', budget: 150 },
  { path: '/checklist', page: 'checklist', budget: 150 },
  { path: '/checklist?role=employee', page: 'checklist', budget: 150 },
  { path: '/report', page: 'report', budget: 150 },
  { path: '/about', page: 'about', budget: 150 },
];
const slug = (path) => path.replace(/^\//, '').replace(/[^a-z0-9]+/g, '-') || 'home';

// Every file of the build, as its URL path.
const walk = (dir, base = '') => readdirSync(join(dir, base), { withFileTypes: true }).flatMap((entry) => {
  const path = `${base}/${entry.name}`;
  return entry.isDirectory() ? walk(dir, path) : [path];
});
const files = walk(DIST);
// What the host answers for a path: the file, or index.html for an app route (tests/e2e/serve.mjs).
const fileOf = (path) => (files.includes(path) ? path : '/index.html');
const images = files.filter((f) => f.startsWith('/img/')).map((f) => readFileSync(join(DIST, f)));

// Lighthouse's mobile profile as DevTools applies it (slow 4G and a 4x slower CPU), for the
// measurements made in Chromium directly.
const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 562.5, downloadThroughput: (1474.6 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}
// Marks, in the page, when the route is usable: the app has replaced the static first screen
// and shows the page, with the guide loaded (as tests/e2e/helpers.mjs's appReady waits for).
// Also records the largest-contentful-paint candidates, each with whether it is in the
// route's own content.
const INSTRUMENT = (own) => {
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const el = entry.element;
      const label = el ? `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}` +
        (el.closest('#shell') ? ' in the static first screen' : '') : '(removed)';
      window.__lcp.push({ time: entry.startTime, own: !!el?.closest(own), label });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const ready = () => document.querySelector('main section.page') && !document.getElementById('shell') &&
    !document.querySelector('[data-testid="loading"]');
  const watch = () => {
    if (window.__usable === undefined && ready()) window.__usable = performance.now();
    else if (window.__usable === undefined) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};
const usable = (page) => page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 60_000 })
  .then(() => page.evaluate(() => window.__usable));

// The static floor of each route: what the host serves at its address, with every script
// removed (and any preload, which would only fetch what no script uses).
const site = mkdtempSync(join(tmpdir(), 'jimei-bench-'));
cpSync(DIST, site, { recursive: true });
mkdirSync(join(site, 'floor'));
for (const route of ROUTES) {
  const html = readFileSync(join(DIST, fileOf(new URL(route.path, 'http://x').pathname)), 'utf8');
  const floor = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  writeFileSync(join(site, 'floor', `${slug(route.path)}.html`), floor);
}
// Served brotli-encoded, as a production host would.
const server = await serve(site, 0, { compress: true });
const base = `http://127.0.0.1:${server.address().port}`;
// Compress every file once before measuring, as a host serving precompressed files would.
for (const path of walk(site)) {
  await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

// 1. First visits in Chromium on the mobile profile, service worker blocked, three each: what
// the route downloads (every file requested until it is usable and the network is idle, but
// not the illustrations, which load lazily), and its largest contentful paint's element.
const first = {};
for (const route of ROUTES) {
  log(`first visit ${route.path}`);
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT, `section.page.${route.page}`);
    const seen = new Set();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === base && !url.pathname.startsWith('/img/')) seen.add(fileOf(url.pathname));
    });
    await throttle(page);
    await page.goto(`${base}${route.path}`);
    await usable(page);
    await page.waitForLoadState('networkidle');
    const lcp = await page.evaluate(() => window.__lcp.at(-1));
    runs.push({ files: [...seen].sort(), lcp });
    await context.close();
  }
  first[route.path] = runs;
}

// 2. Lighthouse, mobile profile, three runs of each route and of its floor.
// Asynchronous on purpose: the server runs in this process, so a synchronous child would
// block it and Lighthouse would wait for a page that never comes.
async function lighthouse(url, keepAs) {
  log(`lighthouse ${url}`);
  const out = join(site, 'lh.json');
  await promisify(execFile)(
    process.env.LIGHTHOUSE,
    [url, '--quiet', '--output=json', `--output-path=${out}`, '--form-factor=mobile',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000, maxBuffer: 64 << 20 },
  );
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // The latest report of each page stays in target/bench/ for a closer look.
  const keep = new URL('../../target/bench/', import.meta.url);
  mkdirSync(keep, { recursive: true });
  cpSync(out, new URL(`lighthouse-${keepAs}.json`, keep));
  return {
    lcp: report.audits['largest-contentful-paint'].numericValue,
    tti: report.audits.interactive.numericValue,
    tbt: report.audits['total-blocking-time'].numericValue,
    scores: Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
  };
}
const RUNS = 3;
const paint = {};
for (const route of ROUTES) {
  const app = [], bare = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await lighthouse(`${base}${route.path}`, slug(route.path)));
    bare.push(await lighthouse(`${base}/floor/${slug(route.path)}.html`, `${slug(route.path)}-floor`));
  }
  paint[route.path] = { app, bare };
}

// 3. Repeat visits: the route once to install the service worker, then three visits on the
// mobile profile, each timed from the navigation until the route is usable.
const repeat = {};
for (const route of ROUTES) {
  log(`repeat visit ${route.path}`);
  const context = await browser.newContext(MOBILE);
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT, `section.page.${route.page}`);
  await page.goto(`${base}${route.path}`);
  await usable(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const next = await context.newPage();
    await next.addInitScript(INSTRUMENT, `section.page.${route.page}`);
    await throttle(next);
    await next.goto(`${base}${route.path}`);
    times.push(await usable(next));
    await next.close();
  }
  repeat[route.path] = times;
  await context.close();
}

// The figures, by route.
for (const route of ROUTES) {
  const name = route.path;
  const runs = first[name];
  let total = 0;
  const sizes = runs[0].files.map((path) => {
    const size = br(readFileSync(join(DIST, path)));
    total += size;
    return [path, size];
  });
  if (name === '/') {
    for (const [path, size] of sizes) {
      row(`  ${path.slice(1).replace(/^pkg-[0-9a-f]{16}\//, '').replace(/-[0-9a-f]{16}(?=[._])/, '')} (brotli)`, kb(size), 'KB', '', null);
    }
  }
  row(`${name}: first download, brotli`, kb(total), 'KB', `≤ ${route.budget} KB`, total <= route.budget * 1024);
  const { app, bare } = paint[name];
  const appLcp = median(app.map((r) => r.lcp)), floorLcp = median(bare.map((r) => r.lcp));
  const appTti = median(app.map((r) => r.tti)), floorTti = median(bare.map((r) => r.tti));
  const tbt = median(app.map((r) => r.tbt));
  const perf = median(app.map((r) => r.scores.performance));
  row(`${name}: LCP, app / its static floor (Lighthouse mobile, median of ${RUNS})`,
    `${(appLcp / 1000).toFixed(2)} s / ${(floorLcp / 1000).toFixed(2)} s = ${(appLcp / floorLcp).toFixed(2)}`, '×', '≤ 1.25', appLcp <= 1.25 * floorLcp);
  const foreign = runs.map((r) => r.lcp).filter((l) => !l?.own);
  row(`${name}: largest element is the route's own content (3 throttled visits)`,
    foreign.length ? `no: ${foreign[0]?.label ?? 'none'}` : `yes: ${runs[0].lcp.label}`, '', 'yes', foreign.length === 0);
  row(`${name}: TTI, app / its static floor`,
    `${(appTti / 1000).toFixed(2)} s / ${(floorTti / 1000).toFixed(2)} s = ${(appTti / floorTti).toFixed(2)}`, '×', '≤ 2', appTti <= 2 * floorTti);
  row(`${name}: total blocking time`, Math.round(tbt), 'ms', '≤ 150 ms', tbt <= 150);
  row(`${name}: Lighthouse performance`, perf, '', '≥ 95', perf >= 95);
  const again = median(repeat[name]);
  row(`${name}: repeat visit with the service worker, usable after (median of 3)`, (again / 1000).toFixed(2), 's', '≤ 0.5 s', again <= 500);
}
// The other categories, for the home page, as single Lighthouse runs vary by a few points.
{
  const app = paint['/'].app;
  for (const [name, min] of [['accessibility', 100], ['best-practices', 100], ['seo', 90]]) {
    const score = median(app.map((r) => r.scores[name]));
    row(`/: Lighthouse ${name} (median of ${RUNS})`, score, '', `≥ ${min}`, score >= min);
  }
}
const homeFiles = new Set(first['/'][0].files);
const parts = files.filter((f) => f.endsWith('.wasm') && !homeFiles.has(f));
row(`wasm parts pages load when opened (${parts.length} files, not in the home page's download)`,
  kb(parts.reduce((sum, f) => sum + br(readFileSync(join(DIST, f))), 0)), 'KB brotli', '', null);
const lazySheets = files.filter((f) => f.endsWith('.css') && !homeFiles.has(f));
row(`stylesheet pages load with the guide (${lazySheets.length} file, not in the home page's download)`,
  kb(lazySheets.reduce((sum, f) => sum + br(readFileSync(join(DIST, f))), 0)), 'KB brotli', '', null);
row(`illustrations (${images.length} files, lazy, not counted)`, `${kb(images.reduce((s, b) => s + b.length, 0))} raw / ${kb(images.reduce((s, b) => s + br(b), 0))}`, 'KB brotli', '', null);

// Installability: Lighthouse 12 dropped its PWA audits, so ask Chromium itself, after the
// service worker has taken control as on a second visit.
log('installability');
{
  // A persistent profile: Chromium never offers to install from an incognito one.
  const profile = mkdtempSync(join(tmpdir(), 'jimei-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/`);
  await page.waitForSelector('#shell', { state: 'detached' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const { url: manifestUrl } = await cdp.send('Page.getAppManifest');
  const errors = installabilityErrors.map((e) => e.errorId);
  row('installable (Chromium\'s own check)', errors.length ? errors.join(', ') : 'yes', '', 'no errors', errors.length === 0 && !!manifestUrl);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// 3. Interaction figures with a generated guide of 500 items.
log('interaction: 500-item guide');
const guide = JSON.parse(readFileSync(join(DIST, 'guide', 'jimei.zh-Hans.json'), 'utf8'));
// The shipped items stay (the gate card and the musts point at them, and a guide that points
// at missing items is refused); copies of the first one bring the enterprise checklist to 500.
const template = guide.sections[0].items[0];
const shipped = guide.sections.filter((s) => s.role === 'enterprise').reduce((n, s) => n + s.items.length, 0);
guide.sections[0].items.push(...Array.from({ length: 500 - shipped }, (_, i) => {
  const { applies_when, ...item } = template;
  return { ...item, id: `bench-${i}` };
}));
const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
await page.addInitScript(() => {
  // Counts writes; a counter, so the instrument itself does not grow the heap.
  window.__writes = 0;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    window.__writes++;
    setItem.call(this, key, value);
  };

  addEventListener('jimei-started', (e) => (window.__wasm = e.detail.wasm));
});
await page.route('**/guide/jimei.*.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(guide) }));
await page.goto(`${base}/checklist?role=enterprise`);
await page.waitForSelector('#shell', { state: 'detached' });
const boxes = page.locator('main input[type="checkbox"]');
await boxes.nth(499).waitFor();

/**
 * Toggles checkbox `i`, scrolled into view, and reports the time from the click until the page
 * is updated and laid out (the work that must finish before the next frame can show it; the wait for the frame
 * itself depends on the display, not the app). With `observe`, it instead counts the DOM
 * mutations and the writes: the observer's own work would otherwise be timed as the app's.
 */
const toggle = (i, observe) =>
  page.evaluate(async ([i, observe]) => {
    const box = document.querySelectorAll('main input[type="checkbox"]')[i];
    let count = 0;
    const elsewhere = new Set();
    const item = box.closest('li[data-item]');
    // Every change must be in the toggled item or in a progress figure: a bar, a count, the
    // verdict, the list of what is missing, a card's point made of the item.
    const observer = new MutationObserver((list) => {
      for (const m of list) {
        count++;
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        if (!item.contains(el) && !el.closest('.progress-line, [data-testid="status-panel"], #missing, .card-point')) {
          elsewhere.add(el.outerHTML.slice(0, 60));
        }
      }
    });
    if (observe) {
      observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
    }
    const writes = window.__writes;
    // A message is a task that runs after every microtask, so after Leptos's effects.
    const afterEffects = () => new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = ok; c.port2.postMessage(0); });
    // A person taps an item they can see: bring it on screen first and let a frame pass, so
    // the browser has laid it out (off screen, `content-visibility: auto` skips it).
    box.scrollIntoView({ block: 'center' });
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    await afterEffects();
    const t0 = performance.now();
    box.click();
    await afterEffects();
    void document.body.offsetHeight;
    const took = performance.now() - t0;
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    // The app saves just after the frame that shows the change; give it until then.
    if (observe) {
      for (let k = 0; k < 50 && window.__writes === writes; k++) await new Promise((ok) => setTimeout(ok, 4));
      await new Promise((ok) => setTimeout(ok, 20));
    }
    observer.disconnect();
    return { took, count, elsewhere: [...elsewhere], writes: window.__writes - writes };
  }, [i, observe]);

log('interaction: 100 timed toggles, then 100 observed');
await page.evaluate(() => (window.__jimeiProbes = { save: [] }));
const times = [], counts = [], writes = [], elsewhere = new Set();
for (let i = 0; i < 100; i++) times.push((await toggle(i % 500, false)).took);
const saves = await page.evaluate(() => window.__jimeiProbes.save);
// The probes stop recording, so only the app's own memory is measured.
await page.evaluate(() => delete window.__jimeiProbes);
const memory = () =>
  page.evaluate(() => {
    window.gc?.();
    return performance.memory.usedJSHeapSize + (window.__wasm?.memory?.buffer.byteLength ?? 0);
  });
const after100 = await memory();
for (let i = 0; i < 100; i++) {
  const r = await toggle(i % 500, true);
  counts.push(r.count);
  writes.push(r.writes);
  r.elsewhere.forEach((e) => elsewhere.add(e));
}
row('toggle: click to updated layout, median of 100', median(times).toFixed(2), 'ms', '< 4 ms', median(times) < 4);
row('toggle: DOM mutation records, median', median(counts), '', '', null);
row('toggle: elements changed outside the item and progress', elsewhere.size, '', '0', elsewhere.size === 0);
if (elsewhere.size) log(`changed elsewhere: ${[...elsewhere].join(' | ')}`);
row('toggle: writes to storage, each', `${Math.min(...writes)}–${Math.max(...writes)}`, '', '1', writes.every((w) => w === 1));
row('save after a toggle (merge, encode, write), median', median(saves).toFixed(2), 'ms', '< 1 ms', median(saves) < 1);
const before = await page.evaluate(() => window.__writes);
await page.evaluate(() => dispatchEvent(new Event('focus')));
await page.waitForTimeout(300);
const idleWrites = (await page.evaluate(() => window.__writes)) - before;
row('writes when nothing changed', idleWrites, '', '0', idleWrites === 0);

log('interaction: 800 more toggles');
for (let i = 0; i < 800; i++) await toggle(i % 500, false);
const after1000 = await memory();
const growth = after1000 - after100;
row('memory growth, toggles 100 → 1000 (JS heap + wasm)', kb(growth), 'KB', '≤ 1024 KB', growth <= 1024 * 1024);
await browser.close();
server.close();
rmSync(site, { recursive: true, force: true });

// 4. Layout of generated flowcharts, from cargo bench.
if (layoutFile && existsSync(layoutFile)) {
  for (const line of readFileSync(layoutFile, 'utf8').split('\n')) {
    const m = line.trim().match(/^(50|200|1000)\s+\d+\s+\d+\s+([\d.]+)/);
    if (m) row(`layout, ${m[1]} nodes, median`, m[2], 'ms', m[1] === '1000' ? '< 20 ms' : '', m[1] === '1000' ? +m[2] < 20 : null);
  }
}

// The table.
const widths = ['figure', 'value', 'budget', 'verdict'].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const table = [
  line(['figure', 'value', 'budget', 'verdict']),
  line(widths.map((w) => '-'.repeat(w))),
  ...rows.map((r) => line([r.figure, r.value, r.budget, r.verdict])),
].join('\n');
console.log(table);
const failed = rows.filter((r) => r.verdict === 'FAIL').length;
console.log(`\n${rows.filter((r) => r.verdict === 'pass').length} budgets met, ${failed} missed`);
if (flags.includes('--write')) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const entry = `\n## ${new Date().toISOString().slice(0, 10)} · ${machine}\n\n${table}\n`;
  const path = new URL('../../BENCHMARKS.md', import.meta.url);
  const head = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\nMeasured with `scripts/bench --write`; newest last.\n';
  writeFileSync(path, head + entry);
}
