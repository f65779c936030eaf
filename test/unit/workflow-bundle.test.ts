import { workflowBundle } from '../support/temporal';

/**
 * The worker evaluates the modules a workflow imports again for every workflow it starts (the SDK's
 * reusable V8 context shares only its own modules). A change for thousands of customers starts
 * thousands of windows, so what the workflows import is a cost paid per customer: zod alone made the
 * bundle a third larger and doubled the worker's peak memory in bench/fan-out.ts.
 */
describe('the workflow bundle', () => {
  let modules: string[];
  beforeAll(async () => {
    const { code } = await workflowBundle();
    modules = [...code.matchAll(/^\/\*\*\*\/ "(\.\/[^"]+)"$/gm)].map((match) => match[1]!);
  }, 60_000);

  test('lists its modules (the check below reads them)', () => {
    expect(modules).toContain('./workflows/index.ts');
    expect(modules).toContain('./domain/ids.ts');
  });

  test('holds no validation library: schemas belong at the edge (domain/events.ts)', () => {
    expect(modules.filter((module) => module.includes('node_modules/zod/'))).toEqual([]);
    expect(modules).not.toContain('./domain/events.ts');
  });

  test('holds only workflow and domain code of ours, and no I/O library', () => {
    const ours = modules.filter((module) => !module.startsWith('./node_modules/'));
    // The failure converter (codec/failure-converter.ts) is bundled by the SDK so that workflows encode
    // failure messages too; it imports only @temporalio/common.
    expect(ours.filter((module) => !/^\.\/(workflows|domain)\//.test(module))).toEqual(['./codec/failure-converter.ts']);
    const libraries = new Set(modules.flatMap((module) => /^\.\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1] ?? []));
    for (const io of ['nodemailer', 'kysely', 'pg', '@electric-sql/pglite', 'fastify', 'pino']) expect(libraries).not.toContain(io);
  });
});
