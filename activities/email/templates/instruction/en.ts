import { en as common } from '../common/en';
import type { InstructionCopy } from './copy';

export const en = {
  marker: '[Processing instruction]',
  confidential: 'This email contains confidential information about the processing of personal data for your organisation.',
  reference: 'Instruction reference',
  flaggedOn: 'Flagged on',
  answerBy: 'Please answer by',
  suspendedSince: 'Suspended since',
  theInstruction: 'The instruction',
  why: 'Why we believe the instruction infringes the law',
  whatWeAsk: 'What we ask of you',
  options: [
    'Revise the instruction so that it no longer infringes the GDPR or other law; or',
    'If you maintain the instruction, confirm in writing that it is lawful and guarantee its lawfulness, giving your reasons.',
  ],
  howToAnswer: (email, id) =>
    `You can answer ${common.howToAnswer.inWriting(email)}, quoting reference ${id}. As controller, you ` +
    'keep full control over the processing (section 3.3 of our Data Processing Policy). If you are unable to meet ' +
    'your responsibilities in this respect, please tell us without delay (section 3.4).',
  questions: (email, id) => `If you have any questions, please contact ${common.contactPoint(email)}, quoting reference ${id}.`,
  notice: {
    subject: (id) => `Instruction ${id} may infringe the law: your answer is needed`,
    intro: (customer) =>
      `As processor for ${customer}, we process personal data only on your documented instructions (section 3.1 of ` +
      'our Data Processing Policy). We must tell you when, in our opinion, an instruction infringes the General ' +
      'Data Protection Regulation (GDPR) or other law (section 3.2 of our Data Processing Policy; Article 28(3), ' +
      'last subparagraph, GDPR). That is the case for the instruction below.',
    answer: 'What happens next',
    answerText: (due) =>
      `Please answer by ${due}. If by then you have neither revised the instruction nor guaranteed its lawfulness, ` +
      'or if you tell us that you refuse to change it, we will suspend its execution (section 3.2(i)). We will then, ' +
      'at our discretion, either continue to process your personal data under your earlier instructions or stop ' +
      'the processing entirely (section 3.2(ii)). We will let you know which we choose.',
  },
  suspension: {
    subject: (id) => `Instruction ${id} suspended`,
    intro: {
      'no-answer': (customer, flagged, id, due) =>
        `On ${flagged} we informed ${customer} that, in our opinion, instruction ${id} infringes the GDPR or other ` +
        `law, and asked you to revise it or guarantee its lawfulness by ${due}. By that date we had received neither ` +
        'a revised instruction we could accept nor such a guarantee. As section 3.2(i) of our Data Processing Policy ' +
        'allows, we have therefore suspended the execution of the instruction.',
      refused: (customer, flagged, id) =>
        `On ${flagged} we informed ${customer} that, in our opinion, instruction ${id} infringes the GDPR or other ` +
        'law. You have told us that you will not change it. As section 3.2(i) of our Data Processing Policy allows, ' +
        'we have therefore suspended the execution of the instruction.',
      operator: (customer, flagged, id) =>
        `On ${flagged} we informed ${customer} that, in our opinion, instruction ${id} infringes the GDPR or other ` +
        'law. Because the instruction is plainly unlawful, we have suspended its execution at once, without waiting ' +
        'for your answer (section 3.2(i) of our Data Processing Policy). You can still revise the instruction or ' +
        'guarantee its lawfulness.',
    },
    reasonHeading: { refused: 'The reason you gave', operator: 'Why we suspend it at once' },
    meanwhile: 'Processing in the meantime',
    meanwhileText:
      'Until you revise the instruction so that it no longer infringes the law, or guarantee its lawfulness, we ' +
      'will, at our discretion, either continue to process your personal data under your earlier instructions or ' +
      'stop the processing entirely (section 3.2(ii)). We will let you know which we choose.',
    reminders: 'While the instruction remains suspended, we will send you regular reminders.',
  },
  revisionRejected: {
    subject: (id) => `Your revised instruction ${id} cannot be carried out`,
    intro: (customer, at, id) =>
      `On ${at} we received a revision of instruction ${id} from ${customer}. In our opinion the revised instruction ` +
      'still infringes the GDPR or other law, so we cannot carry it out (section 3.2 of our Data Processing Policy).',
    revisionHeading: 'Your revised instruction',
    whyHeading: 'Why it still infringes the law',
    next: {
      flagged: (due) =>
        `You can still send us a revised instruction, or guarantee the lawfulness of the instruction, until ${due}. ` +
        'After that date we will suspend its execution (section 3.2(i)).',
      suspended:
        'The execution of the instruction is therefore suspended until you send us a revised instruction that no ' +
        'longer infringes the law, or guarantee its lawfulness (section 3.2).',
    },
  },
  decision: {
    subject: (id) => `Our decision on processing while instruction ${id} is suspended`,
    intro: (customer, flagged, id, decided) =>
      `On ${flagged} we informed ${customer} that we had suspended instruction ${id} because, in our opinion, it ` +
      'infringes the GDPR or other law. As section 3.2 of our Data Processing Policy allows, on ' +
      `${decided} we decided as follows.`,
    decidedAt: 'Decided on',
    heading: {
      'continue-under-earlier-instructions': 'We continue processing under your earlier instructions',
      'stop-processing': 'We are stopping the processing',
    },
    text: {
      'continue-under-earlier-instructions':
        'We are not carrying out the suspended instruction, but continue to process your personal data under the ' +
        'instructions you gave us before. The services therefore remain available as they were before this instruction.',
      'stop-processing':
        'We are stopping the processing of your personal data entirely until you revise the instruction or guarantee ' +
        'its lawfulness. Services that need this processing are unavailable in the meantime. Meanwhile we do nothing ' +
        'with your personal data but keep it securely; we delete nothing without your instruction.',
    },
    note: 'Explanation',
    validity:
      'This decision applies until you revise the instruction or guarantee its lawfulness in writing. Should we ' +
      'change it in the meantime, we will let you know.',
  },
  reminder: {
    subject: (id, n) => `Reminder ${n}: instruction ${id} remains suspended`,
    intro: (customer, flagged, id, n) =>
      `On ${flagged} we informed ${customer} that, in our opinion, instruction ${id} infringes the GDPR or other law, ` +
      'and that we had suspended its execution. We have not yet received a revised instruction or a guarantee of ' +
      `its lawfulness; this is reminder number ${n}.`,
    meanwhile: 'Processing in the meantime',
    decision: {
      'continue-under-earlier-instructions': 'continuing under your earlier instructions',
      'stop-processing': 'stopped until you revise the instruction or guarantee its lawfulness',
      none: 'not yet decided: we will let you know our decision',
    },
  },
  resumed: {
    subject: {
      revised: (id) => `Your revised instruction ${id} is being carried out`,
      confirmed: (id) => `Instruction ${id} is carried out again on the strength of your guarantee`,
    },
    intro: {
      revised: (customer, at, id) =>
        `On ${at} we accepted the revised instruction of ${customer} (reference ${id}): in our opinion it no longer ` +
        'infringes the law. This ends the suspension: from now on we process your personal data under the revised ' +
        'instruction.',
      confirmed: (customer, at, id) =>
        `On ${at} we received confirmation that ${customer} maintains instruction ${id} and guarantees its ` +
        'lawfulness. As controller, you keep full control over the processing (section 3.3 of our Data Processing ' +
        'Policy); we are therefore lifting the suspension and carrying out the instruction from now on.',
    },
    resumedAt: 'Carried out again from',
    textHeading: { revised: 'Your revised instruction', confirmed: 'Your guarantee' },
    after: {
      revised: 'We keep your revised instruction with your documented instructions (section 3.1).',
      confirmed:
        'We keep your guarantee with your documented instructions (section 3.1). Should the instruction later turn ' +
        'out to infringe the law after all, we will tell you again.',
    },
    carriedOut: {
      subject: {
        revised: (id) => `Your revised instruction ${id} is being carried out`,
        confirmed: (id) => `Instruction ${id} is carried out on the strength of your guarantee`,
      },
      intro: {
        revised: (customer, at, id) =>
          `On ${at} we accepted the revised instruction of ${customer} (reference ${id}): in our opinion it no longer ` +
          'infringes the law. The instruction was not suspended; from now on we process your personal data under the ' +
          'revised instruction.',
        confirmed: (customer, at, id) =>
          `On ${at} we received confirmation that ${customer} maintains instruction ${id} and guarantees its ` +
          'lawfulness. As controller, you keep full control over the processing (section 3.3 of our Data Processing ' +
          'Policy); we therefore carry out the instruction from now on, without suspending it.',
      },
      at: 'Carried out from',
    },
  },
} satisfies InstructionCopy;
