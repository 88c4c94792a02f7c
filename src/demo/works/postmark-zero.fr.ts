import { chapter, type DemoWork } from '../demo.types.ts';
import { prose } from '../prose.ts';

/** "Le courrier de minuit", the demo's French work (Postmark Zero). All text is original. */
const text = `
À minuit, la station Postmark Zero dormait. Les tambours de tri s'étaient arrêtés, les couloirs baignaient dans une lumière ambrée, et même les pompes à air semblaient respirer plus doucement.

Marguerite Oyelaran, elle, ne dormait pas.

Elle était assise dans la salle de tri, une tasse de thé à la cardamome entre les mains, devant le petit bac que personne n'ouvrait jamais : les lettres sans destinataire. Des cartes postales dont l'encre avait coulé. Des enveloppes adressées à des stations démolies depuis vingt ans. Une lettre d'amour, sans signature, qui commençait par « Tu ne me connais pas encore ».

— Docteur, dit ARLO, très bas, comme on parle dans une bibliothèque. Il est minuit quatorze.

— Je sais lire une horloge, ARLO.

— Je sais. C'est une formule de politesse. Toby m'a dit que les humains aiment qu'on leur rappelle l'heure quand ils font quelque chose de déraisonnable.

Marguerite sourit malgré elle.

— Et qu'est-ce que je fais de déraisonnable ?

— Vous lisez le courrier des autres.

— Le courrier de personne, corrigea-t-elle. Ce n'est pas pareil.

ARLO réfléchit. Elle l'entendait presque réfléchir : un léger bourdonnement dans les haut-parleurs, comme une ruche lointaine.

— Pourquoi ?

Elle tourna la lettre d'amour entre ses doigts.

— Parce que quelqu'un les a écrites, dit-elle enfin. Quelqu'un s'est assis, a choisi ses mots, a collé un timbre. Et puis rien. Personne ne les a jamais lues. Ça me semble... triste. Alors je les lis. Une par nuit. Pour que ça compte un peu.

Le bourdonnement se tut. Puis :

— Voulez-vous que je lise avec vous ?

Marguerite leva les yeux vers la grille du haut-parleur. Elle pensa à toutes les nuits passées seule à l'infirmerie, à toutes les tasses de thé oubliées jusqu'à ce qu'elles refroidissent, à toutes les fois où elle avait dit « je suis occupée » au lieu de dire autre chose.

— Oui, dit-elle. Je crois que j'aimerais bien.

Elle déplia la lettre. Dehors, au-delà du hublot, les balises clignotaient dans le noir, patientes et fidèles.

« Tu ne me connais pas encore », lut-elle à voix haute, et ARLO écouta jusqu'au bout.
`;

export const courrierDeMinuit: DemoWork = {
  slug: 'le-courrier-de-minuit',
  work: {
    title: 'Le courrier de minuit',
    summary: prose('À minuit, la station dort. Marguerite, non. ARLO non plus.'),
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: ['Postmark Zero (TV)'],
    characters: ['Marguerite Oyelaran', 'ARLO (Postmark Zero)'],
    tags: ['Friendship', 'Insomnia', 'Night Shift', 'Lost Mail'],
    language: 'fr',
    creators: ['plume_stellaire'],
    publishedOn: '2022-11-05',
    chapters: [chapter(text)],
  },
};
