// The dependency check bites: a file that breaks a rule (a layer of the API, the domain package's
// boundary, or a boundary between the services of stage 4) makes dependency-cruiser fail with a
// message that names the rule and both files. The probes are written into the real source tree (and
// removed), so the test holds the real configuration against the real layout.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binDir, repoRoot } from '../lib/paths.mjs';
import { capture } from '../lib/processes.mjs';
import { layerGraph, layerOf } from '../lib/layers.mjs';

const src = 'apps/api/src';
const written = [];

/** Writes a probe file at a path relative to the repository; removed (with any folder it needed) after each test. */
function probeAt(relative, body) {
  const file = path.join(repoRoot, relative);
  const createdDir = mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body);
  written.push(createdDir ?? file);
  return relative;
}

const probe = (relative, body) => probeAt(`${src}/${relative}`, body);

const cruise = (...targets) =>
  capture(path.join(binDir, 'depcruise'), [...targets, '--config', '.dependency-cruiser.cjs'], {
    cwd: repoRoot,
  });

afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { recursive: true, force: true });
});

describe('the layer check', () => {
  it('refuses an upward import, naming the rule and both files', async () => {
    const from = probe(
      'infrastructure/zz-bite-probe.ts',
      "import { appRouter } from '../presentation/root';\nexport const probe = appRouter;\n",
    );
    const { code, stdout } = await cruise(from);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(
      new RegExp(`infrastructure-not-upward: ${from} → ${src}/presentation/root\\.ts`),
    );
  }, 60_000);

  it('refuses Prisma outside infrastructure and tRPC outside presentation', async () => {
    const from = probe(
      'application/zz-bite-probe.ts',
      "import type { PrismaClient } from '@shop/db/client';\n" +
        "import { TRPCError } from '@trpc/server';\n" +
        'export type Probe = PrismaClient;\nexport const probe = TRPCError;\n',
    );
    const { code, stdout } = await cruise(from);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(new RegExp(`prisma-only-in-infrastructure: ${from} → packages/db/`));
    expect(stdout).toMatch(new RegExp(`trpc-only-in-presentation: ${from} → node_modules/@trpc/`));
  }, 60_000);

  it('refuses a file outside the three layers', async () => {
    const from = probe('zz-bite-probe.ts', "import { z } from 'zod';\nexport const probe = z;\n");
    const { code, stdout } = await cruise(from);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(new RegExp(`every-file-in-a-layer: ${from} → `));
  }, 60_000);
});

describe('the domain package boundary', () => {
  it('refuses Prisma and file I/O in packages/domain', async () => {
    const from = probeAt(
      'packages/domain/src/shared/zz-bite-probe.ts',
      "import type { PrismaClient } from '@shop/db/client';\n" +
        "import { readFileSync } from 'node:fs';\n" +
        'export type Probe = PrismaClient;\nexport const probe = readFileSync;\n',
    );
    const { code, stdout } = await cruise(from);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(new RegExp(`domain-package-is-pure: ${from} → packages/db/`));
    expect(stdout).toMatch(new RegExp(`domain-package-does-no-io: ${from} → (node:)?fs`));
  }, 60_000);

  it("refuses one context reaching into another's internals", async () => {
    probeAt('packages/domain/src/zz-probe-a/rules.ts', 'export const rule = 1;\n');
    const from = probeAt(
      'packages/domain/src/zz-probe-b/uses-a.ts',
      "import { rule } from '../zz-probe-a/rules';\nexport const probe = rule;\n",
    );
    const { code, stdout } = await cruise(from);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(
      new RegExp(
        `contexts-talk-through-published-types: ${from} → packages/domain/src/zz-probe-a/rules\\.ts`,
      ),
    );
  }, 60_000);
});

describe('the service boundaries', () => {
  it("refuses the worker in the API, and the API's database or model in the worker", async () => {
    const fromApi = probe(
      'infrastructure/zz-bite-probe.ts',
      "import { loadEnv } from '@shop/worker/src/env';\nexport const probe = loadEnv;\n",
    );
    const fromWorker = probeAt(
      'apps/worker/src/payment/zz-bite-probe.ts',
      "import type { PrismaClient } from '@shop/db/client';\n" +
        "import type { Order } from '@shop/domain/ordering/order';\n" +
        'export type Probe = [PrismaClient, Order];\n',
    );
    const { code, stdout } = await cruise(fromApi, fromWorker);
    expect(code).not.toBe(0);
    const rule = 'api-and-worker-share-only-contracts';
    expect(stdout).toMatch(new RegExp(`${rule}: ${fromApi} → apps/worker/src/env\\.ts`));
    expect(stdout).toMatch(new RegExp(`${rule}: ${fromWorker} → packages/db/`));
    expect(stdout).toMatch(new RegExp(`${rule}: ${fromWorker} → packages/domain/`));
  }, 60_000);

  it('keeps the card processor outside: it imports only the contract, and only tests import it', async () => {
    const inProcessor = probeAt(
      'apps/card-processor/src/zz-bite-probe.ts',
      "import { envelopeSchema } from '@shop/events/envelope';\nexport const probe = envelopeSchema;\n",
    );
    const importsProcessor =
      "import { startCardProcessor } from '@shop/card-processor/server';\n" +
      'export const probe = startCardProcessor;\n';
    const inWorker = probeAt('apps/worker/src/payment/zz-bite-probe.ts', importsProcessor);
    const inTest = probeAt('apps/worker/src/payment/zz-bite-probe.test.ts', importsProcessor);
    const { code, stdout } = await cruise(inProcessor, inWorker, inTest);
    expect(code).not.toBe(0);
    const rule = 'card-processor-is-outside';
    expect(stdout).toMatch(new RegExp(`${rule}: ${inProcessor} → packages/events/`));
    expect(stdout).toMatch(
      new RegExp(`${rule}: ${inWorker} → apps/card-processor/src/server\\.ts`),
    );
    expect(stdout).not.toContain(inTest);
  }, 60_000);

  it('keeps the events contract to zod and the event bus to its transport', async () => {
    const inEvents = probeAt(
      'packages/events/src/zz-bite-probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    );
    const inBus = probeAt(
      'packages/event-bus/src/zz-bite-probe.ts',
      "import type { PrismaClient } from '@shop/db/client';\nexport type Probe = PrismaClient;\n",
    );
    const { code, stdout } = await cruise(inEvents, inBus);
    expect(code).not.toBe(0);
    const rule = 'events-contract-is-pure';
    expect(stdout).toMatch(new RegExp(`${rule}: ${inEvents} → (node:)?fs`));
    expect(stdout).toMatch(new RegExp(`${rule}: ${inBus} → packages/db/`));
  }, 60_000);

  it("keeps the worker's database out of its model and its HTTP side, not out of a new context", async () => {
    const inModel = probeAt(
      'apps/worker/src/payment/domain/zz-bite-probe.ts',
      "import type { Tx } from '../../db/pool';\nexport type Probe = Tx;\n",
    );
    const inHttp = probeAt(
      'apps/worker/src/http/zz-bite-probe.ts',
      "import { createPool } from '../db/pool';\nexport const probe = createPool;\n",
    );
    const inNewContext = probeAt(
      'apps/worker/src/zz-probe-context/zz-bite-probe-repository.ts',
      "import pg from 'pg';\nimport { inTransaction } from '../db/pool';\n" +
        'export const probe = [pg, inTransaction];\n',
    );
    const { code, stdout } = await cruise(inModel, inHttp, inNewContext);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(
      new RegExp(`worker-model-is-pure: ${inModel} → apps/worker/src/db/pool\\.ts`),
    );
    expect(stdout).toMatch(
      new RegExp(`worker-http-is-handed-its-pool: ${inHttp} → apps/worker/src/db/pool\\.ts`),
    );
    expect(stdout).not.toContain(inNewContext);
  }, 60_000);
});

describe('the layer graph', () => {
  it('places files in layers and the two fenced-in technologies', () => {
    expect(layerOf('apps/api/src/application/orders/place-order.ts')).toBe('application');
    expect(layerOf('apps/api/src/main.ts')).toBe('root');
    expect(layerOf('packages/db/src/client.ts')).toBe('database');
    expect(layerOf('packages/domain/src/ordering/order.ts')).toBe('domain package');
    expect(layerOf('node_modules/@trpc/server/dist/index.d.ts')).toBe('trpc');
    expect(layerOf('node_modules/zod/index.d.ts')).toBeNull();
  });

  it('counts imports between layers and draws a broken rule red', () => {
    const module = (source, ...deps) => ({
      source,
      dependencies: deps.map(([resolved, valid]) => ({ resolved, valid })),
    });
    const graph = layerGraph({
      modules: [
        module(
          'apps/api/src/application/a.ts',
          ['apps/api/src/infrastructure/x.ts', true],
          ['apps/api/src/infrastructure/y.ts', true],
        ),
        module('apps/api/src/infrastructure/x.ts', ['apps/api/src/application/a.ts', false]),
      ],
    });
    expect(graph).toContain('application -->|2| infrastructure');
    expect(graph).toContain('infrastructure -->|1| application');
    expect(graph).toContain('linkStyle 1 stroke:#d00');
  });
});
