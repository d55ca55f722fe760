import { readFileSync } from 'node:fs';
import { parseQuery, type Query, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { closing, maskStrings, reachableFrom, readApexMethods } from './apexMethods';
import { definingObject, isCustomName, type MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';
import { asArray, child, parseXml, text } from './xmlCheck';

/**
 * Which role runs which Apex entry point: the controller methods each role's panels call
 * (refreshes included). Read paths are every role's; writes are the role's own work.
 */
export const ROLE_ENTRY_POINTS: Record<string, string[]> = {
  Baton_Seller: [
    'HandoverController.getContext',
    'HandoverController.saveDraft',
    'HandoverController.submit',
    'HealthController.getHealth',
    'TierCadenceController.getCadence'
  ],
  Baton_Account_Manager: [
    'HandoverController.getContext',
    'HandoverController.accept',
    'HandoverController.returnToSeller',
    'HealthController.getHealth',
    'HealthController.setOverride',
    'HealthController.clearOverride',
    'TierCadenceController.getCadence',
    'TierCadenceController.setTierOverride',
    'TierCadenceController.clearTierOverride'
  ],
  Baton_CS_Lead: [
    'HandoverController.getContext',
    'HealthController.getHealth',
    'PortfolioController.getPortfolio',
    'TierCadenceController.getCadence'
  ],
  Baton_Admin: [
    'HandoverController.getContext',
    'HealthBacktestController.getLatest',
    'HealthController.getHealth',
    'PortfolioController.getPortfolio',
    'HealthController.setOverride',
    'HealthController.clearOverride',
    'TierCadenceController.getCadence',
    'TierCadenceController.setTierOverride',
    'TierCadenceController.clearTierOverride'
  ]
};

/**
 * Standard fields without field-level security: system fields, and required or derived
 * fields every user who reads the record reads too.
 */
const ALWAYS_ACCESSIBLE = new Set([
  ...['Id', 'Name', 'OwnerId', 'CreatedDate', 'CreatedById', 'LastModifiedDate'],
  ...['LastModifiedById', 'SystemModstamp', 'IsDeleted', 'User.IsActive', 'Contact.LastName'],
  ...['User.LanguageLocaleKey'],
  ...['Task.Subject', 'Task.Status', 'Task.Priority', 'Task.WhatId', 'Task.WhoId', 'Task.IsClosed'],
  ...[
    'Opportunity.StageName',
    'Opportunity.CloseDate',
    'Opportunity.IsWon',
    'Opportunity.IsClosed'
  ],
  ...['OpportunityLineItem.Quantity', 'OpportunityLineItem.Product2Id']
]);

/** Standard relationship and child relationship names the queries use, to their objects. */
const STANDARD_RELATIONSHIPS: Record<string, string> = {
  Owner: 'User',
  CreatedBy: 'User',
  Account: 'Account',
  Product2: 'Product2',
  OpportunityLineItems: 'OpportunityLineItem'
};

type Need = { object: string; field?: string; edit: boolean; where: string };

/**
 * A user-mode query or DML fails for the whole panel when the user's permission set misses
 * one field it touches, so each role's permission set must grant every field its code paths
 * read (SOQL WITH USER_MODE) or write (`new X(Field = …)` records saved in user mode, and
 * fields put on a record from a constant list of names).
 * Standard objects a permission set does not name (Task, User) are taken as granted by the
 * profile; their fields are still judged, as field-level security applies to them.
 */
export function checkUserModeAccess(files: string[], model: MetadataModel): Problem[] {
  const classes = files.filter((f) => f.endsWith('.cls') && !/_Tests?\.cls$/.test(f));
  const methods = readApexMethods(classes);
  const table = tableProblems(files, methods);
  return table.concat(
    ...Object.entries(ROLE_ENTRY_POINTS).map(([role, entries]) => {
      const file = files.find((f) => f.endsWith(`/${role}.permissionset-meta.xml`));
      if (!file) return [];
      const needs = reachableFrom(entries, methods).flatMap((method) => {
        const where = method.name;
        return [
          ...userModeQueries(method.body, model, where),
          ...writtenFields(method.body, where),
          ...copiedFields(method.body, method.file, where)
        ];
      });
      return missingGrants(file, needs, model);
    })
  );
}

/** The table must name real methods and every Apex method a component calls, or it checks less. */
function tableProblems(files: string[], methods: Map<string, unknown>): Problem[] {
  const run = new Set(Object.values(ROLE_ENTRY_POINTS).flat());
  const missing = [...run]
    .filter((entry) => !methods.has(entry.toLowerCase()))
    .map((entry) => {
      const classFile = files.find((f) => f.endsWith(`/${entry.split('.')[0]}.cls`)) ?? '';
      return problem(
        'user-mode-access',
        classFile,
        `ROLE_ENTRY_POINTS names ${entry}, which is not a method here`
      );
    });
  const unassigned = files
    .filter((file) => /\/lwc\/[^/]+\/[^/]+\.js$/.test(file))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"]@salesforce\/apex\/(\w+\.\w+)['"]/g)]
        .filter(([, called]) => !run.has(called))
        .map(([, called]) =>
          problem(
            'user-mode-access',
            file,
            `calls ${called}, which no role of ROLE_ENTRY_POINTS runs`
          )
        )
    );
  return [...missing, ...unassigned];
}

function missingGrants(file: string, needs: Need[], model: MetadataModel): Problem[] {
  const root = child(parseXml(file), 'PermissionSet');
  const objects = new Map(
    asArray(root.objectPermissions).map((g) => [
      text(g, 'object'),
      { read: text(g, 'allowRead') === 'true', edit: text(g, 'allowEdit') === 'true' }
    ])
  );
  const fields = new Map(
    asArray(root.fieldPermissions).map((g) => [
      text(g, 'field'),
      { read: text(g, 'readable') === 'true', edit: text(g, 'editable') === 'true' }
    ])
  );
  const reported = new Set<string>();
  return needs.flatMap(({ object, field, edit, where }) => {
    if (!field && !isCustomName(object) && !objects.has(object)) return [];
    const name = field ? `${object}.${field}` : object;
    if (field && (ALWAYS_ACCESSIBLE.has(field) || ALWAYS_ACCESSIBLE.has(name))) return [];
    // Required and master-detail fields are always accessible; no permission set names them.
    const info = field ? model.objects.get(definingObject(object))?.fields.get(field) : undefined;
    if (info?.required || info?.type === 'MasterDetail') return [];
    const granted = field ? fields.get(name) : objects.get(object);
    const access = edit ? 'Edit' : 'Read';
    if ((edit ? granted?.edit : granted?.read) || reported.has(`${access} ${name}`)) return [];
    reported.add(`${access} ${name}`);
    const what = `${access} on ${field ? 'field' : 'object'} ${name}`;
    return [
      problem('user-mode-access', file, `grants no ${what}, which ${where} needs in user mode`)
    ];
  });
}

/** Objects and fields of every `[SELECT … WITH USER_MODE …]` in the body. */
function userModeQueries(body: string, model: MetadataModel, where: string): Need[] {
  const masked = maskStrings(body);
  return [...masked.matchAll(/\[\s*SELECT\b/gi)].flatMap((match) => {
    const soql = body.slice(match.index + 1, closing(masked, match.index, '[', ']'));
    if (!/\bWITH\s+USER_MODE\b/i.test(soql)) return [];
    // The parser takes bind variables in WHERE but not in LIMIT or OFFSET.
    // Spelling out ignoreParseErrors lets the parser reuse its grammar (10x faster).
    const query = parseQuery(soql.replace(/\b(LIMIT|OFFSET)\s*:\s*\w+/gi, '$1 1'), {
      allowApexBindVariables: true,
      ignoreParseErrors: false
    });
    return queryNeeds(query, query.sObject ?? '', model, where);
  });
}

function queryNeeds(query: Query, object: string, model: MetadataModel, where: string): Need[] {
  const paths: string[] = [];
  const nested: Need[] = [];
  for (const field of query.fields ?? []) {
    if (field.type === 'Field') paths.push(field.field);
    if (field.type === 'FieldRelationship') paths.push(field.rawValue ?? field.field);
    if (field.type === 'FieldFunctionExpression') {
      paths.push(...field.parameters.filter((p): p is string => typeof p === 'string'));
    }
    if (field.type === 'FieldSubquery') {
      const childObject = STANDARD_RELATIONSHIPS[field.subquery.relationshipName];
      if (childObject) nested.push(...queryNeeds(field.subquery, childObject, model, where));
    }
  }
  const visit = (clause: WhereClause | undefined): void => {
    if (!clause) return;
    const left = clause.left as { field?: string; valueQuery?: Query } | null;
    if (left?.field) paths.push(left.field);
    if (left?.valueQuery) {
      nested.push(...queryNeeds(left.valueQuery, left.valueQuery.sObject ?? '', model, where));
    }
    visit((clause as { right?: WhereClause }).right);
  };
  visit(query.where);
  for (const order of asArray(query.orderBy) as { field?: string }[]) {
    if (order.field) paths.push(order.field);
  }
  const needs: Need[] = [{ object, edit: false, where }];
  for (const path of paths) needs.push(...pathNeeds(path, object, model, where));
  return [...needs, ...nested];
}

/** `Account__r.Owner.Name` on Handover__c reads Account__c, then Account.OwnerId, then User.Name. */
function pathNeeds(path: string, from: string, model: MetadataModel, where: string): Need[] {
  const needs: Need[] = [];
  let object = from;
  const parts = path.split('.');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1) {
      needs.push({ object, field: part, edit: false, where });
      break;
    }
    const lookup = part.endsWith('__r') ? part.replace(/__r$/, '__c') : `${part}Id`;
    needs.push({ object, field: lookup, edit: false, where });
    const field = model.objects.get(definingObject(object))?.fields.get(lookup);
    const target = field?.referenceTo || STANDARD_RELATIONSHIPS[part];
    if (!target) break;
    object = target;
  }
  return needs;
}

/** Fields set in `new X(Field = …)` records, except those saved `as system`. */
function writtenFields(body: string, where: string): Need[] {
  const masked = maskStrings(body);
  return [...masked.matchAll(/(\bas\s+system\s+)?\bnew\s+(\w+)\s*\(\s*\w+\s*=(?!=)/gi)].flatMap(
    (match) => {
      if (match[1]) return [];
      const open = masked.indexOf('(', match.index);
      const args = masked.slice(open + 1, closing(masked, open, '(', ')'));
      const object = match[2];
      return [...args.matchAll(/(?:^|,)\s*(\w+)\s*=(?!=)/g)]
        .map((m) => m[1])
        .filter((field) => field !== 'Id')
        .map((field) => ({ object, field, edit: true, where }));
    }
  );
}

/**
 * `for (String field : FIELDS) { copy.put(field, …) }` over a constant list of field names
 * writes each of them on the record the method builds (HandoverServiceRules.editableCopy).
 */
function copiedFields(body: string, file: string, where: string): Need[] {
  const loop = /\bfor\s*\(\s*String\s+(\w+)\s*:\s*(\w+)\s*\)/.exec(body);
  const object = /\bnew\s+(\w+)\s*\(\s*\w+\s*=(?!=)/.exec(body)?.[1];
  if (!loop || !object || !new RegExp(`\\.put\\(\\s*${loop[1]}\\b`).test(body)) return [];
  const constant = new RegExp(`\\b${loop[2]}\\s*=\\s*new\\s+(?:List|Set)<String>\\s*\\{([^}]*)\\}`);
  const list = constant.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return [...list.matchAll(/'(\w+)'/g)].map(([, field]) => ({ object, field, edit: true, where }));
}
