import { authorityCaseStatus, refuseAnswer, refuseCustomerNotified } from '../../domain/authority';
import { authorityCase } from '../support/case-states';

const informationRequest = authorityCase;

const view = (objectsToDisclosure = false) => ({
  firstReceivedAt: '2027-03-26T08:00:00.000Z',
  lastReceivedAt: '2027-03-26T08:00:00.000Z',
  objectsToDisclosure,
  responses: 1,
});

const producing = {
  summary: 'Produced the holder name of one account.',
  disclosesPersonalData: true,
  scope: 'Holder name of account BE68 5390 0754 7034',
  manner: 'Registered letter to the investigating officer',
};
const beforeDeadline = '2027-04-02T06:59:59.000Z';

describe('7.1 before any disclosure: an answer that discloses personal data, whatever the request’s kind', () => {
  it.each(['information', 'subpoena', 'inspection'] as const)(
    'the answer to a request of kind %s that discloses personal data is refused while a view is awaited before the deadline',
    (requestKind) => {
      const state = informationRequest({ requestKind });
      state.customers.a!.view = view();
      expect(refuseAnswer(state, producing, beforeDeadline)).toMatch(/7\.1: the view of 1 customer\(s\).*\bb\b.*2027-04-02T07:00:00\.000Z/);
    },
  );

  it('is allowed once the deadline has passed, or once every customer gave its view', () => {
    const state = informationRequest();
    expect(refuseAnswer(state, producing, '2027-04-02T07:00:00.000Z')).toBeUndefined();
    state.customers.a!.view = view();
    state.customers.b!.view = view();
    expect(refuseAnswer(state, producing, '2027-03-27T00:00:00.000Z')).toBeUndefined();
  });

  it('asks for a customer’s objection to be weighed first', () => {
    const state = informationRequest();
    state.customers.a!.view = view(true);
    state.customers.b!.view = view();
    expect(refuseAnswer(state, producing, '2027-03-27T00:00:00.000Z')).toMatch(/customer\(s\) a object.*objectionsConsidered/);
    expect(refuseAnswer(state, { ...producing, objectionsConsidered: true }, '2027-03-27T00:00:00.000Z')).toBeUndefined();
  });

  it('allows an answer that discloses no personal data while views are awaited', () => {
    const state = informationRequest();
    expect(
      refuseAnswer(state, { summary: 'No account matches the request.', disclosesPersonalData: false }, beforeDeadline),
    ).toBeUndefined();
    expect(authorityCaseStatus(state, beforeDeadline)).toBe('awaiting-answer');
  });

  it('needs the answer to say whether it discloses personal data, and then what and how', () => {
    const state = informationRequest();
    expect(refuseAnswer(state, { summary: 'Answered.' } as never, beforeDeadline)).toMatch(/disclosesPersonalData must be true or false/);
    expect(refuseAnswer(state, { summary: 'Answered.', disclosesPersonalData: 'no' } as never, beforeDeadline)).toMatch(
      /disclosesPersonalData must be true or false/,
    );
    expect(refuseAnswer(state, { ...producing, scope: ' ' }, '2027-04-03T00:00:00.000Z')).toMatch(
      /^scope must be a non-empty text: .*scope/,
    );
    expect(refuseAnswer(state, { ...producing, manner: undefined }, '2027-04-03T00:00:00.000Z')).toMatch(/^manner must be/);
    expect(
      refuseAnswer(state, { summary: 'Nothing produced.', disclosesPersonalData: false, scope: 'Names' }, '2027-04-03T00:00:00.000Z'),
    ).toMatch(/discloses no personal data has no scope or manner/);
  });

  it('needs no views while the law forbids telling the customers', () => {
    const state = informationRequest({ prohibition: { since: '2027-03-25T08:00:00.000Z', reviewsSent: 0 } });
    delete state.viewsDueAt;
    delete state.noticeDueAt;
    for (const customer of Object.values(state.customers)) customer.notice = { status: 'withheld' };
    expect(refuseAnswer(state, producing, beforeDeadline)).toBeUndefined();
  });
});

describe('customer ids named like object properties', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a customer "%s" the request does not concern is refused as not concerned, not taken from the prototype',
    (customerId) => {
      const state = informationRequest();
      expect(
        refuseCustomerNotified(state, { customerId, channel: 'phone', notifiedAt: '2027-03-27T08:00:00.000Z' }, '2027-03-28T00:00:00.000Z'),
      ).toBe(`customer ${customerId} is not concerned by authority request ${state.requestId}`);
    },
  );
});
