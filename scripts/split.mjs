// Part of the release build (called by postbuild.mjs): cuts the app's wasm into the file the
// first screen needs and files that pages load when they open (see ARCHITECTURE.md, "Split
// wasm"), then optimizes every file with wasm-opt.
//
// Trunk has already built the app and run wasm-bindgen on the whole, uncut wasm. This takes
// cargo's own output instead, cuts it with wasm-split-cli at the `split_fn!` points, runs
// wasm-bindgen on the main part, and writes the results over Trunk's files under their names,
// which index.html already refers to. The other parts get content hashes in their names.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { shortenImports } from './imports.mjs';
import { minifyJs } from './minify.mjs';

// The features our wasm uses; wasm-opt must be told, or it refuses the module.
// The producers and target-features sections only describe the build; browsers ignore them.
const WASM_OPT = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--strip-producers',
  '--strip-target-features'];

// wasm-opt warns about a names subsection that wasm-split-cli writes and it does not know;
// the names are dropped anyway, so those lines are left out of the build's output.
const QUIET = /^warning: unknown name subsection with id 3 at \d+$/;
function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  const lines = (result.stderr ?? '').split('\n').filter((line) => line && !QUIET.test(line));
  if (lines.length) console.error(lines.join('\n'));
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`split: ${command} failed with status ${result.status}`);
}
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// Where cargo put the wasm: the target directory cargo itself reports, so CARGO_TARGET_DIR
// and .cargo/config.toml are honoured.
function cargoWasm() {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { encoding: 'utf8' }));
  return join(meta.target_directory, 'wasm32-unknown-unknown', 'release', 'jimei.wasm');
}

// Optimizes `input` into `output` in place of Trunk's own pass (index.html turns it off).
export function optimize(input, output) {
  run('wasm-opt', [...WASM_OPT, input, '-o', output]);
}

// `jsUrl` and `wasmUrl` are Trunk's files, as index.html names them (`/jimei-<hash>.js`).
// Returns the URL of the loader module that the main JS imports, and the files each split
// point needs (`partsOf`), for index.html to preload.
export function splitWasm(staging, jsUrl, wasmUrl) {
  const work = mkdtempSync(join(tmpdir(), 'jimei-split-'));
  try {
    const name = basename(jsUrl, '.js');
    const cut = join(work, 'cut');
    const bound = join(work, 'bound');
    // The loader module the tool writes imports `initSync` from `./<name>.js`: the main JS.
    run('wasm-split-cli', [cargoWasm(), cut, '--target', 'web', '--out-name', name]);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--out-dir', bound, '--out-name', name,
      join(cut, `${name}.wasm`)]);
    const mainWasm = join(staging, basename(wasmUrl));
    optimize(join(bound, `${name}_bg.wasm`), mainWasm);

    // The parts, named by their contents; the loader module refers to them by name.
    let loader = readFileSync(join(cut, '__wasm_split.js'), 'utf8');
    const parts = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
    if (parts.length === 0) throw new Error('split: wasm-split-cli wrote no parts; are the split points there?');
    for (const part of parts) {
      const optimized = join(work, part);
      optimize(join(cut, part), optimized);
      const bytes = readFileSync(optimized);
      const hashed = `${basename(part, '.wasm')}-${hash(bytes)}.wasm`;
      const reference = `"./${part}"`;
      if (!loader.includes(reference)) throw new Error(`split: the loader does not name ${part}`);
      loader = loader.replaceAll(reference, `"./${hashed}"`);
      writeFileSync(join(staging, hashed), bytes);
    }
    // Read before minifying, which renames the loader's own variables.
    const needs = partsOf(loader);
    loader = minifyJs(loader, { module: true });
    const loaderName = `split-${hash(loader)}.js`;
    writeFileSync(join(staging, loaderName), loader);

    // The main JS imports the loader module by the tool's fixed name. Only the import
    // statement changes: the same name is also the module's key in the wasm's imports.
    let js = readFileSync(join(bound, `${name}.js`), 'utf8');
    const importOf = /(\bfrom\s*)(['"])\.\/__wasm_split\.js\2/g;
    if (!importOf.test(js)) throw new Error('split: the main JS does not import the loader module');
    js = js.replaceAll(importOf, `$1'./${loaderName}'`);
    const short = shortenImports(readFileSync(mainWasm), js, `./${name}_bg.js`);
    writeFileSync(mainWasm, short.wasm);
    writeFileSync(join(staging, basename(jsUrl)), minifyJs(short.js, { module: true }));
    return { loader: `/${loaderName}`, parts: needs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// The files each split point needs, read from the loader module wasm-split-cli 0.2.4 writes:
// for `checklist`, its own part (`split_checklist-…`) and the shared parts it waits for
// (`chunk_<n>-…`). Fails loudly if the module's shape is not the one expected.
function partsOf(loader) {
  const shared = new Map();
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    shared.set(m[1], m[2]);
  }
  const parts = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g)) {
    const own = m[2].match(/new URL\("\.\/([^"]+)"/);
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
      if (!shared.has(d)) throw new Error(`split: the loader module names an unknown part ${d}`);
      return shared.get(d);
    });
    parts[m[1]] = [...(own ? [own[1]] : []), ...deps];
  }
  if (Object.keys(parts).length === 0) throw new Error("split: could not read the loader module's parts");
  return parts;
}
