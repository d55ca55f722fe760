import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Salesforce features the local org does not have, each answered as an org without the feature
 * answers: the status and error code clients branch on, and a message naming the feature.
 */
interface Feature {
  name: string;
  matches(path: string, req: IncomingMessage): boolean;
  /** How the feature's API speaks: REST JSON, Bulk 1.0's XML error, or a SOAP fault. */
  dialect: 'rest' | 'bulkV1' | 'soap';
}

const VERSIONED = /^\/services\/data\/v\d+\.\d+\//;

const FEATURES: Feature[] = [
  {
    name: 'anonymous Apex (sf apex run)',
    matches: (path) => /^\/services\/Soap\/s\//i.test(path),
    dialect: 'soap'
  },
  {
    name: 'the Metadata API (deploy and retrieve)',
    matches: (path) => /^\/services\/Soap\/m\//i.test(path),
    dialect: 'soap'
  },
  {
    name: 'the SOAP API',
    matches: (path) => /^\/services\/Soap\//i.test(path),
    dialect: 'soap'
  },
  {
    name: 'Bulk API 1.0 (use Bulk API 2.0: /jobs/ingest and /jobs/query)',
    matches: (path) => path.startsWith('/services/async/'),
    dialect: 'bulkV1'
  },
  {
    name: 'the Tooling API (anonymous Apex, Apex classes, debug logs)',
    matches: (path) => VERSIONED.test(path) && path.replace(VERSIONED, '').startsWith('tooling/'),
    dialect: 'rest'
  },
  {
    name: 'file uploads (ContentVersion, sf data create file)',
    matches: (path, req) =>
      VERSIONED.test(path) &&
      (/^multipart\//i.test(req.headers['content-type'] ?? '') ||
        /^sobjects\/Content(Version|Document)/i.test(path.replace(VERSIONED, ''))),
    dialect: 'rest'
  }
];

export const NOT_OFFERED_CODE = 'FUNCTIONALITY_NOT_ENABLED';

const messageFor = (feature: Feature) =>
  `The local org does not offer ${feature.name}. Use a scratch org or sandbox for it.`;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Answers a request for a feature the org lacks; false when the request is for another path. */
export function answerNotOffered(path: string, req: IncomingMessage, res: ServerResponse): boolean {
  const feature = FEATURES.find((f) => f.matches(path, req));
  if (!feature) return false;
  const message = messageFor(feature);
  if (feature.dialect === 'soap') {
    res.writeHead(500, { 'Content-Type': 'text/xml;charset=UTF-8' });
    res.end(
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com"><soapenv:Body><soapenv:Fault>' +
        `<faultcode>sf:${NOT_OFFERED_CODE}</faultcode><faultstring>${NOT_OFFERED_CODE}: ${escapeXml(message)}</faultstring>` +
        '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
    );
  } else if (feature.dialect === 'bulkV1') {
    // Bulk 1.0's own code for a feature the org lacks, in its XML error document.
    res.writeHead(400, { 'Content-Type': 'application/xml;charset=UTF-8' });
    res.end(
      '<?xml version="1.0" encoding="UTF-8"?><error xmlns="http://www.force.com/2009/06/asyncapi/dataload">' +
        `<exceptionCode>FeatureNotEnabled</exceptionCode><exceptionMessage>${escapeXml(message)}</exceptionMessage></error>`
    );
  } else {
    res.writeHead(403, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify([{ errorCode: NOT_OFFERED_CODE, message }]));
  }
  return true;
}
