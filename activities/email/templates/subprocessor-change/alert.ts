import type { ObjectionWindowAlertKind } from '../../../../domain/subprocessor-change';
import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';

/**
 * The privacy team's alerts of an objection window or of an objection (English; identifiers only). `afterwards`: where the
 * window stands, for the later emails (the notice's depends on an objection).
 */
export const alert = {
  kinds: {
    'no-customer-record': {
      title: 'No customer record for a subprocessor change notice',
      action:
        'The product has not described this customer (no customer.upserted), so it has not been told of the ' +
        'subprocessor change nor of its right to object within 30 days (policy 5.2). Ask the product team why the ' +
        'customer record is missing, tell the customer of the change by another channel, and record how and when.',
    },
    'notice-undeliverable': {
      title: 'Subprocessor change notice could not be delivered',
      action:
        'No contact of the customer accepted the notice of the subprocessor change, so it has not been told of the ' +
        'change nor of its right to object within 30 days (policy 5.2). Check the contacts on the customer record, ' +
        'tell the customer of the change by another channel, and record how and when.',
    },
    'reminder-undeliverable': {
      title: 'Objection window reminder could not be delivered',
      action:
        'No contact of the customer accepted the reminder that its window to object to the subprocessor change ' +
        'closes soon (policy 5.2). The notice itself was delivered. Check the contacts on the customer record; ' +
        'if they have changed, remind the customer by another channel.',
      afterwards: 'The window stays open until it closes, and can still take an objection.',
    },
    'rejection-undeliverable': {
      title: 'Rejection of an objection could not be delivered',
      action:
        "The customer's objection to the subprocessor change was judged unreasonable, but no contact accepted " +
        'the email telling it so, with the reason (policy 5.3). Tell the customer of the judgment and its reason ' +
        'by another channel, and record how and when.',
      afterwards: 'The objection has ended as objection-rejected.',
    },
    'offer-undeliverable': {
      title: 'Offer of a change could not be delivered',
      action:
        "The customer's objection was judged reasonable and a change in the services or in their use was offered, " +
        'but no contact accepted the email carrying the offer (policy 5.3). Send the offer by another channel, ' +
        'and record how and when.',
      afterwards: "The objection awaits the customer's answer (update recordRemedyAnswer).",
    },
    'termination-right-undeliverable': {
      title: 'Right to terminate could not be delivered',
      action:
        'No contact accepted the email telling the customer that it may terminate the services affected by the ' +
        'subprocessor change (policy 5.4). Tell the customer of this right, and of the services concerned, by ' +
        'another channel, and record how and when.',
      afterwards: "The customer's notice of termination is awaited (subprocessor.services-terminated).",
    },
    'objection-received': {
      title: 'A customer objected to a subprocessor change',
      action:
        'Judge the objection (update judgeObjection): reasonable or not, with your reason. If it is reasonable, the ' +
        'processor has 30 days from the objection to offer a change in the services or in their use (policy 5.3). ' +
        'If the deadline in the detail passes with neither a judgment nor an offer, the customer is told it may ' +
        'terminate the services affected.',
      afterwards: 'You will be reminded every week while the objection is not judged.',
    },
    'objection-unjudged': {
      title: 'An objection to a subprocessor change still awaits your judgment',
      action:
        'Nobody has judged this objection yet (update judgeObjection). The 30 days from the objection run meanwhile ' +
        '(policy 5.3): when they end without a judgment, the customer is told it may terminate the services affected.',
      afterwards: 'The objection awaits your judgment.',
    },
    'remedy-deadline-near': {
      title: 'The 30 days to offer a change end soon',
      action:
        'No offer of a change is recorded for this objection, and the 30 days from it end at the deadline in the ' +
        'detail (policy 5.3). Judge it (judgeObjection) and record an offer (recordRemedyOffer) before then, or the ' +
        'customer is told it may terminate the services affected.',
      afterwards: 'At the deadline the customer is told of its right to terminate, unless an offer is recorded.',
    },
    'termination-right-granted': {
      title: 'A customer was told it may terminate services',
      action:
        'The 30 days from the objection ended with no offer of a change, so the customer has been told that it may ' +
        'terminate the services that depend on the subprocessor (policy 5.3). Prepare for its notice, and review ' +
        'why the objection was not dealt with in time.',
      afterwards: "The customer's notice of termination is awaited (subprocessor.services-terminated).",
    },
    'offer-declined': {
      title: 'A customer declined the offered change: your decision is needed',
      action:
        'A declined offer does not by itself give the customer the right to terminate. Decide: make another offer ' +
        'within the 30 days (recordRemedyOffer), or give the customer the right to terminate the services affected, ' +
        'or decide that the offer stands (update decideOnDeclinedOffer, with your reason).',
      afterwards: 'The objection awaits your decision; you will be reminded every week.',
    },
    'offer-unanswered': {
      title: 'A customer has not answered the offered change',
      action:
        'The customer was reminded of the offer three times and has not answered. Contact it, then record its ' +
        'answer (update recordRemedyAnswer) when it comes.',
      afterwards: "The objection awaits the customer's answer.",
    },
    'services-terminated': {
      title: 'A customer terminated services over a subprocessor change',
      action:
        'The customer gave written notice that it terminates services because of its objection (policy 5.3). End ' +
        'those services as the contract provides, and start the end of the contract for them where it applies.',
      afterwards: 'The objection has ended as services-terminated.',
    },
    'offer-reminder-undeliverable': {
      title: 'Reminder of an offer could not be delivered',
      action:
        'No contact of the customer accepted the reminder of the offered change. Check the contacts on the ' +
        'customer record, and reach the customer by another channel.',
      afterwards: "The objection awaits the customer's answer.",
    },
    'offer-stands-undeliverable': {
      title: 'Decision that the offer stands could not be delivered',
      action:
        'No contact of the customer accepted the email telling it that the declined offer stands, with your reason. ' +
        'Tell the customer by another channel, and record how and when.',
      afterwards: 'The objection has ended as offer-stands.',
    },
    'urgent-change': {
      title: 'Subprocessor change takes effect before its objection windows close',
      action:
        'The product marked this change urgent: it takes effect before the customers concerned can have had their ' +
        '30 days to object (policy 5.2; Art. 28(2) GDPR). Check that the reason holds, and that the change was announced ' +
        'as early as it could be. Every customer is told of the urgency and may still object within its window; an ' +
        'objection judged reasonable may then call for a change in the services while the subprocessor is already at work (5.3).',
      afterwards: "The customers' windows run as for any change (query subprocessorChangeStatus).",
    },
  },
  webUi: {
    shows:
      'the change and the counts of its windows (query subprocessorChangeStatus), or the objection and its timeline (query objectionStatus)',
  },
} satisfies PrivacyTeamAlertCopy<ObjectionWindowAlertKind>;
