import { z } from 'zod';
import { idPattern, idRule } from './ids';
import { languages } from './language';

/**
 * The webhook events of the public contract (PRODUCT.md). Each schema checks the `data` of one event
 * type; fields beyond these are allowed (the product may add some) and are dropped.
 * Validation happens here, at the edge; workflows trust their typed input.
 */

export const Id = z.string().regex(idPattern, idRule);
export const Language = z.enum(languages);

const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' });

/**
 * Instants and dates the records accept. Outside these, a date is a typo (20260 for 2026, 1970 for an
 * unset clock) that would set a deadline decades away; refused at the door rather than carried for years.
 */
export const earliestDate = '2000-01-01';
export const latestDate = '2100-12-31';
const dateBoundsRule = `must be between ${earliestDate} and ${latestDate} (UTC)`;
const withinDateBounds = (iso: string) => iso.slice(0, 10) >= earliestDate && iso.slice(0, 10) <= latestDate;

const LocalDate = z.iso
  .date({ message: 'must be a date as YYYY-MM-DD' })
  .refine(withinDateBounds, { message: dateBoundsRule, when: (payload) => payload.issues.length === 0 });

/**
 * What PostgreSQL cannot store, or what no reader can see: control characters other than tab and line
 * feed (NUL is refused by PostgreSQL's text and jsonb), and UTF-16 surrogates that are not part of a
 * pair (they have no UTF-8 form). Checked on every text of every event, so that an accepted event can
 * always be written later. Windows line ends (CRLF) are turned into LF first; a CR on its own is refused.
 */
function isForbidden(codePoint: number): boolean {
  const control = (codePoint <= 0x1f && codePoint !== 0x09 && codePoint !== 0x0a) || codePoint === 0x7f;
  // A string iterated by code point yields a surrogate only when it has no partner.
  const loneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return control || loneSurrogate;
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** Why `text` (line ends already normalised) cannot be stored, or undefined when it can. */
export function forbiddenCharacterProblem(text: string): string | undefined {
  let found: number | undefined;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (isForbidden(codePoint)) {
      found = codePoint;
      break;
    }
  }
  if (found === undefined) return undefined;
  const codePoint = `U+${found.toString(16).toUpperCase().padStart(4, '0')}`;
  return found >= 0xd800
    ? `must not contain a lone UTF-16 surrogate (found ${codePoint}): it cannot be stored as UTF-8`
    : `must not contain control characters (found ${codePoint}); of those, only tab and line feed are allowed`;
}

const refuseForbiddenCharacters = (text: string, ctx: z.core.$RefinementCtx<string>) => {
  const problem = forbiddenCharacterProblem(text);
  // One problem per field: the control character, not also "empty" for a text of only \v.
  if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
};

const Text = (max: number) =>
  z.string().overwrite(normaliseLineEnds).superRefine(refuseForbiddenCharacters).trim().min(1, 'must not be empty').max(max);
/** RFC 5321: an address longer than 254 characters cannot be delivered. */
const Email = z.email('must be an email address').max(254, 'must be at most 254 characters');
const TimeZone = z.string().refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Brussels');
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BE');

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Instants are stored in UTC: an offset given by the product is normalised away at the edge. */
const UtcInstant = Instant.transform((value) => new Date(value).toISOString()).refine(withinDateBounds, dateBoundsRule);

export const Contact = z.object({ email: Email, name: Text(200).optional() });
export type Contact = z.infer<typeof Contact>;

export const ContractSettings = z.object({
  /** 8.1: a contract may set a firm number of hours for a breach notice. */
  breachNoticeHours: z
    .number()
    .int()
    .positive()
    .max(24 * 30)
    .optional(),
  /** 11.1: the period to export data after the end of the contract. */
  exportWindowDays: z.number().int().positive().max(365).optional(),
});
export type ContractSettings = z.infer<typeof ContractSettings>;

export const CustomerUpserted = z.object({
  customerId: Id,
  name: Text(200),
  language: Language,
  contacts: z.array(Contact).min(1, 'at least one contact is needed').max(50),
  timezone: TimeZone.optional(),
  contract: ContractSettings.optional(),
});

/**
 * Art. 33(3)(a): an approximate number (of data subjects, of records), kept in the register's integer
 * column (PostgreSQL integer: at most 2,147,483,647).
 */
const ApproximateCount = z.number().int().nonnegative().max(2_147_483_647);
/** Art. 33(3)(a): the categories of personal data, or of data subjects, concerned. */
const Categories = z.array(Text(200)).max(100);

export const BreachDetected = z.object({
  incidentId: Id,
  awareAt: UtcInstant,
  /** 8.1: found, or "redelijkerwijs vermoed" (reasonably suspected); a later breach.updated assesses it. */
  suspected: z.boolean().optional(),
  summary: Text(5000),
  dataCategories: z.array(Text(200)).min(1, 'name at least one category of personal data').max(100),
  /** Kept in the register's integer column (PostgreSQL integer: at most 2,147,483,647). */
  subjectsApprox: z.number().int().nonnegative().max(2_147_483_647).optional(),
  /** Art. 33(3)(a)-(c): known at detection or not; the notice says "not yet known" without them. */
  subjectCategories: Categories.optional(),
  recordsApprox: ApproximateCount.optional(),
  likelyConsequences: Text(5000).optional(),
  measures: z.array(Text(2000)).max(100).default([]),
  affectedCustomerIds: z.array(Id).min(1, 'at least one affected customer is needed').max(10000),
});

export const BreachUpdated = z.object({
  incidentId: Id,
  update: Text(5000),
  measures: z.array(Text(2000)).max(100).default([]),
  contained: z.boolean().optional(),
  /** 8.1: a breach notified as suspected is confirmed or ruled out, once (409 otherwise). */
  assessment: z.enum(['confirmed', 'ruled-out']).optional(),
  /** Art. 33(3)(a), (c) and 33(4): facts that arrive in phases; each given replaces what was known of it. */
  dataCategories: Categories.min(1, 'name at least one category of personal data').optional(),
  subjectCategories: Categories.optional(),
  subjectsApprox: ApproximateCount.optional(),
  recordsApprox: ApproximateCount.optional(),
  likelyConsequences: Text(5000).optional(),
});

export const BreachAcknowledged = z.object({ incidentId: Id, customerId: Id });
export const BreachClosed = z.object({ incidentId: Id, finalReport: Text(20000) });

export const DsrReceived = z.object({
  requestId: Id,
  customerId: Id,
  receivedAt: UtcInstant,
  requestType: z.enum(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']),
  subjectEmail: Email.optional(),
});

export const DsrInstructed = z.object({
  requestId: Id,
  instruction: z.enum(['respond', 'rectify', 'erase', 'restrict', 'handled-by-customer']),
  note: Text(5000).optional(),
});

/** Added to the contract: the customer asks for the Art. 12(3) extension of up to two more months. */
export const DsrExtensionRequested = z.object({
  requestId: Id,
  extraMonths: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2 (months)' }),
  reason: Text(5000).optional(),
});

/** Added to the contract: the product confirms that it carried out an action we asked it for. */
export const DsrActionCompleted = z.object({
  requestId: Id,
  /** `respond`: the product gathered what the customer needs to answer the subject. */
  action: z.enum(['respond', 'rectify', 'erase', 'restrict']),
  completedAt: UtcInstant,
  note: Text(5000).optional(),
});

export const AuthorityRequested = z
  .object({
    requestId: Id,
    customerIds: z.array(Id).min(1).max(10000),
    authority: Text(300),
    requestKind: z.enum(['information', 'subpoena', 'inspection', 'disclosure-intent']),
    receivedAt: UtcInstant,
    disclosureProhibited: z.boolean().optional(),
    /** Art. 28(3)(a): the legal provision or order that forbids telling the customers; without it, recorded within a working day. */
    prohibitionBasis: Text(2000).optional(),
  })
  .refine((data) => data.prohibitionBasis === undefined || data.disclosureProhibited === true, {
    path: ['prohibitionBasis'],
    message: 'is the basis of a prohibition to tell the customers: send it only with disclosureProhibited: true',
  });

/** Added to the contract: a customer's view on the scope and manner of an intended disclosure (7.1). */
export const AuthorityCustomerResponded = z.object({
  requestId: Id,
  customerId: Id,
  view: Text(10000),
  objectsToDisclosure: z.boolean().optional(),
});

export const InstructionFlagged = z.object({
  instructionId: Id,
  customerId: Id,
  instruction: Text(5000),
  reason: Text(5000),
});
export const InstructionRevised = z.object({ instructionId: Id, revision: Text(5000) });
/** Added to the contract: the customer maintains its instruction and guarantees its lawfulness (3.3). */
export const InstructionConfirmed = z.object({ instructionId: Id, guarantee: Text(5000) });
/**
 * Added to the contract (3.4): the customer tells the processor, "onverwijld", that it cannot meet its
 * responsibilities under section 3 of the policy or the privacy law: which (`obligation`), and why or
 * what it does about it (`description`).
 */
export const CustomerCannotComply = z.object({
  noticeId: Id,
  customerId: Id,
  obligation: Text(1000),
  description: Text(10000).optional(),
});
/** Added to the contract: the customer refuses to change the instruction (3.2 "weigert … te wijzigen"): it is suspended. */
export const InstructionRefused = z.object({ instructionId: Id, reason: Text(5000).optional() });

export const Safeguard = z.enum(['adequacy', 'scc', 'bcr', 'certification']);
export const SubprocessorChanged = z.object({
  changeId: Id,
  action: z.enum(['added', 'replaced', 'removed']),
  subprocessor: z.object({
    id: Id,
    name: Text(200),
    country: CountryCode,
    purpose: Text(1000),
    safeguard: Safeguard.optional(),
  }),
  replaces: Id.optional(),
  effectiveAt: UtcInstant,
  customerIds: z.array(Id).min(1).max(100000).optional(),
  /**
   * 5.2: a change that takes effect before its customers' objection windows can close is taken only
   * as urgent, with the reason why it cannot wait (domain/subprocessor-change.ts `refuseEarlyEffect`).
   */
  urgent: z.object({ reason: Text(2000) }).optional(),
});

export const SubprocessorObjected = z.object({
  changeId: Id,
  customerId: Id,
  reasons: Text(10000),
  receivedAt: UtcInstant,
});

/** The customer's answer to the change offered after its objection (5.3). */
export const SubprocessorRemedyAnswered = z.object({
  changeId: Id,
  customerId: Id,
  accepted: z.boolean(),
  reason: Text(5000).optional(),
});

/** 5.3: the customer's written notice that it terminates the services affected by the change it objected to. */
export const SubprocessorServicesTerminated = z.object({
  changeId: Id,
  customerId: Id,
  services: z.array(Text(1000)).min(1).max(100),
});

export const AuditRequested = z.object({
  auditId: Id,
  customerId: Id,
  proposedDate: LocalDate,
  /** Personal data: kept in the records (audit_requests), never in Temporal. */
  auditor: z.object({ name: Text(200), email: Email.optional(), organisation: Text(200).optional() }),
  /** What the customer means to inspect (12.1), as it words it. */
  scope: Text(5000).optional(),
});
/** Added to the contract: the customer proposes another date (12.2), or moves the date fixed. */
export const AuditDateProposed = z.object({ auditId: Id, proposedDate: LocalDate });
/** Added to the contract: the customer confirms that its auditors are bound to confidentiality (12.3). */
export const AuditConfidentialityConfirmed = z.object({ auditId: Id, reference: Text(500).optional() });
/** Added to the contract: the customer calls the audit off. */
export const AuditCancelled = z.object({ auditId: Id, reason: Text(5000).optional() });

export const ContractTerminated = z.object({
  customerId: Id,
  terminatedAt: UtcInstant,
  exportWindowDays: z.number().int().positive().max(365).optional(),
});
/** Added to the contract (11.2): the customer's export window extended by some days. */
export const ContractExportExtended = z.object({
  customerId: Id,
  extraDays: z.number().int().positive().max(365),
  reason: Text(5000).optional(),
});
/** 11.2: the customer finished its export; `deleteNow: true` is its written choice to waive the rest of the window. */
export const ExportCompleted = z.object({ customerId: Id, completedAt: UtcInstant, deleteNow: z.boolean().optional() });
/** Added to the contract (11.3): one store of the product deleted or anonymised the customer's personal data. */
export const DeletionConfirmed = z.object({
  customerId: Id,
  store: Id,
  method: z.enum(['delete', 'anonymise']),
  completedAt: UtcInstant,
  reference: Text(200),
  /** Backups: when the last copy holding the data expires. */
  lastCopyExpiresAt: UtcInstant.optional(),
});

/** Every event type of the contract, with the schema of its `data`. */
export const eventSchemas = {
  'customer.upserted': CustomerUpserted,
  'breach.detected': BreachDetected,
  'breach.updated': BreachUpdated,
  'breach.acknowledged': BreachAcknowledged,
  'breach.closed': BreachClosed,
  'dsr.received': DsrReceived,
  'dsr.instructed': DsrInstructed,
  'dsr.extension-requested': DsrExtensionRequested,
  'dsr.action-completed': DsrActionCompleted,
  'authority.requested': AuthorityRequested,
  'authority.customer-responded': AuthorityCustomerResponded,
  'instruction.flagged': InstructionFlagged,
  'instruction.revised': InstructionRevised,
  'instruction.confirmed': InstructionConfirmed,
  'instruction.refused': InstructionRefused,
  'customer.cannot-comply': CustomerCannotComply,
  'subprocessor.changed': SubprocessorChanged,
  'subprocessor.objected': SubprocessorObjected,
  'subprocessor.remedy-answered': SubprocessorRemedyAnswered,
  'subprocessor.services-terminated': SubprocessorServicesTerminated,
  'audit.requested': AuditRequested,
  'audit.date-proposed': AuditDateProposed,
  'audit.confidentiality-confirmed': AuditConfidentialityConfirmed,
  'audit.cancelled': AuditCancelled,
  'contract.terminated': ContractTerminated,
  'contract.export-extended': ContractExportExtended,
  'export.completed': ExportCompleted,
  'deletion.confirmed': DeletionConfirmed,
} as const;

export type EventType = keyof typeof eventSchemas;
export const eventTypes = Object.keys(eventSchemas) as EventType[];
export type EventData<T extends EventType> = z.output<(typeof eventSchemas)[T]>;

export type WebhookEvent = { [T in EventType]: { type: T; timestamp: string; data: EventData<T> } }[EventType];

const Envelope = z.object({
  type: z.enum(eventTypes as [EventType, ...EventType[]], {
    message: `must be one of: ${eventTypes.join(', ')}`,
  }),
  timestamp: UtcInstant,
  data: z.record(z.string(), z.unknown()),
});

export interface EventProblem {
  path: string;
  message: string;
}

export type ParsedEvent = { ok: true; event: WebhookEvent } | { ok: false; problems: EventProblem[] };

/**
 * How far the product's clock may run ahead of the delivery's signed `webhook-timestamp`: the tolerance
 * Standard Webhooks gives the header itself.
 */
export const clockSkewToleranceMs = 5 * 60 * 1000;

/** Facts the event reports as having happened: they cannot lie after the delivery that reports them. */
const factInstants: Partial<Record<EventType, readonly string[]>> = {
  'breach.detected': ['awareAt'],
  'dsr.received': ['receivedAt'],
  'dsr.action-completed': ['completedAt'],
  'authority.requested': ['receivedAt'],
  'subprocessor.objected': ['receivedAt'],
  'contract.terminated': ['terminatedAt'],
  'export.completed': ['completedAt'],
  'deletion.confirmed': ['completedAt'],
};

/**
 * Checks a webhook body against the contract; problems come back as zod issues (path and message).
 * `webhookTimestamp` is the delivery's signed `webhook-timestamp`: the event's own timestamp and the
 * facts it reports may not lie more than `clockSkewToleranceMs` after it. A description stamped in the
 * future would outrank every later one (the newest timestamp wins) and lock the customer's record.
 */
export function parseWebhookEvent(body: unknown, delivery: { webhookTimestamp: Date }): ParsedEvent {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return { ok: false, problems: toProblems(envelope.error.issues, []) };
  const { type, timestamp } = envelope.data;
  const latest = delivery.webhookTimestamp.getTime() + clockSkewToleranceMs;
  const notAfterDelivery = (path: string, instant: string, what: string): EventProblem[] =>
    Date.parse(instant) > latest
      ? [
          {
            path,
            message: `must not be more than 5 minutes after the webhook-timestamp header (${delivery.webhookTimestamp.toISOString()}): ${what}`,
          },
        ]
      : [];
  const problems = notAfterDelivery('timestamp', timestamp, 'an event cannot be stamped in the future');

  const data = eventSchemas[type].safeParse(envelope.data.data);
  if (!data.success) problems.push(...toProblems(data.error.issues, ['data']));
  // Checked even when other fields fail, so that every problem of the body comes back at once.
  for (const field of factInstants[type] ?? []) {
    const instant = UtcInstant.safeParse(envelope.data.data[field]);
    if (instant.success)
      problems.push(...notAfterDelivery(`data.${field}`, instant.data, 'it reports something that has already happened'));
  }
  if (problems.length > 0 || !data.success) return { ok: false, problems };
  return { ok: true, event: { type, timestamp, data: data.data } as WebhookEvent };
}
function toProblems(issues: z.core.$ZodIssue[], prefix: PropertyKey[]): EventProblem[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}
