import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CreateAnalysisRequest, UpdateAnalysisRequest, UpdateAnalysisResponse } from '../../../src/schema';

const NAMES = [
  'create-analysis.request.json',
  'update-analysis.request.json',
  'update-analysis.response.json',
] as const;
const LOCAL = new URL('../../fixtures/spec-examples/', import.meta.url);
const SHARED = new URL('../../../../shared/spec/examples/', import.meta.url);
const hasShared = existsSync(new URL(NAMES[0], SHARED));
// The shared spec folder when it exists beside the repository, and always the copies in it.
const SOURCES = hasShared
  ? ([
      ['shared', SHARED],
      ['copy', LOCAL],
    ] as const)
  : ([['copy', LOCAL]] as const);
const read = (dir: URL, name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

describe.each(SOURCES)('documented examples (%s)', (_source, dir) => {
  it('create-analysis.request.json is a valid CreateAnalysisRequest, parsed unchanged', () => {
    const result = CreateAnalysisRequest.safeParse(read(dir, 'create-analysis.request.json'));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual(read(dir, 'create-analysis.request.json'));
  });

  it('update-analysis.request.json is a valid UpdateAnalysisRequest', () => {
    const result = UpdateAnalysisRequest.safeParse(read(dir, 'update-analysis.request.json'));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual({
      metadata: { title: 'EURUSD Updated Analysis' },
      sender: 'pangray2025+t5@gmail.com',
    });
  });

  it('update-analysis.response.json is a valid UpdateAnalysisResponse', () => {
    const result = UpdateAnalysisResponse.safeParse(read(dir, 'update-analysis.response.json'));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.data.updatedFields).toEqual(['title', 'preferenceText', 'expiry']);
  });
});

describe.skipIf(!hasShared)('copies of the shared examples', () => {
  it('are byte-identical to the shared spec', () => {
    for (const name of NAMES) {
      expect(readFileSync(new URL(name, LOCAL), 'utf8'), name).toBe(
        readFileSync(new URL(name, SHARED), 'utf8'),
      );
    }
  });

  it('cover every example the shared spec holds', () => {
    expect(readdirSync(SHARED).sort()).toEqual([...NAMES]);
  });
});
