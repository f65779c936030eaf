import type { Db } from './database';
import type { InstructionDecisionsTable, InstructionsTable } from './schema';

export interface InstructionFacts {
  instructionId: string;
  customerId: string;
  instruction: string;
  reason: string;
  flaggedAt: string;
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

export interface InstructionRecord extends InstructionFacts {
  status: InstructionsTable['status'];
  noticeStatus: InstructionsTable['notice_status'];
  notifiedAt: string | null;
  noticeProblem: string | null;
  resolution: InstructionsTable['resolution'];
  resolutionText: string | null;
  resolutionNote: string | null;
  resolvedVia: InstructionsTable['resolved_via'];
  resumedAt: string | null;
  decisions: Array<{ sequence: number; decision: InstructionDecisionFacts['decision']; note: string | null; decidedAt: string }>;
}

export interface InstructionRepository {
  /** Idempotent: the instruction is recorded as suspended once. */
  recordFlagged(facts: InstructionFacts): Promise<void>;
  recordNotice(instructionId: string, facts: InstructionNoticeFacts): Promise<void>;
  /** Idempotent on the decision's sequence number. */
  recordDecision(instructionId: string, decision: InstructionDecisionFacts): Promise<void>;
  recordResumption(instructionId: string, facts: InstructionResumptionFacts): Promise<void>;
  get(instructionId: string): Promise<InstructionRecord | undefined>;
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
    const decisions = await db
      .selectFrom('instruction_decisions')
      .selectAll()
      .where(
        'instruction_id',
        'in',
        rows.map((row) => row.instruction_id),
      )
      .orderBy('sequence')
      .execute();
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
      resolution: row.resolution,
      resolutionText: row.resolution_text,
      resolutionNote: row.resolution_note,
      resolvedVia: row.resolved_via,
      resumedAt: iso(row.resumed_at),
      decisions: decisions
        .filter((d) => d.instruction_id === row.instruction_id)
        .map((d) => ({ sequence: d.sequence, decision: d.decision, note: d.note, decidedAt: iso(d.decided_at)! })),
    }));
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
          status: 'suspended',
          notice_status: 'pending',
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

    async recordDecision(instructionId, decision) {
      await db
        .insertInto('instruction_decisions')
        .values({
          instruction_id: instructionId,
          sequence: decision.sequence,
          decision: decision.decision,
          note: decision.note ?? null,
          decided_at: decision.decidedAt,
        })
        .onConflict((oc) => oc.columns(['instruction_id', 'sequence']).doNothing())
        .execute();
    },

    async recordResumption(instructionId, facts) {
      await db
        .updateTable('instructions')
        .set({
          status: 'resumed',
          resolution: facts.resolution,
          resolution_text: facts.text,
          resolution_note: facts.note ?? null,
          resolved_via: facts.via,
          resumed_at: facts.resumedAt,
          updated_at: new Date(),
        })
        .where('instruction_id', '=', instructionId)
        .where('status', '=', 'suspended')
        .execute();
    },

    async get(instructionId) {
      const [record] = await load({ instructionId });
      return record;
    },

    listForCustomer: (customerId) => load({ customerId }),
  };
}
