/**
 * One page of each public page type of the demo site. Standards tests (html-validate, axe-core,
 * page weight) run over this table: a new page type is one line here.
 */

/** A page to check, and the status it answers with. */
export interface PageType {
  type: string;
  path: string;
  status: number;
}

/** Every public page type. */
export const PUBLIC_PAGE_TYPES: readonly PageType[] = [
  { type: 'home', path: '/', status: 200 },
  { type: 'article', path: '/actualite/plan-de-paix-rencontre-diplomatique-a-moscou', status: 200 },
  { type: 'category', path: '/actualite/', status: 200 },
  { type: 'tag', path: '/tag/ukraine', status: 200 },
  { type: 'author', path: '/auteur/charles-morel', status: 200 },
  { type: '404', path: '/cette-page-nexiste-pas', status: 404 },
  { type: 'search', path: '/recherche?q=paix', status: 200 },
  { type: 'search (no result)', path: '/recherche?q=xyzzyplugh', status: 200 },
];

/** The reference article (DESIGN.md §1), the page whose weight is budgeted. */
export const REFERENCE_ARTICLE_PATH = '/actualite/plan-de-paix-rencontre-diplomatique-a-moscou';

/** The article page budget: HTML and CSS together, uncompressed. */
export const ARTICLE_PAGE_BUDGET_BYTES = 60_000;
