// The hostile bodies of issue 14 item 2, shared by hostile-bodies.test.ts and bench/hostile-bodies.bench.ts.

/** The hostile bodies of the issue: ~1 MiB each, deep brackets, 349k `{}`, and a flat number run. */
export function hostileBodies(): string[] {
  const mib = 1024 * 1024 - 64;
  const deep = `{"sender":"a@example.com","drawings":${'['.repeat(mib - 40)}`;
  const empties = `{"sender":"a@example.com","drawings":[${'{},'.repeat(Math.floor((mib - 60) / 3))}{}]}`;
  const numbers = `{"sender":"a@example.com","drawings":[${'0,'.repeat(Math.floor((mib - 60) / 2))}0]}`;
  return Array.from({ length: 60 }, (_, i) => [deep, empties, numbers][i % 3]!);
}
