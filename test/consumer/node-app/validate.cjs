// The same through require() (Node ≥ 20.19 loads the ESM build synchronously).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { CreateAnalysisRequest } = require('chartmark/schema');
const { describeAnalysis } = require('chartmark/svg');

const example = JSON.parse(readFileSync(join(__dirname, 'create-example.json'), 'utf8'));
const valid = CreateAnalysisRequest.safeParse(example);
const detail = {
  ...valid.data,
  id: 'x',
  communityId: 'c',
  channelId: 'h',
  analysisType: 'LONG',
  status: 'ACTIVE',
};
console.log(JSON.stringify({ valid: valid.success, description: describeAnalysis(detail, {}) }));
