import { readFileSync } from 'node:fs';
import { API_VERSION } from './apiVersion';

describe('API_VERSION', () => {
  it("is sfdx-project.json's sourceApiVersion", () => {
    const project = JSON.parse(readFileSync('sfdx-project.json', 'utf8'));
    expect(API_VERSION).toBe(project.sourceApiVersion);
    expect(API_VERSION).toMatch(/^\d+\.0$/);
  });
});
