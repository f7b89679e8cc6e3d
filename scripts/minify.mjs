// Part of the release build (called by postbuild.mjs): shrinks the text files the first screen
// downloads. wasm-bindgen's glue and our stylesheet are written to be read, with comments and
// long names; esbuild cuts them by about a third after brotli. Names that other files use
// (the glue's exports, the imports object's keys, CSS classes) are kept: esbuild only renames
// what is local to a file. No target is set, so the syntax stays the one the browser would
// have run anyway.
import { transformSync } from 'esbuild';

export function minifyJs(code, { module = false } = {}) {
  return transformSync(code, { loader: 'js', minify: true, format: module ? 'esm' : undefined })
    .code.trim();
}

export function minifyCss(code) {
  return transformSync(code, { loader: 'css', minify: true }).code.trim();
}

// index.html: drops comments and indentation and minifies the inline scripts. Text between
// tags is left as it is, so the shell reads the same; `<noscript>` keeps its markup.
export function minifyHtml(html) {
  const scripts = [];
  // The scripts are set aside first, so nothing inside them is taken for a comment.
  let out = html.replace(/(<script(?![^>]*\bsrc=)([^>]*)>)([\s\S]*?)(<\/script>)/g, (_, open, attrs, body, close) => {
    scripts.push(`${open}${minifyJs(body, { module: /type="module"/.test(attrs) })}${close}`);
    return `\u0000${scripts.length - 1}\u0000`;
  });
  out = out.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n').replace(/\n{2,}/g, '\n');
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => scripts[Number(i)]);
}
