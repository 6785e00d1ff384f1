/**
 * Drawn figures for the demo articles. Every image is painted here from simple vector shapes
 * (no text, no external resource, no copied artwork), so the demo ships with illustrations
 * the project can distribute under its own licence. A seed varies palette and details
 * deterministically: two articles sharing a scene get two different, reproducible pictures.
 */
import type Sharp from 'sharp';
import { lazyModule } from '../../lazy-module.js';

const sharp = lazyModule<typeof Sharp>('sharp');
import type { DemoScene } from './demo-types.js';

/** Width of the drawing canvas (SVG user units, and the largest default rendition). */
export const DEMO_IMAGE_WIDTH = 1200;
/** Height of the drawing canvas; 1200 × 675 is 16:9. */
export const DEMO_IMAGE_HEIGHT = 675;

const W = DEMO_IMAGE_WIDTH;
const H = DEMO_IMAGE_HEIGHT;
const TAU = Math.PI * 2;

// ---------------------------------------------------------------------------------------------
// Seeded randomness. Math.random would make the demo differ at every load; mulberry32 is tiny,
// fast and good enough for picking colours and jittering shapes.
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, so the scene name perturbs the seed (seed 1 of "city" ≠ seed 1 of "sea"). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Colour. Palettes are built in HSL with moderate saturation: that is what gives the muted,
// editorial look, whatever hue the seed lands on.
// ---------------------------------------------------------------------------------------------

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

function hex2(v: number): string {
  return Math.round(clamp(v, 0, 255)).toString(16).padStart(2, '0');
}

function hsl(h: number, s: number, l: number): string {
  const hh = ((h % 360) + 360) % 360;
  const ss = clamp(s, 0, 100) / 100;
  const ll = clamp(l, 0, 100) / 100;
  const a = ss * Math.min(ll, 1 - ll);
  const f = (n: number): number => {
    const k = (n + hh / 30) % 12;
    return ll - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return `#${hex2(f(0) * 255)}${hex2(f(8) * 255)}${hex2(f(4) * 255)}`;
}

function rgb(color: string): [number, number, number] {
  const v = Number.parseInt(color.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Linear blend of two #rrggbb colours (t = 0 gives a, 1 gives b). */
function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  return `#${hex2(r1 + (r2 - r1) * t)}${hex2(g1 + (g2 - g1) * t)}${hex2(b1 + (b2 - b1) * t)}`;
}

function darken(c: string, t: number): string {
  return mix(c, '#000000', t);
}

function lighten(c: string, t: number): string {
  return mix(c, '#ffffff', t);
}

type SkyMood = 'day' | 'golden' | 'dusk' | 'pale';

interface Palette {
  hue: number;
  mood: SkyMood;
  skyTop: string;
  skyBottom: string;
  sun: string;
  /** Five harmonious muted colours around the scene hue. */
  accents: readonly [string, string, string, string, string];
  /** Near-black tinted with the scene hue (silhouettes, outlines). */
  ink: string;
  /** Near-white tinted with the scene hue (paper, highlights). */
  paper: string;
}

const SCHEMES: readonly (readonly [number, number, number, number, number])[] = [
  [0, 28, -28, 180, 56], // analogous with one complement for contrast
  [0, 150, 210, 30, 180], // split complementary
  [0, 120, 240, 20, 140], // triad
  [0, 35, 190, 70, -40],
];

function makePalette(rng: Rng, baseHue: number, moods: readonly SkyMood[]): Palette {
  const hue = baseHue + rng.range(-24, 24);
  const scheme = rng.pick(SCHEMES);
  const lights = [50, 62, 42, 70, 56] as const;
  const acc = (i: 0 | 1 | 2 | 3 | 4): string =>
    hsl(hue + scheme[i] + rng.range(-8, 8), rng.range(24, 40), lights[i] + rng.range(-5, 5));
  const accents = [acc(0), acc(1), acc(2), acc(3), acc(4)] as const;
  const mood = rng.pick(moods);
  const j = rng.range(-10, 10);
  let skyTop: string;
  let skyBottom: string;
  let sun: string;
  switch (mood) {
    case 'day':
      skyTop = hsl(208 + j, 42, 60);
      skyBottom = hsl(198 + j, 46, 86);
      sun = hsl(48, 85, 90);
      break;
    case 'golden':
      skyTop = hsl(212 + j, 32, 64);
      skyBottom = hsl(36 + j, 68, 83);
      sun = hsl(42, 90, 84);
      break;
    case 'dusk':
      skyTop = hsl(244 + j, 24, 34);
      skyBottom = hsl(20 + j, 58, 72);
      sun = hsl(34, 88, 80);
      break;
    case 'pale':
      skyTop = hsl(205 + j, 20, 70);
      skyBottom = hsl(195 + j, 24, 88);
      sun = hsl(50, 50, 94);
      break;
  }
  return {
    hue,
    mood,
    skyTop,
    skyBottom,
    sun,
    accents,
    ink: hsl(hue + 10, 22, 17),
    paper: hsl(hue, 28, 94),
  };
}

// ---------------------------------------------------------------------------------------------
// A minimal SVG writer. Numbers are rounded to one decimal: the output stays compact and,
// more importantly, byte-identical across runs for the same seed.
// ---------------------------------------------------------------------------------------------

type Pt = readonly [number, number];
type Attrs = Readonly<Record<string, string | number | undefined>>;
type Stop = readonly [offset: number, color: string, opacity?: number];

function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Path data from commands and numbers: pd('M', 0, 0, 'L', 10, 10). */
function pd(...parts: readonly (string | number)[]): string {
  return parts.map((p) => (typeof p === 'number' ? num(p) : p)).join(' ');
}

function pts(points: readonly Pt[]): string {
  return points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}

function tag(name: string, attrs: Attrs): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${typeof v === 'number' ? num(v) : v}"`;
  }
  return `${s}/>`;
}

class Drawing {
  private readonly defs: string[] = [];
  private readonly body: string[] = [];
  private ids = 0;

  constructor(
    readonly rng: Rng,
    readonly pal: Palette,
    /** Flip the finished picture left-right: free variety, since no scene contains text. */
    private readonly mirrored = false,
  ) {}

  rect(x: number, y: number, w: number, h: number, fill: string | undefined, extra: Attrs = {}): void {
    this.body.push(tag('rect', { x, y, width: Math.max(0, w), height: Math.max(0, h), fill, ...extra }));
  }

  circle(cx: number, cy: number, r: number, fill: string | undefined, extra: Attrs = {}): void {
    this.body.push(tag('circle', { cx, cy, r: Math.max(0, r), fill, ...extra }));
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, fill: string | undefined, extra: Attrs = {}): void {
    this.body.push(tag('ellipse', { cx, cy, rx: Math.max(0, rx), ry: Math.max(0, ry), fill, ...extra }));
  }

  polygon(points: readonly Pt[], fill: string | undefined, extra: Attrs = {}): void {
    this.body.push(tag('polygon', { points: pts(points), fill, ...extra }));
  }

  path(d: string, fill: string | undefined, extra: Attrs = {}): void {
    this.body.push(tag('path', { d, fill, ...extra }));
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra: Attrs = {}): void {
    this.body.push(tag('line', { x1, y1, x2, y2, stroke, 'stroke-width': width, ...extra }));
  }

  /** A stroked open path (no fill). */
  stroke(d: string, stroke: string, width: number, extra: Attrs = {}): void {
    this.path(d, 'none', { stroke, 'stroke-width': width, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', ...extra });
  }

  /** Declares a linear gradient (bounding-box units, top to bottom by default); returns its url(). */
  linear(stops: readonly Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    const id = `g${++this.ids}`;
    const s = stops
      .map(([o, c, op]) => tag('stop', { offset: o, 'stop-color': c, 'stop-opacity': op }))
      .join('');
    this.defs.push(`<linearGradient id="${id}" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}">${s}</linearGradient>`);
    return `url(#${id})`;
  }

  /** Declares a radial gradient centred in the shape's bounding box; returns its url(). */
  radial(stops: readonly Stop[]): string {
    const id = `g${++this.ids}`;
    const s = stops
      .map(([o, c, op]) => tag('stop', { offset: o, 'stop-color': c, 'stop-opacity': op }))
      .join('');
    this.defs.push(`<radialGradient id="${id}">${s}</radialGradient>`);
    return `url(#${id})`;
  }

  /** A soft round glow: a circle filled with a radial fade to transparent. */
  glow(cx: number, cy: number, r: number, colour: string, opacity: number): void {
    this.circle(cx, cy, r, this.radial([[0, colour, opacity], [0.4, colour, opacity * 0.45], [1, colour, 0]]));
  }

  /** Declares a clip path from raw shape markup; returns its url(). */
  clip(markup: string): string {
    const id = `c${++this.ids}`;
    this.defs.push(`<clipPath id="${id}">${markup}</clipPath>`);
    return `url(#${id})`;
  }

  group(attrs: Attrs, draw: () => void): void {
    this.body.push(tag('g', attrs).replace(/\/>$/, '>'));
    draw();
    this.body.push('</g>');
  }

  svg(): string {
    const defs = this.defs.length > 0 ? `<defs>${this.defs.join('')}</defs>` : '';
    const body = this.mirrored ? `<g transform="matrix(-1 0 0 1 ${W} 0)">${this.body.join('')}</g>` : this.body.join('');
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
      `${defs}${body}</svg>`
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Shared motifs.
// ---------------------------------------------------------------------------------------------

type Curve = (x: number) => number;

/** A gentle horizon line: a sum of three sines with seeded wavelengths and phases. */
function waveCurve(rng: Rng, base: number, amp: number, minLen = 300, maxLen = 900): Curve {
  const parts = [1, 2, 3].map((i) => ({
    a: (amp / i) * rng.range(0.6, 1),
    f: TAU / (rng.range(minLen, maxLen) / i),
    p: rng.range(0, TAU),
  }));
  return (x) => parts.reduce((y, c) => y + c.a * Math.sin(c.f * x + c.p), base);
}

/** Area under a curve down to `bottom`, as path data. */
function curveArea(f: Curve, bottom = H, x0 = -20, x1 = W + 20, step = 15): string {
  const parts: (string | number)[] = ['M', x0, bottom];
  for (let x = x0; x <= x1 + step - 1; x += step) parts.push('L', Math.min(x, x1), f(Math.min(x, x1)));
  parts.push('L', x1, bottom, 'Z');
  return pd(...parts);
}

/** The curve itself as an open path (for strokes). */
function curveLine(f: Curve, x0 = -20, x1 = W + 20, step = 15): string {
  const parts: (string | number)[] = ['M', x0, f(x0)];
  for (let x = x0 + step; x <= x1 + step - 1; x += step) parts.push('L', Math.min(x, x1), f(Math.min(x, x1)));
  return pd(...parts);
}

function sky(d: Drawing): void {
  d.rect(0, 0, W, H, d.linear([[0, d.pal.skyTop], [1, d.pal.skyBottom]]));
}

function sun(d: Drawing, x: number, y: number, r: number): void {
  d.glow(x, y, r * 3.4, d.pal.sun, 0.6);
  d.circle(x, y, r, d.pal.sun);
}

/** A flat-bottomed cartoon cloud. */
function cloud(d: Drawing, x: number, y: number, s: number, color: string, opacity = 0.8): void {
  d.group({ fill: color, opacity }, () => {
    d.rect(x - 70 * s, y - 20 * s, 150 * s, 20 * s, undefined, { rx: 10 * s });
    d.circle(x - 35 * s, y - 22 * s, 24 * s, undefined);
    d.circle(x + 5 * s, y - 32 * s, 34 * s, undefined);
    d.circle(x + 45 * s, y - 18 * s, 22 * s, undefined);
  });
}

function clouds(d: Drawing, count: number, yMin: number, yMax: number, opacity = 0.75): void {
  const { rng, pal } = d;
  const color = lighten(pal.skyBottom, 0.55);
  for (let i = 0; i < count; i++) {
    const x = ((i + rng.range(0.1, 0.9)) / count) * W;
    cloud(d, x, rng.range(yMin, yMax), rng.range(0.6, 1.2), color, opacity);
  }
}

function bird(d: Drawing, x: number, y: number, s: number, color: string): void {
  d.stroke(pd('M', x - 9 * s, y - 2 * s, 'Q', x - 4 * s, y - 7 * s, x, y, 'Q', x + 4 * s, y - 7 * s, x + 9 * s, y - 2 * s), color, 2.2 * s);
}

/** Round-canopy tree standing on (x, y). */
function roundTree(d: Drawing, x: number, y: number, s: number, leaf: string, trunk: string): void {
  d.rect(x - 4 * s, y - 34 * s, 8 * s, 34 * s, trunk);
  d.circle(x, y - 52 * s, 28 * s, leaf);
  d.circle(x - 16 * s, y - 38 * s, 18 * s, leaf);
  d.circle(x + 16 * s, y - 40 * s, 20 * s, leaf);
  d.circle(x + 8 * s, y - 62 * s, 14 * s, lighten(leaf, 0.12), { opacity: 0.7 });
}

/** Layered pine standing on (x, y). */
function pine(d: Drawing, x: number, y: number, h: number, color: string, trunk?: string): void {
  const w = h * 0.42;
  if (trunk !== undefined) d.rect(x - h * 0.03, y - h * 0.14, h * 0.06, h * 0.14, trunk);
  const tiers = 3;
  for (let i = 0; i < tiers; i++) {
    const top = y - h + (i * h * 0.25);
    const bottom = y - h * 0.1 - (tiers - 1 - i) * h * 0.2;
    const half = (w / 2) * (0.6 + (0.4 * (i + 1)) / tiers);
    d.polygon([[x, top], [x + half, bottom], [x - half, bottom]], color);
  }
}

/** Axis-aligned quad with a perspective: top edge [tl, tr] at y0, bottom edge [bl, br] at y1. */
function quad(tl: number, tr: number, y0: number, bl: number, br: number, y1: number): Pt[] {
  return [[tl, y0], [tr, y0], [br, y1], [bl, y1]];
}

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

// ---------------------------------------------------------------------------------------------
// Scenes.
// ---------------------------------------------------------------------------------------------

type Flag = 'vertical' | 'horizontal' | 'cross' | 'disc' | 'diagonal';
const FLAG_COLOURS = ['#b8453e', '#2f5597', '#f1eee4', '#3f7d55', '#d9ae3c', '#2b2b2b', '#5d8fc9'] as const;

function smallFlag(d: Drawing, x: number, y: number, w: number, h: number, kind: Flag, colours: readonly string[]): void {
  const [a = '#b8453e', b = '#f1eee4', c = '#2f5597'] = colours;
  d.rect(x, y, w, h, a);
  switch (kind) {
    case 'vertical':
      d.rect(x + w / 3, y, w / 3, h, b);
      d.rect(x + (2 * w) / 3, y, w / 3, h, c);
      break;
    case 'horizontal':
      d.rect(x, y + h / 3, w, h / 3, b);
      d.rect(x, y + (2 * h) / 3, w, h / 3, c);
      break;
    case 'cross':
      d.rect(x + w * 0.3, y, w * 0.14, h, b);
      d.rect(x, y + h * 0.43, w, h * 0.14, b);
      break;
    case 'disc':
      d.circle(x + w / 2, y + h / 2, h * 0.3, b);
      break;
    case 'diagonal':
      d.polygon([[x, y + h], [x + w, y], [x + w, y + h]], c);
      break;
  }
  d.rect(x, y, w, h, 'none', { stroke: '#000000', 'stroke-opacity': 0.15, 'stroke-width': 1 });
}

function drawDiplomacy(d: Drawing): void {
  const { rng, pal } = d;
  const wall = hsl(pal.hue + 20, rng.range(18, 30), rng.range(78, 86));
  const trim = hsl(pal.hue + 20, 22, 64);
  d.rect(0, 0, W, H, d.linear([[0, lighten(wall, 0.15)], [1, wall]]));
  // Tall windows with drapes along the back wall.
  const windows = rng.int(3, 4);
  const glass = d.linear([[0, hsl(205, 40, 82)], [1, hsl(200, 30, 92)]]);
  const drape = hsl(pal.hue + rng.pick([0, 180, 330]), rng.range(30, 42), rng.range(38, 48));
  for (let i = 0; i < windows; i++) {
    const cx = ((i + 0.5) / windows) * W;
    const ww = 120;
    d.path(pd('M', cx - ww / 2, 420, 'L', cx - ww / 2, 150, 'A', ww / 2, ww / 2, 0, 0, 1, cx + ww / 2, 150, 'L', cx + ww / 2, 420, 'Z'), glass, { stroke: trim, 'stroke-width': 10 });
    d.line(cx, 95, cx, 420, trim, 5);
    d.line(cx - ww / 2, 260, cx + ww / 2, 260, trim, 5);
    for (const side of [-1, 1]) {
      const x0 = cx + side * (ww / 2 + 6);
      d.path(pd('M', x0, 80, 'L', x0 + side * 34, 80, 'Q', x0 + side * 20, 260, x0 + side * 42, 430, 'L', x0 - side * 4, 430, 'Z'), drape);
      d.path(pd('M', x0 + side * 12, 90, 'Q', x0 + side * 8, 260, x0 + side * 22, 425), 'none', { stroke: darken(drape, 0.25), 'stroke-width': 3, opacity: 0.5 });
    }
  }
  // Wainscot and cornice.
  d.rect(0, 0, W, 38, trim, { opacity: 0.6 });
  d.rect(0, 430, W, 100, darken(wall, 0.12));
  for (let x = 20; x < W; x += 150) d.rect(x, 448, 120, 64, 'none', { stroke: darken(wall, 0.22), 'stroke-width': 3 });
  // Floor and carpet.
  d.rect(0, 530, W, H - 530, darken(wall, 0.45));
  const clothHue = pal.hue + rng.pick([120, 160, 200]);
  const carpet = hsl(clothHue + rng.pick([150, 180, 210]), rng.range(25, 38), rng.range(32, 40));
  d.polygon(quad(90, 1110, 560, -60, 1260, H), carpet);
  d.polygon(quad(115, 1085, 572, -20, 1220, H), 'none', { stroke: lighten(carpet, 0.3), 'stroke-width': 4 });
  // Chandeliers hang between the windows: chains, rings of candles and soft halos.
  for (let i = 1; i < windows; i++) {
    const cx = (i / windows) * W;
    const cy = rng.range(105, 130);
    d.glow(cx, cy + 5, 120, hsl(45, 95, 85), 0.55);
    d.line(cx, 0, cx, cy - 20, '#8a7440', 3);
    d.ellipse(cx, cy + 8, 52, 12, 'none', { stroke: '#b39449', 'stroke-width': 5 });
    d.path(pd('M', cx - 50, cy + 8, 'Q', cx, cy + 50, cx + 50, cy + 8), 'none', { stroke: '#b39449', 'stroke-width': 4 });
    d.circle(cx, cy + 30, 9, '#b39449');
    for (let k = 0; k < 7; k++) {
      const a = (k / 6) * Math.PI;
      const x = cx - Math.cos(a) * 52;
      const y = cy + 8 + Math.sin(a) * 6 - 12;
      d.rect(x - 2.5, y, 5, 12, '#f4ecd8');
      d.circle(x, y - 4, 6, hsl(45, 95, 80), { opacity: 0.9 });
    }
  }
  // Chairs behind the table.
  const chairs = rng.int(7, 9);
  const chair = hsl(pal.hue + rng.range(-10, 20), rng.range(25, 40), rng.range(30, 40));
  const left = 180;
  const right = 1020;
  for (let i = 0; i < chairs; i++) {
    const x = lerp(left, right, (i + 0.5) / chairs);
    d.path(pd('M', x - 28, 465, 'L', x - 28, 365, 'Q', x, 345, x + 28, 365, 'L', x + 28, 465, 'Z'), chair);
    d.path(pd('M', x - 20, 440, 'L', x - 20, 373, 'Q', x, 358, x + 20, 373, 'L', x + 20, 440, 'Z'), lighten(chair, 0.15));
  }
  // The long table: top in perspective, then a draped cloth.
  const cloth = hsl(clothHue, rng.range(25, 38), rng.range(28, 38));
  d.polygon(quad(150, 1050, 432, 110, 1090, 470), '#f4efe3');
  d.rect(110, 470, 980, 88, cloth);
  for (let x = 130; x < 1080; x += 49) d.rect(x, 470, 18, 88, darken(cloth, 0.15), { opacity: 0.5 });
  d.rect(110, 470, 980, 7, darken(cloth, 0.25));
  // Documents and glasses at each seat.
  for (let i = 0; i < chairs; i++) {
    const x = lerp(left, right, (i + 0.5) / chairs);
    d.polygon(quad(x - 20, x + 16, 444, x - 24, x + 20, 460), '#ffffff', { opacity: 0.95 });
    d.rect(x + 26, 432, 8, 18, hsl(200, 30, 85), { opacity: 0.9, rx: 2 });
  }
  // Two table flags at the centre.
  const kinds: readonly Flag[] = ['vertical', 'horizontal', 'cross', 'disc', 'diagonal'];
  const colours = rng.shuffle(FLAG_COLOURS);
  for (const [k, x] of [[0, 572], [1, 628]] as const) {
    d.line(x, 452, x, 368, '#8a7440', 3);
    d.rect(x - 8, 448, 16, 6, '#6f5e33', { rx: 2 });
    const offset = k * 3;
    smallFlag(d, k === 0 ? x - 46 : x, 370, 46, 30, rng.pick(kinds), colours.slice(offset, offset + 3));
  }
}

function drawParliament(d: Drawing): void {
  const { rng, pal } = d;
  const wall = hsl(pal.hue, rng.range(14, 24), rng.range(74, 84));
  d.rect(0, 0, W, H, d.linear([[0, lighten(wall, 0.2)], [1, darken(wall, 0.08)]]));
  // Back wall: a gallery of arched niches above a cornice, panelled below.
  const niche = darken(wall, 0.1);
  for (let x = 15; x < W; x += 150) {
    d.path(pd('M', x + 20, 210, 'L', x + 20, 90, 'A', 55, 55, 0, 0, 1, x + 130, 90, 'L', x + 130, 210, 'Z'), niche);
    d.path(pd('M', x + 32, 210, 'L', x + 32, 95, 'A', 43, 43, 0, 0, 1, x + 118, 95, 'L', x + 118, 210, 'Z'), darken(wall, 0.2), { opacity: 0.5 });
    d.rect(x - 4, 20, 16, 200, lighten(wall, 0.15));
  }
  d.rect(0, 210, W, 24, lighten(wall, 0.2));
  d.rect(0, 232, W, 6, darken(wall, 0.15));
  d.rect(0, 238, W, H - 238, darken(wall, 0.18));
  const cx = 600;
  const cy = 640;
  const wood = hsl(28 + rng.range(-6, 6), rng.range(28, 38), rng.range(34, 42));
  // Floor of the chamber: a half-disc of carpet rimmed with wood.
  const carpet = hsl(rng.pick([350, 5, 210, 150]) + rng.range(-6, 6), rng.range(22, 34), rng.range(30, 38));
  const R = 540;
  d.path(pd('M', cx - R, H, 'L', cx - R, cy, 'A', R, R, 0, 0, 1, cx + R, cy, 'L', cx + R, H, 'Z'), carpet, { stroke: wood, 'stroke-width': 16 });
  // Party groups, seats coloured by sector like a results diagram.
  const groups = rng.int(5, 7);
  const hues = rng.shuffle([0, 30, 55, 110, 165, 200, 230, 280, 320]);
  const colours = Array.from({ length: groups }, (_, i) => hsl((hues[i] ?? 0) + rng.range(-8, 8), rng.range(30, 44), rng.range(50, 62)));
  const weights = Array.from({ length: groups }, () => rng.range(0.4, 1.6));
  const total = weights.reduce((a, b) => a + b, 0);
  const aisles = [0.25, 0.5, 0.75].map((t) => Math.PI + t * Math.PI);
  interface Seat { x: number; y: number; a: number; r: number }
  const seats: Seat[] = [];
  const rows = 9;
  for (let row = 0; row < rows; row++) {
    const r = 175 + row * 40;
    d.path(pd('M', cx - r + 14, cy, 'A', r - 14, r - 14, 0, 0, 1, cx + r - 14, cy), 'none', { stroke: wood, 'stroke-width': 10 });
    const n = Math.floor((Math.PI * r) / 30);
    for (let k = 0; k < n; k++) {
      const a = Math.PI + ((k + 0.5) / n) * Math.PI;
      if (aisles.some((b) => Math.abs(a - b) * r < 16)) continue;
      seats.push({ x: cx + Math.cos(a) * r, y: cy + Math.sin(a) * r, a, r });
    }
  }
  seats.sort((s, t) => s.a - t.a);
  let g = 0;
  let limit = ((weights[0] ?? 1) / total) * seats.length;
  seats.forEach((s, i) => {
    while (i >= limit && g < groups - 1) {
      g++;
      limit += ((weights[g] ?? 1) / total) * seats.length;
    }
    const c = colours[g] ?? '#888888';
    d.circle(s.x, s.y + 2, 11.5, darken(c, 0.35), { opacity: 0.5 });
    d.circle(s.x, s.y, 11, c);
    d.circle(s.x - 3, s.y - 3, 4, lighten(c, 0.35), { opacity: 0.6 });
  });
  // Rostrum and presidency.
  d.rect(cx - 130, 560, 260, 115, darken(wood, 0.05));
  d.rect(cx - 130, 560, 260, 12, lighten(wood, 0.2));
  d.rect(cx - 45, 585, 90, 90, lighten(wood, 0.08));
  d.rect(cx - 45, 585, 90, 8, lighten(wood, 0.3));
  d.rect(cx - 3, 565, 6, 22, pal.ink);
}

function building(d: Drawing, x: number, ground: number, w: number, h: number, color: string): void {
  const { rng, pal } = d;
  const top = ground - h;
  const glass = mix(color, pal.ink, 0.45);
  const lit = hsl(45, 70, 82);
  // Roof furniture first, so the body overlaps its base.
  const roof = rng.int(0, 4);
  if (roof === 0) {
    d.line(x + w * 0.5, top, x + w * 0.5, top - rng.range(30, 70), darken(color, 0.3), 3);
  } else if (roof === 1) {
    d.rect(x + w * 0.2, top - 22, w * 0.6, 22, darken(color, 0.08));
  } else if (roof === 2) {
    d.polygon([[x, top], [x + w / 2, top - w * 0.35], [x + w, top]], darken(color, 0.12));
  } else if (roof === 3) {
    d.rect(x + w * 0.6, top - 26, 22, 18, darken(color, 0.3));
    d.line(x + w * 0.6 + 4, top - 8, x + w * 0.6 + 4, top, darken(color, 0.3), 2);
    d.line(x + w * 0.6 + 18, top - 8, x + w * 0.6 + 18, top, darken(color, 0.3), 2);
  }
  d.rect(x, top, w, h, color);
  d.rect(x + w * 0.82, top, w * 0.18, h, '#000000', { opacity: 0.12 });
  d.rect(x, top, w, 6, lighten(color, 0.15));
  const style = rng.int(0, 2);
  const inner = w * 0.82;
  if (style === 0) {
    const cols = Math.max(1, Math.floor((inner - 10) / 22));
    const rows = Math.max(1, Math.floor((h - 30) / 28));
    const gap = (inner - cols * 12) / (cols + 1);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        d.rect(x + gap + c * (12 + gap), top + 18 + r * 28, 12, 16, rng.chance(0.28) ? lit : glass);
      }
    }
  } else if (style === 1) {
    for (let y = top + 18; y < ground - 24; y += 22) d.rect(x + 8, y, inner - 14, 10, glass);
  } else {
    const cols = Math.max(1, Math.floor((inner - 8) / 18));
    for (let c = 0; c < cols; c++) d.rect(x + 8 + c * 18, top + 16, 9, h - 40, c % 3 === 1 && rng.chance(0.5) ? mix(glass, lit, 0.5) : glass);
  }
}

function drawCity(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  if (rng.chance(0.75)) sun(d, rng.range(150, 1050), rng.range(90, 190), rng.range(32, 48));
  clouds(d, rng.int(1, 3), 80, 220);
  const ground = 575;
  // Distant towers: the sky colour, a little darker, reads as haze.
  const far = mix(darken(mix(pal.skyTop, pal.skyBottom, 0.5), 0.18), pal.accents[0], 0.12);
  for (let x = -20; x < W; ) {
    const w = rng.range(40, 90);
    const h = rng.range(150, 360);
    d.rect(x, ground - h, w + 1, h, far);
    if (rng.chance(0.15)) d.polygon([[x + w * 0.3, ground - h], [x + w * 0.5, ground - h - 60], [x + w * 0.7, ground - h]], far);
    x += w;
  }
  // Façades: accents pulled towards stone so the street stays calm.
  const stone = hsl(pal.hue + 30, 12, 62);
  const tones = [pal.accents[0], pal.accents[1], pal.accents[3], pal.accents[4], stone].map((c) => mix(c, stone, 0.4));
  for (let x = -30; x < W + 20; ) {
    const w = rng.range(80, 150);
    building(d, x, ground, w, rng.chance(0.2) ? rng.range(380, 470) : rng.range(140, 340), rng.pick(tones));
    x += w + rng.range(-6, 20);
  }
  // Street: pavement, road, lane marks, trees and lamps.
  d.rect(0, ground, W, 18, mix('#b9b4aa', pal.paper, 0.3));
  d.rect(0, ground + 18, W, H - ground - 18, hsl(pal.hue, 8, 32));
  for (let x = 20; x < W; x += 90) d.rect(x, 630, 50, 6, '#e9e4d6', { opacity: 0.8 });
  const leaf = hsl(100 + rng.range(-20, 20), 30, 40);
  for (let x = rng.range(40, 120); x < W; x += rng.range(160, 260)) {
    if (rng.chance(0.5)) {
      d.line(x, ground + 14, x, ground - 90, pal.ink, 4);
      d.path(pd('M', x, ground - 90, 'Q', x + 4, ground - 100, x + 22, ground - 96), 'none', { stroke: pal.ink, 'stroke-width': 4 });
      d.circle(x + 24, ground - 92, 6, hsl(48, 80, 80));
    } else {
      roundTree(d, x, ground + 12, rng.range(0.9, 1.2), leaf, darken(leaf, 0.45));
    }
  }
}

function container(d: Drawing, x: number, y: number, w: number, h: number, color: string): void {
  d.rect(x, y, w, h, color);
  for (let cx = x + 5; cx < x + w - 2; cx += 6) d.line(cx, y + 3, cx, y + h - 3, darken(color, 0.3), 1.5, { opacity: 0.55 });
  d.rect(x, y, w, h, 'none', { stroke: darken(color, 0.35), 'stroke-width': 1.5 });
}

function drawHarbour(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  sun(d, rng.range(120, 500), rng.range(90, 180), rng.range(30, 44));
  clouds(d, rng.int(1, 2), 90, 200, 0.6);
  const horizon = 440;
  const shore = waveCurve(rng, 420, 14);
  d.path(curveArea(shore), mix(pal.accents[1], pal.skyBottom, 0.55));
  const seaHue = 200 + rng.range(-15, 10);
  d.rect(0, horizon, W, H - horizon, d.linear([[0, hsl(seaHue, 28, 58)], [1, hsl(seaHue + 8, 38, 34)]]));
  const containerColours = [
    hsl(8, 45, 46), hsl(205, 40, 42), hsl(170, 30, 40), hsl(38, 55, 55), hsl(90, 20, 45), pal.accents[0], pal.accents[2],
  ];
  // Quay on the right.
  const deck = 470;
  const craneColour = rng.pick([hsl(8, 50, 50), hsl(205, 40, 45), hsl(44, 60, 55), hsl(160, 30, 42)]);
  const craneXs = rng.chance(0.5) ? [700, 980] : [660, 860, 1060];
  for (const x of craneXs) {
    const top = rng.range(220, 245);
    d.line(x, deck, x + 8, top, craneColour, 9);
    d.line(x + 110, deck, x + 102, top, craneColour, 9);
    d.line(x + 4, top + 60, x + 106, top + 60, craneColour, 5);
    d.line(x + 4, top + 60, x + 106, deck - 40, craneColour, 3);
    d.polygon([[x + 8, top], [x + 55, top - 85], [x + 102, top]], 'none', { stroke: craneColour, 'stroke-width': 6, 'stroke-linejoin': 'round' });
    d.line(x + 55, top - 85, x - 330, top, craneColour, 2.5);
    d.line(x + 55, top - 85, x + 200, top, craneColour, 2.5);
    d.rect(x - 340, top - 4, 545, 14, craneColour);
    d.rect(x - 150, top + 10, 30, 22, darken(craneColour, 0.25));
    d.rect(x - 146, top + 14, 22, 9, hsl(200, 30, 80));
    const hookY = top + rng.range(80, 160);
    d.line(x - 140, top + 32, x - 140, hookY, pal.ink, 1.5);
    d.line(x - 130, top + 32, x - 130, hookY, pal.ink, 1.5);
    if (rng.chance(0.7)) container(d, x - 165, hookY, 60, 26, rng.pick(containerColours));
  }
  d.rect(630, deck - 6, W - 630, 8, '#b8b2a4');
  for (let x = 760; x < W; x += 64) {
    const stack = rng.int(0, 4);
    for (let k = 0; k < stack; k++) container(d, x, deck - 6 - (k + 1) * 26, 62, 26, rng.pick(containerColours));
  }
  d.rect(630, deck + 2, W - 630, 40, '#8d877b');
  d.rect(630, deck + 2, W - 630, 6, '#a8a294');
  for (let x = 650; x < W; x += 70) d.rect(x, deck + 10, 8, 28, '#77726a');
  // Container ship, bow to the left, alongside.
  const hull = rng.pick([hsl(215, 35, 28), hsl(350, 35, 30), hsl(170, 25, 26), hsl(0, 0, 22)]);
  // The hull is cut at the waterline; a faint mirrored band below stands for its reflection.
  const bottom = 516;
  d.polygon([[110, bottom], [596, bottom], [590, bottom + 50], [140, bottom + 50]], darken(hull, 0.2), { opacity: 0.3 });
  d.polygon([[40, 445], [612, 450], [600, bottom], [96, bottom]], hull);
  d.polygon([[88, 503], [602, 503], [600, bottom], [96, bottom]], hsl(8, 45, 42));
  d.line(40, 445, 612, 450, lighten(hull, 0.3), 3);
  for (let x = 110; x < 500; x += 50) {
    const stack = rng.int(1, 4);
    for (let k = 0; k < stack; k++) container(d, x, 445 - (k + 1) * 24, 48, 24, rng.pick(containerColours));
  }
  d.rect(520, 345, 70, 102, '#ece7dc');
  d.rect(510, 345, 90, 16, '#ece7dc');
  d.rect(514, 350, 82, 7, pal.ink, { opacity: 0.7 });
  for (let y = 376; y < 440; y += 18) d.rect(528, y, 54, 5, pal.ink, { opacity: 0.35 });
  d.rect(560, 315, 22, 30, hull);
  d.rect(560, 322, 22, 6, hsl(8, 45, 48));
  // Ripples.
  for (let i = 0; i < 45; i++) {
    const y = rng.range(horizon + 10, H - 5);
    const x = rng.range(0, W);
    const len = 10 + ((y - horizon) / (H - horizon)) * 50;
    d.line(x, y, x + len, y, '#ffffff', 2, { opacity: 0.2, 'stroke-linecap': 'round' });
  }
}

function drawChart(d: Drawing): void {
  const { rng, pal } = d;
  d.rect(0, 0, W, H, d.linear([[0, pal.paper], [1, mix(pal.paper, pal.accents[0], 0.2)]], 0, 0, 1, 1));
  for (let i = 0; i < 5; i++) d.glow(rng.range(0, W), rng.range(0, H), rng.range(120, 300), rng.pick(pal.accents), 0.18);
  const [px, py, pw, ph] = [150, 85, 900, 505];
  d.rect(px + 8, py + 14, pw, ph, pal.ink, { rx: 22, opacity: 0.12 });
  d.rect(px, py, pw, ph, lighten(pal.paper, 0.6), { rx: 22 });
  // Legend placeholders: colour chips followed by grey bars that stand for labels.
  const barColour = pal.accents[0];
  const lineColour = darken(pal.accents[2], 0.1);
  d.rect(px + 50, py + 40, 18, 18, barColour, { rx: 4 });
  d.rect(px + 78, py + 45, 90, 8, '#d6d2c8', { rx: 4 });
  d.rect(px + 200, py + 40, 18, 18, lineColour, { rx: 4 });
  d.rect(px + 228, py + 45, 70, 8, '#d6d2c8', { rx: 4 });
  const [x0, x1, y0, y1] = [px + 70, px + pw - 50, py + 100, py + ph - 55];
  for (let k = 0; k <= 4; k++) {
    const y = lerp(y1, y0, k / 4);
    d.line(x0, y, x1, y, '#ddd8cd', 2, { 'stroke-dasharray': k === 0 ? undefined : '6 6' });
    d.rect(x0 - 45, y - 4, 30, 8, '#e2ded4', { rx: 4 });
  }
  const n = rng.int(7, 10);
  const slot = (x1 - x0) / n;
  const barW = slot * rng.range(0.5, 0.64);
  const values = Array.from({ length: n }, (_, i) => clamp(0.22 + (0.68 * i) / (n - 1) + rng.range(-0.1, 0.08), 0.1, 0.95));
  const grad = d.linear([[0, lighten(barColour, 0.25)], [1, barColour]]);
  const highlight = d.linear([[0, lighten(pal.accents[4], 0.2)], [1, pal.accents[4]]]);
  values.forEach((v, i) => {
    const x = x0 + i * slot + (slot - barW) / 2;
    const h = v * (y1 - y0);
    d.path(pd('M', x, y1, 'L', x, y1 - h + 8, 'Q', x, y1 - h, x + 8, y1 - h, 'L', x + barW - 8, y1 - h, 'Q', x + barW, y1 - h, x + barW, y1 - h + 8, 'L', x + barW, y1, 'Z'), i === n - 1 ? highlight : grad);
    d.rect(x + barW / 2 - 14, y1 + 16, 28, 8, '#e2ded4', { rx: 4 });
  });
  const line = values.map((v, i): Pt => [x0 + (i + 0.5) * slot, y1 - clamp(v + rng.range(0.05, 0.18), 0.15, 1) * (y1 - y0)]);
  const first = line[0] ?? [x0, y1];
  const last = line[line.length - 1] ?? [x1, y0];
  const lineD = pd('M', ...line.flatMap(([x, y], i) => (i === 0 ? [x, y] : ['L', x, y])));
  d.path(`${lineD} ${pd('L', last[0], y1, 'L', first[0], y1, 'Z')}`, d.linear([[0, lineColour, 0.28], [1, lineColour, 0]]));
  d.stroke(lineD, lineColour, 5);
  for (const [x, y] of line) d.circle(x, y, 7, '#ffffff', { stroke: lineColour, 'stroke-width': 4 });
  // Upward arrow past the last point.
  const [ax, ay] = [last[0] + 22, last[1] - 22];
  d.stroke(pd('M', last[0] + 6, last[1] - 6, 'L', ax, ay), lineColour, 5);
  d.polygon([[ax + 10, ay - 10], [ax - 10, ay - 4], [ax + 4, ay + 10]], lineColour);
  d.line(x0, y1, x1, y1, '#a9a498', 3);
}

function drawFactory(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  if (pal.mood !== 'pale') sun(d, rng.range(700, 1100), rng.range(80, 160), rng.range(28, 40));
  const hills = waveCurve(rng, 440, 20);
  d.path(curveArea(hills), mix(pal.accents[1], pal.skyBottom, 0.6));
  const ground = 575;
  const wind = rng.chance(0.5) ? 1 : -1;
  const smoke = lighten(mix(pal.skyBottom, '#9a9a9a', 0.4), 0.3);
  const chimneyColour = hsl(18 + rng.range(-8, 8), 30, 48);
  const chimneys = rng.int(2, 3);
  for (let i = 0; i < chimneys; i++) {
    const x = 140 + i * 150 + rng.range(-20, 30);
    const h = rng.range(240, 330);
    const top = ground - h;
    const w = rng.range(30, 42);
    for (let k = 0; k < 9; k++) {
      const t = k / 8;
      d.circle(x + wind * (t * 230 + k * 6), top - 25 - t * 120 + Math.sin(k * 1.7) * 10, 14 + t * 44, smoke, { opacity: 0.65 - t * 0.5 });
    }
    d.polygon([[x - w / 2, ground], [x - w / 2 + 5, top], [x + w / 2 - 5, top], [x + w / 2, ground]], chimneyColour);
    d.rect(x - w / 2 + 3, top + 20, w - 6, 14, '#ece6da');
    d.rect(x - w / 2 + 3, top + 50, w - 6, 14, '#ece6da');
    d.rect(x - w / 2 + 1, top - 8, w - 2, 10, darken(chimneyColour, 0.3));
    d.rect(x, top, w / 2 - 5, h, '#000000', { opacity: 0.12 });
  }
  // Sawtooth-roof sheds.
  const shed = mix(pal.accents[0], '#9c978c', 0.5);
  const roofColour = darken(shed, 0.25);
  const glass = hsl(200, 28, 78);
  const shedTop = 440;
  d.rect(60, shedTop, 600, ground - shedTop, shed);
  const teeth = 8;
  const tw = 600 / teeth;
  for (let i = 0; i < teeth; i++) {
    const x = 60 + i * tw;
    d.polygon([[x, shedTop], [x, shedTop - 50], [x + tw, shedTop]], roofColour);
    d.polygon([[x, shedTop - 46], [x + 9, shedTop - 40], [x + 9, shedTop], [x, shedTop]], glass);
  }
  d.rect(60, shedTop + 20, 600, 26, mix(glass, pal.ink, 0.2));
  for (let x = 60; x < 660; x += 30) d.line(x, shedTop + 20, x, shedTop + 46, shed, 3);
  for (const x of [140, 380]) {
    d.rect(x, ground - 80, 90, 80, darken(shed, 0.3));
    for (let y = ground - 76; y < ground; y += 9) d.line(x + 4, y, x + 86, y, darken(shed, 0.45), 2);
  }
  // Gabled warehouse and silos.
  const wh = mix(pal.accents[3], '#a49f94', 0.4);
  d.rect(700, 400, 260, ground - 400, wh);
  d.polygon([[690, 402], [830, 340], [970, 402]], darken(wh, 0.3));
  d.rect(785, 470, 90, ground - 470, darken(wh, 0.35));
  for (let x = 720; x < 950; x += 46) if (x < 775 || x > 880) d.rect(x, 425, 26, 30, mix(glass, pal.ink, 0.2));
  d.circle(830, 375, 12, mix(glass, pal.ink, 0.2));
  const silo = mix(pal.accents[1], '#c9c4b8', 0.5);
  for (const [x, w, h] of [[995, 58, 210], [1060, 58, 250], [1125, 58, 200]] as const) {
    d.rect(x, ground - h, w, h, d.linear([[0, lighten(silo, 0.15)], [0.6, silo], [1, darken(silo, 0.2)]], 0, 0, 1, 0));
    d.ellipse(x + w / 2, ground - h, w / 2, 12, lighten(silo, 0.25));
    for (let y = ground - h + 30; y < ground; y += 40) d.line(x, y, x + w, y, darken(silo, 0.18), 2);
  }
  // Pipe rack between buildings.
  d.rect(655, 470, 50, 10, '#8e8a80');
  d.rect(655, 490, 50, 8, pal.accents[4]);
  d.rect(960, 500, 40, 10, '#8e8a80');
  // Ground, road and fence.
  d.rect(0, ground, W, H - ground, hsl(pal.hue + 60, 12, 48));
  d.rect(0, ground + 35, W, 60, hsl(pal.hue, 6, 34));
  for (let x = 30; x < W; x += 80) d.rect(x, ground + 63, 40, 4, '#e2ddcf', { opacity: 0.7 });
  d.line(0, ground + 10, W, ground + 10, pal.ink, 2, { opacity: 0.5 });
  for (let x = 6; x < W; x += 16) d.line(x, ground + 2, x, ground + 28, pal.ink, 2, { opacity: 0.45 });
}

function tractor(d: Drawing, x: number, y: number, s: number, angle: number, body: string): void {
  const dark = '#2c2a27';
  d.group({ transform: `translate(${num(x)} ${num(y)}) rotate(${num(angle)}) scale(${num(s)})` }, () => {
    d.rect(-12, -56, 74, 32, body, { rx: 5 });
    d.rect(40, -76, 5, 22, dark);
    d.path(pd('M', -58, -24, 'L', -58, -96, 'L', -10, -96, 'L', -2, -56, 'L', -2, -24, 'Z'), body);
    d.path(pd('M', -50, -60, 'L', -50, -88, 'L', -16, -88, 'L', -10, -60, 'Z'), hsl(200, 30, 80));
    d.rect(-62, -100, 56, 7, darken(body, 0.25), { rx: 3 });
    d.circle(-32, -30, 30, dark);
    d.circle(-32, -30, 13, lighten(body, 0.25));
    d.circle(44, -17, 17, dark);
    d.circle(44, -17, 7, lighten(body, 0.25));
  });
}

function drawField(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  sun(d, rng.range(150, 1050), rng.range(80, 160), rng.range(30, 46));
  clouds(d, rng.int(2, 3), 80, 200);
  const far = waveCurve(rng, 330, 22);
  d.path(curveArea(far), mix(hsl(120, 25, 50), pal.skyBottom, 0.55));
  const crops = rng.shuffle([
    hsl(95 + rng.range(-15, 15), 32, 48), hsl(48 + rng.range(-6, 6), 55, 64), hsl(80, 34, 40),
    hsl(35, 35, 52), hsl(110, 28, 36), hsl(55, 45, 56),
  ]);
  const layers = 4;
  let tractorDone = false;
  for (let i = 0; i < layers; i++) {
    const base = [355, 420, 495, 590][i] ?? 590;
    const f = waveCurve(rng, base, 12 + i * 6, 400, 1100);
    const colour = crops[i] ?? '#7a9a55';
    d.path(curveArea(f), colour);
    if (i === layers - 1) {
      // Nearest field: furrows fan out from a vanishing point.
      const vx = rng.range(300, 900);
      const vy = f(vx);
      for (let k = -30; k <= 30; k++) {
        const bx = vx + k * 70;
        d.line(lerp(vx, bx, 0.02), vy + 4, bx, H + 10, darken(colour, 0.2), 2 + Math.abs(k) * 0.05, { opacity: 0.45 });
      }
    } else {
      const spacing = 7 + i * 4;
      for (let k = 1; k < 14; k++) {
        const off = k * spacing;
        d.stroke(curveLine((x) => f(x) + off), darken(colour, 0.18), 1.5 + i * 0.7, { opacity: 0.5 });
      }
      // Trees along the crest.
      for (let t = 0; t < rng.int(1, 3); t++) {
        const x = rng.range(40, W - 40);
        roundTree(d, x, f(x) + 4, 0.55 + i * 0.15, hsl(110, 28, 30 + rng.range(0, 8)), '#4b3b2c');
      }
    }
    if (!tractorDone && i === 1) {
      const x = rng.range(250, 950);
      const slope = clamp((Math.atan2(f(x + 30) - f(x - 30), 60) * 180) / Math.PI, -8, 8);
      tractor(d, x, f(x) + 3, 0.8, slope, rng.pick([hsl(8, 55, 45), hsl(130, 35, 35), hsl(210, 40, 42), hsl(45, 60, 50)]));
      tractorDone = true;
    }
  }
  for (let i = 0; i < rng.int(2, 4); i++) bird(d, rng.range(300, 1000), rng.range(90, 220), rng.range(0.8, 1.3), pal.ink);
}

function mountainRange(rng: Rng, base: number, minPeak: number, maxPeak: number, peaks: number): Pt[] {
  const points: Pt[] = [[-80, base]];
  const step = (W + 160) / peaks;
  for (let i = 0; i < peaks; i++) {
    const x = -80 + (i + 0.5) * step + rng.range(-step * 0.25, step * 0.25);
    points.push([x, rng.range(minPeak, maxPeak)]);
    if (i < peaks - 1) points.push([-80 + (i + 1) * step + rng.range(-step * 0.15, step * 0.15), base - rng.range(0, 70)]);
  }
  points.push([W + 80, base]);
  return points;
}

function drawRange(d: Drawing, points: readonly Pt[], colour: string, snow: string | undefined, snowAbove: number): void {
  d.polygon([...points, [W + 80, H], [-80, H]], colour);
  for (let i = 1; i < points.length - 1; i += 2) {
    const peak = points[i];
    const a = points[i - 1];
    const b = points[i + 1];
    if (peak === undefined || a === undefined || b === undefined) continue;
    // Shaded flank on the right of each peak, for a flat sense of volume.
    d.polygon([peak, b, [lerp(peak[0], b[0], 0.25), H]], '#000000', { opacity: 0.13 });
    if (snow !== undefined && peak[1] < snowAbove) {
      const t = d.rng.range(0.25, 0.4);
      const l: Pt = [lerp(peak[0], a[0], t), lerp(peak[1], a[1], t)];
      const r: Pt = [lerp(peak[0], b[0], t), lerp(peak[1], b[1], t)];
      const edge: Pt[] = [];
      for (let k = 1; k <= 4; k++) {
        const u = k / 5;
        edge.push([lerp(r[0], l[0], u), lerp(r[1], l[1], u) + (k % 2 === 0 ? -1 : 1) * d.rng.range(6, 14)]);
      }
      d.polygon([peak, r, ...edge, l], snow);
      d.polygon([peak, r, [lerp(r[0], l[0], 0.3), lerp(r[1], l[1], 0.3) + 6]], '#000000', { opacity: 0.08 });
    }
  }
}

function drawMountains(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  sun(d, rng.range(150, 1050), rng.range(80, 170), rng.range(30, 44));
  clouds(d, rng.int(1, 2), 90, 170, 0.6);
  const rock = hsl(pal.hue + 10, rng.range(14, 24), rng.range(40, 50));
  const snow = lighten(pal.skyBottom, 0.7);
  drawRange(d, mountainRange(rng, 420, 170, 260, 5), mix(rock, pal.skyBottom, 0.62), lighten(pal.skyBottom, 0.4), 230);
  drawRange(d, mountainRange(rng, 470, 200, 310, 4), mix(rock, pal.skyBottom, 0.3), snow, 290);
  drawRange(d, mountainRange(rng, 540, 320, 420, 6), mix(rock, hsl(110, 25, 35), 0.55), undefined, 0);
  const meadow = waveCurve(rng, 560, 12);
  const grass = hsl(95 + rng.range(-15, 15), 30, 42);
  d.path(curveArea(meadow), grass);
  if (rng.chance(0.5)) {
    const lake = 610;
    d.path(pd('M', 250, lake, 'Q', 600, lake - 40, 950, lake, 'Q', 600, lake + 50, 250, lake, 'Z'), hsl(200, 35, 60));
    d.path(pd('M', 360, lake, 'Q', 600, lake - 18, 840, lake), 'none', { stroke: '#ffffff', 'stroke-width': 3, opacity: 0.4 });
  }
  const pineColour = darken(hsl(140, 25, 30), 0.2);
  for (let i = 0; i < 22; i++) {
    const x = rng.chance(0.5) ? rng.range(-20, 260) : rng.range(940, W + 20);
    pine(d, x, meadow(x) + rng.range(20, 110), rng.range(70, 150), pineColour);
  }
}

function drawSea(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  const horizon = rng.range(360, 400);
  const sx = rng.range(250, 950);
  sun(d, sx, horizon - rng.range(50, 140), rng.range(38, 52));
  for (let i = 0; i < rng.int(2, 4); i++) {
    d.rect(rng.range(-50, W - 300), rng.range(60, horizon - 120), rng.range(160, 360), rng.range(8, 14), lighten(pal.skyBottom, 0.4), { rx: 7, opacity: 0.6 });
  }
  const seaHue = 200 + rng.range(-15, 15);
  const farSea = mix(hsl(seaHue, 35, 55), pal.skyBottom, 0.35);
  const nearSea = hsl(seaHue + 8, 40, 30);
  d.rect(0, horizon, W, H - horizon, farSea);
  const rows = 8;
  for (let k = 0; k < rows; k++) {
    const t = (k + 1) / rows;
    const base = horizon + (H - horizon) * Math.pow(t, 1.3) - 8;
    const amp = 2 + t * 12;
    const len = 60 + t * 260;
    const ph = rng.range(0, TAU);
    const f: Curve = (x) => base + amp * Math.sin((TAU * x) / len + ph);
    const c = mix(farSea, nearSea, t);
    d.path(curveArea(f, H, -20, W + 20, 10), c);
    d.stroke(curveLine(f, -20, W + 20, 10), lighten(c, 0.35), 1.5 + t * 2, { opacity: 0.55 });
  }
  // Glitter of the sun on the water.
  for (let i = 0; i < 16; i++) {
    const t = i / 16;
    const y = horizon + 6 + (H - horizon - 20) * t;
    const w = (70 - t * 40) * rng.range(0.5, 1.2);
    d.rect(sx - w / 2 + rng.range(-20, 20) * t, y, w, 4 + t * 4, pal.sun, { rx: 3, opacity: 0.55 - t * 0.3 });
  }
  // A sailboat on the horizon.
  const bx = rng.chance(0.5) ? rng.range(120, sx - 180) : rng.range(sx + 180, W - 120);
  const by = horizon + 12;
  const sail = lighten(pal.paper, 0.3);
  d.polygon([[bx - 40, by - 10], [bx + 40, by - 10], [bx + 30, by], [bx - 30, by]], pal.ink);
  d.line(bx, by - 10, bx, by - 110, pal.ink, 3);
  d.polygon([[bx + 3, by - 108], [bx + 3, by - 16], [bx + 46, by - 16]], sail);
  d.polygon([[bx - 3, by - 96], [bx - 3, by - 16], [bx - 36, by - 16]], darken(sail, 0.08));
  for (let i = 0; i < rng.int(2, 5); i++) bird(d, rng.range(200, 1000), rng.range(80, horizon - 150), rng.range(0.8, 1.4), pal.ink);
}

function drawStage(d: Drawing): void {
  const { rng, pal } = d;
  const dark = hsl(pal.hue, 20, 10);
  d.rect(0, 0, W, H, dark);
  d.rect(0, 0, W, 460, d.linear([[0, hsl(pal.hue + 20, 18, 14)], [1, hsl(pal.hue + 20, 20, 22)]]));
  // Stage floor in perspective, with planks.
  const floorTop = 460;
  const wood = hsl(28 + rng.range(-6, 6), 30, 30);
  d.polygon(quad(120, 1080, floorTop, -100, 1300, H), d.linear([[0, wood], [1, darken(wood, 0.4)]]));
  for (let k = -10; k <= 10; k++) d.line(600 + k * 48, floorTop, 600 + k * 70, H, darken(wood, 0.35), 1.5, { opacity: 0.6 });
  d.rect(0, floorTop - 2, W, 4, lighten(wood, 0.2), { opacity: 0.5 });
  // Spotlight cone and pool.
  const spotX = rng.range(480, 720);
  const poolY = floorTop + 80;
  const beam = d.linear([[0, '#fff6dc', 0.5], [1, '#fff6dc', 0.1]]);
  d.polygon([[spotX - 30, 0], [spotX + 30, 0], [spotX + 160, poolY], [spotX - 160, poolY]], beam);
  d.ellipse(spotX, poolY, 170, 34, '#fff6dc', { opacity: 0.35 });
  d.ellipse(spotX, poolY, 110, 22, '#fff6dc', { opacity: 0.3 });
  // A performer's props: stool and microphone stand.
  const prop = darken(wood, 0.55);
  if (rng.chance(0.5)) {
    d.rect(spotX - 55, poolY - 60, 44, 8, prop);
    d.line(spotX - 50, poolY - 52, spotX - 56, poolY, prop, 4);
    d.line(spotX - 16, poolY - 52, spotX - 10, poolY, prop, 4);
  }
  d.line(spotX + 30, poolY - 2, spotX + 30, poolY - 120, prop, 4);
  d.line(spotX + 30, poolY - 120, spotX + 10, poolY - 140, prop, 3);
  d.ellipse(spotX + 7, poolY - 143, 6, 8, prop);
  d.ellipse(spotX + 30, poolY, 22, 5, prop);
  // Curtains: folds are vertical strips with a light-dark-light gradient, gathered at a tie.
  const velvet = hsl(rng.pick([350, 355, 5, 330, 215, 145]) + rng.range(-6, 6), rng.range(45, 58), rng.range(34, 42));
  const fold = d.linear([[0, darken(velvet, 0.35)], [0.5, lighten(velvet, 0.12)], [1, darken(velvet, 0.35)]], 0, 0, 1, 0);
  const folds = 7;
  const tieY = rng.range(380, 430);
  for (const side of [-1, 1]) {
    const edge = (x: number): number => (side < 0 ? x : W - x);
    const topW = rng.range(300, 360);
    const tieW = topW * 0.42;
    const bottomW = topW * 0.7;
    for (let i = 0; i < folds; i++) {
      const a = i / folds;
      const b = (i + 1) / folds;
      d.polygon([
        [edge(topW * a), 0], [edge(topW * b), 0], [edge(tieW * b), tieY], [edge(bottomW * b), H],
        [edge(bottomW * a), H], [edge(tieW * a), tieY],
      ], fold);
    }
    d.path(pd('M', edge(tieW - 10), tieY - 10, 'Q', edge(tieW + 8), tieY, edge(tieW - 10), tieY + 10), 'none', { stroke: '#d2aa4c', 'stroke-width': 7 });
  }
  // Pelmet with scallops and fringe.
  d.rect(0, 0, W, 70, darken(velvet, 0.1));
  for (let x = 0; x < W; x += 100) d.path(pd('M', x, 68, 'Q', x + 50, 118, x + 100, 68, 'Z'), darken(velvet, 0.1));
  d.rect(0, 62, W, 6, '#c9a24a');
  for (let x = 0; x < W; x += 100) d.path(pd('M', x, 68, 'Q', x + 50, 118, x + 100, 68), 'none', { stroke: '#c9a24a', 'stroke-width': 4 });
  // Audience heads in the foreground.
  const heads = hsl(pal.hue, 15, 6);
  for (let x = -20; x < W + 40; x += rng.range(70, 100)) {
    const y = H - rng.range(0, 14);
    d.ellipse(x, y + 6, 48, 34, heads);
    d.circle(x, y - 40, 24, heads);
  }
}

function drawBooks(d: Drawing): void {
  const { rng, pal } = d;
  const wall = hsl(pal.hue + 20, rng.range(15, 25), rng.range(76, 84));
  d.rect(0, 0, W, H, wall);
  const wood = hsl(26 + rng.range(-8, 8), rng.range(28, 40), rng.range(32, 42));
  d.rect(40, 30, W - 80, H - 30, darken(wood, 0.15));
  d.rect(60, 50, W - 120, H - 50, darken(wood, 0.55));
  const shelves = 3;
  const shelfH = (H - 50 - 20) / shelves;
  const spines = [...pal.accents, hsl(pal.hue + 180, 30, 35), hsl(40, 45, 70), hsl(0, 0, 85), hsl(pal.hue, 25, 25)];
  // At most one object per shelf, never the same one twice.
  const objects = rng.shuffle([0, 1, 2, 2]);
  for (let s = 0; s < shelves; s++) {
    const bottom = 50 + (s + 1) * shelfH;
    let objectDone = false;
    const top = bottom - shelfH;
    let x = 70;
    const end = W - 70;
    while (x < end - 20) {
      // Now and then a gap with an object or a leaning book.
      if (!objectDone && rng.chance(0.05) && end - x > 120) {
        objectDone = true;
        const kind = objects[s] ?? 2;
        if (kind === 0) {
          d.path(pd('M', x + 20, bottom, 'L', x + 14, bottom - 50, 'L', x + 66, bottom - 50, 'L', x + 60, bottom, 'Z'), hsl(15, 40, 50));
          for (const [dx, dy, r] of [[40, -70, 22], [24, -84, 16], [56, -86, 16], [40, -98, 14]] as const) d.circle(x + dx, bottom + dy, r, hsl(120, 30, 38));
        } else if (kind === 1) {
          d.rect(x + 30, bottom - 14, 40, 14, '#6f5e33');
          d.line(x + 50, bottom - 14, x + 50, bottom - 30, '#6f5e33', 4);
          d.circle(x + 50, bottom - 66, 36, hsl(200, 35, 55));
          d.path(pd('M', x + 24, bottom - 78, 'Q', x + 44, bottom - 60, x + 40, bottom - 36, 'Q', x + 64, bottom - 56, x + 78, bottom - 84, 'Q', x + 58, bottom - 98, x + 24, bottom - 78, 'Z'), hsl(95, 30, 50));
          d.circle(x + 50, bottom - 66, 36, 'none', { stroke: '#6f5e33', 'stroke-width': 3 });
        } else {
          const bw = rng.range(26, 36);
          const bh = shelfH * rng.range(0.6, 0.75);
          d.group({ transform: `rotate(-18 ${num(x + 10)} ${num(bottom)})` }, () => {
            d.rect(x + 10, bottom - bh, bw, bh, rng.pick(spines));
            d.rect(x + 10, bottom - bh + 12, bw, 5, '#000000', { opacity: 0.2 });
          });
        }
        x += 100;
        continue;
      }
      const bw = rng.range(16, 40);
      const bh = shelfH * rng.range(0.62, 0.9);
      const c = mix(rng.pick(spines), '#000000', rng.range(0, 0.2));
      d.rect(x, bottom - bh, bw, bh, c, { rx: 2 });
      d.rect(x + bw - 4, bottom - bh, 4, bh, '#000000', { opacity: 0.12 });
      const deco = rng.int(0, 3);
      const gold = mix('#d4b266', c, 0.25);
      if (deco === 0) {
        d.rect(x, bottom - bh + 10, bw, 4, gold);
        d.rect(x, bottom - 16, bw, 4, gold);
      } else if (deco === 1) {
        d.rect(x + bw * 0.2, bottom - bh + 18, bw * 0.6, bh * 0.22, lighten(c, 0.55), { rx: 2 });
      } else if (deco === 2) {
        d.rect(x, bottom - bh * 0.45, bw, bh * 0.12, darken(c, 0.3));
      }
      x += bw + rng.range(0, 2);
    }
    d.rect(50, bottom, W - 100, 14, wood);
    d.rect(50, bottom, W - 100, 3, lighten(wood, 0.25));
    d.rect(60, bottom + 14, W - 120, 8, '#000000', { opacity: 0.25 });
  }
  d.rect(40, 30, W - 80, 20, wood);
}

function painting(d: Drawing, x: number, y: number, w: number, h: number): void {
  const { rng, pal } = d;
  // Portraits only in upright frames: a bust stretched sideways looks wrong.
  const kind = rng.pick(h > w ? [0, 1, 2, 2, 3] : [0, 0, 1, 3]);
  const c = rng.shuffle(pal.accents);
  const [c0 = '#888888', c1 = '#999999', c2 = '#aaaaaa', c3 = '#bbbbbb'] = c;
  const clip = d.clip(tag('rect', { x, y, width: w, height: h }));
  d.group({ 'clip-path': clip }, () => {
    if (kind === 0) {
      // Landscape.
      d.rect(x, y, w, h, d.linear([[0, lighten(c0, 0.4)], [1, lighten(c1, 0.5)]]));
      d.circle(x + w * rng.range(0.2, 0.8), y + h * 0.3, Math.min(w, h) * 0.12, lighten(c3, 0.4));
      d.path(pd('M', x, y + h * 0.65, 'Q', x + w * 0.3, y + h * 0.45, x + w * 0.6, y + h * 0.62, 'T', x + w, y + h * 0.58, 'L', x + w, y + h, 'L', x, y + h, 'Z'), c2);
      d.path(pd('M', x, y + h * 0.8, 'Q', x + w * 0.5, y + h * 0.68, x + w, y + h * 0.82, 'L', x + w, y + h, 'L', x, y + h, 'Z'), darken(c2, 0.25));
    } else if (kind === 1) {
      // Geometric composition.
      d.rect(x, y, w, h, lighten(c3, 0.6));
      d.rect(x + w * 0.1, y + h * 0.12, w * 0.45, h * 0.5, c0);
      d.circle(x + w * 0.65, y + h * 0.62, Math.min(w, h) * 0.24, c1, { opacity: 0.9 });
      d.polygon([[x + w * 0.2, y + h * 0.9], [x + w * 0.5, y + h * 0.5], [x + w * 0.8, y + h * 0.9]], c2, { opacity: 0.85 });
    } else if (kind === 2) {
      // Portrait: a faceless bust against a dark ground.
      d.rect(x, y, w, h, darken(c0, 0.45));
      d.ellipse(x + w / 2, y + h * 1.0, w * 0.42, h * 0.35, c1);
      d.ellipse(x + w / 2, y + h * 0.42, w * 0.17, h * 0.2, mix('#e0bc9c', c3, 0.2));
      d.path(pd('M', x + w * 0.31, y + h * 0.42, 'Q', x + w / 2, y + h * 0.1, x + w * 0.69, y + h * 0.42, 'Q', x + w / 2, y + h * 0.3, x + w * 0.31, y + h * 0.42, 'Z'), darken(c2, 0.4));
    } else {
      // Still life: a vase and fruit.
      d.rect(x, y, w, h, mix(c3, '#f3ecdc', 0.6));
      d.rect(x, y + h * 0.72, w, h * 0.28, darken(c1, 0.2));
      d.path(pd('M', x + w * 0.4, y + h * 0.72, 'Q', x + w * 0.28, y + h * 0.52, x + w * 0.42, y + h * 0.36, 'L', x + w * 0.42, y + h * 0.28, 'L', x + w * 0.54, y + h * 0.28, 'L', x + w * 0.54, y + h * 0.36, 'Q', x + w * 0.68, y + h * 0.52, x + w * 0.56, y + h * 0.72, 'Z'), c0);
      d.circle(x + w * 0.72, y + h * 0.68, Math.min(w, h) * 0.07, c2);
      d.circle(x + w * 0.8, y + h * 0.7, Math.min(w, h) * 0.06, lighten(c2, 0.3));
    }
  });
}

function drawMuseum(d: Drawing): void {
  const { rng, pal } = d;
  const wall = hsl(pal.hue + 20, rng.range(12, 28), rng.range(68, 80));
  d.rect(0, 0, W, H, d.linear([[0, lighten(wall, 0.12)], [1, darken(wall, 0.06)]]));
  const floorY = 540;
  const floor = hsl(30 + rng.range(-10, 10), rng.range(20, 30), rng.range(45, 55));
  d.rect(0, floorY, W, H - floorY, floor);
  for (let k = 1; k < 7; k++) {
    const y = floorY + (H - floorY) * Math.pow(k / 7, 1.6);
    d.line(0, y, W, y, darken(floor, 0.18), 2);
  }
  for (let k = -12; k <= 12; k++) d.line(600 + k * 60, floorY, 600 + k * 130, H, darken(floor, 0.12), 1.5);
  d.rect(0, floorY - 18, W, 18, darken(wall, 0.25));
  // Entablature.
  const stone = mix(pal.paper, wall, 0.3);
  d.rect(0, 40, W, 46, stone);
  d.rect(0, 80, W, 8, darken(stone, 0.15));
  d.rect(0, 40, W, 6, darken(stone, 0.08));
  // Columns at the bay edges.
  const cols = [40, 420, 780, 1160];
  for (const cx of cols) {
    const cw = 58;
    d.rect(cx - cw / 2, 112, cw, floorY - 136, d.linear([[0, lighten(stone, 0.15)], [0.55, stone], [1, darken(stone, 0.2)]], 0, 0, 1, 0));
    for (let k = 1; k < 5; k++) d.line(cx - cw / 2 + (cw * k) / 5, 118, cx - cw / 2 + (cw * k) / 5, floorY - 30, darken(stone, 0.18), 2);
    d.rect(cx - cw / 2 - 10, 88, cw + 20, 14, stone);
    d.rect(cx - cw / 2 - 5, 102, cw + 10, 10, darken(stone, 0.08));
    d.rect(cx - cw / 2 - 8, floorY - 24, cw + 16, 10, darken(stone, 0.06));
    d.rect(cx - cw / 2 - 12, floorY - 14, cw + 24, 14, darken(stone, 0.12));
  }
  // One framed work per bay, each under its picture light.
  const frameColour = rng.pick(['#b4914b', '#3a3430', '#8c6a45', '#c7b48a']);
  for (let b = 0; b < 3; b++) {
    const left = (cols[b] ?? 0) + 40;
    const right = (cols[b + 1] ?? W) - 40;
    const centre = (left + right) / 2;
    const landscape = b === 1 ? rng.chance(0.7) : rng.chance(0.3);
    const w = landscape ? rng.range(230, 270) : rng.range(170, 200);
    const h = landscape ? w * 0.72 : w * 1.3;
    const y = 330 - h / 2;
    d.polygon([[centre - 10, y - 48], [centre + 10, y - 48], [centre + w * 0.6, y + h * 0.8], [centre - w * 0.6, y + h * 0.8]], '#fff8e0', { opacity: 0.13 });
    d.rect(centre - 22, y - 52, 44, 8, '#3a3430', { rx: 3 });
    d.rect(centre - w / 2 + 8, y + 10, w + 16, h + 16, '#000000', { opacity: 0.15 });
    d.rect(centre - w / 2 - 14, y - 14, w + 28, h + 28, frameColour);
    d.rect(centre - w / 2 - 14, y - 14, w + 28, h + 28, 'none', { stroke: darken(frameColour, 0.3), 'stroke-width': 3 });
    d.rect(centre - w / 2 - 4, y - 4, w + 8, h + 8, lighten(frameColour, 0.25));
    painting(d, centre - w / 2, y, w, h);
    d.rect(centre - 18, y + h + 36, 36, 22, pal.paper, { opacity: 0.8 });
  }
  // A bench and, sometimes, a visitor.
  const benchY = 590;
  d.rect(470, benchY, 260, 16, darken(floor, 0.45), { rx: 4 });
  d.rect(490, benchY + 16, 10, 40, darken(floor, 0.55));
  d.rect(700, benchY + 16, 10, 40, darken(floor, 0.55));
  if (rng.chance(0.7)) {
    const vx = rng.pick([240, 960]);
    const coat = rng.pick(pal.accents);
    d.rect(vx - 12, 560, 10, 70, pal.ink);
    d.rect(vx + 4, 560, 10, 70, pal.ink);
    d.path(pd('M', vx - 28, 570, 'L', vx - 22, 460, 'Q', vx, 440, vx + 22, 460, 'L', vx + 28, 570, 'Z'), darken(coat, 0.15));
    d.circle(vx, 428, 20, mix('#6b4f3a', pal.ink, 0.3));
  }
}

function drawTrain(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  sun(d, rng.range(150, 1050), rng.range(80, 150), rng.range(28, 40));
  clouds(d, rng.int(1, 3), 80, 190);
  const hills = waveCurve(rng, 350, 25);
  d.path(curveArea(hills), mix(hsl(120, 25, 48), pal.skyBottom, 0.5));
  const near = waveCurve(rng, 420, 12);
  d.path(curveArea(near), hsl(95 + rng.range(-15, 15), 28, 50));
  for (let i = 0; i < 6; i++) {
    const x = rng.range(0, W);
    roundTree(d, x, near(x) + 6, rng.range(0.5, 0.8), hsl(110, 26, 34), '#4b3b2c');
  }
  // Embankment, ballast, sleepers and rails.
  const railY = 520;
  d.polygon([[-10, railY - 6], [W + 10, railY - 6], [W + 10, railY + 40], [-10, railY + 40]], '#9c968a');
  d.rect(0, railY + 40, W, H - railY - 40, hsl(90 + rng.range(-15, 15), 26, 42));
  for (let x = -10; x < W; x += 22) d.rect(x, railY + 2, 12, 10, '#6e6257');
  d.rect(0, railY - 2, W, 5, '#5a5a5e');
  // Catenary masts and wire.
  const mast = '#6d6e72';
  const wireY = 340;
  const mastStart = rng.range(40, 160);
  for (let x = mastStart; x < W; x += 300) {
    d.rect(x - 5, wireY - 70, 10, railY - wireY + 70, mast);
    d.line(x, wireY - 50, x + 90, wireY - 50, mast, 4);
    d.line(x, wireY - 20, x + 90, wireY - 46, mast, 2);
    d.line(x + 80, wireY - 50, x + 80, wireY, mast, 1.5);
  }
  d.line(0, wireY - 50, W, wireY - 50, mast, 1);
  d.line(0, wireY, W, wireY, mast, 1.5);
  // The high-speed train: long body ending in a rounded nose, speeding right.
  const body = lighten(pal.paper, 0.4);
  const livery = rng.pick([hsl(pal.hue, 45, 42), hsl(350, 50, 45), hsl(210, 45, 40), hsl(280, 25, 40), hsl(160, 35, 36)]);
  const nose = rng.range(960, 1080);
  const top = 400;
  const bottom = 494;
  const car = 300;
  // Pantographs reach up to the contact wire (drawn first: the roof hides their feet).
  for (let x = nose - 220 - car; x > -car; x -= car) {
    if (Math.round(x / car) % 2 !== 0) continue;
    d.stroke(pd('M', x + 140, top + 2, 'L', x + 178, top - 28, 'L', x + 150, wireY + 4), '#4a4a4f', 3.5);
    d.line(x + 128, wireY + 3, x + 172, wireY + 3, '#4a4a4f', 4, { 'stroke-linecap': 'round' });
    d.rect(x + 130, top - 6, 40, 8, '#6a6a70', { rx: 2 });
  }
  const bodyD = pd('M', -20, top, 'L', nose - 230, top, 'C', nose - 90, top, nose - 10, top + 50, nose + 10, bottom - 16, 'Q', nose + 14, bottom, nose - 8, bottom, 'L', -20, bottom, 'Z');
  d.path(bodyD, body);
  // Everything painted on the body is clipped to its outline, so the nose stays clean.
  d.group({ 'clip-path': d.clip(tag('path', { d: bodyD })) }, () => {
    d.rect(-20, top, nose + 40, 10, lighten(body, 0.5), { opacity: 0.6 });
    d.rect(-20, bottom - 32, nose + 40, 24, livery);
    d.path(pd('M', nose - 260, bottom - 32, 'Q', nose - 90, bottom - 34, nose - 10, top + 38, 'L', nose + 40, top + 38, 'L', nose + 40, bottom, 'L', nose - 260, bottom - 8, 'Z'), livery);
    d.path(pd('M', nose - 150, top + 8, 'C', nose - 80, top + 10, nose - 40, top + 24, nose - 22, top + 40, 'L', nose - 140, top + 40, 'Z'), hsl(210, 25, 22));
    d.rect(-20, bottom - 6, nose + 40, 6, darken(body, 0.3));
  });
  d.rect(-20, top + 16, nose - 195, 26, hsl(210, 25, 24), { rx: 8 });
  for (let x = nose - 220 - car; x > -car; x -= car) {
    d.line(x, top + 2, x, bottom - 2, darken(body, 0.25), 3);
    d.rect(x + 24, top + 12, 18, bottom - top - 24, 'none', { stroke: darken(body, 0.2), 'stroke-width': 2, rx: 4 });
    for (let wx = x + 60; wx < x + car - 20; wx += 38) d.line(wx, top + 16, wx, top + 42, body, 3);
  }
  d.circle(nose - 4, bottom - 22, 4, '#fff6cc');
  // Bogies.
  for (let x = nose - 160; x > -100; x -= car / 2) {
    d.rect(x - 40, bottom + 2, 80, 12, '#3c3c40', { rx: 3 });
    d.circle(x - 22, bottom + 14, 9, '#2b2b2e');
    d.circle(x + 22, bottom + 14, 9, '#2b2b2e');
  }
  d.rect(0, railY - 3, W, 3, '#c9cbd0');
  // Foreground meadow with a few shrubs, so the lower third is not an empty band.
  const front = waveCurve(rng, 600, 14);
  const meadow = hsl(95 + rng.range(-15, 15), 28, 38);
  d.path(curveArea(front), meadow);
  for (let i = 0; i < 5; i++) {
    const x = rng.range(0, W);
    const r = rng.range(18, 34);
    d.circle(x, front(x) + 8, r, darken(meadow, 0.15));
    d.circle(x + r * 0.8, front(x) + 12, r * 0.7, darken(meadow, 0.1));
  }
}

function sparkle(d: Drawing, x: number, y: number, r: number, colour: string): void {
  d.polygon([[x, y - r], [x + r * 0.22, y - r * 0.22], [x + r, y], [x + r * 0.22, y + r * 0.22], [x, y + r], [x - r * 0.22, y + r * 0.22], [x - r, y], [x - r * 0.22, y - r * 0.22]], colour);
}

function drawSpace(d: Drawing): void {
  const { rng, pal } = d;
  const h = pal.hue;
  d.rect(0, 0, W, H, d.linear([[0, hsl(h + 10, 40, 9)], [1, hsl(h + 40, 35, 20)]], 0, 0, 1, 1));
  // Nebula haze.
  for (let i = 0; i < 6; i++) d.glow(rng.range(0, W), rng.range(0, H), rng.range(160, 320), lighten(rng.pick(pal.accents), 0.1), 0.22);
  for (let i = 0; i < 170; i++) {
    d.circle(rng.range(0, W), rng.range(0, H), rng.range(0.6, 2), '#ffffff', { opacity: rng.range(0.35, 0.95) });
  }
  for (let i = 0; i < 7; i++) sparkle(d, rng.range(30, W - 30), rng.range(30, H - 30), rng.range(5, 10), '#fdf6e3');
  // Comet: a glowing head and a tapered tail, fading behind it.
  const [cx, cy] = [rng.range(750, 1050), rng.range(110, 200)];
  const dir = rng.range(0.35, 0.6);
  const len = rng.range(260, 380);
  const [tx, ty] = [cx - Math.cos(dir) * len, cy - Math.sin(dir) * len];
  const [nx, ny] = [-Math.sin(dir), Math.cos(dir)];
  const tail = d.linear([[0, '#e8f4ff', 0.9], [1, '#e8f4ff', 0]], 1, 1, 0, 0);
  d.polygon([[cx + nx * 10, cy + ny * 10], [cx - nx * 10, cy - ny * 10], [tx - nx * 40, ty - ny * 40], [tx + nx * 10, ty + ny * 10]], tail);
  d.circle(cx, cy, 20, '#e8f4ff', { opacity: 0.25 });
  d.circle(cx, cy, 8, '#ffffff');
  // Ringed planet: back half of the ring, banded disc, front half of the ring.
  const [px, py, pr] = [rng.range(330, 520), rng.range(330, 420), rng.range(120, 160)];
  const ph = rng.pick([25, 200, 330, 160, 40]);
  const tilt = rng.range(-22, -8);
  const ring = hsl(ph + 20, 30, 72);
  const discClip = d.clip(tag('circle', { cx: px, cy: py, r: pr }));
  d.group({ transform: `rotate(${num(tilt)} ${num(px)} ${num(py)})` }, () => {
    const backClip = d.clip(tag('rect', { x: px - pr * 3, y: py - pr * 3, width: pr * 6, height: pr * 3 }));
    d.group({ 'clip-path': backClip }, () => {
      d.ellipse(px, py, pr * 1.9, pr * 0.42, 'none', { stroke: ring, 'stroke-width': 16, opacity: 0.85 });
      d.ellipse(px, py, pr * 1.6, pr * 0.34, 'none', { stroke: lighten(ring, 0.2), 'stroke-width': 7, opacity: 0.7 });
    });
    d.group({ 'clip-path': discClip }, () => {
      d.rect(px - pr, py - pr, pr * 2, pr * 2, hsl(ph, 40, 55));
      for (let k = 0; k < 7; k++) {
        const y = py - pr + (k + rng.range(0, 0.6)) * ((2 * pr) / 7);
        d.rect(px - pr, y, pr * 2, rng.range(8, 24), hsl(ph + rng.range(-15, 15), rng.range(30, 50), rng.range(40, 70)), { opacity: 0.8 });
      }
      d.rect(px - pr, py - pr, pr * 2, pr * 2, d.linear([[0, '#000000', 0], [0.5, '#000000', 0.08], [1, '#000000', 0.55]], 0, 0, 1, 1));
      d.circle(px - pr * 0.35, py - pr * 0.4, pr * 0.5, '#ffffff', { opacity: 0.08 });
    });
    const frontClip = d.clip(tag('rect', { x: px - pr * 3, y: py, width: pr * 6, height: pr * 3 }));
    d.group({ 'clip-path': frontClip }, () => {
      d.ellipse(px, py, pr * 1.9, pr * 0.42, 'none', { stroke: ring, 'stroke-width': 16, opacity: 0.9 });
      d.ellipse(px, py, pr * 1.6, pr * 0.34, 'none', { stroke: lighten(ring, 0.2), 'stroke-width': 7, opacity: 0.8 });
    });
  });
  // A small cratered moon.
  const [mx, my, mr] = [rng.range(900, 1100), rng.range(460, 580), rng.range(34, 50)];
  const moon = hsl(h + 20, 10, 72);
  d.circle(mx, my, mr, moon);
  for (const [dx, dy, r] of [[-0.35, -0.2, 0.22], [0.3, 0.25, 0.16], [0.1, -0.45, 0.12], [-0.1, 0.4, 0.1]] as const) {
    d.circle(mx + dx * mr, my + dy * mr, r * mr, darken(moon, 0.15));
  }
  const moonClip = d.clip(tag('circle', { cx: mx, cy: my, r: mr }));
  d.group({ 'clip-path': moonClip }, () => d.circle(mx + mr * 0.5, my + mr * 0.4, mr * 1.05, '#000000', { opacity: 0.3 }));
}

function drawForest(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  const sx = rng.range(300, 900);
  sun(d, sx, rng.range(110, 200), rng.range(34, 48));
  const haze = pal.skyBottom;
  const green = hsl(135 + rng.range(-25, 20), rng.range(25, 38), 30);
  const layers = 4;
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const base = 330 + i * 85;
    const colour = mix(darken(green, t * 0.35), haze, 0.62 * (1 - t));
    const ground = waveCurve(rng, base, 14 + i * 4);
    const trees: Pt[] = [];
    for (let x = -30; x < W + 30; x += rng.range(22, 42) * (1 + t * 1.1)) trees.push([x, rng.range(70, 130) * (0.7 + t * 0.9)]);
    for (const [x, h] of trees) pine(d, x, ground(x) + 10, h, colour, i === layers - 1 ? darken(colour, 0.3) : undefined);
    d.path(curveArea(ground), colour);
    if (i === 1) {
      // Rays of light between the far layers.
      for (let k = 0; k < 5; k++) {
        const a = rng.range(-0.5, 0.5);
        d.polygon([[sx, 150], [sx + Math.sin(a) * 900 - 30, 900], [sx + Math.sin(a) * 900 + 30, 900]], pal.sun, { opacity: 0.08 });
      }
    }
  }
  // Path winding away, and a few broad-leaved trees in front.
  const pathColour = hsl(35, 30, 62);
  const px = rng.range(420, 780);
  d.path(pd('M', px - 140, H, 'Q', px - 40, 620, px + 30, 600, 'T', px + 20, 560, 'L', px + 30, 560, 'Q', px + 60, 590, px + 10, 610, 'T', px + 140, H, 'Z'), pathColour, { opacity: 0.9 });
  for (let i = 0; i < 3; i++) {
    const x = rng.chance(0.5) ? rng.range(40, 300) : rng.range(900, 1160);
    roundTree(d, x, H - rng.range(10, 40), rng.range(1.6, 2.2), mix(green, '#5c7a3a', 0.4), '#3b2e23');
  }
}

function flask(d: Drawing, x: number, base: number, w: number, h: number, liquid: string, level: number): void {
  const neck = w * 0.26;
  const neckTop = base - h;
  const shoulder = base - h * 0.55;
  const outline = pd('M', x - neck / 2, neckTop, 'L', x - neck / 2, shoulder, 'L', x - w / 2, base - 8, 'Q', x - w / 2, base, x - w / 2 + 10, base, 'L', x + w / 2 - 10, base, 'Q', x + w / 2, base, x + w / 2, base - 8, 'L', x + neck / 2, shoulder, 'L', x + neck / 2, neckTop, 'Z');
  d.path(outline, '#eaf4f6', { opacity: 0.55 });
  const clip = d.clip(tag('path', { d: outline }));
  d.group({ 'clip-path': clip }, () => {
    const top = base - h * 0.55 * level;
    d.rect(x - w / 2, top, w, base - top, liquid);
    d.rect(x - w / 2, top, w, 4, lighten(liquid, 0.3));
    for (let k = 0; k < 5; k++) d.circle(x + d.rng.range(-w * 0.25, w * 0.25), d.rng.range(top + 8, base - 8), d.rng.range(2, 4), '#ffffff', { opacity: 0.6 });
  });
  d.path(outline, 'none', { stroke: '#ffffff', 'stroke-width': 3, opacity: 0.9 });
  d.rect(x - neck / 2 - 4, neckTop - 4, neck + 8, 8, '#ffffff', { rx: 3, opacity: 0.9 });
}

function microscope(d: Drawing, x: number, base: number, s: number, colour: string): void {
  const dark = darken(colour, 0.35);
  d.group({ transform: `translate(${num(x)} ${num(base)}) scale(${num(s)})` }, () => {
    d.rect(-70, -22, 140, 22, dark, { rx: 8 });
    d.rect(22, -130, 30, 110, colour);
    d.stroke(pd('M', 38, -120, 'C', 72, -160, 62, -205, 4, -215), colour, 26);
    d.rect(-62, -108, 104, 12, dark);
    d.rect(-40, -96, 6, 20, dark);
    d.circle(46, -150, 14, dark);
    d.circle(46, -150, 6, lighten(colour, 0.3));
    // Tilted tube: eyepiece towards the viewer, objective just above the stage.
    d.group({ transform: 'rotate(-22 -10 -190)' }, () => {
      d.rect(-22, -144, 24, 26, dark, { rx: 3 });
      d.rect(-30, -270, 40, 130, lighten(colour, 0.12), { rx: 6 });
      d.rect(-24, -306, 28, 40, dark, { rx: 4 });
    });
  });
}

function drawLab(d: Drawing): void {
  const { rng, pal } = d;
  const tile = hsl(pal.hue, rng.range(10, 22), rng.range(86, 92));
  d.rect(0, 0, W, H, tile);
  for (let x = 0; x < W; x += 60) d.line(x, 0, x, 470, darken(tile, 0.07), 2);
  for (let y = 0; y < 470; y += 40) d.line(0, y, W, y, darken(tile, 0.07), 2);
  // Wall shelf with bottles and jars.
  const shelfY = 190;
  d.rect(80, shelfY, 560, 14, hsl(30, 20, 60));
  d.rect(80, shelfY + 14, 560, 6, '#000000', { opacity: 0.12 });
  for (let x = 110; x < 620; x += rng.range(50, 80)) {
    const c = rng.pick(pal.accents);
    const bh = rng.range(50, 90);
    if (rng.chance(0.5)) {
      d.rect(x, shelfY - bh, 36, bh, c, { rx: 6 });
      d.rect(x + 8, shelfY - bh - 14, 20, 16, darken(c, 0.3), { rx: 3 });
      d.rect(x + 6, shelfY - bh * 0.6, 24, bh * 0.3, '#ffffff', { opacity: 0.7 });
    } else {
      d.rect(x, shelfY - bh * 0.7, 44, bh * 0.7, '#eaf4f6', { rx: 6, opacity: 0.7 });
      d.rect(x, shelfY - bh * 0.4, 44, bh * 0.4, c, { rx: 6, opacity: 0.8 });
      d.rect(x - 2, shelfY - bh * 0.7 - 8, 48, 10, darken(c, 0.3), { rx: 3 });
    }
  }
  // Window with daylight.
  d.rect(780, 60, 320, 250, hsl(205, 35, 78));
  d.rect(780, 60, 320, 250, 'none', { stroke: '#ffffff', 'stroke-width': 14 });
  d.line(940, 60, 940, 310, '#ffffff', 10);
  d.line(780, 185, 1100, 185, '#ffffff', 10);
  d.path(pd('M', 787, 250, 'Q', 860, 220, 940, 245, 'T', 1093, 235, 'L', 1093, 303, 'L', 787, 303, 'Z'), hsl(120, 22, 62), { opacity: 0.7 });
  // Bench.
  const benchTop = 470;
  const cabinet = hsl(pal.hue + rng.pick([0, 180]), rng.range(18, 30), rng.range(45, 58));
  d.rect(0, benchTop, W, H - benchTop, cabinet);
  for (let x = 30; x < W; x += 200) {
    d.rect(x, benchTop + 40, 180, H - benchTop - 40, 'none', { stroke: darken(cabinet, 0.18), 'stroke-width': 3 });
    d.rect(x + 70, benchTop + 60, 40, 6, darken(cabinet, 0.3), { rx: 3 });
  }
  d.rect(0, benchTop - 6, W, 26, hsl(pal.hue, 8, 26));
  d.rect(0, benchTop - 6, W, 5, hsl(pal.hue, 8, 40));
  // Glassware and instruments.
  const liquids = rng.shuffle([hsl(170, 50, 50), hsl(330, 45, 58), hsl(45, 70, 58), hsl(210, 50, 55), hsl(100, 40, 50)]);
  flask(d, 200, benchTop - 6, 150, 210, liquids[0] ?? '#4fb0a0', rng.range(0.55, 0.85));
  flask(d, 350, benchTop - 6, 100, 150, liquids[1] ?? '#c46090', rng.range(0.5, 0.9));
  // Beaker with graduation ticks.
  const bx = 470;
  const bTop = benchTop - 150;
  d.rect(bx, bTop, 100, 144, '#eaf4f6', { opacity: 0.55 });
  const level = rng.range(0.35, 0.7);
  d.rect(bx, benchTop - 6 - 144 * level, 100, 144 * level, liquids[2] ?? '#d6a843', { opacity: 0.85 });
  for (let y = bTop + 24; y < benchTop - 16; y += 22) d.line(bx + 70, y, bx + 92, y, '#ffffff', 2.5);
  d.rect(bx, bTop, 100, 144, 'none', { stroke: '#ffffff', 'stroke-width': 3 });
  // Test-tube rack.
  const rx = 610;
  d.rect(rx, benchTop - 70, 180, 10, '#8a6a4a');
  d.rect(rx, benchTop - 20, 180, 14, '#8a6a4a');
  d.rect(rx + 4, benchTop - 70, 8, 64, '#7a5a3a');
  d.rect(rx + 168, benchTop - 70, 8, 64, '#7a5a3a');
  for (let k = 0; k < 5; k++) {
    const tx = rx + 28 + k * 30;
    const c = liquids[k % liquids.length] ?? '#888888';
    const lv = rng.range(0.3, 0.7);
    d.rect(tx - 9, benchTop - 130, 18, 118, '#eaf4f6', { rx: 9, opacity: 0.6 });
    d.rect(tx - 9, benchTop - 12 - 118 * lv, 18, 118 * lv, c, { rx: 9 });
    d.rect(tx - 9, benchTop - 130, 18, 118, 'none', { rx: 9, stroke: '#ffffff', 'stroke-width': 2.5 });
  }
  d.rect(rx, benchTop - 70, 180, 10, '#8a6a4a');
  microscope(d, 960, benchTop - 6, 1.0, rng.pick([hsl(210, 18, 40), hsl(0, 0, 30), hsl(200, 25, 50)]));
}

function drawStadium(d: Drawing): void {
  const { rng, pal } = d;
  sky(d);
  const cx = 600;
  const cy = 450;
  // Floodlight masts behind the bowl.
  const mast = '#5b5d63';
  for (const x of [90, 1110]) {
    d.line(x, 300, x, 40, mast, 8);
    d.rect(x - 40, 30, 80, 40, mast, { rx: 4 });
    for (let k = 0; k < 4; k++) for (let j = 0; j < 2; j++) d.circle(x - 27 + k * 18, 42 + j * 16, 6, '#fff7d6');
    d.glow(x, 50, 130, '#fff7d6', 0.7);
  }
  // Roof ring and tiers of the stands; the bowl runs out of frame at the bottom.
  const roof = hsl(pal.hue + 180, 8, 30);
  const seat = mix(pal.accents[0], '#8a8a8a', 0.4);
  d.rect(0, cy, W, H - cy, roof);
  d.ellipse(cx, cy, 720, 330, roof);
  d.ellipse(cx, cy, 690, 306, lighten(pal.paper, 0.1));
  const tiers = [[670, 294], [600, 258], [530, 222]] as const;
  tiers.forEach(([rx, ry], i) => {
    d.ellipse(cx, cy, rx, ry, i % 2 === 0 ? seat : darken(seat, 0.12));
    d.ellipse(cx, cy, rx - 4, ry - 3, 'none', { stroke: lighten(seat, 0.35), 'stroke-width': 3, opacity: 0.6 });
  });
  // The crowd: dots scattered on the stands, tinted towards the seats so they read as texture.
  const crowd = ['#f4efe6', '#2d2d2d', pal.accents[1], pal.accents[2], '#c45a4a', '#d9b24c', '#4a6fa5'].map((c) => mix(c, seat, 0.3));
  for (let i = 0; i < 900; i++) {
    const a = rng.range(0, TAU);
    const t = rng.range(0.05, 0.97);
    const rx = lerp(470, 660, t);
    const ry = lerp(195, 290, t);
    const x = cx + Math.cos(a) * rx;
    const y = cy + Math.sin(a) * ry;
    if (y < -5 || y > H + 5 || x < -5 || x > W + 5) continue;
    d.circle(x, y, rng.range(2, 3.5), rng.pick(crowd), { opacity: 0.85 });
  }
  // Track around the pitch, then the striped pitch in perspective.
  d.ellipse(cx, cy, 465, 192, hsl(12, 35, 48));
  d.ellipse(cx, cy, 440, 178, hsl(110, 30, 36));
  const pTop = 340;
  const pBottom = 565;
  const [tl, tr, bl, br] = [270, 930, 185, 1015];
  const grass = hsl(110 + rng.range(-12, 12), 40, 44);
  const stripes = 12;
  for (let k = 0; k < stripes; k++) {
    const a = k / stripes;
    const b = (k + 1) / stripes;
    d.polygon(quad(lerp(tl, tr, a), lerp(tl, tr, b), pTop, lerp(bl, br, a), lerp(bl, br, b), pBottom), k % 2 === 0 ? grass : lighten(grass, 0.1));
  }
  const chalk = { fill: 'none', stroke: '#ffffff', 'stroke-width': 3, opacity: 0.9 } as const;
  d.polygon(quad(tl, tr, pTop, bl, br, pBottom), undefined, chalk);
  d.line(600, pTop, 600, pBottom, '#ffffff', 3, { opacity: 0.9 });
  d.ellipse(600, (pTop + pBottom) / 2, 78, 34, undefined, chalk);
  const mid = (pTop + pBottom) / 2;
  for (const side of [-1, 1]) {
    // Penalty areas: edges follow the pitch's slanted ends.
    const xAt = (y: number, depth: number): number => {
      const t = (y - pTop) / (pBottom - pTop);
      const edge = side < 0 ? lerp(tl, bl, t) : lerp(tr, br, t);
      return edge - side * depth * lerp(0.8, 1.2, t);
    };
    const y0 = mid - 62;
    const y1 = mid + 62;
    d.polygon([[xAt(y0, 0), y0], [xAt(y0, 95), y0], [xAt(y1, 95), y1], [xAt(y1, 0), y1]], undefined, chalk);
    d.polygon([[xAt(mid - 16, 0), mid - 16], [xAt(mid - 16, -14), mid - 16], [xAt(mid + 16, -14), mid + 16], [xAt(mid + 16, 0), mid + 16]], '#ffffff', { opacity: 0.9 });
  }
  // Players: a few dots in two colours.
  const teamA = hsl(rng.range(0, 360), 55, 55);
  const teamB = '#f7f3ea';
  for (let i = 0; i < 14; i++) {
    const y = rng.range(pTop + 15, pBottom - 10);
    const t = (y - pTop) / (pBottom - pTop);
    const x = rng.range(lerp(tl, bl, t) + 20, lerp(tr, br, t) - 20);
    d.circle(x, y, 4 + t * 2, i % 2 === 0 ? teamA : teamB, { stroke: '#000000', 'stroke-opacity': 0.3 });
  }
}

function desk(d: Drawing, x: number, floor: number, s: number, wood: string, metal: string, chair: string): void {
  // Chair behind, then the desk top and legs.
  d.rect(x - 28 * s, floor - 120 * s, 56 * s, 42 * s, chair, { rx: 6 * s });
  d.rect(x - 24 * s, floor - 78 * s, 4 * s, 78 * s, metal);
  d.rect(x + 20 * s, floor - 78 * s, 4 * s, 78 * s, metal);
  d.rect(x - 70 * s, floor - 76 * s, 140 * s, 12 * s, wood, { rx: 3 * s });
  d.rect(x - 70 * s, floor - 64 * s, 140 * s, 26 * s, darken(wood, 0.15));
  d.rect(x - 64 * s, floor - 38 * s, 5 * s, 38 * s, metal);
  d.rect(x + 59 * s, floor - 38 * s, 5 * s, 38 * s, metal);
}

function drawClassroom(d: Drawing): void {
  const { rng, pal } = d;
  const wall = hsl(pal.hue + rng.pick([0, 20, 140, 180]), rng.range(18, 32), rng.range(78, 86));
  d.rect(0, 0, W, H, wall);
  d.rect(0, 380, W, 100, darken(wall, 0.12));
  d.rect(0, 378, W, 6, lighten(wall, 0.3));
  const floor = hsl(30 + rng.range(-8, 8), rng.range(22, 32), rng.range(52, 60));
  d.rect(0, 480, W, H - 480, floor);
  for (let k = -14; k <= 14; k++) d.line(600 + k * 60, 480, 600 + k * 140, H, darken(floor, 0.12), 2);
  // Window.
  d.rect(40, 70, 200, 270, hsl(205, 40, 80));
  d.circle(90, 130, 26, '#fff8dc', { opacity: 0.9 });
  d.path(pd('M', 40, 300, 'Q', 120, 270, 240, 290, 'L', 240, 340, 'L', 40, 340, 'Z'), hsl(110, 25, 60));
  d.rect(40, 70, 200, 270, 'none', { stroke: '#fbfaf6', 'stroke-width': 12 });
  d.line(140, 70, 140, 340, '#fbfaf6', 8);
  d.line(40, 205, 240, 205, '#fbfaf6', 8);
  // Chalkboard with diagrams (no writing).
  const board = hsl(150 + rng.range(-15, 15), 22, 26);
  const frame = hsl(28, 35, 40);
  d.rect(300, 80, 600, 260, board);
  d.rect(300, 80, 600, 260, 'none', { stroke: frame, 'stroke-width': 14 });
  d.rect(300, 338, 600, 12, frame);
  d.rect(380, 330, 26, 7, '#f4f1e8');
  d.rect(420, 331, 18, 6, hsl(50, 60, 75));
  const chalk = { stroke: '#f1efe6', 'stroke-width': 3, opacity: 0.85 } as const;
  const line = { opacity: 0.85 } as const;
  // Left half: axes with a curve, a wave or a histogram.
  d.stroke(pd('M', 350, 130, 'L', 350, 300, 'L', 560, 300), chalk.stroke, 3, line);
  const left = rng.int(0, 2);
  if (left === 0) d.stroke(pd('M', 360, 290, 'Q', 450, 300, 480, 220, 'T', 550, 130), chalk.stroke, 3, line);
  else if (left === 1) d.stroke(pd('M', 355, 220, 'Q', 385, 130, 415, 220, 'T', 475, 220, 'T', 535, 220), chalk.stroke, 3, line);
  else {
    for (let k = 0; k < 6; k++) {
      const h = 40 + k * 18 + rng.range(-15, 15);
      d.rect(365 + k * 32, 300 - h, 22, h, 'none', chalk);
    }
  }
  // Right half: a triangle in a circle, a cube or a divided disc.
  const [gx, gy, gr] = [720, 210, rng.range(70, 90)];
  const right = rng.int(0, 2);
  if (right === 0) {
    d.circle(gx, gy, gr, 'none', chalk);
    d.polygon([[gx, gy - gr], [gx + gr * 0.87, gy + gr * 0.5], [gx - gr * 0.87, gy + gr * 0.5]], 'none', chalk);
    d.line(gx, gy - gr, gx, gy + gr * 0.5, '#f1efe6', 2, { opacity: 0.6, 'stroke-dasharray': '6 6' });
  } else if (right === 1) {
    const a = gr * 1.1;
    const o = a * 0.4;
    d.rect(gx - a / 2, gy - a / 2 + o / 2, a, a, 'none', chalk);
    d.stroke(pd('M', gx - a / 2, gy - a / 2 + o / 2, 'L', gx - a / 2 + o, gy - a / 2 - o / 2, 'L', gx + a / 2 + o, gy - a / 2 - o / 2, 'L', gx + a / 2 + o, gy + a / 2 - o / 2, 'L', gx + a / 2, gy + a / 2 + o / 2), chalk.stroke, 3, line);
    d.line(gx + a / 2, gy - a / 2 + o / 2, gx + a / 2 + o, gy - a / 2 - o / 2, '#f1efe6', 3, line);
  } else {
    d.circle(gx, gy, gr, 'none', chalk);
    const cuts = rng.int(3, 6);
    for (let k = 0; k < cuts; k++) {
      const a = (k / cuts) * TAU - Math.PI / 2;
      d.line(gx, gy, gx + Math.cos(a) * gr, gy + Math.sin(a) * gr, '#f1efe6', 3, line);
    }
    d.path(pd('M', gx, gy, 'L', gx, gy - gr, 'A', gr, gr, 0, 0, 1, gx + Math.cos(TAU / cuts - Math.PI / 2) * gr, gy + Math.sin(TAU / cuts - Math.PI / 2) * gr, 'Z'), '#f1efe6', { opacity: 0.35 });
  }
  d.circle(830, 130, 5, '#f1efe6', { opacity: 0.85 });
  // Clock.
  d.circle(1040, 110, 42, '#fbfaf6', { stroke: pal.ink, 'stroke-width': 6 });
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * TAU;
    d.line(1040 + Math.cos(a) * 30, 110 + Math.sin(a) * 30, 1040 + Math.cos(a) * 35, 110 + Math.sin(a) * 35, pal.ink, 2);
  }
  const ha = rng.range(0, TAU);
  const ma = rng.range(0, TAU);
  d.line(1040, 110, 1040 + Math.sin(ha) * 20, 110 - Math.cos(ha) * 20, pal.ink, 4, { 'stroke-linecap': 'round' });
  d.line(1040, 110, 1040 + Math.sin(ma) * 30, 110 - Math.cos(ma) * 30, pal.ink, 3, { 'stroke-linecap': 'round' });
  // Globe on a cabinet.
  const cab = darken(frame, 0.1);
  d.rect(980, 330, 160, 150, cab);
  d.rect(975, 322, 170, 12, lighten(cab, 0.15));
  d.rect(995, 350, 60, 110, 'none', { stroke: darken(cab, 0.25), 'stroke-width': 3 });
  d.rect(1065, 350, 60, 110, 'none', { stroke: darken(cab, 0.25), 'stroke-width': 3 });
  d.rect(1045, 306, 30, 16, '#6f5e33');
  d.circle(1060, 262, 44, hsl(200, 45, 58));
  d.path(pd('M', 1030, 240, 'Q', 1050, 225, 1065, 245, 'Q', 1080, 260, 1060, 275, 'Q', 1040, 285, 1030, 265, 'Z'), hsl(100, 30, 52));
  d.path(pd('M', 1010, 262, 'A', 50, 50, 0, 0, 0, 1110, 262), 'none', { stroke: '#6f5e33', 'stroke-width': 4 });
  // Two rows of desks; the nearer row is larger.
  const wood = hsl(30 + rng.range(-8, 8), 40, 58);
  const metal = hsl(pal.hue + 180, 15, 40);
  const chair = rng.chance(0.5) ? darken(wood, 0.1) : mix(rng.pick(pal.accents), wood, 0.2);
  for (const x of [220, 480, 740]) desk(d, x + rng.range(-10, 10), 540, 0.95, wood, metal, chair);
  for (const x of [90, 420, 780, 1110]) desk(d, x + rng.range(-10, 10), 660, 1.35, wood, metal, chair);
  // Books and notebooks on a few desks.
  for (const [x, y, s] of [[220, 540, 0.95], [740, 540, 0.95], [420, 660, 1.35]] as const) {
    if (rng.chance(0.7)) d.rect(x - 30 * s, y - 82 * s, 50 * s, 6 * s, rng.pick(pal.accents));
  }
}

const SCENES: Readonly<Record<DemoScene, { hue: number; moods: readonly SkyMood[]; draw: (d: Drawing) => void }>> = {
  diplomacy: { hue: 35, moods: ['day'], draw: drawDiplomacy },
  parliament: { hue: 25, moods: ['day'], draw: drawParliament },
  city: { hue: 210, moods: ['day', 'golden', 'dusk', 'pale'], draw: drawCity },
  harbour: { hue: 200, moods: ['day', 'golden', 'pale'], draw: drawHarbour },
  chart: { hue: 200, moods: ['day'], draw: drawChart },
  factory: { hue: 30, moods: ['golden', 'pale', 'dusk'], draw: drawFactory },
  field: { hue: 80, moods: ['day', 'golden'], draw: drawField },
  mountains: { hue: 215, moods: ['day', 'golden', 'dusk', 'pale'], draw: drawMountains },
  sea: { hue: 195, moods: ['golden', 'dusk', 'day'], draw: drawSea },
  stage: { hue: 300, moods: ['dusk'], draw: drawStage },
  books: { hue: 25, moods: ['day'], draw: drawBooks },
  museum: { hue: 40, moods: ['day'], draw: drawMuseum },
  train: { hue: 200, moods: ['day', 'golden', 'pale'], draw: drawTrain },
  space: { hue: 240, moods: ['dusk'], draw: drawSpace },
  forest: { hue: 130, moods: ['day', 'golden', 'pale'], draw: drawForest },
  lab: { hue: 190, moods: ['day'], draw: drawLab },
  stadium: { hue: 130, moods: ['day', 'golden', 'dusk'], draw: drawStadium },
  classroom: { hue: 60, moods: ['day'], draw: drawClassroom },
};

/** Scenes whose meaning depends on direction: a mirrored rising chart would be falling. */
const NEVER_MIRRORED: ReadonlySet<DemoScene> = new Set<DemoScene>(['chart']);

/** SVG source of one drawn scene. */
export function drawDemoScene(scene: DemoScene, seed: number): string {
  const spec = SCENES[scene];
  // Non-integer or non-finite seeds are folded to a 32-bit integer so any number is accepted.
  const s = Number.isFinite(seed) ? Math.trunc(seed) | 0 : 0;
  const rng = new Rng((hashString(scene) ^ Math.imul(s, 0x9e3779b1)) >>> 0);
  const palette = makePalette(rng, spec.hue, spec.moods);
  const drawing = new Drawing(rng, palette, !NEVER_MIRRORED.has(scene) && rng.chance(0.5));
  spec.draw(drawing);
  return drawing.svg();
}

/** Encoded renditions of a drawn scene, for the media library. */
export interface DemoImageRendition {
  width: number;
  height: number;
  format: 'jpeg' | 'webp';
  bytes: Buffer;
}

/** Renders the scene to JPEG and WebP at the given widths (height keeps 16:9), metadata stripped. */
export async function renderDemoImage(
  scene: DemoScene,
  seed: number,
  widths: readonly number[] = [480, 800, 1200],
): Promise<DemoImageRendition[]> {
  const svg = Buffer.from(drawDemoScene(scene, seed));
  const out: DemoImageRendition[] = [];
  for (const width of widths) {
    if (!Number.isInteger(width) || width < 16 || width > 4096) throw new RangeError(`renderDemoImage: bad width ${width}`);
    const height = Math.round((width * DEMO_IMAGE_HEIGHT) / DEMO_IMAGE_WIDTH);
    // Rasterise the vector at the target size (density scales librsvg's 72 dpi) rather than
    // scaling a 1200px bitmap: sharper small renditions, no blurry upscales.
    const density = (72 * width) / DEMO_IMAGE_WIDTH;
    // sharp drops EXIF/XMP/ICC unless asked to keep them, which is what we want here.
    const base = sharp()(svg, { density }).resize(width, height, { fit: 'fill' }).flatten({ background: '#ffffff' });
    const [jpeg, webp] = await Promise.all([
      base.clone().jpeg({ quality: 78, mozjpeg: true }).toBuffer(),
      base.clone().webp({ quality: 72 }).toBuffer(),
    ]);
    out.push({ width, height, format: 'jpeg', bytes: jpeg }, { width, height, format: 'webp', bytes: webp });
  }
  return out;
}
