import * as http from 'node:http';

export interface LoopbackResponse {
  status: number;
  body: string;
}

/**
 * A plain node:http client with kept-alive connections, for probes that time single requests:
 * it costs the bench process far less per request than `fetch`, whose own work (and garbage)
 * showed up in the probes' tail on a loaded two-core machine.
 */
export class LoopbackClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  request(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string): Promise<LoopbackResponse> {
    return new Promise((resolve, reject) => {
      const request = http.request(url, { method, headers, agent: this.agent }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
