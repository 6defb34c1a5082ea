import { html, type Html } from './html.js';
import { scoreColour, textColourOn } from './palette.js';

/**
 * A grade letter on the colour of its score. Drawn as a tiny SVG (fill is an attribute,
 * not a style), so it needs no inline style and survives a CSP without 'unsafe-inline'.
 */
export function gradeChip(grade: string, score: number, label = `grade ${grade}: worst cell ${score}/100`): Html {
  const fill = scoreColour(score);
  return html`<svg class="grade" width="24" height="24" viewBox="0 0 24 24" role="img" aria-label="${label}"><title>${label}</title><rect width="24" height="24" rx="4" fill="${fill}"/><text x="12" y="17" text-anchor="middle" fill="${textColourOn(fill)}">${grade}</text></svg>`;
}
