import { describe, expect, it } from '@jest/globals';
import { escapeText, html, safeUrl, trustedHtml } from '../../src/report/html.js';

const HOSTILE = `<script>alert("x")</script>' onmouseover='steal()' & "quoted"`;

describe('html template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const out = html`<p title="${HOSTILE}">${HOSTILE}</p>`.text;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain(`'steal`);
    expect(out).toBe(`<p title="${escapeText(HOSTILE)}">${escapeText(HOSTILE)}</p>`);
    expect(escapeText(HOSTILE)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;steal()&#39; &amp; &quot;quoted&quot;');
  });

  it('escapes inside arrays and keeps nested templates as markup', () => {
    const items = ['<b>', 'a&b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.text).toBe('<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>');
  });

  it('renders nothing for null, undefined and false; numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${1.5}`.text).toBe('01.5');
  });

  it('only trusts markup built by the tag or marked by code', () => {
    expect(html`${trustedHtml('<br>')}`.text).toBe('<br>');
    expect(html`${{ text: '<br>' } as never}`.text).not.toBe('<br>');
  });

  it('allows only http(s) URLs as links', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(42)).toBeUndefined();
  });
});
