// A static file server for the release build, as a plain static host would serve it: files
// from dist/, and index.html for any other path so deep links survive a reload. Hashed files go
// out immutable and the rest with validators and `no-cache`, as the README tells hosts to.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// JIMEI_DIST points the tests at another build, such as one made in a separate target dir.
export const DIST = process.env.JIMEI_DIST
  ? resolve(process.env.JIMEI_DIST)
  : resolve(fileURLToPath(import.meta.url), '../../../dist');

// Names that carry a content hash (see README, "Hosting"): a new build gives them new names, so
// they are cached for good; everything else is revalidated on each use.
const HASHED = /^\/(pkg-[0-9a-f]+\/|(app|pages)-[0-9a-f]+\.css$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

// Types a real host would compress. Images are already small and load lazily.
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest']);

/**
 * Starts serving `root` on 127.0.0.1 at `port` (0 picks a free one); resolves to the server.
 * Setting `server.root` later serves another build at the same origin, as a new deploy would.
 * With `compress`, text and wasm go out brotli-encoded as on a production host, so paint
 * figures measure the bytes a phone would really download.
 */
export function serve(root = DIST, port = 0, { compress = false } = {}) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const root = server.root;
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // Unknown paths without an extension are app routes: fall back to index.html.
      if (extname(path) === '') file = join(root, 'index.html');
    }
    try {
      let body = await readFile(file);
      const modified = (await stat(file)).mtime;
      modified.setMilliseconds(0);
      // The index.html that answers an app route is not a hashed file, whatever the path.
      const hashed = HASHED.test(path) && !file.endsWith('index.html');
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? IMMUTABLE : 'no-cache',
        'last-modified': modified.toUTCString(),
      };
      if (compress && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}`;
        if (!cache.has(key)) {
          cache.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = cache.get(key);
        headers['content-encoding'] = 'br';
        headers.vary = 'accept-encoding';
      }
      // A validator per encoding, from the bytes sent, as a host's would be.
      headers.etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
      const match = req.headers['if-none-match'];
      const since = Date.parse(req.headers['if-modified-since'] ?? '');
      const fresh = match !== undefined ? match.split(/\s*,\s*/).includes(headers.etag) : since >= modified.getTime();
      if (fresh) {
        delete headers['content-type'];
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.root = root;
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

// Run directly to preview the release build: node tests/e2e/serve.mjs [port]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(DIST, Number(process.argv[2] ?? 8081), { compress: true });
  console.log(`serving ${DIST} at http://127.0.0.1:${server.address().port}/`);
}
