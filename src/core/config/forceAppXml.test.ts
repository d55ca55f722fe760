import { forceAppXml } from './forceAppXml';

const FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Code__c</fullName>
    <length>  007 </length>
    <required>true</required>
    <value xsi:type="xsd:double">2.5</value>
</CustomField>`;

describe('forceAppXml', () => {
  it('keeps every leaf the trimmed string the file holds', () => {
    expect(forceAppXml()(FIELD).CustomField).toEqual({
      fullName: 'Code__c',
      length: '007',
      required: 'true',
      value: '2.5'
    });
  });

  it('reads the named elements as lists however many there are', () => {
    const field = forceAppXml({ arrays: ['value'] })(FIELD).CustomField;
    expect(field.value).toEqual(['2.5']);
    expect(field.fullName).toBe('Code__c');
  });

  it('keeps attributes as @name beside #text only when asked', () => {
    expect(forceAppXml({ attributes: true })(FIELD).CustomField.value).toEqual({
      '#text': '2.5',
      '@xsi:type': 'xsd:double'
    });
  });
});
