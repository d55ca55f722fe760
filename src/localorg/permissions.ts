import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forceAppXml } from '../core/config/forceAppXml';
import { OrgError } from './errors';
import type { FieldDef, ObjectDef } from './schema/types';
import { q, type Store } from './store';

/*
 * Object and field permissions, as the local org enforces them. The rule (README "Local org"):
 * - The admin persona is a System Administrator (Modify All Data): never checked. Services,
 *   the seed, Bulk loads and the CLI run as the admin, so their writes pay nothing for this.
 * - Every other user gets the union of what its assigned permission sets (PermissionSetAssignment
 *   rows, definitions read from force-app/main/default/permissionsets) grant, for
 *   · Baton's custom objects (`…__c`): create / read / edit / delete from objectPermissions;
 *   · every field any Baton permission set mentions in fieldPermissions: editable / readable.
 * - Standard objects (Account, Task, …) and fields no permission set mentions stay open: a real
 *   org's standard profile grants them, and permission sets only ever add access. Only
 *   PermissionSet and PermissionSetAssignment are read-only to them (no "Manage Users").
 */

export type ObjectOperation = 'create' | 'read' | 'edit' | 'delete';

interface PermissionSetDef {
  name: string;
  /** Lower-cased object name → the operations granted. */
  objects: Map<string, Set<ObjectOperation>>;
  /** Lower-cased `Object.Field` → readable / editable. */
  fields: Map<string, { read: boolean; edit: boolean }>;
  /** Lower-cased names of the custom permissions granted. */
  customPermissions: Set<string>;
  /** Lower-cased tab names → Visible (in the navigation bar) or Available (opens, not shown). */
  tabs: Map<string, TabVisibility>;
}

/** A tab as one user meets it: Hidden when none of their permission sets grants it. */
export type TabVisibility = 'Visible' | 'Available' | 'Hidden';

const parse = forceAppXml({
  arrays: ['objectPermissions', 'fieldPermissions', 'customPermissions', 'tabSettings']
});
const bool = (value: unknown) => value === true || value === 'true';

export function readPermissionSets(projectDir: string): PermissionSetDef[] {
  const dir = join(projectDir, 'force-app', 'main', 'default', 'permissionsets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.permissionset-meta.xml'))
    .sort()
    .map((file) => {
      const xml = parse(readFileSync(join(dir, file), 'utf8')).PermissionSet ?? {};
      const objects = new Map<string, Set<ObjectOperation>>();
      for (const p of xml.objectPermissions ?? []) {
        const granted = new Set<ObjectOperation>();
        if (bool(p.allowCreate)) granted.add('create');
        if (bool(p.allowRead)) granted.add('read');
        if (bool(p.allowEdit)) granted.add('edit');
        if (bool(p.allowDelete)) granted.add('delete');
        objects.set(String(p.object).toLowerCase(), granted);
      }
      const fields = new Map<string, { read: boolean; edit: boolean }>();
      for (const p of xml.fieldPermissions ?? [])
        fields.set(String(p.field).toLowerCase(), {
          read: bool(p.readable),
          edit: bool(p.editable)
        });
      const customPermissions = new Set<string>(
        (xml.customPermissions ?? [])
          .filter((p: { enabled: unknown }) => bool(p.enabled))
          .map((p: { name: unknown }) => String(p.name).toLowerCase())
      );
      const tabs = new Map<string, TabVisibility>(
        (xml.tabSettings ?? [])
          .filter((t: { visibility: unknown }) =>
            ['Visible', 'Available'].includes(String(t.visibility))
          )
          .map((t: { tab: unknown; visibility: unknown }) => [
            String(t.tab).toLowerCase(),
            String(t.visibility) as TabVisibility
          ])
      );
      return {
        name: file.replace('.permissionset-meta.xml', ''),
        objects,
        fields,
        customPermissions,
        tabs
      };
    });
}

/** Assigning permission sets is "Manage Users" work: a user cannot grant itself more access. */
const ADMIN_ONLY = new Set(['PermissionSet', 'PermissionSetAssignment']);

/**
 * Without "Manage Users" a user creates and deletes no users and edits only their own User
 * record's personal fields: renaming the admin, or changing one's own persona, is admin work.
 */
const SELF_EDITABLE_USER_FIELDS = new Set(['firstname', 'lastname', 'email', 'alias', 'title']);

/** What one non-admin user may do: the union of its permission sets. */
export class UserAccess {
  private readonly objects = new Map<string, Set<ObjectOperation>>();
  private readonly editable = new Set<string>();
  private readonly customPermissions = new Set<string>();
  private readonly tabs = new Map<string, TabVisibility>();

  constructor(
    private readonly governedFields: Set<string>,
    sets: PermissionSetDef[]
  ) {
    for (const set of sets) {
      for (const [object, ops] of set.objects) {
        const union = this.objects.get(object) ?? new Set<ObjectOperation>();
        ops.forEach((op) => union.add(op));
        this.objects.set(object, union);
      }
      for (const [field, perm] of set.fields) if (perm.edit) this.editable.add(field);
      set.customPermissions.forEach((name) => this.customPermissions.add(name));
      // Visible in one set beats Available in another, as a real org unions permission sets.
      for (const [tab, visibility] of set.tabs)
        if (this.tabs.get(tab) !== 'Visible') this.tabs.set(tab, visibility);
    }
  }

  /** A custom tab no held permission set grants is hidden: not in the bar, not opened. */
  tabVisibility(tab: string): TabVisibility {
    return this.tabs.get(tab.toLowerCase()) ?? 'Hidden';
  }

  /** As FeatureManagement.checkPermission: granted by one of the user's permission sets. */
  hasCustomPermission(name: string): boolean {
    return this.customPermissions.has(name.toLowerCase());
  }

  /** Only Baton's custom objects are governed; standard objects are the profile's (open). */
  canObject(object: ObjectDef, op: ObjectOperation): boolean {
    if (ADMIN_ONLY.has(object.name)) return op === 'read';
    if (object.name === 'User') return op === 'read' || op === 'edit';
    if (!object.name.endsWith('__c')) return true;
    return this.objects.get(object.name.toLowerCase())?.has(op) ?? false;
  }

  canEditField(object: ObjectDef, field: FieldDef): boolean {
    const key = `${object.name}.${field.name}`.toLowerCase();
    return !this.governedFields.has(key) || this.editable.has(key);
  }

  /** Throws before anything is written: object access first, then every read-only field named. */
  checkWrite(object: ObjectDef, op: 'create' | 'edit', fieldNames: string[]): void {
    this.checkObject(object, op);
    const refused = fieldNames.filter((name) => {
      const field = object.fields.get(name.toLowerCase());
      return field && !this.canEditField(object, field);
    });
    if (refused.length)
      throw new OrgError(
        400,
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${refused.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        refused
      );
  }

  /** An edit of the User record `recordId` by the user `writerId` (SELF_EDITABLE_USER_FIELDS). */
  checkUserEdit(writerId: string, recordId: string, fieldNames: string[]): void {
    if (writerId !== recordId)
      throw new OrgError(
        403,
        'INSUFFICIENT_ACCESS_OR_READONLY',
        'insufficient access rights on object id: only an admin edits another user'
      );
    const refused = fieldNames.filter((name) => !SELF_EDITABLE_USER_FIELDS.has(name.toLowerCase()));
    if (refused.length)
      throw new OrgError(
        400,
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${refused.join(', ')}. Only an admin changes them.`,
        refused
      );
  }

  checkObject(object: ObjectDef, op: ObjectOperation): void {
    if (!this.canObject(object, op))
      throw new OrgError(
        403,
        'INSUFFICIENT_ACCESS_OR_READONLY',
        `insufficient access rights: you may not ${op} ${object.name} records`
      );
  }
}

/** The org's permission sets and who holds which; builds each user's access on demand. */
export class AccessRules {
  private readonly sets: Map<string, PermissionSetDef>;
  private readonly governedFields = new Set<string>();
  private readonly byKey = new Map<string, UserAccess>();

  constructor(
    projectDir: string,
    private readonly store: Store
  ) {
    const sets = readPermissionSets(projectDir);
    this.sets = new Map(sets.map((s) => [s.name.toLowerCase(), s]));
    for (const set of sets) set.fields.forEach((_, field) => this.governedFields.add(field));
  }

  /**
   * A user's access, or undefined for the admin persona (unrestricted). Assignments are read
   * per call (one indexed query), so an assignment made while the org runs counts at once.
   */
  forUser(user: { id: string; persona?: string }): UserAccess | undefined {
    if (user.persona === 'admin') return undefined;
    const names = (
      this.store
        .stmt(
          `SELECT p.Name AS name FROM ${q('PermissionSetAssignment')} a JOIN ${q('PermissionSet')} p ON p.Id = a.PermissionSetId WHERE a.AssigneeId = ? AND a.IsDeleted = 0 AND p.IsDeleted = 0`
        )
        .all(user.id) as { name: string }[]
    )
      .map((r) => r.name.toLowerCase())
      .sort();
    const key = names.join(',');
    let access = this.byKey.get(key);
    if (!access) {
      const held = names.map((n) => this.sets.get(n)).filter((s): s is PermissionSetDef => !!s);
      this.byKey.set(key, (access = new UserAccess(this.governedFields, held)));
    }
    return access;
  }
}
