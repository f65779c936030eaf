/**
 * The subprocessor register over HTTP (policy 5.2 and Bijlage III; GDPR Art. 28(2)): the dated list as
 * it stood at any instant, the changes since any instant, and a page a privacy operator can send to a
 * customer. Bijlage III asks for each subprocessor's name, country, whether it is inside the EEA and,
 * outside it, the safeguard; 5.2 asks that changes be clearly marked, with the date the list was updated
 * and the date each change took or takes effect.
 *
 * Public, unlike the operator routes: the register holds no personal data and is meant for customers.
 * Nothing here writes; changes reach the register only through `subprocessor.changed` webhooks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addCalendarMonths, localDateOf, startOfLocalDate } from '../../../domain/clocks';
import type { Records } from '../../../records';
import { renderSubprocessorRegisterHtml } from './page';
import { BadQuery, readLanguage, readRegisterInstant, registerTimeZone, single, type Query } from './query';
import { describeChanges, registerEntry } from './view';

/** The start of the Unix epoch: `since` left out means every change ever recorded. */
const beginning = '1970-01-01T00:00:00.000Z';

/** How far back the HTML page shows changes when no `since` is given. */
const defaultChangeMonths = 12;

/** Runs a handler; a query it cannot read is answered 400 with the reason, before anything is read. */
function answering(handler: (query: Query, reply: FastifyReply) => Promise<unknown>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(request.query as Query, reply);
    } catch (error) {
      if (error instanceof BadQuery) return reply.code(400).send({ error: error.message });
      throw error;
    }
  };
}

export function registerSubprocessorRegisterRoutes(app: FastifyInstance, deps: { records: Records }): void {
  const register = deps.records.subprocessors;
  const asOfFrom = (query: Query) => {
    const raw = single(query, 'asOf');
    return raw === undefined ? new Date().toISOString() : readRegisterInstant('asOf', raw, 'end');
  };

  app.get(
    '/subprocessors',
    answering(async (query) => {
      const asOf = asOfFrom(query);
      return { asOf, subprocessors: (await register.listAsOf(asOf)).map(registerEntry) };
    }),
  );

  app.get(
    '/subprocessors/changes',
    answering(async (query) => {
      const raw = single(query, 'since');
      const since = raw === undefined ? beginning : readRegisterInstant('since', raw, 'start');
      return { since, changes: await describeChanges(deps.records, await register.changesSince(since)) };
    }),
  );

  app.get(
    '/subprocessors.html',
    answering(async (query, reply) => {
      const language = readLanguage(query);
      const asOf = asOfFrom(query);
      const rawSince = single(query, 'since');
      // Without `since`, the twelve months before asOf, from the start of that day in Brussels: a page
      // that stays short for a long-lived register and still shows every change a customer was told of
      // in the past year.
      const since =
        rawSince === undefined
          ? addCalendarMonths(
              startOfLocalDate(localDateOf(asOf, registerTimeZone), registerTimeZone),
              -defaultChangeMonths,
              registerTimeZone,
            )
          : readRegisterInstant('since', rawSince, 'start');
      if (Date.parse(since) > Date.parse(asOf)) throw new BadQuery(`since (${since}) is after asOf (${asOf})`);

      // The page is the register as it stood at asOf: changes announced later are not on it yet.
      const announcedByAsOf = (await register.changesSince(beginning)).filter(
        (change) => Date.parse(change.announcedAt) <= Date.parse(asOf),
      );
      const inPeriod = announcedByAsOf.filter((change) => Date.parse(change.announcedAt) >= Date.parse(since));
      const html = renderSubprocessorRegisterHtml({
        language,
        asOf,
        since,
        lastUpdatedAt: announcedByAsOf.at(-1)?.announcedAt ?? null,
        subprocessors: (await register.listAsOf(asOf)).map(registerEntry),
        changes: await describeChanges(deps.records, inPeriod),
      });
      return (
        reply
          .type('text/html; charset=utf-8')
          // Defence in depth behind the escaping: the page needs its inline style and nothing else.
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(html)
      );
    }),
  );
}
