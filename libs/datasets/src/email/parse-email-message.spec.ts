import { parseEmailMessage } from './parse-email-message';

/** A message as the corpus files hold it: bytes, one character each. */
function bytesOf(text: string, encoding: BufferEncoding = 'utf8'): string {
  return Buffer.from(text, encoding).toString('latin1');
}

const HEADERS = [
  'From someone@example.com  Thu Aug 22 12:36:23 2002',
  'Return-Path: <someone@example.com>',
  'Received: from mail.example.com (mail [10.0.0.1])',
  '\tby relay.example.org with ESMTP id 123',
  'Subject: Meeting at noon,',
  '  bring "snacks"',
  'Message-Id: <1@example.com>',
].join('\r\n');

describe('parseEmailMessage', () => {
  it('keeps the unfolded subject and drops every other header', () => {
    const message = parseEmailMessage(bytesOf(`${HEADERS}\r\n\r\nSee you there.\r\nReceived: this line is body text\r\n`));
    expect(message.subject).toBe('Meeting at noon, bring "snacks"');
    expect(message.body).toBe('See you there.\nReceived: this line is body text');
  });

  it('decodes RFC 2047 subjects in their charset, joining adjacent encoded words', () => {
    const subject = '=?iso-8859-1?Q?Caf=E9_cr=E8me?= =?utf-8?B?4oKsIDUw?= off';
    expect(parseEmailMessage(bytesOf(`Subject: ${subject}\n\nbody`)).subject).toBe('Café crème€ 50 off');
  });

  it('gives an empty subject when there is none, and treats text without headers as body', () => {
    expect(parseEmailMessage(bytesOf('To: a@b.c\n\nhello'))).toEqual({ subject: '', body: 'hello' });
    expect(parseEmailMessage(bytesOf('just some text\nover two lines'))).toEqual({ subject: '', body: 'just some text\nover two lines' });
  });

  it('prefers the plain-text alternative and decodes quoted-printable in the declared charset', () => {
    const raw = [
      'Subject: offer',
      'Content-Type: multipart/alternative; boundary="=_b1"',
      '',
      'This is a multi-part message in MIME format.',
      '--=_b1',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Prix sp=E9cial, une ligne coup=',
      '=E9e en deux.',
      '--=_b1',
      'Content-Type: text/html',
      '',
      '<p>HTML version</p>',
      '--=_b1--',
      'epilogue',
    ].join('\n');
    expect(parseEmailMessage(bytesOf(raw))).toEqual({ subject: 'offer', body: 'Prix spécial, une ligne coupée en deux.' });
  });

  it('turns an HTML-only body into text and decodes base64', () => {
    const html = '<html><head><title>x</title><style>p{}</style></head><body><p>Buy&nbsp;<b>now</b> &amp; save</p><br>50&#37; off &euro;9</body></html>';
    const raw = ['Subject: deal', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(html).toString('base64').replace(/(.{76})/g, '$1\n')].join('\n');
    expect(parseEmailMessage(bytesOf(raw)).body).toBe('Buy now & save\n50% off €9');
  });

  it('reads the text parts of a mixed message and skips attachments and non-text parts', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'first part',
      '--inner--',
      '--outer',
      'Content-Type: image/gif',
      'Content-Transfer-Encoding: base64',
      '',
      'R0lGODlhAQABAAAAACw=',
      '--outer',
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'attached notes',
      '--outer',
      'Content-Type: message/rfc822',
      '',
      'Subject: forwarded',
      '',
      'forwarded text',
      '--outer--',
    ].join('\n');
    expect(parseEmailMessage(bytesOf(raw)).body).toBe('first part\n\nforwarded text');
  });

  it('reads undeclared 8-bit text as UTF-8 when it is valid and as windows-1252 otherwise', () => {
    expect(parseEmailMessage(bytesOf('Subject: s\n\nnaïve café')).body).toBe('naïve café');
    expect(parseEmailMessage(bytesOf('Subject: s\n\nnaïve café', 'latin1')).body).toBe('naïve café');
  });

  it('tidies blank lines and trailing spaces', () => {
    expect(parseEmailMessage(bytesOf('Subject: s\n\n\n  hello   \n\n\n\n\nworld  \n\n')).body).toBe('hello\n\nworld');
  });
});
