import { parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads the pages from the hash, decoding names', () => {
    expect(parseRoute('')).toEqual({ page: 'overview' });
    expect(parseRoute('#/')).toEqual({ page: 'overview' });
    expect(parseRoute('#/jobs/job-1')).toEqual({ page: 'job', jobId: 'job-1' });
    expect(parseRoute('#/models/my%20model')).toEqual({ page: 'model', modelName: 'my model', version: undefined });
    expect(parseRoute('#/models/penguins/versions/12')).toEqual({ page: 'model', modelName: 'penguins', version: 12 });
  });

  it('falls back to the overview for anything else', () => {
    for (const hash of ['#/models/penguins/versions/0', '#/models/penguins/versions/x', '#/jobs', '#/nothing/here', '#/models/%E0%A4%A']) {
      expect(parseRoute(hash)).toEqual({ page: 'overview' });
    }
  });
});
