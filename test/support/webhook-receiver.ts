import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ReceivedPost {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  answeredWith: number | 'hang';
}

/**
 * A real HTTP server on loopback that records webhook posts. `mode` (or `pathModes[path]`) decides
 * the answer: 200, 500, or no answer at all; `failNext` answers the next N posts with 500.
 */
export class WebhookReceiver {
  readonly received: ReceivedPost[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  /** A mode per path, over `mode`. */
  readonly pathModes: Record<string, 'ok' | 'fail' | 'hang'> = {};
  failNext = 0;
  private server: Server;
  private readonly hanging: ServerResponse[] = [];
  port = 0;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((req, res) => receiver.handle(req, res));
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', () => resolve()));
    receiver.port = (receiver.server.address() as { port: number }).port;
    return receiver;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string): ReceivedPost[] {
    return this.received.filter((r) => r.path === path);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const mode = this.failNext > 0 ? 'fail' : (this.pathModes[req.url ?? ''] ?? this.mode);
      if (this.failNext > 0) this.failNext--;
      const answer = mode === 'ok' ? 200 : mode === 'fail' ? 500 : 'hang';
      this.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answeredWith: answer });
      if (answer === 'hang') {
        this.hanging.push(res);
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : 'boom');
    });
  }

  close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
