/**
 * Our labelled set over the demo corpus: French queries of every kind a reader types, with
 * graded judgments (3: the article asked for, 2: highly relevant, 1: related), by slug.
 * Written for Dépêche from the demo articles (src/services/demo/).
 */

/** Kinds of queries, reported separately. */
export const QUERY_KINDS = ['accents', 'sans accents', 'pluriel/singulier', 'élision', 'nom propre', 'plusieurs mots', 'expression', 'faute de frappe', 'mot tapé à moitié'] as const;

/** One kind of {@link QUERY_KINDS}. */
export type QueryKind = (typeof QUERY_KINDS)[number];

/** A labelled query. */
export interface LabelledQuery {
  q: string;
  kind: QueryKind;
  relevant: Record<string, number>;
}

const PORT_A = 'port-de-marseille-l-electrification-des-quais-change-d-echelle';
const PORT_B = 'marseille-fos-port-electrification-quais-armateurs';

/** The demo set (58 queries). */
export const DEMO_QUERIES: LabelledQuery[] = [
  { q: 'électrification des quais', kind: 'accents', relevant: { [PORT_A]: 3, [PORT_B]: 3 } },
  { q: 'réforme des retraites', kind: 'accents', relevant: { 'allemagne-la-reforme-des-retraites-met-la-coalition-a-l-epreuve': 3 } },
  { q: 'négociations climatiques', kind: 'accents', relevant: { 'cop30-a-belem-les-negociations-butent-sur-le-financement-de-l-adaptation': 3, 'sommet-a-addis-abeba-dette-et-financement-climatique-au-coeur-des-discussions': 1 } },
  { q: 'métaux rares', kind: 'accents', relevant: { 'chine-restrictions-sur-les-metaux-rares-les-industriels-se-diversifient': 3 } },
  { q: 'élargissement Monténégro', kind: 'accents', relevant: { 'elargissement-montenegro-et-albanie-en-tete-l-ukraine-avance-a-petits-pas': 3 } },
  { q: 'bande dessinée éditeurs', kind: 'accents', relevant: { 'angouleme-editeurs-independants-bande-dessinee-rencontres': 3 } },
  { q: 'electricite tarif', kind: 'sans accents', relevant: { 'electricite-tarif-reglemente-hausse-moderee-fevrier': 3 } },
  { q: 'reforme lycee', kind: 'sans accents', relevant: { 'reforme-du-lycee-des-etablissements-parisiens-testent-la-pause-numerique': 3 } },
  { q: 'comete jumelles', kind: 'sans accents', relevant: { 'comete-c-2025-k3-visible-jumelles-astronomes-amateurs': 3 } },
  { q: 'inondations vallee du rhone', kind: 'sans accents', relevant: { 'inondations-dans-la-vallee-du-rhone-routes-coupees-et-vergers-sous-l-eau': 3 } },
  { q: 'etats-unis droits de douane', kind: 'sans accents', relevant: { 'etats-unis-de-nouveaux-droits-de-douane-inquietent-les-exportateurs-europeens': 3, 'vins-francais-exportations-recul-chine-etats-unis': 1 } },
  { q: 'theatre avignon', kind: 'sans accents', relevant: { 'avignon-festival-traverses-theatre-en-plein-hiver': 3 } },
  { q: 'credit immobilier primo accedants', kind: 'sans accents', relevant: { 'credit-immobilier-taux-stabilisent-primo-accedants': 3 } },
  { q: 'hôpital', kind: 'pluriel/singulier', relevant: { 'urgences-a-marseille-les-hopitaux-se-preparent-a-un-hiver-sous-tension': 3 } },
  { q: 'inondation', kind: 'pluriel/singulier', relevant: { 'inondations-dans-la-vallee-du-rhone-routes-coupees-et-vergers-sous-l-eau': 3 } },
  { q: 'batterie sodium', kind: 'pluriel/singulier', relevant: { 'lyon-start-up-batteries-sodium-leve-quarante-millions': 3 } },
  { q: 'train régional', kind: 'pluriel/singulier', relevant: { 'ferrolis-commande-trains-regionaux-usine-du-nord': 3 } },
  { q: 'abeille', kind: 'pluriel/singulier', relevant: { 'abeilles-pesticides-etude-europeenne-effet-cocktail': 3 } },
  { q: 'vin français exportation', kind: 'pluriel/singulier', relevant: { 'vins-francais-exportations-recul-chine-etats-unis': 3 } },
  { q: 'loyer', kind: 'pluriel/singulier', relevant: { 'logement-a-lyon-l-encadrement-des-loyers-valide-par-la-justice': 3 } },
  { q: 'l’électrification', kind: 'élision', relevant: { [PORT_A]: 3, [PORT_B]: 3 } },
  { q: "plan de paix d'Ukraine", kind: 'élision', relevant: { 'plan-de-paix-rencontre-diplomatique-a-moscou': 3, 'elargissement-montenegro-et-albanie-en-tete-l-ukraine-avance-a-petits-pas': 1 } },
  { q: "l'adaptation climatique", kind: 'élision', relevant: { 'cop30-a-belem-les-negociations-butent-sur-le-financement-de-l-adaptation': 3 } },
  { q: 'fichier d’entrée et de sortie', kind: 'élision', relevant: { 'schengen-le-nouveau-fichier-d-entree-et-de-sortie-allonge-l-attente': 3 } },
  { q: "l'Union européenne stockage de gaz", kind: 'élision', relevant: { 'stockage-de-gaz-l-union-europeenne-assouplit-ses-objectifs-de-remplissage': 3 } },
  { q: 'Thomas Harlan', kind: 'nom propre', relevant: { 'plan-de-paix-rencontre-diplomatique-a-moscou': 3 } },
  { q: 'Inès Courtade', kind: 'nom propre', relevant: { 'prix-helice-la-saison-des-grues-ines-courtade': 3 } },
  { q: 'Odile Kervella', kind: 'nom propre', relevant: { 'paris-retrospective-odile-kervella-photographe-des-ports': 3 } },
  { q: 'Yanis Bellaïche', kind: 'nom propre', relevant: { 'cinema-cuivres-yanis-bellaiche-fanfare-marseille': 3 } },
  { q: 'Ferrolis', kind: 'nom propre', relevant: { 'ferrolis-commande-trains-regionaux-usine-du-nord': 3 } },
  { q: 'Addis-Abeba', kind: 'nom propre', relevant: { 'sommet-a-addis-abeba-dette-et-financement-climatique-au-coeur-des-discussions': 3 } },
  { q: 'Belém', kind: 'nom propre', relevant: { 'cop30-a-belem-les-negociations-butent-sur-le-financement-de-l-adaptation': 3 } },
  { q: 'Saclay', kind: 'nom propre', relevant: { 'informatique-quantique-laboratoire-franco-allemand-saclay': 3 } },
  { q: 'Marseille port armateurs', kind: 'plusieurs mots', relevant: { [PORT_B]: 3, [PORT_A]: 2 } },
  { q: 'dette financement climatique Afrique', kind: 'plusieurs mots', relevant: { 'sommet-a-addis-abeba-dette-et-financement-climatique-au-coeur-des-discussions': 3, 'cop30-a-belem-les-negociations-butent-sur-le-financement-de-l-adaptation': 1 } },
  { q: 'glacier Savoie épaisseur', kind: 'plusieurs mots', relevant: { 'savoie-glacier-pierre-blanche-perte-epaisseur-record': 3 } },
  { q: 'chaleur océans profondeurs', kind: 'plusieurs mots', relevant: { 'oceans-chaleur-profondeurs-record-flotteurs-satellites': 3 } },
  { q: 'vaccin coqueluche Lyon', kind: 'plusieurs mots', relevant: { 'vaccin-nasal-coqueluche-essai-clinique-lyon': 3 } },
  { q: 'grève transports Île-de-France', kind: 'plusieurs mots', relevant: { 'greve-dans-les-transports-trafic-tres-perturbe-en-ile-de-france': 3 } },
  { q: '"plan de paix"', kind: 'expression', relevant: { 'plan-de-paix-rencontre-diplomatique-a-moscou': 3 } },
  { q: '"droits de douane"', kind: 'expression', relevant: { 'etats-unis-de-nouveaux-droits-de-douane-inquietent-les-exportateurs-europeens': 3 } },
  { q: '"politique agricole commune"', kind: 'expression', relevant: { 'politique-agricole-commune-les-eleveurs-craignent-la-fin-d-un-budget-dedie': 3 } },
  { q: '"pause numérique"', kind: 'expression', relevant: { 'reforme-du-lycee-des-etablissements-parisiens-testent-la-pause-numerique': 3 } },
  { q: '"patrimoine industriel"', kind: 'expression', relevant: { 'journees-patrimoine-industriel-hauts-de-france-record': 3 } },
  { q: 'electrificaton', kind: 'faute de frappe', relevant: { [PORT_A]: 3, [PORT_B]: 3 } },
  { q: 'coqueluhce', kind: 'faute de frappe', relevant: { 'vaccin-nasal-coqueluche-essai-clinique-lyon': 3 } },
  { q: 'retable restaurtion', kind: 'faute de frappe', relevant: { 'lyon-retable-maitre-de-fourviere-restauration': 3 } },
  { q: 'Montenegro Albannie', kind: 'faute de frappe', relevant: { 'elargissement-montenegro-et-albanie-en-tete-l-ukraine-avance-a-petits-pas': 3 } },
  { q: 'pesticdes abeilles', kind: 'faute de frappe', relevant: { 'abeilles-pesticides-etude-europeenne-effet-cocktail': 3 } },
  { q: 'informatique quantiqe', kind: 'faute de frappe', relevant: { 'informatique-quantique-laboratoire-franco-allemand-saclay': 3 } },
  { q: 'Kervela photographe', kind: 'faute de frappe', relevant: { 'paris-retrospective-odile-kervella-photographe-des-ports': 3 } },
  { q: 'inondatoins', kind: 'faute de frappe', relevant: { 'inondations-dans-la-vallee-du-rhone-routes-coupees-et-vergers-sous-l-eau': 3 } },
  { q: 'coquel', kind: 'mot tapé à moitié', relevant: { 'vaccin-nasal-coqueluche-essai-clinique-lyon': 3 } },
  { q: 'électrific', kind: 'mot tapé à moitié', relevant: { [PORT_A]: 3, [PORT_B]: 3 } },
  { q: 'réforme des retrai', kind: 'mot tapé à moitié', relevant: { 'allemagne-la-reforme-des-retraites-met-la-coalition-a-l-epreuve': 3 } },
  { q: 'patrimoine indus', kind: 'mot tapé à moitié', relevant: { 'journees-patrimoine-industriel-hauts-de-france-record': 3 } },
  { q: 'Schen', kind: 'mot tapé à moitié', relevant: { 'schengen-le-nouveau-fichier-d-entree-et-de-sortie-allonge-l-attente': 3 } },
  { q: 'astronom', kind: 'mot tapé à moitié', relevant: { 'comete-c-2025-k3-visible-jumelles-astronomes-amateurs': 3 } },
  { q: 'Angoul', kind: 'mot tapé à moitié', relevant: { 'angouleme-editeurs-independants-bande-dessinee-rencontres': 3 } },
  { q: 'retable restaura', kind: 'mot tapé à moitié', relevant: { 'lyon-retable-maitre-de-fourviere-restauration': 3 } },
];

/**
 * Topics of the published demo articles, for related articles: two articles sharing a topic
 * are judged related (precision@5). Assigned by hand from the articles' subjects.
 */
export const DEMO_TOPICS: Record<string, string[]> = {
  'plan-de-paix-rencontre-diplomatique-a-moscou': ['ukraine', 'diplomatie'],
  'greve-dans-les-transports-trafic-tres-perturbe-en-ile-de-france': ['transports', 'emploi'],
  'urgences-a-marseille-les-hopitaux-se-preparent-a-un-hiver-sous-tension': ['sante', 'marseille'],
  'reforme-du-lycee-des-etablissements-parisiens-testent-la-pause-numerique': ['education', 'numerique'],
  'inondations-dans-la-vallee-du-rhone-routes-coupees-et-vergers-sous-l-eau': ['climat', 'agriculture'],
  'logement-a-lyon-l-encadrement-des-loyers-valide-par-la-justice': ['logement', 'lyon'],
  [PORT_A]: ['marseille', 'energie', 'ports'],
  'etats-unis-de-nouveaux-droits-de-douane-inquietent-les-exportateurs-europeens': ['commerce', 'agriculture'],
  'chine-restrictions-sur-les-metaux-rares-les-industriels-se-diversifient': ['commerce', 'industrie'],
  'sommet-a-addis-abeba-dette-et-financement-climatique-au-coeur-des-discussions': ['climat', 'diplomatie', 'afrique'],
  'proche-orient-les-agences-humanitaires-lancent-un-appel-pour-passer-l-hiver': ['diplomatie', 'humanitaire'],
  'chili-une-campagne-presidentielle-dominee-par-la-securite-et-le-cout-de-la-vie': ['elections'],
  'cop30-a-belem-les-negociations-butent-sur-le-financement-de-l-adaptation': ['climat', 'diplomatie'],
  'budget-europeen-2028-2034-premier-bras-de-fer-entre-parlement-et-commission': ['europe', 'agriculture'],
  'allemagne-la-reforme-des-retraites-met-la-coalition-a-l-epreuve': ['europe', 'allemagne', 'emploi'],
  'stockage-de-gaz-l-union-europeenne-assouplit-ses-objectifs-de-remplissage': ['europe', 'energie'],
  'politique-agricole-commune-les-eleveurs-craignent-la-fin-d-un-budget-dedie': ['europe', 'agriculture'],
  'elargissement-montenegro-et-albanie-en-tete-l-ukraine-avance-a-petits-pas': ['europe', 'ukraine', 'diplomatie'],
  'schengen-le-nouveau-fichier-d-entree-et-de-sortie-allonge-l-attente': ['europe', 'transports'],
  'electricite-tarif-reglemente-hausse-moderee-fevrier': ['energie', 'prix'],
  'lyon-start-up-batteries-sodium-leve-quarante-millions': ['energie', 'industrie', 'lyon'],
  'ferrolis-commande-trains-regionaux-usine-du-nord': ['industrie', 'transports', 'emploi'],
  'vins-francais-exportations-recul-chine-etats-unis': ['commerce', 'agriculture'],
  [PORT_B]: ['marseille', 'energie', 'ports'],
  'credit-immobilier-taux-stabilisent-primo-accedants': ['logement', 'prix'],
  'commerce-vitrines-vides-villes-moyennes-logements': ['logement', 'commerce'],
  'prix-helice-la-saison-des-grues-ines-courtade': ['culture', 'livres'],
  'avignon-festival-traverses-theatre-en-plein-hiver': ['culture', 'scene'],
  'lyon-retable-maitre-de-fourviere-restauration': ['culture', 'patrimoine', 'lyon'],
  'cinema-cuivres-yanis-bellaiche-fanfare-marseille': ['culture', 'marseille'],
  'angouleme-editeurs-independants-bande-dessinee-rencontres': ['culture', 'livres'],
  'journees-patrimoine-industriel-hauts-de-france-record': ['culture', 'patrimoine', 'industrie'],
  'paris-retrospective-odile-kervella-photographe-des-ports': ['culture', 'ports'],
  'comete-c-2025-k3-visible-jumelles-astronomes-amateurs': ['sciences', 'espace'],
  'oceans-chaleur-profondeurs-record-flotteurs-satellites': ['sciences', 'climat'],
  'vaccin-nasal-coqueluche-essai-clinique-lyon': ['sciences', 'sante'],
  'abeilles-pesticides-etude-europeenne-effet-cocktail': ['sciences', 'agriculture'],
  'savoie-glacier-pierre-blanche-perte-epaisseur-record': ['sciences', 'climat'],
  'informatique-quantique-laboratoire-franco-allemand-saclay': ['sciences', 'numerique'],
};
