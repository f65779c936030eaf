import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { emailCustomerContacts } from '../../activities/email/customer-contacts';
import { createMailer } from '../../activities/email/mailer';
import { createEmailSender, type EmailDeferral, type EmailRequest, type EmailSender } from '../../activities/email/send-email';
import { buildHttpServer } from '../../client/http/server';
import type { Database, Records } from '../../records';
import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from '../support/mail';
import { freshDatabase } from '../support/records';
import { emailAddressesIn } from '../support/temporal';

/**
 * The sender against real SMTP servers (smtp-server) that fail the way real ones do: a refused login
 * (535), a refused sender (550 to MAIL FROM), a refused message (554 to DATA), a refused or deferred
 * recipient (at RCPT TO, or after DATA from an LMTP server), a server that is not there, one that stalls.
 * Only the recipient's own 5xx is an answer; everything else is thrown, to be retried, and recorded.
 */

const from = 'Privacy team <privacy@processor.test>';
const goodPassword = 'right-password';
let database: Database;
let records: Records;
const opened: Array<{ close(): unknown }> = [];
const warnings: Array<{ message: string; deferral: EmailDeferral }> = [];

beforeAll(async () => {
  ({ database, records } = await freshDatabase('pglite'));
});

afterAll(async () => {
  for (const item of opened.reverse()) await item.close();
  await database?.close();
});

async function catcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const started = await startMailCatcher(options);
  opened.push(started);
  return started;
}

function transport(url: string, extra: Record<string, unknown> = {}): Transporter {
  // The product's own transport (pooled, its timeouts), or a plain one where a test needs an option.
  const mailer = Object.keys(extra).length ? nodemailer.createTransport({ url, ...extra }) : createMailer(url);
  opened.push(mailer);
  return mailer;
}

function sender(mailer: Transporter, options: { sendTimeoutMs?: number; leaseMs?: number } = {}): EmailSender {
  return createEmailSender({
    mailer,
    emails: records.emails,
    from,
    warn: (message, deferral) => warnings.push({ message, deferral }),
    ...options,
  });
}

function request(workflowId: string, recipient = 'dpo@customer.test'): EmailRequest {
  return {
    workflowId,
    step: 'initial-notice',
    recipient,
    language: 'en',
    email: { subject: `Notice ${workflowId}`, text: 'A personal data breach.', html: '<p>A personal data breach.</p>' },
  };
}

async function row(workflowId: string) {
  const [found] = await records.emails.listForWorkflow(workflowId);
  return found!;
}

/** What `send` threw, for the checks on what Temporal (and the Web UI) would carry. */
async function thrown(promise: Promise<unknown>): Promise<Error & { type?: string; nonRetryable?: boolean; details?: unknown[] }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to throw, it returned');
}

const warningsOf = (workflowId: string) => warnings.filter((w) => w.deferral.workflowId === workflowId);

test('a login the mail server refuses (535) is a fault of ours: thrown, recorded as deferred, and sent once the password is fixed', async () => {
  let password = goodPassword;
  const server = await catcher({ acceptLogin: (user, given) => user === 'dpa' && given === password });
  password = 'rotated-by-the-mail-admin';
  const emails = sender(transport(`smtp://dpa:${goodPassword}@127.0.0.1:${server.port}`));

  const failure = await thrown(emails.send(request('breach-AUTH-1~c1')));
  expect(failure.message).toMatch(/^the mail server did not accept the email yet: the mail server refused our login: EAUTH 535/);
  expect(failure.nonRetryable).toBe(false);
  expect(failure.details).toEqual([{ kind: 'authentication', smtpCode: 535 }]);
  expect(await row('breach-AUTH-1~c1')).toMatchObject({ status: 'deferred', failureKind: 'authentication', attempts: 1 });
  expect((await row('breach-AUTH-1~c1')).error).toContain('535');
  expect((await row('breach-AUTH-1~c1')).deferredSince).toEqual(expect.any(String));
  const [warning] = warningsOf('breach-AUTH-1~c1');
  expect(warning!.deferral).toMatchObject({
    step: 'initial-notice',
    kind: 'authentication',
    smtpCode: 535,
    errorCode: 'EAUTH',
    attempt: 1,
  });

  // A second attempt while it is still wrong: counted, still deferred, the first failure's time kept.
  await thrown(emails.send(request('breach-AUTH-1~c1')));
  const second = await row('breach-AUTH-1~c1');
  expect(second).toMatchObject({ status: 'deferred', attempts: 2 });

  password = goodPassword;
  const outcome = await emails.send(request('breach-AUTH-1~c1'));
  expect(outcome).toMatchObject({ status: 'sent' });
  expect(await row('breach-AUTH-1~c1')).toMatchObject({ status: 'sent', attempts: 3, error: null });
  expect((await row('breach-AUTH-1~c1')).failureKind).toBeUndefined();
  expect((await server.messages()).map((m) => m.envelope.to)).toEqual([['dpo@customer.test']]);
});

test('a server requiring a login we never give (530 to MAIL FROM) is an authentication fault too', async () => {
  const server = await catcher({ acceptLogin: () => true });
  const failure = await thrown(sender(transport(server.smtpUrl)).send(request('breach-NOAUTH-1~c1')));
  expect(failure.message).toContain('530');
  expect(await row('breach-NOAUTH-1~c1')).toMatchObject({ status: 'deferred', failureKind: 'authentication' });
});

test("a sender the mail server refuses (550 to MAIL FROM) is retried, not the customer's refusal", async () => {
  const server = await catcher({ refuseSender: (address) => address === 'privacy@processor.test' });
  const failure = await thrown(sender(transport(server.smtpUrl)).send(request('breach-FROM-1~c1')));
  expect(failure.message).toMatch(/refused our sender address: EENVELOPE 550 550 5\.7\.1 <address>: Sender address rejected/);
  expect(emailAddressesIn(failure.message)).toEqual([]);
  expect(await row('breach-FROM-1~c1')).toMatchObject({ status: 'deferred', failureKind: 'sender-refused' });
  expect(warningsOf('breach-FROM-1~c1')[0]!.deferral).toMatchObject({ kind: 'sender-refused', smtpCode: 550 });
  expect(emailAddressesIn(JSON.stringify(warningsOf('breach-FROM-1~c1')))).toEqual([]);
  // The evidence log keeps the server's answer whole.
  expect((await row('breach-FROM-1~c1')).error).toContain('<privacy@processor.test>');
});

test('a message the mail server refuses (554 to DATA) is retried: it is about our message, not the recipient', async () => {
  const server = await catcher({
    beforeAccept: () => {
      throw Object.assign(new Error('5.7.1 Message rejected by content policy'), { responseCode: 554 });
    },
  });
  const failure = await thrown(sender(transport(server.smtpUrl)).send(request('breach-DATA-1~c1')));
  expect(failure.message).toContain('refused the message: EMESSAGE 554');
  expect(await row('breach-DATA-1~c1')).toMatchObject({ status: 'deferred', failureKind: 'message-refused' });
});

test('a recipient refused with a 5xx at RCPT TO is the answer: returned, recorded as refused by the recipient', async () => {
  const server = await catcher({ refuseRecipient: (address) => address === 'gone@customer.test' });
  const outcome = await sender(transport(server.smtpUrl)).send(request('breach-RCPT-1~c1', 'gone@customer.test'));
  expect(outcome).toEqual({ status: 'rejected', reason: expect.stringMatching(/550 5\.1\.1 <address>: mailbox unavailable/) });
  expect(await row('breach-RCPT-1~c1')).toMatchObject({ status: 'failed', failureKind: 'recipient-refused' });
  expect((await row('breach-RCPT-1~c1')).deferredSince).toBeUndefined();
  expect(warningsOf('breach-RCPT-1~c1')).toEqual([]);
});

test('a recipient deferred with a 4xx at RCPT TO is retried', async () => {
  const server = await catcher({ deferRecipient: () => true });
  const failure = await thrown(sender(transport(server.smtpUrl)).send(request('breach-RCPT-2~c1')));
  expect(failure.message).toMatch(/^the mail server did not accept the email yet: .*451 4\.2\.1 <address>: mailbox busy/);
  expect(await row('breach-RCPT-2~c1')).toMatchObject({ status: 'deferred', failureKind: 'recipient-deferred' });
});

test('an LMTP server answering for the recipient after DATA: a 5xx is the answer, a 4xx is retried', async () => {
  const server = await catcher({ lmtp: true, refuseRecipient: (a) => a.startsWith('gone@'), deferRecipient: (a) => a.startsWith('busy@') });
  const emails = sender(transport(server.smtpUrl, { lmtp: true }));
  expect(await emails.send(request('breach-LMTP-1~c1', 'gone@customer.test'))).toMatchObject({ status: 'rejected' });
  expect(await row('breach-LMTP-1~c1')).toMatchObject({ status: 'failed', failureKind: 'recipient-refused' });
  await thrown(emails.send(request('breach-LMTP-2~c1', 'busy@customer.test')));
  expect(await row('breach-LMTP-2~c1')).toMatchObject({ status: 'deferred', failureKind: 'recipient-deferred' });
  expect(await emails.send(request('breach-LMTP-3~c1', 'dpo@customer.test'))).toMatchObject({ status: 'sent' });
  expect((await server.messages()).map((m) => m.envelope.to)).toEqual([['dpo@customer.test']]);
});

test('a mail server that is not there is a connection fault', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const failure = await thrown(sender(transport(`smtp://127.0.0.1:${port}`, { pool: false })).send(request('breach-CONN-1~c1')));
  expect(failure.message).toContain('could not be reached');
  expect(await row('breach-CONN-1~c1')).toMatchObject({ status: 'deferred', failureKind: 'connection' });
});

describe('one attempt at a time', () => {
  test('a second attempt while the first is still sending does not send: it throws, to be retried', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const dataArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = await catcher({
      beforeAccept: async () => {
        arrived();
        await released;
      },
    });
    const mailer = transport(server.smtpUrl);
    const first = sender(mailer).send(request('breach-LEASE-1~c1'));
    await dataArrived;
    // What Temporal starts when the first attempt's heartbeats stopped reaching it.
    const second = await thrown(sender(mailer).send(request('breach-LEASE-1~c1')));
    expect(second.message).toMatch(/^another attempt is sending this email/);
    expect(second.nonRetryable).toBe(false);
    release();
    expect(await first).toMatchObject({ status: 'sent' });
    // Once the first recorded its answer, a later attempt finds it sent.
    expect(await sender(mailer).send(request('breach-LEASE-1~c1'))).toMatchObject({ status: 'sent' });
    expect(await server.messages()).toHaveLength(1);
    expect(await row('breach-LEASE-1~c1')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('a send the mail server stalls is aborted at the send timeout, its lease given up, and retried', async () => {
    let stalled = true;
    const server = await catcher({
      beforeAccept: async () => {
        if (!stalled) return;
        await new Promise((resolve) => setTimeout(resolve, 3_000).unref());
        throw Object.assign(new Error('4.3.0 too late'), { responseCode: 451 });
      },
    });
    const emails = sender(transport(server.smtpUrl), { sendTimeoutMs: 500, leaseMs: 60_000 });
    const started = Date.now();
    const failure = await thrown(emails.send(request('breach-STALL-1~c1')));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(failure.message).toContain('no answer from the mail server within 0.5 s');
    expect(await row('breach-STALL-1~c1')).toMatchObject({ status: 'deferred', failureKind: 'connection' });
    stalled = false;
    // The lease went with the failed attempt: the retry sends at once.
    expect(await emails.send(request('breach-STALL-1~c1'))).toMatchObject({ status: 'sent' });
    expect(await server.messages()).toHaveLength(1);
  });

  test('a cancelled activity aborts the send in progress and sends to no further contact', async () => {
    let arrived!: () => void;
    const dataArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = await catcher({
      beforeAccept: async () => {
        arrived();
        await new Promise((resolve) => setTimeout(resolve, 2_000).unref());
      },
    });
    const emails = sender(transport(server.smtpUrl));
    const contacts = ['one@cancel.test', 'two@cancel.test', 'three@cancel.test'].map((email) => ({ email }));
    await records.customers.upsert(
      { customerId: 'cancel-1', name: 'Cancel BV', language: 'en', contacts, timeZone: 'Europe/Brussels', contract: {} },
      '2026-01-01T00:00:00Z',
    );
    const activity = new MockActivityEnvironment();
    const run = activity.run(() =>
      emailCustomerContacts(
        { records, emails },
        {
          workflowId: 'breach-CANCEL-1-cancel-1',
          step: 'initial-notice',
          customerId: 'cancel-1',
          render: () => request('x').email,
        },
      ),
    );
    await dataArrived;
    activity.cancel();
    await expect(run).rejects.toBeInstanceOf(CancelledFailure);
    const rows = await records.emails.listForWorkflow('breach-CANCEL-1-cancel-1');
    // The three were claimed together; the two never sent are handed back with the cancelled one.
    expect(rows.map((r) => [r.recipient, r.status, r.failureKind]).sort()).toEqual([
      ['one@cancel.test', 'deferred', 'cancelled'],
      ['three@cancel.test', 'deferred', 'cancelled'],
      ['two@cancel.test', 'deferred', 'cancelled'],
    ]);
    expect((await server.messages()).flatMap((m) => m.envelope.to).filter((to) => to !== 'one@cancel.test')).toEqual([]);
    // A cancellation is no fault of the mail: it does not start the stuck clock.
    for (const r of rows) expect(r.deferredSince).toBeUndefined();
    // And the retry need not wait for a lease: it claims them at once.
    const again = await records.emails.claimMany(
      rows.map((r) => ({ ...r })),
      { leaseMs: 60_000 },
    );
    expect(again.filter((r) => r.sendingElsewhereUntil)).toEqual([]);
  });

  test('an email claimed with its slice long before its turn renews its lease first; one another attempt took meanwhile is not sent', async () => {
    const server = await catcher({});
    // Fresh for 0.5 s (lease 6 s less the send timeout and 5 s of margin), then renewed before the send.
    const emails = sender(transport(server.smtpUrl), { sendTimeoutMs: 500, leaseMs: 6_000 });
    const [kept, taken] = [request('breach-SLICE-1~c1'), request('breach-SLICE-1~c2')];
    const [keptClaim, takenClaim] = await emails.claimAll([kept, taken]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    // Another attempt takes the second once its lease is over (say this one was thought dead).
    await sql`update email_log set claimed_until = now() - interval '1 second' where workflow_id = 'breach-SLICE-1~c2'`.execute(
      database.db,
    );
    expect(await records.emails.claim({ ...takenClaim! }, { leaseMs: 60_000 })).toMatchObject({ attempts: 2 });

    expect(await emails.send(kept, keptClaim)).toMatchObject({ status: 'sent' });
    const refused = await thrown(emails.send(taken, takenClaim));
    expect(refused.message).toMatch(/another attempt has taken this email/);
    expect(refused.nonRetryable).toBe(false);
    expect((await server.messages()).map((m) => m.subject)).toEqual(['Notice breach-SLICE-1~c1']);
  });
});

test("every heartbeat of the contacts' sending carries the caller's details when it gives them", async () => {
  const server = await catcher({});
  const emails = sender(transport(server.smtpUrl));
  const contacts = ['one@beat.test', 'two@beat.test'].map((email) => ({ email }));
  await records.customers.upsert(
    { customerId: 'beat-1', name: 'Beat BV', language: 'en', contacts, timeZone: 'Europe/Brussels', contract: {} },
    '2026-01-01T00:00:00Z',
  );
  const progress = { done: 64, notified: 60 };
  const heartbeatsOf = async (workflowId: string, withProgress: boolean) => {
    const activity = new MockActivityEnvironment();
    const seen: unknown[] = [];
    activity.on('heartbeat', (details: unknown) => seen.push(details));
    const heartbeat = () => activity.context.heartbeat(progress);
    await activity.run(() =>
      emailCustomerContacts(
        { records, emails, ...(withProgress && { heartbeat }) },
        {
          workflowId,
          step: 'initial-notice',
          customerId: 'beat-1',
          render: () => request('x').email,
        },
      ),
    );
    return seen;
  };
  // Without one, each heartbeat carries no details: it would replace the announcement's progress.
  const without = await heartbeatsOf('breach-BEAT-without-beat-1', false);
  expect(without.length).toBeGreaterThan(0);
  expect(without.every((details) => details === undefined)).toBe(true);
  const viaContext = await heartbeatsOf('breach-BEAT-with-beat-1', true);
  expect(viaContext.length).toBeGreaterThan(0);
  expect(viaContext.every((details) => JSON.stringify(details) === JSON.stringify(progress))).toBe(true);
});

describe('/healthz', () => {
  const get = async () => {
    const app = buildHttpServer({
      records,
      // /healthz asks only whether events can be accepted, answered here as a running stack would.
      temporal: undefined as unknown as Client,
      webhookSecret: 'whsec_dGVzdA==',
      ready: async () => true,
      logLevel: 'silent',
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${address}/healthz`);
      return { status: response.status, body: (await response.json()) as { status: string; mail: { status: string; deferred?: number } } };
    } finally {
      await app.close();
    }
  };

  test('says the mail is stuck, still answering 200, when an email has been deferred for over a minute', async () => {
    const server = await catcher({ acceptLogin: () => false });
    await thrown(sender(transport(`smtp://dpa:wrong@127.0.0.1:${server.port}`)).send(request('breach-HEALTH-1~c1', 'dpo@health.test')));
    // Deferred just now: not stuck yet (a blip is not worth an operator's night).
    const early = await get();
    expect(early.status).toBe(200);
    expect(early.body.status).toBe('ok');

    // Two minutes later (moved in the evidence log rather than waited for).
    await sql`update email_log set deferred_since = now() - interval '2 minutes' where workflow_id = 'breach-HEALTH-1~c1'`.execute(
      database.db,
    );
    const stuck = await get();
    expect(stuck.status).toBe(200);
    expect(stuck.body).toEqual({
      status: 'ok',
      mail: {
        status: 'stuck',
        deferred: expect.any(Number),
        oldestSince: expect.any(String),
        lastError: expect.stringContaining('535'),
        lastFailureKind: 'authentication',
      },
    });
    expect(stuck.body.mail.deferred).toBeGreaterThanOrEqual(1);
    expect(emailAddressesIn(JSON.stringify(stuck.body))).toEqual([]);

    // Once every stuck email is sent (or refused), the mail is fine again.
    await sql`update email_log set status = 'sent', deferred_since = null where deferred_since is not null`.execute(database.db);
    expect((await get()).body).toEqual({ status: 'ok', mail: { status: 'ok' } });
  });
});
