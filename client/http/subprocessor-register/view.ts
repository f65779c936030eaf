/**
 * What the register's routes answer (policy 5.2 and Bijlage III): each subprocessor as a line of the
 * list, each change with the names it concerns. Data only; the page renders it for customers.
 */
import type { Language } from '../../../domain/language';
import { isEeaMemberState, type TransferBasis, type TransferSafeguard } from '../../../domain/transfers';
import type { Records } from '../../../records';
import type { Subprocessor, SubprocessorChange, SubprocessorChangeAction } from '../../../records/subprocessors';

/** One line of Bijlage III. `status` is left out: it turns 'removed' when a removal is announced, not when it takes effect. */
export interface RegisterEntry {
  id: string;
  name: string;
  country: string;
  insideEea: boolean;
  purpose: string;
  /** The safeguard declared at the change, if any. */
  safeguard: TransferSafeguard | null;
  /** What made the transfer lawful (policy 6.3): 'eea' when there is no transfer. */
  transferBasis: TransferBasis;
  /** The instant its arrival took effect. */
  addedAt: string;
  /** The instant its departure took or takes effect, once announced. */
  removedAt: string | null;
}

export interface RegisterChange {
  changeId: string;
  action: SubprocessorChangeAction;
  /** 5.2: when the list was updated and the customers told; their 30 days run from it. */
  announcedAt: string;
  /** 5.2: when the change took or takes effect. */
  effectiveAt: string;
  /** The one added, the one that replaces another, or the one removed. */
  subprocessor: { id: string; name: string; country: string; purpose: string };
  replaces: { id: string; name: string } | null;
  /** 5.2: the change took effect before the customers' windows to object could close, for this reason. */
  urgent: { reason: string } | null;
}

export function registerEntry(subprocessor: Subprocessor): RegisterEntry {
  return {
    id: subprocessor.id,
    name: subprocessor.name,
    country: subprocessor.country,
    insideEea: isEeaMemberState(subprocessor.country),
    purpose: subprocessor.purpose,
    safeguard: subprocessor.safeguard,
    transferBasis: subprocessor.transferBasis,
    addedAt: subprocessor.addedAt,
    removedAt: subprocessor.removedAt,
  };
}

/** Each change with the names it concerns; a subprocessor named by several changes is read once. */
export async function describeChanges(records: Records, changes: SubprocessorChange[]): Promise<RegisterChange[]> {
  const read = new Map<string, Promise<Subprocessor>>();
  const subprocessor = (id: string): Promise<Subprocessor> => {
    let found = read.get(id);
    if (!found) {
      // A change and its subprocessor are written in one transaction: a missing one is a broken register.
      found = records.subprocessors.get(id).then((s) => {
        if (!s) throw new Error(`subprocessor ${id} of a recorded change is not on the register`);
        return s;
      });
      read.set(id, found);
    }
    return found;
  };
  return Promise.all(
    changes.map(async (change) => {
      const { id, name, country, purpose } = await subprocessor(change.subprocessorId);
      const replaced = change.replaces === null ? null : await subprocessor(change.replaces);
      return {
        changeId: change.changeId,
        action: change.action,
        announcedAt: change.announcedAt,
        effectiveAt: change.effectiveAt,
        subprocessor: { id, name, country, purpose },
        replaces: replaced && { id: replaced.id, name: replaced.name },
        urgent: change.urgentReason === null ? null : { reason: change.urgentReason },
      };
    }),
  );
}

export interface RegisterPage {
  language: Language;
  asOf: string;
  /** The first instant of the changes shown; changes are shown up to `asOf`. */
  since: string;
  /** 5.2: the last time the list was updated (the latest change announced by `asOf`), if ever. */
  lastUpdatedAt: string | null;
  subprocessors: RegisterEntry[];
  changes: RegisterChange[];
}
