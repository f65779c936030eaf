import fc from 'fast-check';
import { idJoint, idPattern, isValidId, parseWorkflowId, workflowIds, type WorkflowIdKind } from '../../domain/ids';

/** Any id the contract accepts: 1 to 64 characters of the whole id alphabet, dashes included. */
const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-';
const anyId = fc.string({ unit: fc.constantFrom(...idAlphabet), minLength: 1, maxLength: 64 });
/** Ids made mostly of dashes and the pieces of other ids, where collisions would hide. */
const trickyId = fc
  .array(fc.constantFrom('-', 'a', 'acme', 'COL', '1', 'good', 'Y', '.', '_', 'change', 'notice'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').slice(0, 64));
const id = fc.oneof(anyId, trickyId);

const kinds = Object.keys(workflowIds) as WorkflowIdKind[];
const arity = (kind: WorkflowIdKind) => workflowIds[kind].length;
const build = (kind: WorkflowIdKind, ids: string[]) => (workflowIds[kind] as (...parts: string[]) => string)(...ids);
const aCase = fc
  .constantFrom(...kinds)
  .chain((kind) => fc.tuple(fc.constant(kind), fc.array(id, { minLength: arity(kind), maxLength: arity(kind) })));

describe('workflow ids: no two cases share one', () => {
  test('the joint cannot occur in an id', () => {
    expect(idPattern.test(`a${idJoint}b`)).toBe(false);
    expect(isValidId(idJoint)).toBe(false);
  });

  test('every workflow id names exactly the case it was made from, over the whole id alphabet', () => {
    fc.assert(
      fc.property(aCase, ([kind, ids]) => {
        expect(parseWorkflowId(build(kind, ids))).toEqual({ kind, ids });
      }),
      { numRuns: 5000 },
    );
  });

  test('two different cases never get the same id', () => {
    fc.assert(
      fc.property(aCase, aCase, ([kindA, idsA], [kindB, idsB]) => {
        fc.pre(kindA !== kindB || idsA.join('\u0000') !== idsB.join('\u0000'));
        expect(build(kindA, idsA)).not.toBe(build(kindB, idsB));
      }),
      { numRuns: 20000 },
    );
  });

  test('the collisions the review found are gone', () => {
    // Incident COL-1 told acme; then incident COL-1-acme was reported.
    expect(workflowIds.breachNotice('COL-1', 'acme')).not.toBe(workflowIds.breach('COL-1-acme'));
    // Incident Y-good was open; then incident Y concerned customer good.
    expect(workflowIds.breach('Y-good')).not.toBe(workflowIds.breachNotice('Y', 'good'));
    expect(workflowIds.objection('A-b', 'c')).not.toBe(workflowIds.objection('A', 'b-c'));
    expect(workflowIds.breachNotice('COL-1', 'acme')).toBe('breach-COL-1~acme');
  });
});
