import { fr as common } from '../common/fr';
import type { InstructionCopy } from './copy';

export const fr = {
  marker: '[Instruction de traitement]',
  confidential:
    'Ce courriel contient des informations confidentielles relatives au traitement de données à caractère ' +
    'personnel pour votre organisation.',
  reference: "Référence de l'instruction",
  flaggedOn: 'Signalée le',
  answerBy: 'Réponse attendue au plus tard le',
  suspendedSince: 'Suspendue depuis le',
  theInstruction: "L'instruction",
  why: "Pourquoi l'instruction nous paraît contraire à la loi",
  whatWeAsk: 'Ce que nous vous demandons',
  options: [
    "Modifier l'instruction afin qu'elle ne soit plus contraire au RGPD ou à une autre législation\u00a0; ou",
    "Si vous maintenez l'instruction, confirmer par écrit qu'elle est licite et en garantir la légalité, en motivant votre position.",
  ],
  howToAnswer: (email, id) =>
    `Vous pouvez répondre ${common.howToAnswer.inWriting(email)}, en mentionnant la référence ${id}. ` +
    'En tant que responsable du traitement, vous conservez la maîtrise totale du traitement (article 3.3 de notre ' +
    "Politique de traitement des données). Si vous n'êtes pas en mesure de respecter vos obligations à cet égard, " +
    'merci de nous en informer sans délai (article 3.4).',
  questions: (email, id) => `Pour toute question, vous pouvez contacter ${common.contactPoint(email)}, en mentionnant la référence ${id}.`,
  notice: {
    subject: (id) => `Instruction ${id}\u00a0: possible violation de la loi, votre réponse est attendue`,
    intro: (customer) =>
      `En notre qualité de sous-traitant pour ${customer}, nous ne traitons les données à caractère personnel que ` +
      'sur instruction documentée de votre part (article 3.1 de notre Politique de traitement des données). Nous ' +
      'devons vous informer si, selon nous, une instruction constitue une violation du Règlement général sur la ' +
      "protection des données (RGPD) ou d'une autre législation (article 3.2 de notre Politique de traitement des " +
      "données\u00a0; article 28, paragraphe 3, dernier alinéa, du RGPD). C'est le cas de l'instruction ci-dessous.",
    answer: 'La suite',
    answerText: (due) =>
      `Nous vous demandons de nous répondre au plus tard le ${due}. Si, à cette date, vous n'avez ni modifié ` +
      "l'instruction ni garanti sa légalité, ou si vous nous faites savoir que vous refusez de la modifier, nous en " +
      "suspendrons l'exécution (article 3.2, i). Nous pourrons alors, à notre discrétion, soit continuer à traiter " +
      'vos données à caractère personnel conformément à vos instructions antérieures, soit arrêter entièrement le ' +
      'traitement (article 3.2, ii). Nous vous ferons connaître notre choix.',
  },
  suspension: {
    subject: (id) => `Instruction ${id} suspendue`,
    intro: {
      'no-answer': (customer, flagged, id, due) =>
        `Le ${flagged}, nous avons informé ${customer} que l'instruction ${id} nous paraît contraire au RGPD ou à une ` +
        `autre législation, et vous avons demandé de la modifier ou d'en garantir la légalité au plus tard le ${due}. ` +
        "À cette date, nous n'avions reçu ni instruction modifiée que nous puissions accepter, ni une telle garantie. " +
        "Comme le permet l'article 3.2, i, de notre Politique de traitement des données, nous avons donc suspendu " +
        "l'exécution de l'instruction.",
      refused: (customer, flagged, id) =>
        `Le ${flagged}, nous avons informé ${customer} que l'instruction ${id} nous paraît contraire au RGPD ou à une ` +
        "autre législation. Vous nous avez fait savoir que vous ne la modifierez pas. Comme le permet l'article 3.2, i, " +
        "de notre Politique de traitement des données, nous en avons donc suspendu l'exécution.",
      operator: (customer, flagged, id) =>
        `Le ${flagged}, nous avons informé ${customer} que l'instruction ${id} nous paraît contraire au RGPD ou à une ` +
        "autre législation. L'instruction étant manifestement illicite, nous en avons suspendu l'exécution " +
        'immédiatement, sans attendre votre réponse (article 3.2, i, de notre Politique de traitement des données). ' +
        "Vous pouvez toujours modifier l'instruction ou en garantir la légalité.",
    },
    reasonHeading: { refused: 'La raison que vous avez donnée', operator: 'Pourquoi nous la suspendons immédiatement' },
    meanwhile: "Traitement dans l'intervalle",
    meanwhileText:
      "Jusqu'à ce que vous modifiiez l'instruction afin qu'elle ne soit plus contraire à la loi, ou que vous en " +
      'garantissiez la légalité, nous pourrons, à notre discrétion, soit continuer à traiter vos données à caractère ' +
      'personnel conformément à vos instructions antérieures, soit arrêter entièrement le traitement (article 3.2, ' +
      'ii). Nous vous ferons connaître notre choix.',
    reminders: "Tant que l'instruction reste suspendue, nous vous adresserons des rappels réguliers.",
  },
  revisionRejected: {
    subject: (id) => `Votre instruction modifiée ${id} ne peut pas être exécutée`,
    intro: (customer, at, id) =>
      `Nous avons reçu le ${at} une modification de l'instruction ${id} de ${customer}. Selon nous, l'instruction ` +
      "modifiée reste contraire au RGPD ou à une autre législation\u00a0; nous ne pouvons donc pas l'exécuter " +
      '(article 3.2 de notre Politique de traitement des données).',
    revisionHeading: 'Votre instruction modifiée',
    whyHeading: 'Pourquoi elle reste contraire à la loi',
    next: {
      flagged: (due) =>
        "Vous pouvez encore nous adresser une instruction modifiée ou garantir la légalité de l'instruction " +
        `jusqu'au ${due}. Passé cette date, nous en suspendrons l'exécution (article 3.2, i).`,
      suspended:
        "L'exécution de l'instruction est donc suspendue jusqu'à ce que vous nous adressiez une instruction modifiée " +
        'qui ne soit plus contraire à la loi, ou que vous en garantissiez la légalité (article 3.2).',
    },
  },
  decision: {
    subject: (id) => `Notre décision sur le traitement pendant la suspension de l'instruction ${id}`,
    intro: (customer, flagged, id, decided) =>
      `Le ${flagged}, nous avons informé ${customer} que nous avions suspendu l'instruction ${id}, parce qu'elle ` +
      "nous paraît contraire au RGPD ou à une autre législation. Comme le permet l'article 3.2 de notre Politique de " +
      `traitement des données, nous avons pris le ${decided} la décision suivante.`,
    decidedAt: 'Décision prise le',
    heading: {
      'continue-under-earlier-instructions': 'Nous poursuivons le traitement selon vos instructions antérieures',
      'stop-processing': 'Nous arrêtons le traitement',
    },
    text: {
      'continue-under-earlier-instructions':
        "Nous n'exécutons pas l'instruction suspendue, mais continuons à traiter vos données à caractère personnel " +
        'conformément aux instructions que vous nous avez données auparavant. Les services restent donc disponibles ' +
        'comme avant cette instruction.',
      'stop-processing':
        "Nous arrêtons entièrement le traitement de vos données à caractère personnel jusqu'à ce que vous modifiiez " +
        "l'instruction ou en garantissiez la légalité. Les services qui nécessitent ce traitement ne sont pas " +
        "disponibles pendant cette période. Dans l'intervalle, nous nous limitons à conserver vos données de manière " +
        'sécurisée\u00a0; nous ne supprimons rien sans votre instruction.',
    },
    note: 'Précisions',
    validity:
      "Cette décision s'applique jusqu'à ce que vous modifiiez l'instruction ou en garantissiez la légalité par écrit. " +
      'Si nous la modifions entre-temps, nous vous en informerons.',
  },
  reminder: {
    subject: (id, n) => `Rappel n°\u00a0${n}\u00a0: l'instruction ${id} reste suspendue`,
    intro: (customer, flagged, id, n) =>
      `Le ${flagged}, nous avons informé ${customer} que l'instruction ${id} nous paraît contraire au RGPD ou à une ` +
      "autre législation, et que nous en avions suspendu l'exécution. Nous n'avons encore reçu ni instruction " +
      `modifiée ni garantie de sa légalité\u00a0; il s'agit de notre rappel n°\u00a0${n}.`,
    meanwhile: "Traitement dans l'intervalle",
    decision: {
      'continue-under-earlier-instructions': 'poursuivi selon vos instructions antérieures',
      'stop-processing': "arrêté jusqu'à la modification de l'instruction ou la garantie de sa légalité",
      none: 'pas encore décidé\u00a0: nous vous ferons connaître notre décision',
    },
  },
  resumed: {
    subject: {
      revised: (id) => `Votre instruction modifiée ${id} est exécutée`,
      confirmed: (id) => `L'instruction ${id} est de nouveau exécutée sur la base de votre garantie`,
    },
    intro: {
      revised: (customer, at, id) =>
        `Nous avons accepté le ${at} l'instruction modifiée de ${customer} (référence ${id})\u00a0: selon nous, elle ` +
        "n'est plus contraire à la loi. La suspension prend donc fin\u00a0: nous traitons désormais vos données à " +
        "caractère personnel conformément à l'instruction modifiée.",
      confirmed: (customer, at, id) =>
        `Nous avons reçu le ${at} la confirmation que ${customer} maintient l'instruction ${id} et en garantit la ` +
        'légalité. En tant que responsable du traitement, vous conservez la maîtrise totale du traitement (article ' +
        '3.3 de notre Politique de traitement des données)\u00a0; nous levons donc la suspension et exécutons ' +
        "désormais l'instruction.",
    },
    resumedAt: 'Exécutée de nouveau à partir du',
    textHeading: { revised: 'Votre instruction modifiée', confirmed: 'Votre garantie' },
    after: {
      revised: 'Nous conservons votre instruction modifiée avec vos instructions documentées (article 3.1).',
      confirmed:
        "Nous conservons votre garantie avec vos instructions documentées (article 3.1). S'il s'avérait par la suite " +
        "que l'instruction est contraire à la loi, nous vous en informerions à nouveau.",
    },
    carriedOut: {
      subject: {
        revised: (id) => `Votre instruction modifiée ${id} est exécutée`,
        confirmed: (id) => `L'instruction ${id} est exécutée sur la base de votre garantie`,
      },
      intro: {
        revised: (customer, at, id) =>
          `Nous avons accepté le ${at} l'instruction modifiée de ${customer} (référence ${id})\u00a0: selon nous, elle ` +
          "n'est plus contraire à la loi. L'instruction n'a pas été suspendue\u00a0; nous traitons désormais vos " +
          "données à caractère personnel conformément à l'instruction modifiée.",
        confirmed: (customer, at, id) =>
          `Nous avons reçu le ${at} la confirmation que ${customer} maintient l'instruction ${id} et en garantit la ` +
          'légalité. En tant que responsable du traitement, vous conservez la maîtrise totale du traitement (article ' +
          "3.3 de notre Politique de traitement des données)\u00a0; nous exécutons donc désormais l'instruction, sans " +
          'la suspendre.',
      },
      at: 'Exécutée à partir du',
    },
  },
} satisfies InstructionCopy;
