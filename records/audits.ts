import type { Db } from './database';

/** What the product reported in `audit.requested`, with what the endpoint derived from it. */
export interface AuditReceipt {
  auditId: string;
  customerId: string;
  proposedDate: string;
  receivedAt: string;
  timeZone: string;
  earliestDate: string;
  auditor: { name: string; email?: string; organisation?: string };
  scope?: string;
}

export type AuditReceiptOutcome =
  | { outcome: 'recorded' }
  /** The same request again (a redelivery, or a retry after Temporal could not be reached). */
  | { outcome: 'already-recorded'; receipt: { receivedAt: string; timeZone: string } }
  /** The audit id is taken by a request with other facts: which ones (names only, no values). */
  | { outcome: 'conflict'; differs: string[] };

/** The auditor, as the invitation names them: personal data, read inside activities only. */
export interface AuditorRecord {
  name: string;
  email?: string;
  organisation?: string;
}

export interface AuditRecord {
  auditId: string;
  customerId: string;
  proposedDate: string;
  receivedAt: string;
  timeZone: string;
  earliestDate: string;
  scope?: string;
  status: 'open' | 'closed' | 'cancelled';
  date?: string;
  dateVersion: number;
  confidentialityConfirmedAt?: string;
  findings?: {
    summary: string;
    seriousIncidentFound: boolean;
    policyBreachFound: boolean;
    processorCostShare: number;
    recordedAt: string;
  };
  cancelledAt?: string;
}

export interface AuditRepository {
  /** Written by the webhook endpoint before the case starts; a redelivery finds the same facts. */
  recordReceipt(receipt: AuditReceipt): Promise<AuditReceiptOutcome>;
  auditor(auditId: string): Promise<AuditorRecord | undefined>;
  get(auditId: string): Promise<AuditRecord | undefined>;
  /** The date fixed; a lower version never overwrites a higher one. */
  recordDate(auditId: string, date: { date: string; version: number }): Promise<void>;
  recordConfidentiality(auditId: string, confirmation: { confirmedAt: string; reference?: string }): Promise<void>;
  recordFindings(
    auditId: string,
    findings: {
      summary: string;
      seriousIncidentFound: boolean;
      policyBreachFound: boolean;
      processorCostShare: number;
      recordedAt: string;
    },
  ): Promise<void>;
  recordCancellation(auditId: string, cancellation: { cancelledAt: string; reason?: string }): Promise<void>;
}

const iso = (value: Date | string | null): string | undefined => (value === null ? undefined : new Date(value).toISOString());

export function auditRepository(db: Db): AuditRepository {
  return {
    async recordReceipt(receipt) {
      const inserted = await db
        .insertInto('audit_requests')
        .values({
          audit_id: receipt.auditId,
          customer_id: receipt.customerId,
          proposed_date: receipt.proposedDate,
          received_at: receipt.receivedAt,
          time_zone: receipt.timeZone,
          earliest_date: receipt.earliestDate,
          auditor_name: receipt.auditor.name,
          auditor_email: receipt.auditor.email ?? null,
          auditor_organisation: receipt.auditor.organisation ?? null,
          scope: receipt.scope ?? null,
        })
        .onConflict((oc) => oc.column('audit_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { outcome: 'recorded' };

      const stored = await db.selectFrom('audit_requests').selectAll().where('audit_id', '=', receipt.auditId).executeTakeFirstOrThrow();
      const differs = [
        stored.customer_id !== receipt.customerId && 'customerId',
        stored.proposed_date !== receipt.proposedDate && 'proposedDate',
        stored.auditor_name !== receipt.auditor.name && 'auditor.name',
        (stored.auditor_email ?? '').toLowerCase() !== (receipt.auditor.email ?? '').toLowerCase() && 'auditor.email',
        (stored.auditor_organisation ?? '') !== (receipt.auditor.organisation ?? '') && 'auditor.organisation',
        (stored.scope ?? '') !== (receipt.scope ?? '') && 'scope',
      ].filter((name): name is string => typeof name === 'string');
      if (differs.length > 0) return { outcome: 'conflict', differs };
      // The redelivery is answered as the first delivery was: the notice counts from the first receipt.
      return { outcome: 'already-recorded', receipt: { receivedAt: iso(stored.received_at)!, timeZone: stored.time_zone } };
    },

    async auditor(auditId) {
      const row = await db
        .selectFrom('audit_requests')
        .select(['auditor_name', 'auditor_email', 'auditor_organisation'])
        .where('audit_id', '=', auditId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        name: row.auditor_name,
        ...(row.auditor_email !== null && { email: row.auditor_email }),
        ...(row.auditor_organisation !== null && { organisation: row.auditor_organisation }),
      };
    },

    async get(auditId) {
      const row = await db.selectFrom('audit_requests').selectAll().where('audit_id', '=', auditId).executeTakeFirst();
      if (!row) return undefined;
      return {
        auditId: row.audit_id,
        customerId: row.customer_id,
        proposedDate: row.proposed_date,
        receivedAt: iso(row.received_at)!,
        timeZone: row.time_zone,
        earliestDate: row.earliest_date,
        ...(row.scope !== null && { scope: row.scope }),
        status: row.status,
        ...(row.audit_date !== null && { date: row.audit_date }),
        dateVersion: row.date_version,
        ...(row.confidentiality_confirmed_at !== null && { confidentialityConfirmedAt: iso(row.confidentiality_confirmed_at)! }),
        ...(row.findings_summary !== null && {
          findings: {
            summary: row.findings_summary,
            seriousIncidentFound: row.serious_incident_found === true,
            policyBreachFound: row.policy_breach_found === true,
            processorCostShare: Number(row.processor_cost_share ?? 0),
            recordedAt: iso(row.findings_recorded_at)!,
          },
        }),
        ...(row.cancelled_at !== null && { cancelledAt: iso(row.cancelled_at)! }),
      };
    },

    async recordDate(auditId, { date, version }) {
      await db
        .updateTable('audit_requests')
        .set({ audit_date: date, date_version: version, updated_at: new Date() })
        .where('audit_id', '=', auditId)
        .where('date_version', '<', version)
        .execute();
    },

    async recordConfidentiality(auditId, { confirmedAt, reference }) {
      await db
        .updateTable('audit_requests')
        .set({ confidentiality_confirmed_at: confirmedAt, confidentiality_reference: reference ?? null, updated_at: new Date() })
        .where('audit_id', '=', auditId)
        .where('confidentiality_confirmed_at', 'is', null)
        .execute();
    },

    async recordFindings(auditId, findings) {
      await db
        .updateTable('audit_requests')
        .set({
          findings_summary: findings.summary,
          serious_incident_found: findings.seriousIncidentFound,
          policy_breach_found: findings.policyBreachFound,
          processor_cost_share: findings.processorCostShare,
          findings_recorded_at: findings.recordedAt,
          status: 'closed',
          updated_at: new Date(),
        })
        .where('audit_id', '=', auditId)
        .where('findings_summary', 'is', null)
        .execute();
    },

    async recordCancellation(auditId, { cancelledAt, reason }) {
      await db
        .updateTable('audit_requests')
        .set({ cancelled_at: cancelledAt, cancel_reason: reason ?? null, status: 'cancelled', updated_at: new Date() })
        .where('audit_id', '=', auditId)
        .where('cancelled_at', 'is', null)
        .execute();
    },
  };
}
