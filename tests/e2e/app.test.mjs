// End-to-end tests of the release build: every route renders its content, navigation and deep
// links work, the language switch works, a broken guide gives a clear error, and no console
// error appears anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, appReady, holdWasm, GUIDE, builtGuide, text } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const firstStep = GUIDE.nodes.find((n) => n.kind === 'step');
const enterpriseSection = GUIDE.sections.find((s) => s.role === 'enterprise');
const employeeSection = GUIDE.sections.find((s) => s.role === 'employee');

// Each route, what its main heading says, and a piece of guide content it must show.
const ROUTES = [
  { path: '/', heading: '阿集小美 · 复工防控指南', content: '我是员工' },
  { path: '/flowchart', heading: '复工流程', content: text(firstStep.title) },
  { path: `/flowchart/${firstStep.id}`, heading: '复工流程', content: text(firstStep.body) },
  { path: '/checklist', heading: '自查清单', content: text(enterpriseSection.title) },
  { path: '/checklist?role=employee', heading: '自查清单', content: text(employeeSection.title) },
  { path: '/about', heading: '关于本指南', content: GUIDE.version },
  { path: '/no/such/page', heading: '找不到这个页面', content: '返回首页' },
];

for (const route of ROUTES) {
  test(`route ${route.path} renders its content without console errors`, async () => {
    const page = await openPage(env);
    await page.goto(env.base + route.path);
    await appReady(page);
    await assert.doesNotReject(
      page.getByRole('heading', { level: 1, name: route.heading }).waitFor(),
    );
    await page.getByText(route.content, { exact: false }).first().waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the static shell shows before the app and is replaced by it', async () => {
  const page = await openPage(env);
  const release = await holdWasm(page);
  await page.goto(env.base + '/');
  await page.locator('#shell').getByRole('heading', { level: 1 }).waitFor();
  release();
  await appReady(page);
  assert.equal(await page.locator('#shell').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the shell speaks the language the app will start in, and keeps its place when the app takes over', async () => {
  for (const [locale, saved, lang, heading] of [
    ['en-US', null, 'en', 'A-Ji & Xiao-Mei · Back-to-Work Guide'],
    ['zh-TW', null, 'zh-Hant', '阿集小美 · 復工防控指南'],
    ['en-US', 'zh-Hans', 'zh-Hans', '阿集小美 · 复工防控指南'],
  ]) {
    const page = await openPage(env, { locale });
    if (saved) await page.addInitScript((tag) => localStorage.setItem('jimei.language', tag), saved);
    const release = await holdWasm(page);
    await page.goto(env.base + '/');
    const shellHeading = page.locator('#shell').getByRole('heading', { level: 1 });
    assert.equal(await shellHeading.textContent(), heading);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    // Its ways in are plain links, usable before the app starts.
    const wayIn = page.locator('#shell .ways-in a').first();
    assert.equal(await wayIn.getAttribute('href'), '/checklist?role=enterprise');
    const before = await shellHeading.boundingBox();
    release();
    await appReady(page);
    const appHeading = page.getByRole('heading', { level: 1 });
    assert.equal(await appHeading.textContent(), heading);
    const after = await appHeading.boundingBox();
    assert.ok(Math.abs(after.y - before.y) < 1 && Math.abs(after.x - before.x) < 1, `heading moved from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('the language can be switched in the shell, and the app starts in that choice', async () => {
  const page = await openPage(env);
  const release = await holdWasm(page);
  await page.goto(env.base + '/');
  await page.locator('#shell').getByLabel('语言').selectOption('en');
  assert.equal(await page.locator('#shell').getByRole('heading', { level: 1 }).textContent(), 'A-Ji & Xiao-Mei · Back-to-Work Guide');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  release();
  await appReady(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'A-Ji & Xiao-Mei · Back-to-Work Guide');
  assert.equal(await page.getByTestId('language').inputValue(), 'en');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('navigation links move between the pages', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/');
  await appReady(page);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '流程图' }).click();
  await page.getByTestId('flowchart').waitFor();
  assert.equal(new URL(page.url()).pathname, '/flowchart');
  await nav.getByRole('link', { name: '自查清单' }).click();
  await page.getByRole('heading', { level: 1, name: '自查清单' }).waitFor();
  await page.getByRole('link', { name: '员工', exact: true }).click();
  await page.getByRole('heading', { name: text(employeeSection.title) }).waitFor();
  await nav.getByRole('link', { name: '关于' }).click();
  await page.getByTestId('guide-version').waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: text(employeeSection.title) }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a step in the list opens its detail at its own address', async () => {
  const page = await openPage(env);
  // The step list is the flowchart page's second view, one click from the chart.
  await page.goto(env.base + '/flowchart?view=list');
  await appReady(page);
  await page.getByTestId('step-list').getByRole('link', { name: text(firstStep.title), exact: true }).first().click();
  await page.getByTestId('node-detail').getByRole('heading', { name: text(firstStep.title) }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/flowchart/${firstStep.id}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the language switch changes the interface and the guide, and is remembered', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/flowchart');
  await appReady(page);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'The resumption process' }).waitFor();
  await page.getByText(text(firstStep.title, 'en')).first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'The resumption process' }).waitFor();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hant');
  await page.getByRole('heading', { level: 1, name: '復工流程' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each page has its own title in the reader\'s language', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/checklist');
  await appReady(page);
  await page.waitForFunction(() => document.title.startsWith('自查清单 · '));
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.waitForFunction(() => document.title === 'Checklist · A-Ji & Xiao-Mei · Back-to-Work Guide');
  // A link within the app renames the tab too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.waitForFunction(() => document.title.startsWith('About · '));
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hant');
  await page.waitForFunction(() => document.title === '關於 · 阿集小美 · 復工防控指南');
  await page.goto(env.base + '/no-such-page');
  await appReady(page);
  await page.waitForFunction(() => document.title.startsWith('找不到這個頁面 · '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the build ships the guide once per language, each with only its own texts', async () => {
  const tags = GUIDE.languages;
  const isText = (v) => v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
    && Object.keys(v).every((k) => tags.includes(k));
  // Walks the source and the built file together: texts keep their own language only, and
  // everything else (ids, structure, conditions) is the same.
  const check = (source, built, tag, path) => {
    if (isText(source)) {
      assert.deepEqual(built, { [tag]: source[tag] }, path);
    } else if (Array.isArray(source)) {
      assert.equal(built.length, source.length, path);
      source.forEach((v, i) => check(v, built[i], tag, `${path}[${i}]`));
    } else if (source && typeof source === 'object') {
      assert.deepEqual(Object.keys(built).sort(), Object.keys(source).sort(), path);
      for (const key of Object.keys(source)) if (key !== 'languages') check(source[key], built[key], tag, `${path}.${key}`);
    } else {
      assert.equal(built, source, path);
    }
  };
  for (const tag of tags) {
    const built = builtGuide(tag);
    assert.deepEqual(built.languages, [tag]);
    check(GUIDE, built, tag, tag);
  }
});

test('a visitor downloads the guide in their language only, and a switch fetches the next', async () => {
  const page = await openPage(env, { locale: 'en-US' });
  const fetched = [];
  page.on('request', (r) => {
    const m = r.url().match(/\/guide\/jimei\.([^/]+)\.json$/);
    if (m) fetched.push(m[1]);
  });
  await page.goto(env.base + '/checklist');
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'en') }).waitFor();
  assert.deepEqual([...new Set(fetched)], ['en']);
  // Progress made in one language stays through the switch.
  await page.getByLabel(/Enterprise name/).fill('Lights On Ltd');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hant');
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'zh-Hant') }).waitFor();
  assert.deepEqual([...new Set(fetched)], ['en', 'zh-Hant']);
  assert.equal(await page.getByLabel(/企業名稱/).inputValue(), 'Lights On Ltd');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a guide language that cannot be fetched keeps the guide shown and says why', async () => {
  const page = await openPage(env);
  // Keep the service worker out: its cache would answer for the network.
  await page.context().route('**/sw.js', (route) => route.abort());
  await page.route('**/guide/jimei.en.json', (route) => route.abort('internetdisconnected'));
  await page.goto(env.base + '/checklist');
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'zh-Hans') }).waitFor();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const notice = page.getByTestId('notice').filter({ hasText: 'could not be loaded in this language' });
  await notice.waitFor();
  // The interface is in English; the guide stays in Chinese rather than disappearing, marked
  // as Chinese so a screen reader reads it in the right voice.
  await page.getByRole('heading', { level: 1, name: 'Self-check checklist' }).waitFor();
  const heading = page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'zh-Hans') });
  await heading.waitFor();
  assert.equal(await heading.evaluate((h) => h.closest('[lang]').getAttribute('lang')), 'zh-Hans');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // Once the file can be had, the next switch brings it and the banner goes.
  await page.unroute('**/guide/jimei.en.json');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hant');
  await page.getByRole('combobox', { name: '語言' }).selectOption('en');
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'en') }).waitFor();
  assert.equal(await notice.count(), 0);
  await page.context().close();
});

test('switching back before the other language arrives keeps the guide shown', async () => {
  const page = await openPage(env);
  await page.context().route('**/sw.js', (route) => route.abort());
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/guide/jimei.en.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.base + '/checklist');
  await appReady(page);
  const chinese = page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'zh-Hans') });
  await chinese.waitFor();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hans');
  release();
  await page.waitForResponse('**/guide/jimei.en.json');
  await page.waitForTimeout(300);
  // The late English file is dropped: the guide stays Chinese, as the interface is.
  await chinese.waitFor();
  assert.equal(await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'en') }).count(), 0);
  assert.equal(await page.getByTestId('notice').count(), 0);
  await page.context().close();
});

test('the first visit follows the browser language', async () => {
  const page = await openPage(env, { locale: 'en-US' });
  await page.goto(env.base + '/about');
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'About this guide' }).waitFor();
  await page.context().close();
});

// A broken guide file, what the error must say, and the reply that breaks it.
const BROKEN = [
  {
    name: 'a server error',
    expect: 'HTTP 500',
    fulfil: { status: 500, body: 'boom' },
  },
  {
    name: 'malformed JSON',
    expect: '指南文件格式有误',
    fulfil: { status: 200, contentType: 'application/json', body: '{"id": "jimei", ' },
  },
  {
    name: 'an edge to a missing node',
    expect: 'n99',
    fulfil: () => {
      const broken = structuredClone(GUIDE);
      broken.edges.push({ id: 'e-broken', from: GUIDE.nodes[0].id, to: 'n99' });
      return { status: 200, contentType: 'application/json', body: JSON.stringify(broken) };
    },
  },
];

for (const broken of BROKEN) {
  test(`a guide with ${broken.name} shows a clear error and retry recovers`, async () => {
    const page = await openPage(env);
    let failing = true;
    await page.route('**/guide/jimei.*.json', (route) => {
      if (!failing) return route.continue();
      const reply = typeof broken.fulfil === 'function' ? broken.fulfil() : broken.fulfil;
      return route.fulfill(reply);
    });
    await page.goto(env.base + '/checklist');
    const alert = page.getByTestId('load-error');
    await alert.waitFor();
    await alert.getByText(broken.expect).first().waitFor();
    failing = false;
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { name: text(enterpriseSection.title) }).waitFor();
    await page.context().close();
  });
}

// The release build cuts the wasm into parts (ARCHITECTURE.md, "Split wasm"), in a directory
// named after its contents. Parts a page needs are named split_<page>.wasm; parts pages share,
// chunk_<n>.wasm.
const PART = /^\/pkg-[0-9a-f]{16}\/(split_[a-z]+|chunk_\d+)\.wasm$/;

test('the home page downloads no page code; each page fetches its own parts as it opens', async () => {
  const page = await openPage(env);
  // Keep the service worker out: it fetches every file on purpose, to work offline.
  await page.context().route('**/sw.js', (route) => route.abort());
  const parts = [];
  const sheets = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const m = path.match(PART);
    if (m) parts.push(m[1]);
    if (path.endsWith('.css')) sheets.push(path);
  });
  await page.goto(env.base + '/', { waitUntil: 'networkidle' });
  await page.waitForSelector('#shell', { state: 'detached' });
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 1, name: '阿集小美 · 复工防控指南' }).waitFor();
  assert.deepEqual(parts, []);
  // Only the first screen's stylesheet: the pages' own comes with the first of them.
  assert.equal(sheets.length, 1, sheets.join());
  assert.match(sheets[0], /^\/app-[0-9a-f]{16}\.css$/);
  await page.getByRole('link', { name: '我是员工' }).click();
  await page.getByRole('heading', { level: 2, name: text(employeeSection.title) }).waitFor();
  assert.equal(sheets.length, 2, sheets.join());
  assert.match(sheets[1], /^\/pages-[0-9a-f]{16}\.css$/);
  // The checklist is drawn with its own rules (its progress line is a flex row).
  const pagesRule = await page.evaluate(() => getComputedStyle(document.querySelector('.progress-line')).display);
  assert.equal(pagesRule, 'flex', 'the checklist has its stylesheet');
  // The checklist's own part and the guide's (its parser and the progress store) came, and
  // no other page's.
  assert.ok(parts.includes('split_checklist'), parts.join());
  assert.ok(parts.includes('split_guide'), parts.join());
  assert.ok(!parts.some((p) => p.startsWith('split_') && !['split_checklist', 'split_guide'].includes(p)), parts.join());
  await page.getByRole('link', { name: '流程图' }).first().click();
  await page.getByRole('heading', { level: 1, name: '复工流程' }).waitFor();
  assert.ok(parts.includes('split_flowchart'), parts.join());
  assert.equal(sheets.length, 2, 'the pages\' stylesheet is fetched once');
  // Each part is fetched once.
  assert.equal(new Set(parts).size, parts.length, parts.join());
  // The one error expected is the aborted service worker script's.
  assert.deepEqual(page.errors.filter((e) => e !== 'An unknown error occurred when fetching the script.'), []);
  await page.context().close();
});

test('a page whose code cannot be fetched says so, and a retry loads it', async () => {
  const page = await openPage(env);
  await page.context().route('**/sw.js', (route) => route.abort());
  const blocked = /\/split_checklist\.wasm$/;
  await page.route(blocked, (route) => route.abort('internetdisconnected'));
  await page.goto(env.base + '/checklist');
  await page.waitForSelector('#shell', { state: 'detached' });
  const error = page.getByRole('alert').filter({ hasText: '此页面未能载入' });
  await error.waitFor();
  assert.ok((await error.textContent()).includes('请检查网络后重试'));
  // The header and its navigation still work while the page is missing.
  assert.equal(await page.getByRole('link', { name: '关于' }).count(), 1);
  await page.unroute(blocked);
  await error.getByRole('button', { name: '重试' }).click();
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title) }).waitFor();
  assert.equal(await error.count(), 0);
  await page.context().close();
});

test('a page whose code is gone after a deploy says a new version is out, and reloading loads it', async () => {
  const page = await openPage(env);
  await page.context().route('**/sw.js', (route) => route.abort());
  // As if the build this tab runs had been replaced: the server no longer has the part.
  const gone = /\/split_checklist\.wasm$/;
  await page.route(gone, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(env.base + '/checklist');
  await page.waitForSelector('#shell', { state: 'detached' });
  const notice = page.getByRole('alert').filter({ hasText: '本指南已有新版本' });
  await notice.waitFor();
  assert.ok((await notice.textContent()).includes('请重新载入页面'));
  assert.equal(await notice.getByRole('button', { name: '重试' }).count(), 0);
  await page.unroute(gone);
  const reloaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: '重新载入' }).click();
  await reloaded;
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title) }).waitFor();
  assert.equal(await notice.count(), 0);
  await page.context().close();
});

test('a pages\' stylesheet that cannot be fetched keeps the guide back, and a retry shows it styled', async () => {
  const page = await openPage(env);
  await page.context().route('**/sw.js', (route) => route.abort());
  const blocked = /\/pages-[0-9a-f]{16}\.css$/;
  await page.route(blocked, (route) => route.abort('internetdisconnected'));
  await page.goto(env.base + '/checklist?role=employee');
  await page.waitForSelector('#shell', { state: 'detached' });
  const error = page.getByTestId('load-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.ok((await error.textContent()).includes('指南未能载入'), await error.textContent());
  // The page is not shown without its layout.
  assert.equal(await page.getByRole('heading', { level: 2, name: text(employeeSection.title) }).count(), 0);
  await page.unroute(blocked);
  await error.getByRole('button', { name: '重试' }).click();
  await page.getByRole('heading', { level: 2, name: text(employeeSection.title) }).waitFor();
  const display = await page.evaluate(() => getComputedStyle(document.querySelector('.progress-line')).display);
  assert.equal(display, 'flex', 'the retry loaded the stylesheet');
  await page.context().close();
});

test('a language switch that finds a newer guide keeps the guide shown and asks for a reload', async () => {
  const page = await openPage(env);
  await page.context().route('**/sw.js', (route) => route.abort());
  // As if a new version had been deployed since the page opened.
  const newer = { ...builtGuide('en'), version: '2099-01-01' };
  await page.route('**/guide/jimei.en.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(newer) }));
  await page.goto(env.base + '/checklist');
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'zh-Hans') }).waitFor();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const notice = page.getByTestId('notice').filter({ hasText: 'A new version of the guide has been published' });
  await notice.waitFor();
  assert.ok((await notice.textContent()).includes('2099-01-01'));
  await page.getByRole('heading', { level: 1, name: 'Self-check checklist' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2, name: text(enterpriseSection.title, 'zh-Hans') }).count(), 1);
  assert.deepEqual(page.errors.filter((e) => e !== 'An unknown error occurred when fetching the script.'), []);
  await page.context().close();
});

test('a deep link fetches its page\'s parts alongside the main wasm, each once', async () => {
  const page = await openPage(env);
  await page.context().route('**/sw.js', (route) => route.abort());
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(env.base + '/checklist?role=employee');
  await appReady(page);
  await page.getByRole('heading', { level: 2, name: text(employeeSection.title) }).waitFor();
  const parts = requests.filter((p) => PART.test(p));
  assert.ok(parts.some((p) => p.endsWith('/split_checklist.wasm')), parts.join());
  assert.equal(new Set(parts).size, parts.length, parts.join());
  // Requested by the loader's preloads, before the main JS, not after the main wasm ran.
  const mainJs = requests.findIndex((p) => /^\/pkg-[0-9a-f]{16}\/jimei\.js$/.test(p));
  const own = requests.findIndex((p) => p.endsWith('/split_checklist.wasm'));
  assert.ok(mainJs > 0 && own >= 0 && own < mainJs, requests.join('\n'));
  // The pages' stylesheet too, once.
  const sheet = requests.filter((p) => /^\/pages-[0-9a-f]{16}\.css$/.test(p));
  assert.equal(sheet.length, 1, requests.join('\n'));
  assert.ok(requests.indexOf(sheet[0]) < mainJs, requests.join('\n'));
  assert.deepEqual(page.errors.filter((e) => e !== 'An unknown error occurred when fetching the script.'), []);
  await page.context().close();
});

test('links move between pages without a reload, mark the current page, and back returns', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/');
  await page.waitForSelector('#shell', { state: 'detached' });
  // A marker that a page load would wipe.
  await page.evaluate(() => (window.__sameDocument = true));
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '关于' }).click();
  await page.getByRole('heading', { level: 1, name: '关于本指南' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/about');
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await nav.getByRole('link', { name: '关于' }).getAttribute('aria-current'), 'page');
  assert.equal(await nav.getByRole('link', { name: '流程图' }).getAttribute('aria-current'), null);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: '阿集小美 · 复工防控指南' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: '关于' }).getAttribute('aria-current'), null);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  // The skip link stays the browser's: the address gains its fragment, the page stays.
  await page.getByRole('link', { name: '跳到正文' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main$/);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: '阿集小美 · 复工防控指南' }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
