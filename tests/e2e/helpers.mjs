// Shared set-up for the end-to-end tests: one static server for the release build in dist/,
// one Debian Chromium, and a fresh page per test that records console errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, DIST } from './serve.mjs';

// These flags keep Chromium from reaching for the network, which is closed on our machines.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The guide in every language, as written in public/, so tests follow the content instead of
 * hard-coding it. The build ships it split into one file per language.
 */
export const GUIDE = JSON.parse(readFileSync(new URL('../../public/guide/jimei.json', import.meta.url), 'utf8'));

/** The guide file the build ships for language `tag`. */
export const builtGuide = (tag) => JSON.parse(readFileSync(join(DIST, 'guide', `jimei.${tag}.json`), 'utf8'));

/** Starts the server and the browser; returns handles and a `close` for the `after` hook. */
export async function start() {
  const server = await serve(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    server,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens a page in a new context (so local storage starts empty) and collects every console
 * error and uncaught page error into `page.errors`.
 */
export async function openPage(env, { viewport = { width: 390, height: 844 }, locale = 'zh-CN' } = {}) {
  const context = await env.browser.newContext({ viewport, locale });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  return page;
}

/**
 * Holds the wasm back so the static shell can be looked at; resolves to a function that lets
 * it through.
 */
export async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the app has replaced the static shell and the guide has loaded. */
export async function appReady(page) {
  await page.waitForSelector('#shell', { state: 'detached' });
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
}

/** The text of a guide text object in a language. */
export function text(obj, lang = 'zh-Hans') {
  return obj[lang];
}

/**
 * Reads `key` from the page's local storage once a save the app scheduled has run: it saves
 * just after the next frame (or on a timer in a page that draws no frames).
 */
export function readStorage(page, key) {
  return page.evaluate(async (key) => {
    await new Promise((ok) => {
      requestAnimationFrame(() => setTimeout(ok, 0));
      setTimeout(ok, 250);
    });
    return localStorage.getItem(key);
  }, key);
}
