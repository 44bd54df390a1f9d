// Builds the API for production: every TypeScript file of the API and of the libraries it
// uses is transpiled by SWC (decorator metadata on, for NestJS) into dist/apps/api, keeping
// the folder layout, and the `@govdesk/*` path aliases are rewritten to relative imports.
// Type-checking is a separate target (`nx run-many -t typecheck`).
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/apps/api');
const sources = ['apps/api/src', 'libs/domain/src', 'libs/contracts/src', 'libs/text-analysis/src'];

const options = {
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: {
      '@govdesk/domain': ['libs/domain/src/index.ts'],
      '@govdesk/contracts': ['libs/contracts/src/index.ts'],
      '@govdesk/text-analysis': ['libs/text-analysis/src/index.ts'],
    },
  },
  module: { type: 'commonjs', ignoreDynamic: true },
};

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (/\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const started = Date.now();
await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const source of sources) {
  for await (const file of walk(join(root, source))) {
    const rel = relative(root, file).replace(/\.ts$/, '.js');
    const target = join(outDir, rel);
    const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: relative(dirname(target), file) });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${rel.split('/').pop()}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count++;
  }
}
console.log(`built ${count} files into ${relative(root, outDir)} in ${Date.now() - started} ms`);
