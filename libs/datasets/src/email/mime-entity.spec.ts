import { parseContentType } from './content-type';
import { parseMimeEntity } from './mime-entity';

describe('parseMimeEntity', () => {
  it('splits headers from the body at the first blank line, unfolding headers and keeping the first of a name', () => {
    const entity = parseMimeEntity('From x  Mon\r\nSubject: a\r\n b\r\nX-Tag: 1\r\nx-tag: 2\r\n\r\nbody\r\n\r\nmore');
    expect(Object.fromEntries(entity.headers)).toEqual({ subject: 'a b', 'x-tag': '1' });
    expect(entity.body).toBe('body\n\nmore');
  });

  it('has no headers when the text opens with a blank line or a non-header line', () => {
    expect(parseMimeEntity('\nbody').headers.size).toBe(0);
    expect(parseMimeEntity('\nbody').body).toBe('body');
    expect(parseMimeEntity('Hello there\nSubject: not a header').body).toBe('Hello there\nSubject: not a header');
  });
});

describe('parseContentType', () => {
  it('reads the media type and quoted or bare parameters', () => {
    const type = parseContentType('Multipart/Alternative; BOUNDARY="=_a; b"; charset=utf-8');
    expect(type.mediaType).toBe('multipart/alternative');
    expect(Object.fromEntries(type.parameters)).toEqual({ boundary: '=_a; b', charset: 'utf-8' });
  });

  it('defaults to text/plain', () => {
    expect(parseContentType(undefined).mediaType).toBe('text/plain');
    expect(parseContentType('garbage').mediaType).toBe('text/plain');
  });
});
