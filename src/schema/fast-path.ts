// A compiled accept-only pass for hot request schemas. zod walks a body node by node, allocating a
// payload per field and a fresh output tree; for a 1,000-drawing body that costs several times a
// JSON.parse. This file compiles the SAME zod schema (its defs and checks, nothing restated) into
// one generated predicate, as ajv does. A body the predicate accepts is returned as is (the
// request schemas have no transforms, so zod's output would equal it); anything else takes zod's
// full path, which produces the exact issues. So the fast path can only make valid bodies
// cheaper, never change a verdict — test/unit/schema/fast-path.test.ts checks that agreement.
import type { z } from './zod-mini';

type Pred = (value: unknown) => boolean;
type Node = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: z.core.$ZodCheck<never>[] };

/** Thrown inside the compiler for a construct it does not handle; the schema then keeps zod's path only. */
class Unsupported extends Error {}

/** Generated source plus the values it refers to (regexes, sets, custom check runners). */
class Compiler {
  readonly fns: string[] = [];
  readonly refs: unknown[] = [];
  private readonly names = new Map<Node, string>();

  ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }

  /** The name of the generated function that accepts `schema`'s valid values. */
  fn(schema: Node): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = `f${this.names.size}`;
    this.names.set(schema, name);
    const def = schema._zod.def as unknown as Def;
    const body = [...this.base(def), ...(def.checks ?? []).map((c) => this.check(c))];
    this.fns.push(`function ${name}(v) {\n${body.join('\n')}\nreturn true;\n}`);
    return name;
  }

  private base(def: Def): string[] {
    switch (def.type) {
      case 'string':
        return [`if (typeof v !== 'string') return false;`];
      case 'boolean':
        return [`if (typeof v !== 'boolean') return false;`];
      case 'number':
        if (def.format === 'safeint') return [`if (!Number.isSafeInteger(v)) return false;`];
        if (def.format !== undefined) throw new Unsupported(`number format ${String(def.format)}`);
        return [`if (typeof v !== 'number' || !Number.isFinite(v)) return false;`];
      case 'unknown':
        return [];
      case 'literal':
        return [`if (!${this.ref(new Set(def.values as unknown[]))}.has(v)) return false;`];
      case 'enum':
        return [`if (!${this.ref(new Set(Object.values(def.entries as object)))}.has(v)) return false;`];
      case 'optional':
        return [`if (v !== undefined && !${this.fn(def.innerType as Node)}(v)) return false;`];
      case 'nullable':
        return [`if (v !== null && !${this.fn(def.innerType as Node)}(v)) return false;`];
      case 'array':
        return [
          `if (!Array.isArray(v)) return false;`,
          `for (let i = 0; i < v.length; i++) if (!${this.fn(def.element as Node)}(v[i])) return false;`,
        ];
      case 'object':
        return this.object(def);
      case 'union':
        return this.union(def);
      default:
        throw new Unsupported(def.type); // transforms, pipes, defaults…
    }
  }

  private object(def: Def): string[] {
    const catchall = def.catchall as Node | undefined;
    if (catchall?._zod.def.type !== 'never') throw new Unsupported('non-strict object');
    const shape = def.shape as Record<string, Node>;
    const keys = Object.keys(shape);
    const cases = keys.map((k) => `case ${JSON.stringify(k)}:`).join(' ');
    const lines = [
      `if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;`,
      // Every own or inherited enumerable key must be declared (strict): '__proto__' is not.
      `for (const k in v) switch (k) { ${cases} break; default: return false; }`,
    ];
    for (const key of keys) {
      const child = shape[key]!;
      const get = `v[${JSON.stringify(key)}]`;
      // Optional keys may be absent (undefined); required ones must hold a valid value.
      lines.push(
        child._zod.optin === 'optional'
          ? `if (${get} !== undefined && !${this.fn(child)}(${get})) return false;`
          : `if (!${this.fn(child)}(${get})) return false;`,
      );
    }
    return lines;
  }

  private union(def: Def): string[] {
    const discriminator = def.discriminator as string | undefined;
    if (discriminator === undefined) throw new Unsupported('union without discriminator');
    const cases: string[] = [];
    for (const option of def.options as Node[]) {
      const tag = (option._zod.def as unknown as { shape?: Record<string, Node> }).shape?.[discriminator];
      const values = (tag?._zod.def as unknown as { values?: unknown[] } | undefined)?.values;
      if (!values) throw new Unsupported('discriminator is not a literal');
      const name = this.fn(option);
      for (const value of values) cases.push(`case ${JSON.stringify(value)}: return ${name}(v);`);
    }
    return [
      `if (typeof v !== 'object' || v === null) return false;`,
      `switch (v[${JSON.stringify(discriminator)}]) { ${cases.join(' ')} default: return false; }`,
    ];
  }

  private check(check: z.core.$ZodCheck<never>): string {
    const def = check._zod.def as unknown as Record<string, unknown>;
    switch (def.check) {
      case 'min_length':
        return `if (v.length < ${Number(def.minimum)}) return false;`;
      case 'max_length':
        return `if (v.length > ${Number(def.maximum)}) return false;`;
      case 'length_equals':
        return `if (v.length !== ${Number(def.length)}) return false;`;
      case 'greater_than':
        return `if (!(v ${def.inclusive ? '>=' : '>'} ${Number(def.value)})) return false;`;
      case 'less_than':
        return `if (!(v ${def.inclusive ? '<=' : '<'} ${Number(def.value)})) return false;`;
      case 'string_format': {
        if (def.format !== 'regex') throw new Unsupported(`string format ${String(def.format)}`);
        const re = this.ref(def.pattern);
        return `${re}.lastIndex = 0; if (!${re}.test(v)) return false;`;
      }
      case 'custom':
        return `if (!${this.ref(customRunner(check))}(v)) return false;`;
      default:
        throw new Unsupported(`check ${String(def.check)}`);
    }
  }
}

// Our own checks push issues onto a payload; one reused payload per check keeps them allocation-free.
function customRunner(check: z.core.$ZodCheck<never>): Pred {
  const payload = { value: undefined as unknown, issues: [] as unknown[] };
  const run = check._zod.check as unknown as (p: typeof payload) => unknown;
  return (v) => {
    payload.value = v;
    const result = run(payload);
    if (payload.issues.length === 0) return result === undefined;
    payload.issues.length = 0;
    return false;
  };
}

// Set once `new Function` has thrown EvalError (a Content-Security-Policy without 'unsafe-eval'):
// later schemas do not try again, so a page reports one violation, not one per schema.
let evalForbidden = false;

/**
 * Compiles `schema` into an accept-only predicate, or null when it uses a construct not compiled
 * here or the environment forbids eval (then zod's own path validates, with the same results).
 */
export function compileAcceptor(schema: Node): Pred | null {
  if (evalForbidden) return null;
  const compiler = new Compiler();
  try {
    const root = compiler.fn(schema);
    const source = `${compiler.fns.join('\n')}\nreturn ${root};`;
    return new Function('r', source)(compiler.refs) as Pred;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    if (error instanceof EvalError) {
      evalForbidden = true;
      return null;
    }
    throw error;
  }
}

const fullRuns = new WeakMap<Node, Node['_zod']['run']>();

/**
 * Gives `schema` the compiled pass: values it accepts skip zod's tree walk; all others (and async
 * or encode-direction parses) run zod's own, unchanged. Returns the same schema.
 */
export function withFastPath<T extends Node>(schema: T): T {
  const accept = compileAcceptor(schema);
  if (!accept) return schema;
  const full = schema._zod.run;
  fullRuns.set(schema, full);
  schema._zod.run = (payload, ctx) => {
    if (ctx?.async !== true && ctx?.direction !== 'backward' && accept(payload.value)) return payload;
    return full(payload, ctx);
  };
  return schema;
}

/** True when `schema` has a compiled fast path. */
export function hasFastPath(schema: Node): boolean {
  return fullRuns.has(schema);
}

/** zod's own verdict for `value`, bypassing the fast path (for tests and benchmarks). */
export function fullSafeParse(
  schema: Node,
  value: unknown,
): { success: boolean; issueCount: number; data: unknown } {
  const run = fullRuns.get(schema) ?? schema._zod.run;
  const result = run({ value, issues: [] }, { async: false });
  if (result instanceof Promise) throw new Error('fullSafeParse: schema must be synchronous, got a Promise');
  return { success: result.issues.length === 0, issueCount: result.issues.length, data: result.value };
}
