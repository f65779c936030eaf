import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { EventData } from './events';

/** The facts of a breach as the product reported them (8.1; Art. 33(3)). */
export interface BreachFacts {
  incidentId: string;
  awareAt: string;
  summary: string;
  dataCategories: string[];
  subjectsApprox?: number;
  measures: string[];
}

export interface BreachIncidentInput extends BreachFacts {
  /** When the product reported the breach (the event's timestamp). */
  detectedAt: string;
  affectedCustomerIds: string[];
}

export interface BreachNoticeInput {
  incidentId: string;
  customerId: string;
  facts: BreachFacts;
}

export type BreachNoticeOutcome =
  | { customerId: string; status: 'notified'; notifiedAt: string; recipients: number; undeliverable: number }
  | { customerId: string; status: 'undeliverable'; problem: string };

export function breachIncidentInput(data: EventData<'breach.detected'>, detectedAt: string): BreachIncidentInput {
  return {
    incidentId: data.incidentId,
    awareAt: data.awareAt,
    detectedAt,
    summary: data.summary,
    dataCategories: data.dataCategories,
    ...(data.subjectsApprox !== undefined && { subjectsApprox: data.subjectsApprox }),
    measures: data.measures,
    affectedCustomerIds: [...new Set(data.affectedCustomerIds)],
  };
}

/** GDPR Art. 33(1): the controller's own clock to the authority, shown to it as guidance. */
export const controllerNotificationHours = 72;

/**
 * How long a notice waits for a customer the product has not described yet (its `customer.upserted`
 * may still be on its way) before the privacy team is told that nobody could be notified.
 */
export const unknownCustomerGraceMs = 5 * 60 * 1000;

export interface BreachClosedSignal {
  finalReport: string;
  closedAt: string;
}

export const breachClosedSignal = defineSignal<[BreachClosedSignal]>('breachClosed');

export interface BreachStatus {
  incidentId: string;
  status: 'notifying' | 'open' | 'closed';
  customers: Record<string, BreachNoticeOutcome | { customerId: string; status: 'pending' }>;
}
export const breachStatusQuery = defineQuery<BreachStatus>('breachStatus');
