// Draws many share cards at once on worker threads, one per core: drawing a card is
// CPU-bound (layout, rasterising, PNG encoding), so a big site's first build would
// otherwise spend most of its time here. lib/share-card-worker.ts is the thread's body.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { renderShareCard, shareImageFonts, type ShareCard } from "./og-image.ts";
import { typeScriptWorker } from "./typescript-worker.ts";

/** Below this many cards, starting workers costs more than it saves. */
const MIN_CARDS_FOR_WORKERS = 8;

/** How the cards were drawn: by how many worker threads, and how many on the calling thread. */
export interface DrawingReport {
  workerThreads: number;
  onThisThread: number;
}

/**
 * PNGs for `cards`, in order; `onCard` is called as each is ready (to write it while
 * others are drawn). Falls back to this thread when workers cannot start. `signal`
 * stops the drawing (a failed build): the threads end and the promise rejects.
 */
export async function renderShareCards(cards: ShareCard[], onCard: (index: number, png: Buffer) => Promise<void>, signal?: AbortSignal): Promise<DrawingReport> {
  const threads = Math.min(availableParallelism(), 8, Math.ceil(cards.length / MIN_CARDS_FOR_WORKERS));
  const byWorkers = new Set<number>();
  signal?.throwIfAborted();
  if (threads <= 1) {
    for (const [i, card] of cards.entries()) {
      signal?.throwIfAborted();
      await onCard(i, await renderShareCard(card));
    }
    return { workerThreads: 0, onThisThread: cards.length };
  }
  // The site's added fonts: each thread loads its own copy of the fonts, the same ones.
  const fonts = shareImageFonts();
  let next = 0;
  const done = new Set<number>();
  const workers: Worker[] = [];
  const stop = () => {
    next = cards.length;
    for (const worker of workers) void worker.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  try {
    await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = typeScriptWorker(new URL("./share-card-worker.ts", import.meta.url));
        workers.push(worker);
        if (signal?.aborted) void worker.terminate();
        while (next < cards.length) {
          const id = next++;
          const png = await new Promise<Buffer>((resolve, reject) => {
            const onMessage = (msg: { id: number; png?: Uint8Array; error?: string; threadId?: number }) => {
              if (msg.id !== id) return;
              if (msg.threadId !== undefined) byWorkers.add(msg.threadId);
              worker.off("message", onMessage);
              worker.off("error", reject);
              worker.off("exit", onExit);
              if (msg.error || !msg.png) reject(new Error(`drawing the share image for "${cards[id]!.title}" failed: ${msg.error}`));
              else resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
            };
            // A thread that ends without answering (stopped, or out of memory) fails this card.
            const onExit = () => reject(new Error(`the thread drawing "${cards[id]!.title}" stopped`));
            worker.on("message", onMessage);
            worker.once("error", reject);
            worker.once("exit", onExit);
            worker.postMessage({ id, card: cards[id]!, fonts });
          });
          await onCard(id, png);
          done.add(id);
        }
      }),
    );
    // Stopped while every thread was between cards: nothing failed, but the drawing did not finish.
    signal?.throwIfAborted();
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    if (signal?.aborted) throw signal.reason ?? error;
    // A worker that could not start or failed: the cards not yet written are drawn here,
    // so a card that truly cannot be drawn reports its own error.
    for (const [i, card] of cards.entries()) if (!done.has(i)) await onCard(i, await renderShareCard(card));
    return { workerThreads: byWorkers.size, onThisThread: cards.length - done.size };
  } finally {
    signal?.removeEventListener("abort", stop);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { workerThreads: byWorkers.size, onThisThread: 0 };
}
