// End-to-end tests of the checklist against the release build: progress survives a reload,
// answers rule items out with the reason shown, storage trouble is reported and never stops
// the app, two tabs stay in step, reset can be undone, export and import round-trip, bad
// files and links are refused, and the print view shows what was checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, appReady, GUIDE, text } from './helpers.mjs';

const KEY = `jimei.progress/${GUIDE.id}`;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const sections = (role) => GUIDE.sections.filter((s) => s.role === role);
const items = (role) => sections(role).flatMap((s) => s.items);
const enterprise = items('enterprise');
const always = enterprise.filter((i) => !i.applies_when);
const canteenItem = enterprise.find((i) => JSON.stringify(i.applies_when ?? {}).includes('"canteen"'));
const canteen = GUIDE.questions.find((q) => q.id === 'canteen');
const canteenNo = canteen.answers.find((a) => a.id === 'no');

/**
 * A fresh page like helpers' `openPage`, but with service workers blocked: the worker's first
 * activation reloads the page, which would race with the reloads these tests make on purpose.
 */
async function openPage(env, { viewport = { width: 390, height: 844 }, locale = 'zh-CN' } = {}) {
  const context = await env.browser.newContext({ viewport, locale, serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  watch(page);
  return page;
}

/** Collects console errors and uncaught errors into `page.errors`. */
function watch(page) {
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
}

/** The checkbox of an item, found by its label (the item's title). */
function box(page, item, lang = 'zh-Hans') {
  return page.getByRole('checkbox', { name: text(item.title, lang), exact: true });
}

/** The item's row. */
function row(page, item) {
  return page.locator(`li[data-item="${item.id}"]`);
}

async function openChecklist(page, query = '') {
  await page.goto(env.base + '/checklist' + query);
  await appReady(page);
  await page.getByTestId('status-panel').waitFor();
}

/** What is stored under our key, parsed. */
async function stored(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), KEY);
  return raw === null ? null : JSON.parse(raw);
}

test('checks, answers, a not-applicable mark, a note and the name survive a reload', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  const total = always.length + enterprise.filter((i) => i.applies_when).length;
  await page.getByTestId('status-panel').getByText(`已完成 0/${total} 项`).waitFor();

  await box(page, always[0]).check();
  await box(page, always[1]).check();
  await page.getByTestId('status-panel').getByText(`已完成 2/${total} 项`).waitFor();
  assert.equal(await row(page, always[0]).getByTestId('item-state').textContent(), '已完成');

  // Answering "no canteen" rules the canteen items out, with the reason in words.
  await page.getByRole('group', { name: text(canteen.text) }).getByLabel(text(canteenNo.label)).check();
  const reason = `不适用：${text(canteen.text)} — ${text(canteenNo.label)}`;
  await row(page, canteenItem).getByTestId('item-state').getByText(reason).waitFor();
  assert.equal(await box(page, canteenItem).isDisabled(), true);

  // Not applicable by hand, with a short reason.
  const handItem = always[2];
  await row(page, handItem).getByRole('button', { name: '标为不适用' }).click();
  await row(page, handItem).getByLabel('不适用的原因（简短）').fill('本厂无此岗位');
  await row(page, handItem).getByRole('button', { name: '确定' }).click();
  await row(page, handItem).getByText('不适用：本厂无此岗位').waitFor();

  // A note and the enterprise name.
  await row(page, always[0]).getByText('备注').click();
  await row(page, always[0]).getByRole('textbox').fill('林工负责');
  await page.getByLabel('企业名称').fill('集美食品有限公司');

  const saved = await stored(page);
  assert.equal(saved.schema, 1);
  assert.equal(saved.guide_id, GUIDE.id);
  assert.equal(saved.progress.items[always[0].id].note.value, '林工负责');

  await page.reload();
  await appReady(page);
  assert.equal(await box(page, always[0]).isChecked(), true);
  assert.equal(await box(page, always[1]).isChecked(), true);
  assert.equal(await box(page, always[3]).isChecked(), false);
  await row(page, handItem).getByText('不适用：本厂无此岗位').waitFor();
  await row(page, canteenItem).getByTestId('item-state').getByText(reason).waitFor();
  assert.equal(await row(page, always[0]).getByRole('textbox').inputValue(), '林工负责');
  assert.equal(await page.getByLabel('企业名称').inputValue(), '集美食品有限公司');

  // Taking the mark back makes the item count again.
  await row(page, handItem).getByRole('button', { name: '改回适用' }).click();
  await row(page, handItem).getByTestId('item-state').getByText('未开始').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the role is saved: /checklist opens the last role chosen', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=employee');
  const employeeItem = items('employee').find((i) => !i.applies_when);
  await box(page, employeeItem).check();
  await page.goto(env.base + '/checklist');
  await appReady(page);
  await page.getByRole('heading', { name: text(sections('employee')[0].title) }).waitFor();
  assert.equal(await box(page, employeeItem).isChecked(), true);
  assert.equal((await stored(page)).progress.role.value, 'employee');
  // The switch changes the address and the saved role.
  await page.getByRole('navigation', { name: '选择身份' }).getByRole('link', { name: '企业' }).click();
  await page.getByRole('heading', { name: text(sections('enterprise')[0].title) }).waitFor();
  assert.equal(new URL(page.url()).search, '?role=enterprise');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).progress.role.value === 'enterprise', KEY);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the verdict lists everything missing, and says ready when all required items are done', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=employee');
  const question = GUIDE.questions.find((q) => q.role === 'employee');
  const answer = question.answers.find((a) => a.id === 'stayed_xiamen');
  await page.getByRole('group', { name: text(question.text) }).getByLabel(text(answer.label)).check();
  const answers = { [question.id]: answer.id };
  const applies = (cond) => {
    if (!cond) return true;
    if (cond.is) return answers[cond.is.question] === cond.is.answer;
    if (cond.any) return cond.any.some(applies);
    if (cond.all) return cond.all.every(applies);
    if (cond.not) return !applies(cond.not);
    return true;
  };
  const required = items('employee').filter((i) => i.required && applies(i.applies_when));
  const verdict = page.getByTestId('verdict');
  await verdict.getByText(`还有 ${required.length} 项必做项未完成`).waitFor();
  const missing = page.getByTestId('missing');
  for (const item of required) {
    await missing.getByRole('link', { name: text(item.title), exact: true }).waitFor();
  }
  for (const item of required) await box(page, item).check();
  await verdict.getByText('可以复工').waitFor();
  await missing.getByText('无。所有适用的必做项都已完成。').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('reset asks first, and one step of undo brings everything back', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await box(page, always[0]).check();
  await box(page, always[1]).check();
  await page.getByRole('button', { name: '重置本清单' }).click();
  const confirm = page.getByTestId('reset-confirm');
  await confirm.waitFor();
  // Cancel leaves everything as it was.
  await confirm.getByRole('button', { name: '取消' }).click();
  assert.equal(await box(page, always[0]).isChecked(), true);
  await page.getByRole('button', { name: '重置本清单' }).click();
  // The confirmation takes focus, so Enter confirms from the keyboard.
  await page.keyboard.press('Enter');
  await page.getByText('清单已重置。').waitFor();
  assert.equal(await box(page, always[0]).isChecked(), false);
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByText('已恢复重置前的内容。').waitFor();
  assert.equal(await box(page, always[0]).isChecked(), true);
  assert.equal(await box(page, always[1]).isChecked(), true);
  await page.reload();
  await appReady(page);
  assert.equal(await box(page, always[1]).isChecked(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a corrupt stored value: a notice, the old value in a backup key, a working app', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  const corrupt = '{"schema": 1, "guide_id": "jimei-resumption", "progress": [broken';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, corrupt]);
  await page.reload();
  await appReady(page);
  const notice = page.getByTestId('notice').filter({ hasText: '之前保存的进度无法读取' });
  await notice.waitFor();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('jimei.progress.backup/'))
      .map((k) => [k, localStorage.getItem(k)]),
  );
  assert.equal(backups.length, 1);
  assert.equal(backups[0][1], corrupt);
  assert.ok((await notice.textContent()).includes(backups[0][0]));
  await box(page, always[0]).check();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).schema === 1, KEY);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('storage that throws: the banner shows and the checklist still works in memory', async () => {
  const page = await openPage(env);
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.getItem = refuse;
    Storage.prototype.setItem = refuse;
  });
  await openChecklist(page);
  await page.getByTestId('notice').filter({ hasText: '此浏览器不允许本应用保存数据' }).waitFor();
  await box(page, always[0]).check();
  assert.equal(await box(page, always[0]).isChecked(), true);
  await row(page, always[0]).getByTestId('item-state').getByText('已完成').waitFor();
  await page.getByTestId('status-panel').getByText(/已完成 1\//).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a write that fails: a banner, and nothing is lost from the page', async () => {
  const page = await openPage(env);
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('jimei.progress/')) {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  await openChecklist(page);
  await box(page, always[0]).check();
  await page.getByTestId('notice').filter({ hasText: '进度未能保存' }).waitFor();
  await box(page, always[1]).check();
  assert.equal(await box(page, always[0]).isChecked(), true);
  assert.equal(await box(page, always[1]).isChecked(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two pages in one browser stay in step and keep edits to different items', async () => {
  const a = await openPage(env);
  await openChecklist(a);
  const b = await a.context().newPage();
  watch(b);
  await openChecklist(b);

  await box(a, always[0]).check();
  // The storage event carries it over within a second.
  await b.waitForFunction((id) => document.getElementById(`check-${id}`)?.checked, always[0].id, { timeout: 1000 });
  // Different items in the two pages at nearly the same time: both are kept.
  await Promise.all([box(a, always[1]).check(), box(b, always[2]).check()]);
  for (const page of [a, b]) {
    await page.waitForFunction(
      (ids) => ids.every((id) => document.getElementById(`check-${id}`)?.checked),
      [always[1].id, always[2].id],
      { timeout: 2000 },
    );
  }
  await b.reload();
  await appReady(b);
  for (const item of always.slice(0, 3)) assert.equal(await box(b, item).isChecked(), true);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context().close();
});
