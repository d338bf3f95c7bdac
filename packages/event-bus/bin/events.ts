/**
 * `npm run events -- dead-letters [--queue payment]` lists the dead letters (failed jobs) with their
 * reasons; `npm run events -- replay <event id> | --all [--queue payment]` puts them back in their
 * queue. Reads REDIS_URL and QUEUE_PREFIX like the services do.
 */
import { parseArgs } from 'node:util';
import { consumerNames, type ConsumerName } from '@shop/events/consumers';
import { listDeadLetters, replayDeadLetters } from '../src/dead-letters';
import { defaultQueuePrefix } from '../src/queues';
import { defaultRedisUrl, producerConnection } from '../src/redis';

const usage =
  'usage: npm run events -- dead-letters [--queue <name>] | replay (<event id> | --all) [--queue <name>]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { queue: { type: 'string', multiple: true }, all: { type: 'boolean' } },
});
const [command, jobId] = positionals;
const queues = values.queue?.map((name) => {
  if (!consumerNames.includes(name as ConsumerName))
    fail(`unknown queue "${name}"; queues are ${consumerNames.join(', ')}`);
  return name as ConsumerName;
});

function fail(message: string): never {
  console.error(`✖ ${message}\n${usage}`);
  process.exit(2);
}

const redis = producerConnection(process.env.REDIS_URL || defaultRedisUrl);
const prefix = process.env.QUEUE_PREFIX || defaultQueuePrefix;
try {
  if (command === 'dead-letters') {
    const letters = await listDeadLetters(redis, prefix, queues);
    if (letters.length === 0) console.log('No dead letters.');
    for (const letter of letters)
      console.log(
        `${letter.queue}\t${letter.jobId}\t${letter.event}\torder ${letter.orderId ?? '-'}\t${letter.attempts} attempts\t${letter.failedAt ?? ''}\t${letter.reason}`,
      );
  } else if (command === 'replay') {
    if (!jobId && !values.all) fail('replay needs an event id or --all');
    const replayed = await replayDeadLetters(redis, prefix, {
      ...(jobId ? { jobId } : {}),
      ...(queues ? { queues } : {}),
    });
    console.log(`Replayed ${replayed} dead letter${replayed === 1 ? '' : 's'}.`);
  } else {
    fail(command ? `unknown command "${command}"` : 'no command');
  }
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  redis.disconnect();
}
