import { z } from 'zod';

/** Ids in every event: they go into workflow ids, so they are restricted (PRODUCT.md, public contract). */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 characters of A-Z, a-z, 0-9, ".", "_" or "-"');

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
