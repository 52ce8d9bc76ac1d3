// Shared plumbing for the harness servers: listen on 127.0.0.1 with a random port, turn any
// handler exception into a 500 JSON answer, and close by destroying every open socket.
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

export interface RunningServer {
  readonly port: number
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  readonly url: string
  close(): Promise<void>
}

export async function listen(handler: Handler): Promise<RunningServer> {
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      // A bug in a handler must surface as an answer, never as a hung client.
      if (!res.headersSent) {
        sendJson(res, 500, { message: `harness handler error: ${(e as Error).stack ?? String(e)}` })
      } else res.destroy()
    })
  })
  server.keepAliveTimeout = 1000
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  let closed: Promise<void> | undefined
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close() {
      closed ??= new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
        for (const s of sockets) s.destroy()
      })
      return closed
    }
  }
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

export function sendText(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

/** Whether something still accepts connections on 127.0.0.1:port (for leak checks). */
export async function portIsOpen(port: number): Promise<boolean> {
  const net = await import('node:net')
  return new Promise(resolve => {
    const s = net.connect({ host: '127.0.0.1', port })
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

export const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))
