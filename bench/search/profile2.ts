import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../../src/storage/db.js';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const handle = await openDatabase({ kind: 'sqlite', filename: join(ROOT, 'bench/.work/search/bench.db') });
const t = async (label: string, q: ReturnType<typeof sql>) => { const s = process.hrtime.bigint(); const r = await q.execute(handle.db); console.log(label, (Number(process.hrtime.bigint() - s) / 1e6).toFixed(2), 'ms', JSON.stringify(r.rows[0])); };
for (const term of process.argv.slice(2)) {
  for (let i = 0; i < 2; i++) {
    await t(`count ${term}`, sql`select count(*) n from search_fts where search_fts match ${'"' + term + '"'}`);
    await t(`count+vis ${term}`, sql`select count(*) n from search_fts where search_fts match ${'"' + term + '"'} and +rowid not in (select article_id from search_documents where published_at > 1780000000000)`);
    await t(`bm25 ${term}`, sql`select rowid, bm25(search_fts, 8.0, 4.0, 1.0, 0.5) b from search_fts where search_fts match ${'"' + term + '"'} order by b limit 100`);
    await t(`rowids ${term}`, sql`select max(rowid) from search_fts where search_fts match ${'"' + term + '"'}`);
  }
}
await handle.close();
