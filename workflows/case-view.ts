import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { caseViewQuery, type ShownCase, type WaitingOnCustomer } from '../domain/digests';
import { searchAttributes } from '../domain/search-attributes';
import { handle } from './handlers';

/** What operators see of a case: its row in the Web UI's list and the details on its page. */
export interface CaseView {
  status: string;
  /** The next instant the case waits for, or nothing when it waits for none. */
  nextDeadline: string | undefined;
  /** Markdown, shown as the workflow's current details. */
  details: string;
  /**
   * What the case waits for from its customer (a breach acknowledgement, an instruction, views, a
   * confidentiality confirmation, an export), for the weekly reminder. Ids and instants only.
   */
  waitingOnCustomer?: WaitingOnCustomer[];
}

/**
 * Shows a case in the Web UI. The search attributes (`DpaStatus`, `DpaNextDeadline`) are written only
 * when they change, so a case that is refreshed after every message does not add a command to its
 * history each time; the current details go with every workflow task anyway. The last view shown is
 * also the answer of the read-only `caseView` query, which the digests read (a query adds nothing to
 * the history).
 */
export function caseViewer(): (view: CaseView) => void {
  // A case starts with neither: its start sets no status, and no deadline until it has one.
  let shown: { status?: string; nextDeadline?: string } = {};
  let lastView: ShownCase | null = null;
  handle(caseViewQuery, () => lastView);
  return (view) => {
    const updates: SearchAttributeUpdatePair[] = [];
    if (view.status !== shown.status) updates.push({ key: searchAttributes.status, value: view.status });
    if (view.nextDeadline !== shown.nextDeadline)
      updates.push({ key: searchAttributes.nextDeadline, value: view.nextDeadline === undefined ? null : new Date(view.nextDeadline) });
    if (updates.length > 0) upsertSearchAttributes(updates);
    shown = { status: view.status, nextDeadline: view.nextDeadline };
    lastView = view;
    setCurrentDetails(view.details);
  };
}
