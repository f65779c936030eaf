import { defaultRetention } from '../../domain/digests';
import { anonymisedRecipient } from '../../records/dsr';
import { databaseKinds, useFreshDatabase } from '../support/records';

/** The retention statements on PGlite and PostgreSQL: each kind of record when its time is up, nothing else. */
describe.each(databaseKinds)('retention on %s', (kind) => {
  const h = useFreshDatabase(kind);
  const at = '2032-06-01T00:00:00.000Z';
  const yearsBefore = (years: number, days = 0) => new Date(Date.parse(at) - (years * 365 + days) * 86_400_000).toISOString();

  const breach = async (incidentId: string, closedAt: string | undefined) => {
    await h.records.breaches.recordIncident({
      incidentId,
      awareAt: yearsBefore(6),
      detectedAt: yearsBefore(6),
      summary: 'A laptop was stolen.',
      dataCategories: ['names'],
      measures: [],
    });
    await h.records.breaches.recordNotification(incidentId, 'cust-b', { status: 'notified', notifiedAt: yearsBefore(6) });
    if (closedAt) await h.records.breaches.close(incidentId, 'Closed.', closedAt);
  };

  const audit = async (auditId: string, cancelledAt: string) => {
    await h.records.audits.recordReceipt({
      auditId,
      customerId: 'cust-a',
      proposedDate: '2031-01-10',
      receivedAt: yearsBefore(2),
      timeZone: 'Europe/Brussels',
      earliestDate: '2031-01-10',
      auditor: { name: 'An Auditor', email: 'an@audit.test', organisation: 'Audit & Co' },
    });
    await h.records.audits.recordCancellation(auditId, { cancelledAt });
  };

  it('deletes a breach register entry 5 years after it closed, with its notifications; anonymises an auditor a year after the audit ended', async () => {
    await breach('INC-OLD', yearsBefore(5, 1));
    await breach('INC-RECENT', yearsBefore(4));
    await breach('INC-OPEN', undefined);
    await audit('AUD-OLD', yearsBefore(1, 1));
    await audit('AUD-RECENT', yearsBefore(0, 30));

    expect(await h.records.retention.applyRetention(at, defaultRetention)).toMatchObject({ breachesDeleted: 1, auditorsAnonymised: 1 });
    expect(await h.records.breaches.get('INC-OLD')).toBeUndefined();
    expect(await h.records.breaches.get('INC-RECENT')).toBeDefined();
    expect(await h.records.breaches.get('INC-OPEN')).toBeDefined();
    expect(await h.records.audits.auditor('AUD-OLD')).toEqual({ name: '(anonymised)' });
    expect(await h.records.audits.auditor('AUD-RECENT')).toEqual({
      name: 'An Auditor',
      email: 'an@audit.test',
      organisation: 'Audit & Co',
    });
    expect(await h.records.audits.get('AUD-OLD')).toMatchObject({ auditId: 'AUD-OLD', status: 'cancelled' });

    expect(await h.records.retention.applyRetention(at, defaultRetention)).toMatchObject({ breachesDeleted: 0, auditorsAnonymised: 0 });
  });

  it("anonymises a closed data subject request as the end of a contract does: its subject's address leaves the evidence log too", async () => {
    const closedAt = new Date().toISOString();
    const dayAfterItsTime = new Date(Date.parse(closedAt) + (defaultRetention.dsrSubjectDays + 1) * 86_400_000).toISOString();
    await h.records.dsr.recordReceipt({
      requestId: 'R-OLD',
      customerId: 'cust-a',
      requestType: 'access',
      receivedAt: closedAt,
      reportedAt: closedAt,
      subjectEmail: 'jan.peeters@example.test',
    });
    await h.records.dsr.close('R-OLD', { outcome: 'carried-out', closedAt });
    const idempotencyKey = 'dsr-R-OLD:subject-confirmation:jan.peeters@example.test';
    await h.records.emails.claim({
      idempotencyKey,
      workflowId: 'dsr-R-OLD',
      step: 'subject-confirmation',
      recipient: 'jan.peeters@example.test',
      subject: 'Your request',
      language: 'en',
      messageId: '<r-old@processor.test>',
    });
    await h.records.emails.markSent(idempotencyKey, '250 OK', new Date(closedAt));

    expect(await h.records.retention.applyRetention(dayAfterItsTime, defaultRetention)).toMatchObject({ dsrRequestsAnonymised: 1 });
    expect(await h.records.dsr.subjectEmail('R-OLD')).toBeUndefined();
    expect((await h.records.emails.listForWorkflow('dsr-R-OLD')).map((email) => email.recipient)).toEqual([anonymisedRecipient]);
    expect(await h.records.retention.applyRetention(dayAfterItsTime, defaultRetention)).toMatchObject({ dsrRequestsAnonymised: 0 });
  });
});
