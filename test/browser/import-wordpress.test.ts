import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from '../../src/services/import/import-service.js';
import { WxrReader } from '../../src/services/import/wxr-reader.js';
import { useDemoSiteInBrowser } from '../support/browser-site.js';
import { sharedTestdata } from '../support/shared-testdata.js';

const WXR = sharedTestdata('wxr');
const site = useDemoSiteInBrowser();

describe.skipIf(!WXR.available)('an imported WordPress site in Chromium', () => {
  beforeAll(async () => {
    const report = await new ImportService(site.app.services).run(new WxrReader(join(WXR.path, 'theme-test-data/themeunittestdata.wordpress.xml')));
    expect(report.counts.articles.created).toBeGreaterThan(0);
  });

  it('shows an imported post with its captioned image', async () => {
    const page = await site.open();
    const response = await page.goto('/2013/01/10/markup-image-alignment/');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(/^\/[a-z0-9-]+\/markup-image-alignment$/);
    await expect(page.locator('h1').textContent()).resolves.toContain('Image Alignment');
    const caption = page.locator('.article-body figure figcaption').first();
    await caption.waitFor();
    expect(await caption.textContent()).toMatch(/\S/);
  });

  it('shows threaded comments, and /?p=ID and the old permalink both answer 301 to the post', async () => {
    const page = await site.open();
    const redirects: number[] = [];
    page.on('response', (r) => {
      if (r.status() === 301) redirects.push(r.status());
    });
    await page.goto('/?p=1148');
    const landed = new URL(page.url()).pathname;
    expect(landed).toMatch(/^\/[a-z0-9-]+\/template-comments$/);
    expect(redirects.length).toBeGreaterThan(0);
    await page.locator('.comment-replies li').first().waitFor();
    expect(await page.locator('.comment-replies li').count()).toBeGreaterThan(0);

    redirects.length = 0;
    await page.goto('/2012/01/03/template-comments/');
    expect(new URL(page.url()).pathname).toBe(landed);
    expect(redirects.length).toBeGreaterThan(0);
  });
});
