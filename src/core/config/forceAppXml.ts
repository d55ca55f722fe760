import { XMLParser } from 'fast-xml-parser';

/** Parsed force-app XML: elements as objects keyed by tag, leaves as the strings the file holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's reader narrows it
export type XmlTree = Record<string, any>;

/** What a kind of force-app file needs beyond the shared settings. */
export interface XmlShape {
  /** Elements read as lists however many the file holds, so one `<values>` reads like many. */
  arrays?: readonly string[];
  /** Keep attributes as `@name` beside `#text` (custom metadata's `xsi:type` and `xsi:nil`). */
  attributes?: boolean;
}

/**
 * The one reader of force-app XML: leaves stay trimmed strings (a length's '255', a checkbox's
 * 'true'), since only the caller knows that a Text value of '007' is not the number 7.
 */
export function forceAppXml({ arrays = [], attributes = false }: XmlShape = {}): (
  xml: string
) => XmlTree {
  const repeated = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: !attributes,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => repeated.has(name)
  });
  return (xml) => parser.parse(xml) as XmlTree;
}
