/** The report an import builds as it goes: counts per type, bounded warnings, external media. */
import { emptyCounts, type ImportCounts, type ImportReport } from './import-model.js';

/** Warnings kept in a report; past this they are only counted (a 100,000-post import must not fill memory). */
export const MAX_REPORTED_WARNINGS = 10_000;
/** External media listed in a report. */
export const MAX_LISTED_EXTERNAL_MEDIA = 10_000;

/** The record types a report counts. */
export type CountedType = keyof ImportReport['counts'];

/** Collects what an import did. */
export class ImportReportBuilder {
  readonly report: ImportReport;
  private readonly started = Date.now();

  constructor(source: string, dryRun: boolean) {
    this.report = {
      source,
      dryRun,
      counts: {
        authors: emptyCounts(),
        categories: emptyCounts(),
        tags: emptyCounts(),
        attachments: emptyCounts(),
        articles: emptyCounts(),
        pages: emptyCounts(),
        comments: emptyCounts(),
        redirects: emptyCounts(),
        other: emptyCounts(),
      },
      warnings: [],
      warningsOmitted: 0,
      externalMedia: [],
      durationMs: 0,
    };
  }

  /** Adds one to a counter. */
  count(type: CountedType, outcome: keyof ImportCounts, n = 1): void {
    this.report.counts[type][outcome] += n;
  }

  /** Records a warning about an item. */
  warn(kind: string, sourceId: string, message: string): void {
    if (this.report.warnings.length < MAX_REPORTED_WARNINGS) this.report.warnings.push({ kind, sourceId, message });
    else this.report.warningsOmitted++;
  }

  /** Lists an image left at its original address. */
  external(sourceId: string, url: string): void {
    if (this.report.externalMedia.length < MAX_LISTED_EXTERNAL_MEDIA) this.report.externalMedia.push({ sourceId, url });
  }

  /** Notes that the related lists of `articles` published articles were left to `depeche reindex`. */
  deferRelated(articles: number): void {
    this.report.relatedDeferred = articles;
  }

  /** The finished report. */
  finish(): ImportReport {
    this.report.durationMs = Date.now() - this.started;
    return this.report;
  }
}

/** The report as people read it: one line per type, then the warnings. */
export function formatReport(report: ImportReport, maxWarnings = 200, filesOption = '--uploads'): string {
  const lines: string[] = [];
  lines.push(report.dryRun ? `Dry run (nothing was written) of the ${report.source} import:` : `Import from ${report.source} finished in ${(report.durationMs / 1000).toFixed(1)} s:`);
  for (const [type, c] of Object.entries(report.counts)) {
    if (c.created + c.updated + c.unchanged + c.skipped === 0) continue;
    lines.push(`  ${type.padEnd(12)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`);
  }
  if (report.relatedDeferred !== undefined) {
    lines.push(`  Related-article lists of the ${report.relatedDeferred} published articles were not computed (a large import): run \`depeche reindex\` (meanwhile article pages show articles sharing their tags and category).`);
  }
  if (report.externalMedia.length > 0) lines.push(`  ${report.externalMedia.length} image(s) left at their original address (give ${filesOption} to import the files).`);
  const total = report.warnings.length + report.warningsOmitted;
  if (total > 0) {
    lines.push(`Warnings (${total}):`);
    for (const w of report.warnings.slice(0, maxWarnings)) lines.push(`  [${w.kind} ${w.sourceId}] ${w.message}`);
    if (total > maxWarnings) lines.push(`  … ${total - maxWarnings} more (write them all with --report FILE).`);
  }
  return `${lines.join('\n')}\n`;
}
