import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpamAssassinCorpus } from './spam-assassin-corpus';

describe('SpamAssassinCorpus', () => {
  let dataDirectory: string;

  beforeEach(() => {
    // A corpus laid out like the package's data folder, three messages small.
    dataDirectory = mkdtempSync(join(tmpdir(), 'spam-corpus-'));
    for (const folder of ['easy-ham-1', 'spam-2']) mkdirSync(join(dataDirectory, folder));
    writeFileSync(join(dataDirectory, 'file_list.json'), JSON.stringify(['easy-ham-1/00001.a.txt', 'spam-2/00001.b.txt', 'spam-2/00002.c.txt']));
    writeFileSync(join(dataDirectory, 'easy-ham-1/00001.a.txt'), 'Received: by x\nSubject: lunch?\n\nShall we?\n');
    writeFileSync(join(dataDirectory, 'spam-2/00001.b.txt'), Buffer.from('Subject: =?iso-8859-1?Q?gagnez_=E0_coup_s=FBr?=\nContent-Type: text/plain; charset=iso-8859-1\n\nPrix \xe9norme\n', 'latin1'));
  });

  afterEach(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('labels each file by its folder without reading the messages', () => {
    expect(new SpamAssassinCorpus(dataDirectory).files().map((file) => file.label)).toEqual(['ham', 'spam', 'spam']);
  });

  it('parses a message on request, decoding its declared charset', () => {
    const corpus = new SpamAssassinCorpus(dataDirectory);
    expect(corpus.message(0)).toEqual({ label: 'ham', subject: 'lunch?', body: 'Shall we?' });
    expect(corpus.message(1)).toEqual({ label: 'spam', subject: 'gagnez à coup sûr', body: 'Prix énorme' });
  });

  it('reads each file once and reads only the files asked for', () => {
    const corpus = new SpamAssassinCorpus(dataDirectory);
    const first = corpus.message(0);
    rmSync(join(dataDirectory, 'easy-ham-1/00001.a.txt'));
    expect(corpus.message(0)).toBe(first);
    // Message 2 has no file at all: only asking for it fails.
    expect(() => corpus.message(2)).toThrow(/ENOENT/);
  });

  it('rejects an index outside the corpus', () => {
    expect(() => new SpamAssassinCorpus(dataDirectory).message(3)).toThrow(RangeError);
  });
});
