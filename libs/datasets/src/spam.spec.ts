import { InvalidArgumentError } from '@aiaas/errors';
import { parse } from 'csv-parse/sync';
import { SPAM_COLUMNS, spamCsv, spamJsonl, spamMessages } from './spam';

const HEADER_LINE = /^(Return-Path|Received|Delivered-To|Message-Id|Content-Type|Content-Transfer-Encoding|MIME-Version):/im;

describe('spamMessages', () => {
  it('returns the same seeded sample for the same options and another for another seed', () => {
    const sample = spamMessages({ limit: 40, seed: 7 });
    expect(spamMessages({ limit: 40, seed: 7 })).toEqual(sample);
    expect(spamMessages({ limit: 40, seed: 8 })).not.toEqual(sample);
  });

  it('balances the classes of a sample, the odd message going to ham, in mixed order', () => {
    const sample = spamMessages({ limit: 41, seed: 3 });
    expect(sample).toHaveLength(41);
    expect(sample.filter((message) => message.label === 'spam')).toHaveLength(20);
    const labels = sample.map((message) => message.label).join();
    // Shuffled, not all ham then all spam.
    expect(labels.startsWith(Array(21).fill('ham').join())).toBe(false);
  });

  it('gives bodies without mail headers and with subjects', () => {
    const sample = spamMessages({ limit: 60, seed: 11 });
    expect(sample.filter((message) => HEADER_LINE.test(message.body.split('\n\n')[0]!))).toEqual([]);
    expect(sample.filter((message) => message.subject !== '').length).toBeGreaterThan(55);
    expect(sample.filter((message) => message.body.length > 20).length).toBeGreaterThan(55);
  });

  it('hands out copies, so editing a message does not change the next call', () => {
    const [first] = spamMessages({ limit: 1 });
    first!.body = 'edited';
    expect(spamMessages({ limit: 1 })[0]!.body).not.toBe('edited');
  });

  it('returns nothing for limit 0 and rejects a negative or fractional limit or seed', () => {
    expect(spamMessages({ limit: 0 })).toEqual([]);
    expect(() => spamMessages({ limit: -1 })).toThrow(InvalidArgumentError);
    expect(() => spamMessages({ limit: 2.5 })).toThrow(/invalid limit/);
    expect(() => spamMessages({ seed: 0.5 })).toThrow(/invalid seed/);
  });

  // Reads and parses all 6,046 files once (about a second); the samples below reuse the cache.
  it('loads the whole corpus: 4,150 ham and 1,896 spam, nearly all with text', () => {
    const all = spamMessages();
    expect(all.filter((message) => message.label === 'ham')).toHaveLength(4_150);
    expect(all.filter((message) => message.label === 'spam')).toHaveLength(1_896);
    // Only image-only spam has no text at all.
    expect(all.filter((message) => message.body === '').length).toBeLessThan(30);
    expect(all.filter((message) => message.body.includes('\uFFFD')).length).toBeLessThan(10);
  });

  it('fills a sample larger than one class with the other class', () => {
    const sample = spamMessages({ limit: 5_000, seed: 1 });
    expect(sample.filter((message) => message.label === 'spam')).toHaveLength(1_896);
    expect(sample.filter((message) => message.label === 'ham')).toHaveLength(3_104);
    expect(spamMessages({ limit: 10_000 })).toHaveLength(6_046);
  });
});

describe('spamCsv', () => {
  it('writes label, subject and text, quoting cells so a CSV parser reads them back', () => {
    const csv = spamCsv({ limit: 30, seed: 5 });
    expect(csv.split('\n')[0]).toBe(SPAM_COLUMNS.join(','));
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    const messages = spamMessages({ limit: 30, seed: 5 });
    expect(rows).toHaveLength(30);
    rows.forEach((row, index) => {
      expect(row).toEqual({ label: messages[index]!.label, subject: messages[index]!.subject, text: expect.any(String) });
      expect(messages[index]!.body.startsWith(row['text']!)).toBe(true);
    });
    expect(rows.some((row) => /[,"\n]/.test(row['text']!))).toBe(true);
  });

  it('cuts bodies to maxBodyChars', () => {
    const rows = parse(spamCsv({ limit: 30, seed: 5, maxBodyChars: 100 }), { columns: true }) as Array<Record<string, string>>;
    expect(Math.max(...rows.map((row) => row['text']!.length))).toBeLessThanOrEqual(100);
    const defaults = parse(spamCsv({ limit: 30, seed: 5 }), { columns: true }) as Array<Record<string, string>>;
    expect(Math.max(...defaults.map((row) => row['text']!.length))).toBeGreaterThan(100);
    expect(Math.max(...defaults.map((row) => row['text']!.length))).toBeLessThanOrEqual(2_000);
    expect(() => spamCsv({ limit: 1, maxBodyChars: -1 })).toThrow(/invalid maxBodyChars/);
  });
});

describe('spamJsonl', () => {
  it('writes one JSON object per line matching the CSV rows', () => {
    const lines = spamJsonl({ limit: 12, seed: 9, maxBodyChars: 300 }).trimEnd().split('\n');
    const rows = parse(spamCsv({ limit: 12, seed: 9, maxBodyChars: 300 }), { columns: true }) as unknown[];
    expect(lines).toHaveLength(12);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(rows);
  });
});
