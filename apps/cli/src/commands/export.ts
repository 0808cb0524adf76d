import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Command } from '../cli-context';
import { versionSelectorFromFlags } from './version-flags';

export const exportCommand: Command = {
  usage: 'export NAME --out model.onnx [--version N | --alias A]',
  summary: "download a version's model as an ONNX file (to serve it in Triton, KServe or ONNX Runtime), with its inputs and outputs",
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, version: { type: 'string' }, alias: { type: 'string' } } });
    const model = positionals[0];
    if (!model) throw new InvalidArgumentError('model', 'name the model: aiaas export NAME --out model.onnx');
    if (!values.out) throw new InvalidArgumentError('--out', 'is required: the file to write the ONNX model to');
    const out = values.out;
    return context.withGateway(async (gateway) => {
      const exported = await gateway.exportModel({ model_name: model, ...versionSelectorFromFlags(values) });
      await writeFile(out, exported.onnx);
      const describe = (tensors: typeof exported.inputs) => tensors.map((tensor) => `${tensor.name} ${tensor.dtype} [${tensor.shape.join(', ')}]`).join(', ');
      context.out(`wrote ${exported.model_name} version ${exported.version} to ${out} (${exported.onnx.length} bytes)`);
      context.out(`  inputs: ${describe(exported.inputs)}`);
      context.out(`  outputs: ${describe(exported.outputs)}`);
      return 0;
    });
  },
};
