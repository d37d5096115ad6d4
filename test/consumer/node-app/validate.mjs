// Plain Node, no loader: the schema validates the documented create example and rejects its LINE
// cut to one point (the spec's own error example); the SVG renderer renders the example; and every
// browser entry point imports without touching the DOM (server-side rendering).
import { readFileSync } from 'node:fs';
import { CreateAnalysisRequest, wireIssues } from 'chartmark/schema';
import { renderAnalysisSvg } from 'chartmark/svg';

const example = JSON.parse(readFileSync(new URL('./create-example.json', import.meta.url), 'utf8'));
const valid = CreateAnalysisRequest.safeParse(example);
const invalid = CreateAnalysisRequest.safeParse({
  ...example,
  drawings: example.drawings.map((d) => (d.type === 'LINE' ? { ...d, points: d.points.slice(0, 1) } : d)),
});
const detail = {
  ...valid.data,
  id: '65a1b2c3d4e5f6a7b8c9d0e1',
  communityId: '65a1b2c3d4e5f6a7b8c9d0e2',
  channelId: '65a1b2c3d4e5f6a7b8c9d0e3',
  analysisType: 'LONG',
  status: 'ACTIVE',
  expiresAt: null,
  createdAt: '2026-01-08T15:00:00Z',
  updatedAt: '2026-01-08T15:00:00Z',
  version: 1,
};
const svg = renderAnalysisSvg(detail, [], { width: 800, height: 450, theme: 'light' });

const entries = JSON.parse(process.argv[2] ?? '[]');
const imported = {};
for (const entry of entries) {
  try {
    imported[entry] = Object.keys(await import(entry)).length;
  } catch (error) {
    imported[entry] = `${error.name}: ${error.message}`;
  }
}
console.log(
  JSON.stringify({
    valid: valid.success,
    invalid: invalid.success ? [] : wireIssues(invalid.error),
    svg: { root: svg.slice(0, 4), drawings: svg.split('class="cm-drawing"').length - 1 },
    imported,
  }),
);
