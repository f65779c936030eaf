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
 * activity. A case waits for its alerts (`delivered()`) before it completes, so none is dropped.
 */
export function privacyTeamAlerts(options: { onChange?: () => void } = {}) {
  const undelivered = new Map<string, UndeliveredAlert>();
  let inFlight = 0;
  let shown = 0;

  function show(): void {
    if (undelivered.size !== shown) {
      shown = undelivered.size;
      upsertSearchAttributes([{ key: searchAttributes.undeliveredAlerts, value: shown }]);
    }
    options.onChange?.();
  }

  async function deliver(step: string, send: () => Promise<AlertOutcome | void>): Promise<void> {
    const since = new Date().toISOString();
    for (let attempt = 1; ; attempt += 1) {
      let problem: string | undefined;
      try {
        const outcome = await send();
        if (outcome && outcome.status === 'refused') problem = outcome.reason;
      } catch (error) {
        // Activities are retried without limit; what still ends up here is kept and tried later too.
        problem = failureMessage(error);
      }
      if (problem === undefined) {
        if (undelivered.delete(step)) show();
        return;
      }
      const delay = alertRetryDelayMs(attempt);
      undelivered.set(step, { step, since, attempts: attempt, problem, nextAttemptAt: new Date(Date.now() + delay).toISOString() });
      show();
      await sleep(delay, { summary: `retry the privacy team's alert ${step}` });
    }
  }

  return {
    /** Sends the alert in the background: the case goes on at once, whatever the alert's fate. */
    raise(step: string, send: () => Promise<AlertOutcome | void>): void {
      inFlight += 1;
      void deliver(step, send).finally(() => {
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
}

export type PrivacyTeamAlerts = ReturnType<typeof privacyTeamAlerts>;
