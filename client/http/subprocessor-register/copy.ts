import type { TransferBasis } from '../../../domain/transfers';
import type { SubprocessorChangeAction } from '../../../records/subprocessors';

/**
 * What every language of the register page (Bijlage III; policy 5.2) must say: written for each language
 * (no machine translation), the policy's own words where it has them. A language file that lacks a
 * passage does not compile.
 */
export type RegisterPageCopy = {
  title: string;
  intro: string;
  objections: string;
  asOf: string;
  lastUpdated(date: string | null): string;
  columns: { name: string; country: string; eea: string; purpose: string; safeguard: string; onList: string };
  inside: string;
  outside: string;
  basis: Record<TransferBasis, string>;
  since(date: string): string;
  until(date: string): string;
  newMark: string;
  emptyList: string;
  changesSince(date: string): string;
  noChanges: string;
  changeColumns: { announced: string; change: string; subprocessor: string; effective: string };
  action: Record<SubprocessorChangeAction, string>;
  replaces(name: string): string;
  upcoming: string;
  /** A change that takes effect before the windows to object close (5.2), and why. */
  urgentMark: string;
  urgentReason(reason: string): string;
  at: string;
  timeNote: string;
};
