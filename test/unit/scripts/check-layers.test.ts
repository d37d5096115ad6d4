import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The checker is plain ESM JavaScript (it runs in CI without a TypeScript loader), so it is
// imported by URL and given its type here.
type Check = (root: string) => string[];
const { check } = (await import(new URL('../../../scripts/check-layers.mjs', import.meta.url).href)) as {
  check: Check;
};

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** Writes `files` (path → content) under a fresh temporary root and returns the root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cm-layers-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const GOOD = {
  'src/core/units.ts': 'export type Px = number;\n',
  'src/core/index.ts': "export type { Px } from './units';\n",
  'src/schema/codec.ts':
    "import { z } from 'zod';\nimport type { Px } from '../core';\nexport const px = z.number();\n",
  'src/svg/paint.ts':
    "import type { Px } from '../core/units';\nexport const paint = (x: Px) => String(x);\n",
  'src/server/app.ts':
    "import { Hono } from 'hono';\nimport { readFileSync } from 'node:fs';\nimport { px } from '../schema/codec';\nexport { Hono, readFileSync, px };\n",
  'demo/main.ts': "import { paint } from 'chartmark/svg';\nimport './local';\n",
  'demo/local.ts': 'export {};\n',
};

describe('check-layers', () => {
  it('finds no offence in a tree that follows the layer rules', () => {
    expect(check(tree(GOOD))).toEqual([]);
  });

  it('reports core importing schema', () => {
    const root = tree({
      ...GOOD,
      'src/core/bad.ts': "import { px } from '../schema/codec';\nexport { px };\n",
    });
    expect(check(root)).toEqual([`${root}/src/core/bad.ts: core may not import schema (../schema/codec)`]);
  });

  it('reports a package the layer may not use', () => {
    const root = tree({
      ...GOOD,
      'src/core/zodded.ts': "import { z } from 'zod';\nexport const n = z.number();\n",
    });
    expect(check(root)).toEqual([`${root}/src/core/zodded.ts: core may not import package zod`]);
  });

  it('reports a file cycle inside one layer', () => {
    const root = tree({
      ...GOOD,
      'src/core/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/core/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(check(root)).toEqual([
      `import cycle: ${root}/src/core/a.ts → ${root}/src/core/b.ts → ${root}/src/core/a.ts`,
    ]);
  });

  it('reports a longer cycle as the real chain of imports, closed on its first file', () => {
    const root = tree({
      ...GOOD,
      'src/editor/a.ts': "import './b';\n",
      'src/editor/b.ts': "import './c';\n",
      'src/editor/c.ts': "export * from './a';\n",
    });
    const f = (n: string) => `${root}/src/editor/${n}.ts`;
    expect(check(root)).toEqual([`import cycle: ${f('a')} → ${f('b')} → ${f('c')} → ${f('a')}`]);
  });

  it('names only imports that exist when a cycle group has more files than one cycle', () => {
    // a ↔ b and a ↔ c: one group of three files, but b never imports c.
    const root = tree({
      ...GOOD,
      'src/editor/a.ts': "import './b';\nimport './c';\n",
      'src/editor/b.ts': "import './a';\n",
      'src/editor/c.ts': "import './a';\n",
    });
    const f = (n: string) => `${root}/src/editor/${n}.ts`;
    expect(check(root)).toEqual([
      `import cycle: ${f('a')} → ${f('b')} → ${f('a')} (and 1 more file in the same cycle)`,
    ]);
  });

  it('reports a file that imports itself', () => {
    const root = tree({ ...GOOD, 'src/core/self.ts': "export * from './self';\n" });
    expect(check(root)).toEqual([`import cycle: ${root}/src/core/self.ts → ${root}/src/core/self.ts`]);
  });

  it('reports demo reaching into src instead of chartmark/<layer>', () => {
    const root = tree({
      ...GOOD,
      'demo/editor.ts': "import { Px } from '../src/core';\nexport type { Px };\n",
    });
    expect(check(root)).toEqual([
      `${root}/demo/editor.ts: demo must import chartmark/<layer>, not ../src/core`,
    ]);
  });

  it('ignores imports inside comments', () => {
    const root = tree({
      ...GOOD,
      'src/core/doc.ts': "// import { z } from 'zod';\n/* import x from '../schema/codec'; */\nexport {};\n",
    });
    expect(check(root)).toEqual([]);
  });

  it('lets a layer import the types of a package a layer below it runs, never its values', () => {
    const root = tree({
      ...GOOD,
      'src/view/types.ts':
        "import type { IChartApi } from 'lightweight-charts';\nimport { type ISeriesApi } from 'lightweight-charts';\nexport type { IChartApi, ISeriesApi };\n",
      'src/view/make.ts':
        "import { createChart, type IChartApi } from 'lightweight-charts';\nexport { createChart };\n",
      'src/svg/stage.ts': "import type { Stage } from 'konva/lib/Stage';\nexport type { Stage };\n",
    });
    expect(check(root)).toEqual([
      `${root}/src/svg/stage.ts: svg may not import package konva/lib/Stage`,
      `${root}/src/view/make.ts: view may not import package lightweight-charts at runtime (its types only)`,
    ]);
  });

  it('keeps the custom elements on the embed alone', () => {
    const root = tree({
      ...GOOD,
      'src/elements/el.ts': "import type { Px } from '../core/units';\nexport type { Px };\n",
    });
    expect(check(root)).toEqual([`${root}/src/elements/el.ts: elements may not import core (../core/units)`]);
  });
});
