import type { Redis } from 'ioredis';
import type { Logger } from '@aiaas/observability';
import { aliasEventSchema, type ModelRegistry } from '@aiaas/registry';
import type { ModelRepository } from '../model-repository';

function parsed(message: string): unknown {
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}

/**
 * Follows the registry's announcements on `subscriber` (a connection of its own): alias moves
 * and traffic-split changes, which the repository takes up once the version concerned is warm.
 * A malformed message is logged and ignored.
 */
export async function followRegistryEvents(subscriber: Redis, models: ModelRegistry, repository: ModelRepository, logger: Logger): Promise<void> {
  await subscriber.subscribe(models.aliasEventsChannel, models.trafficSplitEventsChannel);
  subscriber.on('message', (channel: string, message: string) => {
    const body = parsed(message);
    if (channel === models.trafficSplitEventsChannel) {
      const modelName = (body as { modelName?: unknown } | undefined)?.modelName;
      if (typeof modelName === 'string') repository.trafficSplitChanged(modelName);
      else logger.warn('ignored a malformed traffic-split event', { message });
      return;
    }
    const event = aliasEventSchema.safeParse(body);
    if (event.success) repository.aliasMoved(event.data.modelName, event.data.alias, event.data.version);
    else logger.warn('ignored a malformed alias event', { message });
  });
}
