// The start-up check of a Redis server that BullMQ's queues will live in, run by `npm start`,
// `npm run dev` and `npm test` before anything uses queues. Queues need three things of Redis:
//   - keys are never evicted (`maxmemory-policy noeviction`): an evicted job is lost without a trace,
//     so any other policy fails the check;
//   - it keeps its data on disk (append-only file, or at least save points): without, queued jobs
//     die with a restart — a warning, because test servers (like the one CI runs) rightly keep
//     nothing;
//   - a version BullMQ supports: below 5 fails, below 6.2 (BullMQ's recommendation) warns.
// What the server says comes from INFO (allowed on managed servers, which often refuse CONFIG);
// only the save points need CONFIG GET, and when that is refused persistence is not judged.
import { UserError, warn } from './log.mjs';
import { describeRedisServer, redisCliArgs, withRedis } from './redis-connection.mjs';

export class RedisCheckError extends UserError {
  name = 'RedisCheckError';
}

/** `INFO`'s `key:value` lines as an object. */
export function parseInfo(text) {
  return Object.fromEntries(
    text
      .split(/\r?\n/)
      .filter((line) => line && !line.startsWith('#') && line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
}

/**
 * What the check needs to know: { version, maxmemoryPolicy, appendonly, save } (`save` is null when
 * the server refuses CONFIG GET).
 */
export async function readQueueFacts(url) {
  return withRedis(url, async (client) => {
    const info = parseInfo(await client.info());
    let save = null;
    try {
      const reply = await client.config('GET', 'save');
      save = String(reply[1] ?? '');
    } catch {
      // CONFIG is renamed or not granted (managed Redis): the save points stay unknown.
    }
    return {
      version: info.redis_version,
      maxmemoryPolicy: info.maxmemory_policy,
      appendonly: info.aof_enabled === '1',
      save,
    };
  });
}

function versionAtLeast(version, major, minor) {
  const [have = 0, haveMinor = 0] = String(version).split('.').map(Number);
  return have !== major ? have > major : haveMinor >= minor;
}

/**
 * The verdicts on a server's facts: { errors, warnings }, each a list of one-line messages with
 * the fix. `url` names the server in them (never its password).
 */
export function queueVerdicts(facts, url) {
  const where = `Redis at ${describeRedisServer(url)}`;
  const cli = ['redis-cli', ...redisCliArgs(url)].join(' ');
  const errors = [];
  const warnings = [];
  if (facts.version && !versionAtLeast(facts.version, 5, 0))
    errors.push(
      `${where} is version ${facts.version}; BullMQ needs Redis 5.0 or newer (6.2+ recommended). ` +
        'Fix: upgrade that server, or unset REDIS_URL to let the scripts provide one.',
    );
  else if (facts.version && !versionAtLeast(facts.version, 6, 2))
    warnings.push(
      `${where} is version ${facts.version}; BullMQ recommends 6.2 or newer. Upgrade it when you can.`,
    );
  if (facts.maxmemoryPolicy !== 'noeviction')
    errors.push(
      `${where} may evict keys when its memory is full (maxmemory-policy ` +
        `${facts.maxmemoryPolicy ?? 'unknown'}), which would silently drop queued jobs. ` +
        `Fix: \`${cli} CONFIG SET maxmemory-policy noeviction\` and the line ` +
        '`maxmemory-policy noeviction` in its redis.conf.',
    );
  if (!facts.appendonly && facts.save === '')
    warnings.push(
      `${where} keeps nothing on disk (appendonly no, no save points): queued jobs are lost if ` +
        `it restarts — fine for tests. Fix: \`${cli} CONFIG SET appendonly yes\` and the line ` +
        '`appendonly yes` in its redis.conf.',
    );
  return { errors, warnings };
}

/**
 * Checks that queues can live in the Redis at `url`: prints each warning as one line, throws a
 * RedisCheckError (every failure, with its fix) when they cannot. Resolves to the verdicts.
 * @param {string} url
 * @param {{ warn?: (message: string) => void }} [options]
 */
export async function checkRedisForQueues(url, options = {}) {
  let facts;
  try {
    facts = await readQueueFacts(url);
  } catch (error) {
    throw new RedisCheckError(`Cannot check the Redis for the queues: ${error.message}.`);
  }
  const verdicts = queueVerdicts(facts, url);
  for (const message of verdicts.warnings) (options.warn ?? warn)(message);
  if (verdicts.errors.length > 0) throw new RedisCheckError(verdicts.errors.join(' '));
  return verdicts;
}
