/** One request as it went out and came back: what the check reports on, kept only for the check's run. */
export type TExchange = {
  method: string;
  url: string;
  /** null: no answer (refused, timed out, dropped). */
  status: number | null;
  contentType: string | null;
  body: Uint8Array;
  error: unknown;
  ms: number;
};

/**
 * A fetch for the provider clients that keeps a copy of every answer: the check needs the raw JSON (for
 * the keys the schema does not know) and the status of each call, which the clients do not hand back.
 */
export class Recorder {
  readonly exchanges: TExchange[] = [];

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const started = performance.now();
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const method = init?.method ?? "GET";
    try {
      const res = await fetch(input, init);
      const body = new Uint8Array(await res.clone().arrayBuffer());
      this.exchanges.push({ method, url, status: res.status, contentType: res.headers.get("content-type"), body, error: null, ms: performance.now() - started });
      return res;
    } catch (error) {
      this.exchanges.push({ method, url, status: null, contentType: null, body: new Uint8Array(), error, ms: performance.now() - started });
      throw error;
    }
  };
}

export function jsonOf(exchange: TExchange | undefined): unknown {
  if (!exchange || exchange.body.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(exchange.body).toString("utf8"));
  } catch {
    return undefined;
  }
}
