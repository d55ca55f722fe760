import { join } from 'node:path';
import { loadModel } from './metadataModel';
import { formatProblems, listFiles } from './problem';
import { checkReports } from './reportCheck';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

jest.setTimeout(60_000);

const REPORT =
  'force-app/main/default/reports/Baton/Baton_Accounts_By_Health_And_Segment.report-meta.xml';
const REPORT_TYPE = 'force-app/main/default/reportTypes/Baton_Accounts.reportType-meta.xml';
const DASHBOARD =
  'force-app/main/default/dashboards/Baton/Baton_Portfolio_Dashboard.dashboard-meta.xml';

describe('report types, reports and dashboards', () => {
  it('it_should_find_no_problem_in_the_shipped_reports', () => {
    const files = listFiles(join(REPO_ROOT, 'force-app'));
    expect(formatProblems(checkReports(files, loadModel(files)))).toBe('');
  });

  it('it_should_report_a_column_the_report_type_does_not_offer', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(REPORT, (xml) =>
        xml.replace('Account$Touch_Tier__c', 'Account$Suggested_Touch_Tier__c')
      )
    );
    expect(problems).toEqual([
      'report main/default/reports/Baton/Baton_Accounts_By_Health_And_Segment.report-meta.xml: column Account$Suggested_Touch_Tier__c is not offered by report type Baton_Accounts__c'
    ]);
  });

  it('it_should_report_a_report_type_column_naming_no_field', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(REPORT_TYPE, (xml) =>
        xml.replace('<field>Profitability__c</field>', '<field>Profit__c</field>')
      )
    );
    expect(problems).toContain(
      'report main/default/reportTypes/Baton_Accounts.reportType-meta.xml: column Account.Profit__c: no field Profit__c on Account'
    );
  });

  it('it_should_report_a_dashboard_component_naming_no_report', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(DASHBOARD, (xml) =>
        xml.replace('Baton/Baton_Touchpoints_Due', 'Baton/Touchpoints_Due')
      )
    );
    expect(problems).toEqual([
      'report main/default/dashboards/Baton/Baton_Portfolio_Dashboard.dashboard-meta.xml: component names report Baton/Touchpoints_Due, which is not in the package'
    ]);
  });
});
