import { Context, heartbeat } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { emailCustomerContacts } from '../../activities/email/customer-contacts';
import { createEmailSender } from '../../activities/email/send-email';
import type { ProgressProbeInput } from '../support/mail-fault-workflows';
import { emailAddressesIn, historyText, testMailFrom, testPrivacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';
import { failureMessage, testDataConverter } from '../support/payload-keys';

/**
 * "Nothing lost", on a real worker and the time-skipping server: a breach notice sent while the mail
 * server refuses our login (535) is retried by Temporal, shown as failing in the Web UI and /healthz, and
 * delivered once the password is fixed; it is never marked undeliverable.
 */

let passwordAccepted = 'the-old-password';
const h = useWorkflowHarness({
  mailCatcher: { acceptLogin: (user, password) => user === 'dpa' && password === passwordAccepted },
  mailerUrl: (catcher) => `smtp://dpa:the-new-password@127.0.0.1:${catcher.port}`,
});

async function runWorker<T>(taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    namespace: h.env.namespace ?? 'default',
    taskQueue,
    workflowsPath: require.resolve('../support/mail-fault-workflows'),
    dataConverter: testDataConverter,
    activities: {
      ...createActivities({
        records: h.records,
        mailer: h.mailer,
        mailFrom: testMailFrom,
        privacyTeamEmail: testPrivacyTeam,
        temporal: h.env.client,
      }),
      sendWithProgress,
    },
  });
  return worker.runUntil(fn());
}

test('a breach notice sent while the mail server refuses our login is retried, shown, and delivered once the password is fixed', async () => {
  await h.customer('auth-fault', { name: 'Auth Fault BV' });
  const awareAt = new Date(Date.now() - 3_600_000).toISOString();
  const facts = {
    incidentId: 'AUTH-1',
    awareAt,
    summary: 'Backup tapes were lost in transit.',
    dataCategories: ['names'],
    measures: ['The courier was contacted'],
  };
  await h.records.breaches.recordIncident({ ...facts, detectedAt: awareAt });
  await h.records.breaches.recordNotification('AUTH-1', 'auth-fault', { status: 'pending' });
  const workflowId = 'breach-AUTH-1~auth-fault';

  await runWorker('mail-faults-auth', async () => {
    const handle = await h.env.client.workflow.start('notifyOneCustomerOfBreach', {
      workflowId,
      taskQueue: 'mail-faults-auth',
      args: [{ incidentId: 'AUTH-1', customerId: 'auth-fault', facts, noticeAt: new Date().toISOString() }],
    });
    const evidence = async () => (await h.records.emails.listForWorkflow(workflowId))[0];
    // Temporal retries it (2 s, then 4 s): the evidence log counts the attempts and says why they fail.
    await h.waitFor(async () => ((await evidence())?.attempts ?? 0) >= 2 && (await evidence())?.status === 'deferred', {
      timeoutMs: 60_000,
    });
    expect(await evidence()).toMatchObject({ status: 'deferred', failureKind: 'authentication', error: expect.stringContaining('535') });

    // The operator's views: the pending activity in the Web UI, and /healthz's detail.
    const pending = (await handle.describe()).raw.pendingActivities?.[0];
    expect(await failureMessage(pending?.lastFailure)).toMatch(
      /^the mail server did not accept the email yet: the mail server refused our login: EAUTH 535/,
    );
    expect(await h.records.emails.mailHealth({ stuckAfterMs: 0 })).toMatchObject({ status: 'stuck', lastFailureKind: 'authentication' });
    // Not the customer's refusal: the register still waits for the notice.
    expect((await h.records.breaches.get('AUTH-1'))!.notifications[0]!.status).toBe('pending');
    expect(await h.catcher.messages()).toEqual([]);

    // The mail server's administrator sets the password the worker was given.
    passwordAccepted = 'the-new-password';
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'notified', recipients: 1 });
  });

  const messages = await h.catcher.messages();
  expect(messages.map((m) => [m.envelope.to[0], m.headers['x-dpa-step']])).toEqual([['dpo@auth-fault.test', 'initial-notice']]);
  const [row] = await h.records.emails.listForWorkflow(workflowId);
  expect(row).toMatchObject({ status: 'sent', error: null });
  expect(row!.attempts).toBeGreaterThanOrEqual(3);
  expect((await h.records.breaches.get('AUTH-1'))!.notifications[0]).toMatchObject({ status: 'notified' });
  expect(await h.records.emails.mailHealth({ stuckAfterMs: 0 })).toEqual({ status: 'ok' });
  expect(emailAddressesIn(await historyText(h.env, workflowId))).toEqual([]);
});

/**
 * The announcement of a change (activities/objection-windows.ts) keeps its progress in its heartbeat
 * details and sends through emailCustomerContacts, which heartbeats too. What the next attempt is given
 * is the last heartbeat's details, whoever sent it.
 */
async function sendWithProgress(input: ProgressProbeInput): Promise<{ resumedFrom: unknown }> {
  const context = Context.current();
  if (context.info.attempt > 1) return { resumedFrom: context.info.heartbeatDetails ?? null };
  const progress = { done: 32, notified: 32 };
  heartbeat(progress);
  const emails = createEmailSender({ mailer: h.mailer, emails: h.records.emails, from: testMailFrom });
  await emailCustomerContacts(
    { records: h.records, emails, ...(input.passProgress && { heartbeat: () => heartbeat(progress) }) },
    {
      workflowId: input.workflowId,
      step: 'change-notice',
      customerId: input.customerId,
      render: () => ({ subject: 'Change', text: 'A change.', html: '<p>A change.</p>' }),
    },
  );
  throw new Error('the attempt ends here, as a worker that died would');
}

test("a retried announcement resumes from its progress only when the contacts' heartbeats carry it", async () => {
  await h.customer('progress', { name: 'Progress BV', emails: ['a@progress.test', 'b@progress.test'] });
  const probe = (passProgress: boolean) =>
    h.env.client.workflow.execute('progressProbe', {
      workflowId: `progress-probe-${passProgress}`,
      taskQueue: 'mail-faults-progress',
      args: [{ workflowId: `objection-P-progress-${passProgress}`, customerId: 'progress', passProgress }],
    });
  await runWorker('mail-faults-progress', async () => {
    // The finding: a heartbeat without details replaces the progress, and the retry starts from nothing.
    expect(await probe(false)).toEqual({ resumedFrom: null });
    expect(await probe(true)).toEqual({ resumedFrom: { done: 32, notified: 32 } });
  });
});
