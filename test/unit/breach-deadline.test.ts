import { renderPrivacyTeamAlert } from '../../activities/email/templates/breach';
import { contractualHalfwayAlertAt } from '../../domain/breach';

/** Policy 8.1: a contract's own hours for the breach notice; the privacy team hears halfway through them. */
describe("half the contract's notice hours", () => {
  const awareAt = '2026-03-10T08:00:00.000Z';
  const deadline24h = '2026-03-11T08:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  test('comes halfway from the moment the processor became aware to the deadline', () => {
    expect(contractualHalfwayAlertAt(awareAt, deadline24h, at('2026-03-10T08:01:00.000Z'))).toBe(at('2026-03-10T20:00:00.000Z'));
  });

  test('a notice first tried after the halfway point has the minute the product allows, then the alert', () => {
    expect(contractualHalfwayAlertAt(awareAt, deadline24h, at('2026-03-10T21:00:00.000Z'))).toBe(at('2026-03-10T21:01:00.000Z'));
  });

  test('none when that minute would reach the deadline: the deadline has its own alert', () => {
    expect(contractualHalfwayAlertAt(awareAt, deadline24h, at('2026-03-11T07:59:00.000Z'))).toBeUndefined();
    expect(contractualHalfwayAlertAt(awareAt, deadline24h, at('2026-03-12T08:00:00.000Z'))).toBeUndefined();
  });

  test("the privacy team's alert names the case and the deadline, and asks for another channel", () => {
    const email = renderPrivacyTeamAlert({
      kind: 'contractual-deadline-halfway',
      incidentId: 'INC-H-1',
      customerId: 'cust-1',
      detail: 'not accepted yet',
      dueAt: deadline24h,
    });
    expect(email.subject).toContain('Half the contractual notice time gone');
    expect(email.text).toContain('breach-INC-H-1~cust-1');
    expect(email.text).toContain('another channel');
  });
});
