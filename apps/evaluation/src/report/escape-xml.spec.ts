import { escapeXml } from './escape-xml';

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<script>alert(1)</script> & "x" 'y'`)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;');
  });

  it('escapes an ampersand that already looks like an entity, so text round-trips', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('replaces characters XML cannot carry and keeps tabs, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u001Fc\uD800d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXml('tab\tline\n\u{1F600}')).toBe('tab\tline\n\u{1F600}');
  });
});
