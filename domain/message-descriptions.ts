/**
 * What each signal, update and query of the processes expects, as the Temporal Web UI shows it beside
 * the message (setHandler's `description`). The README's operator table is the full reference, with an
 * example input for each; these are its one-line summaries.
 */
export const messageDescriptions: Record<string, string> = {
  // breach-<incidentId>
  breachStatus:
    'The incident: counts of customers notified, pending and undeliverable, acknowledgements, measures, the next status update due.',
  breachTimeline: "The incident's latest events, newest last (the register keeps all of them).",
  breachUpdated:
    'A status update for every notified customer (Art. 33(4)): {"update", "measures"?, "contained"?, "facts"?: {"dataCategories", "subjectCategories", "subjectsApprox", "recordsApprox", "likelyConsequences"}, "at", "key"}; each fact given replaces what was known; a repeated key is applied once.',
  assessBreach:
    'A suspected breach confirmed or ruled out (8.1), told to every notified customer: {"assessment": "confirmed" | "ruled-out", "update", "measures", "at", "key"}. Ruled out closes the incident. Refused for a breach not suspected, or assessed already.',
  breachAcknowledged: 'A customer acknowledged the notice: {"customerId", "at", "via": "webhook" | "operator", "note"?}.',
  breachClosed: 'Close the incident and send every notified customer the final report: {"finalReport", "closedAt"}.',
  breachReported: 'The incident was reported again: {"customerIds"}; the customers it did not concern yet are added and told.',
  addCustomers:
    'Add customers found to be affected: {"customerIds": [...]}; each is notified at once. Refused once the incident is closed.',
  recordAcknowledgement:
    'An acknowledgement received by phone or letter: {"customerId", "note"?}. Refused for a customer not yet notified or already acknowledged.',
  recordMeasure: 'A measure taken (8.2): {"measure", "contained"?}; it goes out with the next update.',
  noticeOutcome: "Sent by a customer's notice workflow: the outcome of a notice it delivered itself.",
  // breach-<incidentId>~<customerId>
  noticeStatus: "One customer's notice: notified when, acknowledged when, reminders sent, the contractual deadline, undelivered alerts.",
  noticeAcknowledged: 'Passed on by the incident: the customer acknowledged the notice.',
  incidentClosed: 'Passed on by the incident: send the final report with every measure recorded.',
  // customer-<customerId>
  customerUpserted: 'Sent by the webhook endpoint: a description of the customer arrived (the records hold it).',
  customerUpserts: 'When each description arrived, and whether it was the newest.',
  // dsr-<requestId>
  dsrStatus: 'The request: its deadline, instruction, actions asked of the product, and the timeline.',
  dsrInstructed:
    'The customer\'s written instruction: {"instruction": "respond" | "rectify" | "erase" | "restrict" | "handled-by-customer", "note"?, "receivedAt", "source"}. A conflicting one is refused.',
  dsrExtended:
    'The customer extends its deadline (Art. 12(3)): {"extraMonths": 1 | 2, "reason"?, "receivedAt", "source"}. More than two months in all is refused.',
  dsrActionCompleted: 'The product (or an operator) confirms an action: {"action", "completedAt", "note"?, "source"}.',
  dsrContractEnded:
    'Sent by termination-<customerId> once every store deleted the customer\'s data: {"deletedAt", "terminationWorkflowId"}. The request closes with outcome contract-ended (no email).',
  // audit-<auditId>
  auditStatus:
    'The audit: the earliest date (12.2), the date fixed, invitations, confidentiality of the auditors (12.3), findings and costs (12.4), the timeline.',
  auditDateProposed:
    'A (new) date for the audit: {"proposedDate": "YYYY-MM-DD", "receivedAt", "source": "product" | "operator"}. A date with less than 30 Belgian working days\' notice from the request is refused with the earliest date; a new date sends a new invitation (SEQUENCE + 1).',
  auditConfidentialityConfirmed:
    'The customer confirmed that its auditors are bound to confidentiality (12.3): {"reference"?, "confirmedAt", "source"}. Stops the confidentiality reminders and alert.',
  auditCancelled:
    'The audit is called off: {"reason"?, "cancelledAt", "source"}; everyone invited gets the calendar cancellation. Refused once findings are recorded.',
  auditFindingsRecorded:
    'The findings and costs (12.4), from the audit day on: {"summary", "seriousIncidentFound", "policyBreachFound", "processorCostShare": 0..1, "recordedAt", "source": "operator"}. A share above 0 without a finding is refused. The customer receives them and the case closes.',
  // authority-<requestId>
  authorityStatus: 'The request: each customer told or not, views on a disclosure, the prohibition, the outcome.',
  authorityCustomerResponded:
    'A customer\'s view on the scope and manner of a disclosure (7.1): {"customerId", "view", "objectsToDisclosure"?, "receivedAt", "webhookId"}.',
  recordProhibitionBasis: 'The legal basis that forbids telling the customers: {"basis"}.',
  liftProhibition: 'The prohibition was lifted; the customers are told now: {"reason"}.',
  recordCustomerNotified: 'A customer told another way: {"customerId", "channel", "notifiedAt"}.',
  extendViewsDeadline: 'More time for the customers\' views: {"until", "reason"}.',
  recordDisclosure:
    'The disclosure made: {"scope", "manner", "disclosedAt", "objectionsConsidered"}. Refused while views are pending before their deadline.',
  recordAnswer:
    'The answer given to an information request, subpoena or inspection: {"summary", "disclosesPersonalData", "scope"?, "manner"?, "answeredAt"?, "objectionsConsidered"?}. One that discloses personal data is refused while views are pending before their deadline (7.1).',
  // instruction-<instructionId>
  instructionStatus: 'The flagged instruction: notice, response period, suspension, processing decision, revision or guarantee, reminders.',
  instructionRevised:
    'The customer revised its instruction (3.2): {"revision", "revisedAt", "webhookId"}. It awaits judgement (judgeRevision) before it is carried out.',
  instructionConfirmed:
    'The customer maintains its instruction and guarantees its lawfulness (3.3): {"guarantee", "confirmedAt", "webhookId"}.',
  recordProcessingDecision:
    'Whether processing continues under earlier instructions or stops: {"decision": "continue-under-earlier-instructions" | "stop-processing", "note"?}. Refused before the instruction is suspended.',
  instructionRefused:
    'The customer refuses to change its instruction (3.2): {"reason"?, "refusedAt", "webhookId"}; a flagged instruction is suspended.',
  suspendInstruction:
    'Suspend a plainly unlawful instruction at once, without waiting for the customer\'s answer (3.2 (i)): {"reason"}. The customer is told.',
  recordRevision: 'A revision received by letter: {"revision", "note"?}. It awaits judgement (judgeRevision) like any.',
  judgeRevision:
    'Judge the revision awaiting judgement (3.2): {"accepted": true | false, "reason"?}; a rejection needs a reason, which the customer is told. Accepted, the instruction is carried out or resumed.',
  recordGuarantee: 'A guarantee received by letter: {"guarantee"}.',
  // cannot-comply-<noticeId>
  cannotComplyStatus:
    'The customer cannot meet its obligations (3.4): the notice id, when it arrived, and when the privacy team took the alert; the text is in the records.',
  // subprocessor-change-<changeId> and objection-<changeId>~<customerId>
  subprocessorChangeStatus:
    "The change and its customers' windows: how many notified, open, objected, accepted, undeliverable; the next deadline.",
  windowObjected: 'The webhook endpoint took an objection into a window: {"customerId"}; the change counts its windows again.',
  objectionReceived: 'The written objection with reasons (5.2), taken into the window first: {"reasons", "receivedAt", "webhookId"}.',
  objectionStatus: "One customer's objection: the objection, judgment, remedy deadline, offer and answer.",
  judgeObjection: 'Judge the objection (5.3): {"reasonable": true | false, "reason"}.',
  recordRemedyOffer: 'A change offered within 30 days of a reasonable objection (5.3), or another after a declined one: {"offer"}.',
  recordRemedyAnswer: 'The customer\'s answer to the offer: {"accepted": true | false, "reason"?}.',
  decideOnDeclinedOffer:
    'After a declined offer (5.3): {"decision": "termination-right" | "offer-stands", "reason"}; another offer is recordRemedyOffer.',
  recordServicesTerminated:
    'The customer\'s written notice that it terminates the services affected (5.3): {"services": [...], "receivedAt"}.',
  // termination-<customerId>
  terminationStatus:
    'The end of the contract: the export window (period, start, end, extensions), the export, each store asked to delete and its confirmation.',
  exportExtended:
    'Extend the export window (11.2): {"extraDays", "reason"?, "receivedAt", "source": "product" | "operator"}; every later reminder moves and the customer gets the new end. Refused once deletion started.',
  exportCompleted:
    'The customer finished its export: {"completedAt", "deleteNow"?, "receivedAt", "source"}; deleteNow true (the controller\'s written choice) starts deletion before the window ends.',
  deletionConfirmed:
    'A store deleted or anonymised the customer\'s data (11.3): {"store", "method": "delete" | "anonymise", "completedAt", "reference", "lastCopyExpiresAt"?, "source"}.',
  recordExportNotice:
    'The customer was told of its export window another way, after the email reached nobody: {"givenAt", "channel"}; the window starts then.',
  // every case that shows a view (the digests read it)
  caseView:
    'The view the case last showed: its status, next deadline, details, and what waits on its customer (kind, customer id, case id, deadline).',
};
