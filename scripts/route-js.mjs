// `node scripts/route-js.mjs` after `next build`: the JavaScript each page route loads first, gzipped.
// Next.js 16 no longer prints "First Load JS", so this adds it up the same way: the root main chunks plus
// every chunk the route's segments (layouts, page, loading, error) name in its client reference manifest.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const next = path.resolve(process.argv[2] ?? ".next");
const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8"));
const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(next, file))).length);
  return gzipped.get(file);
};

function* manifests(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* manifests(full);
    else if (name === "page_client-reference-manifest.js") yield full;
  }
}

const rows = [];
for (const file of manifests(path.join(next, "server", "app"))) {
  globalThis.__RSC_MANIFEST = {};
  // The manifest is a script that assigns to a global; evaluating it is the documented way to read it.
  new Function(readFileSync(file, "utf8"))();
  const [entry, manifest] = Object.entries(globalThis.__RSC_MANIFEST)[0];
  const route = entry.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const chunk of chunks) files.add(chunk);
  rows.push({ route, kb: [...files].reduce((n, f) => n + sizeOf(f), 0) / 1024 });
}
const shared = build.rootMainFiles.reduce((n, f) => n + sizeOf(f), 0) / 1024;
console.log(`shared by all: ${shared.toFixed(1)} kB gzip`);
for (const row of rows.sort((a, b) => a.route.localeCompare(b.route))) console.log(`${row.route.padEnd(34)} ${row.kb.toFixed(1).padStart(7)} kB`);
