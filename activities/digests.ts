import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow';
import type { ProtoFailure } from '@temporalio/common';
import { heartbeat, log } from '@temporalio/activity';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import {
  caseViewQuery,
  customerRemindersMailId,
  emailRetryTiming,
  minimumFailingMs,
  type RetryTiming,
  type WaitingOnCustomer,
} from '../domain/digests';
import { searchAttributes } from '../domain/search-attributes';
import type { ProcessActivityDeps } from './deps';
import { emailCustomerContacts } from './email/customer-contacts';
import {
  renderCustomerReminder,
  renderTeamDigest,
  teamDigestIsEmpty,
  type DigestCaseRow,
  type StuckActivityRow,
  type TeamDigestFacts,
} from './email/templates/digest';
import { sendPrivacyTeamAlert } from './privacy-team';

export type TeamDigestSummary = {
  dueSoon: number;
  overdue: number;
  undeliverable: number;
  stuck: number;
  /** Nothing to report: no email was sent. */
  sent: boolean;
  /** The team's address refused it (a fault of ours): the run logs it as a warning; the next run tries again. */
  refused?: string;
};

export type CustomerRemindersSummary = {
  casesRead: number;
  casesUnreadable: number;
  customers: number;
  items: number;
  sent: number;
  undeliverable: number;
  customerUnknown: number;
};

/** Statuses that mean a notice or an alert reached nobody and a person must act. */
const undeliveredStatuses = ['undeliverable', 'customer-unreached', 'customer-unknown'];

/** The processes whose cases can wait on their customer (CaseView.waitingOnCustomer). */
const waitingQuery =
  'ExecutionStatus = "Running" AND ((DpaProcess = "breach-notice" AND DpaStatus = "notified") OR ' +
  'DpaProcess IN ("dsr", "authority", "audit", "termination"))';

/**
 * The scheduled reminders' I/O (issue 13). Every case is read from Temporal itself: visibility over the
 * search attributes, a description of the running workflows for their retried activities, and each
 * case's `caseView` query for what waits on its customer. Nothing is copied into the records.
 */
export function createDigestActivities(deps: ProcessActivityDeps & { temporal: Client }) {
  const namespace = deps.temporal.options.namespace;
  const link = (webUiUrl: string, workflowId: string) =>
    `${webUiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;

  async function list(query: string): Promise<WorkflowExecutionInfo[]> {
    const found: WorkflowExecutionInfo[] = [];
    for await (const execution of deps.temporal.workflow.list({ query })) {
      found.push(execution);
      if (found.length % 500 === 0) heartbeat();
    }
    return found;
  }

  function caseRow(execution: WorkflowExecutionInfo, webUiUrl: string): DigestCaseRow {
    const attributes = execution.typedSearchAttributes;
    const deadline = attributes.get(searchAttributes.nextDeadline);
    return {
      workflowId: execution.workflowId,
      process: attributes.get(searchAttributes.process) ?? execution.type,
      customerIds: attributes.get(searchAttributes.customerIds) ?? [],
      status: attributes.get(searchAttributes.status) ?? '-',
      ...(deadline && { deadline: deadline.toISOString() }),
      link: link(webUiUrl, execution.workflowId),
    };
  }

  return {
    /**
     * The privacy team's digest: collected, and sent unless there is nothing to report. Sent once per
     * run of the schedule (the run's workflow id and the step), however often this is retried.
     */
    async sendTeamDigest(input: {
      at: string;
      webUiUrl: string;
      timeZone: string;
      horizonDays: number;
      stuckAfterMinutes: number;
    }): Promise<TeamDigestSummary> {
      const now = Date.parse(input.at);
      const horizon = new Date(now + input.horizonDays * 86_400_000).toISOString();
      const byDeadline = (a: DigestCaseRow, b: DigestCaseRow) => (a.deadline ?? '').localeCompare(b.deadline ?? '');
      const dated = (await list(`ExecutionStatus = "Running" AND DpaNextDeadline < "${horizon}"`)).map((e) => caseRow(e, input.webUiUrl));
      const overdue = dated.filter((row) => Date.parse(row.deadline!) < now).sort(byDeadline);
      const dueSoon = dated.filter((row) => Date.parse(row.deadline!) >= now).sort(byDeadline);
      const statuses = undeliveredStatuses.map((status) => `"${status}"`).join(', ');
      const undeliverable = (await list(`ExecutionStatus = "Running" AND (DpaUndeliveredAlerts > 0 OR DpaStatus IN (${statuses}))`))
        .map((e) => caseRow(e, input.webUiUrl))
        .sort((a, b) => a.workflowId.localeCompare(b.workflowId));
      const stuck = await stuckActivities(input.webUiUrl, input.stuckAfterMinutes);
      const facts: TeamDigestFacts = {
        at: input.at,
        timeZone: input.timeZone,
        horizonDays: input.horizonDays,
        dueSoon,
        overdue,
        undeliverable,
        stuck,
      };
      const counts = { dueSoon: dueSoon.length, overdue: overdue.length, undeliverable: undeliverable.length, stuck: stuck.length };
      if (teamDigestIsEmpty(facts)) {
        log.info('team digest: nothing to report, no email sent', counts);
        return { ...counts, sent: false };
      }
      const outcome = await sendPrivacyTeamAlert(deps, 'team-digest', renderTeamDigest(facts));
      log.info('team digest sent', { ...counts, outcome: outcome.status });
      return { ...counts, sent: outcome.status === 'delivered', ...(outcome.status === 'refused' && { refused: outcome.reason }) };
    },

    /**
     * One reminder per customer that has something waiting on it, in its language, once per ISO week:
     * the idempotency key is `customer-reminders~<customerId>` + the week + the recipient.
     */
    async sendCustomerReminders(input: { week: string }): Promise<CustomerRemindersSummary> {
      const executions = await list(waitingQuery);
      const waiting = new Map<string, WaitingOnCustomer[]>();
      let unreadable = 0;
      await inBatches(executions, 16, async (execution) => {
        try {
          const view = await deps.temporal.workflow.getHandle(execution.workflowId, execution.runId).query(caseViewQuery);
          for (const item of view?.waitingOnCustomer ?? []) {
            const items = waiting.get(item.customerId) ?? [];
            items.push(item);
            waiting.set(item.customerId, items);
          }
        } catch (error) {
          // A case that cannot answer now (it just ended, its worker is busy) is read again next week; counted, not thrown.
          unreadable += 1;
          log.warn('case view not read', { workflowId: execution.workflowId, error: String(error) });
        }
      });
      heartbeat();
      const summary: CustomerRemindersSummary = {
        casesRead: executions.length - unreadable,
        casesUnreadable: unreadable,
        customers: waiting.size,
        items: [...waiting.values()].reduce((sum, items) => sum + items.length, 0),
        sent: 0,
        undeliverable: 0,
        customerUnknown: 0,
      };
      for (const customerId of [...waiting.keys()].sort()) {
        const items = waiting.get(customerId)!;
        const result = await emailCustomerContacts(deps, {
          workflowId: `${customerRemindersMailId}~${customerId}`,
          step: `reminder-${input.week}`,
          customerId,
          render: (customer) =>
            renderCustomerReminder(
              {
                customerId,
                customerName: customer.name,
                timeZone: customer.timeZone,
                week: input.week,
                items: items.map(({ kind, caseId, deadline }) => ({ kind, caseId, ...(deadline && { deadline }) })),
                contact: deps.contactPoint,
              },
              customer.language,
            ),
        });
        if (result.status === 'sent') summary.sent += 1;
        else if (result.status === 'undeliverable') summary.undeliverable += 1;
        else summary.customerUnknown += 1;
        heartbeat();
      }
      log.info('customer reminders', { week: input.week, ...summary });
      return summary;
    },
  };

  /** A failure's message as its activity threw it: failure messages are stored encrypted (codec/). */
  async function failureMessage(failure: ProtoFailure | null | undefined): Promise<string> {
    if (!failure) return '-';
    try {
      const error = await decodeOptionalFailureToOptionalError(deps.temporal.options.loadedDataConverter, failure);
      return error?.message || '-';
    } catch {
      return 'a failure this worker cannot decode (a payload key it lacks)';
    }
  }

  /** Running cases with an activity retried for longer than the limit (README: "Scheduled reminders"). */
  async function stuckActivities(webUiUrl: string, afterMinutes: number): Promise<StuckActivityRow[]> {
    const running = await list('ExecutionStatus = "Running"');
    const rows: StuckActivityRow[] = [];
    await inBatches(running, 16, async (execution) => {
      let description;
      try {
        description = await deps.temporal.workflow.getHandle(execution.workflowId, execution.runId).describe();
      } catch {
        return; // ended meanwhile
      }
      for (const pending of description.raw.pendingActivities ?? []) {
        const attempt = pending.attempt ?? 1;
        if (attempt < 2) continue;
        const failingMs = minimumFailingMs(attempt, retryTiming(pending.activityOptions?.retryPolicy));
        if (failingMs < afterMinutes * 60_000) continue;
        rows.push({
          workflowId: execution.workflowId,
          process: execution.typedSearchAttributes.get(searchAttributes.process) ?? execution.type,
          activityType: pending.activityType?.name ?? '-',
          attempt,
          failingForMinutes: Math.floor(failingMs / 60_000),
          // The sender strips addresses from what it throws (send-email.ts); cut to a line.
          lastFailure: (await failureMessage(pending.lastFailure)).split('\n')[0]!.slice(0, 200),
          link: link(webUiUrl, execution.workflowId),
        });
      }
    });
    return rows.sort((a, b) => b.failingForMinutes - a.failingForMinutes || a.workflowId.localeCompare(b.workflowId));
  }
}

/** `size` at a time, heartbeating after each batch: thousands of cases must not open thousands of calls. */
async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(each));
    heartbeat();
  }
}

type ProtoDuration = { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;
const durationMs = (duration: ProtoDuration): number | undefined =>
  duration
    ? (typeof duration.seconds === 'number' ? duration.seconds : (duration.seconds?.toNumber() ?? 0)) * 1000 +
      Math.floor((duration.nanos ?? 0) / 1e6)
    : undefined;

/** The pending activity's own retry policy where the server reports it; the email activities' otherwise. */
function retryTiming(
  policy: { initialInterval?: ProtoDuration; backoffCoefficient?: number | null; maximumInterval?: ProtoDuration } | null | undefined,
): RetryTiming {
  return {
    initialIntervalMs: durationMs(policy?.initialInterval) || emailRetryTiming.initialIntervalMs,
    backoffCoefficient: policy?.backoffCoefficient || emailRetryTiming.backoffCoefficient,
    maximumIntervalMs: durationMs(policy?.maximumInterval) || emailRetryTiming.maximumIntervalMs,
  };
}
