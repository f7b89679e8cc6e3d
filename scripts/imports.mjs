// Part of the release build (called by split.mjs): gives the main wasm's imports from its JS
// glue short names. wasm-bindgen names each import after the function it wraps plus a 16-digit
// hash (`__wbg_appendChild_1a2b3c4d5e6f7a8b`). The main wasm has about 200 of them, and each
// name is written twice, in the wasm and in the glue; the hashes alone are about 3 KB after
// brotli, since random digits do not compress. The glue is the only module that provides
// these imports (the other wasm parts reach them through the shared function table), so
// renaming them in both files together changes nothing else.

// Reads an unsigned LEB128 number at `pos`; returns [value, next position].
function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, pos];
  }
}

function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const text = new TextDecoder();
const utf8 = new TextEncoder();
const name = (s) => {
  const bytes = utf8.encode(s);
  return [...encodeLeb(bytes.length), ...bytes];
};

// Skips an import's description (what kind of thing it is and its type); returns the end.
function skipDescription(bytes, pos) {
  const kind = bytes[pos++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, pos)[1]; // A function: its type index.
    case 1: return limits(pos + 1); // A table: element type, then limits.
    case 2: return limits(pos); // A memory: limits.
    case 3: return pos + 2; // A global: value type and mutability.
    case 4: return leb(bytes, pos + 1)[1]; // A tag: attribute and type index.
    default: throw new Error(`imports: unknown import kind ${kind}`);
  }
}

// Short, distinct names: `a`, `b`, ... `Z`, `aa`, `ab`, ...
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  let n = index;
  do {
    out = letters[n % letters.length] + out;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return `$${out}`;
}

// Renames every import of `wasm` (bytes) from `module` and every key of the same name in
// `js`, the glue. Without `module`, the glue's module is the one import module whose name
// ends in `_bg.js` (Trunk's wasm-bindgen run names it after the crate, ours after the hashed
// file). Fails loudly if a name is not found in the glue exactly once, since the glue's shape
// would then not be the one this expects.
export function shortenImports(wasm, js, module = glueModule(wasm)) {
  const renamed = new Map();
  const entries = importsOf(wasm).map(({ module: from, field, description }) => {
    if (from !== module) return [from, field, description];
    if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
    return [from, renamed.get(field), description];
  });
  if (renamed.size === 0) throw new Error(`imports: the wasm imports nothing from ${module}`);
  const body = [...encodeLeb(entries.length)];
  for (const [from, field, description] of entries) body.push(...name(from), ...name(field), ...description);
  const chunks = [wasm.subarray(0, 8)];
  for (const section of sections(wasm)) {
    chunks.push(section.id === 2 ? Uint8Array.from([2, ...encodeLeb(body.length), ...body]) : section.bytes);
  }
  let out = js;
  for (const [from, to] of renamed) {
    // In the glue an import is a key of the imports object: `name: function(...)`.
    const key = new RegExp(`(?<![\\w$])${from.replace(/\$/g, '\\$')}(?=\\s*:)`, 'g');
    const found = out.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`imports: ${from} is a key ${found} times in the glue`);
    out = out.replace(key, to);
  }
  return { wasm: Buffer.concat(chunks), js: out, count: renamed.size };
}

// The sections of `wasm` (bytes), in order: their id, their bytes with the header, and where
// their contents start and end.
function sections(wasm) {
  const found = [];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = leb(wasm, pos + 1);
    found.push({ id, bytes: wasm.subarray(pos, start + size), start, end: start + size });
    pos = start + size;
  }
  return found;
}

// The imports of `wasm` (bytes), in order, as `{ module, field, description }`, the last
// being the bytes that say what kind of thing is imported and its type.
export function importsOf(wasm) {
  const section = sections(wasm).find((s) => s.id === 2);
  if (!section) return [];
  const found = [];
  let [count, p] = leb(wasm, section.start);
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = leb(wasm, p);
    const module = text.decode(wasm.subarray(p, p + len));
    p += len;
    [len, p] = leb(wasm, p);
    const field = text.decode(wasm.subarray(p, p + len));
    const end = skipDescription(wasm, p + len);
    found.push({ module, field, description: wasm.subarray(p + len, end) });
    p = end;
  }
  if (p !== section.end) throw new Error('imports: the import section did not parse to its end');
  return found;
}

// The name of the one import module of `wasm` that is wasm-bindgen's glue.
function glueModule(wasm) {
  const modules = new Set(importsOf(wasm).map((i) => i.module));
  const glue = [...modules].filter((m) => m.endsWith('_bg.js'));
  if (glue.length !== 1) throw new Error(`imports: expected one glue module, found ${[...modules].join(', ')}`);
  return glue[0];
}
