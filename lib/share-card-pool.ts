// Draws many share cards at once on worker threads, one per core: drawing a card is
// CPU-bound (layout, rasterising, PNG encoding), so a big site's first build would
// otherwise spend most of its time here. The same file is the worker.
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { renderShareCard, type ShareCard } from "./og-image.ts";

/** Below this many cards, starting workers costs more than it saves. */
const MIN_CARDS_FOR_WORKERS = 8;

interface Job {
  id: number;
  card: ShareCard;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", async ({ id, card }: Job) => {
    try {
      const png = await renderShareCard(card);
      port.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id, error: String((error as Error)?.stack ?? error) });
    }
  });
}

/**
 * PNGs for `cards`, in order; `onCard` is called as each is ready (to write it while
 * others are drawn). Falls back to this thread when workers cannot start.
 */
export async function renderShareCards(cards: ShareCard[], onCard: (index: number, png: Buffer) => Promise<void>): Promise<void> {
  const threads = Math.min(availableParallelism(), 8, Math.ceil(cards.length / MIN_CARDS_FOR_WORKERS));
  if (threads <= 1) {
    for (const [i, card] of cards.entries()) await onCard(i, await renderShareCard(card));
    return;
  }
  let next = 0;
  const done = new Set<number>();
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, async () => {
        // Workers inherit the loader the build runs with (tsx), so this TypeScript file is their entry.
        const worker = new Worker(new URL(import.meta.url));
        workers.push(worker);
        while (next < cards.length) {
          const id = next++;
          const png = await new Promise<Buffer>((resolve, reject) => {
            const onMessage = (msg: { id: number; png?: Uint8Array; error?: string }) => {
              if (msg.id !== id) return;
              worker.off("message", onMessage);
              worker.off("error", reject);
              if (msg.error || !msg.png) reject(new Error(`drawing the share image for "${cards[id]!.title}" failed: ${msg.error}`));
              else resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
            };
            worker.on("message", onMessage);
            worker.once("error", reject);
            worker.postMessage({ id, card: cards[id]! } satisfies Job);
          });
          await onCard(id, png);
          done.add(id);
        }
      }),
    );
  } catch {
    // A worker that could not start or failed: the cards not yet written are drawn here,
    // so a card that truly cannot be drawn reports its own error.
    await Promise.all(workers.map((w) => w.terminate()));
    for (const [i, card] of cards.entries()) if (!done.has(i)) await onCard(i, await renderShareCard(card));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
