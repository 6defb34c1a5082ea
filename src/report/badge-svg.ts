import type { Grade } from '../scoring/index.js';
import { html, type Html } from './html.js';
import { scoreColour, textColourOn } from './palette.js';

export interface BadgeData {
  name: string;
  grade: Grade;
  exposureScore: number;
  disclosureScore: number;
}

const MAX_NAME = 36;
/** Rough advance of an 11px sans-serif glyph; badges need no exact text metrics. */
const charWidth = (text: string) => Math.ceil(text.length * 6.6) + 12;

/**
 * An embeddable badge: provider name | exposure grade | disclosure score. Self-contained
 * SVG (no scripts, no external references), so another site can show it with `<img>`.
 */
export function badgeSvg(data: BadgeData): Html {
  const name = data.name.length > MAX_NAME ? `${data.name.slice(0, MAX_NAME - 1)}…` : data.name;
  const grade = `exposure ${data.grade}`;
  const disclosure = `disclosure ${Math.round(data.disclosureScore)}`;
  const [w1, w2, w3] = [charWidth(name), charWidth(grade), charWidth(disclosure)];
  const width = w1 + w2 + w3;
  const gradeFill = scoreColour(data.exposureScore);
  const label = `${data.name}: exposure grade ${data.grade} (worst cell ${data.exposureScore}/100), disclosure score ${data.disclosureScore}/100 — retention-atlas`;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${label}">
<title>${label}</title>
<rect width="${w1}" height="20" fill="#333333"/>
<rect x="${w1}" width="${w2}" height="20" fill="${gradeFill}"/>
<rect x="${w1 + w2}" width="${w3}" height="20" fill="#1f4e79"/>
<g font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">
<text x="${w1 / 2}" y="14" fill="#ffffff">${name}</text>
<text x="${w1 + w2 / 2}" y="14" fill="${textColourOn(gradeFill)}">${grade}</text>
<text x="${w1 + w2 + w3 / 2}" y="14" fill="#ffffff">${disclosure}</text>
</g>
</svg>`;
}
