import type { z } from 'zod';
import { Safeguard } from './events';
import adequacyDecisionList from './data/adequacy-decisions.json';

/**
 * Transfers outside the EEA (policy 6.1–6.3; GDPR Art. 44–46): which countries need no safeguard, which
 * have an adequacy decision of the European Commission, and the rule a subprocessor must pass before it
 * goes on the register.
 *
 * The lists below are data, dated by `asOf`. To update one: check the Commission's page "Adequacy
 * decisions" (commission.europa.eu, data protection > international dimension) or the EEA Agreement's
 * membership, edit the entries, set `asOf` to the day you checked, and run `npm test --
 * test/unit/transfers.test.ts`. A decision that is struck down (as Privacy Shield was in Schrems II) is
 * removed from the list, not marked: the register keeps the basis each subprocessor had when it was
 * recorded.
 */

export type TransferSafeguard = z.output<typeof Safeguard>;
export type TransferBasis = 'eea' | TransferSafeguard;
export type TransferVerdict = { ok: true; basis: TransferBasis } | { ok: false; reason: string };

/** Every officially assigned ISO 3166-1 alpha-2 code (249). User-assigned codes such as XK are not in it. */
const iso3166Alpha2 = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
   BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
   CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
   DE DJ DK DM DO DZ
   EC EE EG EH ER ES ET
   FI FJ FK FM FO FR
   GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
   HK HM HN HR HT HU
   ID IE IL IM IN IO IQ IR IS IT
   JE JM JO JP
   KE KG KH KI KM KN KP KR KW KY KZ
   LA LB LC LI LK LR LS LT LU LV LY
   MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
   NA NC NE NF NG NI NL NO NP NR NU NZ
   OM
   PA PE PF PG PH PK PL PM PN PR PS PT PW PY
   QA
   RE RO RS RU RW
   SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
   TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
   UA UG UM US UY UZ
   VA VC VE VG VI VN VU
   WF WS
   YE YT
   ZA ZM ZW`.split(/\s+/),
);

/** Codes people write that ISO 3166-1 does not assign, with the code meant. */
const commonMistakes: Record<string, string> = {
  UK: 'GB', // the United Kingdom; "UK" is only exceptionally reserved
  EL: 'GR', // Greece as EU institutions abbreviate it
};

export const isoCountryCodes: ReadonlySet<string> = iso3166Alpha2;

export interface EeaMembership {
  country: string;
  name: string;
  /** 'eu' for the 27 member states; 'efta' for the three EEA EFTA states (EEA Agreement). */
  via: 'eu' | 'efta';
}

/** 6.1: the European Economic Area: the EU 27 and Iceland, Liechtenstein, Norway. */
export const eeaMemberStates: { asOf: string; members: readonly EeaMembership[] } = {
  asOf: '2025-06-30',
  members: [
    { country: 'AT', name: 'Austria', via: 'eu' },
    { country: 'BE', name: 'Belgium', via: 'eu' },
    { country: 'BG', name: 'Bulgaria', via: 'eu' },
    { country: 'HR', name: 'Croatia', via: 'eu' },
    { country: 'CY', name: 'Cyprus', via: 'eu' },
    { country: 'CZ', name: 'Czechia', via: 'eu' },
    { country: 'DK', name: 'Denmark', via: 'eu' },
    { country: 'EE', name: 'Estonia', via: 'eu' },
    { country: 'FI', name: 'Finland', via: 'eu' },
    { country: 'FR', name: 'France', via: 'eu' },
    { country: 'DE', name: 'Germany', via: 'eu' },
    { country: 'GR', name: 'Greece', via: 'eu' },
    { country: 'HU', name: 'Hungary', via: 'eu' },
    { country: 'IE', name: 'Ireland', via: 'eu' },
    { country: 'IT', name: 'Italy', via: 'eu' },
    { country: 'LV', name: 'Latvia', via: 'eu' },
    { country: 'LT', name: 'Lithuania', via: 'eu' },
    { country: 'LU', name: 'Luxembourg', via: 'eu' },
    { country: 'MT', name: 'Malta', via: 'eu' },
    { country: 'NL', name: 'Netherlands', via: 'eu' },
    { country: 'PL', name: 'Poland', via: 'eu' },
    { country: 'PT', name: 'Portugal', via: 'eu' },
    { country: 'RO', name: 'Romania', via: 'eu' },
    { country: 'SK', name: 'Slovakia', via: 'eu' },
    { country: 'SI', name: 'Slovenia', via: 'eu' },
    { country: 'ES', name: 'Spain', via: 'eu' },
    { country: 'SE', name: 'Sweden', via: 'eu' },
    { country: 'IS', name: 'Iceland', via: 'efta' },
    { country: 'LI', name: 'Liechtenstein', via: 'efta' },
    { country: 'NO', name: 'Norway', via: 'efta' },
  ],
};

export interface AdequacyDecision {
  country: string;
  name: string;
  /** The Commission decision under Art. 45(3) (or Art. 25(6) of Directive 95/46, kept by Art. 45(9)). */
  decision: string;
  adoptedOn: string;
  /** A partial decision: whom it covers. */
  scope?: string;
  /**
   * The decision covers only organisations that qualify one by one (the United States: certification
   * under the EU-US Data Privacy Framework), so the country alone proves nothing: it is a basis only
   * when the subprocessor's safeguard is declared as 'adequacy', i.e. the processor has checked it.
   */
  onlyWhenDeclared?: boolean;
  /** Why the scope is met by every subprocessor concerned, or what an operator must check. */
  note?: string;
}

/**
 * 6.3: countries with an adequacy decision of the European Commission (Art. 45). The European Patent
 * Organisation's decision is left out: it is an international organisation, not a country a subprocessor
 * is established in. The UK's 2021 decision carries a sunset clause (extended to 27 December 2025 while
 * its renewal was prepared): confirm the renewal whenever this list is reviewed. The list is data
 * (`data/adequacy-decisions.json`), reviewed as a whole.
 */
export const adequacyDecisions: { asOf: string; decisions: readonly AdequacyDecision[] } = adequacyDecisionList;

const eeaByCountry = new Map(eeaMemberStates.members.map((member) => [member.country, member]));
const adequacyByCountry = new Map(adequacyDecisions.decisions.map((decision) => [decision.country, decision]));
const safeguards: readonly string[] = Safeguard.options;

export const isEeaMemberState = (country: string): boolean => eeaByCountry.has(country);
export const adequacyDecisionFor = (country: string): AdequacyDecision | undefined => adequacyByCountry.get(country);

const article46 = 'standard contractual clauses (scc, Decision (EU) 2021/914), binding corporate rules (bcr) or certification';

/**
 * Policy 6: may personal data go to a subprocessor established in `country` with the declared safeguard?
 *
 * - In the EEA there is no transfer: basis 'eea', whatever safeguard is declared.
 * - Outside it, a declared scc, bcr or certification is the basis (Art. 46), even where an adequacy
 *   decision exists: it is what was put in place, and it outlives a decision that is struck down.
 * - Without a declared safeguard, a country with an adequacy decision is enough (Art. 45), except where
 *   the decision covers only certified organisations (the United States): there 'adequacy' must be
 *   declared, as the processor's statement that it checked the certification.
 * - 'adequacy' declared for a country that has no decision is refused, not quietly accepted.
 * - Codes are ISO 3166-1 alpha-2 in capitals, as the event contract says: 'be' or 'UK' is refused, not
 *   guessed at, so the register never holds a code that means nothing.
 *
 * The policy text still names the 2010/87/EU clauses; they were repealed by Decision (EU) 2021/914,
 * whose clauses are the ones meant here.
 */
export function transferRule(country: string, safeguard?: TransferSafeguard): TransferVerdict {
  if (!/^[A-Z]{2}$/.test(country)) {
    return { ok: false, reason: `country "${country}" is not an ISO 3166-1 alpha-2 code in capitals, such as BE` };
  }
  if (!iso3166Alpha2.has(country)) {
    const meant = commonMistakes[country];
    return {
      ok: false,
      reason: meant
        ? `country "${country}" is not an ISO 3166-1 alpha-2 code: use ${meant}`
        : `country "${country}" is not an assigned ISO 3166-1 alpha-2 code`,
    };
  }
  if (safeguard !== undefined && !safeguards.includes(safeguard)) {
    return { ok: false, reason: `safeguard "${String(safeguard)}" is not one of ${safeguards.join(', ')}` };
  }
  if (eeaByCountry.has(country)) return { ok: true, basis: 'eea' };

  const decision = adequacyByCountry.get(country);
  if (safeguard === 'scc' || safeguard === 'bcr' || safeguard === 'certification') return { ok: true, basis: safeguard };
  if (safeguard === 'adequacy') {
    if (decision) return { ok: true, basis: 'adequacy' };
    return {
      ok: false,
      reason:
        `${country} has no adequacy decision of the European Commission (list as of ${adequacyDecisions.asOf}): ` +
        `policy 6.3 requires ${article46}`,
    };
  }
  if (decision && !decision.onlyWhenDeclared) return { ok: true, basis: 'adequacy' };
  if (decision) {
    return {
      ok: false,
      reason:
        `the adequacy decision for ${decision.name} covers only ${decision.scope}: declare the safeguard ` +
        `'adequacy' once that is confirmed for this subprocessor, or ${article46}`,
    };
  }
  return {
    ok: false,
    reason:
      `${country} is outside the EEA without an adequacy decision (list as of ${adequacyDecisions.asOf}): ` +
      `policy 6.3 requires ${article46}`,
  };
}
