import { elements, wellFormednessProblems } from './markup-check.test-helpers';
import { renderReportHtml } from './render-report-html';
import type { ReportData } from './report-data';
import { classificationReport, regressionReport } from './report-fixtures.test-helpers';

const EVIL = '<script>alert(1)</script> & "x"';
const EVIL_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;';

/** The text of each cell of each body row of the table with class `className`. */
function tableRows(html: string, className: string): string[][] {
  const table = new RegExp(`<table class="${className}">([\\s\\S]*?)</table>`).exec(html);
  if (!table) return [];
  const body = table[1]!.replace(/<thead>[\s\S]*?<\/thead>/, '');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]*>/g, '')),
  );
}

/** The class names of the figures (charts) on the page, in order. */
function figureNames(html: string): string[] {
  return [...html.matchAll(/<figure class="([^"]*)">/g)].map((match) => match[1]!.split(' ')[0]!);
}

/** Problems of the page and of each inline SVG on its own, as XML. */
function markupProblems(html: string): string[] {
  const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
  return [...wellFormednessProblems(html, 'html'), ...svgs.flatMap((svg) => wellFormednessProblems(svg, 'xml'))];
}

function sequenceReport(): ReportData {
  return {
    model: { name: 'translator', version: 2, task: 'sequence', family: 'seq2seq', createdAt: 0 },
    dataset: { id: 'pairs', split: 'test', rows: 40 },
    headline: [{ name: 'BLEU', value: 0.31, higherIsBetter: true }],
  };
}

describe('renderReportHtml', () => {
  it('renders every section a classifier report has data for, all well formed', () => {
    const html = renderReportHtml(classificationReport());
    expect(markupProblems(html)).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(figureNames(html)).toEqual(['confusion-matrix', 'roc', 'pr', 'reliability', 'training']);
    expect(html).toContain('<table class="headline">');
    expect(html).toContain('<table class="per-class">');
    expect(html).toContain('<table class="slices">');
    expect(html).toContain('<strong>\u2713 Blessed</strong>test accuracy 0.873 &gt;= min_accuracy 0.800');
    expect(elements(html, 'dd').map((item) => item.text)).toEqual(['classification', 'mlp', '2024-05-01 12:30 UTC', 'pets-2024', 'test', '12,345', 'v3']);
  });

  it('leaves out what a regressor report has no data for', () => {
    const html = renderReportHtml(regressionReport());
    expect(markupProblems(html)).toEqual([]);
    expect(figureNames(html)).toEqual(['scatter']);
    expect(html).not.toContain('class="verdict');
    expect(html).not.toContain('per-class');
    expect(html).not.toContain('slices');
    expect(tableRows(html, 'headline')).toEqual([
      ['RMSE', '21,345.678'],
      ['R²', '0.812'],
    ]);
  });

  it('leaves out the charts section when there is nothing to chart, and empty sections too', () => {
    const html = renderReportHtml(sequenceReport());
    expect(markupProblems(html)).toEqual([]);
    expect(html).not.toContain('<figure');
    expect(html).not.toContain('<svg');
    const bare = renderReportHtml({ ...sequenceReport(), headline: [], training: { loss: [], validationLoss: [] }, slices: [] });
    expect(bare).not.toContain('<table');
    expect(bare).not.toContain('class="charts"');
  });

  it('shows the baseline and a delta whose arrow follows the change and whose colour follows higherIsBetter', () => {
    const html = renderReportHtml(classificationReport());
    expect(tableRows(html, 'headline')).toEqual([
      ['accuracy', '0.873', '0.850', '\u25B2 +0.023'],
      ['macro F1', '0.810', '0.830', '\u25BC \u22120.020'],
      ['log loss', '0.350', '0.410', '\u25BC \u22120.060'],
      ['ECE', '\u2014', '0.050', '\u2014'],
    ]);
    expect(html).toContain('<th class="num">Baseline v3</th>');
    const deltas = elements(html, 'td', 'delta').map((cell) => cell.attributes['class']);
    // Accuracy up is better, F1 down is worse, loss down is better; no delta without a value.
    expect(deltas).toEqual(['num delta better', 'num delta worse', 'num delta better', 'num delta']);
  });

  it('marks a higher error as worse and an unchanged metric as neither', () => {
    const data: ReportData = {
      ...sequenceReport(),
      headline: [
        { name: 'error', value: 0.2, baseline: 0.1, higherIsBetter: false },
        { name: 'same', value: 0.5, baseline: 0.5, higherIsBetter: true },
      ],
    };
    const html = renderReportHtml(data);
    expect(elements(html, 'td', 'delta').map((cell) => [cell.attributes['class'], cell.text])).toEqual([
      ['num delta worse', '\u25B2 +0.100'],
      ['num delta same', '\u00B10.000'],
    ]);
  });

  it('escapes every piece of user-controlled text', () => {
    const base = classificationReport();
    const classification = base.classification!;
    const data: ReportData = {
      ...base,
      model: { ...base.model, name: EVIL, family: EVIL },
      dataset: { ...base.dataset, id: EVIL, split: EVIL },
      verdict: { blessed: false, reason: EVIL },
      headline: [{ name: EVIL, value: 1, baseline: 0.5, higherIsBetter: true }],
      classification: {
        ...classification,
        labels: [EVIL, 'dog', 'bird'],
        perClass: classification.perClass.map((entry, index) => (index === 0 ? { ...entry, label: EVIL } : entry)),
        roc: classification.roc.map((curve, index) => (index === 0 ? { ...curve, label: EVIL } : curve)),
        pr: classification.pr.map((curve, index) => (index === 0 ? { ...curve, label: EVIL } : curve)),
      },
      slices: [{ column: EVIL, value: EVIL, rows: 1, metrics: { [EVIL]: 0.5 } }],
    };
    const html = renderReportHtml(data);
    expect(markupProblems(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('"x"');
    expect(html).toContain(`<title>${EVIL_ESCAPED} v4 \u00B7 evaluation report</title>`);
    expect(html).toContain(`<h1>${EVIL_ESCAPED} <span class="version">v4</span></h1>`);
    expect(tableRows(html, 'slices')[0]!.slice(0, 2)).toEqual([EVIL_ESCAPED, EVIL_ESCAPED]);
    expect(tableRows(html, 'per-class')[0]![0]).toBe(EVIL_ESCAPED);
  });

  it('sorts slices by column then value (numbers numerically) with metrics as columns', () => {
    const html = renderReportHtml(classificationReport());
    expect(html).toContain('<th>Column</th><th>Value</th><th class="num">Rows</th><th class="num">accuracy</th><th class="num">macro F1</th>');
    expect(tableRows(html, 'slices')).toEqual([
      ['age', '9', '500', '0.700', '\u2014'],
      ['10', '1,000', '0.900', '\u2014'],
      ['region', 'north', '3,000', '0.880', '0.820'],
      ['south', '2,000', '0.860', '0.800'],
    ]);
  });

  it('lists per-class scores with thousands-separated support', () => {
    expect(tableRows(renderReportHtml(classificationReport()), 'per-class')).toEqual([
      ['cat', '0.910', '0.911', '0.910', '4,500'],
      ['dog', '0.890', '0.907', '0.898', '4,300'],
      ['bird', '0.926', '0.910', '0.918', '3,545'],
    ]);
  });

  it('is self-contained: no scripts and nothing loaded from elsewhere', () => {
    const html = renderReportHtml(classificationReport());
    for (const forbidden of [/<script/i, /<link/i, /<img/i, /<iframe/i, /<object/i, /<embed/i, /\ssrc=/i, /\shref=/i, /url\(/i, /@import/i, /\son[a-z]+=/i]) {
      expect(html).not.toMatch(forbidden);
    }
  });

  it('gives the same bytes for the same data', () => {
    const data = classificationReport();
    const first = renderReportHtml(data);
    expect(renderReportHtml(data)).toBe(first);
    expect(renderReportHtml(structuredClone(data))).toBe(first);
    expect(renderReportHtml(regressionReport())).toBe(renderReportHtml(regressionReport()));
  });

  it('shows a creation time it cannot read as a dash instead of throwing', () => {
    const html = renderReportHtml({ ...sequenceReport(), model: { ...sequenceReport().model, createdAt: Number.NaN } });
    expect(elements(html, 'dd')[2]!.text).toBe('\u2014');
  });
});
