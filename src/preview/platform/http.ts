// Requests to the local org from the browser. The session cookie (sid) authenticates them,
// as the Lightning container's session does in an org.

// BATON_API_VERSION is sfdx-project.json's sourceApiVersion, the one the local org serves,
// which build.ts writes in (declared in ../app/modules.d.ts).
export const API = `/services/data/v${BATON_API_VERSION}`;

/** The error shape Lightning components receive: `{ status, statusText, body }`. */
export interface FetchError {
  status: number;
  statusText: string;
  body: unknown;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = { message: text };
  }
  if (!response.ok) {
    const error: FetchError = {
      status: response.status,
      statusText: response.statusText,
      body: parsed
    };
    throw error;
  }
  return parsed as T;
}
