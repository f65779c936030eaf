import { fr as common } from '../common/fr';
import type { BreachCopy } from './copy';

export const fr = {
  marker: '[Violation de données]',
  confidential:
    'Ce courriel contient des informations confidentielles relatives à un incident de sécurité. ' +
    "Merci de ne les partager qu'avec les personnes qui en ont besoin pour traiter la violation.",
  incident: "Numéro d'incident",
  notYetKnown: "en cours d'évaluation",
  approximately: (count) => `environ ${count}`,
  notice: {
    subject: (id) => `Notification d'une violation de données à caractère personnel – incident ${id}`,
    intro: (customer) =>
      // "à <nom>" rather than "de <nom>": the name may need an elision ("d'Acme") that a template cannot make.
      `En notre qualité de sous-traitant, nous notifions à ${customer} une violation de données à caractère ` +
      'personnel portant sur des données que nous traitons pour son compte. Nous le faisons dans les meilleurs ' +
      "délais après en avoir pris connaissance, comme le prévoient l'article 8 de notre Politique de traitement " +
      "des données et l'article 33, paragraphe 2, du Règlement général sur la protection des données (RGPD).",
    suspected: {
      subject: (id) => `Notification d'une violation présumée de données à caractère personnel – incident ${id}`,
      intro: (customer) =>
        `En notre qualité de sous-traitant, nous notifions à ${customer} une violation présumée de données à ` +
        "caractère personnel portant sur des données que nous traitons pour son compte. L'article 8.1 de notre " +
        'Politique de traitement des données nous impose de vous en informer dans les meilleurs délais, non ' +
        'seulement lorsque nous constatons une violation, mais aussi lorsque nous la soupçonnons raisonnablement.',
      status:
        "Nous n'avons pas encore établi qu'une violation s'est produite. Nous vous informerons dès que notre " +
        "enquête l'aura confirmée ou écartée. D'ici là, les informations ci-dessous portent sur une violation " +
        'présumée.',
    },
    awareAt: 'Prise de connaissance de la violation par nos soins',
    sentAt: 'Envoi de la présente notification',
    contractualDeadline: 'Échéance contractuelle de la présente notification',
    nature: '1. Nature de la violation (article 33, §\u00a03, a, RGPD)',
    dataCategories: 'Catégories de données à caractère personnel concernées',
    subjectCategories: 'Catégories de personnes concernées',
    subjectsApprox: 'Nombre approximatif de personnes concernées',
    recordsApprox: "Nombre approximatif d'enregistrements de données à caractère personnel concernés",
    followsWhenKnown: "Les éléments encore en cours d'évaluation vous seront communiqués dès que notre enquête le permettra.",
    contact: '2. Point de contact (article 33, §\u00a03, b, RGPD)',
    contactText: (email, id) =>
      "Pour obtenir davantage d'informations sur cette violation, vous pouvez contacter " +
      `${common.contactPoint(email)}. Merci de mentionner le numéro d'incident ${id} dans toute correspondance.`,
    consequences: '3. Conséquences probables (article 33, §\u00a03, c, RGPD)',
    consequencesPending:
      'Nous évaluons actuellement les conséquences probables de la violation pour les personnes concernées. ' +
      "Nous vous communiquerons notre évaluation dans une notification complémentaire dès qu'elle sera disponible.",
    measures: '4. Mesures prises ou proposées (article 33, §\u00a03, d, RGPD)',
    measuresIntro:
      'Pour remédier à la violation et en atténuer les éventuelles conséquences négatives pour les personnes ' +
      'concernées, nous avons pris ou proposons les mesures suivantes\u00a0:',
    measuresPending:
      'Nous déterminons actuellement les mesures nécessaires pour remédier à la violation et en atténuer les ' +
      'éventuelles conséquences négatives pour les personnes concernées. Elles vous seront communiquées dans une ' +
      'notification complémentaire.',
    measuresOngoing:
      'Nous continuons à prendre, aussi rapidement que raisonnablement possible, les mesures correctives ' +
      'appropriées pour mettre fin à la violation et en prévenir ou limiter la répétition (article 8.2 de notre ' +
      'Politique de traitement des données). Si vous estimez que des mesures supplémentaires sont nécessaires pour ' +
      'protéger les personnes concernées, merci de nous en faire part.',
    clock: 'Votre propre délai de notification de 72 heures (à titre indicatif)',
    clockText: (start, end) =>
      "Si cette violation doit être notifiée à l'autorité de contrôle (en Belgique\u00a0: l'Autorité de protection " +
      'des données), votre délai de 72 heures (article 33, paragraphe 1, du RGPD) a commencé à courir lorsque vous ' +
      `en avez pris connaissance, et au plus tard à la réception de la présente notification\u00a0: ${start}. ` +
      `Ce délai expire alors le ${end}.`,
    clockGuidance:
      "Cette date n'est donnée qu'à titre indicatif. Il vous appartient, en tant que responsable du traitement, " +
      "d'apprécier si et quand la violation doit être notifiée, et si les personnes concernées doivent en être " +
      "informées (article 34 du RGPD). Nous vous apporterons toute l'assistance possible à cet égard (article 8.2 " +
      'de notre Politique de traitement des données).',
    phases: 'Informations communiquées par étapes',
    phasesText: (id) =>
      "Notre enquête se poursuit. Comme le permet l'article 33, paragraphe 4, du RGPD, nous vous communiquerons " +
      "les informations complémentaires par étapes, sans autre retard indu, au fur et à mesure qu'elles seront " +
      `disponibles. Chaque notification complémentaire mentionnera le numéro d'incident ${id}, et un rapport final ` +
      "vous sera adressé à la clôture de l'incident.",
    acknowledge: 'Accusé de réception',
    acknowledgeText: (email) =>
      "Nous vous remercions d'accuser réception de la présente notification " +
      `${common.howToAnswer.byReply(email)}. Tant que nous n'aurons pas reçu votre accusé de réception, nous vous enverrons des rappels.`,
    acknowledgeLink: 'Accuser réception',
    wrongRecipient:
      'Si cette notification ne vous est pas destinée, ou si une autre personne traite les violations de données ' +
      'à caractère personnel au sein de votre organisation, merci de nous en informer immédiatement.',
  },
  reminder: {
    subject: (id, n) => `Rappel n°\u00a0${n}\u00a0: merci d'accuser réception de notre notification – incident ${id}`,
    intro: (customer, sentAt, id, n) =>
      `Le ${sentAt}, nous avons notifié à ${customer} une violation de données à caractère personnel ` +
      `(incident ${id}). Nous n'avons pas encore reçu d'accusé de réception\u00a0; il s'agit de notre rappel ` +
      `n°\u00a0${n}.`,
    keyFacts: 'Informations essentielles',
    awareAt: 'Prise de connaissance de la violation par nos soins',
    nature: 'Nature de la violation',
    dataCategories: 'Catégories de données à caractère personnel concernées',
    subjectsApprox: 'Nombre approximatif de personnes concernées',
    measures: 'Mesures prises ou proposées\u00a0:',
    clockText: (sentAt, end) =>
      "Si cette violation doit être notifiée à l'autorité de contrôle, votre délai de 72 heures court depuis que " +
      `vous en avez pris connaissance, et au plus tard depuis la réception de notre notification le ${sentAt}. ` +
      `À titre indicatif, ce délai expire alors au plus tard le ${end}.`,
    request: (email) =>
      "Nous vous remercions d'en accuser réception dans les meilleurs délais " +
      `${common.howToAnswer.byReply(email)}. Nous aurons ainsi la certitude que la notification est parvenue aux bonnes personnes.`,
    acknowledgeLink: 'Accuser réception',
    notReceived:
      "Si vous n'avez pas reçu notre notification, ou si une autre personne traite les violations de données à " +
      'caractère personnel au sein de votre organisation, merci de nous en informer immédiatement. Nous vous ' +
      'renverrons alors la notification complète.',
    suspected: "Il s'agit d'une violation présumée\u00a0: nous ne l'avons encore ni confirmée ni écartée.",
  },
  update: {
    subject: (id) => `Informations complémentaires – incident ${id}`,
    intro: (customer, id) =>
      `Pour faire suite à notre notification adressée à ${customer} concernant l'incident ${id}, nous vous ` +
      'communiquons de nouvelles informations sur la violation de données à caractère personnel. Nous vous ' +
      "transmettons les informations par étapes, au fur et à mesure qu'elles sont disponibles (article 33, " +
      'paragraphe 4, du RGPD).',
    sentAt: 'Envoi du présent complément',
    status: 'État de la situation',
    contained: 'La violation est maîtrisée.',
    notContained: "La violation n'est pas encore maîtrisée.",
    update: 'Nouvelles informations',
    measures: 'Mesures prises ou proposées',
    measuresIntro:
      'Pour remédier à la violation et en atténuer les éventuelles conséquences négatives pour les personnes ' +
      'concernées, nous avons pris ou proposons à ce jour les mesures suivantes\u00a0:',
    noNewMeasures: 'Aucune nouvelle mesure depuis notre précédente notification.',
    next: {
      contained: "Nous continuons à suivre la situation et vous adresserons un rapport final dès la clôture de l'incident.",
      notContained:
        'Nous poursuivons nos efforts pour maîtriser la violation et vous tiendrons informés de toute évolution ' + 'importante.',
      unknown:
        'Nous vous tiendrons informés de toute évolution importante et vous adresserons un rapport final dès la ' +
        "clôture de l'incident.",
    },
    assessed: {
      confirmed: {
        subject: (id) => `Violation présumée confirmée – incident ${id}`,
        text:
          'Notre enquête a confirmé la violation de données à caractère personnel que nous vous avions notifiée ' +
          'comme présumée. Les informations de notre notification, complétées par ce qui suit, portent désormais ' +
          'sur une violation avérée.',
      },
      'ruled-out': {
        subject: (id) => `Violation présumée écartée – incident ${id}`,
        text:
          'Notre enquête a écarté la violation de données à caractère personnel que nous vous avions notifiée ' +
          "comme présumée\u00a0: la sécurité des données à caractère personnel que nous traitons pour votre compte n'a " +
          'pas été compromise.',
      },
    },
    ruledOutNext:
      "La présente notification clôture l'incident\u00a0; aucun rapport final ne suivra. Nous vous recommandons de " +
      'la conserver avec votre documentation relative à la violation présumée.',
    known: 'Ce que nous savons à ce stade',
    consequences: 'Conséquences probables pour les personnes concernées',
    notKnownYet: "en cours d'évaluation\u00a0; nous vous en informerons dès que nous le saurons",
    use: (email, id) =>
      "Si vous avez notifié la violation à l'autorité de contrôle, ces informations peuvent vous servir à " +
      'compléter votre notification. Pour toute question, notre équipe Protection des données est joignable à ' +
      `l'adresse ${email}\u00a0; merci de mentionner le numéro d'incident ${id}.`,
  },
  finalReport: {
    subject: (id) => `Rapport final – incident ${id} clôturé`,
    intro: (customer, id) =>
      `Nous avons clôturé l'incident ${id}. Vous trouverez ci-dessous notre rapport final sur la violation de ` +
      `données à caractère personnel que nous avons précédemment notifiée à ${customer}.`,
    closedAt: 'Date de clôture',
    report: 'Rapport final',
    measures: 'Mesures prises',
    measuresIntro:
      'Pour remédier à la violation, en limiter les conséquences pour les personnes concernées et en prévenir la ' +
      'répétition, nous avons pris les mesures suivantes\u00a0:',
    measuresInReport: 'Les mesures que nous avons prises sont décrites dans le rapport final ci-dessus.',
    keep:
      'Nous vous recommandons de conserver ce rapport dans votre documentation des violations de données à ' +
      "caractère personnel (article 33, paragraphe 5, du RGPD). Si vous avez notifié la violation à l'autorité de " +
      'contrôle, ce rapport peut vous servir à compléter votre notification.',
    questions: (email, id) =>
      "Pour toute question sur cet incident ou si vous avez besoin d'une assistance complémentaire, notre équipe " +
      `Protection des données reste à votre disposition à l'adresse ${email}\u00a0; merci de mentionner le ` +
      `numéro d'incident ${id}.`,
  },
} satisfies BreachCopy;
