// `CHATPOST_TRACE=1 npm run build`: prints when each phase of a build starts and ends
// (seconds since the process started, and the thread), to see where a slow build waits.
import { threadId } from "node:worker_threads";

const ON = !!process.env.CHATPOST_TRACE && process.env.CHATPOST_TRACE !== "0";

export function trace(label: string): void {
  if (ON) process.stderr.write(`[trace ${process.uptime().toFixed(2)} s, thread ${threadId}] ${label}\n`);
}
