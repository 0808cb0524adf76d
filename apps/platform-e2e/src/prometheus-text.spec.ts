import { labelsIn, metricNamesIn, parsePrometheusText, sumOf } from './prometheus-text';

describe('Prometheus text helpers', () => {
  it('parses samples with labels, escapes and timestamps', () => {
    const samples = parsePrometheusText('# HELP x_total X.\n# TYPE x_total counter\nx_total{a="1",b="say \\"hi\\""} 3\nx_total{a="2"} 4 1700000000\nup 1\n');
    expect(samples).toEqual([
      { name: 'x_total', labels: { a: '1', b: 'say "hi"' }, value: 3 },
      { name: 'x_total', labels: { a: '2' }, value: 4 },
      { name: 'up', labels: {}, value: 1 },
    ]);
    expect([sumOf(samples, 'x_total'), sumOf(samples, 'x_total', { a: '2' }), sumOf(samples, 'missing')]).toEqual([7, 4, 0]);
  });

  it('finds the metrics a PromQL expression reads, not its functions, labels or keywords', () => {
    expect(metricNamesIn('sum by (queue, state) (rate(a_total{state=~"x|y"}[5m])) / on (queue) group_left sum(b_count) > 0.5 and c == 0')).toEqual(['a_total', 'b_count', 'c']);
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le) (rate(d_bucket[$__rate_interval])))')).toEqual(['d_bucket']);
  });

  it('finds the labels a PromQL expression selects and groups by', () => {
    expect(labelsIn('sum by (queue, state) (max by (queue) (a{state=~"x|y", queue!="z"})) / b{service="g"}')).toEqual({
      selected: [
        { metric: 'a', label: 'state' },
        { metric: 'a', label: 'queue' },
        { metric: 'b', label: 'service' },
      ],
      grouped: ['queue', 'state', 'queue'],
    });
  });
});
