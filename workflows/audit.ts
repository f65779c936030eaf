import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { InviteesEmailResult } from '../activities/audit';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import type { AlertOutcome } from '../activities/privacy-team';
import type { AuditPrivacyTeamAlertFacts, AuditPrivacyTeamAlertKind } from '../activities/email/templates/audit';
import {
  applyCancellation,
  applyConfidentiality,
  applyDateProposal,
  applyFindings,
  auditCancelledUpdate,
  auditClockAt,
  auditConfidentialityConfirmedUpdate,
  auditDateProposedUpdate,
  auditDayOver,
  auditFindingsRecordedUpdate,
  auditSettings,
  auditStatusQuery,
  supersededClock,
  displayStatus,
  nextFindingsReminder,
  openAuditState,
  refuseCancellation,
  refuseConfidentiality,
  refuseDateProposal,
  refuseFindings,
  workingDaysBefore,
  type AuditRequestInput,
  type AuditState,
} from '../domain/audit';
import { addWorkingDays, parseInstant } from '../domain/clocks';
import { searchAttributes } from '../domain/search-attributes';
import { waitingWhile } from '../domain/digests';
import { emailOptions, recordOptions } from './activity-options';
import { caseViewer } from './case-view';
import { refuse } from './failures';
import { handle } from './handlers';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { waitUntil } from './wait';

/** An alert raised and not yet taken by the privacy team's address: handed to the next run by continue-as-new. */
export interface AuditAlertRequest {
  step: string;
  alert: AuditPrivacyTeamAlertFacts;
}

const { recordAuditDate, recordAuditConfidentiality, recordAuditFindings, recordAuditCancellation } =
  proxyActivities<Activities>(recordOptions);
const {
  askCustomerForAnotherAuditDate,
  sendAuditInvitation,
  sendAuditCancellation,
  remindAuditInvitees,
  remindCustomerOfAuditConfidentiality,
  sendAuditOutcome,
  alertPrivacyTeamOfAudit,
} = proxyActivities<Activities>(emailOptions);

/** One clock of a fixed date: a reminder, an alert, or the day the audit is held. */
interface AuditClock {
  key: string;
  kind: 'confidentiality-reminder' | 'auditors-not-bound' | 'reminder' | 'held' | 'findings-awaited';
  at: string;
  /** Working days before (negative: after) the date, for the timeline. */
  workingDays: number;
}

/**
 * `audit-<auditId>` (policy 12.1-12.4): the date is fixed once a proposal leaves 30 Belgian working
 * days' notice from the day the request was received (12.2), or the customer is asked for another; the
 * customer's contacts, the auditor and the privacy team get a calendar invitation, a new one when the
 * date moves and a cancellation when it is called off; the customer is reminded, and then the team
 * alerted, while its auditors are not confirmed bound to confidentiality (12.3); everyone invited is
 * reminded before the date; after it the team is reminded until the findings and the cost allocation
 * (12.4) are recorded, which the customer then receives.
 *
 * The auditor's name and address never reach this workflow: the activities read them from the records.
 */
export async function auditRequest(
  input: AuditRequestInput & { resume?: AuditState; carriedAlerts?: AuditAlertRequest[] },
): Promise<AuditState> {
  const settings = auditSettings(input.settings);
  const state = input.resume ?? openAuditState(input);
  const now = (): string => new Date().toISOString();
  /** Counts every applied message: a wait ends when it moves. */
  let changes = 0;
  const alerts = privacyTeamAlerts<AuditAlertRequest>({
    send: sendAlert,
    carried: input.carriedAlerts ?? [],
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });
  state.undeliveredAlerts = [];

  handle(auditStatusQuery, () => state);
  handle(
    auditDateProposedUpdate,
    (message) => {
      const result = applyDateProposal(state, message);
      changes += 1;
      refresh();
      return result;
    },
    { validator: (message) => refuse(refuseDateProposal(state, message, now())) },
  );
  handle(
    auditConfidentialityConfirmedUpdate,
    (message) => {
      const result = applyConfidentiality(state, message);
      changes += 1;
      refresh();
      return result;
    },
    { validator: (message) => refuse(refuseConfidentiality(state, message, now())) },
  );
  handle(
    auditCancelledUpdate,
    (message) => {
      const result = applyCancellation(state, message);
      changes += 1;
      refresh();
      return result;
    },
    { validator: (message) => refuse(refuseCancellation(state, message, now())) },
  );
  handle(
    auditFindingsRecordedUpdate,
    (message) => {
      const result = applyFindings(state, message);
      changes += 1;
      refresh();
      return result;
    },
    { validator: (message) => refuse(refuseFindings(state, message, now())) },
  );

  // ---- what operators see in the Web UI

  const show = caseViewer();
  function refresh(): void {
    state.status = displayStatus(state, now(), settings);
    show({
      status: state.status,
      nextDeadline: state.closed || !state.date ? undefined : nextClock()?.at,
      details: describeAudit(state) + alerts.describe(),
      waitingOnCustomer: waitingWhile(!!state.date && !state.confidentiality && !state.closed && !state.cancellation, {
        kind: 'audit-confidentiality',
        customerId: state.customerId,
        caseId: state.auditId,
        deadline: state.date && auditClockAt(state.date, state.timeZone),
      }),
    });
  }

  function note(event: string): void {
    state.timeline.push({ at: now(), event });
  }

  function alert(step: string, kind: AuditPrivacyTeamAlertKind, detail: string): void {
    if (state.alertsSent.includes(step)) return;
    state.alertsSent.push(step);
    alerts.raise({
      step,
      alert: { kind, auditId: state.auditId, customerId: state.customerId, detail, ...(state.date && { date: state.date }) },
    });
  }

  async function sendAlert(request: AuditAlertRequest): Promise<AlertOutcome> {
    const outcome = await alertPrivacyTeamOfAudit(request);
    note(
      outcome.status === 'delivered'
        ? `privacy team alerted: ${request.alert.kind}`
        : `privacy team alert refused, retried: ${outcome.reason}`,
    );
    return outcome;
  }

  const facts = (step: string) => ({ auditId: state.auditId, customerId: state.customerId, step });

  /** A customer that no contact could be reached at is the team's to tell by another channel. */
  function customerOutcome(step: string, result: CustomerEmailResult): string {
    if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
    alert(
      `alert-customer-unreached-${step}`,
      'customer-unreached',
      `The email "${step}" about audit ${state.auditId} reached no contact of customer ${state.customerId}: ` +
        (result.status === 'undeliverable' ? result.problem : 'the customer has no record'),
    );
    return result.status === 'undeliverable' ? 'could not be emailed' : 'unknown, not emailed';
  }

  function inviteesOutcome(step: string, result: InviteesEmailResult): string {
    return `customer ${customerOutcome(step, result.customer)}; auditor ${result.auditor}; privacy team ${result.team}`;
  }

  // ---- what the history decided and the records and emails do not show yet

  async function settle(): Promise<void> {
    if (state.cancellation) {
      const cancellation = state.cancellation;
      await recordAuditCancellation({
        auditId: state.auditId,
        cancelledAt: cancellation.cancelledAt,
        ...(cancellation.reason !== undefined && { reason: cancellation.reason }),
      });
      if (state.invitedVersion > 0 && state.invitedDate) {
        // RFC 5546: a CANCEL carries a SEQUENCE above the last REQUEST's.
        const sent = await sendAuditCancellation({
          ...facts('cancellation'),
          date: state.invitedDate,
          sequence: state.invitedVersion,
          stampedAt: cancellation.cancelledAt,
        });
        note(`cancellation sent: ${inviteesOutcome('cancellation', sent)}`);
      }
      close('cancelled');
      return;
    }
    if (state.date && state.recorded.dateVersion < state.dateVersion) {
      const version = state.dateVersion;
      const date = state.date;
      await recordAuditDate({ auditId: state.auditId, date, version });
      state.recorded.dateVersion = version;
      if (state.invitedVersion < version) {
        const step = `invitation-${version}`;
        const sent = await sendAuditInvitation({
          ...facts(step),
          date,
          sequence: version - 1,
          stampedAt: state.dateFixedAt ?? now(),
          ...(state.invitedDate !== undefined && state.invitedDate !== date && { previousDate: state.invitedDate }),
        });
        state.invitedVersion = version;
        state.invitedDate = date;
        note(`invitation for ${date} (SEQUENCE ${version - 1}): ${inviteesOutcome(step, sent)}`);
      }
    }
    if (state.confidentiality && !state.recorded.confidentiality) {
      await recordAuditConfidentiality({
        auditId: state.auditId,
        confirmedAt: state.confidentiality.confirmedAt,
        ...(state.confidentiality.reference !== undefined && { reference: state.confidentiality.reference }),
      });
      state.recorded.confidentiality = true;
    }
    if (state.findings) {
      const findings = state.findings;
      await recordAuditFindings({
        auditId: state.auditId,
        summary: findings.summary,
        seriousIncidentFound: findings.seriousIncidentFound,
        policyBreachFound: findings.policyBreachFound,
        processorCostShare: findings.processorCostShare,
        recordedAt: findings.recordedAt,
      });
      const sent = await sendAuditOutcome({
        ...facts('outcome'),
        date: state.date!,
        summary: findings.summary,
        seriousIncidentFound: findings.seriousIncidentFound,
        policyBreachFound: findings.policyBreachFound,
        processorCostShare: findings.processorCostShare,
      });
      note(`findings and costs: customer ${customerOutcome('outcome', sent)}`);
      close('findings-recorded');
    }
  }

  function close(outcome: 'cancelled' | 'findings-recorded'): void {
    state.closed = { closedAt: now(), outcome };
    state.phase = 'closed';
    refresh();
  }

  const unsettled = () =>
    state.cancellation !== undefined ||
    state.findings !== undefined ||
    (state.date !== undefined && state.recorded.dateVersion < state.dateVersion) ||
    (state.confidentiality !== undefined && !state.recorded.confidentiality);

  // ---- the clocks of a fixed date, computed afresh from it each round: a new date moves every one

  function clocksOf(date: string): AuditClock[] {
    const zone = state.timeZone;
    const before = (kind: AuditClock['kind'], n: number, key: string): AuditClock => ({
      key: `${key}@${date}`,
      kind,
      at: auditClockAt(workingDaysBefore(date, n), zone),
      workingDays: n,
    });
    const clocks: AuditClock[] = [];
    if (!state.confidentiality) {
      for (const n of settings.confidentialityReminderWorkingDays)
        clocks.push(before('confidentiality-reminder', n, `confidentiality-reminder-${n}`));
      const n = settings.confidentialityAlertWorkingDays;
      clocks.push(before('auditors-not-bound', n, `alert-auditors-not-bound-${n}`));
    }
    for (const n of settings.invitationReminderWorkingDays) clocks.push(before('reminder', n, `reminder-${n}`));
    clocks.push({ key: `held@${date}`, kind: 'held', at: auditDayOver(date, zone), workingDays: 0 });
    // 12.4: every few working days after the date, the next one only.
    const every = settings.findingsReminderEveryWorkingDays;
    const done = Math.max(
      0,
      ...state.stepsDone
        .filter((key) => key.startsWith('findings-awaited-') && key.endsWith(`@${date}`))
        .map((key) => Number(key.slice('findings-awaited-'.length, key.indexOf('@')))),
    );
    const k = nextFindingsReminder(date, zone, every, done, now());
    clocks.push({
      key: `findings-awaited-${k}@${date}`,
      kind: 'findings-awaited',
      at: auditClockAt(addWorkingDays(date, every * k), zone),
      workingDays: -every * k,
    });
    return clocks.filter((clock) => !state.stepsDone.includes(clock.key)).sort((a, b) => parseInstant(a.at) - parseInstant(b.at));
  }

  function nextClock(): AuditClock | undefined {
    return state.date ? clocksOf(state.date)[0] : undefined;
  }

  async function ring(clock: AuditClock, date: string): Promise<void> {
    state.stepsDone.push(clock.key);
    const held = parseInstant(now()) >= parseInstant(auditDayOver(date, state.timeZone));
    // A clock of the days before that rings only after the audit (a worker down for days) says nothing useful.
    if (held && clock.kind !== 'held' && clock.kind !== 'findings-awaited') {
      note(`${clock.key} skipped: the audit day is over`);
      return;
    }
    // A reminder whose later one is due too (a worker down for days before the date) is not sent: the
    // later one says the same, closer to the date. Histories made before this rule keep their path.
    if (supersededClock(clock, clocksOf(date), now()) && patched('audit-overdue-reminder-once')) {
      note(`${clock.key} skipped: a later ${clock.kind} is due too`);
      return;
    }
    switch (clock.kind) {
      case 'confidentiality-reminder': {
        const sent = await remindCustomerOfAuditConfidentiality({ ...facts(clock.key), date });
        note(`confidentiality reminder ${clock.workingDays} working day(s) before ${date}: customer ${customerOutcome(clock.key, sent)}`);
        break;
      }
      case 'auditors-not-bound':
        alert(
          clock.key,
          'auditors-not-bound',
          `Audit ${state.auditId} of customer ${state.customerId} takes place on ${date}, ${clock.workingDays} working day(s) ` +
            'from now, and the customer has not confirmed that its auditors are bound to confidentiality (policy 12.3).',
        );
        break;
      case 'reminder': {
        const sent = await remindAuditInvitees({ ...facts(clock.key), date, confidentialityMissing: !state.confidentiality });
        note(`reminder ${clock.workingDays} working day(s) before ${date}: ${inviteesOutcome(clock.key, sent)}`);
        break;
      }
      case 'held':
        note(`audit day ${date} over; findings and costs awaited (12.4)`);
        break;
      case 'findings-awaited':
        alert(
          clock.key,
          'findings-awaited',
          `Audit ${state.auditId} of customer ${state.customerId} was held on ${date}; ${-clock.workingDays} working days ` +
            'later its findings and cost allocation are not recorded.',
        );
        break;
    }
  }

  async function awaitNextClock(): Promise<void> {
    const seen = changes;
    const changed = () => changes !== seen || unsettled();
    const date = state.date;
    if (!date) {
      refresh();
      await condition(changed);
      return;
    }
    const clock = nextClock()!;
    refresh();
    if (await waitUntil(clock.at, changed, `${clock.kind} (${clock.key})`)) return;
    await ring(clock, date);
    refresh();
  }

  // ---- the case

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'audit' },
    { key: searchAttributes.customerIds, value: [state.customerId] },
  ]);

  if (state.phase === 'opening') {
    const first = state.proposals[0]!;
    state.phase = state.date ? 'scheduled' : 'awaiting-date';
    refresh();
    if (!first.accepted && !state.date) {
      const sent = await askCustomerForAnotherAuditDate({
        ...facts('another-date'),
        proposedDate: first.date,
        earliestDate: state.earliestDate,
      });
      note(`${first.date} is too early; customer asked for a date from ${state.earliestDate}: ${customerOutcome('another-date', sent)}`);
    }
  }
  while (!state.closed) {
    await settle();
    if (state.closed) break;
    if (state.date)
      state.phase = parseInstant(now()) >= parseInstant(auditDayOver(state.date, state.timeZone)) ? 'awaiting-findings' : 'scheduled';
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() && alerts.sending() === 0);
      await continueAsNew<typeof auditRequest>({ ...input, resume: state, carriedAlerts: alerts.pending() });
    }
    await awaitNextClock();
  }
  refresh();
  await condition(allHandlersFinished);
  await alerts.delivered();
  return state;
}

function describeAudit(state: AuditState): string {
  const cell = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);
  const confidentiality = state.confidentiality
    ? `confirmed ${state.confidentiality.confirmedAt}`
    : state.status === 'auditors-not-bound'
      ? '**auditors not bound**'
      : 'not confirmed yet';
  const findings = state.findings
    ? `recorded; processor bears ${Math.round(state.findings.processorCostShare * 100)}%`
    : state.cancellation
      ? 'cancelled'
      : undefined;
  return [
    `**Audit ${state.auditId}**: ${state.status}`,
    '',
    '| customer | received | earliest date | date | invitation | confidentiality (12.3) | findings (12.4) |',
    '|---|---|---|---|---|---|---|',
    `| \`${state.customerId}\` | ${state.receivedAt} | ${state.earliestDate} | ${cell(state.date)} | ` +
      `${state.invitedVersion > 0 ? `SEQUENCE ${state.invitedVersion - 1}` : '—'} | ${confidentiality} | ${cell(findings)} |`,
  ].join('\n');
}
