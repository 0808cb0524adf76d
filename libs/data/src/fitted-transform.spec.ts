import { InvalidArgumentError } from '@aiaas/errors';
import { applyTransform, fitTransform, inputColumns, type FittedTransform } from './fitted-transform';
import type { RawValue } from './raw-values';

const header = ['species', 'island', 'bill_length_mm', 'sex'];
const types = new Map([
  ['species', 'categorical' as const],
  ['island', 'categorical' as const],
  ['bill_length_mm', 'numeric' as const],
  ['sex', 'categorical' as const],
]);
const trainRows = [
  ['Adelie', 'Torgersen', '39', 'MALE'],
  ['Adelie', 'Biscoe', '41', 'FEMALE'],
  ['Gentoo', 'Biscoe', '47', 'NA'],
  ['Gentoo', 'Biscoe', '', 'MALE'],
];

function fitted(): FittedTransform {
  return fitTransform({ header, types, targetColumn: 'species', classes: ['Adelie', 'Gentoo'], rows: trainRows });
}

const fromCsvRow = (row: readonly RawValue[], column: string) => row[header.indexOf(column)];
const fromRecord = (record: Record<string, RawValue>, column: string) => record[column];
const describeRow = (index: number, column: string) => `records[${index}].fields.${column}`;

describe('fitTransform', () => {
  it('standardises numbers with the training mean and population std, ignoring missing values', () => {
    const numeric = fitted().features.find((feature) => feature.column === 'bill_length_mm');
    expect(numeric).toEqual({ kind: 'standardize', column: 'bill_length_mm', mean: 42.333333333333336, std: expect.closeTo(3.4, 1) as number });
  });

  it('orders vocabularies by frequency, then alphabetically, and leaves the target out', () => {
    const transform = fitted();
    expect(inputColumns(transform)).toEqual(['island', 'bill_length_mm', 'sex']);
    expect(transform.features[0]).toEqual({ kind: 'one-hot', column: 'island', vocabulary: ['Biscoe', 'Torgersen'] });
    expect(transform.features[2]).toEqual({ kind: 'one-hot', column: 'sex', vocabulary: ['MALE', 'FEMALE'] });
    expect(transform.featureCount).toBe(3 + 1 + 3);
  });

  it('learns only from the rows it is given', () => {
    const withTestRow = fitTransform({ header, types, targetColumn: 'species', classes: ['Adelie', 'Gentoo'], rows: [...trainRows, ['Gentoo', 'Dream', '100', 'MALE']] });
    expect(withTestRow.features[0]).toMatchObject({ vocabulary: ['Biscoe', 'Dream', 'Torgersen'] });
    expect(fitted().features[0]).toMatchObject({ vocabulary: ['Biscoe', 'Torgersen'] });
  });
});

describe('applyTransform', () => {
  it('encodes a row as standardised numbers and one-hot slots, with the extra slot for unseen or missing', () => {
    const transform = fitted();
    const features = applyTransform(transform, [['?', 'Dream', '', 'FEMALE']], fromCsvRow, describeRow);
    // island: Dream is unseen -> extra slot; bill length missing -> mean -> 0; sex FEMALE.
    expect(Array.from(features)).toEqual([0, 0, 1, 0, 0, 1, 0]);
  });

  it('gives byte-identical features for a CSV row and the same record sent as typed values', () => {
    const transform = fitted();
    const fromFile = applyTransform(transform, [['Adelie', 'Torgersen', '39.1', 'MALE']], fromCsvRow, describeRow);
    const fromRequest = applyTransform(transform, [{ island: 'Torgersen', bill_length_mm: 39.1, sex: 'MALE' }], fromRecord, describeRow);
    expect(Buffer.from(fromRequest.buffer)).toEqual(Buffer.from(fromFile.buffer));
  });

  it('names the record and field of a value that is not a number', () => {
    const transform = fitted();
    const records = [{ bill_length_mm: 40 }, { bill_length_mm: 'long' }];
    let error: unknown;
    try {
      applyTransform(transform, records, fromRecord, describeRow);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe('invalid records[1].fields.bill_length_mm: "long" is not a number; column "bill_length_mm" is numeric');
  });
});
