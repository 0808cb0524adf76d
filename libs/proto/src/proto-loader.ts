import { loadPackageDefinition, type GrpcObject } from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProtoGrpcType as Gateway } from './generated/gateway';
import type { ProtoGrpcType as Preprocessing } from './generated/preprocessing';
import type { ProtoGrpcType as Training } from './generated/training';
import type { ProtoGrpcType as Evaluation } from './generated/evaluation';
import type { ProtoGrpcType as Inference } from './generated/inference';
import type { ProtoGrpcType as OpenInference } from './generated/grpc_service';

/** JSON can only name the conversion types that proto-loader expects as constructors. */
const CONVERSION_TYPES: Readonly<Record<string, unknown>> = { String, Number };

/**
 * The options every proto load uses. They are read from `loader-options.json`, which the type
 * generator (`scripts/generate-types.mjs`) reads too, so generated types match the wire.
 */
export const PROTO_LOADER_OPTIONS: Readonly<Options> = Object.freeze(
  Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(resolve(__dirname, '../loader-options.json'), 'utf8')) as Record<string, unknown>).map(
      ([name, value]) => [name, typeof value === 'string' ? CONVERSION_TYPES[value] ?? value : value],
    ),
  ) as Options,
);

/** Root of the `protos/` tree: three levels above this file in both `src/` and `dist/`. */
export const PROTO_ROOT = resolve(__dirname, '../../../protos');

/** The `.proto` files of one package directory under PROTO_ROOT, relative to PROTO_ROOT. */
function protoFilesIn(directory: string): string[] {
  return readdirSync(join(PROTO_ROOT, directory))
    .filter((file) => file.endsWith('.proto'))
    .sort()
    .map((file) => `${directory}/${file}`);
}

/** Every `aiaas.v1` proto file, relative to PROTO_ROOT. */
export function aiaasProtoFiles(): string[] {
  return protoFilesIn('aiaas/v1');
}

/** The Open Inference Protocol's proto files (package `inference`), relative to PROTO_ROOT. */
export function oipProtoFiles(): string[] {
  return protoFilesIn('inference');
}

/** All `aiaas.v1` services and messages, typed from the generated definitions. */
export type AiaasGrpcObject = Gateway & Preprocessing & Training & Evaluation & Inference;

/** The loaded `aiaas.v1` protos: the raw definition (for reflection) and the typed object. */
export interface AiaasProtos {
  readonly packageDefinition: PackageDefinition;
  readonly grpc: AiaasGrpcObject;
}

let cached: AiaasProtos | undefined;

/** Loads (once per process; the result is immutable) every `aiaas.v1` proto. */
export function loadAiaasProtos(): AiaasProtos {
  if (!cached) {
    const packageDefinition = loadSync(aiaasProtoFiles(), { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    const grpc = loadPackageDefinition(packageDefinition) as GrpcObject as unknown as AiaasGrpcObject;
    cached = { packageDefinition, grpc };
  }
  return cached;
}

/** The Open Inference Protocol v2 service and messages (package `inference`), typed from the generated definitions. */
export type OipGrpcObject = OpenInference;

/** The loaded OIP protos: the raw definition (for reflection) and the typed object. */
export interface OipProtos {
  readonly packageDefinition: PackageDefinition;
  readonly grpc: OipGrpcObject;
}

let cachedOip: OipProtos | undefined;

/**
 * Loads (once per process) the Open Inference Protocol's `inference` package with the same
 * options as `aiaas.v1`. A server serving both passes both definitions to reflection:
 * `{ ...loadAiaasProtos().packageDefinition, ...loadOipProtos().packageDefinition }`.
 */
export function loadOipProtos(): OipProtos {
  if (!cachedOip) {
    const packageDefinition = loadSync(oipProtoFiles(), { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    const grpc = loadPackageDefinition(packageDefinition) as GrpcObject as unknown as OipGrpcObject;
    cachedOip = { packageDefinition, grpc };
  }
  return cachedOip;
}
