import type { DemoAuthor, DemoCategory } from './demo-types.js';

/** The demo newsroom: fictional journalists written for Dépêche. */
export const DEMO_AUTHORS: DemoAuthor[] = [
  { slug: 'charles-morel', name: 'Charles Morel', email: 'charles.morel@depeche.example', role: 'editor', bio: 'Chef du service Actualité, il suit la diplomatie et les crises internationales.' },
  { slug: 'amina-belkacem', name: 'Amina Belkacem', email: 'amina.belkacem@depeche.example', role: 'author', bio: 'Correspondante à Bruxelles, elle couvre les institutions européennes.' },
  { slug: 'julien-ferrand', name: 'Julien Ferrand', email: 'julien.ferrand@depeche.example', role: 'author', bio: 'Journaliste économie, spécialiste de l’énergie et de l’industrie.' },
  { slug: 'sophie-lambert-nguyen', name: 'Sophie Lambert-Nguyen', email: 'sophie.lambert@depeche.example', role: 'author', bio: 'Critique et reporter culture, du théâtre aux musées.' },
  { slug: 'theo-marchal', name: 'Théo Marchal', email: 'theo.marchal@depeche.example', role: 'contributor', bio: 'Pigiste sciences et environnement.' },
  { slug: 'claire-vasseur', name: 'Claire Vasseur', email: 'claire.vasseur@depeche.example', role: 'administrator', bio: 'Rédactrice en chef de Dépêche.' },
];

/** The demo category tree; order is the menu order. */
export const DEMO_CATEGORIES: DemoCategory[] = [
  { slug: 'actualite', name: 'Actualité', description: 'L’essentiel de l’actualité, en France et dans le monde.' },
  { slug: 'international', name: 'International', description: 'Diplomatie, conflits et sociétés à travers le monde.' },
  { slug: 'europe', name: 'Europe', description: 'L’Union européenne et ses voisins.', parent: 'international' },
  { slug: 'economie', name: 'Économie', description: 'Entreprises, emploi, énergie et finances publiques.' },
  { slug: 'culture', name: 'Culture', description: 'Livres, scènes, écrans et patrimoine.' },
  { slug: 'sciences', name: 'Sciences', description: 'Recherche, climat, santé et espace.' },
];
