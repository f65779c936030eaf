import { eventTypes, parseWebhookEvent, type EventProblem, type EventType, type WebhookEvent } from '../../domain/events';

const timestamp = '2026-01-05T09:30:00Z';
/** The delivery's signed `webhook-timestamp`: facts and the event's own timestamp may not lie after it. */
const delivery = { webhookTimestamp: new Date(timestamp) };

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
    subjectCategories: ['customers of the webshop'],
    likelyConsequences: 'Phishing attempts using the leaked addresses.',
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
  'dsr.action-completed': { requestId: 'dsr_42', action: 'erase', completedAt: '2026-01-05T09:00:00Z', note: 'Erased from every store.' },
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
  'instruction.refused': { instructionId: 'instr-3', reason: 'Our sector regulator requires it.' },
  'customer.cannot-comply': {
    noticeId: 'notice-7',
    customerId: 'cust_1',
    obligation: 'Informing data subjects (GDPR Art. 13) before collection',
    description: 'Our privacy notice is being rewritten; until 1 March it does not mention the new purpose.',
  },
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
    receivedAt: '2026-01-04T12:00:00Z',
  },
  'subprocessor.remedy-answered': {
    changeId: 'chg-9',
    customerId: 'cust-2',
    accepted: false,
    reason: 'The change would cost us a feature.',
  },
  'subprocessor.services-terminated': { changeId: 'chg-9', customerId: 'cust-2', services: ['transactional email'] },
  'audit.requested': {
    auditId: 'audit-1',
    customerId: 'cust-1',
    proposedDate: '2026-04-14',
    auditor: { name: 'Audit BV', email: 'auditor@audit.example', organisation: 'Audit BV' },
    scope: 'Access control of the hosting platform',
  },
  'audit.date-proposed': { auditId: 'audit-1', proposedDate: '2026-05-04' },
  'audit.confidentiality-confirmed': { auditId: 'audit-1', reference: 'NDA 2026-17' },
  'audit.cancelled': { auditId: 'audit-1', reason: 'The audit is postponed to next year.' },
  'contract.terminated': { customerId: 'cust-1', terminatedAt: '2025-12-31T22:00:00Z', exportWindowDays: 60 },
  'contract.export-extended': { customerId: 'cust-1', extraDays: 14, reason: 'migration to a new supplier' },
  'export.completed': { customerId: 'cust-1', completedAt: '2026-01-04T10:00:00Z', deleteNow: true },
  'deletion.confirmed': {
    customerId: 'cust-1',
    store: 'backups',
    method: 'delete',
    completedAt: '2026-01-04T12:00:00Z',
    reference: 'DEL-42',
    lastCopyExpiresAt: '2026-04-01T00:00:00Z',
  },
};

function event(type: string, data: unknown): Record<string, unknown> {
  return { type, timestamp, data };
}

function parsed(body: unknown): WebhookEvent {
  const result = parseWebhookEvent(body, delivery);
  if (!result.ok) throw new Error(`expected a valid event, got ${JSON.stringify(result.problems)}`);
  return result.event;
}

function problems(body: unknown): EventProblem[] {
  const result = parseWebhookEvent(body, delivery);
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
    expect(eventTypes).toHaveLength(28);
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
    const result = parsed(event('customer.upserted', { customerId: 'c', name: 'N', language: 'fr', contacts: [{ email: 'a@b.example' }] }));
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
    const result = parsed({
      ...event('export.completed', { customerId: 'c', completedAt: '2026-01-01T08:00:00Z' }),
      timestamp: '2026-01-01T10:00:00+01:00',
    });
    expect(result.timestamp).toBe('2026-01-01T09:00:00.000Z');
  });

  it('turns a data instant with an offset into UTC', () => {
    const result = parsed(withData('breach.detected', { awareAt: '2026-01-01T10:00:00+01:00' }));
    expect(result.type).toBe('breach.detected');
    expect(result.type === 'breach.detected' && result.data.awareAt).toBe('2026-01-01T09:00:00.000Z');
  });

  it('keeps the same instant for a negative offset crossing midnight', () => {
    const result = parsed(withData('contract.terminated', { terminatedAt: '2025-12-31T22:30:00-05:00' }));
    expect(result.type === 'contract.terminated' && result.data.terminatedAt).toBe('2026-01-01T03:30:00.000Z');
  });

  it('refuses an envelope timestamp without a time zone', () => {
    expect(
      problemPaths({
        ...event('export.completed', { customerId: 'c', completedAt: '2026-01-01T08:00:00Z' }),
        timestamp: '2026-01-01T10:00:00',
      }),
    ).toEqual(['timestamp']);
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
      data: {
        auditId: 'audit-1',
        customerId: 'cust-1',
        proposedDate: '2026-04-14',
        auditor: { name: 'Audit BV' },
        scope: 'Access control of the hosting platform',
      },
    });
  });
});

describe('bad inputs are refused with the path of the problem', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['customer.upserted without contacts', withData('customer.upserted', { contacts: [] }), 'data.contacts'],
    ['a language other than nl, fr or en', withData('customer.upserted', { language: 'de' }), 'data.language'],
    ['a contact without a valid email', withData('customer.upserted', { contacts: [{ email: 'not-an-email' }] }), 'data.contacts.0.email'],
    ['an unknown time zone', withData('customer.upserted', { timezone: 'Europe/Atlantis' }), 'data.timezone'],
    [
      'a breach notice of zero hours',
      withData('customer.upserted', { contract: { breachNoticeHours: 0 } }),
      'data.contract.breachNoticeHours',
    ],
    ['an id with a space', withData('customer.upserted', { customerId: 'cust 1' }), 'data.customerId'],
    ['an id of 65 characters', withData('export.completed', { customerId: 'a'.repeat(65) }), 'data.customerId'],
    ['an empty id', withData('breach.acknowledged', { incidentId: '' }), 'data.incidentId'],
    ['an id with a slash', withData('dsr.instructed', { requestId: 'dsr/42' }), 'data.requestId'],
    ['a breach without affected customers', withData('breach.detected', { affectedCustomerIds: [] }), 'data.affectedCustomerIds'],
    ['a breach without data categories', withData('breach.detected', { dataCategories: [] }), 'data.dataCategories'],
    ['an unknown request type', withData('dsr.received', { requestType: 'deletion' }), 'data.requestType'],
    ['an unknown instruction', withData('dsr.instructed', { instruction: 'ignore' }), 'data.instruction'],
    ['an unknown authority request kind', withData('authority.requested', { requestKind: 'raid' }), 'data.requestKind'],
    [
      'a lowercase country code',
      withData('subprocessor.changed', { subprocessor: { ...(validData['subprocessor.changed'].subprocessor as object), country: 'ie' } }),
      'data.subprocessor.country',
    ],
    [
      'an unknown safeguard',
      withData('subprocessor.changed', {
        subprocessor: { ...(validData['subprocessor.changed'].subprocessor as object), safeguard: 'trust-us' },
      }),
      'data.subprocessor.safeguard',
    ],
    ['an unknown subprocessor action', withData('subprocessor.changed', { action: 'renamed' }), 'data.action'],
    ['an objection with empty reasons', withData('subprocessor.objected', { reasons: '' }), 'data.reasons'],
    ['an objection with reasons of only spaces', withData('subprocessor.objected', { reasons: '   ' }), 'data.reasons'],
    ['an answer to an offer that is not a boolean', withData('subprocessor.remedy-answered', { accepted: 'yes' }), 'data.accepted'],
    ['a notice of termination naming no service', withData('subprocessor.services-terminated', { services: [] }), 'data.services'],
    [
      'a notice of termination naming an empty service',
      withData('subprocessor.services-terminated', { services: ['  '] }),
      'data.services.0',
    ],
    [
      'a notice of termination naming 101 services',
      withData('subprocessor.services-terminated', { services: Array.from({ length: 101 }, (_, i) => `service ${i}`) }),
      'data.services',
    ],
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
    expect(parsed(withData('export.completed', { customerId: id })).data).toMatchObject({ customerId: id });
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

/** Every string in a value, with its path as the problems name it. */
function stringLeaves(value: unknown, path: string[] = []): Array<{ path: string[]; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...path, key]));
  }
  return [];
}

function replacedAt(value: unknown, path: string[], replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((child, index) => (String(index) === head ? replacedAt(child, rest, replacement) : child));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replacedAt(record[head], rest, replacement) };
}

describe('texts the records could not store are refused at the door, by path', () => {
  const everyString = eventTypes.flatMap((type) => stringLeaves(validData[type]).map((leaf) => ({ type, ...leaf })));

  it('refuses a NUL in every string of every event, at its path', () => {
    const accepted = everyString.filter(({ type, path, value }) => {
      const body = event(type, replacedAt(validData[type], path, `${value.slice(0, 1)}\u0000${value.slice(1)}`));
      const result = parseWebhookEvent(body, delivery);
      return result.ok || result.problems.map((problem) => problem.path).join() !== ['data', ...path].join('.');
    });
    expect(everyString.length).toBeGreaterThan(60);
    expect(accepted.map(({ type, path }) => `${type} data.${path.join('.')}`)).toEqual([]);
  });

  it('names the field and the character: data.summary, U+0000', () => {
    expect(problems(withData('breach.detected', { summary: 'A bucket\u0000 was public.' }))).toEqual([
      { path: 'data.summary', message: 'must not contain control characters (found U+0000); of those, only tab and line feed are allowed' },
    ]);
  });

  it('names the position in a list: data.measures.2', () => {
    const measures = ['bucket made private', 'keys rotated', 'logs \u0007 reviewed'];
    expect(problems(withData('breach.detected', { measures }))).toEqual([
      { path: 'data.measures.2', message: expect.stringContaining('found U+0007') },
    ]);
  });

  it.each([
    ['U+0001', '\u0001'],
    ['U+0008', '\u0008'],
    ['U+000B (vertical tab), even at the end where it would be trimmed', 'x\u000b'],
    ['U+000C (form feed)', '\u000cx'],
    ['U+000D (a carriage return on its own)', 'one\rtwo'],
    ['U+001B (escape)', 'x\u001b[31m'],
    ['U+001F', '\u001f'],
    ['U+007F (delete)', 'x\u007f'],
  ])('refuses %s', (_name, text) => {
    const [problem, ...more] = problems(withData('breach.updated', { update: text }));
    expect(more).toEqual([]);
    expect(problem).toEqual({
      path: 'data.update',
      message: expect.stringMatching(/^must not contain control characters \(found U\+00[0-7][0-9A-F]\)/),
    });
  });

  it('refuses a lone UTF-16 surrogate, high or low, and names it; accepts a whole pair, tab and line feed', () => {
    expect(problems(withData('instruction.revised', { revision: 'half \ud83d of an emoji' }))).toEqual([
      { path: 'data.revision', message: expect.stringContaining('lone UTF-16 surrogate (found U+D83D)') },
    ]);
    expect(problems(withData('instruction.revised', { revision: 'x\ude00' }))).toEqual([
      { path: 'data.revision', message: expect.stringContaining('found U+DE00') },
    ]);
    const revision = 'Keep:\n\t• 30 days 😀\nDélai: 30 jours; 保存期間';
    const result = parsed(withData('instruction.revised', { revision }));
    expect(result.type === 'instruction.revised' && result.data.revision).toBe(revision);
  });

  it('accepts Windows line ends, stored as line feeds', () => {
    const result = parsed(withData('breach.updated', { update: 'Line one\r\nLine two\r\n', measures: ['a\r\nb'] }));
    expect(result.type === 'breach.updated' && result.data).toMatchObject({ update: 'Line one\nLine two', measures: ['a\nb'] });
  });

  it('refuses a control character in a contact name and a name', () => {
    const paths = problemPaths(
      withData('customer.upserted', { name: 'Bakkerij\u0000', contacts: [{ email: 'a@b.example', name: 'An\u0000' }] }),
    );
    expect(paths.sort()).toEqual(['data.contacts.0.name', 'data.name']);
  });

  it('refuses an email address over 254 characters, which no mail server would take', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.example`;
    expect(email.length).toBeGreaterThan(254);
    expect(problems(withData('customer.upserted', { contacts: [{ email }] }))).toEqual([
      { path: 'data.contacts.0.email', message: 'must be at most 254 characters' },
    ]);
    expect(problemPaths(withData('dsr.received', { subjectEmail: email }))).toEqual(['data.subjectEmail']);
  });

  it('refuses a number of subjects that the register (a PostgreSQL integer) cannot hold', () => {
    expect(problemPaths(withData('breach.detected', { subjectsApprox: 2 ** 31 }))).toEqual(['data.subjectsApprox']);
    const result = parsed(withData('breach.detected', { subjectsApprox: 2 ** 31 - 1 }));
    expect(result.type === 'breach.detected' && result.data.subjectsApprox).toBe(2 ** 31 - 1);
  });
});

describe('instants lie between 2000-01-01 and 2100-12-31', () => {
  const rule = 'must be between 2000-01-01 and 2100-12-31 (UTC)';

  it.each<[string, Record<string, unknown>, string]>([
    ['an awareAt in 1999', withData('breach.detected', { awareAt: '1999-12-31T23:59:59Z' }), 'data.awareAt'],
    [
      'an awareAt in 2000 by its offset but 1999 in UTC',
      withData('breach.detected', { awareAt: '2000-01-01T00:30:00+01:00' }),
      'data.awareAt',
    ],
    ['an effectiveAt in 2101', withData('subprocessor.changed', { effectiveAt: '2101-01-01T00:00:00Z' }), 'data.effectiveAt'],
    ['an effectiveAt in 9999', withData('subprocessor.changed', { effectiveAt: '9999-12-31T00:00:00Z' }), 'data.effectiveAt'],
    ['a receivedAt of the Unix epoch', withData('dsr.received', { receivedAt: '1970-01-01T00:00:00Z' }), 'data.receivedAt'],
    [
      'an envelope timestamp in 1999',
      { ...event('export.completed', { customerId: 'c', completedAt: '2026-01-01T08:00:00Z' }), timestamp: '1999-06-01T00:00:00Z' },
      'timestamp',
    ],
    ['an audit date in 2101', withData('audit.requested', { proposedDate: '2101-01-01' }), 'data.proposedDate'],
  ])('refuses %s', (_name, body, path) => {
    expect(problems(body)).toEqual([{ path, message: rule }]);
  });

  it('takes the first instant of 2000 and the last of 2100, but not the instants around them', () => {
    expect(parsed(withData('breach.detected', { awareAt: '2000-01-01T00:00:00Z' })).type).toBe('breach.detected');
    expect(problemPaths(withData('breach.detected', { awareAt: '1999-12-31T23:59:59.999Z' }))).toEqual(['data.awareAt']);
    const result = parsed(withData('subprocessor.changed', { effectiveAt: '2100-12-31T23:59:59.999Z' }));
    expect(result.type === 'subprocessor.changed' && result.data.effectiveAt).toBe('2100-12-31T23:59:59.999Z');
    expect(problemPaths(withData('subprocessor.changed', { effectiveAt: '2101-01-01T00:00:00Z' }))).toEqual(['data.effectiveAt']);
  });
});

describe('nothing is stamped after the delivery that carries it', () => {
  const webhookTimestamp = new Date('2026-01-05T09:30:00Z');
  const at = (ms: number) => new Date(webhookTimestamp.getTime() + ms).toISOString();
  const fiveMinutes = 5 * 60 * 1000;
  const parse = (body: unknown) => parseWebhookEvent(body, { webhookTimestamp });

  it('refuses an event timestamp more than 5 minutes after the webhook-timestamp header, naming timestamp; up to 5 minutes is clocks differing', () => {
    const result = parse({ ...event('customer.upserted', validData['customer.upserted']), timestamp: at(fiveMinutes + 1000) });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'timestamp',
          message: expect.stringMatching(
            /^must not be more than 5 minutes after the webhook-timestamp header \(2026-01-05T09:30:00.000Z\)/,
          ),
        },
      ],
    });
    for (const timestamp of [at(fiveMinutes), at(-24 * 3600 * 1000)]) {
      expect(parse({ ...event('customer.upserted', validData['customer.upserted']), timestamp }).ok).toBe(true);
    }
  });

  it.each<[EventType, string]>([
    ['breach.detected', 'awareAt'],
    ['dsr.received', 'receivedAt'],
    ['dsr.action-completed', 'completedAt'],
    ['authority.requested', 'receivedAt'],
    ['subprocessor.objected', 'receivedAt'],
    ['contract.terminated', 'terminatedAt'],
  ])('refuses a %s whose %s has not happened yet, and accepts one 5 minutes ahead', (type, field) => {
    const later = parse({ ...event(type, { ...validData[type], [field]: at(fiveMinutes + 1000) }) });
    expect(later).toEqual({ ok: false, problems: [{ path: `data.${field}`, message: expect.stringContaining('already happened') }] });
    expect(parse(event(type, { ...validData[type], [field]: at(fiveMinutes) })).ok).toBe(true);
  });

  it('refuses a future awareAt, but takes a subprocessor change that takes effect in a month: that is not a fact yet', () => {
    expect(parse(event('breach.detected', { ...validData['breach.detected'], awareAt: at(30 * 24 * 3600 * 1000) })).ok).toBe(false);
    expect(parse(event('subprocessor.changed', { ...validData['subprocessor.changed'], effectiveAt: at(30 * 24 * 3600 * 1000) })).ok).toBe(
      true,
    );
  });

  it('reports a future fact together with the other problems of the body', () => {
    const result = parse({
      ...event('breach.detected', { ...validData['breach.detected'], awareAt: at(3600 * 1000), summary: '' }),
      timestamp: at(3600 * 1000),
    });
    expect(!result.ok && result.problems.map((problem) => problem.path).sort()).toEqual(['data.awareAt', 'data.summary', 'timestamp']);
  });
});
