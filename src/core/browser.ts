/**
 * What c/batonCore bundles for Lightning components: the whole pure core (zod included).
 * The XML record loader stays out: components receive custom metadata records in the org's
 * row shape (parseModelRecords), and leaving fast-xml-parser behind keeps the bundle small.
 */
export * from './pure';
