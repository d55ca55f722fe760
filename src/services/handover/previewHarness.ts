import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachPreview } from '../../preview/start';
import { cookies, type PreviewPersona } from '../../preview/server';
import { memoryOrg } from './memoryOrg';
import { registerHandoverTwins, type TwinContext } from './twins';

/**
 * The real preview build (shell, Account page, Chatter feed, bell) served against the
 * in-memory org, with the handover twins behind `@salesforce/apex`. It answers the few REST,
 * UI API and Connect calls the Account page makes, on 127.0.0.1 only. The browser test uses
 * it until it can run on the local org.
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
const API = '/services/data/v62.0';

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function send(res: ServerResponse, status: number, payload: unknown): true {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(payload));
  return true;
}

export async function startHandoverPreview() {
  const org = memoryOrg();
  const user = (Name: string) => org.insert('User', { Name, IsActive: true }).Id;
  const sellerId = user('Sanna Myyjä');
  const managerId = user('Aki Asiakkuus');
  user('Ville Vastaava');
  org.insert('PermissionSetAssignment', {
    AssigneeId: managerId,
    'PermissionSet.Name': 'Baton_Account_Manager'
  });
  const account = org.insert('Account', {
    Name: 'Kontrakti Oy',
    MRR__c: 2000,
    Growth_Potential__c: 2,
    Touch_Tier__c: 'Low',
    OwnerId: sellerId
  });
  org.insert('Contact', { Name: 'Aino Virtanen', Title: 'CFO', AccountId: account.Id });
  const personas: PreviewPersona[] = [
    {
      key: 'seller',
      label: 'Seller',
      userId: sellerId,
      name: 'Sanna Myyjä',
      token: randomBytes(12).toString('hex')
    },
    {
      key: 'accountManager',
      label: 'Account manager',
      userId: managerId,
      name: 'Aki Asiakkuus',
      token: randomBytes(12).toString('hex')
    }
  ];
  const twins = new Map<string, (ctx: TwinContext, params: unknown) => Promise<unknown>>();
  registerHandoverTwins({
    registerApexTwin: (className, method, handler) => twins.set(`${className}.${method}`, handler)
  });

  const userOf = (req: IncomingMessage) =>
    personas.find((p) => p.token === cookies(req).sid)?.userId;
  const api: Handler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const userId = userOf(req);
    if (!userId)
      return send(res, 401, [
        { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }
      ]);
    const conn = org.connAs(userId);
    const apex = /^\/services\/apexrest-local\/(\w+)\/(\w+)$/.exec(url.pathname);
    try {
      if (apex) {
        const twin = twins.get(`${apex[1]}.${apex[2]}`);
        return twin
          ? send(res, 200, await twin({ conn, userId }, await body(req)))
          : send(res, 404, [
              { errorCode: 'NOT_FOUND', message: `No twin for ${apex[1]}.${apex[2]}` }
            ]);
      }
      if (url.pathname === `${API}/query`)
        return send(res, 200, await conn.query(url.searchParams.get('q') ?? ''));
      const record = new RegExp(`^${API}/ui-api/records/(\\w+)$`).exec(url.pathname);
      if (record)
        return send(
          res,
          200,
          uiRecord(
            record[1],
            [url.searchParams.get('fields'), url.searchParams.get('optionalFields')].join(',')
          )
        );
      if (url.pathname === `${API}/connect/notifications`) {
        const mine = [...org.table('Notification').values()]
          .filter((row) => row.UserId === userId)
          .reverse();
        return send(res, 200, {
          notifications: mine.map((row) => ({ ...row, id: row.Id, lastModified: row.CreatedDate }))
        });
      }
      const read = new RegExp(`^${API}/connect/notifications/(\\w+)$`).exec(url.pathname);
      if (read)
        return (
          Object.assign(org.table('Notification').get(read[1]) ?? {}, { read: true }),
          send(res, 200, {})
        );
      if (url.pathname.startsWith(`${API}/chatter/`)) {
        return send(
          res,
          200,
          await conn.request({
            method: (req.method ?? 'GET') as 'GET' | 'POST',
            url: url.pathname,
            body: req.method === 'POST' ? JSON.stringify(await body(req)) : undefined
          })
        );
      }
      return send(res, 404, [
        {
          errorCode: 'NOT_FOUND',
          message: `${req.method} ${url.pathname} is not served by the handover preview`
        }
      ]);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'FAILURE';
      return send(res, 400, [
        { errorCode: code, message: error instanceof Error ? error.message : String(error) }
      ]);
    }
  };

  function uiRecord(id: string, fieldList: string) {
    const row: Record<string, unknown> =
      [...org.tables.values()].map((rows) => rows.get(id)).find(Boolean) ?? {};
    const fields: Record<string, unknown> = {};
    for (const name of fieldList
      .split(',')
      .filter(Boolean)
      .map((field) => field.split('.').slice(1).join('.'))) {
      const [field, child] = name.split('.');
      if (child) {
        const parentId = row[field.replace(/__r$/, '__c')];
        const parent = parentId ? org.table('User').get(String(parentId)) : undefined;
        fields[field] = {
          value: parent
            ? { fields: { [child]: { value: parent[child], displayValue: null } } }
            : null,
          displayValue: null
        };
      } else {
        const value = row[field] ?? null;
        fields[field] = {
          value,
          displayValue: field === 'Account_Manager__c' && value ? org.userName(value) : null
        };
      }
    }
    return { id, apiName: 'Account', fields };
  }

  const mounts: [string, Handler][] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '/';
      if (path.startsWith('/services/')) return api(req, res);
      for (const [prefix, handler] of mounts)
        if (path.startsWith(prefix) && (await handler(req, res))) return;
      send(res, 404, [{ errorCode: 'NOT_FOUND', message: path }]);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  org.settings.instanceUrl = url;
  const preview = await attachPreview({
    url,
    mount: (prefix, handler) => mounts.push([prefix, handler]),
    personas: () => personas
  });
  return {
    url,
    org,
    accountId: account.Id,
    accountName: 'Kontrakti Oy',
    contactName: 'Aino Virtanen',
    seller: personas[0],
    manager: personas[1],
    loginUrl: (persona?: string) => preview.loginUrl(persona),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
