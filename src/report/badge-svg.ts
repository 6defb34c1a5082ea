import type { Grade } from '../scoring/index.js';
import { html, plainText, truncate, type Html } from './html.js';
import { scoreColour, textColourOn } from './palette.js';

export interface BadgeData {
  name: string;
  /** Grade of the worst case (what the colour shows). */
  grade: Grade;
  /** Grade of what is established; when it differs the badge shows the range ("B–D"). */
  establishedGrade?: Grade;
  exposureScore: number;
  establishedScore?: number;
  /** Absent for a provider known only from observations (it declared nothing). */
  disclosureScore?: number;
}

const MAX_NAME = 36;
/** Characters XML 1.0 cannot carry, even escaped (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates): one would make the whole SVG unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlChars = (text: string) => text.replace(NOT_XML, '');
/** Rough advance of 11px Verdana per character (wide scripts twice as wide); `textLength` makes the text fit exactly. */
const advance = (c: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u.test(c) ? 11 : /[A-Z@%&#WMmw]/.test(c) ? 8 : 6.6);
const textWidth = (text: string) => Math.ceil(Array.from(text).reduce((sum, c) => sum + advance(c), 0));
const charWidth = (text: string) => textWidth(text) + 12;

/**
 * An embeddable badge: provider name | exposure grade | disclosure score. Self-contained
 * SVG (no scripts, no external references), so another site can show it with `<img>`.
 */
export function badgeSvg(data: BadgeData): Html {
  // No bidi controls (an override would reverse the badge's other labels) and never half a surrogate pair.
  const fullName = xmlChars(plainText(data.name));
  const name = truncate(fullName, MAX_NAME);
  const range = data.establishedGrade !== undefined && data.establishedGrade !== data.grade;
  const grade = `exposure ${range ? `${data.establishedGrade}–${data.grade}` : data.grade}`;
  const disclosure = data.disclosureScore === undefined ? 'no declaration' : `disclosure ${Math.round(data.disclosureScore)}`;
  const [w1, w2, w3] = [charWidth(name), charWidth(grade), charWidth(disclosure)];
  const width = w1 + w2 + w3;
  const gradeFill = scoreColour(data.exposureScore);
  const bounds = range && data.establishedScore !== undefined ? `established ${data.establishedScore}, worst case ${data.exposureScore}/100` : `worst cell ${data.exposureScore}/100`;
  const label = `${fullName}: exposure grade ${range ? `${data.establishedGrade} to ${data.grade}` : data.grade} (${bounds}), ${data.disclosureScore === undefined ? 'no declaration' : `disclosure score ${data.disclosureScore}/100`} — retention-atlas`;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${label}">
<title>${label}</title>
<rect width="${w1}" height="20" fill="#333333"/>
<rect x="${w1}" width="${w2}" height="20" fill="${gradeFill}"/>
<rect x="${w1 + w2}" width="${w3}" height="20" fill="#1f4e79"/>
<g font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">
<text x="${w1 / 2}" y="14" fill="#ffffff" textLength="${w1 - 12}" lengthAdjust="spacingAndGlyphs">${name}</text>
<text x="${w1 + w2 / 2}" y="14" fill="${textColourOn(gradeFill)}">${grade}</text>
<text x="${w1 + w2 + w3 / 2}" y="14" fill="#ffffff">${disclosure}</text>
</g>
</svg>`;
}
