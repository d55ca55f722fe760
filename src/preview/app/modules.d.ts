// Module names the preview bundler resolves (see ../platformPlugin.ts), declared for tsc.
declare module 'preview/*' {
  import type { LightningElement } from 'lwc';
  const component: typeof LightningElement;
  export default component;
}
declare module 'baton:labels' {
  const table: Record<string, Record<string, string>>;
  export default table;
}
declare module 'baton:picklists' {
  const table: Record<string, Record<string, Record<string, string>>>;
  export default table;
}
declare module '@lwc/synthetic-shadow';
declare module 'baton:flexipage' {
  import type { LightningElement } from 'lwc';
  const regions: Record<string, { name: string; ctor: typeof LightningElement | null }[]>;
  export const missing: string[];
  export default regions;
}
declare module 'baton:apptabs' {
  import type { LightningElement } from 'lwc';
  /** The Baton app's tabs in its order (src/preview/flexipage.ts's appTabsModule). */
  const tabs: (
    | { kind: 'standard'; name: string; object: string }
    | {
        kind: 'custom';
        name: string;
        /** By language; 'en' always. */
        label: Record<string, string>;
        grantedBy: string[];
        missing: string[];
        regions: Record<string, { name: string; ctor: typeof LightningElement | null }[]>;
      }
  )[];
  export default tabs;
}

/** sfdx-project.json's sourceApiVersion, written in by the preview build (../build.ts). */
declare const BATON_API_VERSION: string;
