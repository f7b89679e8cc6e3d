// End-to-end tests of what the release build adds around the app: the Content-Security-Policy,
// the service worker (offline use and the new-version notice) and the manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage, appReady, GUIDE, builtGuide, text } from './helpers.mjs';
import { DIST } from './serve.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Loads the app and waits until the service worker controls the page. */
async function loadControlled(page, path = '/') {
  await page.goto(env.base + path);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await appReady(page);
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the worker');
}

test('hashed files are served immutable, and the rest is revalidated with a 304', async () => {
  const names = readdirSync(DIST);
  const pkg = names.find((n) => /^pkg-[0-9a-f]+$/.test(n));
  const hashed = [
    `/${pkg}/${readdirSync(join(DIST, pkg)).find((n) => n.endsWith('.wasm'))}`,
    `/${names.find((n) => /^app-[0-9a-f]+\.css$/.test(n))}`,
    `/${names.find((n) => /^pages-[0-9a-f]+\.css$/.test(n))}`,
  ];
  for (const path of hashed) {
    const res = await fetch(env.base + path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
  }
  for (const path of ['/', '/checklist', '/sw.js', '/manifest.webmanifest', '/guide/jimei.zh-Hans.json']) {
    const first = await fetch(env.base + path);
    assert.equal(first.status, 200, path);
    assert.equal(first.headers.get('cache-control'), 'no-cache', path);
    const etag = first.headers.get('etag');
    assert.ok(etag && first.headers.get('last-modified'), `${path} has validators`);
    const again = await fetch(env.base + path, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304, path);
    const since = await fetch(env.base + path, { headers: { 'if-modified-since': first.headers.get('last-modified') } });
    assert.equal(since.status, 304, path);
  }
});

test('the policy is in force: an injected inline script does not run', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/');
  await appReady(page);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /base-uri 'none'/);
  const ran = await page.evaluate(async () => {
    const violation = new Promise((ok) => document.addEventListener('securitypolicyviolation', () => ok(true), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await Promise.race([violation, new Promise((ok) => setTimeout(ok, 1000))]);
    return window.__injected === true;
  });
  assert.equal(ran, false);
  await page.context().close();
});

test('after one visit every route works with the network off, deep links included', async () => {
  const page = await openPage(env);
  await loadControlled(page);
  await page.context().setOffline(true);
  const firstStep = GUIDE.nodes.find((n) => n.kind === 'step');
  const routes = [
    ['/', '阿集小美 · 复工防控指南'],
    ['/flowchart', '复工流程'],
    [`/flowchart/${firstStep.id}`, '复工流程'],
    ['/checklist', '自查清单'],
    ['/about', '关于本指南'],
  ];
  for (const [path, heading] of routes) {
    await page.goto(env.base + path);
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  await page.getByTestId('guide-version').waitFor();
  // Every language's guide file is cached, so the language switch works offline too.
  const section = GUIDE.sections.find((s) => s.role === 'enterprise');
  await page.goto(env.base + '/checklist');
  await appReady(page);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('heading', { level: 2, name: text(section.title, 'en') }).waitFor();
  await page.context().close();
});

test('a new deploy shows a notice, and reloading takes the new version whole', async () => {
  // The "new build": the same files with another guide version and another worker version.
  const next = mkdtempSync(join(tmpdir(), 'jimei-next-'));
  cpSync(DIST, next, { recursive: true });
  for (const tag of GUIDE.languages) {
    const guide = builtGuide(tag);
    guide.version = '9.9.9';
    writeFileSync(join(next, 'guide', `jimei.${tag}.json`), JSON.stringify(guide));
  }
  const worker = readFileSync(join(next, 'sw.js'), 'utf8').replace(/const VERSION = '[^']+'/, "const VERSION = 'next-build'");
  writeFileSync(join(next, 'sw.js'), worker);

  const page = await openPage(env);
  try {
    await loadControlled(page, '/about');
    await page.getByTestId('guide-version').getByText(GUIDE.version).waitFor();
    env.server.root = next;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.getByTestId('update-notice');
    await notice.waitFor();
    // Until the user reloads, the page keeps the old version's files.
    // Waiting starts before the click: on a fast reload the event could come before it.
    const reloaded = page.waitForEvent('load', { timeout: 60000 });
    await notice.getByRole('button', { name: '重新载入' }).click();
    await reloaded;
    await appReady(page);
    await page.getByTestId('guide-version').getByText('9.9.9').waitFor();
  } finally {
    env.server.root = DIST;
    rmSync(next, { recursive: true, force: true });
    await page.context().close();
  }
});

test('the manifest makes the app installable', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/');
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  const manifest = await (await page.request.get(env.base + href)).json();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  assert.ok(manifest.short_name);
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join());
  for (const icon of manifest.icons) {
    const response = await page.request.get(env.base + icon.src);
    assert.equal(response.status(), 200, icon.src);
  }
  assert.ok(text(GUIDE.title));
  await page.context().close();
});

test('a guide that never arrives times out with a clear message, and retry recovers', async () => {
  const page = await openPage(env);
  let hold = true;
  await page.route('**/guide/jimei.*.json', async (route) => {
    if (!hold) return route.continue();
    // Never answer: the app must give up on its own.
    await new Promise(() => {});
  });
  await page.goto(env.base + '/about');
  const alert = page.getByTestId('load-error');
  await alert.waitFor({ timeout: 40_000 });
  await alert.getByText('网络太慢').waitFor();
  hold = false;
  await alert.getByRole('button', { name: '重试' }).click();
  await page.getByTestId('guide-version').waitFor();
  await page.context().close();
});

test('no network and no cache: a clear message, a retry, and saved progress untouched', async () => {
  const page = await openPage(env);
  // Keep the service worker out, so this is a first visit's view of a dead network.
  await page.context().route('**/sw.js', (route) => route.abort());
  await page.goto(env.base + '/checklist?role=enterprise');
  await appReady(page);
  await page.getByLabel('企业名称').fill('离线测试');
  const key = `jimei.progress/${GUIDE.id}`;
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('离线测试'), key);
  const before = await page.evaluate((k) => localStorage.getItem(k), key);

  let dead = true;
  await page.route('**/guide/jimei.*.json', (route) => (dead ? route.abort('internetdisconnected') : route.continue()));
  await page.reload();
  const alert = page.getByTestId('load-error');
  await alert.waitFor();
  await alert.getByText('无法连接网络').waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), before);
  dead = false;
  await alert.getByRole('button', { name: '重试' }).click();
  await page.getByLabel('企业名称').waitFor();
  assert.equal(await page.getByLabel('企业名称').inputValue(), '离线测试');
  await page.context().close();
});
