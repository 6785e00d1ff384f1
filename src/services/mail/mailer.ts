/** The mail port: what Dépêche needs to send a plain-text email, whatever carries it. */

/** One plain-text message to one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends emails. */
export interface Mailer {
  /** Sends one message; rejects when the server refuses it. */
  send(message: MailMessage): Promise<void>;
  /** Frees connections. */
  close(): Promise<void>;
}
