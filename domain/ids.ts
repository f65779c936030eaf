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

/** Workflow ids are part of the public contract: other systems address cases by them. */
export const workflowIds = {
  customer: (customerId: string) => `customer-${customerId}`,
  breach: (incidentId: string) => `breach-${incidentId}`,
  breachNotice: (incidentId: string, customerId: string) => `breach-${incidentId}-${customerId}`,
  dsr: (requestId: string) => `dsr-${requestId}`,
  authority: (requestId: string) => `authority-${requestId}`,
  instruction: (instructionId: string) => `instruction-${instructionId}`,
  subprocessorChange: (changeId: string) => `subprocessor-change-${changeId}`,
  objection: (changeId: string, customerId: string) => `objection-${changeId}-${customerId}`,
  audit: (auditId: string) => `audit-${auditId}`,
  termination: (customerId: string) => `termination-${customerId}`,
} as const;
