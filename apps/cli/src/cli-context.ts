import type { GatewayClient } from '@aiaas/proto';
import type { CliConfig } from './config';
import type { CredentialsFile } from './credentials';

/** What every command gets: configuration, a gateway client, and where to print. */
export interface CliContext {
  readonly config: CliConfig;
  /** Runs `use` with a client of the gateway at `--gateway` or AIAAS_GATEWAY, sending the API key, then closes it. */
  withGateway<T>(use: (gateway: GatewayClient) => Promise<T>): Promise<T>;
  /** The API keys `aiaas login` stored. */
  readonly credentials: CredentialsFile;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A command: its usage line and what it does; resolves to the process exit code. */
export interface Command {
  readonly usage: string;
  readonly summary: string;
  run(args: string[], context: CliContext): Promise<number>;
}
