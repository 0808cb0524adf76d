import { confusionMatrixSvg } from './confusion-matrix-svg';
import { elements, readNumber, wellFormednessProblems } from './markup-check.test-helpers';

const EVIL = '<script>alert(1)</script> & "x"';

function manyClasses(n: number): { labels: string[]; matrix: number[] } {
  const labels = Array.from({ length: n }, (_, index) => `class number ${index} with a rather long name`);
  const matrix = Array.from({ length: n * n }, (_, index) => (Math.floor(index / n) === index % n ? 1_000 + index : index % 7));
  return { labels, matrix };
}

/**
 * Whether neighbouring labels along an axis keep clear of each other, from their attributes:
 * upright labels need their estimated width (0.6 em a character) within the spacing; labels
 * turned 45° lie `spacing × sin 45°` apart, which must hold their font size.
 */
function overlaps(svg: string): string[] {
  const problems: string[] = [];
  const columns = elements(svg, 'text', 'column-label');
  columns.slice(1).forEach((label, index) => {
    const previous = columns[index]!;
    const spacing = Number(label.attributes['x']) - Number(previous.attributes['x']);
    const font = Number(label.attributes['font-size']);
    const rotated = /^rotate\(-45 /.test(label.attributes['transform'] ?? '');
    const needed = rotated ? font / Math.SQRT1_2 : Array.from(label.text).length * 0.6 * font;
    if (needed > spacing) problems.push(`column labels ${index} and ${index + 1} overlap: need ${needed}, have ${spacing}`);
  });
  const rows = elements(svg, 'text', 'row-label');
  rows.slice(1).forEach((label, index) => {
    const spacing = Number(label.attributes['y']) - Number(rows[index]!.attributes['y']);
    if (Number(label.attributes['font-size']) > spacing) problems.push(`row labels ${index} and ${index + 1} overlap`);
  });
  return problems;
}

describe('confusionMatrixSvg', () => {
  it('draws one cell per pair of classes, labelled with its count', () => {
    const svg = confusionMatrixSvg(['cat', 'dog', 'bird'], [4_100, 300, 100, 250, 3_900, 150, 120, 180, 3_245]);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'rect', 'cell')).toHaveLength(9);
    expect(elements(svg, 'text', 'count').map((count) => count.text)).toEqual(['4,100', '300', '100', '250', '3,900', '150', '120', '180', '3,245']);
    expect(elements(svg, 'text', 'row-label').map((label) => label.text)).toEqual(['cat', 'dog', 'bird']);
    expect(elements(svg, 'text', 'axis-label').map((label) => label.text)).toEqual(['true', 'predicted']);
  });

  it('colours cells by their share of the row, not by the raw count', () => {
    // Row 0 is all on the diagonal (100%); row 1 splits 50/50 with ten times the count.
    const svg = confusionMatrixSvg(['a', 'b'], [10, 0, 100, 100]);
    const fills = elements(svg, 'rect', 'cell').map((cell) => cell.attributes['fill']);
    expect(fills[0]).toBe('#08306b');
    expect(fills[1]).toBe('#f7fbff');
    expect(fills[2]).toBe(fills[3]);
    expect(fills[2]).not.toBe(fills[0]);
  });

  it('leaves a class that never occurs pale instead of dividing by zero', () => {
    const svg = confusionMatrixSvg(['a', 'b'], [5, 5, 0, 0]);
    expect(elements(svg, 'rect', 'cell').map((cell) => cell.attributes['fill'])).toEqual(['#6baed6', '#6baed6', '#f7fbff', '#f7fbff']);
  });

  it('survives counts that are not numbers, showing them as a dash', () => {
    const svg = confusionMatrixSvg(['a', 'b'], [Number.NaN, 1, 2, 3]);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'text', 'count').map((count) => count.text)).toEqual(['\u2014', '1', '2', '3']);
  });

  it('shows a hostile label only escaped', () => {
    const svg = confusionMatrixSvg([EVIL, 'ok'], [1, 2, 3, 4]);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('"x"');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    // The visible label is cut before escaping, so a cut never splits an entity.
    expect(elements(svg, 'text', 'row-label')[0]!.text).toBe('<script>alert(1)</scrip\u2026');
  });

  it('keeps two classes large and their labels upright', () => {
    const svg = confusionMatrixSvg(['negative', 'positive'], [50, 5, 3, 42]);
    const columns = elements(svg, 'text', 'column-label');
    expect(columns.map((label) => label.attributes['transform'])).toEqual([undefined, undefined]);
    expect(columns.map((label) => label.attributes['font-size'])).toEqual(['12', '12']);
    expect(Number(elements(svg, 'rect', 'cell')[0]!.attributes['width'])).toBe(64);
    expect(overlaps(svg)).toEqual([]);
  });

  it('renders 30 classes with shrunk, turned and shortened labels that do not overlap', () => {
    const { labels, matrix } = manyClasses(30);
    const svg = confusionMatrixSvg(labels, matrix);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'rect', 'cell')).toHaveLength(900);
    expect(elements(svg, 'text', 'count').map((count) => readNumber(count.text))).toEqual(matrix);
    const columns = elements(svg, 'text', 'column-label');
    expect(columns.every((label) => /^rotate\(-45 /.test(label.attributes['transform']!))).toBe(true);
    expect(columns.every((label) => Array.from(label.text).length <= 20 && label.text.endsWith('\u2026'))).toBe(true);
    expect(overlaps(svg)).toEqual([]);
  });

  it('fits the counts inside their cells', () => {
    const { labels, matrix } = manyClasses(30);
    const svg = confusionMatrixSvg(labels, matrix);
    const cell = Number(elements(svg, 'rect', 'cell')[0]!.attributes['width']);
    const font = Number(/<g class="cells" font-size="([\d.]+)"/.exec(svg)![1]);
    const widest = Math.max(...elements(svg, 'text', 'count').map((count) => count.text.length));
    expect(widest * 0.6 * font).toBeLessThanOrEqual(cell - 4);
  });

  it('refuses a matrix of the wrong size', () => {
    expect(() => confusionMatrixSvg(['a', 'b'], [1, 2, 3])).toThrow('a confusion matrix of 2 classes needs 4 counts, got 3');
  });

  it('gives the same bytes for the same data', () => {
    const { labels, matrix } = manyClasses(12);
    expect(confusionMatrixSvg(labels, matrix)).toBe(confusionMatrixSvg([...labels], [...matrix]));
  });
});
