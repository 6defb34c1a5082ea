/**
 * Colours for scores 0–100: the viridis sequential scale, light (0, little exposure) to
 * dark (100, the worst case). Viridis is perceptually uniform and stays ordered for the
 * common forms of colour blindness and in greyscale; text on a cell switches between
 * black and white so it keeps at least WCAG AA contrast on every step.
 */
const VIRIDIS = ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989', '#482878', '#440154'];

const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
const toHex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** The fill for a score, interpolated along viridis. */
export function scoreColour(score: number): string {
  const t = (Math.max(0, Math.min(100, score)) / 100) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [VIRIDIS[i], VIRIDIS[i + 1]];
  return '#' + [0, 1, 2].map((c) => toHex(channel(a, c) + (channel(b, c) - channel(a, c)) * f)).join('');
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [0, 1, 2].map((c) => {
    const v = channel(hex, c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the fill. */
export function textColourOn(fill: string): '#000000' | '#ffffff' {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}
