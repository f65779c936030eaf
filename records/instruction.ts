import { sql, type Insertable } from 'kysely';
import type { Db } from './database';
import type { InstructionDecisionsTable, InstructionsTable, Schema } from './schema';

export interface InstructionFacts {
  instructionId: string;
  customerId: string;
  instruction: string;
  reason: string;
  flaggedAt: string;
  /** The end of the customer's response period (3.2). */
  responseDueAt?: string;
}

export interface InstructionRevisionFacts {
  sequence: number;
  text: string;
  via: 'webhook' | 'operator';
  note?: string;
  receivedAt: string;
}

export interface InstructionRevisionJudgementFacts {
  accepted: boolean;
  reason?: string;
  judgedAt: string;
}

export interface InstructionSuspensionFacts {
  suspendedAt: string;
  cause: NonNullable<InstructionsTable['suspension_cause']>;
  reason?: string;
}

export type InstructionNoticeFacts = { status: 'notified'; notifiedAt: string } | { status: 'undeliverable'; problem: string };

export interface InstructionDecisionFacts {
  sequence: number;
  decision: InstructionDecisionsTable['decision'];
  note?: string;
  decidedAt: string;
}

export interface InstructionResumptionFacts {
  resolution: 'revised' | 'confirmed';
  text: string;
  note?: string;
  via: 'webhook' | 'operator';
  resumedAt: string;
}

export interface InstructionRecord extends Omit<InstructionFacts, 'responseDueAt'> {
  status: InstructionsTable['status'];
  noticeStatus: InstructionsTable['notice_status'];
  notifiedAt: string | null;
  noticeProblem: string | null;
  responseDueAt: string | null;
  suspendedAt: string | null;
  suspensionCause: InstructionsTable['suspension_cause'];
  suspensionReason: string | null;
  resolution: InstructionsTable['resolution'];
  resolutionText: string | null;
  resolutionNote: string | null;
  resolvedVia: InstructionsTable['resolved_via'];
  resumedAt: string | null;
  decisions: Array<{ sequence: number; decision: InstructionDecisionFacts['decision']; note: string | null; decidedAt: string }>;
  revisions: Array<{
    sequence: number;
    text: string;
    via: InstructionRevisionFacts['via'];
    note: string | null;
    receivedAt: string;
    accepted: boolean | null;
    judgementReason: string | null;
    judgedAt: string | null;
  }>;
}

/** 3.4: the customer's notice that it cannot meet its obligations. */
export interface CannotComplyFacts {
  noticeId: string;
  customerId: string;
  obligation: string;
  description?: string;
  receivedAt: string;
}

export interface CannotComplyRecord extends Omit<CannotComplyFacts, 'description'> {
  description: string | null;
  teamAlertedAt: string | null;
}

/** A notice id names one notice: the same facts again are `already-recorded`; other facts are a `conflict`. */
/** The notice taken, with the instant it was first received (a repeat keeps the first), or what differs. */
export type CannotComplyReceipt =
  { outcome: 'recorded' | 'already-recorded'; receivedAt: string } | { outcome: 'conflict'; differs: string[] };

export interface InstructionRepository {
  /** Idempotent: the instruction is recorded as flagged once. */
  recordFlagged(facts: InstructionFacts): Promise<void>;
  recordNotice(instructionId: string, facts: InstructionNoticeFacts): Promise<void>;
  /** Idempotent: the first suspension of a flagged instruction is kept. */
  recordSuspension(instructionId: string, facts: InstructionSuspensionFacts): Promise<void>;
  /** Idempotent on the revision's sequence number. */
  recordRevision(instructionId: string, revision: InstructionRevisionFacts): Promise<void>;
  /** The first judgement of a revision is kept. */
  recordRevisionJudgement(instructionId: string, sequence: number, judgement: InstructionRevisionJudgementFacts): Promise<void>;
  /** Idempotent on the decision's sequence number. */
  recordDecision(instructionId: string, decision: InstructionDecisionFacts): Promise<void>;
  recordResumption(instructionId: string, facts: InstructionResumptionFacts): Promise<void>;
  get(instructionId: string): Promise<InstructionRecord | undefined>;
  /** Idempotent per notice id. */
  recordCannotComply(facts: CannotComplyFacts): Promise<CannotComplyReceipt>;
  /** The first time the privacy team's address took the alert is kept. */
  recordCannotComplyAlerted(noticeId: string, alertedAt: string): Promise<void>;
  getCannotComply(noticeId: string): Promise<CannotComplyRecord | undefined>;
  listForCustomer(customerId: string): Promise<InstructionRecord[]>;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function instructionRepository(db: Db): InstructionRepository {
  async function load(filter: { instructionId?: string; customerId?: string }): Promise<InstructionRecord[]> {
    let query = db.selectFrom('instructions').selectAll().orderBy('flagged_at').orderBy('instruction_id');
    if (filter.instructionId !== undefined) query = query.where('instruction_id', '=', filter.instructionId);
    if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.instruction_id);
    const [decisions, revisions] = await Promise.all([
      db.selectFrom('instruction_decisions').selectAll().where('instruction_id', 'in', ids).orderBy('sequence').execute(),
      db.selectFrom('instruction_revisions').selectAll().where('instruction_id', 'in', ids).orderBy('sequence').execute(),
    ]);
    return rows.map((row) => ({
      instructionId: row.instruction_id,
      customerId: row.customer_id,
      instruction: row.instruction,
      reason: row.reason,
      flaggedAt: iso(row.flagged_at)!,
      status: row.status,
      noticeStatus: row.notice_status,
      notifiedAt: iso(row.notified_at),
      noticeProblem: row.notice_problem,
      responseDueAt: iso(row.response_due_at),
      suspendedAt: iso(row.suspended_at),
      suspensionCause: row.suspension_cause,
      suspensionReason: row.suspension_reason,
      resolution: row.resolution,
      resolutionText: row.resolution_text,
      resolutionNote: row.resolution_note,
      resolvedVia: row.resolved_via,
      resumedAt: iso(row.resumed_at),
      decisions: decisions
        .filter((d) => d.instruction_id === row.instruction_id)
        .map((d) => ({ sequence: d.sequence, decision: d.decision, note: d.note, decidedAt: iso(d.decided_at)! })),
      revisions: revisions
        .filter((r) => r.instruction_id === row.instruction_id)
        .map((r) => ({
          sequence: r.sequence,
          text: r.revision,
          via: r.via,
          note: r.note,
          receivedAt: iso(r.received_at)!,
          accepted: r.accepted,
          judgementReason: r.judgement_reason,
          judgedAt: iso(r.judged_at),
        })),
    }));
  }

  async function getCannotComply(noticeId: string): Promise<CannotComplyRecord | undefined> {
    const row = await db.selectFrom('cannot_comply_notices').selectAll().where('notice_id', '=', noticeId).executeTakeFirst();
    if (!row) return undefined;
    return {
      noticeId: row.notice_id,
      customerId: row.customer_id,
      obligation: row.obligation,
      description: row.description,
      receivedAt: iso(row.received_at)!,
      teamAlertedAt: iso(row.team_alerted_at),
    };
  }

  /** One entry of an instruction's numbered history (a revision, a decision): its number again adds nothing. */
  async function addNumbered<T extends 'instruction_revisions' | 'instruction_decisions'>(
    table: T,
    row: Insertable<Schema[T]>,
  ): Promise<void> {
    await db
      .insertInto(table)
      .values(row)
      .onConflict((oc) => oc.columns(['instruction_id', 'sequence']).doNothing())
      .execute();
  }

  return {
    async recordFlagged(facts) {
      await db
        .insertInto('instructions')
        .values({
          instruction_id: facts.instructionId,
          customer_id: facts.customerId,
          instruction: facts.instruction,
          reason: facts.reason,
          flagged_at: facts.flaggedAt,
          status: 'flagged',
          notice_status: 'pending',
          response_due_at: facts.responseDueAt ?? null,
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.column('instruction_id').doNothing())
        .execute();
    },

    async recordNotice(instructionId, facts) {
      await db
        .updateTable('instructions')
        .set({
          notice_status: facts.status,
          notified_at: facts.status === 'notified' ? facts.notifiedAt : null,
          notice_problem: facts.status === 'undeliverable' ? facts.problem : null,
          updated_at: new Date(),
        })
        .where('instruction_id', '=', instructionId)
        .where('notice_status', '<>', 'notified')
        .execute();
    },

    async recordSuspension(instructionId, facts) {
      await db
        .updateTable('instructions')
        .set({
          status: 'suspended',
          suspended_at: facts.suspendedAt,
          suspension_cause: facts.cause,
          suspension_reason: facts.reason ?? null,
          updated_at: new Date(),
        })
        .where('instruction_id', '=', instructionId)
        .where('status', '=', 'flagged')
        .execute();
    },

    async recordRevision(instructionId, revision) {
      await addNumbered('instruction_revisions', {
        instruction_id: instructionId,
        sequence: revision.sequence,
        revision: revision.text,
        via: revision.via,
        note: revision.note ?? null,
        received_at: revision.receivedAt,
      });
    },

    async recordRevisionJudgement(instructionId, sequence, judgement) {
      await db
        .updateTable('instruction_revisions')
        .set({ accepted: judgement.accepted, judgement_reason: judgement.reason ?? null, judged_at: judgement.judgedAt })
        .where('instruction_id', '=', instructionId)
        .where('sequence', '=', sequence)
        .where('judged_at', 'is', null)
        .execute();
    },

    async recordDecision(instructionId, decision) {
      await addNumbered('instruction_decisions', {
        instruction_id: instructionId,
        sequence: decision.sequence,
        decision: decision.decision,
        note: decision.note ?? null,
        decided_at: decision.decidedAt,
      });
    },

    async recordResumption(instructionId, facts) {
      await db
        .updateTable('instructions')
        .set((eb) => ({
          // Answered before any suspension, the instruction is carried out; after one, resumed.
          status: eb
            .case()
            .when('status', '=', 'flagged')
            .then(sql.lit<InstructionsTable['status']>('carried-out'))
            .else(sql.lit<InstructionsTable['status']>('resumed'))
            .end(),
          resolution: facts.resolution,
          resolution_text: facts.text,
          resolution_note: facts.note ?? null,
          resolved_via: facts.via,
          resumed_at: facts.resumedAt,
          updated_at: new Date(),
        }))
        .where('instruction_id', '=', instructionId)
        .where('status', 'in', ['flagged', 'suspended'])
        .execute();
    },

    async get(instructionId) {
      const [record] = await load({ instructionId });
      return record;
    },

    listForCustomer: (customerId) => load({ customerId }),

    async recordCannotComply(facts) {
      const inserted = await db
        .insertInto('cannot_comply_notices')
        .values({
          notice_id: facts.noticeId,
          customer_id: facts.customerId,
          obligation: facts.obligation,
          description: facts.description ?? null,
          received_at: facts.receivedAt,
        })
        .onConflict((oc) => oc.column('notice_id').doNothing())
        .returning('notice_id')
        .executeTakeFirst();
      if (inserted) return { outcome: 'recorded', receivedAt: facts.receivedAt };
      const known = await getCannotComply(facts.noticeId);
      const differs = [
        ...(known?.customerId === facts.customerId ? [] : ['customerId']),
        ...(known?.obligation === facts.obligation ? [] : ['obligation']),
        ...(known?.description === (facts.description ?? null) ? [] : ['description']),
      ];
      return differs.length === 0 && known
        ? { outcome: 'already-recorded', receivedAt: known.receivedAt }
        : { outcome: 'conflict', differs };
    },

    async recordCannotComplyAlerted(noticeId, alertedAt) {
      await db
        .updateTable('cannot_comply_notices')
        .set({ team_alerted_at: alertedAt })
        .where('notice_id', '=', noticeId)
        .where('team_alerted_at', 'is', null)
        .execute();
    },

    getCannotComply,
  };
}
