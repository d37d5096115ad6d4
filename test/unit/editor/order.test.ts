// Paint-order rebasing used by history: exact cases and fast-check properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movedIds, rebaseOrder } from '../../../src/editor/order';

const all = () => true;

describe('movedIds', () => {
  it('names added, removed and reordered ids only', () => {
    // Either b or c is a minimal answer for a swap; the LIS keeps a, b and reports c.
    expect([...movedIds(['a', 'b', 'c'], ['a', 'c', 'b'])]).toEqual(['c']);
    expect([...movedIds(['a', 'b'], ['a', 'b', 'x'])]).toEqual(['x']);
    expect([...movedIds(['a', 'b', 'c'], ['a', 'c'])]).toEqual(['b']);
    expect([...movedIds(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])]).toEqual(['d']);
  });
});

describe('rebaseOrder', () => {
  it('re-applies a bring-to-front onto an order with a remote insert', () => {
    expect(rebaseOrder(['r', 'a', 'b', 'c'], ['b', 'c', 'a'], new Set(['a']), all)).toEqual([
      'r',
      'b',
      'c',
      'a',
    ]);
  });

  it('puts a restored id after its nearest surviving predecessor, or first', () => {
    expect(rebaseOrder(['a', 'c'], ['a', 'b', 'c'], new Set(['b']), all)).toEqual(['a', 'b', 'c']);
    expect(rebaseOrder(['c'], ['b', 'c'], new Set(['b']), all)).toEqual(['b', 'c']);
  });

  it('drops ids that no longer exist', () => {
    expect(rebaseOrder(['a', 'b'], ['a', 'b', 'x'], new Set(['x']), (id) => id !== 'x')).toEqual(['a', 'b']);
  });

  const permutationPair = fc
    .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 8 })
    .chain((from) =>
      fc.record({
        from: fc.constant(from),
        to: fc.shuffledSubarray([...from, 'x', 'y'], { minLength: 0 }),
      }),
    );

  it('applied to its own start order, a step yields exactly its end order', () => {
    fc.assert(
      fc.property(permutationPair, ({ from, to }) => {
        const present = new Set(to);
        expect(rebaseOrder(from, to, movedIds(from, to), (id) => present.has(id))).toEqual(to);
      }),
    );
  });

  it('never loses or duplicates an existing id', () => {
    fc.assert(
      fc.property(
        permutationPair,
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'r', 's', 'x')),
        ({ from, to }, current) => {
          const out = rebaseOrder(current, to, movedIds(from, to), all);
          expect(new Set(out).size).toBe(out.length);
          for (const id of current) expect(out).toContain(id);
        },
      ),
    );
  });
});
