// Import-rule check for ../shared/design.md §1: every import in src/ must point down the layer
// arrows, demo/ may use only the public `chartmark/<layer>` entry points, and no file-level
// import cycle may exist. Exits non-zero with one line per offence.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * layer → [layers it may import, packages it may import], as design.md §1's table says. A package
 * listed here may be imported for its values; a layer may also import the *types* of a package that
 * a layer below it lists (konva and view hold a lightweight-charts `IChartApi`, sync a zod schema
 * type), never its runtime: chart/ alone runs lightweight-charts, konva/ alone konva, schema/ zod.
 */
export const RULES = {
  core: [[], []],
  schema: [['core'], ['zod']],
  editor: [['core'], ['immer']],
  chart: [['core'], ['lightweight-charts']],
  render: [['core'], []],
  konva: [['core', 'editor', 'chart', 'render'], ['konva']],
  svg: [['core'], []],
  view: [['core', 'chart', 'render', 'svg'], []],
  sync: [['core', 'schema', 'editor'], []],
  embed: [['core', 'editor', 'chart', 'konva', 'render', 'view', 'sync', 'schema'], []],
  elements: [['embed'], []],
  server: [
    ['core', 'schema', 'svg'],
    ['hono', '@hono/', 'better-sqlite3', 'pg', '@electric-sql/', 'zod', 'jose', 'node:'],
  ],
};

/** The packages whose types `layer` may import: its own and those of every layer below it. */
function typePackagesOf(layer, seen = new Set()) {
  if (seen.has(layer)) return [];
  seen.add(layer);
  const [layers, pkgs] = RULES[layer];
  return [...pkgs, ...layers.flatMap((l) => typePackagesOf(l, seen))];
}

/**
 * Database drivers, each allowed only inside its backend folder of the server's one storage port
 * (design.md §1): everything else reaches a database through `src/server/storage/sql.ts`.
 */
export const DRIVERS = {
  'better-sqlite3': 'server/storage/sqlite/',
  pg: 'server/storage/postgres/',
  '@electric-sql/pglite': 'server/storage/postgres/',
};

const IMPORT =
  /(?:^|[\s;])(import|export)\s([^'";]*?)from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
const SOURCE = /\.(ts|tsx|mts)$/;

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

// `import type …`, `export type …`, or braces whose every name is marked `type`: erased at build.
function isTypeOnly(clause) {
  const c = clause.trim();
  if (/^type\s/.test(c)) return true;
  const braces = /^\{([^}]*)\}$/.exec(c);
  if (!braces) return false;
  const names = braces[1]
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length > 0 && names.every((n) => /^type\s/.test(n));
}

/** The imports of `file`: each module specifier and whether only types come through it. */
function importsOf(file) {
  const specs = [];
  for (const m of stripComments(readFileSync(file, 'utf8')).matchAll(IMPORT)) {
    if (m[3] !== undefined) specs.push({ spec: m[3], typeOnly: isTypeOnly(m[2]) });
    else specs.push({ spec: m[4] ?? m[5], typeOnly: false });
  }
  return specs;
}

function resolveRelative(from, spec) {
  const base = normalize(join(dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {}
  }
  return base;
}

const packageOf = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
const allowsPackage = (pkgs, spec) =>
  pkgs.some((p) => (p.endsWith(':') || p.endsWith('/') ? spec.startsWith(p) : packageOf(spec) === p));

/** Returns the list of offences over src/ and demo/ under root. */
export function check(root = '.') {
  const offences = [];
  const graph = new Map();
  const src = join(root, 'src');
  for (const file of walk(src)) {
    const parts = relative(src, file).split(sep);
    const layer = parts.length > 1 ? parts[0] : null;
    const rule = RULES[layer];
    const edges = [];
    graph.set(file, edges);
    if (!rule) {
      offences.push(`${file}: not inside a known layer (${Object.keys(RULES).join(', ')})`);
      continue;
    }
    const [layers, pkgs] = rule;
    const typePkgs = typePackagesOf(layer);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec);
        edges.push(target);
        const rel = relative(src, target).split(sep);
        const tl = rel[0];
        if (rel[0] === '..' || rel.length < 2) offences.push(`${file}: imports ${spec}, outside src/ layers`);
        else if (tl !== layer && !layers.includes(tl))
          offences.push(`${file}: ${layer} may not import ${tl} (${spec})`);
      } else if (!allowsPackage(typeOnly ? typePkgs : pkgs, spec)) {
        const types = allowsPackage(typePkgs, spec) ? ' at runtime (its types only)' : '';
        offences.push(`${file}: ${layer} may not import package ${spec}${types}`);
      } else {
        const home = DRIVERS[packageOf(spec)];
        const path = relative(src, file).split(sep).join('/');
        if (home && !path.startsWith(home))
          offences.push(`${file}: imports the database driver ${spec} outside src/${home}`);
      }
    }
  }
  try {
    for (const file of walk(join(root, 'demo'))) {
      for (const { spec } of importsOf(file)) {
        const escapes =
          spec.startsWith('.') && relative(join(root, 'demo'), resolveRelative(file, spec)).startsWith('..');
        if (escapes || /(^|\/)src\//.test(spec))
          offences.push(`${file}: demo must import chartmark/<layer>, not ${spec}`);
      }
    }
  } catch {}
  for (const cycle of cycles(graph)) offences.push(`import cycle: ${cycle.join(' → ')}`);
  return offences;
}

// Tarjan's strongly connected components; any component larger than one file is a cycle.
function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(cyclePath(graph, comp.reverse()));
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

// A component is a set, not a path: listing it in stack order can name imports that do not exist
// (a → b → c when b never imports c). Report one real cycle through the component's first file —
// the shortest, found breadth-first inside the component — closed back on itself, and say how many
// other files share the component.
function cyclePath(graph, comp) {
  const start = comp[0];
  const inside = new Set(comp);
  const parent = new Map();
  const queue = [start];
  let end = null;
  while (queue.length > 0 && end === null) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        end = v;
        break;
      }
      if (inside.has(w) && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  const path = [start];
  for (let v = end; v !== start; v = parent.get(v)) path.splice(1, 0, v);
  path.push(start);
  const others = comp.length - (path.length - 1);
  if (others > 0)
    path[path.length - 1] += ` (and ${others} more file${others > 1 ? 's' : ''} in the same cycle)`;
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const offences = check('.');
  for (const o of offences) console.log(`BREAKS ${o}`);
  console.log(`layers: ${offences.length} offences`);
  process.exit(offences.length ? 1 : 0);
}
