import { fr as common } from '../common/fr';
import type { AuthorityCopy } from './copy';

export const fr = {
  marker: "[Demande d'une autorité]",
  confidential:
    "Ce courriel contient des informations confidentielles relatives à une demande d'une autorité publique. " +
    "Merci de ne les partager qu'avec les personnes qui en ont besoin pour traiter la demande.",
  reference: 'Référence',
  subjectReference: (id) => `référence ${id}`,
  authority: 'Autorité',
  kind: 'Nature de la demande',
  receivedAt: 'Reçue par nos soins le',
  kindPhrase: {
    information: "une demande d'informations",
    subpoena: 'une citation',
    inspection: "une demande d'inspection ou d'audit",
    'disclosure-intent': 'une demande qui nous oblige à communiquer des données à caractère personnel',
  },
  kindLabel: {
    information: "Demande d'informations",
    subpoena: 'Citation',
    inspection: "Demande d'inspection ou d'audit",
    'disclosure-intent': 'Communication envisagée de données à caractère personnel',
  },
  questions: (email, id) =>
    'Pour toute question relative à cette demande, vous pouvez contacter ' +
    `${common.contactPoint(email)}, en mentionnant la référence ${id}.`,
  notice: {
    intro: (customer, authority, kind) =>
      `En notre qualité de sous-traitant, nous informons ${customer} que nous avons reçu d'une autorité publique, ` +
      `${authority}, ${kind} ` +
      'portant sur des données à caractère personnel que nous traitons pour son compte. Nous vous en informons ' +
      "comme le prévoient l'article 8.1 de notre Politique de traitement des données et l'article 28, " +
      'paragraphe 3, a), du Règlement général sur la protection des données (RGPD).',
    introDisclosure: (customer, authority) =>
      `En notre qualité de sous-traitant, nous informons ${customer} que nous envisageons de communiquer à une ` +
      `autorité publique, ${authority}, des données à caractère personnel que nous traitons pour son compte, parce que la loi ou une ` +
      'décision judiciaire ou administrative nous y oblige. Nous vous en informons avant toute communication, comme ' +
      "le prévoient les articles 7.1 et 8.1 de notre Politique de traitement des données et l'article 28, " +
      'paragraphe 3, a), du Règlement général sur la protection des données (RGPD).',
    prohibitionLifted: "Levée de l'interdiction légale d'information",
    heldBack: (at) =>
      "Nous n'étions pas autorisés à vous en informer plus tôt\u00a0: la loi nous l'interdisait pour des motifs " +
      `importants d'intérêt public (article 28, paragraphe 3, a), du RGPD). Cette interdiction a été levée le ${at}, ` +
      'ce qui explique que vous receviez ce message seulement maintenant.',
    confidentiality: 'Confidentialité (article 7.1 de notre Politique de traitement des données)',
    confidentialityText:
      'Nous traitons de manière confidentielle les données à caractère personnel que nous traitons pour votre ' +
      'compte. Nous ne les communiquons que dans la mesure où la loi ou une décision judiciaire ou administrative ' +
      "l'exige, et nous discutons au préalable avec vous de l'étendue et des modalités de toute communication.",
    views: "Votre position sur l'étendue et les modalités de la communication",
    viewsText: (due, email) =>
      `Nous vous remercions de nous faire connaître, au plus tard le ${due}, votre position sur l'étendue et les ` +
      'modalités de la communication envisagée\u00a0: quelles données, concernant quelles personnes, sous quelle ' +
      'forme et par quel moyen, et si vous vous opposez à la communication elle-même. Vous pouvez répondre ' +
      `${common.howToAnswer.inWriting(email)}.`,
    viewsDefault:
      'Si vous vous y opposez, nous examinerons votre objection avant toute communication. À défaut de position ' +
      'reçue à cette date, nous ne communiquerons que ce que la loi exige strictement, selon les modalités imposées ' +
      "par l'autorité.",
    next: 'Ce que nous faisons à présent',
    nextText: (email) =>
      "Nous examinons la demande et n'y donnerons suite que dans la mesure exigée par la loi. Si nous devons " +
      "communiquer des données à caractère personnel, nous discuterons au préalable avec vous de l'étendue et des " +
      'modalités de cette communication. Si vous avez des remarques ou des objections, par exemple parce que vous ' +
      `souhaitez traiter ou contester vous-même la demande, merci de nous en faire part au plus vite à l'adresse ${email}.`,
    nextTextViews: (due, email) =>
      "Nous examinons la demande et n'y donnerons suite que dans la mesure exigée par la loi. Si notre réponse implique " +
      'de communiquer des données à caractère personnel que nous traitons pour votre compte, nous ne le ferons ' +
      "qu'après avoir reçu votre position sur l'étendue et les modalités de cette communication ou, à défaut, pas avant " +
      `le ${due}. Merci de nous indiquer quelles données, concernant quelles personnes, sous quelle forme et par quel ` +
      'moyen vous paraissent acceptables, et si vous vous opposez à toute communication, par exemple parce que vous ' +
      `souhaitez traiter ou contester vous-même la demande. Vous pouvez répondre ${common.howToAnswer.inWriting(email)}.`,
    nextViewsDefault:
      'Si vous vous y opposez, nous examinerons votre objection avant toute communication. À défaut de position reçue ' +
      "à cette date, nous ne communiquerons que ce que la loi exige strictement, selon les modalités imposées par l'autorité. " +
      'Si notre réponse ne contient aucune donnée à caractère personnel, nous vous le préciserons expressément en vous ' +
      'informant de la suite donnée à la demande.',
    keepInformed: 'Nous vous informerons de la suite donnée à la demande.',
  },
  viewReminder: {
    subject: (n) => `Rappel n°\u00a0${n}\u00a0: votre position sur la communication envisagée`,
    intro: (customer, sentAt, authority, id) =>
      `Le ${sentAt}, nous avons informé ${customer} que nous envisageons de communiquer à une autorité publique, ` +
      `${authority}, des données ` +
      `à caractère personnel que nous traitons pour son compte (référence ${id}). Nous n'avons pas encore reçu votre ` +
      "position sur l'étendue et les modalités de cette communication.",
    due: 'Position attendue au plus tard le',
    request: (due, email) =>
      `Nous vous remercions de nous la faire connaître au plus tard le ${due}, ` +
      `${common.howToAnswer.inWriting(email)}, en précisant si vous vous opposez à la communication. Sans position de votre part, nous ne ` +
      "communiquerons ensuite que ce que la loi exige strictement, selon les modalités imposées par l'autorité " +
      '(article 7.1 de notre Politique de traitement des données).',
    notReceived:
      "Si vous n'avez pas reçu notre premier message, ou si une autre personne traite ce type de demande au sein " +
      'de votre organisation, merci de nous en informer immédiatement.',
  },
  outcome: {
    answeredSubject: 'Suite donnée à la demande',
    disclosedSubject: 'Communication de données à caractère personnel effectuée',
    answeredIntro: (customer, received, authority, kind, id, at) =>
      `Le ${received}, nous avons reçu d'une autorité publique, ${authority}, ${kind} portant sur des données à caractère personnel que ` +
      `nous traitons pour le compte de ${customer} (référence ${id}). Nous vous informons que nous avons donné ` +
      `suite à cette demande le ${at}.`,
    disclosedIntro: (customer, authority, id, at) =>
      `Nous vous informons que, le ${at}, nous avons communiqué à une autorité publique, ${authority}, des données à caractère personnel ` +
      `que nous traitons pour le compte de ${customer} (référence ${id}), parce que la loi ou une décision ` +
      'judiciaire ou administrative nous y obligeait (article 7.1 de notre Politique de traitement des données).',
    outcomeAt: 'Traitée le',
    howAnswered: 'Suite donnée à la demande',
    answerDisclosedNothing: 'Notre réponse ne contenait aucune donnée à caractère personnel que nous traitons pour votre compte.',
    answerDisclosed:
      'Notre réponse contenait des données à caractère personnel que nous traitons pour votre compte, dans la seule ' +
      'mesure exigée par la loi (article 7.1 de notre Politique de traitement des données). Vous trouverez ci-dessous ' +
      "l'étendue et les modalités de cette communication.",
    scope: 'Étendue de la communication',
    manner: 'Modalités de la communication',
    closing:
      'Nous conservons les pièces relatives à cette demande pour attester de ce qui a été communiqué, à qui et ' +
      'quand. La demande est désormais clôturée de notre côté.',
  },
} satisfies AuthorityCopy;
