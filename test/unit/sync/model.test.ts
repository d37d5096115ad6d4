// Model-based test of the sync engine (fc.commands) against the real reference server: random
// edits, at least five faults a run (commits answered by a lost response or a 5xx, reloads
// mid-flight, 412s from a concurrent writer, …), offline periods, reloads, reordering
// (fc.scheduler) and a second client. After every fault has been applied and everything drains:
// the server holds exactly what the user intended (every local edit, in order: none lost, none
// resurrected), equals the editor, the outbox is empty, and no change was applied twice.
// CI runs the fixed seed and a fresh one it prints; replay a failure with the seed it names.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcSeconds } from '../../../src/core/units';
import type { Price } from '../../../src/core/units';
import { docFromDetail, docFromDomain } from '../../../src/sync/sync-doc';
import { pt, vp } from '../editor/fixtures';
import { CHANNEL, COMMUNITY } from './harness';
import { FAULTS, type Fault, World } from './model-world';

interface Model {
  otherSeq: number;
}
type Cmd = fc.AsyncCommand<Model, World>;

const KINDS = ['HORIZONTAL_LINE', 'LINE', 'RECTANGLE', 'PARALLEL', 'FIBONACCI_RETRACEMENT'] as const;
const POINTS = { HORIZONTAL_LINE: 1, LINE: 2, RECTANGLE: 2, PARALLEL: 3, FIBONACCI_RETRACEMENT: 2 } as const;

/** A local edit: no-op until a reloaded page has opened its analysis. */
abstract class EditCmd implements Cmd {
  check = () => true;
  async run(_m: Model, w: World): Promise<void> {
    if (w.ready) w.userEdit(this.toString(), () => this.edit(w));
  }
  abstract edit(w: World): void;
  abstract toString(): string;
}

class Add extends EditCmd {
  constructor(
    readonly kind: (typeof KINDS)[number],
    readonly bar: number,
    readonly price: number,
  ) {
    super();
  }
  edit(w: World) {
    const pts = Array.from({ length: POINTS[this.kind] }, (_, i) => pt(this.bar + 3 * i, this.price + 2 * i));
    w.editor.create(this.kind, pts);
  }
  toString = () => `Add(${this.kind},${this.bar},${this.price})`;
}

const pick = (w: World, index: number) => {
  const ds = w.editor.getState().drawings;
  return ds.length ? ds[index % ds.length]!.id : null;
};

class Move extends EditCmd {
  constructor(
    readonly index: number,
    readonly dx: number,
  ) {
    super();
  }
  edit(w: World) {
    const id = pick(w, this.index);
    if (id) w.editor.move(this.dx, 0, vp, [id]);
  }
  toString = () => `Move(${this.index},${this.dx})`;
}

class Drag extends EditCmd {
  constructor(
    readonly index: number,
    readonly frames: number,
  ) {
    super();
  }
  edit(w: World) {
    const id = pick(w, this.index);
    if (!id) return;
    w.editor.beginGesture();
    for (let f = 0; f < this.frames; f++) w.editor.move(2, 1, vp, [id]);
    w.editor.endGesture();
  }
  toString = () => `Drag(${this.index},${this.frames})`;
}

class Delete extends EditCmd {
  constructor(readonly index: number) {
    super();
  }
  edit(w: World) {
    const id = pick(w, this.index);
    if (id) w.editor.delete([id]);
  }
  toString = () => `Delete(${this.index})`;
}

class Reorder extends EditCmd {
  constructor(
    readonly index: number,
    readonly move: 'forward' | 'backward' | 'front' | 'back',
  ) {
    super();
  }
  edit(w: World) {
    const id = pick(w, this.index);
    if (id) w.editor.reorder(this.move, [id]);
  }
  toString = () => `Reorder(${this.index},${this.move})`;
}

class Title extends EditCmd {
  constructor(readonly title: string) {
    super();
  }
  edit(w: World) {
    w.editor.setMetadata({ title: this.title });
  }
  toString = () => `Title(${JSON.stringify(this.title)})`;
}

class Level extends EditCmd {
  constructor(readonly price: number | null) {
    super();
  }
  edit(w: World) {
    const level =
      this.price === null
        ? null
        : { id: 'pivot_main', price: this.price as Price, time: utcSeconds(1767830400) };
    w.editor.setLevel('pivot', level);
  }
  toString = () => `Level(${this.price})`;
}

class Undo extends EditCmd {
  edit(w: World) {
    w.editor.undo();
  }
  toString = () => 'Undo';
}

class Inject implements Cmd {
  constructor(readonly fault: Fault) {}
  check = () => true;
  async run(_m: Model, w: World) {
    w.faults.push(this.fault);
  }
  toString = () => `Fault(${this.fault})`;
}

class Offline implements Cmd {
  constructor(readonly offline: boolean) {}
  check = () => true;
  async run(_m: Model, w: World) {
    w.offline = this.offline;
    if (!this.offline) w.engine.flush();
  }
  toString = () => (this.offline ? 'GoOffline' : 'GoOnline');
}

class Tick implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_m: Model, w: World) {
    w.clock.advance(this.ms);
  }
  toString = () => `Tick(${this.ms})`;
}

class Reload implements Cmd {
  check = () => true;
  async run(_m: Model, w: World) {
    w.reload();
  }
  toString = () => 'Reload';
}

/** Another user edits the same analysis straight on the server (no If-Match, last writer wins). */
class OtherClient implements Cmd {
  constructor(readonly what: 'append' | 'clash' | 'title' | 'move' | 'delete') {}
  check = () => true;
  async run(m: Model, w: World) {
    const other = w.direct();
    const list = await other.list(COMMUNITY, CHANNEL);
    const id = list.data.analyses[0]?.id;
    if (!id) return;
    const sender = 'other@example.com';
    w.otherEdits++;
    const n = ++m.otherSeq;
    if (this.what === 'append') {
      w.intent.foreign.add(`other_${n}`);
      await other.append(id, {
        sender,
        drawings: [
          {
            type: 'HORIZONTAL_LINE',
            clientObjectId: `other_${n}`,
            points: [{ time: '2026-01-08T05:00:00Z', price: 120 + n }],
          },
        ],
      });
      return;
    }
    if (this.what === 'clash') {
      // The id this editor will give its next line: both sides create "the same" id unknowingly.
      // (past every line id it ever held: a deleted drawing's id is never handed out again)
      const used = [...w.editor.getState().drawings.map((d) => d.id), ...w.editor.idHighWater()]
        .map((id) => /^line_(\d+)$/.exec(id))
        .filter((x) => x !== null);
      const next = Math.max(0, ...used.map((x) => Number(x[1]))) + 1;
      w.intent.contested.add(`line_${next}`);
      await other
        .append(id, {
          sender,
          drawings: [
            {
              type: 'LINE',
              clientObjectId: `line_${next}`,
              points: [
                { time: '2026-01-08T05:00:00Z', price: 150 },
                { time: '2026-01-08T09:00:00Z', price: 160 + n },
              ],
            },
          ],
        })
        .catch(() => {});
      return;
    }
    if (this.what === 'title') {
      w.intent.contested.add('meta:title');
      await other.update(id, { sender, metadata: { title: `Other title ${n}` } });
      return;
    }
    const current = (await other.get(id)).data;
    const drawings = current.drawings.map(({ id: _id, ...d }) => d);
    if (drawings.length === 0) return;
    w.intent.contested.add(drawings[n % drawings.length]!.clientObjectId);
    if (this.what === 'delete') drawings.splice(n % drawings.length, 1);
    else {
      const d = drawings[n % drawings.length]!;
      drawings[n % drawings.length] = {
        ...d,
        points: d.points.map((p) => ({ ...p, price: p.price + 1 })),
      } as typeof d;
    }
    await other.update(id, { sender, drawings });
  }
  toString = () => `Other(${this.what})`;
}

class Refresh implements Cmd {
  check = () => true;
  async run(_m: Model, w: World) {
    w.engine.refresh();
  }
  toString = () => 'Refresh';
}

const add = fc
  .tuple(fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 110, max: 190 }))
  .map(([k, b, p]) => new Add(k, b, p));
const tick = fc.integer({ min: 10, max: 5000 }).map((ms) => new Tick(ms));
const other = fc
  .constantFrom('append', 'clash', 'title', 'move', 'delete')
  .map((what) => new OtherClient(what as OtherClient['what']));
// Edits, time and the other client are listed more than once: they weigh more in the mix.
const commands = [
  add,
  add,
  tick,
  tick,
  other,
  add,
  fc.tuple(fc.nat(20), fc.integer({ min: -30, max: 30 })).map(([i, dx]) => new Move(i, dx)),
  fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 60 })).map(([i, f]) => new Drag(i, f)),
  fc.nat(20).map((i) => new Delete(i)),
  fc
    .tuple(
      fc.nat(20),
      fc.constantFrom('forward', 'backward', 'front', 'back') as fc.Arbitrary<Reorder['move']>,
    )
    .map(([i, m]) => new Reorder(i, m)),
  fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/).map((t) => new Title(t)),
  fc.option(fc.integer({ min: 101, max: 199 }), { nil: null }).map((p) => new Level(p)),
  fc.constant(new Undo()),
  fc.constantFrom<Fault>(...FAULTS).map((f) => new Inject(f)),
  fc.boolean().map((b) => new Offline(b)),
  tick,
  fc.constant(new Reload()),
  other,
  fc.constant(new Refresh()),
];

const SEED = Number(process.env.SYNC_MODEL_SEED ?? 20261127);
const RUNS = Number(process.env.SYNC_MODEL_RUNS ?? 500);
/** A new seed on every run unless FC_SEED replays one; printed so that a failure can be replayed. */
const FRESH_SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const FRESH_RUNS = Number(process.env.SYNC_MODEL_FRESH_RUNS ?? 200);
/**
 * Read when loaded, like the run counts: the once-failing seeds, off in the two-instance run (it
 * swaps the server, where a seed takes another path) and per mutant (the reopen tests cover them).
 */
const REGRESSIONS = process.env.SYNC_MODEL_REGRESSIONS !== '0';
/** Faults queued before the first command, so that every run applies at least five. */
const MIN_FAULTS = 5;

interface ModelStats {
  readonly seen: ReadonlyMap<string, number>;
  readonly committedThenFailed: number;
}

async function modelRuns(seed: number, runs: number, replay: string): Promise<ModelStats> {
  const stats = {
    runs: 0,
    commits: 0,
    reloads: 0,
    other: 0,
    applied: 0,
    committedThenFailed: 0,
    minApplied: Infinity,
  };
  const seen = new Map<string, number>();
  const property = fc.asyncProperty(
    fc.scheduler(),
    fc.array(fc.constantFrom<Fault>(...FAULTS), { minLength: MIN_FAULTS, maxLength: MIN_FAULTS + 3 }),
    fc.commands(commands, { maxCommands: 40, size: 'medium' }),
    fc.nat(),
    async (s, initialFaults, cmds, worldSeed) => {
      const w = await World.create(s, worldSeed);
      try {
        await oneRun(w, s, initialFaults, cmds);
      } catch (err) {
        // Shrinking ends on the smallest failing run: its trace is the one left in the file.
        const file = process.env.SYNC_MODEL_TRACE;
        if (file) writeFileSync(file, `${w.trace.join('\n')}\n${String(err)}\n`);
        throw err;
      }
    },
  );

  /** One run: the commands, the healing, then every check of the oracle. */
  async function oneRun(w: World, s: fc.Scheduler, initialFaults: readonly Fault[], cmds: Iterable<Cmd>) {
    // Every run meets a commit answered by a 5xx, a reload mid-flight and a concurrent writer's
    // 412, besides the random faults (the queue waits for requests they fit; heal() drains it).
    w.faults.push(...initialFaults, 'commit-then-500', 'reload-mid-flight', 'concurrent-write');
    await fc.scheduledModelRun(s, () => ({ model: { otherSeq: 0 }, real: w }), cmds);
    await w.heal();
    w.engine.refresh();
    await w.heal();

    expect(w.applied, 'faults applied in this run').toBeGreaterThanOrEqual(MIN_FAULTS);
    expect(w.committedThenFailed, 'commits answered by a lost response, a 5xx or a reload').toBeGreaterThan(
      0,
    );
    expect(w.reloadsMidFlight, 'reloads while a write was on the wire').toBeGreaterThan(0);
    expect(w.racedConflicts, "412s from a concurrent writer's commit").toBeGreaterThan(0);
    expect(w.engine.status.kind).toBe('saved');
    const direct = w.direct();
    const list = await direct.list(COMMUNITY, CHANNEL);
    const local = docFromDomain(w.editor.getState());
    if (w.engine.analysisId === null) {
      // Nothing was ever saved: no analysis, an untouched editor, and no intended change left.
      expect(list.data.total).toBe(0);
      expect(local.drawings).toEqual([]);
      expect([...w.intent.parts].filter(([k, v]) => v !== null && k !== 'meta:title')).toEqual([]);
    } else {
      expect(list.data.total).toBe(1);
      const server = docFromDetail((await direct.get(w.engine.analysisId)).data);
      // The oracle: every local edit the user made survives, exactly once, and nothing comes back.
      expect(w.intent.differences(server), `user edits:\n${w.intent.log.join('\n')}`).toEqual([]);
      expect(local).toEqual(server);
    }
    for (const key of await w.outbox.keys()) {
      const record = await w.outbox.read(key);
      expect({ key, entries: record?.entries, inFlight: record?.inFlight }).toEqual({
        key,
        entries: [],
        inFlight: null,
      });
    }
    // No change applied twice: one Create, each append key committed once, every PATCH changed something.
    const fresh = w.commits.filter((c) => !c.replayed);
    expect(fresh.filter((c) => c.path.includes('/channels/')).length).toBe(
      w.engine.analysisId === null ? 0 : 1,
    );
    const appendKeys = fresh.filter((c) => c.path.endsWith('/drawings')).map((c) => c.idempotencyKey);
    expect(new Set(appendKeys).size).toBe(appendKeys.length);
    for (const c of fresh.filter((x) => x.method === 'PATCH'))
      expect(c.updatedFields?.length).toBeGreaterThan(0);
    stats.runs++;
    stats.commits += w.commits.length;
    stats.reloads += w.reloads;
    stats.other += w.otherEdits;
    stats.applied += w.applied;
    stats.minApplied = Math.min(stats.minApplied, w.applied);
    stats.committedThenFailed += w.committedThenFailed;
    for (const [k, v] of w.seen) seen.set(k, (seen.get(k) ?? 0) + v);
  }
  try {
    await fc.assert(property, {
      numRuns: runs,
      seed,
      ...(process.env.SYNC_MODEL_PATH ? { path: process.env.SYNC_MODEL_PATH } : {}),
    });
  } catch (err) {
    // fast-check's message carries the counterexample path, its cause the failed assertion; this
    // line says how to replay the run.
    const cause = err instanceof Error && err.cause instanceof Error ? `\ncause: ${err.cause.message}` : '';
    throw new Error(
      `sync model failed; replay with ${replay}\n${err instanceof Error ? err.message : String(err)}${cause}`,
      {
        cause: err,
      },
    );
  }
  expect(stats.runs).toBe(runs);
  const answers = [...seen]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  console.log(
    `sync model (seed ${seed}): ${stats.runs} runs, ${stats.commits} server commits, ${stats.reloads} reloads, ${stats.other} other-client edits, ${stats.applied} faults applied (at least ${stats.minApplied} a run), ${stats.committedThenFailed} commits answered by a lost response, a 5xx or a reload; answers ${answers}`,
  );
  return { seen, committedThenFailed: stats.committedThenFailed };
}

describe('sync engine model', () => {
  it(`keeps every user edit through faults in ${RUNS} random runs (fixed seed ${SEED})`, async () => {
    const { seen, committedThenFailed } = await modelRuns(SEED, RUNS, `SYNC_MODEL_SEED=${SEED}`);
    // The mix must actually exercise the faults and the conflicts it claims to.
    for (const k of [...FAULTS, 'offline', 'PATCH 412', 'POST 201', 'POST 200', 'PATCH 200'])
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
    expect(committedThenFailed).toBeGreaterThan(0);
  }, 600_000);

  // A new seed on every run, printed first: a failure names the seed to replay (FC_SEED=…).
  it.runIf(FRESH_RUNS > 0)(
    `keeps every user edit through faults in ${FRESH_RUNS} runs of a fresh seed (${FRESH_SEED}; replay: FC_SEED=${FRESH_SEED})`,
    async () => {
      console.log(`sync model fresh seed: FC_SEED=${FRESH_SEED}`);
      const { committedThenFailed } = await modelRuns(FRESH_SEED, FRESH_RUNS, `FC_SEED=${FRESH_SEED}`);
      expect(committedThenFailed).toBeGreaterThan(0);
    },
    600_000,
  );

  // A seed a fresh run once failed on, replayed up to its failing run (the runs before it are the
  // same cases: they depend only on the seed and the generators). Before the fix in rebase.ts it
  // failed at run 53: a drawing renamed while the outbox was reopened ended on the server under
  // an id nobody wrote. (Seed 715701549, the other one, now takes other paths: the required
  // faults changed its runs; its interleaving is replayed in sync-engine-reopen.test.ts.)
  if (REGRESSIONS)
    it('keeps every user edit with the once-failing seed 799301320 (53 runs)', async () => {
      await modelRuns(799301320, 53, 'FC_SEED=799301320');
    }, 600_000);
});
