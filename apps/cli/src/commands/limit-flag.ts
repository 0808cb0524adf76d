import { InvalidArgumentError } from '@aiaas/errors';

/** `--limit`'s value: a whole number of 0 or more, 0 (the server's default) when not given. */
export function limitFlag(text: string | undefined): number {
  const limit = text === undefined ? 0 : Number(text);
  if (!Number.isInteger(limit) || limit < 0) throw new InvalidArgumentError('--limit', `expected a whole number, got "${text}"`);
  return limit;
}
