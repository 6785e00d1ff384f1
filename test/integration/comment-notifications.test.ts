/**
 * Optional email notifications: off by default; when on, a comment held for moderation is
 * mailed (through a real SMTP conversation with a local test server) to administrators,
 * editors and the article's authors, and to nobody else.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { SmtpMailer } from '../../src/services/mail/smtp-mailer.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';

interface Received {
  to: string[];
  /** Headers and the decoded text body. */
  data: string;
}

/** Headers as sent, body decoded from quoted-printable or base64 (a single-part text message). */
function decode(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return `${head}\n\n${Buffer.from(body, 'base64').toString('utf8')}`;
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return `${head}\n\n${Buffer.from(bytes, 'latin1').toString('utf8')}`;
  }
  return raw;
}

describeEachDatabase('comment notification emails', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let smtp: SMTPServer;
  let mailer: SmtpMailer;
  let articleId: number;
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const clock = fixedClock(Date.parse('2026-03-10T12:00:00Z'));

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: decode(data) });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'Dépêche <no-reply@exemple.fr>');
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, clock, site: { siteUrl: 'https://www.exemple.fr', siteName: 'Dépêche', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/tmp', mailer });
    const site = await buildSite(services);
    await services.users.createUser({ email: 'pigiste@example.org', name: 'Pigiste', role: 'contributor' });
    await services.users.createUser({ email: 'chef@example.org', name: 'Cheffe', role: 'administrator' });
    articleId = await buildArticle(services, site, { slug: 'notifie', title: 'Un article suivi de près', authorIds: [site.authorId] });
    await services.ctx.commentSettings.update({ minSecondsBeforePost: 0 });
  });
  afterAll(async () => {
    await mailer?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await db?.destroy();
  });

  async function post(email: string, body: string) {
    const token = await services.comments.formToken(articleId);
    return services.comments.postComment({ articleId, name: 'Lectrice', email, website: '', body, honeypot: '', token, ip: '203.0.113.1' });
  }

  /** Waits until `count` messages arrived (the test's own timeout bounds it). */
  async function messages(count: number): Promise<Received[]> {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return received;
  }

  it('sends nothing while the setting is off, then mails moderators and the article’s authors', async () => {
    const quiet = await post('premiere@example.org', 'Un commentaire sans notification.');
    expect(quiet.status).toBe('pending');
    await services.ctx.commentSettings.update({ notifyByEmail: true });
    const held = await post('seconde@example.org', 'Un commentaire qui mérite un courriel.');
    expect(held.status).toBe('pending');
    const mails = await messages(3);
    expect(mails.map((m) => m.to).flat().sort()).toEqual(['chef@example.org', 'lea.martin@example.org', 'paul.roche@example.org']);
    expect(mails.every((m) => m.data.includes('seconde@example.org'))).toBe(true);
    expect(mails.some((m) => m.data.includes('premiere@example.org'))).toBe(false);
    const one = mails[0]!.data;
    expect(one).toMatch(/^From: =?.*no-reply@exemple\.fr/m);
    expect(one).toContain('Un commentaire attend votre modération sur « Un article suivi de près ».');
    expect(one).toContain('Un commentaire qui mérite un courriel.');
    expect(one).toContain('Article : https://www.exemple.fr/monde/notifie');
  });

  it('does not mail about comments published at once', async () => {
    const before = received.length;
    await services.moderation.apply((await post('connue@example.org', 'Premier passage.')).id, 'approve');
    await messages(before + 3);
    const approved = await post('connue@example.org', 'Deuxième passage, publié directement.');
    expect(approved.status).toBe('approved');
    // A marker comment afterwards: once its mails are in, anything about the approved one would be too.
    await post('marqueur@example.org', 'Marqueur.');
    const all = await messages(before + 6);
    expect(all.some((m) => m.data.includes('Deuxième passage'))).toBe(false);
    expect(all.filter((m) => m.data.includes('Marqueur.'))).toHaveLength(3);
  });
});
