import { describe, expect, it } from 'vitest';
import { authorizedFetch } from '../../../src/embed/api-auth';

function server(valid: Set<string>) {
  const seen: string[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    const auth = new Headers(init.headers).get('authorization') ?? '';
    seen.push(auth);
    return new Response('{}', { status: valid.has(auth.replace('Bearer ', '')) ? 200 : 401 });
  };
  return { fetch, seen };
}

describe('authorizedFetch', () => {
  it('signs with a fixed token and passes a 401 through', async () => {
    const s = server(new Set(['t1']));
    const f = authorizedFetch('t1', s.fetch);
    expect((await f('/v1/analysis/a', { method: 'GET' })).status).toBe(200);
    expect((await authorizedFetch('bad', s.fetch)('/x', {})).status).toBe(401);
    expect(s.seen).toEqual(['Bearer t1', 'Bearer bad']);
  });

  it('asks the function once, reuses the token, and renews it once after a 401', async () => {
    const valid = new Set(['tok-1']);
    const s = server(valid);
    let calls = 0;
    const f = authorizedFetch(async () => `tok-${++calls}`, s.fetch);
    expect((await f('/a', {})).status).toBe(200);
    expect((await f('/b', {})).status).toBe(200);
    expect(calls).toBe(1);
    valid.clear();
    valid.add('tok-2');
    expect((await f('/c', { headers: { accept: 'application/json' } })).status).toBe(200);
    expect(calls).toBe(2);
    expect(s.seen).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
  });

  it('asks again after a failed token fetch, and rejects an empty token naming the option', async () => {
    let calls = 0;
    const f = authorizedFetch(
      async () => {
        calls++;
        if (calls === 1) throw new Error('token server down');
        return calls === 2 ? '' : 'ok';
      },
      server(new Set(['ok'])).fetch,
    );
    await expect(f('/a', {})).rejects.toThrow('token server down');
    await expect(f('/a', {})).rejects.toThrow('api.token: the function must resolve to a non-empty string');
    expect((await f('/a', {})).status).toBe(200);
  });
});
