import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/bundle-budget.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('bundle budget (scripts/bundle-budget.mjs)', () => {
  it('keeps read-only ≤ 20 kB and editor ≤ 40 kB gzip, read-only free of konva, zod and immer', () => {
    const r = run();
    expect(r.stdout).toMatch(/^read-only packages: lightweight-charts$/m);
    expect(r.stdout).toMatch(
      /^read-only \(svg \+ view \+ the core they use\): [\d.]+ kB min, [\d.]+ kB gzip, budget 20 kB gzip — ok/m,
    );
    expect(r.stdout).toMatch(
      /^editor \(editor \+ konva \+ the core they use\): [\d.]+ kB min, [\d.]+ kB gzip, budget 40 kB gzip — ok/m,
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 120_000);

  it('fails when a bundle is over its budget', () => {
    const r = run('--read-only=1');
    expect(r.stdout).toMatch(/^read-only .* budget 1 kB gzip — FAIL/m);
    expect(r.status).toBe(1);
  }, 120_000);
});
