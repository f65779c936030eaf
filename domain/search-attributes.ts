import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What operators filter on in the Web UI. Never personal data: ids, states and instants only.
 * Registered on the embedded dev server at start (client/embedded/temporal-dev-server.ts) and listed
 * in the README for a real cluster (`temporal operator search-attribute create`).
 */
export const searchAttributes = {
  process: defineSearchAttributeKey('DpaProcess', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('DpaStatus', SearchAttributeType.KEYWORD),
  customerIds: defineSearchAttributeKey('DpaCustomerIds', SearchAttributeType.KEYWORD_LIST),
  nextDeadline: defineSearchAttributeKey('DpaNextDeadline', SearchAttributeType.DATETIME),
  /** Internal alerts the privacy team's address refused, still being retried: a fault of ours to fix. */
  undeliveredAlerts: defineSearchAttributeKey('DpaUndeliveredAlerts', SearchAttributeType.INT),
  /** A subprocessor change: its customers' windows still open, and the objections taken (SQL visibility has three Int slots). */
  openWindows: defineSearchAttributeKey('DpaOpenWindows', SearchAttributeType.INT),
  objections: defineSearchAttributeKey('DpaObjections', SearchAttributeType.INT),
} as const;

export const searchAttributeRegistrations: Record<string, 'Keyword' | 'KeywordList' | 'Datetime' | 'Int'> = {
  DpaProcess: 'Keyword',
  DpaStatus: 'Keyword',
  DpaCustomerIds: 'KeywordList',
  DpaNextDeadline: 'Datetime',
  DpaUndeliveredAlerts: 'Int',
  DpaOpenWindows: 'Int',
  DpaObjections: 'Int',
};

/** A breach may concern thousands of customers; beyond this many the list is left to the children. */
export const maxCustomerIdsInSearchAttribute = 50;
