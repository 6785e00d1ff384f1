import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { loadDemoText } from './corpora.js';
import { planQuery } from '../../src/services/search/query-plan.js';
const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
const handle = await openDatabase({ kind: 'sqlite', filename: join(dir, 'x.db') });
await migrateToLatest(handle.db);
const s = createServices({ db: handle.db, clock: fixedClock(Date.parse('2025-12-10T12:00:00+01:00')), site: { siteUrl: 'x', siteName: 'x', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: dir });
await loadDemoText(s);
for (const q of process.argv.slice(2)) {
  console.log(JSON.stringify((await planQuery(s.ctx.repos, q)).tiers));
  for (const r of (await s.search.search({ q })).results) console.log(r.score, r.match, r.card.title);
}
