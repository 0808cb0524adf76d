import { wellFormednessProblems, roundTickProblems } from './markup-check.test-helpers';

// The checker guards every other spec here, so it must reject what it claims to.
describe('wellFormednessProblems (test helper)', () => {
  it('accepts well-formed SVG and HTML', () => {
    expect(wellFormednessProblems('<svg a="1"><g><text x="2">a &amp; b &lt; c &#39; &#x41;</text><rect/></g></svg>', 'xml')).toEqual([]);
    expect(wellFormednessProblems('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>x</title></head><body><p>&mdash;</p></body></html>', 'html')).toEqual([]);
  });

  it.each([
    ['an unclosed tag', '<svg><g></svg>', /closes <g>/],
    ['a stray end tag', '<svg></g></svg>', /closes <svg>/],
    ['an unquoted attribute', '<svg a=1></svg>', /malformed tag/],
    ['a bare < in text', '<svg>a < b</svg>', /bare '<'/],
    ['a bare & in text', '<svg>a & b</svg>', /bare or unknown '&'/],
    ['a bare & in an attribute', '<svg a="x & y"></svg>', /attribute a/],
    ['a < in an attribute', '<svg a="<b>"></svg>', /'<' in attribute a/],
    ['a duplicate attribute', '<svg a="1" a="2"></svg>', /duplicate attribute a/],
    ['an HTML entity in XML', '<svg>&nbsp;</svg>', /unknown '&'/],
    ['two roots in XML', '<svg></svg><svg></svg>', /one root element/],
    ['text outside the root', '<svg></svg>tail', /outside the root/],
    ['a void element in XML', '<svg><meta></svg>', /closes <meta>/],
  ])('rejects %s', (_, markup, problem) => {
    expect(wellFormednessProblems(markup, 'xml').join('\n')).toMatch(problem);
  });
});

describe('roundTickProblems (test helper)', () => {
  it('accepts steps of 1, 2 or 5 times a power of ten and rejects others', () => {
    expect(roundTickProblems([0, 0.2, 0.4, 0.6])).toEqual([]);
    expect(roundTickProblems([-50, 0, 50, 100])).toEqual([]);
    expect(roundTickProblems([0, 0.3, 0.6]).join()).toMatch(/not 1, 2 or 5/);
    expect(roundTickProblems([0.1, 0.3, 0.5]).join()).toMatch(/not a multiple/);
  });
});
