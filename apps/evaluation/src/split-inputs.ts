import type { SplitData } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import type { ModelVersionRecord } from '@aiaas/registry';

/**
 * The model's inputs for the rows of a split, in the order the version record lists them (or
 * `inputs` of them): each the split's tensor of that name. Throws FailedPreconditionError when
 * the split lacks one, or holds it with another dtype or width than the version was trained on.
 */
export function splitInputs(
  record: ModelVersionRecord,
  split: SplitData,
  splitName: string,
  inputs: ModelVersionRecord['inputs'] = record.inputs,
): (Float32Array | Int32Array)[] {
  const which = `version ${record.version} of ${record.modelName}`;
  return inputs.map((input) => {
    const values = split.tensors[input.name];
    if (values === undefined) {
      const held = Object.keys(split.tensors);
      throw new FailedPreconditionError(
        `${which} takes the input "${input.name}", but its ${splitName} split holds only ${held.length === 0 ? 'no tensors' : held.map((name) => `"${name}"`).join(', ')}; rerun the pipeline so preprocessing and training agree`,
      );
    }
    const dtype = values instanceof Float32Array ? 'float32' : 'int32';
    if (dtype !== input.dtype || values.length !== split.rows * input.width) {
      throw new FailedPreconditionError(
        `${which} takes "${input.name}" as ${input.dtype} [rows, ${input.width}], but its ${splitName} split holds ${values.length} ${dtype} values for ${split.rows} rows; rerun the pipeline so preprocessing and training agree`,
      );
    }
    return values;
  });
}
