// The body of one share-card thread (see share-card-pool.ts): draws each card it is sent.
import { parentPort, threadId } from "node:worker_threads";
import { renderShareCard, type ShareCard } from "./og-image.ts";

const port = parentPort!;
port.on("message", async ({ id, card }: { id: number; card: ShareCard }) => {
  try {
    const png = await renderShareCard(card, { blocking: true });
    port.postMessage({ id, png, threadId }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: String((error as Error)?.stack ?? error) });
  }
});
