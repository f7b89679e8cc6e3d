// Hostile input and concurrency: markup typed or imported by a user is shown as text and
// never runs; two pages hammering the same checklist keep every change; no route in any
// language logs an error or a warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, appReady, readStorage, GUIDE, text } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const PAYLOADS = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '"><svg onload="window.__xss=1">'];
const enterpriseItems = GUIDE.sections.filter((s) => s.role === 'enterprise').flatMap((s) => s.items);
const unconditional = enterpriseItems.filter((i) => !i.applies_when);

/** The list item of one checklist item, found through its checkbox's accessible name. */
function checkbox(page, item) {
  return page.getByRole('checkbox', { name: text(item.title), exact: true });
}

/** Watches for anything a payload could do: a dialog, or the marker it sets. */
function trap(page) {
  page.dialogs = [];
  page.on('dialog', async (dialog) => {
    page.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
}

test('markup in notes and the enterprise name is shown literally and never runs', async () => {
  const page = await openPage(env);
  trap(page);
  await page.goto(env.base + '/checklist?role=enterprise');
  await appReady(page);
  const payload = PAYLOADS.join(' ');
  await page.getByLabel('企业名称').fill(payload);
  const row = page.getByRole('listitem').filter({ has: checkbox(page, unconditional[0]) });
  await row.getByText('备注').click();
  await row.getByRole('textbox').fill(payload);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByLabel('企业名称').inputValue(), payload);
  // The report prints both as text.
  await page.goto(env.base + '/report');
  await appReady(page);
  await page.getByText(PAYLOADS[0], { exact: false }).first().waitFor();
  assert.equal(await page.locator('main img[src="x"]').count(), 0);
  assert.equal(await page.locator('main svg[onload]').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('markup in an imported file is shown literally and never runs', async () => {
  const page = await openPage(env);
  trap(page);
  await page.goto(env.base + '/checklist?role=enterprise');
  await appReady(page);
  // Make a real export, then poison its text fields.
  await page.getByLabel('企业名称').fill('原名');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出进度文件' }).click();
  const file = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  file.progress.enterprise_name.value = PAYLOADS[0];
  file.progress.enterprise_name.at += 1000;
  await page.getByTestId('import-file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByTestId('import-confirm').getByRole('button', { name: '替换' }).click();
  await page.getByText('已导入进度文件。').waitFor();
  assert.equal(await page.getByLabel('企业名称').inputValue(), PAYLOADS[0]);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(page.dialogs, []);
  await page.context().close();
});

test('two pages toggling different items 200 times each, interleaved, keep all 400 changes', { timeout: 240_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const page of [a, b]) {
    await page.goto(env.base + '/checklist?role=enterprise');
    await appReady(page);
  }
  const itemsA = unconditional.slice(0, 7);
  const itemsB = unconditional.slice(7, 14);
  const expected = new Map();
  for (let round = 0; round < 200; round++) {
    for (const [page, items] of [[a, itemsA], [b, itemsB]]) {
      const item = items[round % items.length];
      // Headless Chromium runs animation frames only in the front page, and a click waits
      // for one; a person switching tabs does the same.
      await page.bringToFront();
      await checkbox(page, item).click({ timeout: 10_000 });
      expected.set(item.id, !(expected.get(item.id) ?? false));
    }
  }
  // Give the last storage events a moment to cross between the pages.
  await a.waitForTimeout(500);
  for (const page of [a, b]) {
    for (const item of [...itemsA, ...itemsB]) {
      assert.equal(await checkbox(page, item).isChecked(), expected.get(item.id), `${item.id} on a page`);
    }
  }
  const stored = JSON.parse(await readStorage(a, `jimei.progress/${GUIDE.id}`));
  for (const item of [...itemsA, ...itemsB]) {
    const done = stored.progress.items[item.id]?.mark?.value?.state === 'done';
    assert.equal(done, expected.get(item.id), `${item.id} in storage`);
  }
  await context.close();
});

test('no route in any language logs an error or a warning', async () => {
  const firstStep = GUIDE.nodes.find((n) => n.kind === 'step');
  const routes = ['/', '/flowchart', `/flowchart/${firstStep.id}`, '/checklist', '/checklist?role=employee', '/report', '/about'];
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    const page = await openPage(env);
    const warnings = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    await page.addInitScript((tag) => localStorage.setItem('jimei.language', tag), lang);
    for (const route of routes) {
      await page.goto(env.base + route);
      await appReady(page);
      await page.waitForTimeout(300);
    }
    assert.deepEqual(page.errors, [], lang);
    assert.deepEqual(warnings, [], lang);
    await page.context().close();
  }
});
