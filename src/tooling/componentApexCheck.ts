import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';

/**
 * A component's Apex call fails only at run time when the method is not a public or global
 * static @AuraEnabled method, or when an argument key is not one of its parameter names
 * (Aura maps the keys to parameters by exact name and silently passes null for the rest).
 */
export function checkComponentApexCalls(files: string[], model: MetadataModel): Problem[] {
  return files
    .filter((file) => /\/lwc\/[^/]+\/.+\.js$/.test(file) && !file.includes('/__tests__/'))
    .flatMap((file) => componentCalls(file, model));
}

function componentCalls(file: string, model: MetadataModel): Problem[] {
  const code = readFileSync(file, 'utf8');
  if (!code.includes('@salesforce/apex/')) return [];
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest);
  const imported = new Map<string, { className: string; method: string }>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    const [, className, method] = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(from) ?? [];
    const local = statement.importClause?.name?.text;
    if (className && local) imported.set(local, { className, method });
  }
  const problems: Problem[] = [];
  const parameters = new Map<string, string[] | undefined>();
  for (const [, { className, method }] of imported) {
    const classFile = model.classes.get(className);
    const found = classFile ? auraEnabledParameters(classFile, method) : undefined;
    parameters.set(`${className}.${method}`, found);
    if (classFile && !found) {
      const message = `imports ${className}.${method}, which is not a public or global static @AuraEnabled method`;
      problems.push(problem('component-apex', file, message));
    }
  }
  const visit = (node: ts.Node): void => {
    const call = apexCall(node, imported);
    if (call) {
      const target = `${call.className}.${call.method}`;
      const names = parameters.get(target);
      for (const key of names ? argumentKeys(call.argument) : []) {
        if (names?.includes(key)) continue;
        const line = source.getLineAndCharacterOfPosition(call.argument!.getStart(source)).line + 1;
        const message = `line ${line}: ${target} has no parameter "${key}" (it takes ${names?.join(', ') || 'none'})`;
        problems.push(problem('component-apex', file, message));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

type ApexCall = { className: string; method: string; argument?: ts.Expression };

/** `method({ … })` or `@wire(method, { … })` for an imported Apex method. */
function apexCall(node: ts.Node, imported: Map<string, ApexCall>): ApexCall | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const callee = node.expression.text;
  const [first, second] = node.arguments;
  if (imported.has(callee)) return { ...imported.get(callee)!, argument: first };
  if (callee === 'wire' && first && ts.isIdentifier(first) && imported.has(first.text)) {
    return { ...imported.get(first.text)!, argument: second };
  }
  return undefined;
}

/** The keys of an object-literal argument; spreads and non-literal arguments are not judged. */
function argumentKeys(argument: ts.Expression | undefined): string[] {
  if (!argument || !ts.isObjectLiteralExpression(argument)) return [];
  return argument.properties.flatMap((property) =>
    (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
    (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
      ? [property.name.text]
      : []
  );
}

/** The parameter names of `@AuraEnabled … public|global static <Type> method(…)`, if any. */
export function auraEnabledParameters(classFile: string, method: string): string[] | undefined {
  const code = readFileSync(classFile, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const signature = new RegExp(
    `@AuraEnabled\\b(?:\\s*\\([^)]*\\))?\\s+(?:(?:public|global)\\s+static|static\\s+(?:public|global))\\s+[\\w.<>,\\s]+?\\s+${method}\\s*\\(([^)]*)\\)`,
    'i'
  ).exec(code);
  if (!signature) return undefined;
  return splitTopLevel(signature[1])
    .map((parameter) => /(\w+)\s*$/.exec(parameter.trim())?.[1] ?? '')
    .filter(Boolean);
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of list) {
    if (character === '<') depth++;
    if (character === '>') depth--;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  return current.trim() ? [...parts, current] : parts;
}
