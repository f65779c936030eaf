import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Transporter } from 'nodemailer';
import { createMailer } from '../../activities/email/mailer';
import type { Customer } from '../../domain/customer';
import { workflowIds } from '../../domain/ids';
import {
  instructionConfirmedSignal,
  instructionRevisedSignal,
  instructionStatusQuery,
  recordGuaranteeUpdate,
  recordProcessingDecisionUpdate,
  type InstructionInput,
} from '../../domain/instruction';
import { searchAttributes } from '../../domain/search-attributes';
import type { Database, Records } from '../../records';
import { unlawfulInstruction } from '../../workflows';
import { mailOf, settle, startMailCatcher, waitForMailOf, type MailCatcher } from '../support/mail';
import { freshDatabase } from '../support/records';
import { skipTo, startTimeSkippingServer, testPrivacyTeam, testWorker, workflowBundle } from '../support/temporal';
import { alertRetry } from '../../workflows/privacy-team-alerts';

const privacyTeam = testPrivacyTeam;

let env: TestWorkflowEnvironment;
/**
 * A plain client: unlike env.client it does not let the server skip time while it awaits a result, so
 * the clock moves only where a test says so (skipTo, env.sleep). The test server keeps far-off timers
 * of finished workflows, which a result() would otherwise skip the clock to.
 */
let client: Client;
let database: Database;
let records: Records;
let catcher: MailCatcher;
let mailer: Transporter;

/** Cases a test started: one left running after a failure would hold the server's clock for the next test. */
const started: string[] = [];
/** Addresses the mail server refuses with a 550 for now: a test adds the privacy team's, and removes it. */
const refusing = new Set<string>();

beforeAll(async () => {
  // Bundled before any clock is moved, so that a case starts within the minute the test set.
  await workflowBundle();
  env = await startTimeSkippingServer();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  ({ database, records } = await freshDatabase('pglite'));
  catcher = await startMailCatcher({ refuseRecipient: (address) => refusing.has(address.toLowerCase()) });
  mailer = createMailer(catcher.smtpUrl);
  const customers: Customer[] = [
    { customerId: 'ins-nl', name: 'Klant NL', language: 'nl', contacts: [{ email: 'dpo@ins-nl.test' }], timeZone: 'Europe/Brussels', contract: {} },
    { customerId: 'ins-en', name: 'Customer EN', language: 'en', contacts: [{ email: 'dpo@ins-en.test' }], timeZone: 'Europe/London', contract: {} },
  ];
  for (const customer of customers) await records.customers.upsert(customer, '2026-01-01T00:00:00Z');
});

afterEach(async () => {
  for (const workflowId of started.splice(0)) {
    await client.workflow
      .getHandle(workflowId)
      .terminate('test ended')
      .catch(() => undefined);
  }
});

afterAll(async () => {
  mailer?.close();
  await catcher?.close();
  await database?.close();
  await env?.teardown();
});

async function withWorker<T>(taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const worker = await testWorker(env, taskQueue, { records, mailer });
  return worker.runUntil(fn());
}

function registered(workflowId: string): string {
  started.push(workflowId);
  return workflowId;
}

const stepsOf = async (workflowId: string) => (await mailOf(catcher, workflowId)).map((mail) => `${mail.headers['x-dpa-step']} -> ${mail.envelope.to[0]}`);

async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return (error as WorkflowUpdateFailedError).cause?.message ?? '';
  }
  throw new Error('the update was accepted, but it should have been refused');
}

async function nextDeadline(handle: WorkflowHandle): Promise<unknown> {
  return (await handle.describe()).searchAttributes.DpaNextDeadline;
}

function flagged(instructionId: string, customerId: string, flaggedAt: string, settings?: InstructionInput['settings']): InstructionInput {
  return {
    instructionId,
    customerId,
    instruction: 'Keep the full browsing history of every end user for ten years, for marketing.',
    reason: 'Storage for ten years without a purpose that needs it breaches storage limitation, GDPR Art. 5(1)(e).',
    flaggedAt,
    ...(settings && { settings }),
  };
}

test('reminders come at their own intervals across the end of summer time, the decision is told, a revision resumes the instruction, and nothing follows', async () => {
  // Tuesday 26 October 2027, 10:00 CEST; summer time ends on Sunday 31 October. The privacy team is
  // reminded every 3 days (a setting), the customer every 7, always at 10:00 on the Brussels clock.
  await skipTo(env, '2027-10-26T08:00:00.000Z');
  const workflowId = registered(workflowIds.instruction('INS-REMIND'));
  await withWorker('instruction-remind', async () => {
    const handle = await client.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-remind',
      args: [flagged('INS-REMIND', 'ins-nl', '2027-10-26T08:00:00.000Z', { privacyTeamReminderDays: 3 })],
    });
    const first = await waitForMailOf(catcher, workflowId, 2);
    const notice = first.find((mail) => mail.envelope.to[0] === 'dpo@ins-nl.test')!;
    expect(notice.subject).toBe('[Verwerkingsinstructie] Instructie INS-REMIND opgeschort: mogelijk in strijd met de wet');
    expect(notice.text).toContain('Keep the full browsing history');
    expect(notice.text).toContain('GDPR Art. 5(1)(e)');
    expect(notice.text).toContain('dinsdag 26 oktober 2027 om 10:00 CEST');
    expect(first.find((mail) => mail.envelope.to[0] === privacyTeam)!.subject).toContain('Customer instruction suspended as unlawful');
    expect(await records.instructions.get('INS-REMIND')).toMatchObject({ status: 'suspended', noticeStatus: 'notified' });

    // 3.2 (ii): the decision, told to the customer; the same decision twice is refused.
    const decision = await handle.executeUpdate(recordProcessingDecisionUpdate, {
      args: [{ decision: 'stop-processing', note: 'The retention job is paused for this customer.' }],
    });
    expect(decision).toMatchObject({ sequence: 1, decision: 'stop-processing' });
    const [told] = (await waitForMailOf(catcher, workflowId, 3)).slice(2);
    expect(told!.headers['x-dpa-step']).toBe('decision-1');
    expect(told!.text).toContain('Wij zetten de verwerking stop');
    expect(await refusal(handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] }))).toMatch(
      /already stop-processing/,
    );
    expect(await handle.query(instructionStatusQuery)).toMatchObject({
      status: 'processing-stopped',
      nextPrivacyTeamReminderAt: '2027-10-29T08:00:00.000Z',
      nextCustomerReminderAt: '2027-11-02T09:00:00.000Z',
    });
    expect(await nextDeadline(handle)).toEqual([new Date('2027-10-29T08:00:00.000Z')]);

    // Friday 29 October 10:00 CEST: the privacy team, not the customer.
    await skipTo(env, '2027-10-29T07:59:00.000Z');
    await settle();
    expect(await mailOf(catcher, workflowId)).toHaveLength(3);
    await skipTo(env, '2027-10-29T08:00:30.000Z');
    const [teamFirst] = (await waitForMailOf(catcher, workflowId, 4)).slice(3);
    expect(teamFirst!.headers['x-dpa-step']).toBe('team-reminder-1');
    expect(teamFirst!.envelope.to).toEqual([privacyTeam]);

    // Monday 1 November 10:00 CET (09:00 UTC), then the customer on Tuesday 2 November 10:00 CET.
    await skipTo(env, '2027-11-01T09:00:30.000Z');
    const [teamSecond] = (await waitForMailOf(catcher, workflowId, 5)).slice(4);
    expect(teamSecond!.headers['x-dpa-step']).toBe('team-reminder-2');
    await skipTo(env, '2027-11-02T08:59:00.000Z');
    await settle();
    expect(await mailOf(catcher, workflowId)).toHaveLength(5);
    await skipTo(env, '2027-11-02T09:00:30.000Z');
    const [customerFirst] = (await waitForMailOf(catcher, workflowId, 6)).slice(5);
    expect(customerFirst!.envelope.to).toEqual(['dpo@ins-nl.test']);
    expect(customerFirst!.subject).toContain('Herinnering 1: instructie INS-REMIND blijft opgeschort');
    expect(customerFirst!.text).toContain('stopgezet');
    expect(await handle.query(instructionStatusQuery)).toMatchObject({ customerRemindersSent: 1, privacyTeamRemindersSent: 2 });

    // The customer revises its instruction: a confirmation, and the case ends.
    const revisedAt = new Date(await env.currentTimeMs()).toISOString();
    const revision = { revision: 'Keep browsing history for 13 months, for fraud detection only.', revisedAt, webhookId: 'msg-revised-1' };
    await handle.signal(instructionRevisedSignal, revision);
    await handle.signal(instructionRevisedSignal, revision);
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'resumed', closed: true, resolution: { kind: 'revised', via: 'webhook' } });
    expect(result.nextCustomerReminderAt).toBeUndefined();
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.nextDeadline)).toBeUndefined();
  });
  const [confirmation] = (await waitForMailOf(catcher, workflowId, 7)).slice(6);
  expect(confirmation!.subject).toBe('[Verwerkingsinstructie] Uw herziene instructie INS-REMIND wordt uitgevoerd');
  expect(confirmation!.text).toContain('Keep browsing history for 13 months');

  // A month later: no reminder of a closed case, to anyone.
  await env.sleep('30 days');
  await settle();
  expect(await stepsOf(workflowId)).toEqual([
    expect.stringMatching(/^(suspension-notice -> dpo@ins-nl.test|instruction-flagged -> privacy-team@processor.test)$/),
    expect.stringMatching(/^(suspension-notice -> dpo@ins-nl.test|instruction-flagged -> privacy-team@processor.test)$/),
    'decision-1 -> dpo@ins-nl.test',
    `team-reminder-1 -> ${privacyTeam}`,
    `team-reminder-2 -> ${privacyTeam}`,
    'reminder-1 -> dpo@ins-nl.test',
    'resumption-confirmation -> dpo@ins-nl.test',
  ]);
  const record = await records.instructions.get('INS-REMIND');
  expect(record).toMatchObject({
    status: 'resumed',
    resolution: 'revised',
    resolutionText: 'Keep browsing history for 13 months, for fraud detection only.',
    resolvedVia: 'webhook',
  });
  expect(record!.decisions).toEqual([
    { sequence: 1, decision: 'stop-processing', note: 'The retention job is paused for this customer.', decidedAt: expect.any(String) },
  ]);
});

test('an operator records the customer’s guarantee: processing resumes under it, the customer is confirmed in English, the privacy team is told', async () => {
  const workflowId = registered(workflowIds.instruction('INS-GUARANTEE'));
  await withWorker('instruction-guarantee', async () => {
    const flaggedAt = new Date(await env.currentTimeMs()).toISOString();
    const handle = await client.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-guarantee',
      args: [flagged('INS-GUARANTEE', 'ins-en', flaggedAt)],
    });
    await waitForMailOf(catcher, workflowId, 2);
    await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'continue-under-earlier-instructions' }] });
    const [told] = (await waitForMailOf(catcher, workflowId, 3)).slice(2);
    expect(told!.subject).toBe('[Processing instruction] Our decision on processing while instruction INS-GUARANTEE is suspended');
    expect(told!.text).toContain('We continue processing under your earlier instructions');
    expect((await handle.query(instructionStatusQuery)).status).toBe('continuing-under-earlier-instructions');

    expect(await refusal(handle.executeUpdate(recordGuaranteeUpdate, { args: [{ guarantee: '  ' }] }))).toMatch(/guarantee must be a non-empty text/);
    const resolution = await handle.executeUpdate(recordGuaranteeUpdate, {
      args: [{ guarantee: 'Signed letter of 3 December: retention is required by the sector regulator.', note: 'Letter scanned to the case file.' }],
    });
    expect(resolution).toMatchObject({ kind: 'confirmed', via: 'operator' });
    expect(await handle.result()).toMatchObject({ status: 'resumed', closed: true, customerRemindersSent: 0 });
  });
  const mails = await waitForMailOf(catcher, workflowId, 5);
  const confirmation = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumption-confirmation')!;
  expect(confirmation.envelope.to).toEqual(['dpo@ins-en.test']);
  expect(confirmation.subject).toBe('[Processing instruction] Instruction INS-GUARANTEE is carried out again on the strength of your guarantee');
  const team = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumed-under-guarantee')!;
  expect(team.envelope.to).toEqual([privacyTeam]);
  expect(team.text).toContain('continue under earlier instructions');
  expect(await records.instructions.get('INS-GUARANTEE')).toMatchObject({
    status: 'resumed',
    resolution: 'confirmed',
    resolvedVia: 'operator',
    resolutionNote: 'Letter scanned to the case file.',
    decisions: [expect.objectContaining({ decision: 'continue-under-earlier-instructions' })],
  });
});

test('a customer the product never described: the privacy team is told after the grace period, and the case still resumes', async () => {
  const workflowId = registered(workflowIds.instruction('INS-GHOST'));
  await withWorker('instruction-ghost', async () => {
    const flaggedAt = new Date(await env.currentTimeMs()).toISOString();
    const handle = await client.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-ghost',
      args: [flagged('INS-GHOST', 'ins-ghost', flaggedAt)],
    });
    await waitForMailOf(catcher, workflowId, 1);
    await env.sleep('6 minutes');
    const mails = await waitForMailOf(catcher, workflowId, 2);
    expect(mails.map((mail) => mail.headers['x-dpa-step']).sort()).toEqual(['instruction-flagged', 'notice-undeliverable']);
    expect(mails.every((mail) => mail.envelope.to[0] === privacyTeam)).toBe(true);
    expect((await handle.query(instructionStatusQuery)).notice).toMatchObject({ status: 'undeliverable' });
    expect(await records.instructions.get('INS-GHOST')).toMatchObject({ noticeStatus: 'undeliverable' });

    await handle.signal(instructionConfirmedSignal, {
      guarantee: 'We guarantee the lawfulness of the instruction.',
      confirmedAt: new Date(await env.currentTimeMs()).toISOString(),
      webhookId: 'msg-confirmed-ghost',
    });
    expect(await handle.result()).toMatchObject({ status: 'resumed', resolution: { kind: 'confirmed' } });
  });
  const steps = (await mailOf(catcher, workflowId)).map((mail) => mail.headers['x-dpa-step']).sort();
  expect(steps).toEqual(['instruction-flagged', 'notice-undeliverable', 'resumed-under-guarantee', 'resumption-undeliverable']);
});

async function waitUntilTrue(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the privacy team’s address refuses every alert: the customer is told, decisions and reminders go on, the case resumes, and the alerts are delivered once the address takes them', async () => {
  const workflowId = registered(workflowIds.instruction('INS-TEAM-DOWN'));
  refusing.add(privacyTeam);
  try {
    await withWorker('instruction-team-down', async () => {
      const flaggedAt = new Date(await env.currentTimeMs()).toISOString();
      const handle = await client.workflow.start(unlawfulInstruction, {
        workflowId,
        taskQueue: 'instruction-team-down',
        args: [flagged('INS-TEAM-DOWN', 'ins-en', flaggedAt, { privacyTeamReminderDays: 1 })],
      });
      // The customer is told; the alert is refused, shown, and the case is suspended, not failed.
      await waitForMailOf(catcher, workflowId, 1);
      await waitUntilTrue('the refusal shown', async () => (await handle.query(instructionStatusQuery)).undeliveredAlerts?.length === 1);
      const shown = await handle.query(instructionStatusQuery);
      expect(shown).toMatchObject({ status: 'suspended', notice: { status: 'notified' } });
      expect(shown.undeliveredAlerts).toEqual([
        { step: 'instruction-flagged', since: expect.any(String), attempts: 1, problem: expect.stringMatching(/refused/), nextAttemptAt: expect.any(String) },
      ]);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([1]);
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('`instruction-flagged`');

      // The next message still works: a decision, told to the customer.
      await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] });
      await waitForMailOf(catcher, workflowId, 2);
      // The next clock still works: the team's daily reminder is raised (and refused in turn).
      await env.sleep(24 * 3_600_000 + 60_000);
      await waitUntilTrue('the reminder refused', async () => (await handle.query(instructionStatusQuery)).undeliveredAlerts.length === 2);
      const reminded = await handle.query(instructionStatusQuery);
      expect(reminded.privacyTeamRemindersSent).toBe(1);
      expect(reminded.undeliveredAlerts.map((alert) => alert.step).sort()).toEqual(['instruction-flagged', 'team-reminder-1']);
      expect(reminded.undeliveredAlerts.find((alert) => alert.step === 'instruction-flagged')!.attempts).toBeGreaterThan(2);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([2]);
      const rows = (await records.emails.listForWorkflow(workflowId)).filter((row) => row.step === 'instruction-flagged');
      expect(rows).toEqual([expect.objectContaining({ status: 'failed', recipient: privacyTeam })]);
      expect(rows[0]!.attempts).toBeGreaterThan(2);

      // The customer revises the instruction: it is confirmed, and the case is closed but for its alerts.
      await handle.signal(instructionRevisedSignal, { revision: 'Thirteen months.', revisedAt: new Date(await env.currentTimeMs()).toISOString(), webhookId: 'msg-team-down' });
      await waitUntilTrue('the case closed', async () => (await handle.query(instructionStatusQuery)).closed);
      expect((await stepsOf(workflowId)).filter((step) => !step.endsWith(privacyTeam))).toEqual([
        'suspension-notice -> dpo@ins-en.test',
        'decision-1 -> dpo@ins-en.test',
        'resumption-confirmation -> dpo@ins-en.test',
      ]);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // The address takes mail again: within the longest retry interval both alerts go, and the workflow ends.
      refusing.delete(privacyTeam);
      await env.sleep(alertRetry.maxMs + 60_000);
      await waitUntilTrue('the workflow completed', async () => (await handle.describe()).status.name === 'COMPLETED');
      expect(await handle.query(instructionStatusQuery)).toMatchObject({ status: 'resumed', closed: true, undeliveredAlerts: [] });
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([0]);
    });
  } finally {
    refusing.delete(privacyTeam);
  }
  const team = (await records.emails.listForWorkflow(workflowId)).filter((row) => row.recipient === privacyTeam);
  expect(team.map((row) => [row.step, row.status]).sort()).toEqual([
    ['instruction-flagged', 'sent'],
    ['team-reminder-1', 'sent'],
  ]);
});

test('a flag delivered two months late: the customer is told at once, and the reminders count from then, not from the flag', async () => {
  const workflowId = registered(workflowIds.instruction('INS-STALE'));
  await withWorker('instruction-stale', async () => {
    const nowMs = await env.currentTimeMs();
    const flaggedAt = new Date(nowMs - 60 * 24 * 3_600_000).toISOString();
    const handle = await client.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-stale',
      args: [flagged('INS-STALE', 'ins-en', flaggedAt)],
    });
    await waitForMailOf(catcher, workflowId, 2);
    await settle();
    // No reminder on arrival (the old code sent reminder 8 to both at once).
    expect((await stepsOf(workflowId)).sort()).toEqual([`instruction-flagged -> ${privacyTeam}`, 'suspension-notice -> dpo@ins-en.test']);
    const state = await handle.query(instructionStatusQuery);
    expect(state).toMatchObject({ customerRemindersSent: 0, privacyTeamRemindersSent: 0 });
    // Seven days from the minute the case learnt of the flag (an hour either way for a change of summer time).
    for (const at of [state.nextCustomerReminderAt!, state.nextPrivacyTeamReminderAt!]) {
      expect(Math.abs(Date.parse(at) - (nowMs + 7 * 24 * 3_600_000))).toBeLessThanOrEqual(3_600_000 + 60_000);
    }

    await skipTo(env, new Date(Date.parse(state.nextCustomerReminderAt!) + 30_000).toISOString());
    const mails = await waitForMailOf(catcher, workflowId, 4);
    expect(mails.slice(2).map((mail) => mail.headers['x-dpa-step']).sort()).toEqual(['reminder-1', 'team-reminder-1']);
    expect(mails.find((mail) => mail.headers['x-dpa-step'] === 'reminder-1')!.subject).toContain('Reminder 1');
    await settle();
    expect(await mailOf(catcher, workflowId)).toHaveLength(4);

    await handle.signal(instructionConfirmedSignal, { guarantee: 'Lawful.', confirmedAt: new Date(await env.currentTimeMs()).toISOString(), webhookId: 'msg-stale' });
    expect(await handle.result()).toMatchObject({ status: 'resumed', customerRemindersSent: 1, privacyTeamRemindersSent: 1 });
  });
});
