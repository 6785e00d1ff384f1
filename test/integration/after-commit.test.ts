/**
 * Cache tags are published after the commit, once per transaction, never on a rollback; the
 * write's promise resolves only after this process's listeners have heard them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describeEachDatabase('after-commit cache invalidation', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  const heard: string[][] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, site: { siteUrl: 'http://localhost:3000', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '' });
    services.ctx.invalidation.subscribe((tags) => heard.push([...tags]));
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('publishes the tags of a transaction once, after its commit, nested transactions included', async () => {
    heard.length = 0;
    let seenInside = -1;
    await services.ctx.repos.transaction(async (repos) => {
      services.ctx.invalidator.afterCommit(repos, ['a:1', 'search']);
      await repos.settings.set('essai', 1, 0);
      await repos.transaction(async (inner) => {
        services.ctx.invalidator.afterCommit(inner, ['a:1', 'a:2']);
      });
      seenInside = heard.length;
    });
    expect(seenInside).toBe(0);
    expect(heard).toEqual([['a:1', 'search', 'a:2']]);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    heard.length = 0;
    await expect(
      services.ctx.repos.transaction(async (repos) => {
        services.ctx.invalidator.afterCommit(repos, ['a:3']);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(heard).toEqual([]);
  });

  it('refuses to collect tags outside a transaction (they would never be published)', () => {
    expect(() => services.ctx.invalidator.afterCommit(services.ctx.repos, ['a:4'])).toThrow(/outside a transaction/);
  });
});
