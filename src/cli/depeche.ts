#!/usr/bin/env node
/** The `depeche` command: serve, migrate, demo, reindex, publish-due, user create/list/reset-password, comments, export, import. */
import { Command, Option } from 'commander';
import { USER_ROLES } from '../domain/user.js';
import { loadDemo } from '../services/demo/load-demo.js';
import { generatePassword } from '../services/password.js';
import { openApp } from './open-app.js';
import { registerCommentCommands } from './comments-command.js';
import { registerExportCommands } from './export-command.js';
import { registerImportCommands } from './import-command.js';
import { progress } from './progress.js';
import { action } from './run-command.js';
import { DEMO_DONE_KEY, registerServeCommand } from './serve-command.js';

const program = new Command();
program.name('depeche').description('Dépêche: news publishing platform (public site and newsroom).').showHelpAfterError('(run with --help for usage)');

registerServeCommand(program);

program
  .command('migrate')
  .description('Create or update the database schema.')
  .action(
    action(async () => {
      const app = await openApp();
      await app.handle.close();
      process.stdout.write(app.appliedMigrations.length > 0 ? `Applied: ${app.appliedMigrations.join(', ')}\n` : 'The database is up to date.\n');
    }),
  );

program
  .command('demo')
  .description('Load the demo content (idempotent: what exists is kept).')
  .action(
    action(async () => {
      const app = await openApp();
      try {
        const report = await loadDemo(app.services, { onArticle: progress });
        await app.services.ctx.repos.settings.set(DEMO_DONE_KEY, new Date().toISOString(), Date.now());
        process.stdout.write(`\nDemo content: ${report.articles} articles, ${report.comments} comments, ${report.images} images, ${report.authors} authors and ${report.categories} categories added.\n`);
      } finally {
        await app.handle.close();
      }
    }),
  );

program
  .command('publish-due')
  .description('Publish the scheduled articles whose time has come, once (serve does it every few seconds; this is for cron or a worker).')
  .action(
    action(async () => {
      const app = await openApp();
      try {
        const ids = await app.services.workflow.publishDue();
        process.stdout.write(`Published ${ids.length} scheduled article(s)${ids.length > 0 ? `: ${ids.join(', ')}` : ''}.\n`);
      } finally {
        await app.handle.close();
      }
    }),
  );

program
  .command('reindex')
  .description('Rebuild the search index and the related-article lists from the published articles.')
  .option('--no-related', 'rebuild the search index only, not the related-article lists')
  .action(
    action(async (options: { related: boolean }) => {
      const app = await openApp();
      try {
        let phase = '';
        const report = await app.services.searchIndexer.reindexAll({
          related: options.related,
          onProgress: (p, done, total) => {
            if (p !== phase) {
              if (phase !== '' && process.stdout.isTTY) process.stdout.write('\n');
              phase = p;
              process.stdout.write(p === 'index' ? 'Indexing articles…\n' : 'Computing related articles…\n');
            }
            progress(done, total);
          },
        });
        if (process.stdout.isTTY) process.stdout.write('\n');
        const related = options.related ? `, related lists in ${(report.relatedMs / 1000).toFixed(1)} s` : '';
        process.stdout.write(`Reindexed ${report.articles} articles (${report.forms} word forms) in ${(report.indexMs / 1000).toFixed(1)} s${related}.\n`);
      } finally {
        await app.handle.close();
      }
    }),
  );

const user = program.command('user').description('Manage staff accounts.');
user
  .command('create')
  .description('Create a staff account. Without --password, a random one is generated and printed once.')
  .requiredOption('--email <email>', 'login email')
  .requiredOption('--name <name>', 'name shown in bylines')
  .addOption(new Option('--role <role>', 'role').choices([...USER_ROLES]).default('author'))
  .option('--password <password>', 'password (at least 10 characters); prefer the generated one')
  .option('--slug <slug>', 'author page slug (default: from the name)')
  .action(
    action(async (options: { email: string; name: string; role: string; password?: string; slug?: string }) => {
      const app = await openApp();
      try {
        const password = options.password ?? generatePassword();
        await app.services.users.createUser({ email: options.email, name: options.name, role: options.role, password, ...(options.slug ? { slug: options.slug } : {}) });
        process.stdout.write(`Created ${options.role} ${options.email}.\n`);
        if (options.password === undefined) process.stdout.write(`One-time password (shown once, change it after logging in): ${password}\n`);
      } finally {
        await app.handle.close();
      }
    }),
  );

user
  .command('list')
  .description('List staff accounts (email, role, name, whether they can log in).')
  .action(
    action(async () => {
      const app = await openApp();
      try {
        const users = await app.services.ctx.repos.users.listAll();
        if (users.length === 0) process.stdout.write('No accounts yet.\n');
        for (const u of users) process.stdout.write(`${u.id}\t${u.email}\t${u.role}\t${u.display_name}\t${u.password_hash === null ? 'no login' : 'can log in'}\n`);
      } finally {
        await app.handle.close();
      }
    }),
  );

user
  .command('reset-password')
  .description('Print a one-time password reset token (valid one hour) for an account.')
  .requiredOption('--email <email>', 'login email of the account')
  .action(
    action(async (options: { email: string }) => {
      const app = await openApp();
      try {
        const { token, expiresAt } = await app.services.auth.createResetToken(options.email);
        process.stdout.write(`One-time reset token for ${options.email.trim().toLowerCase()} (valid until ${new Date(expiresAt).toISOString()}):\n${token}\n`);
        process.stdout.write(`Use it in the admin's "mot de passe oublié" page, or: POST /api/admin/password/reset {"token": "…", "newPassword": "…"}\n`);
      } finally {
        await app.handle.close();
      }
    }),
  );

registerCommentCommands(program);
registerExportCommands(program);
registerImportCommands(program);

await program.parseAsync(process.argv);
