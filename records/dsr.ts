import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from './database';
import type { Schema } from './schema';

/** What the product reported in `dsr.received`. */
export interface DsrReceipt {
  requestId: string;
  customerId: string;
  requestType: string;
  receivedAt: string;
  reportedAt: string;
  subjectEmail?: string;
}

export type DsrReceiptOutcome =
  | { outcome: 'recorded' }
  /** The same request again (a redelivery, or a retry after Temporal could not be reached). */
  | { outcome: 'already-recorded' }
  /** The request id is taken by a request with other facts: which ones (names only, no values). */
  | { outcome: 'conflict'; differs: string[] };

/** The case as the records hold it. The subject's address is not part of it, only whether one is known. */
export interface DsrRecord {
  requestId: string;
  customerId: string;
  requestType: string;
  receivedAt: string;
  reportedAt: string;
  subjectEmailKnown: boolean;
  status: 'open' | 'closed';
  timeZone: string | null;
  originalDeadlineAt: string | null;
  deadlineAt: string | null;
  extensionMonths: number;
  customerNotifiedAt: string | null;
  customerNoticeProblem: string | null;
  subjectConfirmedAt: string | null;
  instruction: string | null;
  instructionNote: string | null;
  instructionSource: string | null;
  instructedAt: string | null;
  outcome: string | null;
  closedAt: string | null;
  deadlines: Array<{
    sequence: number;
    deadlineAt: string;
    extraMonths: number;
    totalExtensionMonths: number;
    reason: string | null;
    source: string | null;
    requestedAt: string | null;
  }>;
  actionRequests: Array<{
    webhookId: string;
    action: string;
    requestedAt: string;
    attempts: number;
    lastAttemptAt: string | null;
    lastAnswer: string | null;
    firstAcceptedAt: string | null;
    completedAt: string | null;
    completionNote: string | null;
    completionSource: string | null;
  }>;
}

export interface DsrRepository {
  /** Written by the webhook endpoint before the workflow starts; idempotent, and the first report wins. */
  recordReceipt(receipt: DsrReceipt): Promise<DsrReceiptOutcome>;
  /** The subject's address, for the one confirmation 10.2 allows; undefined when the product gave none. */
  subjectEmail(requestId: string): Promise<string | undefined>;
  /** The workflow's view of the case: creates the row when the case was started without a receipt. */
  openCase(facts: Omit<DsrReceipt, 'subjectEmail'> & { timeZone: string; originalDeadlineAt: string }): Promise<void>;
  recordCustomerNotice(requestId: string, notice: { notifiedAt: string } | { problem: string }): Promise<void>;
  recordSubjectConfirmation(requestId: string, confirmedAt: string): Promise<void>;
  /** Idempotent on (request, sequence). */
  recordExtension(
    requestId: string,
    extension: {
      sequence: number;
      extraMonths: number;
      totalExtensionMonths: number;
      deadlineAt: string;
      reason?: string;
      source: string;
      requestedAt: string;
    },
  ): Promise<void>;
  /** The first instruction recorded stays: a later write never replaces it. */
  recordInstruction(
    requestId: string,
    instruction: { instruction: string; note?: string; source: string; instructedAt: string },
  ): Promise<void>;
  /** One attempt to deliver an action request to the product, and its answer. */
  recordActionAttempt(request: DsrActionRequestRef, attempt: { at: string; answer: string; accepted: boolean }): Promise<void>;
  recordActionCompleted(request: DsrActionRequestRef, completion: { completedAt: string; note?: string; source: string }): Promise<void>;
  close(requestId: string, closed: { closedAt: string; outcome: string }): Promise<void>;
  get(requestId: string): Promise<DsrRecord | undefined>;
}

/** An action request sent to the product: its row is keyed by the webhook id it went out under. */
export interface DsrActionRequestRef {
  webhookId: string;
  requestId: string;
  action: string;
  requestedAt: string;
}

/** The columns that name an action request, the same whichever of its events writes the row first. */
const actionRequestKey = (request: DsrActionRequestRef) => ({
  webhook_id: request.webhookId,
  request_id: request.requestId,
  action: request.action,
  requested_at: request.requestedAt,
});

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function dsrRepository(db: Db): DsrRepository {
  return {
    async recordReceipt(receipt) {
      const inserted = await db
        .insertInto('dsr_requests')
        .values({
          request_id: receipt.requestId,
          customer_id: receipt.customerId,
          request_type: receipt.requestType,
          received_at: receipt.receivedAt,
          reported_at: receipt.reportedAt,
          subject_email: receipt.subjectEmail ?? null,
        })
        .onConflict((oc) => oc.column('request_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { outcome: 'recorded' };

      const stored = await db
        .selectFrom('dsr_requests')
        .select(['customer_id', 'request_type', 'received_at', 'subject_email'])
        .where('request_id', '=', receipt.requestId)
        .executeTakeFirstOrThrow();
      const differs = [
        stored.customer_id !== receipt.customerId && 'customerId',
        stored.request_type !== receipt.requestType && 'requestType',
        new Date(stored.received_at).getTime() !== new Date(receipt.receivedAt).getTime() && 'receivedAt',
        (stored.subject_email ?? '').toLowerCase() !== (receipt.subjectEmail ?? '').toLowerCase() && 'subjectEmail',
      ].filter((name): name is string => typeof name === 'string');
      return differs.length > 0 ? { outcome: 'conflict', differs } : { outcome: 'already-recorded' };
    },

    async subjectEmail(requestId) {
      const row = await db.selectFrom('dsr_requests').select('subject_email').where('request_id', '=', requestId).executeTakeFirst();
      return row?.subject_email ?? undefined;
    },

    async openCase(facts) {
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('dsr_requests')
          .values({
            request_id: facts.requestId,
            customer_id: facts.customerId,
            request_type: facts.requestType,
            received_at: facts.receivedAt,
            reported_at: facts.reportedAt,
            subject_email: null,
            time_zone: facts.timeZone,
            original_deadline_at: facts.originalDeadlineAt,
            deadline_at: facts.originalDeadlineAt,
          })
          .onConflict((oc) =>
            oc.column('request_id').doUpdateSet((eb) => ({
              time_zone: eb.fn.coalesce('dsr_requests.time_zone', eb.ref('excluded.time_zone')),
              original_deadline_at: eb.fn.coalesce('dsr_requests.original_deadline_at', eb.ref('excluded.original_deadline_at')),
              deadline_at: eb.fn.coalesce('dsr_requests.deadline_at', eb.ref('excluded.deadline_at')),
              updated_at: now,
            })),
          )
          .execute();
        await trx
          .insertInto('dsr_deadlines')
          .values({
            request_id: facts.requestId,
            sequence: 0,
            deadline_at: facts.originalDeadlineAt,
            extra_months: 0,
            total_extension_months: 0,
            reason: null,
            source: null,
            requested_at: null,
            recorded_at: now,
          })
          .onConflict((oc) => oc.columns(['request_id', 'sequence']).doNothing())
          .execute();
      });
    },

    async recordCustomerNotice(requestId, notice) {
      await db
        .updateTable('dsr_requests')
        .set((eb) =>
          'notifiedAt' in notice
            ? {
                // The first notice time is evidence: a later write never moves it.
                customer_notified_at: eb.fn.coalesce('customer_notified_at', eb.val(notice.notifiedAt)),
                customer_notice_problem: null,
                updated_at: new Date(),
              }
            : { customer_notice_problem: notice.problem, updated_at: new Date() },
        )
        .where('request_id', '=', requestId)
        .execute();
    },

    async recordSubjectConfirmation(requestId, confirmedAt) {
      await db
        .updateTable('dsr_requests')
        .set({ subject_confirmed_at: confirmedAt, updated_at: new Date() })
        .where('request_id', '=', requestId)
        .where('subject_confirmed_at', 'is', null)
        .execute();
    },

    async recordExtension(requestId, extension) {
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('dsr_deadlines')
          .values({
            request_id: requestId,
            sequence: extension.sequence,
            deadline_at: extension.deadlineAt,
            extra_months: extension.extraMonths,
            total_extension_months: extension.totalExtensionMonths,
            reason: extension.reason ?? null,
            source: extension.source,
            requested_at: extension.requestedAt,
            recorded_at: new Date(),
          })
          .onConflict((oc) => oc.columns(['request_id', 'sequence']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await trx
          .updateTable('dsr_requests')
          .set({ deadline_at: extension.deadlineAt, extension_months: extension.totalExtensionMonths, updated_at: new Date() })
          .where('request_id', '=', requestId)
          .where('extension_months', '<', extension.totalExtensionMonths)
          .execute();
      });
    },

    async recordInstruction(requestId, instruction) {
      await db
        .updateTable('dsr_requests')
        .set({
          instruction: instruction.instruction,
          instruction_note: instruction.note ?? null,
          instruction_source: instruction.source,
          instructed_at: instruction.instructedAt,
          updated_at: new Date(),
        })
        .where('request_id', '=', requestId)
        .where('instruction', 'is', null)
        .execute();
    },

    async recordActionAttempt(request, attempt) {
      await db
        .insertInto('dsr_action_requests')
        .values({
          ...actionRequestKey(request),
          attempts: 1,
          last_attempt_at: attempt.at,
          last_answer: attempt.answer,
          first_accepted_at: attempt.accepted ? attempt.at : null,
          updated_at: new Date(),
        })
        .onConflict((oc) =>
          oc.column('webhook_id').doUpdateSet((eb) => ({
            attempts: eb(eb.ref('dsr_action_requests.attempts'), '+', 1),
            last_attempt_at: eb.ref('excluded.last_attempt_at'),
            last_answer: eb.ref('excluded.last_answer'),
            first_accepted_at: eb.fn.coalesce('dsr_action_requests.first_accepted_at', eb.ref('excluded.first_accepted_at')),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },

    async recordActionCompleted(request, completion) {
      await db
        .insertInto('dsr_action_requests')
        .values({
          ...actionRequestKey(request),
          completed_at: completion.completedAt,
          completion_note: completion.note ?? null,
          completion_source: completion.source,
          updated_at: new Date(),
        })
        .onConflict((oc) =>
          oc
            .column('webhook_id')
            .doUpdateSet((eb) => ({
              completed_at: eb.ref('excluded.completed_at'),
              completion_note: eb.ref('excluded.completion_note'),
              completion_source: eb.ref('excluded.completion_source'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            // The first confirmation is the evidence; a repeated one does not overwrite it.
            .where('dsr_action_requests.completed_at', 'is', null),
        )
        .execute();
    },

    async close(requestId, closed) {
      await db
        .updateTable('dsr_requests')
        .set({ status: 'closed', outcome: closed.outcome, closed_at: closed.closedAt, updated_at: new Date() })
        .where('request_id', '=', requestId)
        .where('status', '=', 'open')
        .execute();
    },

    async get(requestId) {
      const row = await db.selectFrom('dsr_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
      if (!row) return undefined;
      const [deadlines, actions] = await Promise.all([
        db.selectFrom('dsr_deadlines').selectAll().where('request_id', '=', requestId).orderBy('sequence').execute(),
        db.selectFrom('dsr_action_requests').selectAll().where('request_id', '=', requestId).orderBy('requested_at').execute(),
      ]);
      return {
        requestId: row.request_id,
        customerId: row.customer_id,
        requestType: row.request_type,
        receivedAt: iso(row.received_at)!,
        reportedAt: iso(row.reported_at)!,
        subjectEmailKnown: row.subject_email !== null,
        status: row.status,
        timeZone: row.time_zone,
        originalDeadlineAt: iso(row.original_deadline_at),
        deadlineAt: iso(row.deadline_at),
        extensionMonths: row.extension_months,
        customerNotifiedAt: iso(row.customer_notified_at),
        customerNoticeProblem: row.customer_notice_problem,
        subjectConfirmedAt: iso(row.subject_confirmed_at),
        instruction: row.instruction,
        instructionNote: row.instruction_note,
        instructionSource: row.instruction_source,
        instructedAt: iso(row.instructed_at),
        outcome: row.outcome,
        closedAt: iso(row.closed_at),
        deadlines: deadlines.map((d) => ({
          sequence: d.sequence,
          deadlineAt: iso(d.deadline_at)!,
          extraMonths: d.extra_months,
          totalExtensionMonths: d.total_extension_months,
          reason: d.reason,
          source: d.source,
          requestedAt: iso(d.requested_at),
        })),
        actionRequests: actions.map((a) => ({
          webhookId: a.webhook_id,
          action: a.action,
          requestedAt: iso(a.requested_at)!,
          attempts: a.attempts,
          lastAttemptAt: iso(a.last_attempt_at),
          lastAnswer: a.last_answer,
          firstAcceptedAt: iso(a.first_accepted_at),
          completedAt: iso(a.completed_at),
          completionNote: a.completion_note,
          completionSource: a.completion_source,
        })),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// After the customer's contract ended (policy 11.3, 13)

/** The replacement of a data subject's address in the evidence of the one email it was sent (10.2). */
export const anonymisedRecipient = 'data-subject@anonymised.invalid';

/** What the end of a customer's contract does to its data subject requests in the records. */
export interface DsrAfterContractRepository {
  /** The customer's requests still open, in the order they were received. */
  openRequestIds(customerId: string): Promise<string[]>;
  /**
   * Clears the personal data of the customer's data subjects: each request's subject address, the
   * instruction's note and the product's completion notes, and the subject's address in the evidence of
   * the confirmation it was sent (the email log row stays: when, which message, what the server
   * answered). Dates, types, instructions and outcomes stay as the evidence that each duty was done.
   * Idempotent; gives the number of requests anonymised by this call.
   */
  anonymiseSubjects(customerId: string, at: string): Promise<number>;
}

export function dsrAfterContractRepository(db: Db): DsrAfterContractRepository {
  return {
    async openRequestIds(customerId) {
      const rows = await db
        .selectFrom('dsr_requests')
        .select('request_id')
        .where('customer_id', '=', customerId)
        .where('status', '=', 'open')
        .orderBy('received_at')
        .orderBy('request_id')
        .execute();
      return rows.map((row) => row.request_id);
    },

    async anonymiseSubjects(customerId, at) {
      return db
        .transaction()
        .execute((trx) =>
          anonymiseDsrRequests(trx, trx.selectFrom('dsr_requests').select('request_id').where('customer_id', '=', customerId), at),
        );
    },
  };
}

/**
 * Anonymises the data subject requests `requests` selects (a query of request ids): the subject's
 * address and every free text (notes, reasons) go, in the requests, their action requests and deadlines,
 * and the subject's confirmation emails in the evidence log; the requests themselves (ids, type, dates,
 * outcome) stay as evidence of how they were handled. Gives the number of requests not anonymised before.
 * Shared by the end of a contract (records/dsr.ts) and our own retention (records/retention.ts).
 */
export async function anonymiseDsrRequests(
  trx: Db,
  requests: SelectQueryBuilder<Schema, 'dsr_requests', { request_id: string }>,
  at: string,
): Promise<number> {
  const updatedAt = new Date(at);
  await trx
    .updateTable('dsr_action_requests')
    .set({ completion_note: null, updated_at: updatedAt })
    .where('request_id', 'in', requests)
    .where('completion_note', 'is not', null)
    .execute();
  await trx
    .updateTable('dsr_deadlines')
    .set({ reason: null })
    .where('request_id', 'in', requests)
    .where('reason', 'is not', null)
    .execute();
  // The idempotency key holds the address too (workflow id, step, recipient): both are replaced.
  await trx
    .updateTable('email_log')
    .set({
      recipient: anonymisedRecipient,
      idempotency_key: sql<string>`workflow_id || ':' || step || ':' || ${anonymisedRecipient}::text`,
      updated_at: updatedAt,
    })
    .where('step', '=', 'subject-confirmation')
    .where('recipient', '!=', anonymisedRecipient)
    // A request's workflow id, as workflowIds.dsr spells it (domain/ids.ts).
    .where('workflow_id', 'in', requests.clearSelect().select(sql<string>`'dsr-' || request_id`.as('workflow_id')))
    .execute();
  const result = await trx
    .updateTable('dsr_requests')
    .set({ subject_email: null, instruction_note: null, anonymised_at: at, updated_at: updatedAt })
    .where('request_id', 'in', requests)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
