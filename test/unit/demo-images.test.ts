import { describe, it, expect } from 'vitest';
import sharp from 'sharp';
import {
  DEMO_IMAGE_HEIGHT,
  DEMO_IMAGE_WIDTH,
  drawDemoScene,
  renderDemoImage,
} from '../../src/services/demo/demo-images.js';
import { DEMO_SCENES } from '../../src/services/demo/demo-types.js';

/** Checks that every opened tag is closed in order (a cheap well-formedness test, no XML parser needed). */
function tagsBalanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (name === undefined) return false;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      if (stack.pop() !== name) return false;
    } else {
      stack.push(name);
    }
  }
  return stack.length === 0;
}

describe('drawDemoScene', () => {
  it('has a 16:9 canvas', () => {
    expect(DEMO_IMAGE_WIDTH).toBe(1200);
    expect(DEMO_IMAGE_HEIGHT).toBe(675);
  });

  it.each(DEMO_SCENES)('draws a self-contained, text-free SVG for %s', (scene) => {
    const svg = drawDemoScene(scene, 42);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('viewBox="0 0 1200 675"');
    expect(tagsBalanced(svg)).toBe(true);
    expect(svg).not.toMatch(/<text/i);
    expect(svg).not.toMatch(/href\s*=/i);
    expect(svg).not.toMatch(/url\(\s*['"]?(https?:|data:|\/\/)/i);
    expect(svg).not.toMatch(/<(image|script|foreignObject|style)\b/i);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    // Every url(#id) points at a gradient or clip path declared in the same document.
    for (const [, id] of svg.matchAll(/url\(#([\w-]+)\)/g)) expect(svg).toContain(`id="${id}"`);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    for (const scene of DEMO_SCENES) {
      expect(drawDemoScene(scene, 7)).toBe(drawDemoScene(scene, 7));
      expect(drawDemoScene(scene, 7)).not.toBe(drawDemoScene(scene, 8));
    }
  });

  it('accepts any number as a seed', () => {
    for (const seed of [0, -1, 1.5, 2 ** 40, Number.NaN]) expect(drawDemoScene('city', seed).startsWith('<svg')).toBe(true);
  });
});

describe('renderDemoImage', () => {
  it('encodes JPEG and WebP at the requested widths, 16:9, without metadata', async () => {
    const renditions = await renderDemoImage('harbour', 3, [320, 160]);
    expect(renditions.map((r) => [r.width, r.height, r.format])).toEqual([
      [320, 180, 'jpeg'],
      [320, 180, 'webp'],
      [160, 90, 'jpeg'],
      [160, 90, 'webp'],
    ]);
    for (const r of renditions) {
      const meta = await sharp(r.bytes).metadata();
      expect(meta.format).toBe(r.format);
      expect(meta.width).toBe(r.width);
      expect(meta.height).toBe(r.height);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
    }
  });

  it('defaults to 480, 800 and 1200 pixels wide', async () => {
    const renditions = await renderDemoImage('space', 1);
    expect(renditions.map((r) => `${r.format}@${r.width}x${r.height}`)).toEqual([
      'jpeg@480x270', 'webp@480x270', 'jpeg@800x450', 'webp@800x450', 'jpeg@1200x675', 'webp@1200x675',
    ]);
  });

  it('paints an actual picture rather than a blank canvas', async () => {
    const [jpeg] = await renderDemoImage('stage', 5, [320]);
    expect(jpeg).toBeDefined();
    const stats = await sharp(jpeg?.bytes).stats();
    // A flat image would have near-zero deviation in every channel.
    expect(Math.max(...stats.channels.map((c) => c.stdev))).toBeGreaterThan(20);
  });

  it('rejects nonsensical widths', async () => {
    await expect(renderDemoImage('city', 1, [0])).rejects.toThrow(RangeError);
    await expect(renderDemoImage('city', 1, [12.5])).rejects.toThrow(RangeError);
  });
});
