import type { SubprocessorChangeCopy } from './copy';

export const fr = {
  marker: '[Sous-traitants ultérieurs]',
  action: {
    added: 'nouveau sous-traitant ultérieur',
    replaced: "remplacement d'un sous-traitant ultérieur",
    removed: 'sous-traitant ultérieur retiré',
  },
  basis: {
    eea: "aucun transfert : le sous-traitant ultérieur est établi dans l'Espace économique européen",
    adequacy: "décision d'adéquation de la Commission européenne (art. 45 RGPD)",
    scc: 'clauses contractuelles types (décision (UE) 2021/914, art. 46 RGPD)',
    bcr: "règles d'entreprise contraignantes (art. 47 RGPD)",
    certification: 'certification (art. 46, par. 2, f) RGPD)',
  },
  labels: {
    change: 'Référence de la modification',
    action: 'Modification',
    subprocessor: 'Sous-traitant ultérieur',
    replaces: 'Remplace',
    country: "Pays d'établissement",
    purpose: 'Finalité du traitement',
    basis: 'Base du transfert',
    effective: "Prise d'effet",
    objectBy: "Opposition possible jusqu'au",
  },
  noticeSubject: (name) => `Modification de nos sous-traitants ultérieurs : ${name}`,
  noticeIntro: (customer) =>
    `Conformément à notre politique de traitement (article 5), nous informons ${customer} d'une modification de la liste ` +
    'des sous-traitants ultérieurs auxquels nous faisons appel pour traiter des données à caractère personnel pour votre compte. ' +
    'La liste mise à jour signale la modification.',
  howToObject: (contact, by) =>
    `Vous pouvez vous opposer à cette modification, par écrit et en indiquant vos motifs, jusqu'au ${by}. ` +
    `Adressez votre opposition à ${contact}. Nous examinons chaque opposition ; si nous la jugeons raisonnable, nous vous ` +
    'proposerons dans les 30 jours une modification des services ou de leur utilisation.',
  silence: 'Sans opposition dans ce délai, nous considérerons la modification comme acceptée.',
  urgent: {
    subjectMark: 'Urgent :',
    notice: (effective, by) =>
      `Cette modification est urgente : elle prend effet le ${effective}, avant la fin du délai dans lequel vous pouvez ` +
      `vous y opposer. Le motif figure ci-dessous. Vous pouvez néanmoins encore vous y opposer jusqu'au ${by}, comme pour ` +
      'toute modification, et nous examinerons votre opposition de la même manière.',
    reasonLabel: 'Pourquoi cette modification est urgente',
  },
  reminderSubject: (name) => `Rappel : opposition au sous-traitant ultérieur ${name} encore possible`,
  reminderIntro: (by) => `Nous vous rappelons que vous pouvez vous opposer à la modification ci-dessous jusqu'au ${by}.`,
  rejectedSubject: (name) => `Votre opposition au sous-traitant ultérieur ${name}`,
  rejectedIntro: 'Nous avons examiné attentivement votre opposition à la modification ci-dessous, mais ne la jugeons pas raisonnable.',
  reasonLabel: 'Notre motivation',
  rejectedOutro: "La modification est donc maintenue telle qu'annoncée. Pour toute question, répondez à ce courriel.",
  offerSubject: (name) => `Notre proposition suite à votre opposition au sous-traitant ultérieur ${name}`,
  offerIntro:
    'Nous jugeons votre opposition raisonnable. Nous vous proposons la modification suivante des services ou de leur utilisation :',
  offerOutro: (contact) => `Merci de nous faire savoir par écrit si vous acceptez cette proposition, à l'adresse ${contact}.`,
  offerReminderSubject: (name) => `Rappel : notre proposition suite à votre opposition au sous-traitant ultérieur ${name}`,
  offerReminderIntro: (offeredAt) =>
    `Le ${offeredAt}, nous vous avons proposé, suite à votre opposition, la modification suivante des services ou de leur utilisation. Nous n'avons pas encore reçu votre réponse :`,
  offerStandsSubject: (name) => `Notre proposition suite à votre opposition au sous-traitant ultérieur ${name} est maintenue`,
  offerStandsIntro:
    "Nous avons examiné votre refus de notre proposition. Nous restons d'avis que la modification proposée vous épargne le " +
    'traitement par ce sous-traitant ultérieur sans vous imposer de charge déraisonnable. Notre proposition est donc maintenue, ' +
    "et l'article 5.3 de notre politique de traitement ne donne pas de droit de résilier les services.",
  offerStandsOutro: (contact) => `La proposition reste ouverte. Merci de nous dire par écrit si vous l'acceptez, à l'adresse ${contact}.`,
  terminationSubject: (name) => `Votre droit de résilier les services concernés (sous-traitant ultérieur ${name})`,
  terminationIntro: {
    'not-judged': (deadline) => `Nous n'avons pas répondu à votre opposition dans les 30 jours (jusqu'au ${deadline}).`,
    'no-offer': (deadline) =>
      `Nous avons jugé votre opposition raisonnable, mais n'avons pas pu vous proposer de modification dans les 30 jours (jusqu'au ${deadline}).`,
    'offer-declined': () => "Vous n'avez pas accepté notre proposition faisant suite à votre opposition raisonnable.",
  },
  terminationServices: (services) =>
    `Conformément à l'article 5.4 de notre politique de traitement, vous pouvez dès lors résilier les services pour lesquels ce sous-traitant ultérieur intervient : ${services}.`,
  terminationOutro: (contact) => `Si vous souhaitez exercer ce droit, faites-le-nous savoir par écrit à l'adresse ${contact}.`,
} satisfies SubprocessorChangeCopy;
