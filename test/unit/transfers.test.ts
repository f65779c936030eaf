import {
  adequacyDecisionFor,
  adequacyDecisions,
  eeaMemberStates,
  isEeaMemberState,
  isoCountryCodes,
  transferRule,
} from '../../domain/transfers';

const eu27 = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
const article46 = ['scc', 'bcr', 'certification'] as const;

describe('the EEA (6.1)', () => {
  it('is the EU 27 and Iceland, Liechtenstein, Norway', () => {
    const members = eeaMemberStates.members.map((m) => m.country);
    expect(new Set(members).size).toBe(30);
    expect([...members].sort()).toEqual([...eu27, 'IS', 'LI', 'NO'].sort());
    expect(
      eeaMemberStates.members
        .filter((m) => m.via === 'efta')
        .map((m) => m.country)
        .sort(),
    ).toEqual(['IS', 'LI', 'NO']);
  });

  it.each([...eu27, 'IS', 'LI', 'NO'])('%s is in it: no transfer, no safeguard needed', (country) => {
    expect(isEeaMemberState(country)).toBe(true);
    expect(transferRule(country)).toEqual({ ok: true, basis: 'eea' });
  });

  it('stays the basis whatever safeguard is declared', () => {
    for (const safeguard of ['adequacy', ...article46] as const) {
      expect(transferRule('BE', safeguard)).toEqual({ ok: true, basis: 'eea' });
    }
  });

  it('does not include Switzerland, the United Kingdom or the United States', () => {
    for (const country of ['CH', 'GB', 'US']) expect(isEeaMemberState(country)).toBe(false);
  });
});

describe('adequacy decisions (6.3, Art. 45)', () => {
  it('are the fifteen country decisions, without the European Patent Organisation', () => {
    expect(adequacyDecisions.decisions.map((d) => d.country).sort()).toEqual(
      ['AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'US', 'UY'].sort(),
    );
  });

  it('each name a decision, its adoption date and a country code that exists outside the EEA', () => {
    for (const d of adequacyDecisions.decisions) {
      expect(isoCountryCodes.has(d.country)).toBe(true);
      expect(isEeaMemberState(d.country)).toBe(false);
      expect(d.decision).toMatch(/Decision/);
      expect(d.adoptedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('record whom the partial ones cover', () => {
    expect(adequacyDecisionFor('CA')?.scope).toMatch(/commercial organisations/);
    expect(adequacyDecisionFor('JP')?.scope).toMatch(/private sector/);
    expect(adequacyDecisionFor('US')?.scope).toMatch(/Data Privacy Framework/);
    expect(adequacyDecisionFor('US')?.onlyWhenDeclared).toBe(true);
    expect(adequacyDecisionFor('CH')?.scope).toBeUndefined();
  });

  it.each(['AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'UY'])(
    '%s is enough without a declared safeguard',
    (country) => {
      expect(transferRule(country)).toEqual({ ok: true, basis: 'adequacy' });
      expect(transferRule(country, 'adequacy')).toEqual({ ok: true, basis: 'adequacy' });
    },
  );

  it('for the United States only when the subprocessor is declared covered (DPF certification)', () => {
    const undeclared = transferRule('US');
    expect(undeclared.ok).toBe(false);
    expect(!undeclared.ok && undeclared.reason).toMatch(/covers only organisations certified under the EU-US Data Privacy Framework/);
    expect(transferRule('US', 'adequacy')).toEqual({ ok: true, basis: 'adequacy' });
    expect(transferRule('US', 'scc')).toEqual({ ok: true, basis: 'scc' });
  });

  it('give way to a declared Art. 46 safeguard, which is recorded as the basis', () => {
    expect(transferRule('CH', 'bcr')).toEqual({ ok: true, basis: 'bcr' });
    expect(transferRule('JP', 'scc')).toEqual({ ok: true, basis: 'scc' });
  });
});

describe('a third country without an adequacy decision (6.3)', () => {
  it.each(['IN', 'BR', 'AU', 'CN', 'SG'])('%s is refused without a safeguard', (country) => {
    const verdict = transferRule(country);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain(`${country} is outside the EEA without an adequacy decision`);
    expect(!verdict.ok && verdict.reason).toContain('2021/914');
  });

  it.each(article46)('is allowed with %s, which becomes the basis', (safeguard) => {
    expect(transferRule('IN', safeguard)).toEqual({ ok: true, basis: safeguard });
  });

  it('is refused when adequacy is claimed for it', () => {
    const verdict = transferRule('IN', 'adequacy');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toBe(
      `IN has no adequacy decision of the European Commission (list as of ${adequacyDecisions.asOf}): ` +
        'policy 6.3 requires standard contractual clauses (scc, Decision (EU) 2021/914), binding corporate rules (bcr) or certification',
    );
  });
});

describe('country codes', () => {
  it('are the 249 assigned ISO 3166-1 alpha-2 codes', () => {
    expect(isoCountryCodes.size).toBe(249);
    for (const code of isoCountryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(['be', 'Be', 'BEL', 'B', '', ' BE', '12'])('refuse %p as not a capitalised alpha-2 code', (country) => {
    const verdict = transferRule(country, 'scc');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain('is not an ISO 3166-1 alpha-2 code in capitals');
  });

  it.each(['XK', 'ZZ', 'QQ', 'EU'])('refuse %s, which is not assigned, even with a safeguard', (country) => {
    const verdict = transferRule(country, 'scc');
    expect(verdict).toEqual({ ok: false, reason: `country "${country}" is not an assigned ISO 3166-1 alpha-2 code` });
  });

  it('point from UK and EL to the codes meant', () => {
    expect(transferRule('UK')).toEqual({ ok: false, reason: 'country "UK" is not an ISO 3166-1 alpha-2 code: use GB' });
    expect(transferRule('EL')).toEqual({ ok: false, reason: 'country "EL" is not an ISO 3166-1 alpha-2 code: use GR' });
  });

  it('refuse a safeguard outside the contract', () => {
    const verdict = transferRule('IN', 'consent' as never);
    expect(verdict).toEqual({ ok: false, reason: 'safeguard "consent" is not one of adequacy, scc, bcr, certification' });
  });
});

describe('the lists', () => {
  it('carry the date they were last checked', () => {
    for (const asOf of [eeaMemberStates.asOf, adequacyDecisions.asOf]) {
      expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10)).toBe(asOf);
    }
  });
});
