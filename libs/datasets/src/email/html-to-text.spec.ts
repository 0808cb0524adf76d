import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('drops comments, head, script and style, and keeps the visible text', () => {
    expect(htmlToText('<html><head><title>T</title></head><!-- hidden --><script>var x = "<p>";</script><style>p { color: red }</style><body>Hello</body></html>')).toBe('Hello');
  });

  it('breaks lines at <br> and block ends and collapses other whitespace', () => {
    expect(htmlToText('<div>one\n   two</div><div>three<br/>four</div><table><tr><td>a</td><td>b</td></tr></table>')).toBe('one two\nthree\nfour\nab');
  });

  it('decodes named and numeric character references and leaves unknown ones alone', () => {
    expect(htmlToText('AT&amp;T &lt;3 &#233;&#xE9; &copy; &bogus; R&D')).toBe('AT&T <3 éé © &bogus; R&D');
  });
});
