import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { defaultRetention, scheduleIds, type ScheduleSettings } from '../../domain/digests';
import { ensureSchedules } from '../../worker/schedules';
import type { CaughtMail } from '../support/mail';
import { breachEvent, customerEvent, privacyTeamEmail, startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

/**
 * The scheduled reminders and the retention job on real Schedules of the Temporal dev server: created
 * idempotently, turned off and on by their settings; the team digest and the customer reminders read the
 * running cases and arrive over SMTP with their contents; an empty digest sends nothing; the retention
 * schedule fires by its own calendar.
 */
const refusedAddress = 'nobody@gone.test';
const productSecret = 'whsec_c2NoZWR1bGVzLXRlc3QtcHJvZHVjdC1zZWNyZXQtMDEyMw==';
let stack: Stack;
/** The product, down for maintenance: every action asked of it is answered 503. */
let product: Server;

beforeAll(async () => {
  product = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.statusCode = 503;
      response.end('maintenance');
    });
  });
  await new Promise<void>((resolve) => product.listen(0, '127.0.0.1', resolve));
  stack = await startStack({
    mail: { refuseRecipient: (address) => address.toLowerCase() === refusedAddress },
    productWebhook: { url: `http://127.0.0.1:${(product.address() as AddressInfo).port}/dpa-events`, secret: productSecret },
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => product?.close(resolve));
});

const webUiUrl = 'http://ui.test:8233';
const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: new Date().toISOString(), data });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function list(query: string): Promise<WorkflowExecutionInfo[]> {
  const found: WorkflowExecutionInfo[] = [];
  for await (const execution of stack.env.client.workflow.list({ query })) found.push(execution);
  return found;
}

/** Runs of a schedule's workflow type, oldest first. */
const runsOf = async (workflowType: string) =>
  (await list(`WorkflowType = "${workflowType}"`)).sort((a, b) => a.startTime.getTime() - b.startTime.getTime());

/** Triggers a schedule now and gives the result of the run it started. */
async function triggerAndAwait<T>(scheduleId: string, workflowType: string): Promise<T> {
  const before = (await runsOf(workflowType)).length;
  await stack.env.client.schedule.getHandle(scheduleId).trigger();
  const runs = await waitFor(`a run of ${workflowType}`, async () => {
    const found = await runsOf(workflowType);
    return found.length > before && found;
  });
  return stack.env.client.workflow.getHandle(runs[runs.length - 1]!.workflowId).result() as Promise<T>;
}

const nextMinute = () => {
  // A minute far enough ahead that the schedule is in place before it comes.
  const at = new Date(Date.now() + (new Date().getUTCSeconds() > 40 ? 120_000 : 60_000));
  return { hour: at.getUTCHours(), minute: at.getUTCMinutes() };
};

function settings(overrides: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return {
    // Far from now: these run only when the test triggers them.
    teamDigest: { at: { hour: 8, minute: 0 }, timeZone: 'Europe/Brussels' },
    customerReminders: { at: { day: 'MONDAY', hour: 9, minute: 0 }, timeZone: 'Europe/Brussels' },
    retention: { at: { hour: 3, minute: 0 }, timeZone: 'UTC', settings: defaultRetention, closedWorkflowDays: 30 },
    webUiUrl,
    ...overrides,
  };
}

const ensure = (value: ScheduleSettings, closedWorkflowRetentionDays?: number, stuckAfterMinutes = 60) =>
  ensureSchedules(stack.env.client, value, {
    // The digest's own holiday rule is tested by the clock tests; here it must send whatever day the test runs.
    teamDigest: { ignoreHolidays: true, stuckAfterMinutes },
    ...(closedWorkflowRetentionDays !== undefined && { closedWorkflowRetentionDays }),
  });

const ourScheduleIds = async () => {
  const ids: string[] = [];
  for await (const schedule of stack.env.client.schedule.list()) ids.push(schedule.scheduleId);
  return ids.sort();
};

test('the schedules are created once with fixed ids, updated in place, paused when a setting turns one off; the namespace keeps closed workflows 30 days', async () => {
  await ensure(settings(), 30);
  await ensure(settings());
  expect(await ourScheduleIds()).toEqual([scheduleIds.customerReminders, scheduleIds.teamDigest, scheduleIds.retention].sort());

  const digest = await stack.env.client.schedule.getHandle(scheduleIds.teamDigest).describe();
  expect(digest.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 8, end: 8, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });
  expect(digest.spec.calendars?.[0]?.dayOfWeek).toEqual([{ start: 'MONDAY', end: 'FRIDAY', step: 1 }]);
  expect(digest.spec.timezone).toBe('Europe/Brussels');
  expect(digest.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 3_600_000 });

  await ensure(settings({ customerReminders: { at: 'off', timeZone: 'Europe/Brussels' } }));
  const off = await stack.env.client.schedule.getHandle(scheduleIds.customerReminders).describe();
  expect(off.state).toMatchObject({ paused: true, note: 'turned off by its setting' });
  await ensure(settings({ teamDigest: { at: { hour: 7, minute: 30 }, timeZone: 'Europe/Paris' } }));
  const moved = await stack.env.client.schedule.getHandle(scheduleIds.teamDigest).describe();
  expect(moved.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
  expect(moved.spec.timezone).toBe('Europe/Paris');
  expect((await stack.env.client.schedule.getHandle(scheduleIds.customerReminders).describe()).state.paused).toBe(false);
  expect(await ourScheduleIds()).toHaveLength(3);

  const namespace = await stack.env.client.workflowService.describeNamespace({ namespace: stack.env.client.options.namespace });
  expect(Number(namespace.config?.workflowExecutionRetentionTtl?.seconds)).toBe(30 * 86_400);
});

test('with nothing to report, the team digest sends nothing', async () => {
  await ensure(settings());
  const result = await triggerAndAwait<{ sent: boolean; overdue: number }>(scheduleIds.teamDigest, 'teamDigest');
  expect(result).toEqual({ dueSoon: 0, overdue: 0, undeliverable: 0, stuck: 0, sent: false });
  expect((await stack.catcher.messages()).filter((mail) => mail.envelope.to.includes(privacyTeamEmail))).toEqual([]);
});

test('the team digest lists the deadlines ahead by date, the overdue, the undeliverable, each with its process, customer, state and link; each customer is reminded in its language, once a week', async () => {
  await ensure(settings());
  for (const [id, language] of [
    ['cust-nl', 'nl'],
    ['cust-en', 'en'],
    ['cust-fr', 'fr'],
  ] as const)
    expect((await stack.post(customerEvent(id, language, [`dpo@${id}.test`]))).status).toBe(202);
  expect((await stack.post(customerEvent('cust-gone', 'en', [refusedAddress]))).status).toBe(202);
  // A request whose month ends within the week, and one whose month has passed (reported late).
  const dsr = (requestId: string, customerId: string, receivedAt: string) =>
    event('dsr.received', { requestId, customerId, receivedAt, requestType: 'access' });
  expect((await stack.post(dsr('dsr-soon', 'cust-nl', daysAgo(25)))).status).toBe(202);
  expect((await stack.post(dsr('dsr-late', 'cust-en', daysAgo(40)))).status).toBe(202);
  expect((await stack.post(breachEvent('INC-D1', ['cust-en', 'cust-gone']))).status).toBe(202);
  expect(
    (await stack.post(event('contract.terminated', { customerId: 'cust-fr', terminatedAt: daysAgo(0), exportWindowDays: 3 }))).status,
  ).toBe(202);

  // Views asked of the Dutch customer on a disclosure; an audit of the English customer whose auditors are not bound yet.
  expect(
    (
      await stack.post(
        event('authority.requested', {
          requestId: 'AUTH-D1',
          customerIds: ['cust-nl'],
          authority: 'Federal police',
          requestKind: 'disclosure-intent',
          receivedAt: daysAgo(0),
        }),
      )
    ).status,
  ).toBe(202);
  const auditDate = new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
  const audit = await stack.post(
    event('audit.requested', { auditId: 'AUD-D1', customerId: 'cust-en', proposedDate: auditDate, auditor: { name: 'Auditor' } }),
  );
  expect(audit).toMatchObject({ status: 202, body: { date: auditDate } });
  const expected: Record<string, string> = {
    'dsr-dsr-soon': 'awaiting-instruction',
    'dsr-dsr-late': 'overdue',
    'breach-INC-D1~cust-en': 'notified',
    'breach-INC-D1~cust-gone': 'undeliverable',
    'termination-cust-fr': 'export-window',
    'authority-AUTH-D1': 'awaiting-views',
    'audit-AUD-D1': 'scheduled',
  };
  let shown: Record<string, string> = {};
  await waitFor(
    'every case in its waiting state',
    async () => {
      const running = await list('ExecutionStatus = "Running"');
      shown = Object.fromEntries(running.map((execution) => [execution.workflowId, String(execution.searchAttributes?.DpaStatus)]));
      return Object.entries(expected).every(([workflowId, status]) => shown[workflowId] === status);
    },
    30_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${JSON.stringify(shown)}`);
  });

  const summary = await triggerAndAwait<{ sent: boolean; dueSoon: number; overdue: number; undeliverable: number }>(
    scheduleIds.teamDigest,
    'teamDigest',
  );
  expect(summary).toMatchObject({ sent: true });
  const digest = await waitFor('the digest', async () =>
    (await stack.catcher.messages()).find((mail) => mail.envelope.to.includes(privacyTeamEmail) && mail.subject.includes('Daily digest')),
  );
  expect(digest.subject).toBe(
    `[Privacy team] Daily digest – ${summary.overdue} overdue, ${summary.dueSoon} due within 7 days, ${summary.undeliverable} undeliverable, 0 stuck`,
  );
  const html = digest.html!;
  const section = (title: string) => html.slice(html.indexOf(`>${title}`), html.indexOf('<h2', html.indexOf(`>${title}`) + 1));
  const overdue = section('Overdue');
  expect(overdue).toContain('dsr-dsr-late');
  expect(overdue).toContain('cust-en');
  expect(overdue).toContain(`<a href="${webUiUrl}/namespaces/default/workflows/dsr-dsr-late">dsr-dsr-late</a>`);
  const dueSoon = section('Deadlines in the next 7 days');
  for (const workflowId of ['dsr-dsr-soon', 'breach-INC-D1~cust-en', 'termination-cust-fr']) expect(dueSoon).toContain(workflowId);
  expect(dueSoon).not.toContain('dsr-dsr-late');
  // Soonest first, in both parts: the breach's reminder (24 h) comes before the month of dsr-soon.
  expect(dueSoon.indexOf('>breach-INC-D1~cust-en</a>')).toBeLessThan(dueSoon.indexOf('>dsr-dsr-soon</a>'));
  const dueSoonText = digest.text.slice(digest.text.indexOf('Deadlines in the next 7 days'), digest.text.indexOf('Undeliverable notices'));
  const deadlines = [...dueSoonText.matchAll(/^- Deadline: [^|]*\((\S+)\)/gm)].map((match) => match[1]!);
  expect(deadlines.length).toBe(summary.dueSoon);
  expect(deadlines).toEqual([...deadlines].sort());
  expect(dueSoon).toMatch(/<td[^>]*>termination<\/td><td[^>]*>cust-fr<\/td><td[^>]*>export-window<\/td>/);
  const undeliverable = section('Undeliverable notices and alerts');
  expect(undeliverable).toContain('breach-INC-D1~cust-gone');
  expect(undeliverable).toContain('>undeliverable<');
  expect(html).toContain('No activity is stuck.');
  expect(digest.text).toContain(`Case: dsr-dsr-late <${webUiUrl}/namespaces/default/workflows/dsr-dsr-late>`);
  expect(digest.text).toContain('Process: termination | Customer: cust-fr | State: export-window');
  expect(digest.text + html).not.toContain('dpo@');

  const reminders = await triggerAndAwait<{ customers: number; sent: number; week: string }>(
    scheduleIds.customerReminders,
    'customerReminders',
  );
  expect(reminders).toMatchObject({ customers: 3, sent: 3 });
  const reminderOf = (customerId: string) =>
    waitFor(`the reminder of ${customerId}`, async () =>
      (await stack.catcher.messages()).find((mail: CaughtMail) => mail.headers['x-dpa-workflow-id'] === `customer-reminders~${customerId}`),
    );
  const nl = await reminderOf('cust-nl');
  expect(nl.envelope.to).toEqual(['dpo@cust-nl.test']);
  expect(nl.subject).toBe('[Wekelijkse herinnering] 2 zaken wachten op uw antwoord – cust-nl');
  expect(nl.text).toContain('Geef ons uw schriftelijke instructie over een verzoek van een betrokkene');
  expect(nl.text).toContain('dsr-soon');
  expect(nl.text).toContain('Geef ons uw standpunt over de omvang en de wijze van een mededeling aan een overheid');
  expect(nl.text).toContain('AUTH-D1');
  expect(nl.headers['x-dpa-step']).toBe(`reminder-${reminders.week}`);
  const en = await reminderOf('cust-en');
  expect(en.subject).toBe('[Weekly reminder] 3 matters await your answer – cust-en');
  expect(en.text).toContain('Confirm that your auditors are bound to confidentiality before the audit');
  // Soonest first: the request's passed month, then the audit day in about 75 days.
  expect(en.text.indexOf('dsr-late')).toBeLessThan(en.text.indexOf('AUD-D1'));
  expect(en.text).toContain('Acknowledge receipt of our notice of a personal data breach');
  expect(en.text).toContain('INC-D1');
  expect(en.text).toContain('Give us your written instruction on a data subject request');
  expect(en.text).toContain('dsr-late');
  const fr = await reminderOf('cust-fr');
  expect(fr.subject).toBe('[Rappel hebdomadaire] Un dossier attend votre réponse – cust-fr');
  expect(fr.text).toContain('Exporter vos données avant la fin de votre période d’exportation');
  expect((await stack.catcher.messages()).some((mail) => mail.headers['x-dpa-workflow-id'] === 'customer-reminders~cust-gone')).toBe(false);

  // The same week again: nobody is reminded twice.
  const count = (await stack.catcher.messages()).length;
  const again = await triggerAndAwait<{ sent: number }>(scheduleIds.customerReminders, 'customerReminders');
  expect(again).toMatchObject({ customers: 3, sent: 3 });
  expect(
    (await stack.catcher.messages()).filter((mail) => mail.headers['x-dpa-workflow-id']?.startsWith('customer-reminders~')),
  ).toHaveLength(3);
  expect((await stack.catcher.messages()).length).toBe(count);
}, 120_000);

test('an activity retried past the limit is listed as stuck, with its attempts and its last error', async () => {
  expect((await stack.post(event('dsr.instructed', { requestId: 'dsr-soon', instruction: 'erase' }))).status).toBe(202);
  // The product answers 503: the request is retried (2 s, 4 s, ...). With a limit of 0 minutes, a second attempt is stuck.
  await waitFor(
    'a second attempt',
    async () => {
      const description = await stack.env.client.workflow.getHandle('dsr-dsr-soon').describe();
      return (description.raw.pendingActivities ?? []).some((activity) => (activity.attempt ?? 0) >= 2);
    },
    60_000,
  );
  await ensure(settings(), undefined, 0);
  const digestsBefore = (await stack.catcher.messages()).filter((mail) => mail.subject.includes('Daily digest')).length;
  const summary = await triggerAndAwait<{ stuck: number }>(scheduleIds.teamDigest, 'teamDigest');
  expect(summary.stuck).toBe(1);
  const digest = await waitFor('the second digest', async () => {
    const digests = (await stack.catcher.messages()).filter((mail) => mail.subject.includes('Daily digest'));
    return digests.length > digestsBefore && digests[digests.length - 1];
  });
  expect(digest.subject).toMatch(/, 1 stuck$/);
  const html = digest.html!;
  const stuck = html.slice(html.indexOf('>Stuck activities'));
  expect(stuck).toContain('>requestDsrAction<');
  expect(stuck).toContain('>dsr<');
  expect(stuck).toContain('the product did not accept dsr-dsr-soon.action-erase: 503');
  expect(stuck).toContain(`<a href="${webUiUrl}/namespaces/default/workflows/dsr-dsr-soon">dsr-dsr-soon</a>`);
  expect(digest.text).toMatch(/Activity: requestDsrAction \| Attempt: \d+ \| Process: dsr/);
  await ensure(settings());
}, 120_000);

test('a schedule fires by its own calendar: the retention job runs at the minute it is set for, and logs counts only', async () => {
  const at = nextMinute();
  await ensure(settings({ retention: { at, timeZone: 'UTC', settings: defaultRetention, closedWorkflowDays: 30 } }));
  const run = await waitFor('the retention run', async () => (await runsOf('retention'))[0], 180_000);
  expect(run.workflowId.startsWith(`${scheduleIds.retention}-`)).toBe(true);
  expect(run.startTime.getUTCMinutes()).toBe(at.minute);
  const counts = await stack.env.client.workflow.getHandle(run.workflowId).result();
  expect(counts).toEqual({
    dsrRequestsAnonymised: 0,
    emailsDeleted: 0,
    breachesDeleted: 0,
    webhookDeliveriesDeleted: 0,
    auditorsAnonymised: 0,
  });
  const description = await stack.env.client.schedule.getHandle(scheduleIds.retention).describe();
  expect(description.info.recentActions.length).toBe(1);
}, 240_000);
