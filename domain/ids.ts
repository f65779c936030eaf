/**
 * Ids in every event: they go into workflow ids, so they are restricted (PRODUCT.md, public contract).
 *
 * This module and language.ts are imported by workflows, so they stay free of zod: a workflow bundle
 * re-evaluates the modules it imports for every workflow it starts, and zod's are many (the schemas
 * built from these live in events.ts).
 */
export const idPattern = /^[A-Za-z0-9._-]{1,64}$/;
export const idRule = 'must be 1 to 64 characters of A-Z, a-z, 0-9, ".", "_" or "-"';

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

/**
 * Where a workflow id joins two ids (an incident and a customer), they are joined by `~`, which no id
 * may contain. With `-` as the joint, `breach-COL-1-acme` was both incident `COL-1`'s notice to
 * `acme` and incident `COL-1-acme`: two cases, one id, and the second was never opened.
 */
export const idJoint = '~';

/**
 * Workflow ids are part of the public contract: other systems address cases by them. No two cases share
 * one: each kind has its own prefix, no prefix is the start of another kind's id, and joined ids are
 * split by `idJoint` (parseWorkflowId undoes every one of them, which the tests check for every id).
 */
export const workflowIds = {
  customer: (customerId: string) => `customer-${customerId}`,
  breach: (incidentId: string) => `breach-${incidentId}`,
  breachNotice: (incidentId: string, customerId: string) => `breach-${incidentId}${idJoint}${customerId}`,
  dsr: (requestId: string) => `dsr-${requestId}`,
  authority: (requestId: string) => `authority-${requestId}`,
  instruction: (instructionId: string) => `instruction-${instructionId}`,
  /** 3.4: the customer's notice that it cannot meet its obligations. */
  cannotComply: (noticeId: string) => `cannot-comply-${noticeId}`,
  subprocessorChange: (changeId: string) => `subprocessor-change-${changeId}`,
  objection: (changeId: string, customerId: string) => `objection-${changeId}${idJoint}${customerId}`,
  audit: (auditId: string) => `audit-${auditId}`,
  termination: (customerId: string) => `termination-${customerId}`,
} as const;

export type WorkflowIdKind = keyof typeof workflowIds;

/** The case a workflow id names, or undefined for an id this product would never make. */
export function parseWorkflowId(workflowId: string): { kind: WorkflowIdKind; ids: string[] } | undefined {
  const kinds: Array<[WorkflowIdKind, string, number]> = [
    ['customer', 'customer-', 1],
    ['breachNotice', 'breach-', 2],
    ['breach', 'breach-', 1],
    ['dsr', 'dsr-', 1],
    ['authority', 'authority-', 1],
    ['instruction', 'instruction-', 1],
    ['cannotComply', 'cannot-comply-', 1],
    ['subprocessorChange', 'subprocessor-change-', 1],
    ['objection', 'objection-', 2],
    ['audit', 'audit-', 1],
    ['termination', 'termination-', 1],
  ];
  for (const [kind, prefix, parts] of kinds) {
    if (!workflowId.startsWith(prefix)) continue;
    const ids = workflowId.slice(prefix.length).split(idJoint);
    if (ids.length === parts && ids.every(isValidId)) return { kind, ids };
  }
  return undefined;
}
