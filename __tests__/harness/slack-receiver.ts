// A Slack incoming-webhook receiver: records each payload and answers as Slack does (200
// "ok", or its plain-text error codes), with failures and delays on demand.
import { listen, readBody, sendText, sleep, type RunningServer } from './http.js'

export interface SlackMessage {
  path: string
  /** The parsed JSON payload (form-encoded `payload=` bodies are decoded too). */
  payload: Record<string, unknown>
  headers: Record<string, string | undefined>
  /** Status this receiver answered. */
  status: number
}

export interface SlackFault {
  /** e.g. 500 "rollup_error", 404 "no_service", 403 "invalid_token", 410 "channel_is_archived" */
  status?: number
  body?: string
  delayMs?: number
  /** Drop the connection after the delay (a timeout from the client's view). */
  destroy?: boolean
  times?: number
}

const WEBHOOK_PATH = '/services/T0HARNESS/B0HARNESS/harnesssecret0000000000'

export class SlackReceiver {
  private server!: RunningServer
  private log: SlackMessage[] = []
  private faults: (SlackFault & { left: number })[] = []

  static async start(): Promise<SlackReceiver> {
    const r = new SlackReceiver()
    r.server = await listen((req, res) => r.handle(req, res))
    return r
  }

  /** The webhook URL to pass as slack-webhook-url. */
  get webhookUrl(): string {
    return `${this.server.url}${WEBHOOK_PATH}`
  }
  get port(): number {
    return this.server.port
  }
  /** Payloads Slack accepted (status 200). */
  messages(): SlackMessage[] {
    return this.log.filter(m => m.status === 200)
  }
  /** Every request, failed ones included. */
  requests(): SlackMessage[] {
    return this.log
  }
  fail(f: SlackFault): void {
    this.faults.push({ ...f, left: f.times ?? Infinity })
  }
  clearFaults(): void {
    this.faults = []
  }
  clear(): void {
    this.log = []
  }
  close(): Promise<void> {
    return this.server.close()
  }

  private async handle(
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse
  ): Promise<void> {
    const url = new URL(req.url ?? '/', this.server.url)
    const raw = (await readBody(req)).toString('utf8')
    const entry: SlackMessage = {
      path: url.pathname,
      payload: {},
      headers: {
        'content-type': req.headers['content-type'],
        'user-agent': req.headers['user-agent']
      },
      status: 0
    }
    this.log.push(entry)
    const answer = (status: number, text: string): void => {
      entry.status = status
      sendText(res, status, text)
    }
    const fault = this.faults.find(f => f.left > 0)
    if (fault) {
      fault.left--
      if (fault.delayMs) await sleep(fault.delayMs)
      if (fault.destroy) {
        entry.status = -1
        res.destroy()
        return
      }
      if (fault.status)
        return answer(
          fault.status,
          fault.body ?? (fault.status === 404 ? 'no_service' : 'rollup_error')
        )
    }
    if (req.method !== 'POST') return answer(405, 'invalid_method')
    if (url.pathname !== WEBHOOK_PATH) return answer(404, 'no_service')
    try {
      const text = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
        ? (new URLSearchParams(raw).get('payload') ?? '')
        : raw
      entry.payload = JSON.parse(text) as Record<string, unknown>
    } catch {
      return answer(400, 'invalid_payload')
    }
    const p = entry.payload
    if (!p.text && !p.blocks && !p.attachments) return answer(400, 'no_text')
    answer(200, 'ok')
  }
}

export function startSlackReceiver(): Promise<SlackReceiver> {
  return SlackReceiver.start()
}
