import type { Redis } from 'ioredis';
import type { Logger } from '@aiaas/observability';
import { aliasEventSchema, type Registry } from '@aiaas/registry';
import type { ModelRepository } from '../model-repository';
import type { ShadowMirror } from './shadow-mirror';

function parsed(message: string): unknown {
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}

/** What takes up the registry's announcements on this replica. */
export interface RegistryEventListeners {
  readonly repository: ModelRepository;
  readonly mirror: ShadowMirror;
  readonly logger: Logger;
}

/**
 * Follows the registry's announcements on `subscriber` (a connection of its own): alias moves,
 * traffic-split and version-policy changes, which the repository takes up once the versions
 * concerned are warm, and shadow deployments started or ended, which the mirror reads again. A malformed message
 * is logged and ignored.
 */
export async function followRegistryEvents(subscriber: Redis, registry: Pick<Registry, 'models' | 'shadows'>, listeners: RegistryEventListeners): Promise<void> {
  const { repository, mirror, logger } = listeners;
  const { models, shadows } = registry;
  // Announcements that only name a model, and who takes each up.
  const modelEvents = new Map<string, (modelName: string) => void>([
    [models.trafficSplitEventsChannel, (modelName) => repository.trafficSplitChanged(modelName)],
    [models.versionPolicyEventsChannel, (modelName) => repository.versionPolicyChanged(modelName)],
    [shadows.eventsChannel, (modelName) => mirror.changed(modelName)],
  ]);
  await subscriber.subscribe(models.aliasEventsChannel, ...modelEvents.keys());
  subscriber.on('message', (channel: string, message: string) => {
    const body = parsed(message);
    const takeUp = modelEvents.get(channel);
    if (takeUp) {
      const modelName = (body as { modelName?: unknown } | undefined)?.modelName;
      if (typeof modelName === 'string') takeUp(modelName);
      else logger.warn('ignored a malformed registry event', { channel, message });
      return;
    }
    const event = aliasEventSchema.safeParse(body);
    if (event.success) repository.aliasMoved(event.data.modelName, event.data.alias, event.data.version);
    else logger.warn('ignored a malformed alias event', { message });
  });
}
