import { basename, dirname } from 'node:path';
import { isCustomName, type MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';
import { child, children, parseXml, text } from './xmlCheck';

/**
 * Report types, reports and dashboards as a deploy resolves them: a report type's columns
 * name fields of its object, a report on a custom report type (`<Name>__c`) names only
 * columns that type offers (`Object$Field`), and a dashboard's components name reports in the
 * package (`Folder/Report`). A wrong name here fails the deploy, and no offline tool sees it.
 */
export function checkReports(files: string[], model: MetadataModel): Problem[] {
  const reportTypes = new Map<string, { file: string; columns: Set<string> }>();
  const problems: Problem[] = [];
  for (const file of files.filter((f) => f.endsWith('.reportType-meta.xml'))) {
    const root = child(parseXml(file), 'ReportType');
    const base = text(root, 'baseObject');
    const columns = new Set<string>();
    for (const section of children(root, 'sections'))
      for (const column of children(section, 'columns')) {
        const field = text(column, 'field');
        const table = text(column, 'table');
        columns.add(`${table}$${field}`);
        if (table === base) problems.push(...fieldProblems(file, base, field, model));
      }
    if (isCustomName(base) && !model.objects.get(base)?.definition)
      problems.push(problem('report', file, `base object ${base} is not in the package`));
    reportTypes.set(basename(file, '.reportType-meta.xml'), { file, columns });
  }
  const reports = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.report-meta.xml'))) {
    reports.add(`${basename(dirname(file))}/${basename(file, '.report-meta.xml')}`);
    problems.push(...reportProblems(file, reportTypes));
  }
  for (const file of files.filter((f) => f.endsWith('.dashboard-meta.xml')))
    for (const name of dashboardReports(child(parseXml(file), 'Dashboard')))
      if (!reports.has(name))
        problems.push(
          problem('report', file, `component names report ${name}, which is not in the package`)
        );
  return problems;
}

/** A custom field (the first step of a lookup path) must be defined on the object. */
function fieldProblems(
  file: string,
  object: string,
  field: string,
  model: MetadataModel
): Problem[] {
  const first = field.split('.')[0];
  const name = field.includes('.') ? first.replace(/__r$/, '__c') : first;
  if (!isCustomName(name) || model.objects.get(object)?.fields.has(name)) return [];
  return [problem('report', file, `column ${object}.${field}: no field ${name} on ${object}`)];
}

function reportProblems(
  file: string,
  reportTypes: Map<string, { columns: Set<string> }>
): Problem[] {
  const root = child(parseXml(file), 'Report');
  const reportType = text(root, 'reportType');
  // Standard report types are the org's; only the package's own can be checked here.
  if (!reportType.endsWith('__c')) return [];
  const type = reportTypes.get(reportType.slice(0, -'__c'.length));
  if (!type) return [problem('report', file, `report type ${reportType} is not in the package`)];
  const used = [
    ...children(root, 'columns').map((c) => text(c, 'field')),
    ...children(root, 'groupingsDown').map((g) => text(g, 'field')),
    ...children(root, 'groupingsAcross').map((g) => text(g, 'field')),
    ...children(child(root, 'filter'), 'criteriaItems').map((c) => text(c, 'column'))
  ];
  return [...new Set(used)]
    .filter((column) => !type.columns.has(column))
    .map((column) =>
      problem('report', file, `column ${column} is not offered by report type ${reportType}`)
    );
}

function dashboardReports(root: Record<string, unknown>): string[] {
  const grid = children(child(root, 'dashboardGridLayout'), 'dashboardGridComponents').map((c) =>
    child(c, 'dashboardComponent')
  );
  const sections = ['leftSection', 'middleSection', 'rightSection'].flatMap((s) =>
    children(child(root, s), 'components')
  );
  return [...grid, ...sections].map((component) => text(component, 'report')).filter(Boolean);
}
