import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CreateAnalysisRequest, UpdateAnalysisRequest, UpdateAnalysisResponse } from '../../../src/schema';

const NAMES = [
  'create-analysis.request.json',
  'update-analysis.request.json',
  'update-analysis.response.json',
] as const;
const local = (name: string) => new URL(`../../fixtures/spec-examples/${name}`, import.meta.url);
const shared = (name: string) => new URL(`../../../../shared/spec/examples/${name}`, import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(local(name), 'utf8'));

describe('documented examples', () => {
  it('create-analysis.request.json is a valid CreateAnalysisRequest', () => {
    const result = CreateAnalysisRequest.safeParse(read('create-analysis.request.json'));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual(read('create-analysis.request.json'));
  });

  it('update-analysis.request.json is a valid UpdateAnalysisRequest', () => {
    const result = UpdateAnalysisRequest.safeParse(read('update-analysis.request.json'));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual({
      metadata: { title: 'EURUSD Updated Analysis' },
      sender: 'pangray2025+t5@gmail.com',
    });
  });

  it('update-analysis.response.json is a valid UpdateAnalysisResponse', () => {
    const result = UpdateAnalysisResponse.safeParse(read('update-analysis.response.json'));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.data.updatedFields).toEqual(['title', 'preferenceText', 'expiry']);
  });

  it.skipIf(!existsSync(shared(NAMES[0])))(
    'copies in test/fixtures are byte-identical to the shared spec',
    () => {
      for (const name of NAMES)
        expect(readFileSync(local(name), 'utf8'), name).toBe(readFileSync(shared(name), 'utf8'));
    },
  );

  it.skipIf(!existsSync(shared(NAMES[0])))('the shared spec holds no example that is not copied', () => {
    const dir = new URL('../../../../shared/spec/examples/', import.meta.url);
    expect(readdirSync(dir).sort()).toEqual([...NAMES]);
  });
});
