// The body of one share-card thread (see share-card-pool.ts): draws each card it is sent.
import { parentPort, threadId } from "node:worker_threads";
import { renderShareCard, useShareImageFonts, type ShareCard } from "./og-image.ts";

const port = parentPort!;
port.on("message", async ({ id, card, fonts }: { id: number; card: ShareCard; fonts: readonly string[] }) => {
  try {
    // The same list each time: the fonts are loaded once per thread.
    useShareImageFonts(fonts);
    const png = await renderShareCard(card, { blocking: true });
    port.postMessage({ id, png, threadId }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: String((error as Error)?.stack ?? error) });
  }
});
