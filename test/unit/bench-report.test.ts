/** Pieces of the benchmarks that must not be wrong: sections of RESULTS.md, percentiles, options. */
import { describe, expect, it } from 'vitest';
import { percentile } from '../../bench/load.js';
import { benchOptions } from '../../bench/options.js';
import { median } from '../../bench/report.js';
import { replaceSection } from '../../bench/results-file.js';

describe('RESULTS.md sections', () => {
  it('creates the file with a title and the section', () => {
    const doc = replaceSection('', 'load', '## Page load\n\nfigures');
    expect(doc).toMatch(/^# Dépêche benchmark results\n/);
    expect(doc).toContain('<!-- bench:load:start -->\n## Page load\n\nfigures\n<!-- bench:load:end -->');
  });

  it('rewrites only its own section and keeps the others in place', () => {
    let doc = replaceSection('', 'import', '## Import\n\nfirst import');
    doc = replaceSection(doc, 'load', '## Page load\n\nfirst load');
    // The page-load section goes before the import section whatever the order of the runs.
    expect(doc.indexOf('bench:load:start')).toBeLessThan(doc.indexOf('bench:import:start'));
    doc = replaceSection(doc, 'import', '## Import\n\nsecond import');
    expect(doc).toContain('first load');
    expect(doc).toContain('second import');
    expect(doc).not.toContain('first import');
    expect(doc.match(/bench:import:start/g)).toHaveLength(1);
    expect(replaceSection(doc, 'load', '## Page load\n\nfirst load')).toBe(doc);
  });
});

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles and medians', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 99)).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('npm run bench options', () => {
  it('has defaults for a full run', () => {
    const o = benchOptions({});
    expect(o).toMatchObject({ durationSec: 10, warmupSec: 2, connections: [32, 128], modes: ['cached', 'uncached'], acceptEncoding: 'br, gzip', coldStarts: 5, largeArticles: 100_000, resultsFile: 'bench/RESULTS.md', workers: 1 });
    expect(o.pages).toEqual(['article', 'home', 'category', 'tag', 'search', 'feed']);
  });

  it('reads short runs and refuses bad values in one line', () => {
    const o = benchOptions({ BENCH_SECONDS: '3', BENCH_CONNECTIONS: '32', BENCH_PAGES: 'feed,article', BENCH_LARGE_ARTICLES: '0', BENCH_RESULTS: 'none' });
    expect(o).toMatchObject({ durationSec: 3, connections: [32], pages: ['article', 'feed'], largeArticles: 0, resultsFile: null });
    expect(benchOptions({ BENCH_DURATION: '4' }).durationSec).toBe(4);
    expect(() => benchOptions({ BENCH_SECONDS: '0' })).toThrow(/BENCH_SECONDS must be a whole number ≥ 1/);
    expect(() => benchOptions({ BENCH_PAGES: 'article,author' })).toThrow(/BENCH_PAGES must list some of/);
    expect(() => benchOptions({ BENCH_CONNECTIONS: '32,lots' })).toThrow(/BENCH_CONNECTIONS/);
  });
});
