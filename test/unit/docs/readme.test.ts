import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  it('shows docs/examples/embed.ts verbatim, so the embedding example is the type-checked one', () => {
    const readme = read('README.md');
    const example = read('docs/examples/embed.ts').trimEnd();
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toContain(example);
  });

  it('shows each embedding example of docs/examples verbatim, so the README shows what is type-checked', () => {
    const readme = read('README.md');
    const blocks = [...readme.matchAll(/```(?:ts|html)\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    for (const file of [
      'embed-in-10-lines.ts',
      'post-view.ts',
      'web-components.ts',
      'script-tag.html',
      'token-server.ts',
    ]) {
      expect(blocks, file).toContain(read(`docs/examples/${file}`).trimEnd());
    }
  });

  it('gives the two set-up commands and a test command that package.json and .ci/run run', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
    expect(JSON.parse(read('package.json')).scripts.test).toBe('node scripts/test.mjs');
    expect(read('.ci/run').trimEnd().split('\n').at(-1)).toBe('npm test');
  });
});
