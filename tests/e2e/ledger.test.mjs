// End-to-end tests of the daily ledger (issue 18) against the release build: a person added
// by hand is still on the roster after a reload, a gate round taken by keyboard alone flags a
// high reading with the guide's steps and the daily report counts it, and without IndexedDB
// the page says so and keeps working in memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, appReady, GUIDE } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

// A class under observation and one without, from the guide rather than hard-coded.
const observed = GUIDE.classes.find((c) => c.days > 0 && c.on_site);
const clear = GUIDE.classes.find((c) => c.days === 0 && c.on_site);

/** A fresh page with service workers blocked, as the checklist's tests do (reloads race). */
async function openPage({ init } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  if (init) await page.addInitScript(init);
  return page;
}

/** Opens the ledger and waits until it has read its database (or given up on it). */
async function openLedger(page) {
  await page.goto(env.base + '/ledger');
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="person-form"]') && !document.querySelector('.ledger .loading'));
}

/** Today's local date as a date field takes it. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function addPerson(page, { name, id, klass, arrival = '' }) {
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('工号', { exact: true }).fill(id);
  await page.getByLabel('类别', { exact: true }).selectOption(klass.id);
  if (arrival) await page.getByLabel(/^抵厦日期/).fill(arrival);
  await page.getByTestId('add-person').click();
  await page.locator(`[data-testid="person-row"][data-staff-id="${id}"]`).waitFor();
}

test('a person added by hand is checked, listed with the observation, and kept over a reload', async () => {
  const page = await openPage();
  await openLedger(page);
  // An empty form is refused with every problem named next to its field.
  await page.getByTestId('add-person').click();
  await page.getByText('请修改标出的项目后再添加。').waitFor();
  assert.equal(await page.getByLabel('姓名', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#person-name-error').textContent(), /缺少姓名/);

  await addPerson(page, { name: '张三', id: 'E001', klass: observed, arrival: today() });
  const row = page.locator('[data-testid="person-row"][data-staff-id="E001"]');
  assert.equal(await row.getByTestId('days-left').textContent(), String(observed.days));
  assert.match(await row.getByTestId('standing').textContent(), /还剩 \d+ 天/);
  assert.match(await page.getByTestId('person-added').textContent(), /张三/);

  await page.reload();
  await openLedger(page);
  await row.waitFor();
  assert.match(await row.textContent(), /张三/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a keyboard-only gate round flags a high reading with its steps, and the report counts it', async () => {
  const page = await openPage();
  await openLedger(page);
  await addPerson(page, { name: '李四', id: 'G1', klass: clear });
  await addPerson(page, { name: '王五', id: 'G2', klass: clear });

  // Find by ID, Enter to the temperature, Enter to save: back in the search box.
  await page.getByLabel('按工号或姓名查找').focus();
  await page.keyboard.type('G1');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id.startsWith('gate-t-')), true);
  await page.keyboard.type('36.5');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'gate-search');
  assert.match(await page.getByTestId('gate-saved').textContent(), /李四 36\.5/);

  // By name this time, and a high reading.
  await page.keyboard.type('王五');
  await page.keyboard.press('Enter');
  await page.keyboard.type('38.2');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: '体温异常' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /王五（G2）：38\.2/);
  for (const step of ['立即送临时隔离室', '立即报告属地疾控中心', '安排就近到发热门诊就诊', '排查并登记密切接触者']) {
    assert.ok((await alert.textContent()).includes(step), step);
  }
  // The first step, ticked by keyboard, goes into the report.
  await page.getByRole('checkbox', { name: /立即送临时隔离室/ }).focus();
  await page.keyboard.press('Space');

  // Without a search, Enter moves down the list.
  const first = page.locator('[data-testid="gate-row"][data-staff-id="G1"] input');
  await first.focus();
  await page.keyboard.type('36.6');
  await page.keyboard.press('Enter');
  assert.equal(
    await page.evaluate(() => document.activeElement.closest('[data-testid="gate-row"]')?.dataset.staffId),
    'G2',
  );

  assert.equal(await page.getByTestId('count-abnormal').textContent(), '1');
  assert.equal(await page.getByTestId('count-on-site').textContent(), '2');
  const report = await page.getByTestId('summary-text').textContent();
  assert.match(report, /^企业复工防控日报/);
  assert.ok(report.includes('今日在岗：2人'), report);
  assert.ok(report.includes('体温异常：1人次'), report);
  assert.ok(report.includes('王五（G2）'), report);
  assert.ok(report.includes('已送临时隔离室'), report);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without IndexedDB the ledger says so and works in memory', async () => {
  const page = await openPage({ init: () => Object.defineProperty(window, 'indexedDB', { value: undefined }) });
  await openLedger(page);
  const banner = page.getByTestId('ledger-storage');
  await banner.waitFor();
  assert.match(await banner.textContent(), /台账暂存于内存/);
  assert.equal(await banner.getAttribute('role'), 'alert');
  await addPerson(page, { name: '赵六', id: 'M1', klass: clear });
  await page.context().close();
});

test('a CSV roster is previewed with its rejected rows, imported on confirm, exported, and erased', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.base + '/ledger');
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="person-form"]') && !document.querySelector('.ledger .loading'));
  const csv = `工号,姓名,类别,备用列\nC1,陈一,${clear.name['zh-Hans']},x\nC2,,${clear.id},y\n`;
  await page.getByLabel('选择 CSV 或 Excel（.xlsx）文件').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const summary = page.getByTestId('preview-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /确认后将添加 1 人；1 行未通过检查/);
  assert.match(await summary.textContent(), /备用列/);
  assert.match(await page.getByTestId('rejected-rows').textContent(), /第 3 行：缺少姓名/);
  // Nothing is added before the confirmation.
  assert.equal(await page.locator('[data-testid="person-row"]').count(), 0);
  await page.getByTestId('import-confirm').click();
  await page.locator('[data-testid="person-row"][data-staff-id="C1"]').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  assert.match(download.suggestedFilename(), /^jimei-ledger-.*\.xlsx$/);
  const bytes = await import('node:fs').then((fs) => download.path().then((p) => fs.readFileSync(p)));
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');

  await page.getByTestId('erase-all').click();
  await page.getByTestId('erase-confirm').click();
  await page.getByTestId('roster-empty').waitFor();
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="person-form"]') && !document.querySelector('.ledger .loading'));
  assert.equal(await page.locator('[data-testid="person-row"]').count(), 0);
  await context.close();
});

test('the file code is fetched only when a file is chosen, and if it cannot be, the page says so and keeps the ledger', async () => {
  const page = await openPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openLedger(page);
  await addPerson(page, { name: '钱七', id: 'F1', klass: clear });
  // The readers and writers of files are not part of opening the ledger.
  assert.ok(!requested.some((p) => p.endsWith('/split_ledger_files.wasm')), requested.join('\n'));
  await page.route('**/split_ledger_files.wasm', (route) => route.abort());
  await page.getByLabel('选择 CSV 或 Excel（.xlsx）文件').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('工号,姓名\nC9,孙九\n') });
  await page.getByTestId('import-preview').getByText('未能取得读写文件的程序').waitFor();
  await page.getByTestId('export-xlsx').click();
  await page.getByText('未能取得读写文件的程序', { exact: false }).nth(1).waitFor();
  // Nothing was lost on the way.
  await page.locator('[data-testid="person-row"][data-staff-id="F1"]').waitFor();
  await page.context().close();
});

/** The records of one store of the ledger's database, decoded from the bytes it keeps. */
async function storedRecords(page, store) {
  return page.evaluate(async (store) => {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open('jimei-ledger');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const rows = await new Promise((ok) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return rows.map((row) => new TextDecoder().decode(new Uint8Array(Object.values(row))));
  }, store);
}

/** Waits until the database holds what the page shows, so a reload cannot outrun the write. */
async function untilStored(page, store, check) {
  const until = Date.now() + 5000;
  while (!check(await storedRecords(page, store))) {
    if (Date.now() > until) throw new Error(`the ${store} store never held it`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

test('visitors and vehicles are registered, flagged above 37.3 °C, marked left, and kept over a reload', async () => {
  const page = await openPage();
  await openLedger(page);
  const visits = page.getByTestId('visits');
  // A visitor needs a name; a bad temperature is named next to its field.
  await visits.getByLabel(/^体温/).fill('abc');
  await visits.getByTestId('add-visit').click();
  await visits.getByText('请填写访客姓名。').waitFor();
  assert.equal(await visits.getByLabel(/^姓名/).getAttribute('aria-invalid'), 'true');
  assert.equal(await visits.getByLabel(/^体温/).getAttribute('aria-invalid'), 'true');
  assert.equal(await visits.getByTestId('visit').count(), 0);

  await visits.getByLabel(/^姓名/).fill('林女士');
  await visits.getByLabel(/^来自何地/).fill('同安');
  await visits.getByLabel(/^体温/).fill('37.8');
  // Enter in the form registers, as a keyboard user expects.
  await visits.getByLabel(/^体温/).press('Enter');
  const first = visits.getByTestId('visit').first();
  await first.getByText('林女士').waitFor();
  await first.getByText('体温异常').waitFor();
  assert.equal(await visits.getByLabel(/^姓名/).inputValue(), '', 'the form is cleared for the next one');

  // A vehicle needs its plate; the plate is kept in capitals.
  await visits.getByLabel('车辆', { exact: true }).check();
  await visits.getByTestId('add-visit').click();
  await visits.getByText('请填写车牌号。').waitFor();
  await visits.getByLabel(/^车牌号/).fill('闽d12345');
  await visits.getByLabel(/^体温/).fill('36.5');
  await visits.getByTestId('add-visit').click();
  await visits.getByTestId('visit-who').getByText('闽D12345').waitFor();
  assert.equal(await visits.getByTestId('visit').count(), 2);

  await first.getByRole('button', { name: '登记离开' }).click();
  await first.getByTestId('visit-left').waitFor();
  assert.match(await page.getByTestId('summary-text').textContent(), /访客及车辆：2（体温异常 1）/);
  await untilStored(page, 'visits', (rows) => rows.some((r) => r.includes('"u":')));

  await page.reload();
  await openLedger(page);
  await visits.getByTestId('visit').nth(1).waitFor();
  assert.match(await visits.getByTestId('visit').first().getByTestId('visit-left').textContent(), /离开/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the daily routines are recorded with the time, area and who, counted in the report, and kept', async () => {
  const page = await openPage();
  await openLedger(page);
  const routines = page.getByTestId('routines');
  const disinfection = routines.locator('[data-testid="routine"][data-routine="daily-disinfection"]');
  await disinfection.getByText('今天还没有记录').waitFor();
  // Routines that the gate and visitor registers keep are not asked for twice.
  assert.equal(await routines.locator('[data-routine="daily-entry-temperature"]').count(), 0);
  const report = () => page.getByTestId('summary-text').textContent();
  const before = (await report()).match(/已完成 (\d+)\/(\d+) 项/);
  assert.ok(before, await report());

  const record = disinfection.getByRole('button', { name: '记录一次' });
  await record.click();
  assert.equal(await record.getAttribute('aria-expanded'), 'true');
  // The form opens with the area field focused.
  await page.waitForFunction(() => document.activeElement?.id === 'routine-daily-disinfection-area');
  await page.keyboard.type('一号车间');
  await disinfection.getByLabel(/^执行人/).fill('李四');
  await disinfection.getByRole('button', { name: '保存记录' }).click();
  await disinfection.getByText('今天已记录 1 次').waitFor();
  assert.match(await disinfection.getByTestId('routine-record').textContent(), /^\d{2}:\d{2} · 一号车间 · 李四$/);
  // Who did it stays for the next record.
  await record.click();
  assert.equal(await disinfection.getByLabel(/^执行人/).inputValue(), '李四');
  await disinfection.getByRole('button', { name: '保存记录' }).click();
  await disinfection.getByText('今天已记录 2 次').waitFor();
  const after = (await report()).match(/已完成 (\d+)\/(\d+) 项/);
  assert.equal(Number(after[1]), Number(before[1]) + 1, 'one routine more is done');
  await untilStored(page, 'routines', (rows) => rows.length === 2);

  await page.reload();
  await openLedger(page);
  await disinfection.getByText('今天已记录 2 次').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two tabs adding people at once both keep theirs', async () => {
  const a = await openPage();
  await openLedger(a);
  const b = await a.context().newPage();
  await openLedger(b);
  await Promise.all([
    addPerson(a, { name: '甲', id: 'T-A', klass: clear }),
    addPerson(b, { name: '乙', id: 'T-B', klass: clear }),
  ]);
  await untilStored(a, 'people', (rows) => rows.some((r) => r.includes('T-A')) && rows.some((r) => r.includes('T-B')));
  for (const page of [a, b]) {
    await page.reload();
    await openLedger(page);
    for (const id of ['T-A', 'T-B']) await page.locator(`[data-testid="person-row"][data-staff-id="${id}"]`).waitFor();
  }
  await a.context().close();
});
