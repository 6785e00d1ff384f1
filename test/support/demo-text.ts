/** The demo articles without their images and comments: fast to load on any database. */
export { loadDemoText } from '../../bench/search/corpora.js';
