// Accessibility: axe-core checks every route in every language against WCAG 2.1 A and AA.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, appReady, GUIDE } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const firstStep = GUIDE.nodes.find((n) => n.kind === 'step');
const ROUTES = ['/', '/flowchart', `/flowchart/${firstStep.id}`, '/checklist', '/checklist?role=employee', '/report', '/ledger', '/about', '/nowhere'];
const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'];

for (const lang of LANGUAGES) {
  test(`axe finds no WCAG 2.1 AA violation on any route in ${lang}`, async () => {
    // axe is injected as a script, which our own policy would rightly block.
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    await context.addInitScript((tag) => localStorage.setItem('jimei.language', tag), lang);
    const page = await context.newPage();
    const report = [];
    for (const route of ROUTES) {
      await page.goto(env.base + route);
      await appReady(page);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      });
      for (const v of violations) report.push(`${route}: ${v}`);
    }
    assert.deepEqual(report, []);
    await context.close();
  });
}
