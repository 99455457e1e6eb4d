import { setTimeout as sleep } from "node:timers/promises";
import { errorFields, log } from "@/lib/log";
import { drainOnce, type TDrainOptions } from "./drain";
import { pruneLocalChanges } from "./echoes";
import { INBOX_CHANNEL } from "./inbox";

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * A worker's inbox drainer: drains batch after batch while there is work, then waits for a NOTIFY from
 * the receiving app (sent with each stored event) or, should that connection be lost, the next poll.
 * Several workers drain one inbox side by side; their claims never overlap.
 */
export async function startInboxDrain(options: TDrainOptions & { idlePollMs?: number }): Promise<{ stop(): Promise<void> }> {
  const { pool } = options.database;
  let stopped = false;
  let pending = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    pending = true;
    wakeUp?.();
  };

  const listener = await pool.connect();
  listener.on("notification", wake);
  listener.on("error", (error) => log.warn({ component: "inbox", ...errorFields(error) }, "inbox listener lost; polling"));
  await listener.query(`LISTEN ${INBOX_CHANNEL}`);

  let lastPrune = 0;
  const loop = (async () => {
    while (!stopped) {
      pending = false;
      try {
        const result = await drainOnce(options);
        if (result.claimed > 0) {
          log.info({ component: "inbox", worker: options.workerId, ...result }, "inbox batch");
          continue;
        }
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await pruneLocalChanges(pool);
        }
      } catch (error) {
        log.error({ component: "inbox", ...errorFields(error) }, "inbox batch failed; its events are retried after their lease");
        await sleep(1000);
      }
      if (pending || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.idlePollMs ?? 2000);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();

  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
      await listener.query(`UNLISTEN ${INBOX_CHANNEL}`).catch(() => undefined);
      listener.release();
    },
  };
}
