import type { WorkflowHandle } from '@temporalio/client';
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
import { unlawfulInstruction } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { settle } from '../support/mail';
import { testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const h = useWorkflowHarness({
  customers: [
    { customerId: 'ins-nl', name: 'Klant NL', language: 'nl', emails: ['dpo@ins-nl.test'], timeZone: 'Europe/Brussels' },
    { customerId: 'ins-en', name: 'Customer EN', language: 'en', emails: ['dpo@ins-en.test'], timeZone: 'Europe/London' },
  ],
});

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
  await h.skipTo('2027-10-26T08:00:00.000Z');
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-REMIND'));
  await h.withWorker('instruction-remind', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-remind',
      args: [flagged('INS-REMIND', 'ins-nl', '2027-10-26T08:00:00.000Z', { privacyTeamReminderDays: 3 })],
    });
    const first = await h.waitForMailOf(workflowId, 2);
    const notice = first.find((mail) => mail.envelope.to[0] === 'dpo@ins-nl.test')!;
    expect(notice.subject).toBe('[Verwerkingsinstructie] Instructie INS-REMIND opgeschort: mogelijk in strijd met de wet');
    expect(notice.text).toContain('Keep the full browsing history');
    expect(notice.text).toContain('GDPR Art. 5(1)(e)');
    expect(notice.text).toContain('dinsdag 26 oktober 2027 om 10:00 CEST');
    expect(first.find((mail) => mail.envelope.to[0] === privacyTeam)!.subject).toContain('Customer instruction suspended as unlawful');
    expect(await h.records.instructions.get('INS-REMIND')).toMatchObject({ status: 'suspended', noticeStatus: 'notified' });

    // 3.2 (ii): the decision, told to the customer; the same decision twice is refused.
    const decision = await handle.executeUpdate(recordProcessingDecisionUpdate, {
      args: [{ decision: 'stop-processing', note: 'The retention job is paused for this customer.' }],
    });
    expect(decision).toMatchObject({ sequence: 1, decision: 'stop-processing' });
    const [told] = (await h.waitForMailOf(workflowId, 3)).slice(2);
    expect(told!.headers['x-dpa-step']).toBe('decision-1');
    expect(told!.text).toContain('Wij zetten de verwerking stop');
    expect(await h.refusal(handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] }))).toMatch(
      /already stop-processing/,
    );
    expect(await handle.query(instructionStatusQuery)).toMatchObject({
      status: 'processing-stopped',
      nextPrivacyTeamReminderAt: '2027-10-29T08:00:00.000Z',
      nextCustomerReminderAt: '2027-11-02T09:00:00.000Z',
    });
    expect(await nextDeadline(handle)).toEqual([new Date('2027-10-29T08:00:00.000Z')]);

    // Friday 29 October 10:00 CEST: the privacy team, not the customer.
    await h.skipTo('2027-10-29T07:59:00.000Z');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(3);
    await h.skipTo('2027-10-29T08:00:30.000Z');
    const [teamFirst] = (await h.waitForMailOf(workflowId, 4)).slice(3);
    expect(teamFirst!.headers['x-dpa-step']).toBe('team-reminder-1');
    expect(teamFirst!.envelope.to).toEqual([privacyTeam]);

    // Monday 1 November 10:00 CET (09:00 UTC), then the customer on Tuesday 2 November 10:00 CET.
    await h.skipTo('2027-11-01T09:00:30.000Z');
    const [teamSecond] = (await h.waitForMailOf(workflowId, 5)).slice(4);
    expect(teamSecond!.headers['x-dpa-step']).toBe('team-reminder-2');
    await h.skipTo('2027-11-02T08:59:00.000Z');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(5);
    await h.skipTo('2027-11-02T09:00:30.000Z');
    const [customerFirst] = (await h.waitForMailOf(workflowId, 6)).slice(5);
    expect(customerFirst!.envelope.to).toEqual(['dpo@ins-nl.test']);
    expect(customerFirst!.subject).toContain('Herinnering 1: instructie INS-REMIND blijft opgeschort');
    expect(customerFirst!.text).toContain('stopgezet');
    expect(await handle.query(instructionStatusQuery)).toMatchObject({ customerRemindersSent: 1, privacyTeamRemindersSent: 2 });

    // The customer revises its instruction: a confirmation, and the case ends.
    const revisedAt = await h.serverNow();
    const revision = { revision: 'Keep browsing history for 13 months, for fraud detection only.', revisedAt, webhookId: 'msg-revised-1' };
    await handle.signal(instructionRevisedSignal, revision);
    await handle.signal(instructionRevisedSignal, revision);
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'resumed', closed: true, resolution: { kind: 'revised', via: 'webhook' } });
    expect(result.nextCustomerReminderAt).toBeUndefined();
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.nextDeadline)).toBeUndefined();
  });
  const [confirmation] = (await h.waitForMailOf(workflowId, 7)).slice(6);
  expect(confirmation!.subject).toBe('[Verwerkingsinstructie] Uw herziene instructie INS-REMIND wordt uitgevoerd');
  expect(confirmation!.text).toContain('Keep browsing history for 13 months');

  // A month later: no reminder of a closed case, to anyone.
  await h.env.sleep('30 days');
  await settle();
  expect(await h.stepsOf(workflowId)).toEqual([
    expect.stringMatching(/^(suspension-notice -> dpo@ins-nl.test|instruction-flagged -> privacy-team@processor.test)$/),
    expect.stringMatching(/^(suspension-notice -> dpo@ins-nl.test|instruction-flagged -> privacy-team@processor.test)$/),
    'decision-1 -> dpo@ins-nl.test',
    `team-reminder-1 -> ${privacyTeam}`,
    `team-reminder-2 -> ${privacyTeam}`,
    'reminder-1 -> dpo@ins-nl.test',
    'resumption-confirmation -> dpo@ins-nl.test',
  ]);
  const record = await h.records.instructions.get('INS-REMIND');
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
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-GUARANTEE'));
  await h.withWorker('instruction-guarantee', async () => {
    const flaggedAt = await h.serverNow();
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-guarantee',
      args: [flagged('INS-GUARANTEE', 'ins-en', flaggedAt)],
    });
    await h.waitForMailOf(workflowId, 2);
    await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'continue-under-earlier-instructions' }] });
    const [told] = (await h.waitForMailOf(workflowId, 3)).slice(2);
    expect(told!.subject).toBe('[Processing instruction] Our decision on processing while instruction INS-GUARANTEE is suspended');
    expect(told!.text).toContain('We continue processing under your earlier instructions');
    expect((await handle.query(instructionStatusQuery)).status).toBe('continuing-under-earlier-instructions');

    expect(await h.refusal(handle.executeUpdate(recordGuaranteeUpdate, { args: [{ guarantee: '  ' }] }))).toMatch(
      /guarantee must be a non-empty text/,
    );
    const resolution = await handle.executeUpdate(recordGuaranteeUpdate, {
      args: [
        {
          guarantee: 'Signed letter of 3 December: retention is required by the sector regulator.',
          note: 'Letter scanned to the case file.',
        },
      ],
    });
    expect(resolution).toMatchObject({ kind: 'confirmed', via: 'operator' });
    expect(await handle.result()).toMatchObject({ status: 'resumed', closed: true, customerRemindersSent: 0 });
  });
  const mails = await h.waitForMailOf(workflowId, 5);
  const confirmation = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumption-confirmation')!;
  expect(confirmation.envelope.to).toEqual(['dpo@ins-en.test']);
  expect(confirmation.subject).toBe(
    '[Processing instruction] Instruction INS-GUARANTEE is carried out again on the strength of your guarantee',
  );
  const team = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumed-under-guarantee')!;
  expect(team.envelope.to).toEqual([privacyTeam]);
  expect(team.text).toContain('continue under earlier instructions');
  expect(await h.records.instructions.get('INS-GUARANTEE')).toMatchObject({
    status: 'resumed',
    resolution: 'confirmed',
    resolvedVia: 'operator',
    resolutionNote: 'Letter scanned to the case file.',
    decisions: [expect.objectContaining({ decision: 'continue-under-earlier-instructions' })],
  });
});

test('a customer the product never described: the privacy team is told after the grace period, and the case still resumes', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-GHOST'));
  await h.withWorker('instruction-ghost', async () => {
    const flaggedAt = await h.serverNow();
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-ghost',
      args: [flagged('INS-GHOST', 'ins-ghost', flaggedAt)],
    });
    await h.waitForMailOf(workflowId, 1);
    await h.env.sleep('6 minutes');
    const mails = await h.waitForMailOf(workflowId, 2);
    expect(mails.map((mail) => mail.headers['x-dpa-step']).sort()).toEqual(['instruction-flagged', 'notice-undeliverable']);
    expect(mails.every((mail) => mail.envelope.to[0] === privacyTeam)).toBe(true);
    expect((await handle.query(instructionStatusQuery)).notice).toMatchObject({ status: 'undeliverable' });
    expect(await h.records.instructions.get('INS-GHOST')).toMatchObject({ noticeStatus: 'undeliverable' });

    await handle.signal(instructionConfirmedSignal, {
      guarantee: 'We guarantee the lawfulness of the instruction.',
      confirmedAt: await h.serverNow(),
      webhookId: 'msg-confirmed-ghost',
    });
    expect(await handle.result()).toMatchObject({ status: 'resumed', resolution: { kind: 'confirmed' } });
  });
  const steps = (await h.mailOf(workflowId)).map((mail) => mail.headers['x-dpa-step']).sort();
  expect(steps).toEqual(['instruction-flagged', 'notice-undeliverable', 'resumed-under-guarantee', 'resumption-undeliverable']);
});

test('the privacy team’s address refuses every alert: the customer is told, decisions and reminders go on, the case resumes, and the alerts are delivered once the address takes them', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-TEAM-DOWN'));
  h.refused.add(privacyTeam);
  try {
    await h.withWorker('instruction-team-down', async () => {
      const flaggedAt = await h.serverNow();
      const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
        workflowId,
        taskQueue: 'instruction-team-down',
        args: [flagged('INS-TEAM-DOWN', 'ins-en', flaggedAt, { privacyTeamReminderDays: 1 })],
      });
      // The customer is told; the alert is refused, shown, and the case is suspended, not failed.
      await h.waitForMailOf(workflowId, 1);
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).undeliveredAlerts?.length === 1, {
        what: 'the refusal shown',
      });
      const shown = await handle.query(instructionStatusQuery);
      expect(shown).toMatchObject({ status: 'suspended', notice: { status: 'notified' } });
      expect(shown.undeliveredAlerts).toEqual([
        {
          step: 'instruction-flagged',
          since: expect.any(String),
          attempts: 1,
          problem: expect.stringMatching(/refused/),
          nextAttemptAt: expect.any(String),
        },
      ]);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([1]);
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('`instruction-flagged`');

      // The next message still works: a decision, told to the customer.
      await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] });
      await h.waitForMailOf(workflowId, 2);
      // The next clock still works: the team's daily reminder is raised (and refused in turn).
      await h.env.sleep(24 * 3_600_000 + 60_000);
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).undeliveredAlerts.length === 2, {
        what: 'the reminder refused',
      });
      const reminded = await handle.query(instructionStatusQuery);
      expect(reminded.privacyTeamRemindersSent).toBe(1);
      expect(reminded.undeliveredAlerts.map((alert) => alert.step).sort()).toEqual(['instruction-flagged', 'team-reminder-1']);
      expect(reminded.undeliveredAlerts.find((alert) => alert.step === 'instruction-flagged')!.attempts).toBeGreaterThan(2);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([2]);
      const rows = (await h.records.emails.listForWorkflow(workflowId)).filter((row) => row.step === 'instruction-flagged');
      expect(rows).toEqual([expect.objectContaining({ status: 'failed', recipient: privacyTeam })]);
      expect(rows[0]!.attempts).toBeGreaterThan(2);

      // The customer revises the instruction: it is confirmed, and the case is closed but for its alerts.
      await handle.signal(instructionRevisedSignal, {
        revision: 'Thirteen months.',
        revisedAt: await h.serverNow(),
        webhookId: 'msg-team-down',
      });
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).closed, { what: 'the case closed' });
      expect((await h.stepsOf(workflowId)).filter((step) => !step.endsWith(privacyTeam))).toEqual([
        'suspension-notice -> dpo@ins-en.test',
        'decision-1 -> dpo@ins-en.test',
        'resumption-confirmation -> dpo@ins-en.test',
      ]);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // The address takes mail again: within the longest retry interval both alerts go, and the workflow ends.
      h.refused.delete(privacyTeam);
      await h.env.sleep(alertRetry.maxMs + 60_000);
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: 'the workflow completed' });
      expect(await handle.query(instructionStatusQuery)).toMatchObject({ status: 'resumed', closed: true, undeliveredAlerts: [] });
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([0]);
    });
  } finally {
    h.refused.delete(privacyTeam);
  }
  const team = (await h.records.emails.listForWorkflow(workflowId)).filter((row) => row.recipient === privacyTeam);
  expect(team.map((row) => [row.step, row.status]).sort()).toEqual([
    ['instruction-flagged', 'sent'],
    ['team-reminder-1', 'sent'],
  ]);
});

test('a flag delivered two months late: the customer is told at once, and the reminders count from then, not from the flag', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-STALE'));
  await h.withWorker('instruction-stale', async () => {
    const nowMs = await h.env.currentTimeMs();
    const flaggedAt = new Date(nowMs - 60 * 24 * 3_600_000).toISOString();
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-stale',
      args: [flagged('INS-STALE', 'ins-en', flaggedAt)],
    });
    await h.waitForMailOf(workflowId, 2);
    await settle();
    // No reminder on arrival (the old code sent reminder 8 to both at once).
    expect((await h.stepsOf(workflowId)).sort()).toEqual([`instruction-flagged -> ${privacyTeam}`, 'suspension-notice -> dpo@ins-en.test']);
    const state = await handle.query(instructionStatusQuery);
    expect(state).toMatchObject({ customerRemindersSent: 0, privacyTeamRemindersSent: 0 });
    // Seven days from the minute the case learnt of the flag (an hour either way for a change of summer time).
    for (const at of [state.nextCustomerReminderAt!, state.nextPrivacyTeamReminderAt!]) {
      expect(Math.abs(Date.parse(at) - (nowMs + 7 * 24 * 3_600_000))).toBeLessThanOrEqual(3_600_000 + 60_000);
    }

    await h.skipTo(new Date(Date.parse(state.nextCustomerReminderAt!) + 30_000).toISOString());
    const mails = await h.waitForMailOf(workflowId, 4);
    expect(
      mails
        .slice(2)
        .map((mail) => mail.headers['x-dpa-step'])
        .sort(),
    ).toEqual(['reminder-1', 'team-reminder-1']);
    expect(mails.find((mail) => mail.headers['x-dpa-step'] === 'reminder-1')!.subject).toContain('Reminder 1');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(4);

    await handle.signal(instructionConfirmedSignal, { guarantee: 'Lawful.', confirmedAt: await h.serverNow(), webhookId: 'msg-stale' });
    expect(await handle.result()).toMatchObject({ status: 'resumed', customerRemindersSent: 1, privacyTeamRemindersSent: 1 });
  });
});
