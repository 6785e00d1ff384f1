/** `depeche comments …`: moderate reader comments and answer commenters' GDPR requests. */
import { Option, type Command } from 'commander';
import { COMMENT_STATUSES, type CommentStatus, type ModerationAction } from '../domain/comment.js';
import { DepecheError } from '../errors.js';
import { openApp, type OpenApp } from './open-app.js';
import { action } from './run-command.js';

async function withApp(run: (app: OpenApp) => Promise<void>): Promise<void> {
  const app = await openApp();
  try {
    await run(app);
  } finally {
    await app.handle.close();
  }
}

function ids(values: readonly string[]): number[] {
  return values.map((v) => {
    if (!/^[1-9]\d{0,11}$/.test(v)) throw new DepecheError('DEPECHE_CLI_USAGE', { detail: `"${v}" is not a comment id (a positive integer)` });
    return Number(v);
  });
}

/** One line per comment: id, status, date, article, author, start of the text. */
function line(c: { id: number; status: string; createdAt: number; articleUrl: string; authorName: string; authorEmail: string; body: string; erased: boolean }): string {
  const text = c.erased ? '(erased)' : c.body.replace(/\s+/g, ' ').slice(0, 60);
  return [c.id, c.status, new Date(c.createdAt).toISOString(), c.articleUrl, `${c.authorName} <${c.authorEmail}>`, text].join('\t');
}

/** Registers `depeche comments` and its sub-commands. */
export function registerCommentCommands(program: Command): void {
  const comments = program.command('comments').description('Moderate reader comments; export or erase a commenter’s data.');

  comments
    .command('list')
    .description('List comments, newest first (tab-separated: id, status, date, article, author, text).')
    .addOption(new Option('--status <status>', 'only this status').choices([...COMMENT_STATUSES]))
    .option('--limit <n>', 'how many (1–500)', '50')
    .option('--json', 'print JSON instead of lines')
    .action(
      action(async (options: { status?: CommentStatus; limit: string; json?: boolean }) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DepecheError('DEPECHE_CLI_USAGE', { detail: '--limit must be an integer from 1 to 500' });
        await withApp(async (app) => {
          const list = await app.services.moderation.list({ ...(options.status ? { status: options.status } : {}), limit });
          if (options.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          else for (const c of list) process.stdout.write(`${line(c)}\n`);
          const counts = await app.services.moderation.statusCounts();
          if (!options.json) process.stderr.write(`${counts.pending} pending, ${counts.approved} approved, ${counts.spam} spam, ${counts.trash} in trash\n`);
        });
      }),
    );

  const verbs: [ModerationAction, string][] = [
    ['approve', 'Approve pending comments (they show publicly).'],
    ['unapprove', 'Send approved comments back to moderation.'],
    ['spam', 'Mark comments as spam.'],
    ['trash', 'Move comments to the trash.'],
    ['restore', 'Restore comments from spam or trash to where they were.'],
  ];
  for (const [verb, description] of verbs) {
    comments
      .command(`${verb} <ids...>`)
      .description(description)
      .action(
        action(async (values: string[]) => {
          const list = ids(values);
          await withApp(async (app) => {
            const result = await app.services.moderation.bulk(list, verb);
            for (const done of result.done) process.stdout.write(`${done.id}\t${done.status}\n`);
            for (const failed of result.failed) process.stderr.write(`depeche: comment ${failed.id}: ${failed.message} [${failed.code}]\n`);
            if (result.failed.length > 0) process.exitCode = 1;
          });
        }),
      );
  }

  comments
    .command('export')
    .description('Print, as JSON, every comment written with an email address (GDPR access request).')
    .requiredOption('--email <email>', 'the commenter’s email address')
    .action(
      action(async (options: { email: string }) => {
        await withApp(async (app) => {
          process.stdout.write(`${JSON.stringify(await app.services.moderation.exportByEmail(options.email), null, 2)}\n`);
        });
      }),
    );

  comments
    .command('erase')
    .description('Erase a commenter’s data (name, email, website, text, IP hash); their comments stay in threads as "commentaire supprimé".')
    .requiredOption('--email <email>', 'the commenter’s email address')
    .action(
      action(async (options: { email: string }) => {
        await withApp(async (app) => {
          const count = await app.services.moderation.eraseByEmail(options.email);
          process.stdout.write(`Erased ${count} comment${count === 1 ? '' : 's'} written with ${options.email.trim().toLowerCase()}.\n`);
        });
      }),
    );

  comments
    .command('settings')
    .description('Show the comment settings, or change some: --set maxLinks=3 --set \'blockedWords=["casino"]\' (values are JSON).')
    .option('--set <key=value>', 'a setting to change (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .action(
      action(async (options: { set: string[] }) => {
        const patch: Record<string, unknown> = {};
        for (const pair of options.set) {
          const at = pair.indexOf('=');
          if (at <= 0) throw new DepecheError('DEPECHE_CLI_USAGE', { detail: `--set takes key=value (got "${pair}")` });
          const raw = pair.slice(at + 1);
          try {
            patch[pair.slice(0, at)] = JSON.parse(raw) as unknown;
          } catch {
            patch[pair.slice(0, at)] = raw;
          }
        }
        await withApp(async (app) => {
          const settings = options.set.length > 0 ? await app.services.ctx.commentSettings.update(patch) : await app.services.ctx.commentSettings.current();
          process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
        });
      }),
    );
}
