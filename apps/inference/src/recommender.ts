import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import type { RecommendRequest__Output, RecommendResponse } from '@aiaas/proto';
import type { LoadedVersion, ModelRepository } from './model-repository';
import { versionSelectorOf } from '@aiaas/registry';

/** Items a request gets when it does not say. */
const DEFAULT_K = 10;
const MAX_K = 1_000;

/** A recommender version's id tables: user ids to their index, and item ids by index. */
interface IdTables {
  readonly userColumn: string;
  readonly itemColumn: string;
  readonly userIndex: ReadonlyMap<string, number>;
  /** `items[i - 1]` is the id of item index i (0 is "unknown" and never recommended). */
  readonly items: readonly string[];
}

function idTablesOf(version: LoadedVersion): IdTables {
  const { model } = version.record.training;
  if (model.family !== 'recommender') {
    throw new FailedPreconditionError(`${version.record.modelName} version ${version.record.version} is a ${model.family} model; Recommend needs a recommender`);
  }
  const ids = (column: string) => {
    const encoder = version.encoder.transform.columns.find((candidate) => candidate.column === column);
    if (encoder?.type !== 'id') throw new FailedPreconditionError(`the transform of ${version.record.modelName} version ${version.record.version} does not index "${column}"; retrain it`);
    return encoder.ids;
  };
  const users = ids(model.userColumn);
  return { userColumn: model.userColumn, itemColumn: model.itemColumn, userIndex: new Map(users.map((id, index) => [id, index + 1])), items: ids(model.itemColumn) };
}

/** The indexes of the `k` highest scores, best first, skipping `excluded`; ties go to the lower index. */
function topIndexes(scores: Float32Array, k: number, excluded: ReadonlySet<number>): number[] {
  const candidates: number[] = [];
  for (let index = 0; index < scores.length; index++) if (!excluded.has(index)) candidates.push(index);
  candidates.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return candidates.slice(0, k);
}

/**
 * Answers Recommend: scores every item the version knows for one user with the model (one
 * batched prediction), and returns the best `k`.
 */
export class Recommender {
  private readonly tables = new WeakMap<LoadedVersion, IdTables>();

  constructor(private readonly repository: ModelRepository) {}

  private tablesOf(version: LoadedVersion): IdTables {
    let tables = this.tables.get(version);
    if (!tables) {
      tables = idTablesOf(version);
      this.tables.set(version, tables);
    }
    return tables;
  }

  async recommend(request: RecommendRequest__Output): Promise<RecommendResponse> {
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    if (!request.user) throw new InvalidArgumentError('user', 'is required: the id of the user to recommend for');
    const k = request.k || DEFAULT_K;
    if (k > MAX_K) throw new InvalidArgumentError('k', `must be at most ${MAX_K}, got ${k}`);
    return this.repository.use(request.model_name, versionSelectorOf(request), async (version) => {
      const tables = this.tablesOf(version);
      const user = tables.userIndex.get(request.user);
      if (user === undefined) {
        throw new NotFoundError(`user "${request.user}" is not in the training data of ${version.record.modelName} version ${version.record.version}; the model has no embedding for it`);
      }
      const itemCount = tables.items.length;
      const users = new Int32Array(itemCount).fill(user);
      const items = Int32Array.from({ length: itemCount }, (_, index) => index + 1);
      const inputs = version.record.inputs.map((input) => (input.name === tables.userColumn ? users : items));
      const scores = await version.run(inputs, itemCount);
      const excludedIds = new Set(request.exclude_items);
      const excluded = new Set<number>();
      tables.items.forEach((id, index) => excludedIds.has(id) && excluded.add(index));
      return {
        model_name: version.record.modelName,
        version: version.record.version,
        items: topIndexes(scores, k, excluded).map((index) => ({ item: tables.items[index]!, score: scores[index]! })),
      };
    });
  }
}
