import type { Customer } from '../../domain/customer';
import type { BreachIncidentFacts } from '../../records/breach-register';
import { migrateToLatest } from '../../records/database';
import type { EmailClaim } from '../../records/email-log';
import type { StoredAnswer } from '../../records/webhook-deliveries';
import { registerEntry, registerNotice } from '../support/breach-register';
import { databaseKinds, useFreshDatabase } from '../support/records';

describe.each(databaseKinds)('records on %s', (kind) => {
  const h = useFreshDatabase(kind);

  it('opens the database of the kind asked for', () => {
    expect(h.database.kind).toBe(kind);
  });

  describe('migrations', () => {
    it('are harmless when run again on a migrated database', async () => {
      await h.records.customers.upsert(customer('migrated-twice'), '2026-01-01T00:00:00.000Z');
      await migrateToLatest(h.database.db);
      await migrateToLatest(h.database.db);
      expect((await h.records.customers.get('migrated-twice'))?.name).toBe('Customer migrated-twice');
    });
  });

  describe('customers', () => {
    it('round-trips contacts, time zone and contract settings', async () => {
      const stored = customer('roundtrip', {
        name: 'Boulangerie Dupont',
        language: 'fr',
        contacts: [{ email: 'privacy@dupont.example', name: 'Marie Dupont' }, { email: 'dpo@dupont.example' }],
        timeZone: 'America/New_York',
        contract: { breachNoticeHours: 36, exportWindowDays: 45 },
      });
      expect(await h.records.customers.upsert(stored, '2026-01-01T10:00:00.000Z')).toBe(true);
      expect(await h.records.customers.get('roundtrip')).toEqual(stored);
    });

    it('gives absent contract settings back absent', async () => {
      await h.records.customers.upsert(customer('no-settings', { contract: {} }), '2026-01-01T10:00:00.000Z');
      const loaded = await h.records.customers.get('no-settings');
      expect(loaded?.contract).toEqual({});
      expect(loaded && 'breachNoticeHours' in loaded.contract).toBe(false);
      expect(loaded && 'exportWindowDays' in loaded.contract).toBe(false);
    });

    it('gives one absent setting back absent and keeps the other', async () => {
      await h.records.customers.upsert(customer('one-setting', { contract: { exportWindowDays: 90 } }), '2026-01-01T10:00:00.000Z');
      expect((await h.records.customers.get('one-setting'))?.contract).toEqual({ exportWindowDays: 90 });
    });

    it('answers undefined for an unknown customer', async () => {
      expect(await h.records.customers.get('nobody')).toBeUndefined();
    });

    it('stores a newer version over an older one', async () => {
      await h.records.customers.upsert(customer('newer', { name: 'First name' }), '2026-01-01T10:00:00.000Z');
      expect(await h.records.customers.upsert(customer('newer', { name: 'Second name' }), '2026-01-01T10:00:01.000Z')).toBe(true);
      expect((await h.records.customers.get('newer'))?.name).toBe('Second name');
    });

    it('does not let an older event arriving later overwrite a newer one', async () => {
      const newest = customer('late', { name: 'Newest', contract: { breachNoticeHours: 24 } });
      await h.records.customers.upsert(newest, '2026-01-02T10:00:00.000Z');
      const older = customer('late', { name: 'Older', language: 'en', contract: {} });
      expect(await h.records.customers.upsert(older, '2026-01-02T09:59:59.999Z')).toBe(false);
      expect(await h.records.customers.get('late')).toEqual(newest);
    });

    it('compares source timestamps as instants, not as text', async () => {
      await h.records.customers.upsert(customer('offsets', { name: 'At 10:00 UTC' }), '2026-01-02T10:00:00Z');
      // 10:30 in Brussels is 09:30 UTC: older, although its text sorts later.
      expect(await h.records.customers.upsert(customer('offsets', { name: 'At 09:30 UTC' }), '2026-01-02T10:30:00+01:00')).toBe(false);
      expect((await h.records.customers.get('offsets'))?.name).toBe('At 10:00 UTC');
    });

    it('lets an event with the same timestamp overwrite', async () => {
      await h.records.customers.upsert(customer('same-time', { name: 'Before' }), '2026-01-03T10:00:00.000Z');
      expect(await h.records.customers.upsert(customer('same-time', { name: 'After' }), '2026-01-03T10:00:00.000Z')).toBe(true);
      expect((await h.records.customers.get('same-time'))?.name).toBe('After');
    });

    it('clears a contract setting when the newer version leaves it out', async () => {
      await h.records.customers.upsert(customer('cleared', { contract: { breachNoticeHours: 12 } }), '2026-01-03T10:00:00.000Z');
      await h.records.customers.upsert(customer('cleared', { contract: {} }), '2026-01-03T11:00:00.000Z');
      expect((await h.records.customers.get('cleared'))?.contract).toEqual({});
    });

    it('lists customer ids in order', async () => {
      const ids = await h.records.customers.listIds();
      expect(ids).toEqual([...ids].sort());
      expect(ids).toEqual(expect.arrayContaining(['late', 'newer', 'roundtrip', 'same-time']));
    });
  });

  describe('webhook deliveries', () => {
    const answer: StoredAnswer = {
      eventType: 'breach.detected',
      bodySha256: 'a'.repeat(64),
      statusCode: 202,
      response: { workflowId: 'breach-inc-1' },
    };

    it('finds an answer it recorded', async () => {
      await h.records.webhookDeliveries.record('msg_found', answer, new Date('2026-01-05T09:00:00Z'));
      expect(await h.records.webhookDeliveries.find('msg_found')).toEqual(answer);
    });

    it('answers undefined for an id never seen', async () => {
      expect(await h.records.webhookDeliveries.find('msg_never')).toBeUndefined();
    });

    it('keeps the first answer when the same id is recorded twice', async () => {
      await h.records.webhookDeliveries.record('msg_twice', answer, new Date('2026-01-05T09:00:00Z'));
      const second: StoredAnswer = {
        eventType: 'breach.detected',
        bodySha256: 'b'.repeat(64),
        statusCode: 409,
        response: { error: 'late' },
      };
      await expect(h.records.webhookDeliveries.record('msg_twice', second, new Date('2026-01-05T09:01:00Z'))).resolves.toBeUndefined();
      expect(await h.records.webhookDeliveries.find('msg_twice')).toEqual(answer);
    });

    it('prunes only rows received before the cutoff', async () => {
      const cutoff = new Date('2025-06-01T00:00:00Z');
      await h.records.webhookDeliveries.record('msg_old_1', answer, new Date('2025-05-01T00:00:00Z'));
      await h.records.webhookDeliveries.record('msg_old_2', answer, new Date(cutoff.getTime() - 1000));
      await h.records.webhookDeliveries.record('msg_at_cutoff', answer, cutoff);
      await h.records.webhookDeliveries.record('msg_recent', answer, new Date('2025-06-02T00:00:00Z'));

      expect(await h.records.webhookDeliveries.pruneOlderThan(cutoff)).toBe(2);
      expect(await h.records.webhookDeliveries.find('msg_old_1')).toBeUndefined();
      expect(await h.records.webhookDeliveries.find('msg_old_2')).toBeUndefined();
      expect(await h.records.webhookDeliveries.find('msg_at_cutoff')).toEqual(answer);
      expect(await h.records.webhookDeliveries.find('msg_recent')).toEqual(answer);
      expect(await h.records.webhookDeliveries.find('msg_found')).toEqual(answer);
      expect(await h.records.webhookDeliveries.pruneOlderThan(cutoff)).toBe(0);
    });

    describe('claims: one delivery of an id at a time', () => {
      const at = new Date('2026-01-05T09:00:00Z');
      const claim = (token: string, claimedAt = at) => ({
        bodySha256: answer.bodySha256,
        token,
        claimedAt,
        staleBefore: new Date(claimedAt.getTime() - 60_000),
      });

      it('lets one of two deliveries that claim an id together go on', async () => {
        const claims = await Promise.all(
          ['first', 'second', 'third'].map((token) => h.records.webhookDeliveries.claim('msg_claim_race', claim(token))),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it('keeps the answer and frees the id in one step; a later claim then finds the answer', async () => {
        expect(await h.records.webhookDeliveries.claim('msg_claim_answered', claim('winner'))).toBe(true);
        expect(await h.records.webhookDeliveries.find('msg_claim_answered')).toBeUndefined();
        expect(await h.records.webhookDeliveries.answer('msg_claim_answered', 'winner', answer, at)).toEqual(answer);
        expect(await h.records.webhookDeliveries.find('msg_claim_answered')).toEqual(answer);
        expect(
          await h.database.db.selectFrom('webhook_claims').selectAll().where('webhook_id', '=', 'msg_claim_answered').execute(),
        ).toEqual([]);
      });

      it('gives a released id to the next delivery, but not one that another delivery still holds', async () => {
        expect(await h.records.webhookDeliveries.claim('msg_claim_released', claim('failed-503'))).toBe(true);
        expect(await h.records.webhookDeliveries.claim('msg_claim_released', claim('retry'))).toBe(false);
        // Only the holder can release it.
        await h.records.webhookDeliveries.release('msg_claim_released', 'retry');
        expect(await h.records.webhookDeliveries.claim('msg_claim_released', claim('retry'))).toBe(false);
        await h.records.webhookDeliveries.release('msg_claim_released', 'failed-503');
        expect(await h.records.webhookDeliveries.claim('msg_claim_released', claim('retry'))).toBe(true);
      });

      it('lets a delivery take over a claim that went stale (its process died), once', async () => {
        expect(await h.records.webhookDeliveries.claim('msg_claim_stale', claim('crashed'))).toBe(true);
        const later = new Date(at.getTime() + 61_000);
        expect(await h.records.webhookDeliveries.claim('msg_claim_stale', claim('fresh', new Date(at.getTime() + 59_000)))).toBe(false);
        const takeovers = await Promise.all(
          ['a', 'b'].map((token) => h.records.webhookDeliveries.claim('msg_claim_stale', claim(token, later))),
        );
        expect(takeovers.filter(Boolean)).toHaveLength(1);
        // The crashed delivery, should it wake up, keeps the first answer only if nobody answered first.
        const winner = takeovers[0] ? 'a' : 'b';
        const second: StoredAnswer = { ...answer, statusCode: 409, response: { error: 'refused' } };
        expect(await h.records.webhookDeliveries.answer('msg_claim_stale', winner, answer, later)).toEqual(answer);
        expect(await h.records.webhookDeliveries.answer('msg_claim_stale', 'crashed', second, later)).toEqual(answer);
      });

      it('prunes claims left behind before the cutoff', async () => {
        expect(await h.records.webhookDeliveries.claim('msg_claim_left', claim('gone', new Date('2025-05-01T00:00:00Z')))).toBe(true);
        // Not stale by the rule given (staleBefore far back): only pruning frees it.
        const notStale = { ...claim('new'), staleBefore: new Date('2000-01-01T00:00:00Z') };
        expect(await h.records.webhookDeliveries.claim('msg_claim_left', notStale)).toBe(false);
        await h.records.webhookDeliveries.pruneOlderThan(new Date('2025-06-01T00:00:00Z'));
        expect(await h.records.webhookDeliveries.claim('msg_claim_left', notStale)).toBe(true);
      });
    });
  });

  describe('email log', () => {
    it('creates a sending row with one attempt on the first claim', async () => {
      const record = await h.records.emails.claim(emailClaim('first'));
      expect(record).toEqual({
        ...emailClaim('first'),
        status: 'sending',
        attempts: 1,
        smtpResponse: null,
        acceptedAt: null,
        error: null,
      });
    });

    it('counts a second claim as another attempt', async () => {
      await h.records.emails.claim(emailClaim('retried'));
      const second = await h.records.emails.claim(emailClaim('retried'));
      expect(second.status).toBe('sending');
      expect(second.attempts).toBe(2);
      expect((await h.records.emails.claim(emailClaim('retried'))).attempts).toBe(3);
    });

    it('answers sent to a claim after markSent, without counting an attempt', async () => {
      await h.records.emails.claim(emailClaim('delivered'));
      const acceptedAt = new Date('2026-01-05T09:30:01.250Z');
      await h.records.emails.markSent(keyOf('delivered'), '250 2.0.0 Ok: queued as ABC', acceptedAt);

      const again = await h.records.emails.claim(emailClaim('delivered'));
      expect(again).toMatchObject({
        status: 'sent',
        attempts: 1,
        smtpResponse: '250 2.0.0 Ok: queued as ABC',
        acceptedAt: '2026-01-05T09:30:01.250Z',
        error: null,
      });
      expect((await h.records.emails.claim(emailClaim('delivered'))).attempts).toBe(1);
    });

    it('records a failure on a row not yet sent', async () => {
      await h.records.emails.claim(emailClaim('bounced'));
      await h.records.emails.markFailed(keyOf('bounced'), '550 5.1.1 no such user');
      const [row] = await h.records.emails.listForWorkflow(workflowOf('bounced'));
      expect(row).toMatchObject({ status: 'failed', error: '550 5.1.1 no such user', attempts: 1 });
    });

    it('shows a failed email claimed again as a new attempt in progress, not as the old failure', async () => {
      await h.records.emails.claim(emailClaim('failed-then-retried'));
      await h.records.emails.markFailed(keyOf('failed-then-retried'), '421 try again later');
      const retried = await h.records.emails.claim(emailClaim('failed-then-retried'));
      expect(retried).toMatchObject({ status: 'sending', error: null, attempts: 2 });
    });

    it('does not let markFailed overwrite a sent row', async () => {
      await h.records.emails.claim(emailClaim('sent-then-failed'));
      await h.records.emails.markSent(keyOf('sent-then-failed'), '250 Ok', new Date('2026-01-05T09:31:00Z'));
      await h.records.emails.markFailed(keyOf('sent-then-failed'), 'connection reset');
      const [row] = await h.records.emails.listForWorkflow(workflowOf('sent-then-failed'));
      expect(row).toMatchObject({ status: 'sent', smtpResponse: '250 Ok', error: null, acceptedAt: '2026-01-05T09:31:00.000Z' });
    });

    it('lists the emails of one workflow only', async () => {
      const workflowId = 'dsr-listed';
      await h.records.emails.claim({ ...emailClaim('listed-a'), workflowId, step: 'acknowledge' });
      await h.records.emails.claim({ ...emailClaim('listed-b'), workflowId, step: 'reminder-1' });
      await h.records.emails.claim({ ...emailClaim('listed-c'), workflowId: 'dsr-listed-other' });

      const listed = await h.records.emails.listForWorkflow(workflowId);
      expect(listed.map((row) => row.idempotencyKey).sort()).toEqual([keyOf('listed-a'), keyOf('listed-b')]);
      expect(listed.every((row) => row.workflowId === workflowId)).toBe(true);
      expect(await h.records.emails.listForWorkflow('dsr-nothing')).toEqual([]);
    });

    it('lists by workflow id prefix, and everything without a filter', async () => {
      await h.records.emails.claim({ ...emailClaim('prefix-1'), workflowId: 'audit-prefix-1' });
      await h.records.emails.claim({ ...emailClaim('prefix-2'), workflowId: 'audit-prefix-2' });
      await h.records.emails.claim({ ...emailClaim('prefix-other'), workflowId: 'termination-prefix' });

      const audits = await h.records.emails.list({ workflowIdPrefix: 'audit-' });
      expect(audits.map((row) => row.workflowId).sort()).toEqual(['audit-prefix-1', 'audit-prefix-2']);

      const all = await h.records.emails.list();
      expect(all.map((row) => row.idempotencyKey)).toEqual(
        expect.arrayContaining([keyOf('prefix-1'), keyOf('prefix-2'), keyOf('prefix-other'), keyOf('first')]),
      );
      expect(all.length).toBeGreaterThan(audits.length);
    });
  });

  describe('breach register', () => {
    it('records an incident once: a second record changes nothing', async () => {
      await h.records.breaches.recordIncident(incident('inc-once'));
      await h.records.breaches.recordIncident({ ...incident('inc-once'), summary: 'Rewritten', measures: ['other'] });

      expect(await h.records.breaches.get('inc-once')).toEqual(registerEntry(incident('inc-once')));
    });

    it('leaves subjectsApprox absent when it was not given', async () => {
      const { subjectsApprox, ...facts } = incident('inc-no-subjects');
      expect(subjectsApprox).toBe(250);
      await h.records.breaches.recordIncident(facts);
      const entry = await h.records.breaches.get('inc-no-subjects');
      expect(entry && 'subjectsApprox' in entry).toBe(false);
    });

    it('answers undefined for an unknown incident', async () => {
      expect(await h.records.breaches.get('inc-unknown')).toBeUndefined();
    });

    it('keeps the first notifiedAt when a notification is written again', async () => {
      await h.records.breaches.recordIncident(incident('inc-notified'));
      await h.records.breaches.recordNotification('inc-notified', 'cust-1', {
        status: 'notified',
        notifiedAt: '2026-01-05T10:00:00.000Z',
        controllerDeadlineAt: '2026-01-08T10:00:00.000Z',
        contractualDeadlineAt: '2026-01-06T08:00:00.000Z',
      });
      await h.records.breaches.recordNotification('inc-notified', 'cust-1', {
        status: 'notified',
        notifiedAt: '2026-01-05T11:00:00.000Z',
        controllerDeadlineAt: '2026-01-08T11:00:00.000Z',
      });

      const entry = await h.records.breaches.get('inc-notified');
      expect(entry?.notifications).toEqual([
        registerNotice('cust-1', {
          status: 'notified',
          notifiedAt: '2026-01-05T10:00:00.000Z',
          controllerDeadlineAt: '2026-01-08T10:00:00.000Z',
          contractualDeadlineAt: null,
        }),
      ]);
    });

    it('sets notifiedAt when a pending notification is later notified', async () => {
      await h.records.breaches.recordIncident(incident('inc-pending'));
      await h.records.breaches.recordNotification('inc-pending', 'cust-1', { status: 'pending' });
      await h.records.breaches.recordNotification('inc-pending', 'cust-2', { status: 'undeliverable', problem: '550 mailbox unavailable' });
      await h.records.breaches.recordNotification('inc-pending', 'cust-1', { status: 'notified', notifiedAt: '2026-01-05T12:00:00.000Z' });

      const entry = await h.records.breaches.get('inc-pending');
      expect(entry?.notifications.map((n) => [n.customerId, n.status, n.notifiedAt, n.problem])).toEqual([
        ['cust-1', 'notified', '2026-01-05T12:00:00.000Z', null],
        ['cust-2', 'undeliverable', null, '550 mailbox unavailable'],
      ]);
    });

    it('records an acknowledgement only once', async () => {
      await h.records.breaches.recordIncident(incident('inc-ack'));
      await h.records.breaches.recordNotification('inc-ack', 'cust-1', { status: 'notified', notifiedAt: '2026-01-05T10:00:00.000Z' });
      await h.records.breaches.recordAcknowledgement('inc-ack', 'cust-1', '2026-01-05T14:00:00.000Z');
      await h.records.breaches.recordAcknowledgement('inc-ack', 'cust-1', '2026-01-06T09:00:00.000Z');

      const [notification] = (await h.records.breaches.get('inc-ack'))?.notifications ?? [];
      expect(notification?.acknowledgedAt).toBe('2026-01-05T14:00:00.000Z');
    });

    it('records an update once per idempotency key, appending its measures and setting contained', async () => {
      await h.records.breaches.recordIncident(incident('inc-update'));
      const update = {
        kind: 'update' as const,
        text: 'Keys rotated; access closed.',
        measures: ['keys rotated', 'access closed'],
        contained: true,
        recordedAt: '2026-01-05T15:00:00.000Z',
      };
      await h.records.breaches.recordUpdate('inc-update', 'breach-inc-update:update-1', update);
      await h.records.breaches.recordUpdate('inc-update', 'breach-inc-update:update-1', update);

      const entry = await h.records.breaches.get('inc-update');
      expect(entry?.updates).toEqual([update]);
      expect(entry?.measures).toEqual(['bucket made private', 'keys rotated', 'access closed']);
      expect(entry?.contained).toBe(true);
    });

    it('keeps contained as it was for an update that does not say', async () => {
      await h.records.breaches.recordIncident(incident('inc-update-2'));
      await h.records.breaches.recordUpdate('inc-update-2', 'k-1', {
        kind: 'update',
        text: 'Contained.',
        measures: [],
        contained: true,
        recordedAt: '2026-01-05T15:00:00.000Z',
      });
      await h.records.breaches.recordUpdate('inc-update-2', 'k-2', {
        kind: 'measure',
        text: 'Staff trained.',
        measures: ['training'],
        recordedAt: '2026-01-06T15:00:00.000Z',
      });

      const entry = await h.records.breaches.get('inc-update-2');
      expect(entry?.contained).toBe(true);
      expect(entry?.measures).toEqual(['bucket made private', 'training']);
      expect(entry?.updates.map((u) => [u.kind, u.text, u.contained])).toEqual([
        ['update', 'Contained.', true],
        ['measure', 'Staff trained.', undefined],
      ]);
      expect(entry?.updates[1] && 'contained' in entry.updates[1]).toBe(false);
    });

    it('closes an incident with its final report and time', async () => {
      await h.records.breaches.recordIncident(incident('inc-closed'));
      await h.records.breaches.close('inc-closed', 'No evidence of misuse.', '2026-02-01T12:00:00.000Z');

      const entry = await h.records.breaches.get('inc-closed');
      expect(entry).toMatchObject({ status: 'closed', finalReport: 'No evidence of misuse.', closedAt: '2026-02-01T12:00:00.000Z' });
    });

    it('keeps the first closing when an incident is closed again', async () => {
      await h.records.breaches.recordIncident(incident('inc-closed-twice'));
      await h.records.breaches.close('inc-closed-twice', 'First report.', '2026-02-01T12:00:00.000Z');
      await h.records.breaches.close('inc-closed-twice', 'Second report.', '2026-02-02T12:00:00.000Z');

      const entry = await h.records.breaches.get('inc-closed-twice');
      expect(entry).toMatchObject({ status: 'closed', finalReport: 'First report.', closedAt: '2026-02-01T12:00:00.000Z' });
    });

    it('lists entries ordered by awareAt', async () => {
      await h.records.breaches.recordIncident(incident('list-c', '2025-03-03T00:00:00.000Z'));
      await h.records.breaches.recordIncident(incident('list-a', '2025-03-01T00:00:00.000Z'));
      await h.records.breaches.recordIncident(incident('list-b', '2025-03-02T00:00:00.000Z'));

      const listed = await h.records.breaches.list();
      const awareTimes = listed.map((entry) => Date.parse(entry.awareAt));
      expect(awareTimes).toEqual([...awareTimes].sort((a, b) => a - b));
      expect(listed.slice(0, 3).map((entry) => entry.incidentId)).toEqual(['list-a', 'list-b', 'list-c']);
      expect(listed.map((entry) => entry.incidentId)).toEqual(expect.arrayContaining(['inc-once', 'inc-closed', 'inc-update']));
    });
  });
});

/** A customer with one contact and the default contract, as `changes` has it otherwise. */
function customer(customerId: string, changes: Partial<Omit<Customer, 'customerId'>> = {}): Customer {
  return {
    customerId,
    name: `Customer ${customerId}`,
    language: 'nl',
    contacts: [{ email: `privacy@${customerId}.example` }],
    timeZone: 'Europe/Brussels',
    contract: {},
    ...changes,
  };
}

const workflowOf = (name: string) => `breach-inc-${name}-cust-1`;
const keyOf = (name: string) => `${workflowOf(name)}:notice:privacy@cust-1.example`;

function emailClaim(name: string): EmailClaim {
  return {
    idempotencyKey: keyOf(name),
    workflowId: workflowOf(name),
    step: 'notice',
    recipient: 'privacy@cust-1.example',
    subject: `Breach notice ${name}`,
    language: 'nl',
    messageId: `<${name}@dpa.example>`,
  };
}

function incident(incidentId: string, awareAt = '2026-01-05T08:00:00.000Z'): BreachIncidentFacts {
  return {
    incidentId,
    awareAt,
    detectedAt: '2026-01-05T08:05:00.000Z',
    summary: 'A backup bucket was publicly readable.',
    dataCategories: ['contact details', 'invoices'],
    subjectsApprox: 250,
    measures: ['bucket made private'],
  };
}
