import { AlreadyExistsError, NotFoundError } from '@aiaas/errors';
import type { Principal, Tenancy } from '@aiaas/registry';

/** Most owners remembered at once. */
const KNOWN_OWNERS = 100_000;

/**
 * The caller's tenant's view of datasets, jobs and models: what another tenant owns (or nobody
 * does) is NOT_FOUND, worded as for a resource that does not exist, so a key never learns what
 * other tenants have.
 */
export class TenantScope {
  /**
   * Owners already read. An owner never changes once recorded, so a known one is kept (a
   * Redis round trip less on every prediction); an unknown one is asked again, since it may be
   * recorded later.
   */
  private readonly owners = new Map<string, string>();

  constructor(private readonly tenancy: Tenancy) {}

  async dataset(principal: Principal, datasetId: string): Promise<void> {
    if ((await this.ownerOf('dataset', datasetId)) !== principal.tenant) throw NotFoundError.of('dataset', datasetId);
  }

  async job(principal: Principal, jobId: string): Promise<void> {
    if ((await this.ownerOf('job', jobId)) !== principal.tenant) throw NotFoundError.of('job', jobId);
  }

  async model(principal: Principal, modelName: string): Promise<void> {
    if ((await this.ownerOf('model', modelName)) !== principal.tenant) throw NotFoundError.of('model', modelName, 'train it with StartPipeline first');
  }

  private async ownerOf(kind: 'dataset' | 'job' | 'model', id: string): Promise<string | undefined> {
    const key = `${kind}\u0000${id}`;
    const known = this.owners.get(key);
    if (known !== undefined) return known;
    const owner = await this.tenancy.ownerOf(kind, id);
    if (owner !== undefined) {
      if (this.owners.size >= KNOWN_OWNERS) this.owners.clear();
      this.owners.set(key, owner);
    }
    return owner;
  }

  /** Records the caller's tenant as the owner of a resource it just created. */
  async own(principal: Principal, kind: 'dataset' | 'job', id: string): Promise<void> {
    await this.tenancy.claim(kind, id, principal.tenant);
  }

  /**
   * Claims a model name for the caller's tenant, or confirms it has it. Model names are one
   * namespace: a name another tenant trains under is refused (that much it learns).
   */
  async claimModel(principal: Principal, modelName: string): Promise<void> {
    if (!(await this.tenancy.claim('model', modelName, principal.tenant))) {
      throw new AlreadyExistsError(`the model name "${modelName}" is taken by another tenant; choose another name`);
    }
  }
}
