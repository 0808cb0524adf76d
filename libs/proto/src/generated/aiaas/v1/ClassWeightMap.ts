// Original file: protos/aiaas/v1/training_spec.proto


export interface ClassWeightMap {
  'weights'?: ({[key: string]: number | string});
}

export interface ClassWeightMap__Output {
  'weights': ({[key: string]: number});
}
