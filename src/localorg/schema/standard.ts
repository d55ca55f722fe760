import type { FieldDef, FieldType } from './types';

/**
 * The standard objects Baton uses, with their common fields. An org has far more; these are
 * the ones Baton's services, the preview and `sf data` commands touch.
 */
type Spec = [name: string, type: FieldType, extra?: Partial<FieldDef>];

const ref = (to: string, relationshipName: string, extra: Partial<FieldDef> = {}) => ({
  referenceTo: [to],
  relationshipName,
  ...extra
});
/** Objects an activity or a feed post can be about (polymorphic lookups). */
const WHAT = ['Account', 'Opportunity', 'Case', 'Handover__c'];
const pick = (values: string[], defaultValue?: string) => ({
  picklistValues: values.map((value) => ({ value, label: value, default: value === defaultValue })),
  defaultValue
});

export const STANDARD_OBJECTS: Record<string, { label: string; prefix: string; fields: Spec[] }> = {
  Organization: {
    label: 'Organization',
    prefix: '00D',
    fields: [
      ['Name', 'string', { length: 80 }],
      ['OrganizationType', 'string', { length: 40 }],
      ['InstanceName', 'string', { length: 40 }],
      ['IsSandbox', 'boolean'],
      ['TrialExpirationDate', 'datetime'],
      ['NamespacePrefix', 'string', { length: 15 }],
      ['LanguageLocaleKey', 'string', { length: 40 }]
    ]
  },
  Profile: {
    label: 'Profile',
    prefix: '00e',
    fields: [
      ['Name', 'string', { length: 255, required: true }],
      ['UserType', 'string', { length: 40 }]
    ]
  },
  User: {
    label: 'User',
    prefix: '005',
    fields: [
      ['Username', 'string', { length: 80, required: true, unique: true }],
      ['FirstName', 'string', { length: 40 }],
      ['LastName', 'string', { length: 80, required: true }],
      ['Name', 'string', { length: 121, system: true }],
      ['Email', 'email', { length: 128 }],
      ['Alias', 'string', { length: 8 }],
      ['Title', 'string', { length: 80 }],
      ['IsActive', 'boolean', { defaultValue: true }],
      ['LanguageLocaleKey', 'string', { length: 40, defaultValue: 'en_US' }],
      ['LocaleSidKey', 'string', { length: 40, defaultValue: 'en_US' }],
      ['ProfileId', 'reference', ref('Profile', 'Profile')],
      ['Persona__c', 'string', { length: 40, label: 'Baton persona (local org)' }]
    ]
  },
  PermissionSet: {
    label: 'Permission Set',
    prefix: '0PS',
    fields: [
      ['Name', 'string', { length: 80, required: true }],
      ['Label', 'string', { length: 80 }]
    ]
  },
  PermissionSetAssignment: {
    label: 'Permission Set Assignment',
    prefix: '0Pa',
    fields: [
      ['AssigneeId', 'reference', { required: true, ...ref('User', 'Assignee') }],
      ['PermissionSetId', 'reference', { required: true, ...ref('PermissionSet', 'PermissionSet') }]
    ]
  },
  Account: {
    label: 'Account',
    prefix: '001',
    fields: [
      ['Name', 'string', { length: 255, required: true }],
      ['Website', 'url', { length: 255 }],
      ['Industry', 'string', { length: 255 }],
      ['Type', 'string', { length: 255 }],
      ['Phone', 'phone', { length: 40 }],
      ['BillingCity', 'string', { length: 40 }],
      ['BillingCountry', 'string', { length: 80 }],
      ['NumberOfEmployees', 'int'],
      ['AnnualRevenue', 'currency'],
      ['Description', 'textarea', { length: 32000 }],
      ['ParentId', 'reference', ref('Account', 'Parent')]
    ]
  },
  Contact: {
    label: 'Contact',
    prefix: '003',
    fields: [
      ['FirstName', 'string', { length: 40 }],
      ['LastName', 'string', { length: 80, required: true }],
      ['Name', 'string', { length: 121, system: true }],
      ['Email', 'email', { length: 80 }],
      ['Phone', 'phone', { length: 40 }],
      ['Title', 'string', { length: 128 }],
      ['AccountId', 'reference', ref('Account', 'Account')]
    ]
  },
  Opportunity: {
    label: 'Opportunity',
    prefix: '006',
    fields: [
      ['Name', 'string', { length: 120, required: true }],
      ['AccountId', 'reference', ref('Account', 'Account')],
      [
        'StageName',
        'picklist',
        {
          required: true,
          ...pick([
            'Prospecting',
            'Qualification',
            'Proposal',
            'Negotiation',
            'Closed Won',
            'Closed Lost'
          ])
        }
      ],
      ['CloseDate', 'date', { required: true }],
      ['Amount', 'currency'],
      ['Type', 'string', { length: 255 }],
      ['Description', 'textarea', { length: 32000 }],
      ['NextStep', 'string', { length: 255 }],
      ['IsClosed', 'boolean', { system: true }],
      ['IsWon', 'boolean', { system: true }]
    ]
  },
  OpportunityContactRole: {
    label: 'Opportunity Contact Role',
    prefix: '00K',
    fields: [
      ['OpportunityId', 'reference', ref('Opportunity', 'Opportunity', { required: true })],
      ['ContactId', 'reference', ref('Contact', 'Contact', { required: true })],
      ['Role', 'string', { length: 40 }],
      ['IsPrimary', 'boolean']
    ]
  },
  OpportunityTeamMember: {
    label: 'Opportunity Team Member',
    prefix: '00q',
    fields: [
      ['OpportunityId', 'reference', ref('Opportunity', 'Opportunity', { required: true })],
      ['UserId', 'reference', ref('User', 'User', { required: true })],
      ['TeamMemberRole', 'string', { length: 40 }],
      ['OpportunityAccessLevel', 'picklist', pick(['Read', 'Edit', 'All'])]
    ]
  },
  OpportunityCompetitor: {
    label: 'Opportunity: Competitor',
    prefix: '00J',
    fields: [
      ['OpportunityId', 'reference', ref('Opportunity', 'Opportunity', { required: true })],
      ['CompetitorName', 'string', { length: 40 }],
      ['Strengths', 'string', { length: 1000 }],
      ['Weaknesses', 'string', { length: 1000 }]
    ]
  },
  Case: {
    label: 'Case',
    prefix: '500',
    fields: [
      ['CaseNumber', 'string', { system: true, autoNumberFormat: '{00000000}' }],
      ['Subject', 'string', { length: 255 }],
      ['Description', 'textarea', { length: 32000 }],
      ['Status', 'picklist', pick(['New', 'Working', 'Escalated', 'Closed'], 'New')],
      ['Priority', 'picklist', pick(['High', 'Medium', 'Low'], 'Medium')],
      ['Origin', 'string', { length: 40 }],
      ['IsClosed', 'boolean', { system: true }],
      ['IsEscalated', 'boolean', { defaultValue: false }],
      ['ClosedDate', 'datetime'],
      ['AccountId', 'reference', ref('Account', 'Account')],
      ['ContactId', 'reference', ref('Contact', 'Contact')]
    ]
  },
  Task: {
    label: 'Task',
    prefix: '00T',
    fields: [
      ['Subject', 'string', { length: 255 }],
      [
        'Status',
        'picklist',
        {
          required: true,
          ...pick(
            ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
            'Not Started'
          )
        }
      ],
      ['Priority', 'picklist', pick(['High', 'Normal', 'Low'], 'Normal')],
      ['ActivityDate', 'date'],
      ['Type', 'string', { length: 40 }],
      ['TaskSubtype', 'string', { length: 40 }],
      ['Description', 'textarea', { length: 32000 }],
      ['IsClosed', 'boolean', { system: true }],
      ['CompletedDateTime', 'datetime'],
      ['WhatId', 'reference', { referenceTo: WHAT, relationshipName: 'What' }],
      ['WhoId', 'reference', ref('Contact', 'Who')]
    ]
  },
  Event: {
    label: 'Event',
    prefix: '00U',
    fields: [
      ['Subject', 'string', { length: 255 }],
      ['StartDateTime', 'datetime'],
      ['EndDateTime', 'datetime'],
      ['ActivityDate', 'date'],
      ['DurationInMinutes', 'int'],
      ['Type', 'string', { length: 40 }],
      ['Description', 'textarea', { length: 32000 }],
      ['WhatId', 'reference', { referenceTo: WHAT, relationshipName: 'What' }],
      ['WhoId', 'reference', ref('Contact', 'Who')]
    ]
  },
  FeedItem: {
    label: 'Feed Item',
    prefix: '0D5',
    fields: [
      [
        'ParentId',
        'reference',
        { required: true, referenceTo: [...WHAT, 'User'], relationshipName: 'Parent' }
      ],
      ['Body', 'textarea', { length: 10000 }],
      ['Type', 'string', { length: 40, defaultValue: 'TextPost' }],
      ['Title', 'string', { length: 255 }],
      ['LinkUrl', 'url', { length: 1000 }],
      ['CommentCount', 'int', { defaultValue: 0 }],
      ['Segments__c', 'textarea', { length: 131072, label: 'Message segments (local org)' }]
    ]
  },
  FeedComment: {
    label: 'Feed Comment',
    prefix: '0D7',
    fields: [
      ['FeedItemId', 'reference', { required: true, ...ref('FeedItem', 'FeedItem') }],
      ['ParentId', 'reference', { referenceTo: [...WHAT, 'User'], relationshipName: 'Parent' }],
      ['CommentBody', 'textarea', { length: 10000 }],
      ['Segments__c', 'textarea', { length: 131072, label: 'Message segments (local org)' }]
    ]
  }
};

/** Fields every object has; the org sets them. */
export const SYSTEM_FIELDS: Spec[] = [
  ['Id', 'id', { system: true }],
  ['IsDeleted', 'boolean', { system: true }],
  ['CreatedDate', 'datetime', { system: true }],
  ['CreatedById', 'reference', { system: true, ...ref('User', 'CreatedBy') }],
  ['LastModifiedDate', 'datetime', { system: true }],
  ['LastModifiedById', 'reference', { system: true, ...ref('User', 'LastModifiedBy') }],
  ['SystemModstamp', 'datetime', { system: true }]
];

/** Objects whose records have an owner (custom objects that are not details also do). */
export const OWNED = new Set(['Account', 'Contact', 'Opportunity', 'Case', 'Task', 'Event']);

export function toFieldDef([name, type, extra]: Spec): FieldDef {
  return { name, label: extra?.label ?? name, type, required: false, ...extra };
}
