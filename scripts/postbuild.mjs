// Trunk post-build hook (see Trunk.toml). For every build it splits the guide into one file
// per language, so a visitor downloads and parses only the language they read. For release
// builds it also:
//  0. keeps only style/main.css in the first screen's stylesheet and joins the pages' own
//     into a file loaded when a page that shows the guide opens, and makes Trunk's loader
//     start the app once the first screen has loaded (see ARCHITECTURE.md, "First screen");
//  1. adds a Content-Security-Policy meta tag whose script-src allows Trunk's inline loader
//     by its sha256 hash and nothing else inline;
//  2. writes sw.js, the service worker, with the list of every built file and a cache name
//     derived from their contents, so each deploy gets its own complete cache;
//  3. adds the service worker's registration script;
//  4. minifies the JS, the CSS and index.html (minify.mjs), and gives the wasm's imports short
//     names (imports.mjs);
//  5. cuts the wasm into parts loaded when needed and optimizes them (split.mjs), or with
//     JIMEI_NO_SPLIT=1 (a one-file build to measure against) only optimizes it.
// Development builds (trunk serve) are left alone: Trunk injects its live-reload script at
// serve time, which a strict policy would block.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { shortenImports } from './imports.mjs';
import { minifyCss, minifyHtml, minifyJs } from './minify.mjs';
import { optimize, splitWasm } from './split.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');

// The guide per language: public/guide/jimei.json holds every language and stays the one
// source; guide/jimei.<tag>.json keeps, of each text, only the text in <tag>. A text is an
// object whose keys are all language tags of the guide and whose values are all strings.
const guidePath = join(staging, 'guide', 'jimei.json');
const guide = JSON.parse(readFileSync(guidePath, 'utf8'));
const isText = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 &&
  Object.entries(value).every(([k, v]) => guide.languages.includes(k) && typeof v === 'string');
const only = (value, tag) => {
  if (isText(value)) return tag in value ? { [tag]: value[tag] } : value;
  if (Array.isArray(value)) return value.map((v) => only(v, tag));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, only(v, tag)]));
  }
  return value;
};
for (const tag of guide.languages) {
  writeFileSync(join(staging, 'guide', `jimei.${tag}.json`), JSON.stringify({ ...only(guide, tag), languages: [tag] }));
}
rmSync(guidePath);
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// Two stylesheets, named by their contents like Trunk's own files: style/main.css for the
// first screen, linked from index.html, and the pages' rules (the checklist's, the
// flowchart's), which the app loads as the first page that shows the guide opens
// (src/browser/styles.rs finds the file through a meta tag). The home page downloads only
// the first.
const sheets = [...html.matchAll(/<link rel="stylesheet" href="\/(([a-z]+)-[0-9a-f]+\.css)"[^>]*>\n?\s*/g)];
const firstSheet = sheets.filter((m) => m[2] === 'main');
const pageSheets = sheets.filter((m) => m[2] !== 'main');
if (firstSheet.length !== 1 || pageSheets.length === 0) {
  throw new Error('postbuild: expected style/main.css and the pages\' stylesheets linked from index.html');
}
const joinSheets = (list) => minifyCss(list.map((m) => readFileSync(join(staging, m[1]), 'utf8')).join('\n'));
const writeSheet = (prefix, css) => {
  const file = `${prefix}-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(staging, file), css);
  return `/${file}`;
};
const cssUrl = writeSheet('app', joinSheets(firstSheet));
const pagesCssUrl = writeSheet('pages', joinSheets(pageSheets));
for (const m of sheets) rmSync(join(staging, m[1]));
html = html.replace(
  sheets[0][0],
  `<link rel="stylesheet" href="${cssUrl}">\n  <meta name="jimei-page-styles" content="${pagesCssUrl}">\n  `,
);
for (const m of sheets.slice(1)) html = html.replace(m[0], '');

// Trunk's loader imports the app at once, which makes the wasm compete with the first
// screen's own few kilobytes on a slow link. Ours starts it when the page has loaded (the
// shell is then on screen) and fetches the JS, the wasm and the guide in parallel.
const loader = html.match(/<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);([\s\S]*?)<\/script>/);
if (!loader) throw new Error("postbuild: Trunk's loader script has an unexpected shape");
const [, jsUrl, wasmUrl, rest] = loader;
let split = null;
if (process.env.JIMEI_NO_SPLIT) {
  const wasm = join(staging, basename(wasmUrl));
  const js = join(staging, basename(jsUrl));
  optimize(wasm, wasm);
  const short = shortenImports(readFileSync(wasm), readFileSync(js, 'utf8'));
  writeFileSync(wasm, short.wasm);
  writeFileSync(js, minifyJs(short.js, { module: true }));
} else {
  split = splitWasm(staging, jsUrl, wasmUrl);
}
// The split points each route's page needs (its own and the guide's), so that a deep link
// fetches their parts alongside the main wasm instead of after it. Keep in step with the
// routes in src/ui/app.rs; tests/e2e/app.test.mjs checks that a deep link fetches each part
// once.
const ROUTE_PARTS = {
  '/flowchart': ['flowchart', 'guide'],
  '/checklist': ['checklist', 'guide'],
  '/report': ['report', 'guide'],
  '/about': ['about', 'guide'],
};
const routeFiles = {};
for (const [route, points] of Object.entries(split ? ROUTE_PARTS : {})) {
  routeFiles[route] = [...new Set(points.flatMap((point) => {
    if (!split.parts[point]) throw new Error(`postbuild: no wasm part for the split point ${point}`);
    return split.parts[point].map((file) => `/${file}`);
  }))];
}
// Every route of ROUTE_PARTS shows the guide, and so needs the pages' stylesheet too.
const routeStyles = Object.keys(ROUTE_PARTS);
// Trunk also preloads both from <head>, which would start them before the first screen.
for (const url of [jsUrl, wasmUrl]) {
  const link = new RegExp(`<link rel="(?:modulepreload|preload)" href="${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
  if (!link.test(html)) throw new Error(`postbuild: Trunk's preload of ${url} not found`);
  html = html.replace(link, '');
}
// `href` is a JavaScript expression, so the guide's can name the language the page shows.
const preload = (href, as, type) =>
  `l = document.createElement('link'); l.rel = '${as === 'script' ? 'modulepreload' : 'preload'}'; l.href = ${href};` +
  (as === 'script' ? '' : as === 'style' ? " l.as = 'style';" : ` l.as = 'fetch'; l.type = '${type}'; l.crossOrigin = 'anonymous';`) +
  ' document.head.append(l);';
html = html.replace(loader[0], `<script type="module">
const start = async () => {
  let l;
  ${preload(`'${wasmUrl}'`, 'fetch', 'application/wasm')}
  ${preload("'/guide/jimei.' + document.documentElement.lang + '.json'", 'fetch', 'application/json')}
  ${split ? preload(`'${split.loader}'`, 'script') : ''}
  const route = '/' + location.pathname.split('/')[1];
  const parts = ${JSON.stringify(routeFiles)}[route] || [];
  for (const part of parts) { ${preload('part', 'fetch', 'application/wasm')} }
  if (${JSON.stringify(routeStyles)}.includes(route)) { ${preload(`'${pagesCssUrl}'`, 'style')} }
  // The wasm is fetched whole and compiled from its bytes, not streamed: a streaming compile
  // finishes on the main thread in one long task (ARCHITECTURE.md, "First screen").
  const wasmBytes = fetch('${wasmUrl}').then((r) => { if (!r.ok) throw new Error('${wasmUrl}: HTTP ' + r.status); return r.arrayBuffer(); });
  const bindings = await import('${jsUrl}');
  const wasm = await bindings.default({ module_or_path: wasmBytes });
${rest.trim()}
};
if (document.readyState === 'complete') start();
else addEventListener('load', () => requestAnimationFrame(() => setTimeout(start)), { once: true });
</script>`);

html = minifyHtml(html);

// The policy. Keep it in step with README.md, "Hosting", which gives the same as a header.
const inlineHashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
);
export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineHashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`,
);

// Every file of the build, for the service worker to precache.
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
html = html.replace('</body>', '  <script src="/sw-register.js" defer></script>\n</body>');
writeFileSync(indexPath, html);
writeFileSync(join(staging, 'sw-register.js'), minifyJs(readFileSync(new URL('./sw-register.js', import.meta.url), 'utf8')));

const files = walk(staging)
  .map((path) => '/' + relative(staging, path).split('\\').join('/'))
  .filter((url) => url !== '/sw.js')
  .sort();
const digest = createHash('sha256');
for (const url of files) digest.update(url).update(readFileSync(join(staging, url)));
const version = digest.digest('hex').slice(0, 16);
const worker = readFileSync(new URL('./sw.js', import.meta.url), 'utf8')
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(['/', ...files.filter((f) => f !== '/index.html')], null, 2));
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`postbuild: CSP with ${inlineHashes.length} inline hash(es); sw.js caches ${files.length} files as ${version}`);
