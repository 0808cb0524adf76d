import { roundTickProblems } from './markup-check.test-helpers';
import { clipPolyline, legend, legendLabel, legendLayout, linearScale, niceAxis, px, seriesStyle, truncateLabel } from './svg-chart';

describe('niceAxis', () => {
  it('puts ticks on round numbers inside a fixed domain', () => {
    expect(niceAxis(0, 1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceAxis(0, 0.87)).toEqual({ domain: [0, 0.87], ticks: [0, 0.2, 0.4, 0.6, 0.8], decimals: 1 });
  });

  it('widens a data-driven domain out to whole steps', () => {
    expect(niceAxis(0.13, 0.87, { extend: true })).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 });
    expect(niceAxis(50_000, 341_950, { extend: true }).domain).toEqual([0, 400_000]);
  });

  it.each([
    [0, 1],
    [0.013, 0.0871],
    [-3.7, 12.2],
    [1.2, 1.25],
    [50_000, 341_950],
    [0.45, 1.25],
    [7, 7],
  ])('ticks of [%p, %p] are round', (min, max) => {
    for (const extend of [false, true]) expect(roundTickProblems(niceAxis(min, max, { extend }).ticks)).toEqual([]);
  });

  it('ticks whole numbers only when asked (epochs)', () => {
    expect(niceAxis(1, 3, { integer: true }).ticks).toEqual([1, 2, 3]);
    expect(niceAxis(1, 1, { integer: true }).ticks).toEqual([0, 1, 2]);
  });

  it('refuses non-finite bounds', () => {
    expect(() => niceAxis(0, Number.NaN)).toThrow(RangeError);
  });
});

describe('linearScale', () => {
  it('maps the domain onto a possibly reversed range', () => {
    const scale = linearScale([0, 10], [300, 100]);
    expect([scale(0), scale(5), scale(10)]).toEqual([300, 200, 100]);
  });

  it('maps a degenerate domain to the middle of the range', () => {
    expect(linearScale([2, 2], [0, 100])(2)).toBe(50);
  });
});

describe('clipPolyline', () => {
  const area = { x: 0, y: 0, width: 10, height: 10 };

  it('keeps a line inside the area whole', () => {
    expect(clipPolyline([{ x: 1, y: 1 }, { x: 5, y: 5 }, { x: 9, y: 2 }], area)).toEqual([[{ x: 1, y: 1 }, { x: 5, y: 5 }, { x: 9, y: 2 }]]);
  });

  it('cuts a line where it leaves the area and resumes where it comes back', () => {
    const runs = clipPolyline([{ x: 5, y: 5 }, { x: 15, y: 5 }, { x: 15, y: 8 }, { x: 5, y: 8 }], area);
    expect(runs).toEqual([
      [{ x: 5, y: 5 }, { x: 10, y: 5 }],
      [{ x: 10, y: 8 }, { x: 5, y: 8 }],
    ]);
  });

  it('breaks a line at non-finite points and drops what never enters', () => {
    expect(clipPolyline([{ x: 1, y: 1 }, { x: 2, y: Number.NaN }, { x: 3, y: 3 }, { x: 4, y: 4 }], area)).toEqual([[{ x: 3, y: 3 }, { x: 4, y: 4 }]]);
    expect(clipPolyline([{ x: 20, y: 20 }, { x: 30, y: 20 }], area)).toEqual([]);
  });
});

describe('chart helpers', () => {
  it('cuts long labels with an ellipsis, never splitting a character', () => {
    expect(truncateLabel('short', 8)).toBe('short');
    expect(truncateLabel('a very long label', 8)).toBe('a very \u2026');
    expect(truncateLabel('\u{1F600}\u{1F600}\u{1F600}', 2)).toBe('\u{1F600}\u2026');
  });

  it('writes coordinates with at most two decimals and never -0', () => {
    expect([px(1.23456), px(-0.001), px(100)]).toEqual(['1.23', '0', '100']);
  });

  it('cycles the palette, then tells series apart by dashes', () => {
    expect(seriesStyle(0)).toEqual({ colour: '#0072B2', dash: '' });
    expect(seriesStyle(8)).toEqual({ colour: '#0072B2', dash: '6 3' });
  });

  it('cuts the name, not the trailing figure, of a long legend label', () => {
    expect(legendLabel('cancel subscription request (AUC 0.940)')).toBe('cancel subscripti\u2026 (AUC 0.940)');
    expect(legendLabel('dog (AUC 0.940)')).toBe('dog (AUC 0.940)');
  });

  it('lays a legend out in as many columns as its longest label allows', () => {
    const entry = (label: string) => ({ label, colour: '#000000', kind: 'line' as const });
    expect(legendLayout([entry('loss'), entry('validation loss')], 380)).toEqual({ columns: 2, columnWidth: 190, height: 18 });
    expect(legendLayout(Array.from({ length: 5 }, (_, index) => entry(`a label of some thirty chars ${index}`)), 380)).toMatchObject({ columns: 1, height: 90 });
  });

  it('escapes legend labels and keeps the full label as the tooltip', () => {
    const svg = legend([{ label: '<b>&"a very long label indeed, too long"', colour: '#000000', kind: 'line' }], 0, 0, 400);
    expect(svg).toContain('<title>&lt;b&gt;&amp;&quot;a very long label indeed, too long&quot;</title>');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;a very long label indeed\u2026</text>');
  });
});
