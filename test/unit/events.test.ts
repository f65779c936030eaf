import { eventTypes, parseWebhookEvent, type EventProblem, type EventType, type WebhookEvent } from '../../domain/events';

const timestamp = '2026-01-05T09:30:00Z';

/** One valid `data` per event type of the public contract (PRODUCT.md). */
const validData: Record<EventType, Record<string, unknown>> = {
  'customer.upserted': {
    customerId: 'cust-1',
    name: 'Bakkerij Janssens',
    language: 'nl',
    contacts: [{ email: 'privacy@janssens.example', name: 'An Janssens' }, { email: 'dpo@janssens.example' }],
    timezone: 'Europe/Brussels',
    contract: { breachNoticeHours: 48, exportWindowDays: 30 },
  },
  'breach.detected': {
    incidentId: 'inc-2026.01',
    awareAt: '2026-01-05T08:00:00Z',
    summary: 'A backup bucket was publicly readable for two hours.',
    dataCategories: ['contact details', 'invoices'],
    subjectsApprox: 1200,
    measures: ['bucket made private'],
    affectedCustomerIds: ['cust-1', 'cust-2'],
  },
  'breach.updated': { incidentId: 'inc-2026.01', update: 'Access logs reviewed.', measures: ['keys rotated'], contained: true },
  'breach.acknowledged': { incidentId: 'inc-2026.01', customerId: 'cust-1' },
  'breach.closed': { incidentId: 'inc-2026.01', finalReport: 'No evidence of access by third parties.' },
  'dsr.received': {
    requestId: 'dsr_42',
    customerId: 'cust-1',
    receivedAt: '2026-01-05T07:00:00Z',
    requestType: 'erasure',
    subjectEmail: 'subject@example.org',
  },
  'dsr.instructed': { requestId: 'dsr_42', instruction: 'erase', note: 'Confirmed with the customer by phone.' },
  'dsr.extension-requested': { requestId: 'dsr_42', extraMonths: 2, reason: 'Complex request across many systems.' },
  'dsr.action-completed': { requestId: 'dsr_42', action: 'erase', completedAt: '2026-03-02T10:00:00Z' },
  'authority.customer-responded': { requestId: 'auth-7', customerId: 'acme', view: 'Limit the disclosure to invoices of 2025.' },
  'instruction.confirmed': { instructionId: 'instr-3', guarantee: 'We confirm a legal basis under Art. 6(1)(c).' },
  'authority.requested': {
    requestId: 'auth-7',
    customerIds: ['cust-1'],
    authority: 'Gegevensbeschermingsautoriteit',
    requestKind: 'information',
    receivedAt: '2026-01-05T07:00:00Z',
    disclosureProhibited: false,
  },
  'instruction.flagged': {
    instructionId: 'instr-3',
    customerId: 'cust-1',
    instruction: 'Keep deleted accounts forever.',
    reason: 'Conflicts with storage limitation (Art. 5(1)(e)).',
  },
  'instruction.revised': { instructionId: 'instr-3', revision: 'Keep deleted accounts for 30 days.' },
  'subprocessor.changed': {
    changeId: 'chg-9',
    action: 'replaced',
    subprocessor: { id: 'mailco', name: 'MailCo', country: 'IE', purpose: 'Transactional email', safeguard: 'adequacy' },
    replaces: 'oldmail',
    effectiveAt: '2026-03-01T00:00:00Z',
    customerIds: ['cust-1', 'cust-2'],
  },
  'subprocessor.objected': {
    changeId: 'chg-9',
    customerId: 'cust-2',
    reasons: 'MailCo is not on our approved list.',
    receivedAt: '2026-01-20T12:00:00Z',
  },
  'audit.requested': {
    auditId: 'audit-1',
    customerId: 'cust-1',
    proposedDate: '2026-04-14',
    auditor: { name: 'Audit BV', email: 'auditor@audit.example' },
  },
  'contract.terminated': { customerId: 'cust-1', terminatedAt: '2026-06-30T22:00:00Z', exportWindowDays: 60 },
  'export.completed': { customerId: 'cust-1' },
};

function event(type: string, data: unknown): Record<string, unknown> {
  return { type, timestamp, data };
}

function parsed(body: unknown): WebhookEvent {
  const result = parseWebhookEvent(body);
  if (!result.ok) throw new Error(`expected a valid event, got ${JSON.stringify(result.problems)}`);
  return result.event;
}

function problems(body: unknown): EventProblem[] {
  const result = parseWebhookEvent(body);
  if (result.ok) throw new Error(`expected problems, got a valid ${result.event.type}`);
  return result.problems;
}

function problemPaths(body: unknown): string[] {
  return problems(body).map((problem) => problem.path);
}

/** `data` of a valid event of `type`, with some fields replaced. */
function withData(type: EventType, changes: Record<string, unknown>): Record<string, unknown> {
  return event(type, { ...validData[type], ...changes });
}

describe('every event type of the contract accepts a valid example', () => {
  it('has an example for each and only each event type', () => {
    expect(Object.keys(validData).sort()).toEqual([...eventTypes].sort());
    expect(eventTypes).toHaveLength(19);
  });

  it.each(Object.keys(validData) as EventType[])('%s is accepted with its data', (type) => {
    const result = parsed(event(type, validData[type]));
    expect(result.type).toBe(type);
    expect(result.timestamp).toBe('2026-01-05T09:30:00.000Z');
    expect(result.data).toMatchObject(
      Object.fromEntries(
        Object.entries(validData[type]).filter(([, value]) => typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(value)),
      ),
    );
  });

  it('accepts the minimal customer.upserted: optional time zone and contract left out', () => {
    const result = parsed(
      event('customer.upserted', { customerId: 'c', name: 'N', language: 'fr', contacts: [{ email: 'a@b.example' }] }),
    );
    expect(result.data).toEqual({ customerId: 'c', name: 'N', language: 'fr', contacts: [{ email: 'a@b.example' }] });
  });

  it('defaults breach measures to an empty list when absent', () => {
    const { measures, ...detected } = validData['breach.detected'];
    expect(measures).toBeDefined();
    const result = parsed(event('breach.detected', detected));
    expect(result.type === 'breach.detected' && result.data.measures).toEqual([]);
  });
});

describe('instants are normalised to UTC', () => {
  it('turns an envelope timestamp with an offset into UTC', () => {
    const result = parsed({ ...event('export.completed', { customerId: 'c' }), timestamp: '2026-01-01T10:00:00+01:00' });
    expect(result.timestamp).toBe('2026-01-01T09:00:00.000Z');
  });

  it('turns a data instant with an offset into UTC', () => {
    const result = parsed(withData('breach.detected', { awareAt: '2026-01-01T10:00:00+01:00' }));
    expect(result.type).toBe('breach.detected');
    expect(result.type === 'breach.detected' && result.data.awareAt).toBe('2026-01-01T09:00:00.000Z');
  });

  it('keeps the same instant for a negative offset crossing midnight', () => {
    const result = parsed(withData('contract.terminated', { terminatedAt: '2026-06-30T22:30:00-05:00' }));
    expect(result.type === 'contract.terminated' && result.data.terminatedAt).toBe('2026-07-01T03:30:00.000Z');
  });

  it('refuses an envelope timestamp without a time zone', () => {
    expect(problemPaths({ ...event('export.completed', { customerId: 'c' }), timestamp: '2026-01-01T10:00:00' })).toEqual([
      'timestamp',
    ]);
  });

  it('refuses a data instant without a time zone', () => {
    expect(problemPaths(withData('dsr.received', { receivedAt: '2026-01-05T07:00:00' }))).toEqual(['data.receivedAt']);
  });

  it('refuses a date where an instant is needed', () => {
    expect(problemPaths(withData('subprocessor.changed', { effectiveAt: '2026-03-01' }))).toEqual(['data.effectiveAt']);
  });
});

describe('unknown fields are accepted and dropped', () => {
  it('drops unknown fields of data, of nested objects and of the envelope', () => {
    const body = {
      ...withData('audit.requested', { priority: 'high', auditor: { name: 'Audit BV', badge: 7 } }),
      deliveryAttempt: 3,
    };
    const result = parsed(body);
    expect(result).toEqual({
      type: 'audit.requested',
      timestamp: '2026-01-05T09:30:00.000Z',
      data: { auditId: 'audit-1', customerId: 'cust-1', proposedDate: '2026-04-14', auditor: { name: 'Audit BV' } },
    });
  });
});

describe('bad inputs are refused with the path of the problem', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['customer.upserted without contacts', withData('customer.upserted', { contacts: [] }), 'data.contacts'],
    ['a language other than nl, fr or en', withData('customer.upserted', { language: 'de' }), 'data.language'],
    ['a contact without a valid email', withData('customer.upserted', { contacts: [{ email: 'not-an-email' }] }), 'data.contacts.0.email'],
    ['an unknown time zone', withData('customer.upserted', { timezone: 'Europe/Atlantis' }), 'data.timezone'],
    ['a breach notice of zero hours', withData('customer.upserted', { contract: { breachNoticeHours: 0 } }), 'data.contract.breachNoticeHours'],
    ['an id with a space', withData('customer.upserted', { customerId: 'cust 1' }), 'data.customerId'],
    ['an id of 65 characters', withData('export.completed', { customerId: 'a'.repeat(65) }), 'data.customerId'],
    ['an empty id', withData('breach.acknowledged', { incidentId: '' }), 'data.incidentId'],
    ['an id with a slash', withData('dsr.instructed', { requestId: 'dsr/42' }), 'data.requestId'],
    ['a breach without affected customers', withData('breach.detected', { affectedCustomerIds: [] }), 'data.affectedCustomerIds'],
    ['a breach without data categories', withData('breach.detected', { dataCategories: [] }), 'data.dataCategories'],
    ['an unknown request type', withData('dsr.received', { requestType: 'deletion' }), 'data.requestType'],
    ['an unknown instruction', withData('dsr.instructed', { instruction: 'ignore' }), 'data.instruction'],
    ['an unknown authority request kind', withData('authority.requested', { requestKind: 'raid' }), 'data.requestKind'],
    ['a lowercase country code', withData('subprocessor.changed', { subprocessor: { ...(validData['subprocessor.changed'].subprocessor as object), country: 'ie' } }), 'data.subprocessor.country'],
    ['an unknown safeguard', withData('subprocessor.changed', { subprocessor: { ...(validData['subprocessor.changed'].subprocessor as object), safeguard: 'trust-us' } }), 'data.subprocessor.safeguard'],
    ['an unknown subprocessor action', withData('subprocessor.changed', { action: 'renamed' }), 'data.action'],
    ['an objection with empty reasons', withData('subprocessor.objected', { reasons: '' }), 'data.reasons'],
    ['an objection with reasons of only spaces', withData('subprocessor.objected', { reasons: '   ' }), 'data.reasons'],
    ['an audit on 30 February', withData('audit.requested', { proposedDate: '2026-02-30' }), 'data.proposedDate'],
    ['an audit date without dashes', withData('audit.requested', { proposedDate: '20260101' }), 'data.proposedDate'],
    ['an audit without an auditor name', withData('audit.requested', { auditor: { email: 'a@b.example' } }), 'data.auditor.name'],
    ['an export window of more than a year', withData('contract.terminated', { exportWindowDays: 366 }), 'data.exportWindowDays'],
    ['an unknown event type', event('customer.deleted', { customerId: 'c' }), 'type'],
    ['a missing data', { type: 'export.completed', timestamp }, 'data'],
    ['data that is a list', event('export.completed', [{ customerId: 'c' }]), 'data'],
    ['a missing timestamp', { type: 'export.completed', data: { customerId: 'c' } }, 'timestamp'],
  ])('refuses %s', (_rule, body, path) => {
    expect(problemPaths(body)).toEqual([path]);
  });

  it('refuses a missing required field with its path', () => {
    const { finalReport, ...data } = validData['breach.closed'];
    expect(finalReport).toBeDefined();
    expect(problemPaths(event('breach.closed', data))).toEqual(['data.finalReport']);
  });

  it('reports every problem of a body at once', () => {
    const paths = problemPaths(withData('customer.upserted', { language: 'de', contacts: [], customerId: 'a b' }));
    expect(paths.sort()).toEqual(['data.contacts', 'data.customerId', 'data.language']);
  });

  it('refuses a body that is not an object', () => {
    expect(problems('export.completed').length).toBeGreaterThan(0);
    expect(problems(null).length).toBeGreaterThan(0);
  });

  it('accepts an id of exactly 64 allowed characters', () => {
    const id = `${'a'.repeat(60)}._-9`;
    expect(id).toHaveLength(64);
    expect(parsed(withData('export.completed', { customerId: id })).data).toEqual({ customerId: id });
  });

  it('accepts 29 February in a leap year', () => {
    const result = parsed(withData('audit.requested', { proposedDate: '2028-02-29' }));
    expect(result.type === 'audit.requested' && result.data.proposedDate).toBe('2028-02-29');
  });

  it('names the accepted event types when the type is unknown', () => {
    const [problem] = problems(event('customer.deleted', {}));
    expect(problem?.message).toContain('customer.upserted');
    expect(problem?.message).toContain('export.completed');
  });

  it('gives every problem a non-empty message', () => {
    const all = [
      ...problems(withData('customer.upserted', { language: 'de', contacts: [], customerId: 'a b', timezone: 'Nowhere/City' })),
      ...problems(withData('audit.requested', { proposedDate: '20260101', auditor: {} })),
      ...problems(withData('subprocessor.objected', { reasons: '', receivedAt: '2026-01-20 12:00' })),
      ...problems({ type: 'nope', timestamp: 'yesterday' }),
    ];
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const problem of all) {
      expect(problem.path).not.toBe('');
      expect(problem.message.trim()).not.toBe('');
    }
  });
});
