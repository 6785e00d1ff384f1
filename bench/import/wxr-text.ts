/**
 * Original French-like text for the generated WordPress export: local-news sentences, headlines,
 * reader comments, invented towns and people, all drawn from word lists written for Dépêche with
 * a seeded generator, so the same seed gives the same file.
 */
import { random } from '../search/synthetic-corpus.js';

const SUBJECTS = [
  'Le conseil municipal', 'La préfecture', 'Les habitants du quartier', 'L’association des commerçants', 'Le maire', 'Une délégation d’élus',
  'Les élus de l’opposition', 'La direction de l’hôpital', 'Le club de football', 'Les agriculteurs du canton', 'Le syndicat des eaux', 'La communauté de communes',
  'Les parents d’élèves', 'Le rectorat', 'La compagnie de bus', 'Un collectif de riverains', 'Les pompiers', 'La chambre de commerce', 'L’office de tourisme',
  'Les bénévoles de la banque alimentaire', 'Le tribunal administratif', 'La gendarmerie', 'Le département', 'La région', 'Les salariés de la conserverie',
  'Une start-up locale', 'Le festival d’été', 'La médiathèque', 'Le comité des fêtes', 'Les enseignants du collège',
];
/** Verbs in the singular and the plural (the subject decides). */
const VERBS: readonly (readonly [string, string])[] = [
  ['a annoncé', 'ont annoncé'], ['a présenté', 'ont présenté'], ['prévoit', 'prévoient'], ['envisage', 'envisagent'], ['a confirmé', 'ont confirmé'],
  ['réclame', 'réclament'], ['a voté', 'ont voté'], ['étudie', 'étudient'], ['a dévoilé', 'ont dévoilé'], ['conteste', 'contestent'], ['soutient', 'soutiennent'],
  ['prépare', 'préparent'], ['a inauguré', 'ont inauguré'], ['repousse', 'repoussent'], ['a obtenu', 'ont obtenu'], ['défend', 'défendent'], ['lance', 'lancent'],
  ['a signé', 'ont signé'], ['organise', 'organisent'], ['finance', 'financent'], ['redoute', 'redoutent'], ['attend', 'attendent'], ['a suspendu', 'ont suspendu'],
  ['relance', 'relancent'],
];
const OBJECTS = [
  'un nouveau plan de circulation', 'la rénovation de la salle des fêtes', 'la fermeture provisoire du pont', 'l’ouverture d’une crèche', 'un marché de producteurs',
  'la réfection de la place centrale', 'un service de navettes gratuites', 'la création d’une piste cyclable', 'le déménagement de la mairie annexe',
  'une hausse des tarifs de la cantine', 'l’extension de la zone d’activités', 'la vente de l’ancienne caserne', 'un programme de logements sociaux',
  'la mise en valeur des berges', 'un plan contre les inondations', 'la numérisation des archives', 'un concours de nouvelles', 'l’accueil de familles réfugiées',
  'la réouverture de la piscine', 'un parc éolien en mer', 'la rénovation énergétique des écoles', 'un jumelage avec une ville bavaroise', 'la reprise de la fromagerie',
  'le passage à la semaine de quatre jours', 'un nouveau centre de santé', 'la végétalisation des cours d’école',
];
const COMPLEMENTS = [
  'pour la rentrée', 'd’ici à la fin de l’année', 'malgré les réserves des riverains', 'après deux ans de travaux', 'à la demande des parents',
  'lors de la séance de jeudi soir', 'faute de financement', 'sous la pression des associations', 'avec le soutien de l’État', 'dans la plus grande discrétion',
  'au grand soulagement des commerçants', 'pour un montant encore inconnu', 'sans attendre l’avis de l’enquête publique', 'dès le printemps prochain',
  'à l’issue d’une longue concertation', 'en partenariat avec le lycée agricole', 'devant une salle comble', 'au terme d’un vote serré',
];
const QUOTES = [
  'nous ne pouvions plus attendre', 'c’est une étape importante pour tout le territoire', 'rien n’est encore décidé', 'les habitants doivent être consultés',
  'le calendrier sera tenu', 'nous avons entendu les inquiétudes', 'ce projet change la vie du quartier', 'il faudra rester vigilants',
  'la facture sera partagée équitablement', 'on nous avait promis mieux',
];
const CONNECTORS = ['Par ailleurs,', 'En revanche,', 'Selon la mairie,', 'De son côté,', 'Dans le même temps,', 'Pour l’heure,', 'À terme,', 'Toutefois,'];
const FIRST_NAMES = ['Agnès', 'Bastien', 'Céline', 'Damien', 'Estelle', 'Fabrice', 'Gaëlle', 'Hervé', 'Isabelle', 'Jérôme', 'Karine', 'Loïc', 'Mélanie', 'Noël', 'Océane', 'Patrice', 'Rachida', 'Sébastien', 'Tiphaine', 'Yannick', 'Zoé', 'Aurélien', 'Bérénice', 'Cyril'];
const LAST_NAMES = ['Aubert', 'Besnard', 'Collet', 'Delmas', 'Esnault', 'Fabre', 'Guérin', 'Hamon', 'Jacquet', 'Labbé', 'Maillard', 'Navarro', 'Olivier', 'Poulain', 'Quéré', 'Roussel', 'Salaün', 'Tessier', 'Vidal', 'Weber', 'Le Goff', 'N’Diaye'];
const TOWN_STARTS = ['Mont', 'Val', 'Roche', 'Bois', 'Ville', 'Font', 'Beau', 'Clair', 'Pierre', 'Cour', 'Brie', 'Lan', 'Ker', 'Mar', 'Sau'];
const TOWN_ENDS = ['ferrac', 'morin', 'lac', 'court', 'fleury', 'brune', 'vieille', 'sec', 'gonne', 'ézan', 'nieux', 'vannes', 'dillac', 'moutier', 'hardy'];
const RIVERS = ['Lèze', 'Aveyrolle', 'Brévenne', 'Orbise', 'Vézère-Basse', 'Sarthonne', 'Dorlette'];
const COMMENT_OPENERS = [
  'Bravo pour cet article.', 'Je ne suis pas d’accord.', 'Enfin une bonne nouvelle !', 'Et les parkings, on en parle ?', 'Merci pour ces précisions.',
  'Article très complet.', 'Encore un projet qui va traîner…', 'J’habite juste à côté,', 'Il était temps.', 'Quelqu’un sait combien ça coûte ?', 'Bonjour,',
];
const COMMENT_BODIES = [
  'les travaux ont déjà pris un an de retard', 'personne ne nous a demandé notre avis', 'c’est exactement ce qu’il fallait au quartier',
  'les horaires ne conviennent pas à ceux qui travaillent', 'il faudrait aussi penser aux personnes âgées', 'mes enfants attendent ça depuis longtemps',
  'la réunion publique était pleine à craquer', 'on verra bien dans six mois', 'le bus passe déjà trop rarement', 'tout ça pour ça',
];

/** A seeded source of French-like text for posts, headlines and comments. */
export class WxrText {
  private readonly r: () => number;

  constructor(seed: number) {
    this.r = random(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    return this.r();
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)] as T;
  }

  /** A verb agreeing with its subject ("Les …" subjects are plural). */
  private verb(subject: string): string {
    const [singular, plural] = this.pick(VERBS);
    return subject.startsWith('Les ') ? plural : singular;
  }

  /** A subject and its verb. */
  private clause(withTown: boolean): string {
    const subject = this.pick(SUBJECTS);
    return `${withTown ? `${subject} de ${this.town()}` : subject} ${this.verb(subject)}`;
  }

  /** An invented town, sometimes "…-sur-<river>". */
  town(): string {
    const name = this.pick(TOWN_STARTS) + this.pick(TOWN_ENDS);
    return this.r() < 0.2 ? `${name}-sur-${this.pick(RIVERS)}` : name;
  }

  person(): string {
    return `${this.pick(FIRST_NAMES)} ${this.pick(LAST_NAMES)}`;
  }

  /** A sentence of local news. */
  sentence(): string {
    const x = this.r();
    if (x < 0.15) return `« ${capitalise(this.pick(QUOTES))} », explique ${this.person()}, ${this.pick(['adjointe au maire', 'président de l’association', 'habitante du quartier', 'directeur du service', 'conseillère régionale'])}.`;
    if (x < 0.25) return `${this.pick(CONNECTORS)} ${lower(this.clause(false))} ${this.pick(OBJECTS)}.`;
    if (x < 0.35) return `Le coût est estimé à ${this.int(2, 950)}${this.r() < 0.5 ? '\u00a0000 euros' : ',5 millions d’euros'}, dont ${this.int(10, 80)} % pris en charge par ${this.pick(['l’État', 'la région', 'le département', 'l’Europe'])}.`;
    return `${this.clause(true)} ${this.pick(OBJECTS)} ${this.pick(COMPLEMENTS)}.`;
  }

  /** A paragraph of two to four sentences. */
  paragraph(): string {
    return Array.from({ length: this.int(2, 4) }, () => this.sentence()).join(' ');
  }

  /** A headline (no final period); now and then with « », & or a colon. */
  headline(): string {
    const x = this.r();
    const object = this.pick(OBJECTS);
    if (x < 0.3) return `${this.town()} : ${object} ${this.pick(COMPLEMENTS)}`;
    if (x < 0.35) return `Commerce & artisanat : ${object}`;
    if (x < 0.45) return `« ${capitalise(this.pick(QUOTES))} » : ${lower(this.clause(false))} ${object}`;
    if (x < 0.75) return `${this.clause(true)} ${object}`;
    return `${this.clause(false)} ${object}`;
  }

  /** A reader's comment: one or two short paragraphs. */
  comment(): string {
    const first = `${this.pick(COMMENT_OPENERS)} ${capitalise(this.pick(COMMENT_BODIES))}.`;
    return this.r() < 0.3 ? `${first}\n\n${capitalise(this.pick(COMMENT_BODIES))}, ${this.pick(COMMENT_BODIES)}.` : first;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** ASCII slug of a French text, the way WordPress's sanitize_title roughly does. */
export function wpSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 190);
}
