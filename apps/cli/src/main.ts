#!/usr/bin/env node
import { ConfigError } from '@aiaas/config';
import { InvalidArgumentError, PlatformError } from '@aiaas/errors';
import type { Command, CliContext } from './cli-context';
import { canaryCommand } from './commands/canary';
import { policyCommand } from './commands/policy';
import { promoteCommand, rollbackCommand } from './commands/promote';
import { shadowCommand } from './commands/shadow';
import { cancelCommand } from './commands/cancel';
import { datasetsCommand } from './commands/datasets';
import { evaluateCommand } from './commands/evaluate';
import { exportCommand } from './commands/export';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { jobCommand, jobsCommand } from './commands/job';
import { keysCommand } from './commands/keys';
import { loginCommand, logoutCommand } from './commands/login';
import { modelsCommand } from './commands/models';
import { predictCommand } from './commands/predict';
import { recommendCommand } from './commands/recommend';
import { reportCommand } from './commands/report';
import { trainCommand } from './commands/train';
import { upCommand } from './commands/up';
import { uploadCommand } from './commands/upload';
import { watchCommand } from './commands/watch';
import { cliEnv } from './config';
import { CredentialsFile } from './credentials';
import { gatewayClientOptions, withGateway } from './gateway-session';

const COMMANDS: Readonly<Record<string, Command>> = {
  up: upCommand,
  upload: uploadCommand,
  import: importCommand,
  datasets: datasetsCommand,
  train: trainCommand,
  watch: watchCommand,
  job: jobCommand,
  jobs: jobsCommand,
  cancel: cancelCommand,
  predict: predictCommand,
  recommend: recommendCommand,
  models: modelsCommand,
  evaluate: evaluateCommand,
  report: reportCommand,
  export: exportCommand,
  promote: promoteCommand,
  rollback: rollbackCommand,
  canary: canaryCommand,
  shadow: shadowCommand,
  policy: policyCommand,
  login: loginCommand,
  logout: logoutCommand,
  keys: keysCommand,
  demo: demoCommand,
};

function usage(): string {
  const lines = ['usage: aiaas [--gateway HOST:PORT] [--api-key KEY] <command> [options]', '', 'commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)} ${command.summary}`, `           aiaas ${command.usage}`);
  lines.push('', 'environment: AIAAS_GATEWAY (default 127.0.0.1:50051), AIAAS_API_KEY (else the key `aiaas login` stored), REDIS_URL and AIAAS_DATA_DIR (for `up`)');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let gatewayFlag: string | undefined;
  let apiKeyFlag: string | undefined;
  while (args[0] === '--gateway' || args[0] === '--api-key') {
    if (args[0] === '--gateway') gatewayFlag = args[1];
    else apiKeyFlag = args[1];
    args.splice(0, 2);
  }
  const name = args.shift();
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name && name !== 'help' && name !== '--help' ? `unknown command "${name}"\n\n` : ''}${usage()}\n`);
    return name === 'help' || name === '--help' ? 0 : 2;
  }
  const config = cliEnv.parse({ ...process.env, ...(gatewayFlag ? { AIAAS_GATEWAY: gatewayFlag } : {}), ...(apiKeyFlag ? { AIAAS_API_KEY: apiKeyFlag } : {}) });
  const credentials = new CredentialsFile(config.credentials);
  const context: CliContext = {
    config,
    credentials,
    withGateway: (use) => withGateway(config.gateway, gatewayClientOptions(config, config.apiKey ?? credentials.keyFor(config.gateway)), use),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  return command.run(args, context);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof InvalidArgumentError || error instanceof PlatformError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error instanceof PlatformError && !(error instanceof InvalidArgumentError) ? 1 : 2;
    } else if (error instanceof TypeError && /parseArgs|Unknown option|ERR_PARSE_ARGS/.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
      process.stderr.write(`error: ${error.message}\n${usage()}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
