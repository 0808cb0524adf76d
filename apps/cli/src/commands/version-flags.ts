import { InvalidArgumentError } from '@aiaas/errors';

/** `--version N` or `--alias NAME` as a request's version selector; neither means "production". */
export function versionSelectorFromFlags(values: { readonly version?: string; readonly alias?: string }): { version: number } | { alias: string } | Record<string, never> {
  if (values.version !== undefined && values.alias !== undefined) throw new InvalidArgumentError('--version', 'give --version or --alias, not both');
  if (values.version !== undefined) {
    const version = Number(values.version);
    if (!Number.isInteger(version) || version < 1) throw new InvalidArgumentError('--version', `expected a version number, got "${values.version}"`);
    return { version };
  }
  return values.alias !== undefined ? { alias: values.alias } : {};
}
