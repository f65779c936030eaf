import { condition, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import type { AlertOutcome } from '../activities/privacy-team';
import { searchAttributes } from '../domain/search-attributes';
import { failureMessage } from './failures';

/** An internal alert that has not reached the privacy team yet; shown in the case's state. */
export interface UndeliveredAlert {
  step: string;
  /** When the first attempt was refused. */
  since: string;
  attempts: number;
  /** The mail server's answer, without addresses. */
  problem: string;
  nextAttemptAt: string;
}

/** What an alert activity is given: the step names the alert once and for all (its evidence row). */
export interface AlertRequest {
  step: string;
}

/** First retry of a refused alert after 15 minutes, doubling up to every 6 hours, for as long as it takes. */
export const alertRetry = { firstMs: 15 * 60_000, maxMs: 6 * 3_600_000 } as const;

export function alertRetryDelayMs(attempt: number): number {
  return Math.min(alertRetry.firstMs * 2 ** Math.max(attempt - 1, 0), alertRetry.maxMs);
}

/**
 * The privacy team's alerts of one case. An alert is the processor's own business: its address refusing
 * it (a full mailbox, a wrong PRIVACY_TEAM_EMAIL) is a fault of ours, never a reason to stop the case.
 * So an alert is raised without waiting for it; a refused one is recorded (the evidence log keeps each
 * attempt), shown (the case's state, `DpaUndeliveredAlerts`, its current details) and tried again on a
 * timer under the same step, so the evidence log keeps one row per alert with its attempts. Faults of
 * the mail server itself are thrown by the activity and retried by Temporal, visible as a pending
 * activity. A case waits for its alerts (`delivered()`) before it completes, so none is dropped; a case
 * that continues as new hands `pending()` to its next run, which passes them back as `carried`.
 */
export function privacyTeamAlerts<R extends AlertRequest>(options: {
  /** The process's alert activity. */
  send: (request: R) => Promise<AlertOutcome | void>;
  onChange?: () => void;
  /** Alerts the previous run had not delivered when it continued as new: raised again at once. */
  carried?: R[];
}) {
  const undelivered = new Map<string, UndeliveredAlert>();
  const pending = new Map<string, R>();
  let inFlight = 0;
  let sending = 0;
  let shown = 0;

  function show(): void {
    if (undelivered.size !== shown) {
      shown = undelivered.size;
      upsertSearchAttributes([{ key: searchAttributes.undeliveredAlerts, value: shown }]);
    }
    options.onChange?.();
  }

  async function attempt(request: R): Promise<string | undefined> {
    sending += 1;
    try {
      const outcome = await options.send(request);
      return outcome && outcome.status === 'refused' ? outcome.reason : undefined;
    } catch (error) {
      // Activities are retried without limit; what still ends up here is kept and tried later too.
      return failureMessage(error);
    } finally {
      sending -= 1;
    }
  }

  async function deliver(request: R): Promise<void> {
    const since = new Date().toISOString();
    for (let attempts = 1; ; attempts += 1) {
      const problem = await attempt(request);
      if (problem === undefined) {
        pending.delete(request.step);
        if (undelivered.delete(request.step)) show();
        return;
      }
      const delay = alertRetryDelayMs(attempts);
      undelivered.set(request.step, {
        step: request.step,
        since,
        attempts,
        problem,
        nextAttemptAt: new Date(Date.now() + delay).toISOString(),
      });
      show();
      await sleep(delay, { summary: `retry the privacy team's alert ${request.step}` });
    }
  }

  const alerts = {
    /** Sends the alert in the background: the case goes on at once, whatever the alert's fate. */
    raise(request: R): void {
      pending.set(request.step, request);
      inFlight += 1;
      void deliver(request).finally(() => {
        inFlight -= 1;
      });
    },
    /** Resolves once every alert raised so far has been accepted by the mail server. */
    async delivered(): Promise<void> {
      await condition(() => inFlight === 0);
    },
    /** Alerts raised and not yet accepted, refused or still on their first attempt. */
    inFlight(): number {
      return inFlight;
    },
    /** Alert activities running now: a run continues as new only when none is, so no alert goes out twice. */
    sending(): number {
      return sending;
    },
    /** What continue-as-new hands to the next run: every alert raised and not yet accepted. */
    pending(): R[] {
      return [...pending.values()];
    },
    undelivered(): UndeliveredAlert[] {
      return [...undelivered.values()];
    },
    /** A line for the Web UI's current details, or nothing when every alert went out. */
    describe(): string {
      if (undelivered.size === 0) return '';
      return (
        `\n\n**${undelivered.size} alert(s) to the privacy team refused**, retried: ` +
        [...undelivered.keys()].map((step) => `\`${step}\``).join(', ')
      );
    },
  };

  if (options.carried && options.carried.length > 0) {
    // The previous run's count came with the search attributes; this run counts afresh.
    upsertSearchAttributes([{ key: searchAttributes.undeliveredAlerts, value: 0 }]);
    for (const request of options.carried) alerts.raise(request);
  }
  return alerts;
}

export type PrivacyTeamAlerts<R extends AlertRequest> = ReturnType<typeof privacyTeamAlerts<R>>;
