// The cheap, stable guard for issue 8's size budget: what the home page downloads on a first
// visit, brotli-compressed, stays within 100 KB. The build is deterministic, so unlike the
// timing figures of scripts/bench this cannot flake. It counts what Chromium requests, as the
// benchmark does, so a new file the first screen loads is counted too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { start, openPage } from './helpers.mjs';
import { DIST } from './serve.mjs';

const BUDGET = 100 * 1024;
const MAIN_WASM = /^\/pkg-[0-9a-f]{16}\/jimei_bg\.wasm$/;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('the first visit downloads at most 100 KB brotli, with short import names', async () => {
  const page = await openPage(env);
  // The service worker downloads every file on purpose, for offline use; it is not counted.
  await page.context().route('**/sw.js', (route) => route.abort());
  const requested = new Set();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === env.base && !url.pathname.startsWith('/img/')) {
      requested.add(url.pathname === '/' ? '/index.html' : url.pathname);
    }
  });
  await page.goto(env.base + '/', { waitUntil: 'networkidle' });
  await page.waitForSelector('#shell', { state: 'detached' });
  await page.waitForLoadState('networkidle');
  const files = [...requested].sort();
  const sizes = files.map((path) => [path, brotli(readFileSync(join(DIST, path)))]);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const listing = sizes.map(([path, size]) => `${path} ${(size / 1024).toFixed(1)} KB`).join('\n');
  assert.ok(total <= BUDGET, `${(total / 1024).toFixed(1)} KB:\n${listing}`);
  // What the budget relies on: the main wasm, its glue and the first screen's stylesheet are
  // there; the guide and the pages' stylesheet, which the home page does not show, are not
  // (the service worker downloads them after the page has loaded).
  assert.ok(files.some((f) => MAIN_WASM.test(f)), listing);
  assert.ok(!files.some((f) => f.startsWith('/guide/')), listing);
  assert.ok(!files.some((f) => f.startsWith('/pages-')), listing);
  // The build gave the main wasm's imports from its glue short names (crates/xtask/src/wasm.rs).
  const wasm = new WebAssembly.Module(readFileSync(join(DIST, files.find((f) => MAIN_WASM.test(f)))));
  const imports = WebAssembly.Module.imports(wasm);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  const long = imports.filter((i) => i.name.startsWith('__wbg'));
  assert.deepEqual(long, []);
  assert.deepEqual(page.errors.filter((e) => e !== 'An unknown error occurred when fetching the script.'), []);
  await page.context().close();
});
