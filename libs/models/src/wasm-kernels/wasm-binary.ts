/**
 * Just enough of the WebAssembly binary format to write small SIMD kernels in TypeScript: a
 * module that imports its memory and exports functions, with the instructions those kernels
 * use. No toolchain is needed at build or run time; the kernels' code is readable where they
 * are written (see `simd-module.ts`).
 */

/** Value types, by their binary codes. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F32 | typeof V128;

/** Appends `value` as unsigned LEB128. */
function unsignedLeb(out: number[], value: number): void {
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
}

/** Appends a 32-bit `value` as signed LEB128. */
function signedLeb(out: number[], value: number): void {
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

const SIMD_PREFIX = 0xfd;
/** log2 of the natural alignment of 4- and 16-byte accesses, as memory instructions state it. */
const ALIGN_4 = 2;
const ALIGN_16 = 4;

/**
 * The body of one function: its extra locals and its instructions, written in order as the
 * text format would list them. Each method appends one instruction; `local` declares a local
 * and returns its index (parameters come first).
 */
export class FunctionBody {
  private readonly code: number[] = [];
  private readonly localTypes: ValueType[] = [];

  constructor(private readonly parameterCount: number) {}

  /** Declares a local of `type`; returns its index. */
  local(type: ValueType): number {
    this.localTypes.push(type);
    return this.parameterCount + this.localTypes.length - 1;
  }

  get(index: number): this {
    return this.byte(0x20).unsigned(index);
  }
  set(index: number): this {
    return this.byte(0x21).unsigned(index);
  }
  tee(index: number): this {
    return this.byte(0x22).unsigned(index);
  }
  i32Const(value: number): this {
    this.code.push(0x41);
    signedLeb(this.code, value);
    return this;
  }
  f32Const(value: number): this {
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    this.code.push(0x43, ...bytes);
    return this;
  }
  i32Add(): this {
    return this.byte(0x6a);
  }
  i32Sub(): this {
    return this.byte(0x6b);
  }
  i32Mul(): this {
    return this.byte(0x6c);
  }
  i32And(): this {
    return this.byte(0x71);
  }
  i32Shl(): this {
    return this.byte(0x74);
  }
  /** Signed comparisons: 1 or 0. */
  i32LtS(): this {
    return this.byte(0x48);
  }
  i32GtS(): this {
    return this.byte(0x4a);
  }
  i32LeS(): this {
    return this.byte(0x4c);
  }
  i32GeS(): this {
    return this.byte(0x4e);
  }
  i32Eqz(): this {
    return this.byte(0x45);
  }
  f32Load(offset = 0): this {
    return this.byte(0x2a).memarg(ALIGN_4, offset);
  }
  f32Store(offset = 0): this {
    return this.byte(0x38).memarg(ALIGN_4, offset);
  }
  f32Add(): this {
    return this.byte(0x92);
  }
  f32Sub(): this {
    return this.byte(0x93);
  }
  f32Mul(): this {
    return this.byte(0x94);
  }
  f32Div(): this {
    return this.byte(0x95);
  }
  f32Sqrt(): this {
    return this.byte(0x91);
  }
  v128Load(offset = 0): this {
    return this.simd(0x00).memarg(ALIGN_16, offset);
  }
  /** Loads one f32 and fills all four lanes with it. */
  v128Load32Splat(offset = 0): this {
    return this.simd(0x09).memarg(ALIGN_4, offset);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).memarg(ALIGN_16, offset);
  }
  f32x4Splat(): this {
    return this.simd(0x13);
  }
  f32x4ExtractLane(lane: number): this {
    return this.simd(0x1f).byte(lane);
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Sub(): this {
    return this.simd(0xe5);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  f32x4Div(): this {
    return this.simd(0xe7);
  }
  f32x4Sqrt(): this {
    return this.simd(0xe3);
  }
  /** `block` with no result; `br` to it jumps past its `end`. */
  block(): this {
    return this.byte(0x02).byte(0x40);
  }
  /** `loop` with no result; `br` to it jumps back to its start. */
  loop(): this {
    return this.byte(0x03).byte(0x40);
  }
  /** `if` with no result, on the i32 on the stack. */
  if(): this {
    return this.byte(0x04).byte(0x40);
  }
  else(): this {
    return this.byte(0x05);
  }
  end(): this {
    return this.byte(0x0b);
  }
  br(depth: number): this {
    return this.byte(0x0c).unsigned(depth);
  }
  brIf(depth: number): this {
    return this.byte(0x0d).unsigned(depth);
  }

  /**
   * Appends `body` inside `block loop … end end`: `br 1` (or `brIf(1)`) from it leaves the
   * loop, `br 0` repeats it. The body is responsible for its own exit test.
   */
  repeat(body: () => void): this {
    this.block().loop();
    body();
    return this.br(0).end().end();
  }

  /** The encoded body: local declarations, instructions, `end`. */
  encode(): number[] {
    const out: number[] = [];
    unsignedLeb(out, this.localTypes.length);
    for (const type of this.localTypes) out.push(1, type);
    out.push(...this.code, 0x0b);
    return out;
  }

  private byte(value: number): this {
    this.code.push(value);
    return this;
  }
  private unsigned(value: number): this {
    unsignedLeb(this.code, value);
    return this;
  }
  private simd(opcode: number): this {
    this.code.push(SIMD_PREFIX);
    unsignedLeb(this.code, opcode);
    return this;
  }
  private memarg(align: number, offset: number): this {
    return this.unsigned(align).unsigned(offset);
  }
}

/** A function of a module: its export name, signature and body. */
export interface FunctionDefinition {
  readonly name: string;
  readonly parameters: readonly ValueType[];
  readonly results: readonly ValueType[];
  readonly body: FunctionBody;
}

function section(out: number[], id: number, content: number[]): void {
  out.push(id);
  unsignedLeb(out, content.length);
  out.push(...content);
}

function name(out: number[], text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  unsignedLeb(out, bytes.length);
  out.push(...bytes);
}

/**
 * A module that imports its linear memory as `env.memory` and exports `functions` by name,
 * each with its own signature.
 */
export function encodeModule(functions: readonly FunctionDefinition[]): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  unsignedLeb(types, functions.length);
  for (const { parameters, results } of functions) {
    types.push(0x60);
    unsignedLeb(types, parameters.length);
    types.push(...parameters);
    unsignedLeb(types, results.length);
    types.push(...results);
  }
  section(out, 1, types);

  const imports: number[] = [1];
  name(imports, 'env');
  name(imports, 'memory');
  // A memory of at least one page, no maximum: any memory the host passes matches.
  imports.push(0x02, 0x00, 0x01);
  section(out, 2, imports);

  const declarations: number[] = [];
  unsignedLeb(declarations, functions.length);
  functions.forEach((_, index) => unsignedLeb(declarations, index));
  section(out, 3, declarations);

  const exports: number[] = [];
  unsignedLeb(exports, functions.length);
  functions.forEach((definition, index) => {
    name(exports, definition.name);
    exports.push(0x00);
    unsignedLeb(exports, index);
  });
  section(out, 7, exports);

  const code: number[] = [];
  unsignedLeb(code, functions.length);
  for (const { body } of functions) {
    const encoded = body.encode();
    unsignedLeb(code, encoded.length);
    code.push(...encoded);
  }
  section(out, 10, code);
  return Uint8Array.from(out);
}
