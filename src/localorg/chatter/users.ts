import { notFound } from '../errors';
import type { Router } from '../router';
import { q } from '../store';
import { API_VERSION } from '../../metadata/apiVersion';

/** `GET /chatter/users/me` and `/chatter/users/{id}`: a user as Connect's User Detail shows one. */
export function registerChatterUserRoutes(router: Router): void {
  router.add('GET', '/chatter/users/:id', (ctx) => {
    const id = ctx.params.id.toLowerCase() === 'me' ? ctx.user.id : ctx.params.id;
    const user = ctx.org.db
      .prepare(
        `SELECT Id, Username, FirstName, LastName, Name, Email, Title, IsActive FROM ${q('User')} WHERE (Id = ? OR substr(Id, 1, 15) = ?) AND IsDeleted = 0`
      )
      .get(id, id.slice(0, 15)) as Record<string, string | number | null> | undefined;
    if (!user) throw notFound(`User ${id} does not exist`);
    return {
      status: 200,
      body: {
        id: user.Id,
        type: 'User',
        userType: 'Internal',
        url: `/services/data/v${API_VERSION}/chatter/users/${user.Id}`,
        name: user.Name,
        displayName: user.Name,
        firstName: user.FirstName,
        lastName: user.LastName,
        username: user.Username,
        email: user.Email,
        title: user.Title,
        companyName: 'Local Org',
        isActive: user.IsActive === 1,
        additionalLabel: null
      }
    };
  });
}
