/** `-o, --target-org`, which every command that talks to an org takes, worded once. */
export const TARGET_ORG_OPTION: [flags: string, description: string] = [
  '-o, --target-org <alias>',
  'org alias or username (sf CLI auth store); default: the local org'
];
