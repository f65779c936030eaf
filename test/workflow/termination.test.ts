import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { simpleParser } from 'mailparser';
import { createActivities } from '../../activities';
import { verify } from '../../webhook-signing/standard-webhooks';
import {
  defaultTerminationConfig,
  deletionConfirmedUpdate,
  exportCompletedUpdate,
  exportExtendedUpdate,
  exportNoticeGivenUpdate,
  exportWindowClosesAt,
  terminationStatusQuery,
  type TerminationInput,
} from '../../domain/termination';
import { dsrInstructedUpdate, dsrStatusQuery } from '../../domain/dsr';
import { workflowIds } from '../../domain/ids';
import { objectionStatusQuery } from '../../domain/subprocessor-change';
import { takeObjection } from '../../client/webhooks/handlers/subprocessor';
import { contractTermination, dsrRequest, subprocessorChange } from '../../workflows';
import { testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';
import { pdfText } from '../support/pdf-text';

const productSecret = 'whsec_cHJvZHVjdC1zZWNyZXQtZm9yLXRlcm1pbmF0aW9uLXRlc3Rz';

const h = useWorkflowHarness();

/** The product's webhook receiver: a real HTTP server that checks every request's signature. */
interface Delivery {
  webhookId: string;
  verified: boolean;
  body: { type: string; timestamp: string; data: { customerId: string; store: string; requestedAt: string } };
}
let deliveries: Delivery[] = [];
let productUrl = '';
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => request.headers[name] as string | undefined;
      const verification = verify(
        productSecret,
        { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
        raw,
      );
      deliveries.push({ webhookId: header('webhook-id')!, verified: verification.ok, body: JSON.parse(raw.toString('utf8')) });
      response.statusCode = verification.ok ? 200 : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  productUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/dpa`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(() => {
  deliveries = [];
});

function withWorker<T>(taskQueue: string, fn: () => Promise<T>, stores = ['app-db', 'search', 'backups']): Promise<T> {
  return h.withWorker(taskQueue, fn, {
    productWebhook: { url: productUrl, secret: productSecret },
    termination: { ...defaultTerminationConfig, dataStores: stores },
  });
}

function start(
  taskQueue: string,
  customerId: string,
  terminatedAt: string,
  exportWindowDays?: number,
  settings?: TerminationInput['settings'],
) {
  const input: TerminationInput = {
    customerId,
    terminatedAt,
    reportedAt: terminatedAt,
    ...(exportWindowDays !== undefined && { exportWindowDays }),
    ...(settings && { settings }),
  };
  return h.env.client.workflow.start(contractTermination, {
    workflowId: h.endsWithWorker(`termination-${customerId}`),
    taskQueue,
    args: [input],
  });
}

const sentSteps = async (customerId: string) =>
  (await h.records.emails.listForWorkflow(`termination-${customerId}`)).filter((e) => e.status === 'sent').map((e) => e.step);

const waitForStep = (customerId: string, step: string) =>
  h.waitFor(async () => (await sentSteps(customerId)).includes(step), { what: `email ${step} of ${customerId}` });

/** An instant on the test server's clock, `ms` ago. */
const serverAgo = async (ms: number) => new Date(Date.parse(await h.serverNow()) - ms).toISOString();

const status = (handle: WorkflowHandle) => handle.query(terminationStatusQuery);

async function extend(handle: WorkflowHandle, extraDays: number, webhookId: string) {
  return handle.executeUpdate(exportExtendedUpdate, {
    args: [{ extraDays, reason: 'migration takes longer', receivedAt: await serverAgo(1000), source: 'product', webhookId }],
    updateId: webhookId,
  });
}

async function confirm(handle: WorkflowHandle, store: string, extra: { lastCopyExpiresAt?: string } = {}) {
  return handle.executeUpdate(deletionConfirmedUpdate, {
    args: [
      {
        store,
        method: store === 'search' ? 'anonymise' : 'delete',
        completedAt: await serverAgo(1000),
        reference: `REF-${store}`,
        source: 'product',
        ...extra,
      },
    ],
    updateId: `confirm-${store}-${handle.workflowId}`,
  });
}

async function completed(handle: WorkflowHandle): Promise<void> {
  await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: `${handle.workflowId} to complete` });
}

/** The certificate of deletion as the customer received it over SMTP: the email and the PDF attached. */
async function certificateOf(customerId: string) {
  const mail = (await h.mailOf(`termination-${customerId}`)).find((m) => m.headers['x-dpa-step'] === 'certificate-of-deletion');
  if (!mail) return undefined;
  const parsed = await simpleParser(h.catcher.raw(mail.id)!);
  const attachment = parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
  return { mail, filename: attachment.filename, pdf: attachment.content, ...(await pdfText(attachment.content)) };
}

const deliveriesFor = (customerId: string, store: string) =>
  deliveries.filter((d) => d.body.data.customerId === customerId && d.body.data.store === store);

test('an export window extended twice: the notice states the end, each extension tells the new end, every reminder follows the stored end', async () => {
  await h.customer('ext', { language: 'nl', timeZone: 'Europe/Brussels' });
  await h.skipTo('2027-03-01T09:00:00.000Z');
  await withWorker('termination-ext', async () => {
    const handle = await start('termination-ext', 'ext', '2027-02-28T23:00:00.000Z', 30);
    await waitForStep('ext', 'export-notice');
    const opened = await h.waitFor(async () => {
      const state = await status(handle);
      return state.closesAt !== undefined && state;
    });
    // 30 days from 1 March, the last one whole in Brussels (summer time from 28 March).
    expect(opened.closesAt).toBe('2027-03-31T21:59:59.999Z');
    expect(opened.closesAt).toBe(exportWindowClosesAt(opened.noticeAcceptedAt!, 'Europe/Brussels', 30));
    expect(opened).toMatchObject({ windowDays: 30, windowSource: 'event', status: 'export-window' });
    const [notice] = await h.mailOf('termination-ext');
    expect(notice!.subject).toContain('[Einde overeenkomst]');
    expect(notice!.text).toContain('31 maart 2027');
    expect(notice!.text).toContain(defaultTerminationConfig.exportTool.url);
    expect(notice!.text).toContain(defaultTerminationConfig.exportTool.instructions.nl);

    // First extension before the first reminder: the old 7-day reminder (24 March) never goes out.
    await expect(extend(handle, 10, 'ext-1')).resolves.toMatchObject({ extraDays: 10, closesAt: '2027-04-10T21:59:59.999Z' });
    await waitForStep('ext', 'extension-1');
    await h.skipTo('2027-04-04T06:00:00.000Z');
    await waitForStep('ext', 'reminder-P7D@2027-04-10T21:59:59.999Z');

    // Second extension after that reminder: its 7-day and 1-day reminders follow the new end.
    await expect(extend(handle, 5, 'ext-2')).resolves.toMatchObject({ extraDays: 15, closesAt: '2027-04-15T21:59:59.999Z' });
    await expect(extend(handle, 5, 'ext-2')).resolves.toMatchObject({ extraDays: 15, duplicate: false });
    await waitForStep('ext', 'extension-2');
    await h.skipTo('2027-04-09T06:00:00.000Z');
    await waitForStep('ext', 'reminder-P7D@2027-04-15T21:59:59.999Z');
    expect((await status(handle)).stores).toEqual([]);
    await h.skipTo('2027-04-15T06:00:00.000Z');
    await waitForStep('ext', 'reminder-P1D@2027-04-15T21:59:59.999Z');
    expect(await sentSteps('ext')).toEqual([
      'export-notice',
      'extension-1',
      'reminder-P7D@2027-04-10T21:59:59.999Z',
      'extension-2',
      'reminder-P7D@2027-04-15T21:59:59.999Z',
      'reminder-P1D@2027-04-15T21:59:59.999Z',
    ]);
    const mails = await h.mailOf('termination-ext');
    expect(mails.find((mail) => mail.subject.includes('verlengd') && mail.text.includes('15 april 2027'))).toBeDefined();

    // Nothing is deleted before the end; at the end every store is asked once, signed, under its stable id.
    expect(deliveries).toEqual([]);
    await h.skipTo('2027-04-15T22:00:00.000Z');
    await h.waitFor(async () => deliveries.filter((d) => d.body.data.customerId === 'ext').length === 3);
    expect(deliveries.every((d) => d.verified && d.body.type === 'deletion.requested')).toBe(true);
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual([
      'termination-ext.delete-app-db',
      'termination-ext.delete-backups',
      'termination-ext.delete-search',
    ]);
    await expect(h.refusal(extend(handle, 3, 'ext-late'))).resolves.toMatch(/ended at 2027-04-15T21:59:59.999Z; deletion has started/);
    for (const store of ['app-db', 'search', 'backups']) await confirm(handle, store);
    await completed(handle);
    const record = await h.records.terminations.get('ext');
    expect(record).toMatchObject({
      exportWindowDays: 30,
      exportClosesAt: '2027-04-15T21:59:59.999Z',
      extensions: [
        { sequence: 1, extraDays: 10, closesAt: '2027-04-10T21:59:59.999Z' },
        { sequence: 2, extraDays: 5, closesAt: '2027-04-15T21:59:59.999Z' },
      ],
    });
    expect(record!.deletions.map((d) => [d.store, d.method, d.reference])).toEqual([
      ['app-db', 'delete', 'REF-app-db'],
      ['backups', 'delete', 'REF-backups'],
      ['search', 'anonymise', 'REF-search'],
    ]);
    expect(record!.deletedAt).toBeDefined();
  });
});

test('deleteNow: the controller’s written choice starts deletion before the window ends, and the customer is told its window was waived', async () => {
  await h.customer('now', { language: 'fr', timeZone: 'Europe/Brussels', contract: { exportWindowDays: 45 } });
  await h.skipTo('2027-05-03T09:00:00.000Z');
  await withWorker(
    'termination-now',
    async () => {
      const handle = await start('termination-now', 'now', '2027-05-02T22:00:00.000Z');
      await waitForStep('now', 'export-notice');
      const opened = await h.waitFor(async () => {
        const state = await status(handle);
        return state.closesAt !== undefined && state;
      });
      expect(opened).toMatchObject({ windowDays: 45, windowSource: 'contract', closesAt: '2027-06-17T21:59:59.999Z' });

      // An export without the choice changes nothing: the window runs on.
      const completedAt = await serverAgo(5000);
      await handle.executeUpdate(exportCompletedUpdate, {
        args: [{ completedAt, receivedAt: completedAt, source: 'product', webhookId: 'done-1' }],
        updateId: 'done-1',
      });
      await h.skipTo('2027-05-10T09:00:00.000Z');
      expect((await status(handle)).stores).toEqual([]);
      // A second, different report is refused with the reason.
      await expect(
        h.refusal(
          handle.executeUpdate(exportCompletedUpdate, {
            args: [{ completedAt, deleteNow: true, receivedAt: completedAt, source: 'product', webhookId: 'done-2' }],
            updateId: 'done-2',
          }),
        ),
      ).resolves.toMatch(/already reported completed/);
      expect(deliveries).toEqual([]);
    },
    ['app-db'],
  );

  await h.customer('now2', { language: 'en', timeZone: 'Europe/Brussels' });
  await withWorker(
    'termination-now2',
    async () => {
      const handle = await start('termination-now2', 'now2', '2027-05-09T22:00:00.000Z');
      await waitForStep('now2', 'export-notice');
      expect(await h.waitFor(async () => (await status(handle)).closesAt)).toBe('2027-06-09T21:59:59.999Z');
      const completedAt = await serverAgo(5000);
      await handle.executeUpdate(exportCompletedUpdate, {
        args: [{ completedAt, deleteNow: true, receivedAt: completedAt, source: 'product', webhookId: 'now2-done' }],
        updateId: 'now2-done',
      });
      await waitForStep('now2', 'export-waived');
      await h.waitFor(async () => deliveriesFor('now2', 'app-db').length === 1);
      const waiver = (await h.mailOf('termination-now2')).find((mail) => mail.subject.includes('at your request'))!;
      expect(waiver.text).toContain('has been waived');
      expect(waiver.text).toContain('9 June 2027');
      const state = await status(handle);
      expect(state.waivedAt).toBeDefined();
      expect(Date.parse(state.deletionStartedAt!)).toBeLessThan(Date.parse(state.closesAt!));
      await confirm(handle, 'app-db');
      await completed(handle);
      expect((await h.records.terminations.get('now2'))!.deleteNow).toBe(true);
    },
    ['app-db'],
  );
  // The first case is still in its window: it ends with its worker.
});

test('a store that confirms late is asked again every day under the same webhook id; the privacy team is alerted after 3 days', async () => {
  await h.customer('late', { language: 'en', timeZone: 'Europe/Brussels' });
  await h.skipTo('2027-07-01T08:00:00.000Z');
  await withWorker(
    'termination-late',
    async () => {
      const handle = await start('termination-late', 'late', '2027-07-01T07:00:00.000Z', 1);
      await waitForStep('late', 'export-notice');
      const closesAt = await h.waitFor(async () => (await status(handle)).closesAt);
      expect(closesAt).toBe('2027-07-02T21:59:59.999Z');
      await h.skipTo('2027-07-02T22:00:00.000Z');
      await h.waitFor(async () => deliveriesFor('late', 'app-db').length === 1 && deliveriesFor('late', 'backups').length === 1);
      await confirm(handle, 'app-db');

      for (const [day, expected] of [
        ['2027-07-03T22:05:00.000Z', 2],
        ['2027-07-04T22:05:00.000Z', 3],
      ] as const) {
        await h.skipTo(day);
        await h.waitFor(async () => deliveriesFor('late', 'backups').length === expected, { what: `re-ask ${expected}` });
      }
      expect(await sentSteps('late')).not.toContain('alert-deletion-unconfirmed-backups');
      await h.skipTo('2027-07-05T22:05:00.000Z');
      await waitForStep('late', 'alert-deletion-unconfirmed-backups');
      expect(new Set(deliveriesFor('late', 'backups').map((d) => d.webhookId))).toEqual(new Set(['termination-late.delete-backups']));
      expect(deliveriesFor('late', 'app-db')).toHaveLength(1);
      const alert = (await h.mailOf('termination-late')).find((mail) => mail.envelope.to.includes(privacyTeam))!;
      expect(alert.subject).toContain('A store has not confirmed the deletion');
      expect(alert.text).toContain('backups');
      expect((await status(handle)).status).toBe('deletion-unconfirmed');

      await confirm(handle, 'backups', { lastCopyExpiresAt: '2027-10-01T00:00:00.000Z' });
      await completed(handle);
      // The certificate names the late store too, with its last copy's expiry.
      const certificate = (await certificateOf('late'))!;
      expect(certificate.text).toContain('Certificate of deletion');
      expect(certificate.text).toMatch(/backups .*REF-backups .*Last backup copy expires .*1 October 2027/);
      expect(certificate.mail.text).toContain('the last backup copy expires on');
      const record = await h.records.terminations.get('late');
      expect(record!.deletions.find((d) => d.store === 'backups')).toMatchObject({
        lastCopyExpiresAt: '2027-10-01T00:00:00.000Z',
        webhookId: 'termination-late.delete-backups',
      });
      expect(record!.deletions.find((d) => d.store === 'backups')!.attempts).toBeGreaterThanOrEqual(4);
    },
    ['app-db', 'backups'],
  );
});

test('a termination while a data subject request and objection windows of the customer are open: they run on through the export window, and end with reason contract-ended once the data is deleted; the subject data is cleared', async () => {
  await h.customer('both', { language: 'en', timeZone: 'Europe/Brussels' });
  await h.customer('other', { language: 'en', timeZone: 'Europe/Brussels' });
  await h.skipTo('2027-09-01T08:00:00.000Z');
  const taskQueue = 'termination-both';
  await withWorker(taskQueue, async () => {
    const receivedAt = await serverAgo(60_000);
    const openRequest = async (requestId: string, customerId: string) => {
      await h.records.dsr.recordReceipt({
        requestId,
        customerId,
        requestType: 'erasure',
        receivedAt,
        reportedAt: receivedAt,
        subjectEmail: `jan.${requestId}@subject.test`,
      });
      return h.env.client.workflow.start(dsrRequest, {
        workflowId: h.endsWithWorker(`dsr-${requestId}`),
        taskQueue,
        args: [{ requestId, customerId, receivedAt, requestType: 'erasure', reportedAt: receivedAt }],
      });
    };
    const dsr = await openRequest('both-1', 'both');
    const othersDsr = await openRequest('other-1', 'other');
    for (const request of [dsr, othersDsr])
      await h.waitFor(async () => (await request.query(dsrStatusQuery)).subjectConfirmation === 'confirmed');

    // Two changes: one whose windows are open for both customers, one the customer objected to.
    const announce = async (changeId: string, customerIds: string[]) => {
      const notice = {
        changeId,
        action: 'added' as const,
        subprocessor: { id: `sp-${changeId}`, name: 'CloudMail Inc.', country: 'US', purpose: 'email', safeguard: 'scc' as const },
        transferBasis: 'scc' as const,
        effectiveAt: new Date(Date.parse(await h.serverNow()) + 40 * 86_400_000).toISOString(),
        announcedAt: await h.serverNow(),
      };
      const recorded = await h.records.subprocessors.recordChange({ ...notice, customerIds });
      await h.env.client.workflow.start(subprocessorChange, {
        workflowId: h.endsWithWorker(workflowIds.subprocessorChange(changeId)),
        taskQueue,
        args: [{ change: notice, recipients: recorded.recipients }],
      });
      for (const customerId of customerIds)
        await h.waitFor(async () => (await h.records.objectionWindows.get(changeId, customerId))?.state === 'open');
    };
    await announce('END-OPEN', ['both', 'other']);
    await announce('END-OBJ', ['both']);
    const objected = await takeObjection(
      { client: h.env.client, records: h.records, webhookId: 'both-objects', queue: taskQueue },
      { changeId: 'END-OBJ', customerId: 'both', reasons: 'not outside the EEA', receivedAt: await h.serverNow() },
      await h.env.currentTimeMs(),
    );
    expect(objected.statusCode).toBe(202);
    const objection = h.env.client.workflow.getHandle(h.endsWithWorker(workflowIds.objection('END-OBJ', 'both')));
    await h.waitFor(async () => (await objection.query(objectionStatusQuery).catch(() => undefined))?.status === 'objected');

    const handle = await start(taskQueue, 'both', await serverAgo(1000));
    await waitForStep('both', 'export-notice');
    await h.waitFor(async () => (await status(handle)).status === 'export-window');

    // During the export window the data is still here: the request takes its instruction and runs on.
    const instructedAt = await serverAgo(500);
    await dsr.executeUpdate(dsrInstructedUpdate, {
      args: [
        {
          instruction: 'erase',
          note: 'Jan Peeters, klantnummer 123',
          receivedAt: instructedAt,
          source: 'product',
          webhookId: 'both-erase',
        },
      ],
      updateId: 'both-erase',
    });
    await h.waitFor(async () => deliveries.some((d) => d.webhookId === 'dsr-both-1.action-erase'));
    await h.waitFor(async () => (await h.records.dsr.get('both-1'))?.instructionNote !== null);

    // The customer chooses deletion now; once the store confirms, its cases end with the contract.
    const completedAt = await serverAgo(100);
    await handle.executeUpdate(exportCompletedUpdate, {
      args: [{ completedAt, deleteNow: true, receivedAt: completedAt, source: 'product', webhookId: 'both-done' }],
      updateId: 'both-done',
    });
    await h.waitFor(async () => deliveriesFor('both', 'app-db').length === 1);
    expect((await dsr.query(dsrStatusQuery)).status).toBe('action-requested');
    await confirm(handle, 'app-db');
    // The request is told, closes, and the case looks again a minute later before anonymising.
    await h.waitFor(async () => (await status(handle)).endedCases);
    await completed(dsr);
    await h.skipTo(new Date(Date.parse(await h.serverNow()) + 2 * 60_000).toISOString());
    await completed(handle);

    const request = await dsr.query(dsrStatusQuery);
    expect(request.closed?.outcome).toBe('contract-ended');
    expect(request.timeline.some((entry) => entry.event.includes('termination-both'))).toBe(true);
    const record = (await h.records.dsr.get('both-1'))!;
    expect(record).toMatchObject({
      status: 'closed',
      outcome: 'contract-ended',
      subjectEmailKnown: false,
      instructionNote: null,
      instruction: 'erase',
    });
    const terminated = await status(handle);
    expect(terminated.endedCases).toEqual({
      dsrRequestIds: ['both-1'],
      windowsClosed: 1,
      objectionsEnded: [workflowIds.objection('END-OBJ', 'both')],
    });
    expect(terminated.dataSubjectsAnonymisedAt).toBeDefined();

    // No subject data of the customer remains in the records; the evidence does, and the other customer's data too.
    expect(await h.records.dsr.subjectEmail('both-1')).toBeUndefined();
    expect(JSON.stringify(await h.records.emails.listForWorkflow('dsr-both-1'))).not.toContain('jan.both-1@subject.test');
    expect(await h.records.dsr.subjectEmail('other-1')).toBe('jan.other-1@subject.test');
    const confirmation = (await h.records.emails.listForWorkflow('dsr-both-1')).find((e) => e.step === 'subject-confirmation')!;
    expect(confirmation).toMatchObject({ status: 'sent', recipient: 'data-subject@anonymised.invalid' });

    // The windows: the open one closed without objection, the objection ended; the other customer's runs on.
    expect(await h.records.objectionWindows.get('END-OPEN', 'both')).toMatchObject({
      state: 'accepted',
      outcome: { status: 'contract-ended' },
    });
    expect(await h.records.objectionWindows.get('END-OPEN', 'other')).toMatchObject({ state: 'open', outcome: null });
    expect(await h.records.objectionWindows.get('END-OBJ', 'both')).toMatchObject({
      state: 'objected',
      outcome: { status: 'contract-ended' },
    });
    expect((await objection.describe()).status.name).toBe('TERMINATED');
    expect((await othersDsr.query(dsrStatusQuery)).closed).toBeUndefined();
  }, ['app-db']);
});

test('a customer the product never described: the privacy team is alerted, nothing starts until an operator records the notice given another way', async () => {
  await h.skipTo('2027-11-02T08:00:00.000Z');
  await withWorker(
    'termination-unknown',
    async () => {
      const handle = await start('termination-unknown', 'ghost', await serverAgo(60_000));
      await h.skipTo('2027-11-02T08:10:00.000Z');
      await waitForStep('ghost', 'alert-no-customer-record');
      const unreached = await status(handle);
      expect(unreached).toMatchObject({
        status: 'customer-unreached',
        notice: 'customer-unknown',
        phase: 'notifying',
        windowSource: 'setting',
      });
      expect(unreached.closesAt).toBeUndefined();
      // Nothing to confirm yet, and no extension reaches a window that has not started.
      await expect(h.refusal(confirm(handle, 'app-db'))).resolves.toMatch(/export window is still open/);
      await expect(
        h.refusal(handle.executeUpdate(exportNoticeGivenUpdate, { args: [{ givenAt: '2027-01-01T00:00:00.000Z', channel: 'letter' }] })),
      ).resolves.toMatch(/before the contract ended/);
      const givenAt = await serverAgo(1000);
      await expect(handle.executeUpdate(exportNoticeGivenUpdate, { args: [{ givenAt, channel: 'registered letter' }] })).resolves.toEqual({
        closesAt: exportWindowClosesAt(givenAt, 'Europe/Brussels', 30),
      });
      await h.waitFor(async () => (await h.records.terminations.get('ghost'))?.noticeAcceptedAt === givenAt);
      expect((await status(handle)).status).toBe('export-window');
      // Deletion chosen in writing: the store is asked (the customer, without a record, cannot be emailed).
      const completedAt = await serverAgo(100);
      await handle.executeUpdate(exportCompletedUpdate, {
        args: [{ completedAt, deleteNow: true, receivedAt: completedAt, source: 'operator' }],
      });
      await h.waitFor(async () => deliveriesFor('ghost', 'app-db').length === 1);
      await confirm(handle, 'app-db');
      await completed(handle);
      expect(deliveries.filter((d) => d.body.data.customerId === 'ghost')).toHaveLength(1);
    },
    ['app-db'],
  );
});

test('the certificate of deletion: once every store confirmed, the customer gets it as a PDF in its language, listing every store; the records keep it, and a retry sends it once', async () => {
  await h.customer('cert', {
    language: 'fr',
    name: 'Société Générale d’Éléphants',
    emails: ['dpo@cert.test', 'juridique@cert.test'],
    timeZone: 'Europe/Brussels',
  });
  await h.skipTo('2028-01-10T08:00:00.000Z');
  const stores = ['app-db', 'search', 'backups'];
  await withWorker(
    'termination-cert',
    async () => {
      const handle = await start('termination-cert', 'cert', await serverAgo(60_000));
      await waitForStep('cert', 'export-notice');
      const completedAt = await serverAgo(100);
      await handle.executeUpdate(exportCompletedUpdate, {
        args: [{ completedAt, deleteNow: true, receivedAt: completedAt, source: 'product', webhookId: 'cert-done' }],
        updateId: 'cert-done',
      });
      await h.waitFor(async () => stores.every((store) => deliveriesFor('cert', store).length === 1));
      await confirm(handle, 'app-db');
      await confirm(handle, 'search');
      expect(await certificateOf('cert')).toBeUndefined();
      await confirm(handle, 'backups', { lastCopyExpiresAt: '2028-04-01T00:00:00.000Z' });
      await completed(handle);

      const certificate = (await certificateOf('cert'))!;
      expect(certificate.filename).toBe('certificate-of-deletion-cert.pdf');
      expect(certificate.mail.subject).toContain('Certificat d’effacement de vos données à caractère personnel');
      for (const store of stores) {
        expect(certificate.text).toContain(`Système : ${store}`);
        expect(certificate.text).toContain(`REF-${store}`);
        expect(certificate.mail.text).toContain(`${store} : `);
        expect(certificate.mail.text).toContain(`REF-${store}`);
      }
      expect(certificate.text).toContain('Société Générale d’Éléphants (cert)');
      expect(certificate.text).toContain('définitivement effacées ou anonymisées');
      expect(certificate.text).toContain('anonymisées');
      expect(certificate.text).toContain('1er avril 2028');
      expect(certificate.text).toContain('Point de contact pour la protection des données');

      // The records keep the PDF as sent; the workflow knows only its hash.
      const kept = (await h.records.certificates.get('cert'))!;
      const sha256 = createHash('sha256').update(certificate.pdf).digest('hex');
      expect(kept).toMatchObject({ language: 'fr', sha256, emailOutcome: 'sent' });
      expect(Buffer.compare(kept.pdf, certificate.pdf)).toBe(0);
      expect(kept.stores.map((store) => [store.store, store.method, store.reference])).toEqual([
        ['app-db', 'delete', 'REF-app-db'],
        ['search', 'anonymise', 'REF-search'],
        ['backups', 'delete', 'REF-backups'],
      ]);
      const state = await status(handle);
      expect(state.certificate).toEqual({ sha256, filename: 'certificate-of-deletion-cert.pdf', language: 'fr', email: 'sent' });
      // Issued on the case's clock, as the PDF states it: not the database's.
      expect(Date.parse(kept.issuedAt)).toBeGreaterThanOrEqual(Date.parse(state.deletedAt!));
      expect(Date.parse(kept.issuedAt) - Date.parse(state.deletedAt!)).toBeLessThan(24 * 3_600_000);
      expect(JSON.stringify(state)).not.toContain('JVBERi'); // no PDF (base64 "%PDF") in the history's result

      // A retried activity finds the certificate kept and sent: the same bytes, no second email.
      const before = (await h.catcher.messages()).length;
      const activities = createActivities({
        records: h.records,
        mailer: h.mailer,
        mailFrom: 'Privacy team <privacy@processor.example>',
        privacyTeamEmail: privacyTeam,
        temporal: h.env.client,
        termination: { ...defaultTerminationConfig, dataStores: stores },
      });
      const retried = await new MockActivityEnvironment({
        workflowExecution: { workflowId: handle.workflowId, runId: 'retry' },
      }).run(() =>
        activities.issueDeletionCertificate({
          customerId: 'cert',
          terminatedAt: state.terminatedAt,
          deletedAt: state.deletedAt!,
          stores: [],
        }),
      );
      expect(retried).toMatchObject({ sha256, email: { status: 'sent', recipients: 2 } });
      expect((await h.catcher.messages()).length).toBe(before);
      const steps = (await h.records.emails.listForWorkflow('termination-cert')).filter((e) => e.step === 'certificate-of-deletion');
      expect(steps.map((e) => e.status)).toEqual(['sent', 'sent']);
    },
    stores,
  );
});

test('a store silent for days: the case continues as new when its history grows, carrying its state, and no update or alert is lost', async () => {
  await h.customer('long', { language: 'nl', timeZone: 'Europe/Brussels' });
  await h.skipTo('2028-03-01T08:00:00.000Z');
  await withWorker(
    'termination-long',
    async () => {
      const handle = await start('termination-long', 'long', '2028-03-01T07:00:00.000Z', 1, { continueAsNewAfterEvents: 60 });
      await waitForStep('long', 'export-notice');
      expect(await h.waitFor(async () => (await status(handle)).closesAt)).toBe('2028-03-02T22:59:59.999Z');
      await h.skipTo('2028-03-02T23:00:00.000Z');
      await h.waitFor(async () => deliveriesFor('long', 'app-db').length === 1 && deliveriesFor('long', 'backups').length === 1);
      const firstRun = (await handle.describe()).runId;

      // Asked again every day; the alert after 3 days; some runs later the history is still short.
      for (let day = 3; day <= 12; day += 1) {
        await h.skipTo(`2028-03-${String(day).padStart(2, '0')}T23:05:00.000Z`);
        await h.waitFor(async () => deliveriesFor('long', 'backups').length === day - 1, { what: `re-ask on day ${day}` });
      }
      const now = await handle.describe();
      expect(now.runId).not.toBe(firstRun);
      expect(now.historyLength).toBeLessThan(120);
      // The last round may hand over to a new run just now: queried at rest (see h.queryAtRest).
      const carried = await h.queryAtRest(handle, terminationStatusQuery);
      expect(carried.timeline.filter((entry) => entry.event.startsWith('continued as new')).length).toBeGreaterThanOrEqual(1);
      expect(carried.stores.find((store) => store.store === 'backups')).toMatchObject({ followUps: 10, delivery: 'accepted' });
      expect(carried.status).toBe('deletion-unconfirmed');
      expect(carried.windowDays).toBe(1);
      // Each alert once, whatever run raised it.
      const alertsSent = async () => (await sentSteps('long')).filter((step) => step.startsWith('alert-')).sort();
      expect(await alertsSent()).toEqual(['alert-deletion-unconfirmed-app-db', 'alert-deletion-unconfirmed-backups']);

      // Confirmations sent as the next day's round runs (and the case may continue as new) all count, once.
      await h.skipTo('2028-03-13T23:05:00.000Z');
      const [appDb, backups] = await Promise.all([confirm(handle, 'app-db'), confirm(handle, 'backups')]);
      expect([appDb.duplicate, backups.duplicate]).toEqual([false, false]);
      await completed(handle);
      const done = await status(handle);
      expect(done.stores.map((store) => [store.store, store.confirmed?.reference])).toEqual([
        ['app-db', 'REF-app-db'],
        ['backups', 'REF-backups'],
      ]);
      expect(await alertsSent()).toEqual(['alert-deletion-unconfirmed-app-db', 'alert-deletion-unconfirmed-backups']);
      expect((await sentSteps('long')).filter((step) => step === 'certificate-of-deletion')).toHaveLength(1);
      expect((await h.records.terminations.get('long'))!.deletions.map((d) => d.reference)).toEqual(['REF-app-db', 'REF-backups']);
    },
    ['app-db', 'backups'],
  );
});
