/** Sends mail through an SMTP server with nodemailer (the maintained Node SMTP client). */
import type Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { lazyModule } from '../../lazy-module.js';

/** Loaded only when SMTP_URL is set. */
const loadNodemailer = lazyModule<typeof Nodemailer>('nodemailer');
import type { Mailer, MailMessage } from './mailer.js';

/** An SMTP mailer for SMTP_URL, sending from MAIL_FROM. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = loadNodemailer().createTransport(url);
  }

  /** Sends one message. */
  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    this.transport.close();
  }
}
