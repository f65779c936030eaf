import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json';

/**
 * Where `npm run provision` (scripts/provision-temporal.sh) leaves the Temporal servers. Paths can be
 * overridden; when nothing is found the SDK falls back to downloading, which needs internet.
 */
export function cacheDir(): string {
  return process.env.DPA_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'dpa-orchestrator');
}

export function temporalCliPath(): string | undefined {
  const candidate =
    process.env.TEMPORAL_CLI_PATH ?? path.join(cacheDir(), 'temporal-cli', packageJson.config.temporalCliVersion, 'temporal');
  return existsSync(candidate) ? candidate : undefined;
}

export function temporalTestServerPath(): string | undefined {
  const candidate =
    process.env.TEMPORAL_TEST_SERVER_PATH ??
    path.join(cacheDir(), 'temporal-test-server', packageJson.config.temporalTestServerVersion, 'temporal-test-server');
  return existsSync(candidate) ? candidate : undefined;
}

/** The `executable` option of @temporalio/testing: the provisioned binary, or the SDK's own download. */
export function testingExecutable(found: string | undefined): { type: 'existing-path'; path: string } | { type: 'cached-download' } {
  return found ? { type: 'existing-path', path: found } : { type: 'cached-download' };
}
