import { InvalidArgumentError } from '@aiaas/errors';
import type { InferInput, InferRequest, InferResult } from './infer-request';

type JsonObject = { readonly [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `data` flattened row-major. The REST form allows the natural nesting ([[1, 2], [3, 4]]) as
 * well as the flat one; nesting deeper than the declared shape answers undefined. Iterative, so
 * no input can exhaust the stack.
 */
function flatten(data: readonly unknown[], maxDepth: number): unknown[] | undefined {
  const values: unknown[] = [];
  const stack: { readonly array: readonly unknown[]; index: number }[] = [{ array: data, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index >= top.array.length) {
      stack.pop();
      continue;
    }
    const value = top.array[top.index++];
    if (Array.isArray(value)) {
      if (stack.length >= maxDepth) return undefined;
      stack.push({ array: value, index: 0 });
    } else {
      values.push(value);
    }
  }
  return values;
}

function inputOf(value: unknown, index: number): InferInput {
  if (!isObject(value)) throw new InvalidArgumentError(`inputs[${index}]`, 'must be an object with "name", "shape", "datatype" and "data"');
  if (typeof value['name'] !== 'string') throw new InvalidArgumentError(`inputs[${index}].name`, 'must be a string');
  const name = value['name'];
  const field = `inputs[${index}] "${name}"`;
  const { datatype, shape, data, parameters } = value;
  if (typeof datatype !== 'string') throw new InvalidArgumentError(field, 'datatype must be a string such as "FP32"');
  if (!Array.isArray(shape) || !shape.every((size) => typeof size === 'number')) throw new InvalidArgumentError(field, 'shape must be an array of whole numbers');
  if (isObject(parameters) && parameters['binary_data_size'] !== undefined) {
    throw new InvalidArgumentError(field, 'uses the binary tensor data extension, which this server does not support; send the values as JSON "data"');
  }
  if (!Array.isArray(data)) throw new InvalidArgumentError(field, 'data must be an array of the values, flat or nested row-major');
  const values = flatten(data, Math.max(shape.length, 1));
  if (!values) throw new InvalidArgumentError(field, `data nests deeper than its ${shape.length}-dimensional shape`);
  return { name, datatype, shape: shape as number[], data: { kind: 'values', values, source: 'data' } };
}

/**
 * An inference request from the HTTP/JSON form's body (`{"id", "inputs": [{"name", "shape",
 * "datatype", "data"}], "outputs": [{"name"}]}`) and the model and version of its URL.
 * Request and output `parameters` are accepted and ignored.
 */
export function inferRequestFromJson(body: unknown, modelName: string, modelVersion: string): InferRequest {
  if (!isObject(body)) throw new InvalidArgumentError('body', 'must be a JSON object with "inputs"');
  const { id, inputs, outputs } = body;
  if (id !== undefined && typeof id !== 'string') throw new InvalidArgumentError('id', 'must be a string');
  if (!Array.isArray(inputs)) throw new InvalidArgumentError('inputs', 'must be an array of input tensors');
  if (outputs !== undefined && !Array.isArray(outputs)) throw new InvalidArgumentError('outputs', 'must be an array of {"name"} objects');
  const names = (outputs ?? []).map((output: unknown, index: number) => {
    if (!isObject(output) || typeof output['name'] !== 'string') throw new InvalidArgumentError(`outputs[${index}]`, 'must be an object with a string "name"');
    return output['name'];
  });
  return { modelName, modelVersion, id: id ?? '', inputs: inputs.map(inputOf), outputs: names };
}

/** The HTTP/JSON form of a result: outputs with flat `data` arrays; `id` only when the request had one. */
export function inferResultToJson(result: InferResult): JsonObject {
  return {
    model_name: result.modelName,
    model_version: result.modelVersion,
    ...(result.id ? { id: result.id } : {}),
    outputs: result.outputs.map((output) => ({ name: output.name, datatype: output.datatype, shape: [...output.shape], data: Array.from(output.values) })),
  };
}
