// End-to-end tests of the report and the checklist rows with real input (issue 20 §4):
// answered questions (whose not-applicable reasons are long), a 200-character unbroken
// enterprise name and a 580-character note must neither widen a 320 px phone's page nor
// squeeze the note column, the printed report must keep a sane page count with the notes on
// the page, and no checklist row may cut off its badges or reasons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, appReady, GUIDE, text } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const PHONE = { width: 320, height: 700 };
// A4 less the report's print margins (16 mm each side), in CSS pixels.
const A4_CONTENT_WIDTH = ((210 - 2 * 16) / 25.4) * 96;

const enterprise = GUIDE.sections.filter((s) => s.role === 'enterprise').flatMap((s) => s.items);
const always = enterprise.filter((i) => !i.applies_when);
// Answers that rule items out, so their rows carry the long automatic not-applicable text.
const ANSWERS = { enterprise_kind: 'other', dormitory: 'no', canteen: 'no', trade_ecommerce: 'no', outside_staff: 'no' };
// One unbroken word, as a pasted registration name or file path is.
const LONG_NAME = 'JimeiFoodProcessingCoLtd'.repeat(9).slice(0, 200);
const LONG_NOTE = ('消毒记录见附件，由林工负责每日两次检查并签字，'.repeat(20).slice(0, 480) + 'x'.repeat(100)).slice(0, 580);
const LONG_REASON = 'https://example.org/jimei/outsourced-to-the-district-canteen-operator/contract/2020-02-10';

/** The item's row on the checklist. */
const row = (page, item) => page.locator(`li[data-item="${item.id}"]`);

/** Opens the enterprise checklist. */
async function openChecklist(page) {
  await page.goto(env.base + '/checklist?role=enterprise');
  await appReady(page);
  await page.getByTestId('status-panel').waitFor();
}

/** Answers the questions, ticks two items, writes the long name and note (all in zh-Hans). */
async function fillLong(page) {
  for (const [id, answer] of Object.entries(ANSWERS)) {
    const q = GUIDE.questions.find((q) => q.id === id);
    const a = q.answers.find((a) => a.id === answer);
    await page.getByRole('group', { name: text(q.text) }).getByLabel(text(a.label)).check();
  }
  await page.getByRole('checkbox', { name: text(always[0].title), exact: true }).check();
  await page.getByRole('checkbox', { name: text(always[1].title), exact: true }).check();
  await row(page, always[0]).getByText('备注').click();
  await row(page, always[0]).getByRole('textbox').fill(LONG_NOTE);
  await page.getByLabel('企业名称').fill(LONG_NAME);
}

/** Goes from the checklist to the report, keeping the progress in memory. */
async function openReport(page) {
  await page.getByRole('link', { name: '打印自查报告和承诺书' }).click();
  await page.getByTestId('report').waitFor();
  await page.getByTestId('report-enterprise').getByText(LONG_NAME).waitFor();
}

/** The widths of the report's table, its note column and the page, and the note cell's box. */
function reportGeometry(page) {
  const report = page.getByTestId('report');
  return report.evaluate((doc, id) => {
    const table = doc.querySelector('table').getBoundingClientRect();
    const notes = [...doc.querySelectorAll('th[scope="col"]')].at(-1).getBoundingClientRect();
    const cell = doc.querySelector(`tr[data-item="${id}"] .note-cell`).getBoundingClientRect();
    const name = doc.querySelector('[data-testid="report-enterprise"]').getBoundingClientRect();
    return {
      page: document.documentElement.scrollWidth,
      table: { left: table.left, right: table.right, width: table.width },
      notes: notes.width,
      cell: { left: cell.left, right: cell.right, width: cell.width, height: cell.height },
      name: { right: name.right },
    };
  }, always[0].id);
}

/** The number of pages in a PDF: its page objects, not its page tree nodes. */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

test('on a 320 px phone the answered report with a long name and note fits the screen, notes get room', async () => {
  const page = await openPage(env, { viewport: PHONE });
  await openChecklist(page);
  await fillLong(page);
  await openReport(page);
  const g = await reportGeometry(page);
  assert.ok(g.page <= PHONE.width, `the page is ${g.page} px wide at ${PHONE.width} px`);
  assert.ok(g.table.right <= PHONE.width, `the table ends at ${g.table.right} px`);
  assert.ok(g.name.right <= PHONE.width, `the enterprise name ends at ${g.name.right} px`);
  assert.ok(g.notes >= 0.35 * g.table.width, `the note column is ${g.notes} of ${g.table.width} px`);
  assert.ok(g.cell.right <= g.table.right + 1);
  // The letters carry the name too.
  const letter = await page.getByTestId('enterprise-letter').evaluate((el) => el.getBoundingClientRect().right);
  assert.ok(letter <= PHONE.width, `the letter ends at ${letter} px`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('printed on A4, the long report keeps a sane page count and its notes stay on the page', async () => {
  const page = await openPage(env, { viewport: { width: 1280, height: 900 } });
  await openChecklist(page);
  // What the same report prints on when its content is short, for comparison.
  await page.getByRole('checkbox', { name: text(always[0].title), exact: true }).check();
  await page.getByRole('link', { name: '打印自查报告和承诺书' }).click();
  await page.getByTestId('report').waitFor();
  await page.emulateMedia({ media: 'print' });
  const short = pdfPages(await page.pdf({ format: 'A4' }));
  // The report's 55 rows fill about three and a half A4 pages; each letter starts a page.
  assert.ok(short >= 3 && short <= 8, `${short} pages with short content`);

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: '返回自查清单' }).click();
  await page.getByTestId('status-panel').waitFor();
  await fillLong(page);
  await openReport(page);
  await page.emulateMedia({ media: 'print' });
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  // The note and the wrapped not-applicable states add about a page and a half; a squeezed
  // note column (three letters a line) alone would add four.
  assert.ok(pages <= short + 2, `${pages} pages, ${short} with short content`);

  // Laid out at the printed page's width, the notes are visible and inside the page.
  await page.setViewportSize({ width: Math.floor(A4_CONTENT_WIDTH), height: 1000 });
  const cell = page.getByTestId('report').locator(`tr[data-item="${always[0].id}"] td`).last();
  assert.equal(await cell.isVisible(), true);
  assert.ok((await cell.textContent()).includes(LONG_NOTE));
  const g = await reportGeometry(page);
  assert.ok(g.table.right <= A4_CONTENT_WIDTH + 1, `the table ends at ${g.table.right} px`);
  assert.ok(g.cell.right <= A4_CONTENT_WIDTH + 1, `the note ends at ${g.cell.right} px`);
  assert.ok(g.notes >= 0.35 * g.table.width, `the note column is ${g.notes} of ${g.table.width} px`);
  // At least twenty characters a line: the note's 580 characters take under thirty lines.
  const lineHeight = await cell.evaluate((td) => parseFloat(getComputedStyle(td).lineHeight));
  assert.ok(g.cell.height / lineHeight < 40, `the note takes ${g.cell.height / lineHeight} lines`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 320 px no checklist row cuts off its badges, state or reason', async () => {
  const page = await openPage(env, { viewport: PHONE });
  await openChecklist(page);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('button', { name: 'Reset this checklist' }).waitFor();
  const canteen = GUIDE.questions.find((q) => q.id === 'canteen');
  await page.getByRole('group', { name: text(canteen.text, 'en') }).getByLabel(text(canteen.answers.find((a) => a.id === 'no').label, 'en')).check();
  const hand = row(page, always[2]);
  await hand.getByRole('button', { name: 'Mark not applicable' }).click();
  await hand.getByLabel('Why it does not apply (short)').fill(LONG_REASON);
  await hand.getByRole('button', { name: 'Save' }).click();
  await hand.getByTestId('item-state').getByText(LONG_REASON, { exact: false }).waitFor();

  const clipped = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const found = [];
    for (const li of document.querySelectorAll('li[data-item]')) {
      // On screen, as a reader sees it: rows off screen may skip their layout.
      li.scrollIntoView({ block: 'center' });
      await frame();
      await frame();
      const box = li.getBoundingClientRect();
      for (const el of li.querySelectorAll('[data-testid="confidence"], [data-testid="item-state"], .tag, label, .what')) {
        const r = el.getBoundingClientRect();
        const cut = r.left < box.left - 0.5 || r.right > box.right + 0.5 || el.scrollWidth > el.clientWidth + 1;
        if (cut) found.push(`${li.dataset.item}: ${el.textContent.trim().slice(0, 40)} (${Math.round(r.right)} > ${Math.round(box.right)})`);
      }
    }
    return found;
  });
  assert.deepEqual(clipped, []);
  assert.ok(await page.getByTestId('confidence').first().isVisible());
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
