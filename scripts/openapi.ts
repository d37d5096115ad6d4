// Writes the OpenAPI 3.1 document built from the zod schemas (src/schema/openapi.ts).
//   npm run openapi [-- <output path>]   (default dist/openapi.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { toOpenApi } from '../src/schema/openapi';

const out = resolve(process.argv[2] ?? 'dist/openapi.json');
const doc = toOpenApi();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
const paths = Object.keys(doc.paths as object).length;
const schemas = Object.keys((doc.components as { schemas: object }).schemas).length;
console.log(`wrote ${out}: ${paths} paths, ${schemas} component schemas`);
