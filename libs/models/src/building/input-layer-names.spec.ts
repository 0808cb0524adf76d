import { inputLayerNames } from './input-layer-names';

describe('inputLayerNames', () => {
  it('turns each run of characters TF.js rejects into one underscore, behind an input_ prefix', () => {
    expect(inputLayerNames(['body', 'numeric features', ' Prix (€) ', '2nd-column.x', '%%'])).toEqual([
      'input_body',
      'input_numeric_features',
      'input_Prix',
      'input_2nd_column_x',
      'input_unnamed',
    ]);
  });

  it('keeps names unique, numbering repeats in order', () => {
    expect(inputLayerNames(['a b', 'a_b', 'a-b', 'a_b_2'])).toEqual(['input_a_b', 'input_a_b_2', 'input_a_b_3', 'input_a_b_2_2']);
  });
});
