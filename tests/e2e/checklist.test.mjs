// End-to-end tests of the checklist against the release build: progress survives a reload,
// answers rule items out with the reason shown, storage trouble is reported and never stops
// the app, two tabs stay in step, reset can be undone, export and import round-trip, bad
// files and links are refused, and the print view shows what was checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, appReady, readStorage, GUIDE, text } from './helpers.mjs';

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
// What the verdict decides on (issue 19 §2): required items done before reopening, or before
// travelling and on arrival; routines and observation never block.
const BLOCKING_PHASES = ['before_reopening', 'before_travel', 'on_arrival'];
const blocks = (i) => i.required && (!i.phase || BLOCKING_PHASES.includes(i.phase));

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
  const raw = await readStorage(page, KEY);
  return raw === null ? null : JSON.parse(raw);
}

test('a change made just before leaving the page is saved', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  // The save waits for the next frame; leaving at once must not lose the change. The click
  // and the navigation run in one script, so no frame comes between them.
  await box(page, always[0]).evaluate((input, url) => {
    input.click();
    location.href = url;
  }, env.base + '/about');
  await page.waitForURL('**/about');
  await appReady(page);
  const saved = await stored(page);
  assert.equal(saved?.progress?.items?.[always[0].id]?.mark?.value?.state, 'done');
  await page.context().close();
});

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
  const reason = `不适用：${text(canteenNo.label)}（你的回答）`;
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

test('the verdict lists everything missing, and says ready when all blocking items are done', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=employee');
  const question = GUIDE.questions.find((q) => q.role === 'employee');
  const answer = question.answers.find((a) => a.id === 'stayed_xiamen');
  await page.getByRole('group', { name: text(question.text) }).getByLabel(text(answer.label)).check();
  const answers = { [question.id]: answer.id };
  const applies = (cond) => {
    if (!cond) return true;
    // An unanswered question leaves the item applying, as in the app.
    if (cond.is) return !(cond.is.question in answers) || answers[cond.is.question] === cond.is.answer;
    if (cond.any) return cond.any.some(applies);
    if (cond.all) return cond.all.every(applies);
    if (cond.not) return !applies(cond.not);
    return true;
  };
  const required = items('employee').filter((i) => blocks(i) && applies(i.applies_when));
  assert.ok(required.length > 0);
  const verdict = page.getByTestId('verdict');
  await verdict.getByText(`还有 ${required.length} 项须事先完成的必做项未完成`).waitFor();
  const missing = page.getByTestId('missing');
  for (const item of required) {
    await missing.getByRole('link', { name: text(item.title), exact: true }).waitFor();
  }
  // Only those: items that do not apply, optional ones and done ones are not listed.
  assert.equal(await missing.getByRole('link').count(), required.length);
  await box(page, required[0]).check();
  await missing.getByRole('link', { name: text(required[0].title), exact: true }).waitFor({ state: 'hidden' });
  assert.equal(await missing.getByRole('link').count(), required.length - 1);
  await verdict.getByText(`还有 ${required.length - 1} 项须事先完成的必做项未完成`).waitFor();
  for (const item of required.slice(1)) await box(page, item).check();
  await verdict.getByText('可以复工').waitFor();
  await missing.getByText('无。须事先完成的必做项都已完成。').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the enterprise verdict turns green once every setup item is ticked, routines open', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=enterprise');
  const setup = enterprise.filter(blocks);
  const routines = enterprise.filter((i) => i.required && !blocks(i));
  assert.ok(routines.length > 0);
  const verdict = page.getByTestId('verdict');
  await verdict.getByText(`还有 ${setup.length} 项须事先完成的必做项未完成`).waitFor();
  for (const item of setup) await box(page, item).check();
  await verdict.getByText('可以复工').waitFor();
  assert.match(await verdict.getAttribute('class'), /\bready\b/);
  // The routines were never ticked, and are labelled as the ledger's.
  for (const item of routines) assert.equal(await box(page, item).isChecked(), false);
  await row(page, routines[0]).getByText('每天做，记在台账里').waitFor();
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

test('the one undo of a reset survives a reload, and is gone once used', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await box(page, always[0]).check();
  await page.getByRole('button', { name: '重置本清单' }).click();
  await page.keyboard.press('Enter');
  await page.getByText('清单已重置。').waitFor();
  assert.equal(await box(page, always[0]).isChecked(), false);
  await page.reload();
  await appReady(page);
  assert.equal(await box(page, always[0]).isChecked(), false);
  await page.getByRole('button', { name: '撤销' }).click();
  await page.getByText('已恢复重置前的内容。').waitFor();
  assert.equal(await box(page, always[0]).isChecked(), true);
  await page.reload();
  await appReady(page);
  assert.equal(await box(page, always[0]).isChecked(), true);
  assert.equal(await page.getByRole('button', { name: '撤销' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a reset in one page offers its undo in the other, and an undo used there is gone here', async () => {
  const a = await openPage(env);
  await openChecklist(a);
  const b = await a.context().newPage();
  watch(b);
  await openChecklist(b);
  await box(a, always[0]).check();
  await b.waitForFunction((id) => document.getElementById(`check-${id}`)?.checked, always[0].id);
  await a.getByRole('button', { name: '重置本清单' }).click();
  await a.keyboard.press('Enter');
  await a.getByText('清单已重置。').waitFor();
  await b.getByRole('button', { name: '撤销' }).waitFor();
  await b.getByRole('button', { name: '撤销' }).click();
  await b.getByText('已恢复重置前的内容。').waitFor();
  await a.waitForFunction((id) => document.getElementById(`check-${id}`)?.checked, always[0].id);
  await a.waitForFunction(() => ![...document.querySelectorAll('button')].some((b) => b.textContent.trim() === '撤销'));
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context().close();
});

test('a reset can still be undone after a language switch redraws the page', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await box(page, always[0]).check();
  await page.getByRole('button', { name: '重置本清单' }).click();
  await page.keyboard.press('Enter');
  await page.getByText('清单已重置。').waitFor();
  // The English guide file arrives and the page is drawn again with it.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await box(page, always[0], 'en').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await box(page, always[0], 'en').isChecked(), true);
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
  // The copy is in the list of saved copies, to download, never to restore.
  const panel = page.getByTestId('saved-copies');
  await panel.getByText('已保存的副本').click();
  const copy = panel.getByTestId('backup');
  await copy.getByText('这份副本无法读取，只能下载').waitFor();
  assert.equal(await copy.getByRole('button', { name: '恢复这份' }).count(), 0);
  assert.equal(await copy.getByRole('button', { name: '下载' }).count(), 1);
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
  // The bar at the foot of the screen says it too, and stays after the banner is dismissed.
  const bar = page.getByTestId('unsaved-bar');
  await bar.getByText('此页面上的更改没有保存到本设备').waitFor();
  await page.getByTestId('notice').filter({ hasText: '进度未能保存' }).getByRole('button', { name: '知道了' }).click();
  assert.equal(await bar.isVisible(), true);
  // Trying again while writes still fail says so, and the bar stays.
  await bar.getByRole('button', { name: '重试保存' }).click();
  await bar.getByText('仍然无法保存').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Fills local storage to its quota with filler keys, so that a write adding bytes fails. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler/${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
}

/** Whether the whole of `locator` lies inside the viewport. */
async function inViewport(page, locator) {
  const boxOf = await locator.boundingBox();
  const { height } = page.viewportSize();
  return boxOf !== null && boxOf.y >= 0 && boxOf.y + boxOf.height <= height;
}

test('a full storage: the bar shows at start, stays in view far down the page, and goes once a save succeeds', async () => {
  const page = await openPage(env, { viewport: { width: 320, height: 640 } });
  await openChecklist(page);
  await fillStorage(page);
  // After a reload with storage still full, the start-up check says so before any change.
  await page.reload();
  await appReady(page);
  await page.getByTestId('status-panel').waitFor();
  const bar = page.getByTestId('unsaved-bar');
  await bar.waitFor();
  await page.getByTestId('notice').filter({ hasText: '存储空间已满或不可写入' }).waitFor();
  // Far down the checklist, where the banners at the top are out of sight, the bar is not.
  const far = always[10];
  await box(page, far).scrollIntoViewIfNeeded();
  await box(page, far).check();
  await page.getByTestId('notice').filter({ hasText: '进度未能保存' }).waitFor({ state: 'attached' });
  assert.ok(await inViewport(page, bar), 'the bar is in the viewport');
  assert.ok(!(await inViewport(page, page.getByTestId('notice').first())), 'the banners are out of sight');
  assert.equal((await stored(page))?.progress?.items?.[far.id], undefined);
  // With room again, trying again saves the change, and the bar and the banners go.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler/')) localStorage.removeItem(key);
  });
  await bar.getByRole('button', { name: '重试保存' }).click();
  await bar.waitFor({ state: 'detached' });
  assert.equal((await stored(page)).progress.items[far.id]?.mark?.value?.state, 'done', 'the change is stored');
  assert.equal(await page.getByTestId('notice').filter({ hasText: '存储空间已满' }).count(), 0);
  assert.equal(await page.getByTestId('notice').filter({ hasText: '进度未能保存' }).count(), 0);
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

test('a note typed while another page changes it keeps its text and cursor, and the losing text is offered', async () => {
  const a = await openPage(env);
  await openChecklist(a);
  const b = await a.context().newPage();
  watch(b);
  await openChecklist(b);
  const item = always[0];
  const noteOf = (page) => row(page, item).getByRole('textbox');
  await row(a, item).getByText('备注').click();
  await row(b, item).getByText('备注').click();

  // A types; B, elsewhere, writes the same note; A's field and cursor stay as they were.
  await noteOf(a).click();
  await a.keyboard.type('甲方');
  await b.waitForFunction((id) => document.querySelector(`li[data-item="${id}"] textarea`)?.value === '甲方', item.id);
  await noteOf(b).fill('乙方的备注');
  await noteOf(b).blur();
  const conflict = row(a, item).getByTestId('note-conflict');
  await conflict.getByText('另一页面也改了这条备注，它写的是：“乙方的备注”').waitFor();
  assert.equal(await noteOf(a).inputValue(), '甲方');
  assert.equal(await noteOf(a).evaluate((el) => el.selectionStart), 2, 'the cursor did not move');
  // A goes on typing, so A's text wins; B's is still offered, and can be taken.
  await a.keyboard.type('补充');
  await box(a, always[1]).focus();
  await conflict.getByRole('button', { name: '改用另一页面的' }).waitFor();
  await b.waitForFunction((id) => document.querySelector(`li[data-item="${id}"] textarea`)?.value === '甲方补充', item.id);
  await conflict.getByRole('button', { name: '改用另一页面的' }).click();
  assert.equal(await noteOf(a).inputValue(), '乙方的备注');
  await b.waitForFunction((id) => document.querySelector(`li[data-item="${id}"] textarea`)?.value === '乙方的备注', item.id);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context().close();
});

/** The user-visible part of the stored progress: marks, notes, answers, name and role. */
async function visibleState(page) {
  const saved = await stored(page);
  const items = {};
  for (const [id, record] of Object.entries(saved.progress.items ?? {})) {
    const mark = record.mark?.value ?? null;
    const note = record.note?.value ?? '';
    if (mark !== null || note !== '') items[id] = { mark, note };
  }
  const answers = {};
  for (const [id, answer] of Object.entries(saved.progress.answers ?? {})) {
    if (answer.value !== null) answers[id] = answer.value;
  }
  return { items, answers, name: saved.progress.enterprise_name.value, role: saved.progress.role.value };
}

/** Fills in some progress of every kind. */
async function makeProgress(page) {
  await box(page, always[0]).check();
  await box(page, always[1]).check();
  await page.getByRole('group', { name: text(canteen.text) }).getByLabel(text(canteenNo.label)).check();
  await row(page, always[2]).getByRole('button', { name: '标为不适用' }).click();
  await row(page, always[2]).getByLabel('不适用的原因（简短）').fill('外包');
  await row(page, always[2]).getByRole('button', { name: '确定' }).click();
  await row(page, always[0]).getByText('备注').click();
  await row(page, always[0]).getByRole('textbox').fill('见附件');
  await page.getByLabel('企业名称').fill('集美食品');
}

test('export then import restores the same state, after asking', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await makeProgress(page);
  const before = await visibleState(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出进度文件' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^jimei-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'jimei-progress');
  assert.equal(file.guide_id, GUIDE.id);

  // Change everything, then bring the file back.
  await page.getByRole('button', { name: '重置本清单' }).click();
  await page.getByTestId('reset-confirm').getByRole('button', { name: '确认重置' }).click();
  await page.getByLabel('企业名称').fill('别的公司');
  await box(page, always[5]).check();
  assert.notDeepEqual(await visibleState(page), before);

  await page.getByTestId('import-file').setInputFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const confirm = page.getByTestId('import-confirm');
  await confirm.getByText('企业“集美食品”：2 项已完成，1 项标为不适用。').waitFor();
  // The file's enterprise name comes with it, and the question says so.
  await confirm.getByText('企业名称也会从“别的公司”改为“集美食品”。', { exact: false }).waitFor();
  // Nothing changes until the user says so.
  assert.equal(await box(page, always[5]).isChecked(), true);
  await confirm.getByRole('button', { name: '替换' }).click();
  await page.getByText('已导入进度文件。').waitFor();
  assert.deepEqual(await visibleState(page), before);
  assert.equal(await box(page, always[0]).isChecked(), true);
  assert.equal(await box(page, always[5]).isChecked(), false);
  assert.equal(await row(page, always[0]).getByRole('textbox').inputValue(), '见附件');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Retries `check` (which throws until it holds) for up to five seconds. */
async function eventually(check) {
  const until = Date.now() + 5000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** An export file of a progress where only `item` is done. */
function fileWith(item) {
  return {
    format: 'jimei-progress', schema: 1, guide_id: GUIDE.id, guide_version: GUIDE.version, saved_at: 1,
    progress: { items: { [item.id]: { mark: { value: { state: 'done' }, at: 1 } } } },
  };
}

async function importFile(page, file) {
  await page.getByTestId('import-file').setInputFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
}

test('a replacement keeps a copy first: undo, and the saved copies can be restored, downloaded and deleted', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await makeProgress(page);
  await eventually(async () => assert.equal((await visibleState(page)).name, '集美食品'));
  const mine = await visibleState(page);

  await importFile(page, fileWith(always[7]));
  await page.getByTestId('import-confirm').getByRole('button', { name: '替换' }).click();
  const note = page.getByTestId('replaced').first();
  await note.getByText('原来的进度已另存为副本').waitFor();
  assert.equal(await box(page, always[7]).isChecked(), true);
  assert.equal(await box(page, always[0]).isChecked(), false);
  const backups = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jimei.progress.backup/')));
  assert.equal((await backups()).length, 1);

  // One step of undo brings everything back, notes included.
  await note.getByRole('button', { name: '撤销' }).click();
  await page.getByText('已撤销替换，进度恢复原样。').waitFor();
  await eventually(async () => assert.deepEqual(await visibleState(page), mine));
  await row(page, always[2]).getByText('不适用：外包').waitFor();

  // The copies are listed, newest first: the imported progress (kept by the undo), then mine.
  const panel = page.getByTestId('saved-copies');
  await panel.getByText('已保存的副本').click();
  const rows = panel.getByTestId('backup');
  await eventually(async () => assert.equal(await rows.count(), 2));
  await rows.nth(0).getByText('其中 1 项已完成，0 项标为不适用。').waitFor();
  await rows.nth(1).getByText('企业“集美食品”：2 项已完成，1 项标为不适用。').waitFor();

  // Restoring asks first, keeps the progress shown as a copy, then replaces it.
  await rows.nth(0).getByRole('button', { name: '恢复这份' }).click();
  await rows.nth(0).getByRole('alertdialog').getByRole('button', { name: '恢复这份' }).click();
  await panel.getByText('已恢复这份副本。').waitFor();
  assert.equal(await box(page, always[7]).isChecked(), true);
  assert.equal(await box(page, always[0]).isChecked(), false);
  await eventually(async () => assert.equal(await rows.count(), 3));

  // A copy downloads as a file the import reads.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    rows.nth(2).getByRole('button', { name: '下载' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^jimei-progress-backup-\d+\.json$/);
  const kept = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(kept.format, 'jimei-progress');
  assert.equal(kept.progress.enterprise_name.value, '集美食品');

  // Deleting asks first; cancelling keeps it.
  await rows.nth(0).getByRole('button', { name: '删除' }).click();
  await rows.nth(0).getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  assert.equal(await rows.count(), 3);
  await rows.nth(0).getByRole('button', { name: '删除' }).click();
  await rows.nth(0).getByRole('alertdialog').getByRole('button', { name: '删除' }).click();
  await panel.getByText('副本已删除。').waitFor();
  await eventually(async () => assert.equal(await rows.count(), 2));
  assert.equal((await backups()).length, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when no copy can be kept, nothing is replaced until the user says so', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await box(page, always[3]).check();
  await eventually(async () => assert.ok((await visibleState(page)).items[always[3].id]));
  await fillStorage(page);
  await importFile(page, fileWith(always[8]));
  const confirm = page.getByTestId('import-confirm');
  await confirm.getByRole('button', { name: '替换' }).click();
  await confirm.getByTestId('copy-failed').waitFor();
  assert.equal(await box(page, always[3]).isChecked(), true, 'nothing replaced yet');
  // The user can take their progress away first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    confirm.getByRole('button', { name: '下载我的进度' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^jimei-progress-\d{4}-\d{2}-\d{2}\.json$/);
  await confirm.getByRole('button', { name: '不留副本，仍然替换' }).click();
  await page.getByTestId('replaced').getByText('已导入进度文件。').waitFor();
  assert.equal(await box(page, always[8]).isChecked(), true);
  assert.equal(await box(page, always[3]).isChecked(), false);
  // The undo still works in the page.
  await page.getByTestId('replaced').getByRole('button', { name: '撤销' }).click();
  assert.equal(await box(page, always[3]).isChecked(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bad import files are refused with a reason and change nothing', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await makeProgress(page);
  const raw = () => readStorage(page, KEY);
  const before = await raw();
  const good = { format: 'jimei-progress', schema: 1, guide_id: GUIDE.id, guide_version: GUIDE.version, saved_at: 1, progress: {} };
  const cases = [
    { name: 'malformed JSON', body: '{"format": "jimei-progress", "schema": 1,', expect: '不是有效的 JSON' },
    { name: 'another guide', body: JSON.stringify({ ...good, guide_id: 'elsewhere' }), expect: '另一份指南' },
    { name: 'a newer schema', body: JSON.stringify({ ...good, schema: 99 }), expect: '更新版本' },
    { name: 'not an export', body: JSON.stringify({ hello: 'world' }), expect: '不是本应用导出的进度文件' },
    { name: 'a file over 1 MB', body: ' '.repeat(1_048_577), expect: '文件太大' },
  ];
  for (const bad of cases) {
    await page.getByTestId('import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bad.body),
    });
    const error = page.getByTestId('import-error');
    await error.getByText(bad.expect).waitFor();
    assert.ok((await error.textContent()).includes('当前进度没有改变'), bad.name);
    assert.equal(await page.getByTestId('import-confirm').count(), 0, bad.name);
    assert.equal(await raw(), before, bad.name);
  }
  assert.equal(await box(page, always[0]).isChecked(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a share link with a QR code carries progress to another device, after asking', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await makeProgress(page);
  await page.getByText('分享链接和二维码').first().click();
  const url = await page.getByTestId('share-url').inputValue();
  assert.match(url, /\/checklist#p1\.[A-Za-z0-9_-]+$/);
  assert.ok(url.length < 600, `link is ${url.length} characters`);
  const qr = page.getByRole('img', { name: '分享链接的二维码' });
  await qr.waitFor();
  assert.ok((await qr.locator('path').getAttribute('d')).length > 100);

  // Another phone: a fresh browser context with its own progress.
  const other = await openPage(env);
  await openChecklist(other);
  await box(other, always[4]).check();
  await row(other, always[0]).getByText('备注').click();
  await row(other, always[0]).getByRole('textbox').fill('我的备注');
  await other.getByLabel('企业名称').fill('杏林机械');
  await other.goto(url);
  await appReady(other);
  // The link's progress is shown read only first, item by item, before anything is taken.
  const view = other.getByTestId('shared-view');
  await view.getByText('企业“集美食品”：2 项已完成，1 项标为不适用。').waitFor();
  await view.getByText('逐项查看').click();
  const shownItem = view.locator(`li[data-item="${always[0].id}"]`);
  assert.match(await shownItem.textContent(), /已完成/);
  const confirm = other.getByTestId('shared-confirm');
  // Adopting takes the link's enterprise name too, and the question says so.
  await confirm.getByText('企业名称也会从“杏林机械”改为“集美食品”。', { exact: false }).waitFor();
  assert.equal(await box(other, always[4]).isChecked(), true);
  await confirm.getByRole('button', { name: '采用为我的进度' }).click();
  await other.getByText('已采用链接中的进度。').waitFor();
  assert.equal(await box(other, always[0]).isChecked(), true);
  assert.equal(await box(other, always[4]).isChecked(), false);
  await row(other, always[2]).getByText('不适用：外包').waitFor();
  assert.equal(await other.getByLabel('企业名称').inputValue(), '集美食品');
  // Notes stay the reader's own, and the link leaves the address.
  assert.equal(await row(other, always[0]).getByRole('textbox').inputValue(), '我的备注');
  assert.equal(new URL(other.url()).hash, '');

  // Declining keeps everything; a damaged link is explained.
  await box(other, always[6]).check();
  const mine = await visibleState(other);
  await other.goto(url);
  await appReady(other);
  await other.getByTestId('shared-confirm').getByRole('button', { name: '保留当前进度' }).click();
  assert.deepEqual(await visibleState(other), mine);
  await other.goto(env.base + '/checklist#p1.%%%broken');
  await appReady(other);
  await other.getByTestId('shared-error').getByText('分享链接已损坏或不完整').waitFor();
  assert.deepEqual(await visibleState(other), mine);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
  await page.context().close();
  await other.context().close();
});

test('a supervisor views a worker\'s link without losing her own checklist, and taking it changes only the worker\'s list', async () => {
  // The worker's phone: her class answered, two of her items done.
  const worker = await openPage(env);
  await openChecklist(worker, '?role=employee');
  const employeeItems = items('employee').filter((i) => !i.applies_when);
  await box(worker, employeeItems[0]).check();
  await box(worker, employeeItems[1]).check();
  await worker.getByText('分享链接和二维码').first().click();
  const url = await worker.getByTestId('share-url').inputValue();

  // The supervisor's phone: her own enterprise checklist and name.
  const boss = await openPage(env);
  await openChecklist(boss, '?role=enterprise');
  await box(boss, always[0]).check();
  await boss.getByLabel('企业名称').fill('集美食品');
  await eventually(async () => assert.equal((await visibleState(boss)).name, '集美食品'));
  const before = await visibleState(boss);
  await boss.goto(url);
  await appReady(boss);
  const view = boss.getByTestId('shared-view');
  await view.getByText('员工', { exact: false }).first().waitFor();
  await view.getByText('其中 2 项已完成', { exact: false }).waitFor();
  // Only looking: closing it leaves everything as it was.
  await boss.getByTestId('shared-confirm').getByRole('button', { name: '保留当前进度' }).click();
  assert.deepEqual(await visibleState(boss), before);

  // Taking it changes the employee list only: her enterprise ticks and name stay.
  await boss.goto(url);
  await appReady(boss);
  const confirm = boss.getByTestId('shared-confirm');
  assert.equal(await confirm.getByText('企业名称也会', { exact: false }).count(), 0);
  await confirm.getByRole('button', { name: '采用为我的进度' }).click();
  await boss.getByText('已采用链接中的进度。').waitFor();
  await eventually(async () => {
    const after = await visibleState(boss);
    assert.equal(after.items[always[0].id]?.mark?.state, 'done', 'her enterprise tick stays');
    assert.equal(after.name, '集美食品');
    assert.equal(after.items[employeeItems[0].id]?.mark?.state, 'done');
    assert.equal(after.role, 'employee');
  });
  assert.deepEqual(worker.errors, []);
  assert.deepEqual(boss.errors, []);
  await worker.context().close();
  await boss.context().close();
});

test('the print view holds the report with the checked items and notes, and the role\'s own letter', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await makeProgress(page);
  await page.getByRole('link', { name: '打印自查报告和承诺书' }).click();
  await page.getByRole('heading', { level: 1, name: '复工自查报告' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/report');
  const report = page.getByTestId('report');
  await report.waitFor();
  assert.equal(await page.getByTestId('report-enterprise').textContent(), '集美食品');
  const checked = report.locator(`tr[data-item="${always[0].id}"]`);
  assert.ok((await checked.textContent()).includes(text(always[0].title)));
  assert.ok((await checked.textContent()).includes('已完成'));
  assert.ok((await checked.textContent()).includes('见附件'));
  assert.ok((await report.locator(`tr[data-item="${always[2].id}"]`).textContent()).includes('不适用：外包'));
  assert.ok((await report.locator(`tr[data-item="${always[3].id}"]`).textContent()).includes('未开始'));
  assert.ok((await page.getByTestId('report-missing').textContent()).includes(text(always[3].title)));
  assert.ok(!(await page.getByTestId('report-missing').textContent()).includes(text(always[0].title)));
  await report.getByText('安全员（签字）').waitFor();
  const letter = page.getByTestId('enterprise-letter');
  await letter.getByText('企业复工防控承诺书').waitFor();
  assert.ok((await letter.textContent()).includes('本企业（集美食品）郑重承诺'));
  // The body speaks of the guide's own terms, and the letter goes to the district until the
  // answers name the office the enterprise files with.
  assert.ok((await letter.textContent()).includes('“六到位”和“六个要”'));
  assert.equal(await letter.getByTestId('letter-to').textContent(), '致集美区人民政府：');
  // Each role signs its own letter: the employee's is on the employee's report.
  assert.equal(await page.getByTestId('employee-letter').count(), 0);

  // In print, the buttons and navigation go and the documents stay.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: '主导航' }).isVisible(), false);
  assert.equal(await report.isVisible(), true);
  assert.equal(await letter.isVisible(), true);
  // The print says it is a guide of 2020, as About does.
  const historical = GUIDE.about.find((a) => a.id === 'about-historical');
  assert.equal(await page.getByTestId('historical-note').textContent(), text(historical.body));
  assert.equal(await page.getByTestId('historical-note').isVisible(), true);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(env.base + '/report?role=employee');
  await appReady(page);
  const employeeLetter = page.getByTestId('employee-letter');
  await employeeLetter.waitFor();
  assert.ok((await employeeLetter.textContent()).includes('致集美食品'));
  assert.equal(await page.getByTestId('enterprise-letter').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the enterprise is told where to file, and its letter goes to that office', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=enterprise');
  const filing = page.getByTestId('filing');
  await filing.getByText('先回答上面关于企业类型和年产值的问题').waitFor();
  const answer = async (questionId, answerId) => {
    const q = GUIDE.questions.find((x) => x.id === questionId);
    const a = q.answers.find((x) => x.id === answerId);
    await page.getByRole('group', { name: text(q.text) }).getByLabel(text(a.label), { exact: true }).check();
  };
  const towns = GUIDE.filing.offices.filter((o) => o.kind === 'town');
  const route = GUIDE.filing.routes.find((r) => r.id === 'industrial-small');
  await answer('enterprise_kind', 'industrial');
  await answer('output_300m', 'no');
  await filing.getByTestId('filing-route').getByText(text(route.what)).waitFor();
  // Every town until the enterprise says which is its own; then that one, with whom to ask.
  assert.equal(await filing.getByTestId('filing-office').count(), towns.length);
  await answer('town', towns[0].id);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="filing-office"]').length === 1);
  const office = filing.getByTestId('filing-office');
  await office.getByText(text(towns[0].name)).waitFor();
  await office.getByText(text(towns[0].ask)).waitFor();
  const letterMaterial = GUIDE.filing.materials.find((m) => m.id === 'commitment-letter');
  await filing.getByText(text(letterMaterial.name)).waitFor();
  await page.goto(env.base + '/report?role=enterprise');
  await appReady(page);
  assert.equal(await page.getByTestId('letter-to').textContent(), `致${text(towns[0].name)}：`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the checklist speaks the chosen language and the saved progress records it', async () => {
  const page = await openPage(env);
  await openChecklist(page);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByTestId('status-panel').getByText(/^0 of \d+ done$/).waitFor();
  await box(page, always[0], 'en').check();
  await row(page, always[0]).getByTestId('item-state').getByText('Done').waitFor();
  await page.getByRole('button', { name: 'Reset this checklist' }).waitFor();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).progress.language.value === 'en', KEY);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hant');
  await row(page, always[0]).getByTestId('item-state').getByText('已完成').waitFor();
  await page.getByRole('button', { name: '重置本清單' }).waitFor();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).progress.language.value === 'zh-Hant', KEY);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the gate card is the first thing on the enterprise checklist, and its points link to the items', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=enterprise');
  const gate = GUIDE.cards.find((c) => c.place === 'first' && c.role === 'enterprise');
  const first = page.locator('main h2').first();
  assert.equal((await first.textContent()).trim(), text(gate.title));
  const card = page.getByTestId(`card-${gate.id}`);
  assert.equal(await card.getByRole('checkbox').count(), 0);
  // The musts card is a summary too.
  const musts = GUIDE.cards.find((c) => c.place?.after_section);
  assert.equal(await page.getByTestId(`card-${musts.id}`).getByRole('checkbox').count(), 0);
  // Ticking the item a point links to shows the point done.
  const point = gate.points[0];
  const item = enterprise.find((i) => i.id === point.items[0]);
  await card.getByRole('link', { name: text(item.title), exact: true }).click();
  await page.waitForFunction((id) => location.hash === `#item-${id}`, item.id);
  await box(page, item).check();
  await card.locator(`[data-point="${point.id}"] [data-testid="point-state"]`).getByText('已完成').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a manual not-applicable mark needs a reason: an empty one is refused with a message', async () => {
  const page = await openPage(env);
  await openChecklist(page, '?role=enterprise');
  const item = always[3];
  const r = row(page, item);
  await r.getByRole('button', { name: '标为不适用' }).click();
  const field = r.getByLabel('不适用的原因（简短）');
  await field.fill('   ');
  await r.getByRole('button', { name: '确定' }).click();
  await r.getByRole('alert').getByText('请写明为什么不适用').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'focus stays on the reason');
  assert.equal(await r.getAttribute('class'), 'item not-started');
  await field.fill('本厂无此岗位');
  await r.getByRole('button', { name: '确定' }).click();
  await r.getByTestId('item-state').getByText('不适用：本厂无此岗位').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the missing list shows its numbers from 10 up in full', async () => {
  const page = await openPage(env, { viewport: { width: 320, height: 700 } });
  await openChecklist(page, '?role=enterprise');
  const list = page.getByTestId('missing').locator('ol');
  await list.scrollIntoViewIfNeeded();
  // The marker of entry 10 ("10. ", as the browser draws it) must fit in the list's padding, which the list's
  // containment would otherwise clip.
  const fits = await list.evaluate((ol) => {
    const probe = document.createElement('span');
    probe.textContent = '10.\u00a0';
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    ol.appendChild(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width < parseFloat(getComputedStyle(ol).paddingLeft);
  });
  assert.ok(fits);
  // A jump to a missing item lands the focus on its checkbox, in view (issue 19 §6).
  const target = enterprise.filter(blocks)[12];
  await list.getByRole('link', { name: text(target.title), exact: true }).click();
  await page.waitForFunction((id) => document.activeElement?.id === `check-${id}`, target.id);
  const place = await box(page, target).boundingBox();
  assert.ok(place && place.y >= 0 && place.y < 700, `the checkbox is at ${place?.y}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a note shows its length, and at the limit says that what went past it was not kept', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/checklist?role=enterprise');
  await appReady(page);
  const item = row(page, always[0]);
  await item.getByText('备注').click();
  const field = item.getByRole('textbox');
  await field.fill('林工负责');
  assert.equal(await item.getByTestId('note-count').textContent(), '4 / 2000 字');
  // The field is described by its counter, so a screen reader hears it too.
  const described = await field.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${described}`).textContent(), '4 / 2000 字');
  // A paste past the limit: the field keeps 2,000 characters and the counter says so.
  await field.fill('集'.repeat(2100));
  assert.equal((await field.inputValue()).length, 2000);
  await item.getByTestId('note-count').getByText('2000 / 2000 字：已达上限，超出的部分没有保存。').waitFor();
  await page.context().close();
});
