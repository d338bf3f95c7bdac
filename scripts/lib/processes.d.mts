// Types of processes.mjs, for the TypeScript that imports it (apps/web/e2e/support/servers.ts).
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: string;
}

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string | undefined;
  exitStatus: ExitStatus | null;
  exited: Promise<ExitStatus>;
  output(): string;
  tail(count?: number): string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  name: string;
  command: string;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  prefix?: string;
  logFile?: string;
  graceMs?: number;
}

export interface HealthOptions {
  timeoutMs?: number;
  intervalMs?: number;
  accept?: (status: number) => boolean;
  abort?: Promise<unknown>;
}

export declare class HealthCheckError extends Error {
  reason: 'exited' | 'aborted' | 'timeout';
  url: string;
  exitStatus?: ExitStatus;
  last?: string;
}

export declare function run(
  command: string,
  args: string[],
  options?: SpawnOptions,
): Promise<number>;
export declare function capture(
  command: string,
  args: string[],
  options?: SpawnOptions,
): Promise<{ code: number; stdout: string; stderr: string }>;
export declare function startService(options: ServiceOptions): Service;
export declare function stopServices(services: Service[]): Promise<void>;
export declare function waitUntilHealthy(
  service: Pick<Service, 'name' | 'exitStatus'>,
  url: string,
  options?: HealthOptions,
): Promise<void>;
