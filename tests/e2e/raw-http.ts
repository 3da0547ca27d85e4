import { connect } from 'node:net';

/**
 * One HTTP/1.1 exchange with the bytes exactly as given: fetch and Playwright clean a URL up
 * (dot segments, "//", encoding) before sending it, which is the very thing under test here.
 */
export interface RawResponse { status: number; headers: Map<string, string>; body: Buffer }

export function rawRequest(origin: string, head: string | Buffer): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer within 15 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const headText = raw.subarray(0, split === -1 ? raw.length : split).toString('latin1');
      const [statusLine = '', ...lines] = headText.split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
      }
      // 0: the connection closed without an answer.
      resolve({ status: Number(statusLine.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0), headers, body: split === -1 ? Buffer.alloc(0) : raw.subarray(split + 4) });
    });
    socket.write(head);
  });
}

/** A request line plus headers; `Connection: close` so the answer ends with the connection. */
export function requestHead(method: string, target: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'Connection: close', '', ''];
  // latin1 keeps every character below 256 as exactly that byte, so tests can send raw bytes.
  return Buffer.from(lines.join('\r\n'), 'latin1');
}
