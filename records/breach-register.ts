import { sql } from 'kysely';
import type { Db } from './database';

export interface BreachIncidentFacts {
  incidentId: string;
  awareAt: string;
  detectedAt: string;
  summary: string;
  dataCategories: string[];
  subjectsApprox?: number;
  measures: string[];
}

export interface BreachNotificationFacts {
  status: 'pending' | 'notified' | 'undeliverable';
  notifiedAt?: string;
  controllerDeadlineAt?: string;
  contractualDeadlineAt?: string;
  problem?: string;
}

export interface BreachRegisterUpdate {
  kind: 'update' | 'measure' | 'closed';
  text: string;
  measures: string[];
  contained?: boolean;
  recordedAt: string;
}

/** One entry of the Art. 33(5) register: the facts, their effects, the measures, and who was told when. */
export interface BreachRegisterEntry extends BreachIncidentFacts {
  status: 'open' | 'closed';
  contained: boolean;
  finalReport: string | null;
  closedAt: string | null;
  notifications: Array<{
    customerId: string;
    status: BreachNotificationFacts['status'];
    notifiedAt: string | null;
    acknowledgedAt: string | null;
    controllerDeadlineAt: string | null;
    contractualDeadlineAt: string | null;
    problem: string | null;
    finalReportAt: string | null;
    finalReportProblem: string | null;
  }>;
  updates: BreachRegisterUpdate[];
}

export interface BreachRegisterRepository {
  recordIncident(facts: BreachIncidentFacts): Promise<void>;
  recordNotification(incidentId: string, customerId: string, facts: BreachNotificationFacts): Promise<void>;
  /** Every customer of the list enters the register as `pending`, unless it is there already. */
  recordPendingNotifications(incidentId: string, customerIds: string[]): Promise<void>;
  /** The final report's fate for one customer: accepted at `sentAt`, or refused by every contact. */
  recordFinalReport(incidentId: string, customerId: string, outcome: { sentAt: string } | { problem: string }): Promise<void>;
  /** Customers told of the incident (or being told) whose final report has not been accepted yet. */
  finalReportsOutstanding(incidentId: string): Promise<number>;
  recordAcknowledgement(incidentId: string, customerId: string, acknowledgedAt: string): Promise<void>;
  /** Idempotent on `idempotencyKey`: a retried activity adds the update once. */
  recordUpdate(incidentId: string, idempotencyKey: string, update: BreachRegisterUpdate): Promise<void>;
  close(incidentId: string, finalReport: string, closedAt: string): Promise<void>;
  get(incidentId: string): Promise<BreachRegisterEntry | undefined>;
  list(): Promise<BreachRegisterEntry[]>;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function breachRegisterRepository(db: Db): BreachRegisterRepository {
  async function load(incidentIds: string[] | 'all'): Promise<BreachRegisterEntry[]> {
    let incidentsQuery = db.selectFrom('breach_incidents').selectAll().orderBy('aware_at').orderBy('incident_id');
    if (incidentIds !== 'all') {
      if (incidentIds.length === 0) return [];
      incidentsQuery = incidentsQuery.where('incident_id', 'in', incidentIds);
    }
    const incidents = await incidentsQuery.execute();
    if (incidents.length === 0) return [];
    const ids = incidents.map((row) => row.incident_id);
    const [notifications, updates] = await Promise.all([
      db.selectFrom('breach_notifications').selectAll().where('incident_id', 'in', ids).orderBy('customer_id').execute(),
      db.selectFrom('breach_updates').selectAll().where('incident_id', 'in', ids).orderBy('id').execute(),
    ]);
    return incidents.map((row) => ({
      incidentId: row.incident_id,
      awareAt: iso(row.aware_at)!,
      detectedAt: iso(row.detected_at)!,
      summary: row.summary,
      dataCategories: row.data_categories,
      ...(row.subjects_approx !== null && { subjectsApprox: row.subjects_approx }),
      measures: row.measures,
      status: row.status,
      contained: row.contained,
      finalReport: row.final_report,
      closedAt: iso(row.closed_at),
      notifications: notifications
        .filter((n) => n.incident_id === row.incident_id)
        .map((n) => ({
          customerId: n.customer_id,
          status: n.status,
          notifiedAt: iso(n.notified_at),
          acknowledgedAt: iso(n.acknowledged_at),
          controllerDeadlineAt: iso(n.controller_deadline_at),
          contractualDeadlineAt: iso(n.contractual_deadline_at),
          problem: n.problem,
          finalReportAt: iso(n.final_report_at),
          finalReportProblem: n.final_report_problem,
        })),
      updates: updates
        .filter((u) => u.incident_id === row.incident_id)
        .map((u) => ({
          kind: u.kind,
          text: u.text,
          measures: u.measures,
          ...(u.contained !== null && { contained: u.contained }),
          recordedAt: iso(u.recorded_at)!,
        })),
    }));
  }

  return {
    async recordIncident(facts) {
      await db
        .insertInto('breach_incidents')
        .values({
          incident_id: facts.incidentId,
          aware_at: facts.awareAt,
          detected_at: facts.detectedAt,
          summary: facts.summary,
          data_categories: JSON.stringify(facts.dataCategories),
          subjects_approx: facts.subjectsApprox ?? null,
          measures: JSON.stringify(facts.measures),
          contained: false,
          status: 'open',
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.column('incident_id').doNothing())
        .execute();
    },

    async recordNotification(incidentId, customerId, facts) {
      await db
        .insertInto('breach_notifications')
        .values({
          incident_id: incidentId,
          customer_id: customerId,
          status: facts.status,
          notified_at: facts.notifiedAt ?? null,
          controller_deadline_at: facts.controllerDeadlineAt ?? null,
          contractual_deadline_at: facts.contractualDeadlineAt ?? null,
          problem: facts.problem ?? null,
          updated_at: new Date(),
        })
        .onConflict((oc) =>
          oc.columns(['incident_id', 'customer_id']).doUpdateSet(({ ref, fn }) => ({
            status: ref('excluded.status'),
            // The first notice time is evidence: a later write never moves it.
            notified_at: fn.coalesce('breach_notifications.notified_at', ref('excluded.notified_at')),
            controller_deadline_at: fn.coalesce('breach_notifications.controller_deadline_at', ref('excluded.controller_deadline_at')),
            contractual_deadline_at: ref('excluded.contractual_deadline_at'),
            problem: ref('excluded.problem'),
            updated_at: ref('excluded.updated_at'),
          })),
        )
        .execute();
    },

    async recordPendingNotifications(incidentId, customerIds) {
      // Chunks keep each statement well under PostgreSQL's 65,535 bind parameters.
      for (let start = 0; start < customerIds.length; start += 1000) {
        const now = new Date();
        await db
          .insertInto('breach_notifications')
          .values(
            customerIds
              .slice(start, start + 1000)
              .map((customerId) => ({ incident_id: incidentId, customer_id: customerId, status: 'pending' as const, updated_at: now })),
          )
          .onConflict((oc) => oc.columns(['incident_id', 'customer_id']).doNothing())
          .execute();
      }
    },

    async recordFinalReport(incidentId, customerId, outcome) {
      await db
        .updateTable('breach_notifications')
        .set(
          'sentAt' in outcome
            ? { final_report_at: outcome.sentAt, final_report_problem: null, updated_at: new Date() }
            : { final_report_problem: outcome.problem, updated_at: new Date() },
        )
        .where('incident_id', '=', incidentId)
        .where('customer_id', '=', customerId)
        .where('final_report_at', 'is', null)
        .execute();
    },

    async finalReportsOutstanding(incidentId) {
      const row = await db
        .selectFrom('breach_notifications')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('incident_id', '=', incidentId)
        .where('status', '<>', 'undeliverable')
        .where('final_report_at', 'is', null)
        .where('final_report_problem', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async recordAcknowledgement(incidentId, customerId, acknowledgedAt) {
      await db
        .updateTable('breach_notifications')
        .set({ acknowledged_at: acknowledgedAt, updated_at: new Date() })
        .where('incident_id', '=', incidentId)
        .where('customer_id', '=', customerId)
        .where('acknowledged_at', 'is', null)
        .execute();
    },

    async recordUpdate(incidentId, idempotencyKey, update) {
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('breach_updates')
          .values({
            incident_id: incidentId,
            kind: update.kind,
            text: update.text,
            measures: JSON.stringify(update.measures),
            contained: update.contained ?? null,
            recorded_at: update.recordedAt,
            idempotency_key: idempotencyKey,
          })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await trx
          .updateTable('breach_incidents')
          .set((eb) => ({
            measures: sql`${eb.ref('measures')} || ${JSON.stringify(update.measures)}::jsonb`,
            ...(update.contained !== undefined && { contained: update.contained }),
            updated_at: new Date(),
          }))
          .where('incident_id', '=', incidentId)
          .execute();
      });
    },

    async close(incidentId, finalReport, closedAt) {
      await db
        .updateTable('breach_incidents')
        .set({ status: 'closed', final_report: finalReport, closed_at: closedAt, updated_at: new Date() })
        .where('incident_id', '=', incidentId)
        .where('status', '=', 'open')
        .execute();
    },

    async get(incidentId) {
      const [entry] = await load([incidentId]);
      return entry;
    },

    list: () => load('all'),
  };
}
