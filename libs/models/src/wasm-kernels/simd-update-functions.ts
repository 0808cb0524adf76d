import { F32, FunctionBody, I32, V128, type FunctionDefinition, type ValueType } from './wasm-binary';

/** An expression over the lanes: a named input, scalar or earlier step, or an operation on them. */
type Expression = string | readonly ['add' | 'sub' | 'mul' | 'div', Expression, Expression] | readonly ['sqrt', Expression];

/**
 * What one elementwise function computes: per element, `steps` in order (each names its
 * value), and `outputs` (steps) stored to the output arrays. Written once, it is emitted as a
 * four-lane loop and a one-lane loop for the tail, which compute the same operations.
 */
interface ElementwiseUpdate {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly scalars: readonly string[];
  readonly steps: ReadonlyArray<readonly [string, Expression]>;
}

function elementwise(update: ElementwiseUpdate): FunctionDefinition {
  const { inputs, outputs, scalars, steps } = update;
  const parameters: ValueType[] = [...inputs.map((): ValueType => I32), ...outputs.map((): ValueType => I32), I32, ...scalars.map((): ValueType => F32)];
  const f = new FunctionBody(parameters.length);
  const countParameter = inputs.length + outputs.length;
  const scalarParameter = (index: number) => countParameter + 1 + index;
  const offset = f.local(I32);
  const bytes = f.local(I32);
  const vectorBytes = f.local(I32);
  const splats = scalars.map(() => f.local(V128));
  scalars.forEach((_, index) => f.get(scalarParameter(index)).f32x4Splat().set(splats[index]!));
  f.get(countParameter).i32Const(2).i32Shl().set(bytes);
  f.get(bytes).i32Const(-16).i32And().set(vectorBytes);
  f.i32Const(0).set(offset);

  const pass = (vector: boolean) => {
    const type = vector ? V128 : F32;
    const values = new Map<string, number>();
    inputs.forEach((name) => values.set(name, f.local(type)));
    steps.forEach(([name]) => values.set(name, f.local(type)));
    const emit = (expression: Expression): void => {
      if (typeof expression === 'string') {
        const scalarIndex = scalars.indexOf(expression);
        if (scalarIndex >= 0) f.get(vector ? splats[scalarIndex]! : scalarParameter(scalarIndex));
        else {
          const local = values.get(expression);
          if (local === undefined) throw new Error(`${update.name}: ${expression} is used before it is computed`);
          f.get(local);
        }
        return;
      }
      const [operation, ...operands] = expression;
      operands.forEach(emit);
      switch (operation) {
        case 'add':
          return void (vector ? f.f32x4Add() : f.f32Add());
        case 'sub':
          return void (vector ? f.f32x4Sub() : f.f32Sub());
        case 'mul':
          return void (vector ? f.f32x4Mul() : f.f32Mul());
        case 'div':
          return void (vector ? f.f32x4Div() : f.f32Div());
        case 'sqrt':
          return void (vector ? f.f32x4Sqrt() : f.f32Sqrt());
      }
    };
    f.repeat(() => {
      f.get(offset).get(vector ? vectorBytes : bytes).i32GeS().brIf(1);
      inputs.forEach((name, index) => {
        f.get(index).get(offset).i32Add();
        if (vector) f.v128Load();
        else f.f32Load();
        f.set(values.get(name)!);
      });
      for (const [name, expression] of steps) {
        emit(expression);
        f.set(values.get(name)!);
      }
      outputs.forEach((name, index) => {
        f.get(inputs.length + index).get(offset).i32Add().get(values.get(name)!);
        if (vector) f.v128Store();
        else f.f32Store();
      });
      f.get(offset).i32Const(vector ? 16 : 4).i32Add().set(offset);
    });
  };
  pass(true);
  pass(false);
  return { name: update.name, parameters, results: [], body: f };
}

/*
 * Each update is tfjs-core 4.22's own, operation for operation (see its optimizers'
 * applyGradients): the same products, sums and quotients of float32 values, so the same bits.
 */
const UPDATES: readonly ElementwiseUpdate[] = [
  {
    name: 'adam',
    inputs: ['x', 'g', 'm', 'v'],
    outputs: ['newX', 'newM', 'newV'],
    scalars: ['beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'oneMinusAccBeta1', 'oneMinusAccBeta2', 'epsilon', 'negativeRate'],
    steps: [
      ['newM', ['add', ['mul', 'm', 'beta1'], ['mul', 'g', 'oneMinusBeta1']]],
      ['newV', ['add', ['mul', 'v', 'beta2'], ['mul', ['mul', 'g', 'g'], 'oneMinusBeta2']]],
      ['mHat', ['div', 'newM', 'oneMinusAccBeta1']],
      ['vHat', ['div', 'newV', 'oneMinusAccBeta2']],
      ['newX', ['add', ['mul', ['div', 'mHat', ['add', ['sqrt', 'vHat'], 'epsilon']], 'negativeRate'], 'x']],
    ],
  },
  {
    name: 'rmsprop',
    inputs: ['x', 'g', 'meanSquare', 'moment'],
    outputs: ['newX', 'newMeanSquare', 'newMoment'],
    scalars: ['decay', 'oneMinusDecay', 'momentum', 'rate', 'epsilon'],
    steps: [
      ['newMeanSquare', ['add', ['mul', 'meanSquare', 'decay'], ['mul', ['mul', 'g', 'g'], 'oneMinusDecay']]],
      ['newMoment', ['add', ['mul', 'moment', 'momentum'], ['div', ['mul', 'g', 'rate'], ['sqrt', ['add', 'newMeanSquare', 'epsilon']]]]],
      ['newX', ['sub', 'x', 'newMoment']],
    ],
  },
  {
    name: 'momentum',
    inputs: ['x', 'g', 'accumulation'],
    outputs: ['newX', 'newAccumulation'],
    scalars: ['momentum', 'negativeRate'],
    steps: [
      ['newAccumulation', ['add', ['mul', 'momentum', 'accumulation'], 'g']],
      ['newX', ['add', ['mul', 'negativeRate', 'newAccumulation'], 'x']],
    ],
  },
  {
    name: 'nesterov',
    inputs: ['x', 'g', 'accumulation'],
    outputs: ['newX', 'newAccumulation'],
    scalars: ['momentum', 'negativeRate'],
    steps: [
      ['newAccumulation', ['add', ['mul', 'momentum', 'accumulation'], 'g']],
      ['newX', ['add', ['mul', 'negativeRate', ['add', 'g', ['mul', 'newAccumulation', 'momentum']]], 'x']],
    ],
  },
  {
    name: 'sgd',
    inputs: ['x', 'g'],
    outputs: ['newX'],
    scalars: ['negativeRate'],
    steps: [['newX', ['add', ['mul', 'negativeRate', 'g'], 'x']]],
  },
  {
    name: 'adagrad',
    inputs: ['x', 'g', 'accumulator'],
    outputs: ['newX', 'newAccumulator'],
    scalars: ['epsilon', 'negativeRate'],
    steps: [
      ['newAccumulator', ['add', 'accumulator', ['mul', 'g', 'g']]],
      ['newX', ['add', ['mul', ['div', 'g', ['sqrt', ['add', 'newAccumulator', 'epsilon']]], 'negativeRate'], 'x']],
    ],
  },
];

/** The optimiser update functions of the SIMD module (see `SimdKernels.adam` and the rest). */
export function updateFunctions(): FunctionDefinition[] {
  return UPDATES.map(elementwise);
}
