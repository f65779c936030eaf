import { sql, type Selectable, type Transaction } from 'kysely';
import { transferRule, type TransferBasis, type TransferSafeguard } from '../domain/transfers';
import type { Db } from './database';
import type { Schema, SubprocessorChangeAction, SubprocessorChangesTable, SubprocessorsTable } from './schema';

export type { SubprocessorChangeAction } from './schema';

/** A `subprocessor.objected` delivery and the endpoint's answer: 202 taken, 404 or 409 refused with the reason. */
export interface ObjectionDelivery {
  webhookId: string;
  changeId: string;
  customerId: string;
  reasons: string;
  receivedAt: string;
  answer: 202 | 404 | 409;
  refusal: string | null;
  deliveredAt: string;
}

/** A `subprocessor.changed` event's data with the instant it was announced (the event's timestamp). */
export interface SubprocessorChangeFacts {
  changeId: string;
  action: SubprocessorChangeAction;
  subprocessor: { id: string; name: string; country: string; purpose: string; safeguard?: TransferSafeguard };
  /** The subprocessor replaced: required for 'replaced', refused otherwise. */
  replaces?: string;
  announcedAt: string;
  effectiveAt: string;
  /** The customers the change concerns (repeats ignored); every customer on record when absent. */
  customerIds?: readonly string[];
  /** 5.2: a change that takes effect before its windows close, with the reason it cannot wait. */
  urgent?: { reason: string };
}

export interface SubprocessorChange {
  changeId: string;
  action: SubprocessorChangeAction;
  subprocessorId: string;
  replaces: string | null;
  announcedAt: string;
  effectiveAt: string;
  recordedAt: string;
  /** Why the change was marked urgent (it takes effect before its windows close); null when it was not. */
  urgentReason: string | null;
}

/** One line of the register (Bijlage III): name, country, inside the EEA or not, and the safeguard. */
export interface Subprocessor {
  id: string;
  name: string;
  country: string;
  purpose: string;
  safeguard: TransferSafeguard | null;
  transferBasis: TransferBasis;
  status: 'active' | 'removed';
  addedAt: string;
  removedAt: string | null;
}

/**
 * A change the register cannot take: a transfer that policy 6 forbids, or one that contradicts the list
 * (adding an id already on it, removing one that is not). Retrying cannot fix it: an activity should
 * turn it into a non-retryable failure.
 */
export class SubprocessorChangeRefused extends Error {
  override readonly name = 'SubprocessorChangeRefused';
}

export interface SubprocessorRepository {
  /**
   * Records a change and applies it to the list, in one transaction. Idempotent on `changeId`: a second
   * call with the same id changes nothing and returns the change as first stored, whatever it carries.
   * Throws SubprocessorChangeRefused when the change cannot be taken; nothing is then stored.
   */
  recordChange(change: SubprocessorChangeFacts): Promise<SubprocessorChange & { recipients: number }>;
  /**
   * The customers a change concerns, fixed by its first report, from position `from` up to (not
   * including) `to`, in the order they are told.
   */
  recipients(changeId: string, from: number, to: number): Promise<string[]>;
  /** Keeps an objection delivery with its answer; the same webhook-id again changes nothing. */
  recordObjection(delivery: ObjectionDelivery): Promise<void>;
  /** The objections delivered, oldest first; of one change when `changeId` is given. */
  objections(filter?: { changeId?: string }): Promise<ObjectionDelivery[]>;
  /** The list as it stood at `instant`: added at or before it, and not removed at or before it. */
  listAsOf(instant: Date | string): Promise<Subprocessor[]>;
  /** Changes announced at or after `instant`, oldest first. */
  changesSince(instant: Date | string): Promise<SubprocessorChange[]>;
  get(id: string): Promise<Subprocessor | undefined>;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function toSubprocessor(row: Selectable<SubprocessorsTable>): Subprocessor {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    purpose: row.purpose,
    safeguard: row.safeguard,
    transferBasis: row.transfer_basis,
    status: row.status,
    addedAt: iso(row.added_at),
    removedAt: row.removed_at === null ? null : iso(row.removed_at),
  };
}

function toChange(row: Selectable<SubprocessorChangesTable>): SubprocessorChange {
  return {
    changeId: row.change_id,
    action: row.action,
    subprocessorId: row.subprocessor_id,
    replaces: row.replaces,
    announcedAt: iso(row.announced_at),
    effectiveAt: iso(row.effective_at),
    recordedAt: iso(row.recorded_at),
    urgentReason: row.urgent_reason,
  };
}

export function subprocessorRepository(db: Db): SubprocessorRepository {
  return {
    async recordChange(change) {
      const { action, subprocessor } = change;
      if ((action === 'replaced') !== (change.replaces !== undefined)) {
        throw new SubprocessorChangeRefused(
          action === 'replaced'
            ? `change ${change.changeId}: a replacement must name the subprocessor it replaces`
            : `change ${change.changeId}: only a replacement names a subprocessor it replaces`,
        );
      }
      if (change.replaces === subprocessor.id) {
        throw new SubprocessorChangeRefused(`change ${change.changeId}: ${subprocessor.id} cannot replace itself`);
      }
      const effectiveAt = new Date(change.effectiveAt);
      const announcedAt = new Date(change.announcedAt);
      if (Number.isNaN(effectiveAt.getTime()) || Number.isNaN(announcedAt.getTime())) {
        throw new SubprocessorChangeRefused(`change ${change.changeId}: announcedAt and effectiveAt must be instants`);
      }

      return db.transaction().execute(async (trx) => {
        // The claim comes first, so that a repeated change is answered from the register and never
        // judged again against a list it has itself already changed.
        const claimed = await trx
          .insertInto('subprocessor_changes')
          .values({
            change_id: change.changeId,
            action,
            subprocessor_id: subprocessor.id,
            replaces: change.replaces ?? null,
            announced_at: announcedAt,
            effective_at: effectiveAt,
            recorded_at: new Date(),
            urgent_reason: change.urgent?.reason ?? null,
          })
          .onConflict((oc) => oc.column('change_id').doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!claimed) {
          const stored = await trx
            .selectFrom('subprocessor_changes')
            .selectAll()
            .where('change_id', '=', change.changeId)
            .executeTakeFirstOrThrow();
          const { count } = await trx
            .selectFrom('subprocessor_change_recipients')
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .where('change_id', '=', change.changeId)
            .executeTakeFirstOrThrow();
          return { ...toChange(stored), recipients: Number(count) };
        }

        const leaving = action === 'removed' ? subprocessor.id : change.replaces;
        if (leaving !== undefined) {
          const current = await trx.selectFrom('subprocessors').selectAll().where('id', '=', leaving).forUpdate().executeTakeFirst();
          if (!current) {
            throw new SubprocessorChangeRefused(`change ${change.changeId}: ${leaving} is not on the subprocessor list`);
          }
          if (current.status === 'removed') {
            throw new SubprocessorChangeRefused(
              `change ${change.changeId}: ${leaving} is already removed (effective ${iso(current.removed_at!)})`,
            );
          }
          if (effectiveAt.getTime() <= current.added_at.getTime()) {
            throw new SubprocessorChangeRefused(
              `change ${change.changeId}: ${leaving} cannot leave the list at ${iso(effectiveAt)}, ` +
                `not after it joined at ${iso(current.added_at)}`,
            );
          }
          await trx
            .updateTable('subprocessors')
            .set({ status: 'removed', removed_at: effectiveAt, updated_at: new Date() })
            .where('id', '=', leaving)
            .execute();
        }

        if (action !== 'removed') {
          // 6.3: no subprocessor outside the EEA without adequacy, scc, bcr or certification.
          const transfer = transferRule(subprocessor.country, subprocessor.safeguard);
          if (!transfer.ok) {
            throw new SubprocessorChangeRefused(`change ${change.changeId}: ${subprocessor.id}: ${transfer.reason}`);
          }
          const added = await trx
            .insertInto('subprocessors')
            .values({
              id: subprocessor.id,
              name: subprocessor.name,
              country: subprocessor.country,
              purpose: subprocessor.purpose,
              safeguard: subprocessor.safeguard ?? null,
              transfer_basis: transfer.basis,
              status: 'active',
              added_at: effectiveAt,
              removed_at: null,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .executeTakeFirst();
          if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) {
            // One engagement per id: a returning supplier is a new subprocessor with a new id.
            throw new SubprocessorChangeRefused(`change ${change.changeId}: ${subprocessor.id} is already on the subprocessor register`);
          }
        }
        return { ...toChange(claimed), recipients: await recordRecipients(trx, change.changeId, change.customerIds) };
      });
    },

    async recordObjection(delivery) {
      await db
        .insertInto('subprocessor_objections')
        .values({
          webhook_id: delivery.webhookId,
          change_id: delivery.changeId,
          customer_id: delivery.customerId,
          reasons: delivery.reasons,
          received_at: delivery.receivedAt,
          answer: delivery.answer,
          refusal: delivery.refusal,
          delivered_at: delivery.deliveredAt,
        })
        .onConflict((oc) => oc.column('webhook_id').doNothing())
        .execute();
    },

    async objections(filter = {}) {
      let query = db.selectFrom('subprocessor_objections').selectAll();
      if (filter.changeId !== undefined) query = query.where('change_id', '=', filter.changeId);
      const rows = await query.orderBy('delivered_at').orderBy('webhook_id').execute();
      return rows.map((row) => ({
        webhookId: row.webhook_id,
        changeId: row.change_id,
        customerId: row.customer_id,
        reasons: row.reasons,
        receivedAt: iso(row.received_at),
        answer: row.answer as ObjectionDelivery['answer'],
        refusal: row.refusal,
        deliveredAt: iso(row.delivered_at),
      }));
    },

    async recipients(changeId, from, to) {
      const rows = await db
        .selectFrom('subprocessor_change_recipients')
        .select('customer_id')
        .where('change_id', '=', changeId)
        .where('position', '>=', from)
        .where('position', '<', to)
        .orderBy('position')
        .execute();
      return rows.map((row) => row.customer_id);
    },

    async listAsOf(instant) {
      const at = new Date(instant);
      const rows = await db
        .selectFrom('subprocessors')
        .selectAll()
        .where('added_at', '<=', at)
        .where((eb) => eb.or([eb('removed_at', 'is', null), eb('removed_at', '>', at)]))
        .orderBy('added_at')
        .orderBy('id')
        .execute();
      return rows.map(toSubprocessor);
    },

    async changesSince(instant) {
      const rows = await db
        .selectFrom('subprocessor_changes')
        .selectAll()
        .where('announced_at', '>=', new Date(instant))
        .orderBy('announced_at')
        .orderBy('effective_at')
        .orderBy('change_id')
        .execute();
      return rows.map(toChange);
    },

    async get(id) {
      const row = await db.selectFrom('subprocessors').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSubprocessor(row);
    },
  };
}

/** Rows per insert: four parameters each, well under PostgreSQL's 65,535. */
const recipientsPerInsert = 5_000;

/** Fixes whom a new change concerns: the customers named, or every customer on record now whose contract has not ended. */
async function recordRecipients(trx: Transaction<Schema>, changeId: string, customerIds: readonly string[] | undefined): Promise<number> {
  if (customerIds === undefined) {
    await trx
      .insertInto('subprocessor_change_recipients')
      .columns(['change_id', 'position', 'customer_id', 'window_state'])
      .expression((eb) =>
        eb
          .selectFrom('customers')
          .select([
            sql<string>`${changeId}::text`.as('change_id'),
            sql<number>`(row_number() over (order by customer_id) - 1)::integer`.as('position'),
            'customer_id',
            sql<'notifying'>`'notifying'`.as('window_state'),
          ])
          // 13: a customer whose contract ended (contract.terminated) is not told of changes any more.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('terminations')
                  .select('terminations.customer_id')
                  .whereRef('terminations.customer_id', '=', 'customers.customer_id'),
              ),
            ),
          ),
      )
      .execute();
    const { count } = await trx
      .selectFrom('subprocessor_change_recipients')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('change_id', '=', changeId)
      .executeTakeFirstOrThrow();
    return Number(count);
  }
  const unique = [...new Set(customerIds)];
  for (let start = 0; start < unique.length; start += recipientsPerInsert) {
    await trx
      .insertInto('subprocessor_change_recipients')
      .values(
        unique.slice(start, start + recipientsPerInsert).map((customerId, offset) => ({
          change_id: changeId,
          position: start + offset,
          customer_id: customerId,
          window_state: 'notifying' as const,
        })),
      )
      .execute();
  }
  return unique.length;
}
