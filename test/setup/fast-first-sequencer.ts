// Test file order for mutation runs (vitest.mutation.config.ts). Stryker runs each mutant's
// covering tests with bail = 1, so a mutant costs as long as the files before the first failing
// test. Vitest's own order runs the longest files first (the sync model, the property files),
// which makes the common case — a mutant one quick unit test kills — pay for the slowest file.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the file that failed in the previous run first (mutants on the same line tend to fall to
 * the same test), then the rest from fastest to slowest by their duration in the first full run.
 */
export class FastFirstSequencer extends BaseSequencer {
  /** Each file's duration in the first run that timed it (the dry run: every test, no filter). */
  private readonly fullRun = new Map<string, number>();

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const state = files.map((spec) => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      const result = cache.getFileTestResults(key);
      if (result && !this.fullRun.has(key)) this.fullRun.set(key, result.duration);
      return { spec, failed: result?.failed ?? false, duration: this.fullRun.get(key) };
    });
    if (state.some((s) => s.duration === undefined)) return super.sort(files);
    state.sort((a, b) => Number(b.failed) - Number(a.failed) || (a.duration ?? 0) - (b.duration ?? 0));
    return state.map((s) => s.spec);
  }
}
