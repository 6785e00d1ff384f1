/**
 * The error catalogue: every failure Dépêche reports has a stable code (the contract),
 * an HTTP status, a message for people in French and English, and whether an operator
 * should hear about it (reportable) or it is the caller's fault.
 */

/** One entry of the catalogue. Messages may hold `{name}` placeholders. */
export interface ErrorDefinition {
  status: number;
  reportable: boolean;
  fr: string;
  en: string;
}

/** Every error code Dépêche uses, with its HTTP status and messages. */
export const ERROR_CATALOGUE = {
  DEPECHE_NOT_FOUND: { status: 404, reportable: false, fr: 'Cette page est introuvable.', en: 'This page cannot be found.' },
  DEPECHE_BAD_URL: { status: 400, reportable: false, fr: 'Cette adresse est mal formée.', en: 'This address is malformed.' },
  DEPECHE_BAD_PAGE_NUMBER: { status: 400, reportable: false, fr: 'Le numéro de page doit être un entier positif.', en: 'The page number must be a positive integer.' },
  DEPECHE_BAD_REQUEST: { status: 400, reportable: false, fr: 'La requête est invalide : {detail}', en: 'The request is invalid: {detail}' },
  DEPECHE_VALIDATION: { status: 422, reportable: false, fr: 'Données invalides : {detail}', en: 'Invalid data: {detail}' },
  DEPECHE_DOCUMENT_INVALID: { status: 422, reportable: false, fr: 'Le contenu de l’article est invalide : {detail}', en: 'The article body is invalid: {detail}' },
  DEPECHE_SLUG_TAKEN: { status: 409, reportable: false, fr: 'L’identifiant d’URL « {slug} » est déjà utilisé.', en: 'The URL slug "{slug}" is already in use.' },
  DEPECHE_SLUG_RESERVED: { status: 422, reportable: false, fr: 'L’identifiant d’URL « {slug} » est réservé.', en: 'The URL slug "{slug}" is reserved.' },
  DEPECHE_USER_EXISTS: { status: 409, reportable: false, fr: 'Un compte existe déjà avec l’adresse {email}.', en: 'An account already exists for {email}.' },
  DEPECHE_UNKNOWN_REFERENCE: { status: 422, reportable: false, fr: '{kind} inconnu : {ref}', en: 'Unknown {kind}: {ref}' },
  DEPECHE_UNAUTHENTICATED: { status: 401, reportable: false, fr: 'Vous devez être connecté pour faire cela.', en: 'You must be logged in to do this.' },
  DEPECHE_FORBIDDEN: { status: 403, reportable: false, fr: 'Votre rôle ne vous permet pas de faire cela : {detail}', en: 'Your role does not allow this: {detail}' },
  DEPECHE_CSRF: { status: 403, reportable: false, fr: 'Jeton de sécurité (CSRF) absent ou invalide : rechargez la page et réessayez.', en: 'Missing or invalid security (CSRF) token: reload the page and try again.' },
  DEPECHE_LOGIN_FAILED: { status: 401, reportable: false, fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong email address or password.' },
  DEPECHE_WRONG_PASSWORD: { status: 403, reportable: false, fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is wrong.' },
  DEPECHE_TOO_MANY_ATTEMPTS: { status: 429, reportable: false, fr: 'Trop de tentatives de connexion. Réessayez dans {seconds} secondes.', en: 'Too many login attempts. Try again in {seconds} seconds.' },
  DEPECHE_TOKEN_INVALID: { status: 400, reportable: false, fr: 'Ce lien ou ce jeton de réinitialisation est invalide ou a expiré.', en: 'This reset link or token is invalid or has expired.' },
  DEPECHE_ILLEGAL_TRANSITION: { status: 409, reportable: false, fr: 'Impossible de passer l’article de l’état « {from} » à l’état « {to} » : {detail}', en: 'Cannot move the article from "{from}" to "{to}": {detail}' },
  DEPECHE_ALT_TEXT_MISSING: { status: 422, reportable: false, fr: 'Impossible de publier : {detail} sans texte alternatif. Décrivez chaque image pour les lecteurs qui ne la voient pas.', en: 'Cannot publish: {detail} without alternative text. Describe each image for readers who cannot see it.' },
  DEPECHE_MEDIA_TYPE: { status: 415, reportable: false, fr: 'Ce fichier n’est pas une image acceptée ({detail}). Formats acceptés : JPEG, PNG, WebP, AVIF, GIF.', en: 'This file is not an accepted image ({detail}). Accepted formats: JPEG, PNG, WebP, AVIF, GIF.' },
  DEPECHE_MEDIA_TOO_LARGE: { status: 413, reportable: false, fr: 'Le fichier dépasse la taille maximale de {limit} Mo.', en: 'The file exceeds the maximum size of {limit} MB.' },
  DEPECHE_IN_USE: { status: 409, reportable: false, fr: 'Impossible de supprimer : {detail}', en: 'Cannot delete: {detail}' },
  DEPECHE_CONFIG_INVALID: { status: 500, reportable: true, fr: 'Configuration invalide : {detail}', en: 'Invalid configuration: {detail}' },
  DEPECHE_DB_UNREACHABLE: { status: 503, reportable: true, fr: 'Base de données injoignable ({detail}).', en: 'Database unreachable ({detail}).' },
  DEPECHE_DB_NOT_WRITABLE: { status: 500, reportable: true, fr: 'Impossible d’ouvrir la base de données {path} : {detail}', en: 'Cannot open the database {path}: {detail}' },
  DEPECHE_PORT_IN_USE: { status: 500, reportable: true, fr: 'Le port {port} est déjà utilisé ; choisissez-en un autre avec PORT.', en: 'Port {port} is already in use; choose another with PORT.' },
  DEPECHE_CLI_USAGE: { status: 400, reportable: false, fr: '{detail}', en: '{detail}' },
  DEPECHE_COMMENTS_CLOSED: { status: 403, reportable: false, fr: 'Les commentaires sont fermés pour cet article.', en: 'Comments are closed on this article.' },
  DEPECHE_COMMENT_UNVERIFIED: { status: 400, reportable: false, fr: 'Votre commentaire n’a pas pu être vérifié. Rechargez la page puis envoyez-le de nouveau.', en: 'Your comment could not be verified. Reload the page and send it again.' },
  DEPECHE_COMMENT_FORM_EXPIRED: { status: 400, reportable: false, fr: 'Le formulaire a expiré. Rechargez la page puis envoyez de nouveau votre commentaire.', en: 'The form has expired. Reload the page and send your comment again.' },
  DEPECHE_COMMENT_TOO_FAST: { status: 400, reportable: false, fr: 'Votre commentaire est arrivé trop vite après l’ouverture de la page. Patientez quelques secondes puis envoyez-le de nouveau.', en: 'Your comment arrived too soon after the page was opened. Wait a few seconds and send it again.' },
  DEPECHE_COMMENT_TOO_MANY_LINKS: { status: 422, reportable: false, fr: 'Votre commentaire contient trop de liens. Retirez-en quelques-uns puis envoyez-le de nouveau.', en: 'Your comment holds too many links. Remove some and send it again.' },
  DEPECHE_COMMENT_DUPLICATE: { status: 409, reportable: false, fr: 'Vous avez déjà envoyé ce commentaire.', en: 'You have already sent this comment.' },
  DEPECHE_COMMENT_TOO_LONG: { status: 413, reportable: false, fr: 'Votre commentaire est trop long ({max} caractères au plus).', en: 'Your comment is too long ({max} characters at most).' },
  DEPECHE_COMMENT_INVALID: { status: 422, reportable: false, fr: 'Votre commentaire n’a pas été envoyé : {detail}', en: 'Your comment was not sent: {detail}' },
  DEPECHE_COMMENT_TRANSITION: { status: 409, reportable: false, fr: 'Impossible de passer le commentaire {id} de « {from} » à « {action} ».', en: 'Comment {id} cannot go from "{from}" through "{action}".' },
  DEPECHE_BODY_TOO_LARGE: { status: 413, reportable: false, fr: 'Votre envoi est trop volumineux.', en: 'What you sent is too large.' },
  DEPECHE_RATE_LIMITED: { status: 429, reportable: false, fr: 'Trop d’envois en peu de temps. Réessayez dans quelques minutes.', en: 'Too many submissions in a short time. Try again in a few minutes.' },
  DEPECHE_IMPORT_REFUSED: { status: 422, reportable: false, fr: 'Import refusé : {detail}', en: 'Import refused: {detail}' },
  DEPECHE_IMPORT_FILE: { status: 400, reportable: false, fr: 'Impossible de lire le fichier à importer {path} : {detail}', en: 'Cannot read the file to import {path}: {detail}' },
  DEPECHE_IMPORT_TOO_LARGE: { status: 413, reportable: false, fr: 'Le fichier dépasse la taille maximale acceptée ({limit} Mo, réglable par IMPORT_MAX_MB).', en: 'The file exceeds the maximum accepted size ({limit} MB, set by IMPORT_MAX_MB).' },
  DEPECHE_RESTORE_NOT_EMPTY: { status: 409, reportable: false, fr: 'Une sauvegarde se restaure dans un site vide ; celui-ci contient déjà : {detail}.', en: 'A backup is restored into an empty site; this one already holds: {detail}.' },
  DEPECHE_INTERNAL: { status: 500, reportable: true, fr: 'Une erreur interne est survenue. Réessayez dans un instant.', en: 'An internal error occurred. Please try again shortly.' },
} as const satisfies Record<string, ErrorDefinition>;

/** A stable error code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The languages error messages exist in. */
export type MessageLanguage = 'fr' | 'en';

/** Fills `{name}` placeholders of a catalogue message. */
function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** An expected failure with a catalogue code; the message is for people, the code for programs. */
export class DepecheError extends Error {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(fill(ERROR_CATALOGUE[code].en, params), options);
    this.name = 'DepecheError';
    this.code = code;
    this.params = params;
  }

  /** HTTP status of this error. */
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  /** Whether an operator should be told (logged as an error) rather than the caller blamed. */
  get reportable(): boolean {
    return ERROR_CATALOGUE[this.code].reportable;
  }

  /** The message for people in the given language. */
  messageIn(language: MessageLanguage): string {
    return fill(ERROR_CATALOGUE[this.code][language], this.params);
  }
}

/** The message of a catalogue code in a language, without throwing anything. */
export function errorMessage(code: ErrorCode, language: MessageLanguage, params: Record<string, string | number> = {}): string {
  return fill(ERROR_CATALOGUE[code][language], params);
}
