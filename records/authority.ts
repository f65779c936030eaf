import type { Db } from './database';
import type { AuthorityCustomersTable } from './schema';

export interface AuthorityRequestFacts {
  requestId: string;
  authority: string;
  requestKind: string;
  receivedAt: string;
  reportedAt: string;
  customerIds: string[];
  disclosureProhibited: boolean;
  /** Art. 28(3)(a): reported with the prohibition, or recorded later (`recordProhibitionBasis`). */
  prohibitionBasis?: string;
  prohibitionBasisRecordedAt?: string;
  /** Reported without a basis: by when the privacy team must record one. */
  prohibitionBasisDueAt?: string;
}

export type AuthorityNoticeFacts =
  | { status: 'withheld' | 'pending' }
  | { status: 'notified'; notifiedAt: string; via: string }
  | { status: 'undeliverable'; problem: string };

export type AuthorityOutcomeFacts =
  | { kind: 'answered'; at: string; summary: string; disclosesPersonalData: false; note?: string }
  | { kind: 'answered'; at: string; summary: string; disclosesPersonalData: true; scope: string; manner: string; note?: string }
  | { kind: 'disclosed'; at: string; scope: string; manner: string; note?: string };

export interface AuthorityRecord extends Omit<
  AuthorityRequestFacts,
  'prohibitionBasis' | 'prohibitionBasisRecordedAt' | 'prohibitionBasisDueAt'
> {
  status: 'open' | 'answered' | 'disclosed';
  prohibitionBasis: string | null;
  prohibitionBasisRecordedAt: string | null;
  prohibitionBasisDueAt: string | null;
  prohibitionLiftedAt: string | null;
  prohibitionLiftReason: string | null;
  noticeDueAt: string | null;
  viewsDueAt: string | null;
  outcomeAt: string | null;
  answerSummary: string | null;
  /** 7.1: whether the answer disclosed personal data (null for a disclosure). */
  answerDisclosesPersonalData: boolean | null;
  /** Of a disclosure, or of an answer that disclosed personal data. */
  disclosureScope: string | null;
  disclosureManner: string | null;
  outcomeNote: string | null;
  customers: Array<{
    customerId: string;
    noticeStatus: AuthorityCustomersTable['notice_status'];
    notifiedAt: string | null;
    notifiedVia: string | null;
    noticeProblem: string | null;
  }>;
  views: Array<{ customerId: string; view: string; objectsToDisclosure: boolean; receivedAt: string }>;
}

export interface AuthorityRepository {
  /** Idempotent: a second call for the same request changes nothing. */
  recordRequest(facts: AuthorityRequestFacts): Promise<void>;
  recordDeadlines(requestId: string, deadlines: { noticeDueAt?: string; viewsDueAt?: string }): Promise<void>;
  recordNotice(requestId: string, customerId: string, facts: AuthorityNoticeFacts): Promise<void>;
  recordView(
    requestId: string,
    idempotencyKey: string,
    view: { customerId: string; view: string; objectsToDisclosure: boolean; receivedAt: string },
  ): Promise<void>;
  recordProhibitionBasis(requestId: string, basis: string, recordedAt: string): Promise<void>;
  recordProhibitionLifted(requestId: string, reason: string, liftedAt: string): Promise<void>;
  recordOutcome(requestId: string, outcome: AuthorityOutcomeFacts): Promise<void>;
  get(requestId: string): Promise<AuthorityRecord | undefined>;
  list(): Promise<AuthorityRecord[]>;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function authorityRepository(db: Db): AuthorityRepository {
  async function load(requestIds: string[] | 'all'): Promise<AuthorityRecord[]> {
    let query = db.selectFrom('authority_requests').selectAll().orderBy('received_at').orderBy('request_id');
    if (requestIds !== 'all') query = query.where('request_id', 'in', requestIds);
    const requests = await query.execute();
    if (requests.length === 0) return [];
    const ids = requests.map((row) => row.request_id);
    const [customers, views] = await Promise.all([
      db.selectFrom('authority_customers').selectAll().where('request_id', 'in', ids).orderBy('customer_id').execute(),
      db.selectFrom('authority_views').selectAll().where('request_id', 'in', ids).orderBy('id').execute(),
    ]);
    return requests.map((row) => ({
      requestId: row.request_id,
      authority: row.authority,
      requestKind: row.request_kind,
      receivedAt: iso(row.received_at)!,
      reportedAt: iso(row.reported_at)!,
      customerIds: row.customer_ids,
      disclosureProhibited: row.disclosure_prohibited,
      status: row.status,
      prohibitionBasis: row.prohibition_basis,
      prohibitionBasisRecordedAt: iso(row.prohibition_basis_recorded_at),
      prohibitionBasisDueAt: iso(row.prohibition_basis_due_at),
      prohibitionLiftedAt: iso(row.prohibition_lifted_at),
      prohibitionLiftReason: row.prohibition_lift_reason,
      noticeDueAt: iso(row.notice_due_at),
      viewsDueAt: iso(row.views_due_at),
      outcomeAt: iso(row.outcome_at),
      answerSummary: row.answer_summary,
      answerDisclosesPersonalData: row.answer_discloses_personal_data,
      disclosureScope: row.disclosure_scope,
      disclosureManner: row.disclosure_manner,
      outcomeNote: row.outcome_note,
      customers: customers
        .filter((c) => c.request_id === row.request_id)
        .map((c) => ({
          customerId: c.customer_id,
          noticeStatus: c.notice_status,
          notifiedAt: iso(c.notified_at),
          notifiedVia: c.notified_via,
          noticeProblem: c.notice_problem,
        })),
      views: views
        .filter((v) => v.request_id === row.request_id)
        .map((v) => ({
          customerId: v.customer_id,
          view: v.view,
          objectsToDisclosure: v.objects_to_disclosure,
          receivedAt: iso(v.received_at)!,
        })),
    }));
  }

  return {
    async recordRequest(facts) {
      await db.transaction().execute(async (trx) => {
        const now = new Date();
        await trx
          .insertInto('authority_requests')
          .values({
            request_id: facts.requestId,
            authority: facts.authority,
            request_kind: facts.requestKind,
            received_at: facts.receivedAt,
            reported_at: facts.reportedAt,
            customer_ids: JSON.stringify(facts.customerIds),
            disclosure_prohibited: facts.disclosureProhibited,
            prohibition_basis: facts.prohibitionBasis ?? null,
            prohibition_basis_recorded_at:
              facts.prohibitionBasis === undefined ? null : (facts.prohibitionBasisRecordedAt ?? facts.reportedAt),
            prohibition_basis_due_at: facts.prohibitionBasisDueAt ?? null,
            status: 'open',
            updated_at: now,
          })
          .onConflict((oc) => oc.column('request_id').doNothing())
          .execute();
        if (facts.customerIds.length === 0) return;
        await trx
          .insertInto('authority_customers')
          .values(
            facts.customerIds.map((customerId) => ({
              request_id: facts.requestId,
              customer_id: customerId,
              notice_status: facts.disclosureProhibited ? ('withheld' as const) : ('pending' as const),
              updated_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['request_id', 'customer_id']).doNothing())
          .execute();
      });
    },

    async recordDeadlines(requestId, deadlines) {
      if (deadlines.noticeDueAt === undefined && deadlines.viewsDueAt === undefined) return;
      await db
        .updateTable('authority_requests')
        .set({
          ...(deadlines.noticeDueAt !== undefined && { notice_due_at: deadlines.noticeDueAt }),
          ...(deadlines.viewsDueAt !== undefined && { views_due_at: deadlines.viewsDueAt }),
          updated_at: new Date(),
        })
        .where('request_id', '=', requestId)
        .execute();
    },

    async recordNotice(requestId, customerId, facts) {
      const notified = facts.status === 'notified' ? facts : undefined;
      await db
        .updateTable('authority_customers')
        .set({
          notice_status: facts.status,
          notice_problem: facts.status === 'undeliverable' ? facts.problem : null,
          ...(notified && { notified_at: notified.notifiedAt, notified_via: notified.via }),
          updated_at: new Date(),
        })
        .where('request_id', '=', requestId)
        .where('customer_id', '=', customerId)
        // The first notice is evidence: once told, a customer's row is never moved back.
        .where('notice_status', '<>', 'notified')
        .execute();
    },

    async recordView(requestId, idempotencyKey, view) {
      await db
        .insertInto('authority_views')
        .values({
          request_id: requestId,
          customer_id: view.customerId,
          view: view.view,
          objects_to_disclosure: view.objectsToDisclosure,
          received_at: view.receivedAt,
          idempotency_key: idempotencyKey,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    },

    async recordProhibitionBasis(requestId, basis, recordedAt) {
      await db
        .updateTable('authority_requests')
        .set({ prohibition_basis: basis, prohibition_basis_recorded_at: recordedAt, updated_at: new Date() })
        .where('request_id', '=', requestId)
        .execute();
    },

    async recordProhibitionLifted(requestId, reason, liftedAt) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('authority_requests')
          .set({ prohibition_lifted_at: liftedAt, prohibition_lift_reason: reason, updated_at: new Date() })
          .where('request_id', '=', requestId)
          .where('prohibition_lifted_at', 'is', null)
          .execute();
        await trx
          .updateTable('authority_customers')
          .set({ notice_status: 'pending', updated_at: new Date() })
          .where('request_id', '=', requestId)
          .where('notice_status', '=', 'withheld')
          .execute();
      });
    },

    async recordOutcome(requestId, outcome) {
      await db
        .updateTable('authority_requests')
        .set({
          status: outcome.kind,
          outcome_at: outcome.at,
          answer_summary: outcome.kind === 'answered' ? outcome.summary : null,
          answer_discloses_personal_data: outcome.kind === 'answered' ? outcome.disclosesPersonalData : null,
          disclosure_scope: 'scope' in outcome ? outcome.scope : null,
          disclosure_manner: 'manner' in outcome ? outcome.manner : null,
          outcome_note: outcome.note ?? null,
          updated_at: new Date(),
        })
        .where('request_id', '=', requestId)
        .where('status', '=', 'open')
        .execute();
    },

    async get(requestId) {
      const [record] = await load([requestId]);
      return record;
    },

    list: () => load('all'),
  };
}
