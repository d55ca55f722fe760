import { format } from 'c/localeFormat';
import prefilledSource from '@salesforce/label/c.Baton_Handover_Prefilled_Source';
import products from '@salesforce/label/c.Baton_Handover_Source_Products';
import amount from '@salesforce/label/c.Baton_Handover_Source_Amount';
import closeDate from '@salesforce/label/c.Baton_Handover_Source_Close_Date';
import primaryContact from '@salesforce/label/c.Baton_Handover_Source_Primary_Contact';
import contactRoles from '@salesforce/label/c.Baton_Handover_Source_Contact_Roles';
import competitors from '@salesforce/label/c.Baton_Handover_Source_Competitors';
import nextStep from '@salesforce/label/c.Baton_Handover_Source_Next_Step';
import description from '@salesforce/label/c.Baton_Handover_Source_Description';

// Where each field of a handover drafted from the won deal came from (Prefill_Sources__c, as
// the server's prefill wrote it), said so the seller knows what to check.

const IN_WORDS = {
  'OpportunityLineItem.Product2.Name, Quantity': products,
  'Opportunity.Amount': amount,
  'Opportunity.CloseDate': closeDate,
  'OpportunityContactRole.IsPrimary': primaryContact,
  OpportunityContactRole: contactRoles,
  'OpportunityCompetitor.CompetitorName': competitors,
  'Opportunity.NextStep': nextStep,
  'Opportunity.Description': description
};

/** @returns { fieldApiName: sentence } for a draft's Prefill_Sources__c JSON; {} when none */
export function prefillNotes(draft) {
  let sources;
  try {
    sources = JSON.parse((draft && draft.Prefill_Sources__c) || '{}');
  } catch {
    // Not JSON: no notes rather than a broken form.
    return {};
  }
  return Object.fromEntries(
    Object.entries(sources || {}).map(([field, source]) => [
      field,
      format(prefilledSource, IN_WORDS[source] || source)
    ])
  );
}
