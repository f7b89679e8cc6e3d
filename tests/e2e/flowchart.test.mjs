// End-to-end tests of the flowchart page in Chromium: the chart draws every node of the
// shipped guide; a node's panel checks items in the checklist; answering a question lights its
// branch; the keyboard follows the arrows; deep links and history work; the list view is one
// click away; and at 320 px nothing scrolls sideways.
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

const node = (id) => GUIDE.nodes.find((n) => n.id === id);
const itemsOf = (id) => GUIDE.sections.flatMap((s) => s.items).filter((i) => i.node === id);
const question = (id) => GUIDE.questions.find((q) => q.id === id);
const answerLabel = (q, a) => text(question(q).answers.find((x) => x.id === a).label);
const STORAGE_KEY = `jimei.progress/${GUIDE.id}`;

/** Opens the flowchart at `path` and waits for the chart. */
async function openChart(path = '/flowchart', options = {}) {
  const page = await openPage(env, options);
  await page.goto(env.base + path);
  await appReady(page);
  await page.getByTestId('flowchart').locator('svg').waitFor();
  return page;
}

/** The saved progress in local storage, or null. */
async function saved(page) {
  return JSON.parse((await readStorage(page, STORAGE_KEY)) ?? 'null');
}

test('the chart draws every node and arrow of the shipped guide, with a title and a description', async () => {
  const page = await openChart('/flowchart', { viewport: { width: 1280, height: 900 } });
  const svg = page.getByTestId('flowchart').locator('svg');
  const ids = await svg.locator('[data-node]').evaluateAll((els) => els.map((e) => e.dataset.node));
  assert.deepEqual([...ids].sort(), GUIDE.nodes.map((n) => n.id).sort());
  assert.equal(await svg.locator('path[data-edge]').count(), GUIDE.edges.length);
  // Every labelled branch shows its label.
  const labelled = GUIDE.edges.filter((e) => e.label).length;
  assert.equal(await svg.locator('.fc-label').count(), labelled);
  assert.equal(await svg.locator('title#fc-title').textContent(), '复工流程图');
  assert.ok((await svg.locator('desc#fc-desc').textContent()).length > 20);
  // Decisions are diamonds, start and end are pills, steps carry their icon.
  assert.equal(await svg.locator('.fc-node.decision').count(), GUIDE.nodes.filter((n) => n.kind === 'decision').length);
  assert.equal(await svg.locator('.fc-node.pill').count(), 2);
  assert.equal(
    await svg.locator('.fc-node.step image').count(),
    GUIDE.nodes.filter((n) => n.kind === 'step' && n.illustration).length,
  );
  // The daily loop is drawn as a back edge.
  assert.match(await svg.locator('path[data-edge="e-fourteen-loop"]').getAttribute('class'), /\bback\b/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a node opens its panel, and a checkbox there checks the item in the checklist', async () => {
  const page = await openChart();
  const id = 'self-check';
  const items = itemsOf(id);
  const shape = page.locator(`[data-node="${id}"]`);
  // The progress tag is drawn beside the node's link, so the link's text is its title alone.
  const tag = page.locator(`[data-tag="${id}"] text`);
  assert.equal(await tag.textContent(), `0/${items.length}`);
  await shape.click();
  const panel = page.getByTestId('node-detail');
  await panel.getByRole('heading', { level: 2, name: text(node(id).title) }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/flowchart/${id}`);
  await panel.getByText(text(node(id).body)).waitFor();

  const box = panel.getByRole('checkbox', { name: text(items[0].title) });
  await box.check();
  assert.equal(await tag.textContent(), `1/${items.length}`);
  assert.match(await shape.getAttribute('aria-label'), new RegExp(`1/${items.length}`));
  await page.waitForFunction(([key, item]) => {
    const s = JSON.parse(localStorage.getItem(key) ?? 'null');
    return s?.progress?.items?.[item]?.mark?.value?.state === 'done';
  }, [STORAGE_KEY, items[0].id]);

  // The checklist shows the same state.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '自查清单' }).click();
  const row = page.locator(`[data-item="${items[0].id}"]`);
  await row.waitFor();
  const checklistBox = row.locator('input[type=checkbox]');
  if (await checklistBox.count()) assert.equal(await checklistBox.isChecked(), true);

  // And unchecking in the panel clears it again.
  await page.goBack();
  await panel.waitFor();
  await box.uncheck();
  assert.equal(await tag.textContent(), `0/${items.length}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('answering the size question each way lights the matching filing office', async () => {
  const page = await openChart('/flowchart/output-size');
  const panel = page.getByTestId('node-detail');
  const bureau = page.locator('[data-node="file-bureau"]');
  const town = page.locator('[data-node="file-town"]');
  const edgeClass = (id) => page.locator(`path[data-edge="${id}"]`).getAttribute('class');
  const offRoute = async (loc) => /\boff\b/.test(await loc.getAttribute('class'));

  // Unanswered, both offices are on the route.
  assert.equal(await offRoute(bureau), false);
  assert.equal(await offRoute(town), false);

  await panel.getByRole('radio', { name: answerLabel('output_300m', 'yes') }).check();
  await page.waitForFunction(() => /\boff\b/.test(document.querySelector('[data-node="file-town"]').getAttribute('class')));
  assert.equal(await offRoute(bureau), false);
  assert.match(await edgeClass('e-size-bureau'), /\btaken\b/);
  assert.match(await edgeClass('e-size-town'), /\bnot-taken\b/);
  assert.match(await town.getAttribute('aria-label'), /不在你的路线上/);

  await panel.getByRole('radio', { name: answerLabel('output_300m', 'no') }).check();
  await page.waitForFunction(() => /\boff\b/.test(document.querySelector('[data-node="file-bureau"]').getAttribute('class')));
  assert.equal(await offRoute(town), false);
  assert.match(await edgeClass('e-size-town'), /\btaken\b/);
  assert.match(await edgeClass('e-size-bureau'), /\bnot-taken\b/);

  // The checklist follows: the bureau's filing item no longer applies.
  await bureau.click();
  await panel.getByRole('heading', { level: 2, name: text(node('file-bureau').title) }).waitFor();
  const item = itemsOf('file-bureau')[0];
  assert.equal(await panel.getByRole('checkbox', { name: text(item.title) }).isDisabled(), true);
  await panel.getByText('不适用').first().waitFor();
  // The trace says which answer rules the step out, and the answer is saved.
  const why = panel.getByTestId('why-route');
  await why.getByText(text(question('output_300m').text)).waitFor();
  await why.getByText('通向别处', { exact: false }).waitFor();
  assert.equal((await saved(page))?.progress?.answers?.output_300m?.value, 'no');

  // Answers survive a reload and can be cleared.
  await page.goto(env.base + '/flowchart/output-size');
  await appReady(page);
  assert.equal(await panel.getByRole('radio', { name: answerLabel('output_300m', 'no') }).isChecked(), true);
  await panel.getByRole('button', { name: '清除回答' }).click();
  await page.waitForFunction(() => !/\boff\b/.test(document.querySelector('[data-node="file-bureau"]').getAttribute('class')));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the enterprise route takes every class its staff can be, and passes the 14-day decision without staff from outside', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/checklist?role=enterprise');
  await appReady(page);
  await page.getByTestId('status-panel').waitFor();
  await page
    .getByRole('group', { name: text(question('outside_staff').text) })
    .getByLabel(answerLabel('outside_staff', 'no'), { exact: true })
    .check();
  await page.goto(env.base + '/flowchart/fourteen-days');
  await appReady(page);
  await page.getByTestId('flowchart').locator('svg').waitFor();
  await page.waitForFunction(() => /\bpassed\b/.test(document.querySelector('[data-node="fourteen-days"]').getAttribute('class')));
  assert.match(await page.locator('[data-node="fourteen-days"]').getAttribute('aria-label'), /按你的回答不适用/);
  assert.match(await page.locator('path[data-edge="e-fourteen-loop"]').getAttribute('class'), /\bnot-taken\b/);
  assert.match(await page.locator('path[data-edge="e-fourteen-normal"]').getAttribute('class'), /\btaken\b/);
  await page.getByTestId('node-detail').getByText('按你的回答不适用').waitFor();
  // Every class the enterprise can have is on its route; those that come from outside are not.
  let checked = 0;
  for (const c of GUIDE.classes) {
    const rule = page.locator(`[data-node="rule-${c.id.replace(/_/g, '-')}"]`);
    if ((await rule.count()) === 0) continue;
    const off = /\boff\b/.test(await rule.getAttribute('class'));
    assert.equal(off, Boolean(c.enterprise_when), c.id);
    checked++;
  }
  assert.ok(checked >= 5, `${checked} class rules checked`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the class decision is worded for the role: the employee is asked which she is', async () => {
  const decision = node('personnel-class');
  const employeeWording = decision.for_role.find((w) => w.role === 'employee');
  for (const [role, title] of [['employee', text(employeeWording.title)], ['enterprise', text(decision.title)]]) {
    const page = await openPage(env);
    await page.goto(env.base + `/checklist?role=${role}`);
    await appReady(page);
    await page.getByTestId('status-panel').waitFor();
    await page.goto(env.base + '/flowchart/personnel-class');
    await appReady(page);
    await page.getByTestId('node-detail').getByRole('heading', { level: 2, name: title }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('arrow keys follow the arrows, Enter opens a node and Escape returns the focus to it', async () => {
  const page = await openChart('/flowchart', { viewport: { width: 1280, height: 900 } });
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.node ?? null);
  // The chart has one tab stop, the start.
  assert.deepEqual(
    await page.locator('[data-node][tabindex="0"]').evaluateAll((els) => els.map((e) => e.dataset.node)),
    ['start'],
  );
  await page.locator('[data-node="start"]').focus();
  const next = GUIDE.edges.find((e) => e.from === 'start').to;
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), next);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'start');
  await page.keyboard.press('ArrowDown');

  // Down a decision's first branch, then across its branches.
  await page.locator('[data-node="personnel-class"]').focus();
  await page.keyboard.press('ArrowDown');
  const branches = GUIDE.edges.filter((e) => e.from === 'personnel-class').map((e) => e.to);
  assert.equal(await focused(), branches[0]);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), branches[1]);

  await page.keyboard.press('Enter');
  const panel = page.getByTestId('node-detail');
  await panel.getByRole('heading', { level: 2, name: text(node(branches[1]).title) }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/flowchart/${branches[1]}`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'node-title');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.equal(await focused(), branches[1]);
  assert.equal(new URL(page.url()).pathname, '/flowchart');
  // The focus ring is visible.
  const ring = await page.locator(`[data-node="${branches[1]}"] .fc-ring`).evaluate((el) => getComputedStyle(el).opacity);
  assert.equal(ring, '1');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each node has its own address, and back and forward move between them', async () => {
  const page = await openChart('/flowchart/file-town');
  const panel = page.getByTestId('node-detail');
  await panel.getByRole('heading', { level: 2, name: text(node('file-town').title) }).waitFor();
  await page.locator('[data-node="district-support"]').click();
  await panel.getByRole('heading', { level: 2, name: text(node('district-support').title) }).waitFor();
  await page.goBack();
  await panel.getByRole('heading', { level: 2, name: text(node('file-town').title) }).waitFor();
  await page.goForward();
  await panel.getByRole('heading', { level: 2, name: text(node('district-support').title) }).waitFor();
  // The panel's close button goes back to the bare chart.
  await panel.getByRole('button', { name: '关闭' }).click();
  await panel.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).pathname, '/flowchart');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the step list is one click away, with branches nested under their decision', async () => {
  const page = await openChart();
  await page.getByRole('link', { name: '步骤列表' }).click();
  const list = page.getByTestId('step-list');
  await list.waitFor();
  assert.equal(new URL(page.url()).search, '?view=list');
  // The size decision sits on the industrial branch of the kind of enterprise.
  const kind = list.locator(':scope > li[data-node="enterprise-kind"]');
  const decision = kind.locator('.branches li[data-node="output-size"]');
  await decision.locator('.branches li[data-node="file-bureau"]').waitFor();
  await decision.locator('.branches li[data-node="file-town"]').waitFor();
  // Every node is listed once, and the item states are in words.
  const ids = await list.locator('li[data-node]').evaluateAll((els) => els.map((e) => e.dataset.node));
  assert.deepEqual([...ids].sort(), GUIDE.nodes.map((n) => n.id).sort());
  await list.locator('li[data-node="self-check"] > .step-state').getByText(`未开始：0/${itemsOf('self-check').length}`).waitFor();
  // A step opens its panel and keeps the list view.
  await list.getByRole('link', { name: text(node('file-town').title), exact: true }).click();
  await page.getByTestId('node-detail').getByRole('heading', { name: text(node('file-town').title) }).waitFor();
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/flowchart/file-town?view=list');
  // Escape closes the panel here too, and the focus goes back to the step's link.
  await page.keyboard.press('Escape');
  await page.getByTestId('node-detail').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.node), 'file-town');
  await page.getByRole('link', { name: '流程图', exact: true }).last().click();
  await page.getByTestId('flowchart').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('wide charts zoom in, out and to fit', async () => {
  const page = await openChart('/flowchart', { viewport: { width: 1280, height: 900 } });
  const svg = page.getByTestId('flowchart').locator('svg');
  const width = async () => Number(await svg.getAttribute('width'));
  const before = await width();
  await page.getByRole('button', { name: '放大' }).click();
  await page.waitForFunction((w) => Number(document.querySelector('.fc-svg').getAttribute('width')) > w, before);
  await page.getByRole('button', { name: '缩小' }).click();
  await page.getByRole('button', { name: '缩小' }).click();
  await page.waitForFunction((w) => Number(document.querySelector('.fc-svg').getAttribute('width')) < w, before);
  await page.getByRole('button', { name: '适合窗口' }).click();
  await page.waitForFunction(() => {
    const stage = document.querySelector('.fc-stage');
    const box = document.querySelector('.fc-svg').getBoundingClientRect();
    return box.width <= stage.clientWidth + 1 && box.height <= stage.clientHeight + 1;
  });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const width of [320, 390]) {
  test(`at ${width} px the chart is one column and nothing scrolls sideways`, async () => {
    const page = await openChart('/flowchart', { viewport: { width, height: 720 } });
    const noSideways = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    assert.equal(await noSideways(), true);
    // One column, drawn at (nearly) its own size, so the text needs no zooming.
    const { scale, xs } = await page.evaluate(() => {
      const svg = document.querySelector('.fc-svg');
      const view = svg.viewBox.baseVal;
      const xs = [...svg.querySelectorAll('.fc-node.step')].map((n) => Math.round(n.getBBox().x));
      return { scale: svg.getBoundingClientRect().width / view.width, xs: [...new Set(xs)] };
    });
    assert.ok(scale > 0.95, `drawn at ${scale}`);
    assert.equal(xs.length, 1, `steps in one column: ${xs}`);
    // The panel opens as a sheet and still nothing scrolls sideways.
    await page.locator('[data-node="output-size"]').click();
    await page.getByTestId('node-detail').waitFor();
    assert.equal(await noSideways(), true);
    const tap = await page.getByRole('button', { name: '关闭' }).boundingBox();
    assert.ok(tap.width >= 44 && tap.height >= 44);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a bookmark of a step the guide lacks says "page not found", with a way to the chart', async () => {
  const page = await openPage(env);
  await page.goto(env.base + '/flowchart/no-such-step');
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: '找不到这个页面' }).waitFor();
  assert.equal(await page.getByTestId('flowchart').count(), 0);
  await page.getByRole('link', { name: '查看整个流程图' }).click();
  await page.getByTestId('flowchart').locator('svg').waitFor();
  assert.equal(new URL(page.url()).pathname, '/flowchart');
  // A real step's address still opens that step.
  const step = GUIDE.nodes.find((n) => n.kind === 'step');
  await page.goto(env.base + `/flowchart/${step.id}`);
  await appReady(page);
  await page.getByTestId('node-detail').getByRole('heading', { level: 2, name: text(step.title) }).waitFor();
  assert.equal(await page.getByRole('heading', { name: '找不到这个页面' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
