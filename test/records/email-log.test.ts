import { sql } from 'kysely';
import { groupCommit, likePrefix, type EmailClaim } from '../../records/email-log';
import { databaseKinds, useFreshDatabase } from '../support/records';

describe.each(databaseKinds)('email log on %s', (kind) => {
  const h = useFreshDatabase(kind);

  const claimOf = (workflowId: string, recipient = 'dpo@customer.test'): EmailClaim => ({
    idempotencyKey: `${workflowId}:initial-notice:${recipient}`,
    workflowId,
    step: 'initial-notice',
    recipient,
    subject: 'Notice',
    language: 'en',
    messageId: `<${workflowId}@processor.test>`,
  });

  describe('the lease of the attempt sending an email', () => {
    it('keeps a second attempt from claiming an email the first still holds, without counting it', async () => {
      const claim = claimOf('breach-LEASE-a');
      const first = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      expect(first).toMatchObject({ status: 'sending', attempts: 1 });
      expect(first.sendingElsewhereUntil).toBeUndefined();

      const second = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      expect(second).toMatchObject({ status: 'sending', attempts: 1 });
      expect(Date.parse(second.sendingElsewhereUntil!)).toBeGreaterThan(Date.now() + 50_000);
    });

    it('lets the next attempt claim it once the lease is over (the holder died)', async () => {
      const claim = claimOf('breach-LEASE-b');
      await h.records.emails.claim(claim, { leaseMs: 60_000 });
      await sql`update email_log set claimed_until = now() - interval '1 second' where workflow_id = 'breach-LEASE-b'`.execute(
        h.database.db,
      );
      const next = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      expect(next).toMatchObject({ status: 'sending', attempts: 2 });
      expect(next.sendingElsewhereUntil).toBeUndefined();
    });

    it('is given up with the answer: a deferred or refused email is claimed again at once, a sent one never', async () => {
      const deferred = claimOf('breach-LEASE-c');
      await h.records.emails.claim(deferred, { leaseMs: 60_000 });
      await h.records.emails.markDeferred(deferred.idempotencyKey, 'EAUTH 535 5.7.8 Authentication credentials invalid', 'authentication');
      const retried = await h.records.emails.claim(deferred, { leaseMs: 60_000 });
      // The last failure stays visible while the retry runs; the first failure's time too.
      expect(retried).toMatchObject({
        status: 'sending',
        attempts: 2,
        failureKind: 'authentication',
        error: expect.stringContaining('535'),
      });
      expect(retried.deferredSince).toEqual(expect.any(String));
      expect(retried.sendingElsewhereUntil).toBeUndefined();

      const sent = claimOf('breach-LEASE-d');
      await h.records.emails.claim(sent, { leaseMs: 60_000 });
      await h.records.emails.markSent(sent.idempotencyKey, '250 Ok', new Date('2026-01-05T09:30:00Z'));
      const again = await h.records.emails.claim(sent, { leaseMs: 60_000 });
      expect(again).toMatchObject({ status: 'sent', attempts: 1 });
      expect(again.sendingElsewhereUntil).toBeUndefined();
    });

    it('claims a slice of emails in one call, each as its own claim would: new, held elsewhere, sent, deferred', async () => {
      const fresh = claimOf('objection-SLICE~a');
      const held = claimOf('objection-SLICE~b');
      const sent = claimOf('objection-SLICE~c');
      const deferred = claimOf('objection-SLICE~d');
      await h.records.emails.claim(held, { leaseMs: 60_000 });
      await h.records.emails.claim(sent, { leaseMs: 60_000 });
      await h.records.emails.markSent(sent.idempotencyKey, '250 Ok', new Date('2026-01-05T09:30:00Z'));
      await h.records.emails.claim(deferred, { leaseMs: 60_000 });
      await h.records.emails.markDeferred(deferred.idempotencyKey, '421 try later', 'connection');

      const claimed = await h.records.emails.claimMany([sent, fresh, deferred, held], { leaseMs: 60_000 });
      // In the order asked, whatever order the database answered in.
      expect(claimed.map((record) => record.idempotencyKey)).toEqual([sent, fresh, deferred, held].map((c) => c.idempotencyKey));
      expect(claimed[0]).toMatchObject({ status: 'sent', attempts: 1 });
      expect(claimed[0]!.sendingElsewhereUntil).toBeUndefined();
      expect(claimed[1]).toMatchObject({ status: 'sending', attempts: 1 });
      expect(claimed[1]!.sendingElsewhereUntil).toBeUndefined();
      expect(claimed[2]).toMatchObject({ status: 'sending', attempts: 2, failureKind: 'connection' });
      expect(claimed[2]!.sendingElsewhereUntil).toBeUndefined();
      expect(claimed[3]).toMatchObject({ status: 'sending', attempts: 1 });
      expect(Date.parse(claimed[3]!.sendingElsewhereUntil!)).toBeGreaterThan(Date.now() + 50_000);
      expect(await h.records.emails.claimMany([], { leaseMs: 60_000 })).toEqual([]);
    });

    it('refuses the same email twice in one claim, which would send it twice, and records nothing', async () => {
      const claim = claimOf('objection-TWICE~a');
      await expect(h.records.emails.claimMany([claim, claimOf('objection-TWICE~b'), claim])).rejects.toThrow(/twice in one call/);
      expect(await h.records.emails.listForWorkflow('objection-TWICE~b')).toEqual([]);
    });

    it('renews the lease only for the claim that holds it', async () => {
      const claim = claimOf('breach-RENEW-a');
      const mine = await h.records.emails.claim(claim, { leaseMs: 1_000 });
      expect(await h.records.emails.renewLease(claim.idempotencyKey, mine.attempts, 60_000)).toBe(true);
      const other = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      expect(Date.parse(other.sendingElsewhereUntil!)).toBeGreaterThan(Date.now() + 50_000);
      // Another attempt took it over once the lease ran out: the old claim renews nothing.
      await sql`update email_log set claimed_until = now() - interval '1 second' where workflow_id = 'breach-RENEW-a'`.execute(
        h.database.db,
      );
      const taken = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      expect(taken.attempts).toBe(2);
      expect(await h.records.emails.renewLease(claim.idempotencyKey, mine.attempts, 60_000)).toBe(false);
      await h.records.emails.markSent(claim.idempotencyKey, '250 Ok', new Date());
      expect(await h.records.emails.renewLease(claim.idempotencyKey, taken.attempts, 60_000)).toBe(false);
    });

    it("hands back a claim only while it is still the releasing attempt's", async () => {
      const claim = claimOf('breach-RELEASE-a');
      const stale = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      // Its lease ran out and another attempt took the email: the first attempt's release leaves it alone.
      await sql`update email_log set claimed_until = now() - interval '1 second' where workflow_id = 'breach-RELEASE-a'`.execute(
        h.database.db,
      );
      const taken = await h.records.emails.claim(claim, { leaseMs: 60_000 });
      expect(await h.records.emails.releaseClaim(claim.idempotencyKey, stale.attempts, 'not sent')).toBe(false);
      expect((await h.records.emails.listForWorkflow('breach-RELEASE-a'))[0]).toMatchObject({
        status: 'sending',
        attempts: taken.attempts,
      });
      // The attempt that holds it may hand it back, and it can be claimed again at once.
      expect(await h.records.emails.releaseClaim(claim.idempotencyKey, taken.attempts, 'not sent')).toBe(true);
      expect((await h.records.emails.listForWorkflow('breach-RELEASE-a'))[0]).toMatchObject({
        status: 'deferred',
        failureKind: 'cancelled',
      });
      expect((await h.records.emails.claim(claim, { leaseMs: 60_000 })).sendingElsewhereUntil).toBeUndefined();
      // A sent email is never handed back.
      await h.records.emails.markSent(claim.idempotencyKey, '250 Ok', new Date());
      expect(await h.records.emails.releaseClaim(claim.idempotencyKey, taken.attempts + 1, 'not sent')).toBe(false);
      expect((await h.records.emails.listForWorkflow('breach-RELEASE-a'))[0]!.status).toBe('sent');
    });

    it('records the answers of many sends at once, each committed when its caller goes on', async () => {
      const claims = Array.from({ length: 50 }, (_, i) => claimOf(`objection-GROUP~c${i}`));
      await h.records.emails.claimMany(claims, { leaseMs: 60_000 });
      await Promise.all(
        claims.map((claim, i) => h.records.emails.markSent(claim.idempotencyKey, `250 Ok ${i}`, new Date(Date.UTC(2026, 0, 5, 9, i)))),
      );
      const rows = await h.records.emails.list({ workflowIdPrefix: 'objection-GROUP~' });
      expect(rows).toHaveLength(50);
      for (const row of rows) {
        const i = Number(row.workflowId.replace('objection-GROUP~c', ''));
        expect(row).toMatchObject({
          status: 'sent',
          smtpResponse: `250 Ok ${i}`,
          acceptedAt: new Date(Date.UTC(2026, 0, 5, 9, i)).toISOString(),
        });
      }
    });

    it('lets exactly one of many simultaneous attempts have it', async () => {
      const claim = claimOf('breach-LEASE-e');
      const claims = await Promise.all(Array.from({ length: 8 }, () => h.records.emails.claim(claim, { leaseMs: 60_000 })));
      expect(claims.filter((c) => !c.sendingElsewhereUntil)).toHaveLength(1);
    });

    it("keeps the first failure's time through the retries, and forgets it once sent", async () => {
      const claim = claimOf('breach-LEASE-f');
      await h.records.emails.claim(claim, { leaseMs: 60_000 });
      await h.records.emails.markDeferred(claim.idempotencyKey, 'ECONNECTION connect ECONNREFUSED', 'connection');
      const [firstFailure] = await h.records.emails.listForWorkflow('breach-LEASE-f');
      await h.records.emails.claim(claim, { leaseMs: 60_000 });
      await h.records.emails.markDeferred(claim.idempotencyKey, 'EAUTH 535 Authentication failed', 'authentication');
      const [secondFailure] = await h.records.emails.listForWorkflow('breach-LEASE-f');
      expect(secondFailure).toMatchObject({ status: 'deferred', attempts: 2, failureKind: 'authentication' });
      expect(secondFailure!.deferredSince).toBe(firstFailure!.deferredSince);
      await h.records.emails.claim(claim, { leaseMs: 60_000 });
      await h.records.emails.markSent(claim.idempotencyKey, '250 Ok', new Date());
      const [sent] = await h.records.emails.listForWorkflow('breach-LEASE-f');
      expect(sent).toMatchObject({ status: 'sent', attempts: 3, error: null });
      expect(sent!.deferredSince).toBeUndefined();
      expect(sent!.failureKind).toBeUndefined();
    });
  });

  describe('mail health', () => {
    it('is stuck while an email still retried has been deferred for longer than allowed, ok otherwise', async () => {
      const claim = claimOf('health-h1', 'dpo@health.test');
      await h.records.emails.claim(claim, { leaseMs: 60_000 });
      await h.records.emails.markDeferred(
        claim.idempotencyKey,
        'EAUTH 535 5.7.8 <dpo@health.test> Authentication failed',
        'authentication',
      );
      expect(await h.records.emails.mailHealth({ stuckAfterMs: 3_600_000 })).toEqual({ status: 'ok' });
      const stuck = await h.records.emails.mailHealth({ stuckAfterMs: 0 });
      expect(stuck).toMatchObject({ status: 'stuck', lastFailureKind: 'authentication', oldestSince: expect.any(String) });
      expect(stuck.status === 'stuck' && stuck.deferred).toBeGreaterThanOrEqual(1);
      // Nobody has retried it for over the window (its workflow ended): it no longer counts.
      await sql`update email_log set updated_at = now() - interval '2 hours' where deferred_since is not null`.execute(h.database.db);
      expect(await h.records.emails.mailHealth({ stuckAfterMs: 0 })).toEqual({ status: 'ok' });
    });
  });

  describe('listing by workflow id prefix', () => {
    it('matches the prefix literally: _ and % are characters of the id, not wildcards', async () => {
      for (const workflowId of ['dsr-A_1-x', 'dsr-AB1-x', 'dsr-A%1-x', 'dsr-A%zz-x', 'dsr-A\\1-x', 'dsr-A\\\\1-x']) {
        await h.records.emails.claim(claimOf(workflowId));
      }
      const listed = async (prefix: string) =>
        (await h.records.emails.list({ workflowIdPrefix: prefix })).map((row) => row.workflowId).sort();
      expect(await listed('dsr-A_1')).toEqual(['dsr-A_1-x']);
      expect(await listed('dsr-A%1')).toEqual(['dsr-A%1-x']);
      expect(await listed('dsr-A\\1')).toEqual(['dsr-A\\1-x']);
      expect(await listed('dsr-A\\\\')).toEqual(['dsr-A\\\\1-x']);
      expect(await listed('dsr-A')).toHaveLength(6);
    });

    it("escapes the pattern's special characters", () => {
      expect(likePrefix('breach-INC_1%\\')).toBe('breach-INC\\_1\\%\\\\%');
    });
  });
});

describe('group commit', () => {
  it('writes what arrives during a write with the next one, and answers each caller with its own write', async () => {
    const writes: number[][] = [];
    let failNext = false;
    const group = groupCommit<number>(async (items) => {
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failNext) {
        failNext = false;
        throw new Error('the database went away');
      }
    });
    const first = group.add(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Arrive while the first write runs: one write for the three of them.
    const waiting = [1, 2, 3].map((n) => group.add(n));
    await first;
    failNext = true;
    await expect(Promise.all(waiting)).rejects.toThrow('the database went away');
    expect(writes).toEqual([[0], [1, 2, 3]]);
    // A later item is written on its own, and succeeds.
    await group.add(4);
    expect(writes).toEqual([[0], [1, 2, 3], [4]]);
  });
});
