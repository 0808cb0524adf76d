// Jest's node environment runs each spec in its own realm, with its own typed-array constructors.
// onnxruntime-node's addon makes its output arrays in the main realm, and onnxruntime-common
// then rejects them (`data instanceof Float32Array` is false across realms). Sharing the main
// realm's typed-array constructors with the specs makes ORT usable in tests.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class SharedTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = SharedTypedArraysEnvironment;
