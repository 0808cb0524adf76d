import { attr, OnnxGraphBuilder } from './onnx-graph-builder';

describe('OnnxGraphBuilder', () => {
  it('hands out names unique across values and nodes, numbered in the order asked for', () => {
    const graph = new OnnxGraphBuilder();
    expect([graph.uniqueName('x'), graph.uniqueName('x'), graph.uniqueName('x')]).toEqual(['x', 'x_2', 'x_3']);
    expect(graph.op('Relu', ['x'], 'x')).toBe('x_4');
    expect(graph.node('TopK', ['x', 'k'], 'top', { outputs: 2 })).toEqual(['top_0', 'top_1']);
  });

  it('stores constants as little-endian raw data and refuses a shape that does not fit the values', () => {
    const graph = new OnnxGraphBuilder();
    graph.constant('c', 'int64', [2], [1, -1]);
    graph.constant('f', 'float32', [], [0.5]);
    const [int64s, float] = graph.toGraph('g', [], []).initializer;
    expect(Array.from(int64s!.raw_data)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255]);
    expect(Array.from(float!.raw_data)).toEqual([0, 0, 0, 63]);
    expect(() => graph.constant('bad', 'float32', [2, 2], [1, 2, 3])).toThrow('constant bad has 3 values for shape [2, 2]');
  });

  it('refuses an integer attribute that is not an integer', () => {
    expect(() => new OnnxGraphBuilder().op('Flatten', ['x'], 'y', { axis: attr.int(1.5) })).toThrow('attribute axis must be an integer, got 1.5');
  });
});
