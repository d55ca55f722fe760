import { bulkIngest } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// What one signed-in user can do to others through the data API: rename the admin, give
// themself another persona, read someone else's query pages, or store a script link in the
// feed for another user to click. Each is refused as an org refuses it.
jest.setTimeout(30_000);

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
});
afterAll(() => t.close());

const userOf = (persona: string) => t.org.users.find((u) => u.persona === persona)!;

async function call(persona: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${t.org.instanceUrl}/services/data/v62.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${userOf(persona).token}`,
      'Content-Type': 'application/json'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const errorCode = (answer: { body: unknown }) =>
  (answer.body as { errorCode: string }[])[0].errorCode;

describe('record safety between users', () => {
  it('lets only the admin edit other users; a user edits only their own personal fields', async () => {
    const admin = userOf('admin');
    const seller = userOf('seller');
    const renameAdmin = await call('seller', 'PATCH', `/sobjects/User/${admin.id}`, {
      LastName: 'Renamed'
    });
    expect([renameAdmin.status, errorCode(renameAdmin)]).toEqual([
      403,
      'INSUFFICIENT_ACCESS_OR_READONLY'
    ]);
    const ownPersona = await call('seller', 'PATCH', `/sobjects/User/${seller.id}`, {
      Persona__c: 'admin'
    });
    expect([ownPersona.status, errorCode(ownPersona)]).toEqual([
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE'
    ]);
    const newUser = await call('seller', 'POST', '/sobjects/User', {
      Username: 'x@baton.local',
      LastName: 'X'
    });
    expect(newUser.status).toBe(403);
    expect(
      (await call('seller', 'PATCH', `/sobjects/User/${seller.id}`, { Title: 'AE II' })).status
    ).toBe(204);
    expect(
      (await call('admin', 'PATCH', `/sobjects/User/${seller.id}`, { Alias: 'sanna' })).status
    ).toBe(204);
    const stored = await t.conn.query<{ Id: string; Name: string; Persona__c: string }>(
      `SELECT Id, Name, Persona__c FROM User WHERE Id IN ('${admin.id}', '${seller.id}') ORDER BY Name`
    );
    expect(stored.records.map((r) => [r.Name, r.Persona__c])).toEqual([
      ['Baton Admin', 'admin'],
      ['Sanna Virtanen', 'seller']
    ]);
  });

  it("gives each query's next page to its own user only, behind an unguessable cursor", async () => {
    await bulkIngest(
      t.conn,
      'Account',
      'insert',
      Array.from({ length: 2_001 }, (_, i) => ({ Name: `Cursor ${i} Oy` }))
    );
    const soql = encodeURIComponent("SELECT Id FROM Account WHERE Name LIKE 'Cursor %'");
    const first = await call('admin', 'GET', `/query?q=${soql}`);
    const second = await call('admin', 'GET', `/query?q=${soql}`);
    const next = first.body.nextRecordsUrl as string;
    expect(next).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{20}-2000$/);
    expect(second.body.nextRecordsUrl).not.toBe(next);
    const cursor = next.replace('/services/data/v62.0', '');
    const stolen = await call('seller', 'GET', cursor);
    expect([stolen.status, errorCode(stolen)]).toEqual([400, 'INVALID_QUERY_LOCATOR']);
    const own = await call('admin', 'GET', cursor);
    expect([own.status, own.body.records.length]).toEqual([200, 1]);
  });

  it('stores feed links only to http(s) whichever API writes them', async () => {
    const account = await t.conn.sobject('Account').create({ Name: 'Feed Link Oy' });
    const parentId = (account as { id: string }).id;
    const script = 'javascript:fetch("/preview/persona")';
    const segments = (url: string) =>
      JSON.stringify([
        { type: 'Text', text: 'See ' },
        { type: 'Link', text: url, url }
      ]);
    for (const body of [
      { ParentId: parentId, Body: 'x', Segments__c: segments(script) },
      { ParentId: parentId, Body: 'x', LinkUrl: script },
      { ParentId: parentId, Body: 'x', Segments__c: segments(' JavaScript:alert(1)') }
    ]) {
      const answer = await call('seller', 'POST', '/sobjects/FeedItem', body);
      expect([answer.status, errorCode(answer)]).toEqual([
        400,
        'FIELD_CUSTOM_VALIDATION_EXCEPTION'
      ]);
    }
    const post = await call('seller', 'POST', '/sobjects/FeedItem', {
      ParentId: parentId,
      Body: 'x',
      Segments__c: segments('https://example.com/a')
    });
    expect(post.status).toBe(201);
    const edit = await call('seller', 'PATCH', `/sobjects/FeedItem/${post.body.id}`, {
      Segments__c: segments(script)
    });
    expect(edit.status).toBe(400);
    const comment = await call('seller', 'POST', '/sobjects/FeedComment', {
      FeedItemId: post.body.id,
      CommentBody: 'x',
      Segments__c: segments('data:text/html,<script>alert(1)</script>')
    });
    expect(comment.status).toBe(400);
    const connect = await call('seller', 'POST', '/chatter/feed-elements', {
      subjectId: parentId,
      body: { messageSegments: [{ type: 'Link', url: script }] }
    });
    expect([connect.status, errorCode(connect)]).toEqual([400, 'INVALID_INPUT']);
  });
});
