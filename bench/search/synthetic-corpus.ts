/**
 * A synthetic French-like news corpus for the search benchmark: original text generated from
 * word lists written for Dépêche, with Zipf-distributed word choice (a few words everywhere,
 * most words rare), inflected forms, invented names and thousands of made-up words built
 * from French syllables, so the vocabulary is as large and skewed as a real archive's.
 */

/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = 'gouvernement ministre député élection réforme budget région commune maire conseil projet loi tribunal juge enquête police sécurité hôpital santé médecin patient école lycée université étudiant enseignant entreprise usine salarié emploi chômage syndicat grève salaire prix inflation marché banque crédit logement loyer immeuble quartier ville village route train gare aéroport port navire énergie électricité gaz pétrole centrale éolienne climat température sécheresse inondation tempête forêt rivière montagne glacier océan agriculture agriculteur récolte vigne élevage festival théâtre cinéma musée exposition roman auteur concert musique artiste patrimoine recherche laboratoire chercheur étude vaccin satellite fusée planète comète données réseau internet téléphone logiciel match équipe joueur entraîneur championnat stade victoire défaite frontière diplomate sommet accord traité négociation guerre armée soldat cessez-le-feu réfugié habitant famille enfant jeunesse retraite pension impôt taxe dette déficit commission parlement sénat assemblée opposition majorité coalition candidat campagne sondage vote scrutin citoyen association manifestation transport circulation vélo voiture autoroute chantier travaux pont tunnel eau déchet pollution biodiversité espèce abeille oiseau poisson'.split(' ');
const ADJECTIVES = 'nouveau grand petit important national local régional européen international public privé social économique politique culturel scientifique numérique écologique agricole industriel urbain rural ancien récent premier dernier prochain fort faible rapide lent difficile possible nécessaire majeur mineur historique inédit exceptionnel habituel officiel provisoire durable fragile solide complexe'.split(' ');
const VERBS = 'annonce présente prépare lance propose critique défend rejette adopte examine prévoit confirme dément reporte accélère freine finance soutient menace inquiète rassure mobilise réunit accueille ouvre ferme relance réduit augmente stabilise modifie renforce attend espère redoute dénonce réclame obtient signe négocie organise publie révèle'.split(' ');
const LINKS = 'dans pour avec sans selon après avant depuis pendant contre vers entre sous sur chez malgré'.split(' ');
const DETERMINERS = 'le la les un une des ce cette ces son sa ses leur leurs du au aux'.split(' ');
const CITIES = 'Paris Lyon Marseille Toulouse Nantes Lille Bordeaux Rennes Strasbourg Grenoble Dijon Brest Nice Montpellier Rouen Metz Tours Amiens Limoges Clermont-Ferrand Bruxelles Genève Montréal Dakar Abidjan Berlin Madrid Rome Varsovie Kyiv'.split(' ');
const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu cha che chi cho tra tre tri tro pla ple pli gra gre gri bra bre bri cla cle cli fla fle fli'.split(' ');
const ENDINGS = ['tion', 'ment', 'age', 'ure', 'ique', 'isme', 'iste', 'eur', 'ette', 'ois', 'ain', 'ard', 'elle', 'ier', 'oir'];

/** Inflects a word the French way now and then (plural, feminine). */
function inflect(word: string, r: () => number): string {
  const x = r();
  if (x < 0.25 && !/[sxz]$/.test(word)) return /al$/.test(word) ? `${word.slice(0, -2)}aux` : `${word}s`;
  if (x < 0.3 && /[^e]$/.test(word)) return `${word}e`;
  return word;
}

/** The generator: word pools sampled with Zipf's law. */
export class FrenchLikeText {
  private readonly r: () => number;
  private readonly inventedWords: string[];
  private readonly people: string[];
  private readonly cdf: Float64Array;

  constructor(seed = 42, inventedCount = 30_000) {
    this.r = random(seed);
    const invented = new Set<string>();
    while (invented.size < inventedCount) {
      const n = 2 + Math.floor(this.r() * 3);
      let w = '';
      for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(this.r() * SYLLABLES.length)];
      invented.add(w + ENDINGS[Math.floor(this.r() * ENDINGS.length)]);
    }
    this.inventedWords = [...invented];
    const first = 'Claire Marc Sophie Julien Amina Karim Louise Hugo Inès Théo Nadia Paul Élodie Yann Fatou Lucas Chloé Mehdi Anne Pierre'.split(' ');
    const last = 'Martin Bernard Lefèvre Moreau Garnier Rousseau Fontaine Chevalier Mercier Blanchard Giraud Morin Perrin Lambert Marchand Dubois Renaud Leclerc Barbier Carpentier'.split(' ');
    this.people = first.flatMap((f) => last.map((l) => `${f} ${l}`));
    // One ranked vocabulary, real words first then invented ones, drawn with Zipf's law offset
    // by 60 ranks (the ranks above are function words): the commonest content word ends up in
    // about a third of the articles, as "gouvernement" or "président" do in a real archive.
    this.inventedWords = [...NOUNS, ...ADJECTIVES, ...this.inventedWords];
    this.cdf = new Float64Array(this.inventedWords.length);
    let sum = 0;
    for (let k = 0; k < this.inventedWords.length; k++) this.cdf[k] = sum += 1 / (k + 60);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)] as T;
  }

  private zipfPick<T>(list: readonly T[], skew = 1.1): T {
    return list[Math.min(list.length - 1, Math.floor(list.length * this.r() ** (skew * 2.2)))] as T;
  }

  private invented(): string {
    const x = this.r() * (this.cdf[this.cdf.length - 1] ?? 1);
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.inventedWords[lo] ?? 'mot';
  }

  /** One word of content from the ranked vocabulary, inflected now and then. */
  private content(): string {
    return inflect(this.invented(), this.r);
  }

  /** A sentence of `words` words or so. */
  sentence(words: number): string {
    const parts: string[] = [];
    while (parts.length < words) {
      const x = this.r();
      if (x < 0.02) parts.push(this.pick(CITIES));
      else if (x < 0.03) parts.push(this.pick(this.people));
      else if (x < 0.05) parts.push(String(Math.floor(this.r() * 2030)));
      else {
        parts.push(this.pick(DETERMINERS), this.content(), this.content());
        if (this.r() < 0.3) parts.push(this.pick(VERBS), this.pick(LINKS), this.pick(DETERMINERS), this.content());
      }
    }
    const text = parts.join(' ').replace(/\b(le|la) ([aeiouéèh])/g, 'l’$2');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  }

  /** An article: headline, dek, paragraphs and tags. */
  article(): { title: string; dek: string; paragraphs: string[]; tags: string[] } {
    const paragraphs: string[] = [];
    const count = 4 + Math.floor(this.r() * 5);
    for (let i = 0; i < count; i++) paragraphs.push([this.sentence(18), this.sentence(22), this.sentence(14)].join(' '));
    const tags = [this.zipfPick(NOUNS), this.pick(CITIES)];
    return { title: this.sentence(9).replace(/\.$/, ''), dek: this.sentence(24), paragraphs, tags };
  }

  /** A word readers would search for: mostly common words, sometimes a rare one or a city. */
  queryWord(): string {
    const x = this.r();
    if (x < 0.5) return this.zipfPick(NOUNS);
    if (x < 0.85) return this.invented();
    return this.pick(CITIES);
  }

  /** A random number in [0, 1). */
  next(): number {
    return this.r();
  }
}
