// `CHATPOST_TRACE=1 npm run build`: prints when each phase of a build starts and ends
// (seconds since the process started, the thread, its heap in use and the resident
// memory of the whole process), to see where a slow or big build spends its time and memory.
import { threadId } from "node:worker_threads";

const ON = !!process.env.CHATPOST_TRACE && process.env.CHATPOST_TRACE !== "0";

export function trace(label: string): void {
  if (ON) process.stderr.write(`[trace ${process.uptime().toFixed(2)} s, thread ${threadId}, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, process RSS ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB] ${label}\n`);
}
