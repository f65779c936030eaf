import { sql } from 'kysely';
import {
  breachFactNames,
  givenFacts,
  type BreachAssessment,
  type BreachFactName,
  type BreachFacts,
  type BreachFactsUpdate,
} from '../domain/breach';
import type { Db } from './database';

/** The facts as reported, and when the incident was recorded; a suspected one keeps since when (awareAt). */
export interface BreachIncidentFacts extends BreachFacts {
  detectedAt: string;
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
  /** 8.1: the update confirmed, or ruled out, the suspected breach; ruled out closes the entry. */
  assessment?: BreachAssessment;
  /** Art. 33(4): the facts the update brought; each becomes the entry's, known from `recordedAt`. */
  facts?: BreachFactsUpdate;
  recordedAt: string;
}

/** One entry of the Art. 33(5) register: the facts, their effects, the measures, and who was told when. */
export interface BreachRegisterEntry extends Omit<BreachIncidentFacts, 'suspected'> {
  /** 8.1: since when the breach was suspected (null: reported as found), and when that was settled. */
  suspectedSince: string | null;
  confirmedAt: string | null;
  ruledOutAt: string | null;
  /** When the current value of each fact became known; every earlier value is in the update that brought it. */
  factsKnownAt: Partial<Record<BreachFactName, string>>;
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

/** Each fact's column (its `<column>_known_at` beside it, migration 011). */
const columnOf = {
  dataCategories: 'data_categories',
  subjectCategories: 'subject_categories',
  subjectsApprox: 'subjects_approx',
  recordsApprox: 'records_approx',
  likelyConsequences: 'likely_consequences',
} as const satisfies Record<BreachFactName, string>;

/** The columns of the facts given, each with the instant it became known; a fact left out is not touched. */
function factColumns(facts: BreachFactsUpdate, knownAt: string) {
  return {
    ...(facts.dataCategories !== undefined && {
      data_categories: JSON.stringify(facts.dataCategories),
      data_categories_known_at: knownAt,
    }),
    ...(facts.subjectCategories !== undefined && {
      subject_categories: JSON.stringify(facts.subjectCategories),
      subject_categories_known_at: knownAt,
    }),
    ...(facts.subjectsApprox !== undefined && { subjects_approx: facts.subjectsApprox, subjects_approx_known_at: knownAt }),
    ...(facts.recordsApprox !== undefined && { records_approx: facts.recordsApprox, records_approx_known_at: knownAt }),
    ...(facts.likelyConsequences !== undefined && {
      likely_consequences: facts.likelyConsequences,
      likely_consequences_known_at: knownAt,
    }),
  };
}

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
      ...(row.subject_categories !== null && { subjectCategories: row.subject_categories }),
      ...(row.records_approx !== null && { recordsApprox: row.records_approx }),
      ...(row.likely_consequences !== null && { likelyConsequences: row.likely_consequences }),
      measures: row.measures,
      suspectedSince: iso(row.suspected_since),
      confirmedAt: iso(row.confirmed_at),
      ruledOutAt: iso(row.ruled_out_at),
      factsKnownAt: Object.fromEntries(
        breachFactNames.flatMap((name) => {
          const knownAt = row[`${columnOf[name]}_known_at`];
          return knownAt === null ? [] : [[name, iso(knownAt)!]];
        }),
      ),
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
          ...(u.assessment !== null && { assessment: u.assessment }),
          ...(u.facts !== null && { facts: u.facts }),
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
          suspected_since: facts.suspected === true ? facts.awareAt : null,
          ...factColumns(facts, facts.detectedAt),
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
            assessment: update.assessment ?? null,
            facts: update.facts && Object.keys(givenFacts(update.facts)).length > 0 ? JSON.stringify(givenFacts(update.facts)) : null,
          })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await trx
          .updateTable('breach_incidents')
          .set((eb) => ({
            measures: sql`${eb.ref('measures')} || ${JSON.stringify(update.measures)}::jsonb`,
            ...(update.contained !== undefined && { contained: update.contained }),
            ...factColumns(givenFacts(update.facts), update.recordedAt),
            ...(update.assessment === 'confirmed' && { confirmed_at: update.recordedAt }),
            updated_at: new Date(),
          }))
          .where('incident_id', '=', incidentId)
          .execute();
        // 8.1: a suspected breach ruled out closes the entry with the update that said so; no final report.
        if (update.assessment === 'ruled-out')
          await trx
            .updateTable('breach_incidents')
            .set({ ruled_out_at: update.recordedAt, status: 'closed', closed_at: update.recordedAt, updated_at: new Date() })
            .where('incident_id', '=', incidentId)
            .where('status', '=', 'open')
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
