import { fr as common } from '../common/fr';
import type { DsrCopy } from './copy';

export const fr = {
  marker: '[Demande de personne concernée]',
  confidential:
    "Ce courriel concerne la demande d'une personne concernée. Merci de le traiter conformément à vos propres " +
    "procédures de protection des données et de ne le partager qu'avec les personnes chargées de la demande.",
  reference: 'Référence de la demande',
  subjectReference: (id) => `demande ${id}`,
  requestType: 'Type de demande',
  receivedAt: 'Reçue par nos soins le',
  deadline: 'Votre date limite de réponse (article 12, §\u00a03, du RGPD)',
  requestTypes: {
    access: "Droit d'accès (article 15 du RGPD)",
    rectification: 'Droit de rectification (article 16 du RGPD)',
    erasure: "Droit à l'effacement (article 17 du RGPD)",
    restriction: 'Droit à la limitation du traitement (article 18 du RGPD)',
    portability: 'Droit à la portabilité des données (article 20 du RGPD)',
    objection: "Droit d'opposition (article 21 du RGPD)",
  },
  instructions: {
    respond:
      'répondre\u00a0: nous rassemblons les données à caractère personnel de la personne concernée et les mettons ' +
      'à votre disposition sur notre plateforme, afin que vous puissiez lui répondre\u00a0;',
    rectify: 'rectifier\u00a0: nous corrigeons ou complétons les données à caractère personnel selon vos indications\u00a0;',
    erase: 'effacer\u00a0: nous supprimons les données à caractère personnel de la personne concernée\u00a0;',
    restrict: 'limiter\u00a0: nous limitons le traitement des données à caractère personnel de la personne concernée\u00a0;',
    'handled-by-customer': 'traiter vous-même\u00a0: vous vous chargez de la demande et nous clôturons le dossier sans autre action.',
  },
  months: (count) => `${count} mois`,
  questions: (email, id) => `Pour toute question, vous pouvez contacter ${common.contactPoint(email)}, en mentionnant la référence ${id}.`,
  notice: {
    subject: 'Une personne concernée nous a contactés',
    intro: (customer) =>
      // "à <nom>" rather than "de <nom>": the name may need an elision ("d'Acme") that a template cannot make.
      `En notre qualité de sous-traitant, nous signalons sans délai à ${customer} qu'une personne concernée nous a ` +
      'contactés pour exercer ses droits au titre du Règlement général sur la protection des données (RGPD) à ' +
      "l'égard de données à caractère personnel que nous traitons pour votre compte, comme le prévoient l'article " +
      "10.2 de notre Politique de traitement des données et l'article 28, paragraphe 3, point e), du RGPD.",
    toldSubject: 'Ce que nous avons indiqué à la personne concernée',
    subjectConfirmed: (customer) =>
      `Nous avons uniquement confirmé à la personne concernée que sa demande concerne ${customer} et que nous vous ` +
      "l'avons transmise. Nous n'avons pas répondu à la demande et ne lui avons rien communiqué d'autre.",
    subjectNoAddress:
      "La personne concernée ne nous a pas laissé d'adresse électronique\u00a0; nous ne lui avons donc pas répondu. " +
      "Nous n'avons pas donné suite à la demande elle-même.",
    instructionHeading: 'Rien ne se fait sans votre instruction écrite',
    instructionIntro:
      "Conformément à l'article 10.2 de notre Politique de traitement des données, nous ne donnons pas suite à la " +
      "demande d'une personne concernée sans votre accord écrit préalable. Merci de nous transmettre votre " +
      'instruction via notre plateforme, en mentionnant la référence ci-dessus. Vous pouvez nous demander de\u00a0:',
    instructionOther: (email) => `Si vous ne pouvez pas utiliser la plateforme, envoyez votre instruction écrite à l'adresse ${email}.`,
    deadlineHeading: 'Votre délai',
    deadlineText: (deadline) =>
      'En tant que responsable du traitement, vous devez informer la personne concernée des mesures prises à la ' +
      "suite de sa demande dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de sa " +
      `réception (article 12, paragraphe 3, du RGPD). Pour cette demande, l'échéance est fixée au ${deadline}.`,
    extensionText:
      'Au besoin, ce délai peut être prolongé de deux mois, compte tenu de la complexité et du nombre de demandes. ' +
      'Vous devez alors informer la personne concernée de cette prolongation et des motifs du report dans un délai ' +
      "d'un mois à compter de la réception de la demande. Si vous prolongez le délai, merci de nous en informer via " +
      'la plateforme, afin que nos rappels suivent la nouvelle date.',
    reminders: "Tant que nous n'avons pas reçu votre instruction, nous vous enverrons des rappels avant l'échéance.",
  },
  reminder: {
    subject: 'Rappel\u00a0: nous attendons votre instruction',
    intro: (customer, received) =>
      `Le ${received}, une personne concernée nous a adressé une demande portant sur des données à caractère ` +
      `personnel que nous traitons pour le compte de ${customer}. Nous vous en avons informés immédiatement, mais ` +
      "nous n'avons pas encore reçu votre instruction écrite.",
    deadlineText: (deadline) =>
      `Votre date limite pour répondre à la personne concernée (article 12, paragraphe 3, du RGPD) est le ${deadline}. ` +
      "Conformément à l'article 10.2 de notre Politique de traitement des données, nous n'entreprenons rien tant " +
      "que vous ne nous avez pas donné d'instruction écrite.",
    choose: 'Merci de nous transmettre votre instruction via notre plateforme. Vous pouvez nous demander de\u00a0:',
    alreadyHandled:
      'Si vous avez entre-temps traité la demande vous-même, merci de nous le faire savoir (instruction\u00a0: ' +
      'traiter vous-même), afin que nous puissions clôturer le dossier et que vous ne receviez plus de rappels.',
  },
  extension: {
    subject: 'Prolongation de votre délai enregistrée',
    intro: (extra, total) =>
      `Nous avons enregistré que vous prolongez de ${extra} le délai de réponse à cette demande. Le délai est ainsi ` +
      `prolongé de ${total} au total\u00a0; l'article 12, paragraphe 3, du RGPD autorise au plus deux mois.`,
    originalDeadline: 'Échéance initiale',
    newDeadline: 'Nouvelle échéance',
    reason: 'Motif indiqué',
    tellSubject:
      "N'oubliez pas que vous devez informer la personne concernée de cette prolongation et des motifs du report " +
      "dans un délai d'un mois à compter de la réception de la demande (article 12, paragraphe 3, du RGPD).",
    stillAwaited:
      "Nos rappels suivent désormais la nouvelle échéance. Sans votre instruction écrite, nous n'entreprenons " + 'toujours rien.',
  },
  closure: {
    subject: 'Demande clôturée',
    carriedOut: {
      respond: (at) =>
        "Comme vous nous l'avez demandé, les données à caractère personnel de la personne concernée ont été " +
        `rassemblées et mises à votre disposition sur notre plateforme le ${at}, afin que vous puissiez lui répondre.`,
      rectify: (at) =>
        `Comme vous nous l'avez demandé, les données à caractère personnel de la personne concernée ont été rectifiées le ${at}.`,
      erase: (at) =>
        `Comme vous nous l'avez demandé, les données à caractère personnel de la personne concernée ont été effacées le ${at}.`,
      restrict: (at) =>
        "Comme vous nous l'avez demandé, le traitement des données à caractère personnel de la personne concernée " +
        `a été limité le ${at}.`,
    },
    handledByCustomer:
      'Nous avons enregistré votre instruction selon laquelle vous traitez vous-même cette demande. Nous ' +
      "n'y avons donné aucune suite et clôturons le dossier de notre côté.",
    closedAt: 'Clôturée le',
    yours: (deadline) =>
      'La réponse à la personne concernée reste de votre responsabilité en tant que responsable du traitement ' +
      '(article 12 du RGPD)\u00a0; nous ne contacterons pas la personne concernée au sujet de cette demande. Le cas ' +
      `échéant, informez-la avant votre échéance\u00a0: ${deadline}.`,
  },
  subjectConfirmation: {
    subject: (customer) => `Votre demande concernant ${customer}`,
    body: (customer) =>
      `Nous vous confirmons que votre demande concerne ${customer}. Nous l'avons transmise à ${customer}, ` +
      'qui est responsable de son traitement.',
  },
} satisfies DsrCopy;
