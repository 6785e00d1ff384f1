import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { openDatabase } from '../../src/storage/db.js';
import { planQuery } from '../../src/services/search/query-plan.js';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const handle = await openDatabase({ kind: 'sqlite', filename: join(ROOT, 'bench/.work/search/bench.db') });
const s = createServices({ db: handle.db, clock: fixedClock(Date.parse('2026-06-01T12:00:00Z')), site: { siteUrl: 'x', siteName: 'x', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/tmp' });
const t = (label: string, start: bigint) => console.log(label, (Number(process.hrtime.bigint() - start) / 1e6).toFixed(2), 'ms');
for (const q of process.argv.slice(2)) {
  for (let i = 0; i < 3; i++) {
    let s0 = process.hrtime.bigint();
    const plan = await planQuery(s.ctx.repos, q); t(`plan ${q}`, s0);
    s0 = process.hrtime.bigint();
    const r = await s.ctx.repos.searchIndex.search({ match: plan.tiers[0]!.match, now: Date.parse('2026-06-01T12:00:00Z'), limit: 10, offset: 0 }); t(`engine total=${r.total}`, s0);
    s0 = process.hrtime.bigint();
    await s.search.search({ q }); t('full', s0);
  }
}
await handle.close();
