import { resolve } from 'node:path';
import {
  ComponentSet,
  ForceIgnore,
  MetadataConverter,
  SourceComponent
} from '@salesforce/source-deploy-retrieve';
import { listFiles, problem, type Problem } from './problem';

/**
 * Builds the deployable component set the way `sf project deploy start` does and converts it
 * to Metadata API format in memory. source-deploy-retrieve reports unknown types, but it
 * silently drops a source file whose `-meta.xml` is missing, so we compare the files on
 * disk with the files the set actually holds.
 */
export async function checkComponentSet(
  packageDir: string,
  apiVersion: string
): Promise<Problem[]> {
  const dir = resolve(packageDir);
  let set: ComponentSet;
  try {
    set = ComponentSet.fromSource(dir);
  } catch (error) {
    return [problem('unknown-type', fileOf(error) ?? dir, messageOf(error))];
  }
  // Without an explicit version SDR asks the internet for the latest one (and waits ~12 s).
  set.sourceApiVersion = apiVersion;
  const problems: Problem[] = [];
  try {
    await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
  } catch (error) {
    problems.push(problem('conversion', fileOf(error) ?? dir, messageOf(error)));
  }
  return [...problems, ...droppedFiles(dir, set)];
}

function droppedFiles(dir: string, set: ComponentSet): Problem[] {
  const covered = new Set<string>();
  const cover = (component: SourceComponent): void => {
    if (component.xml) covered.add(resolve(component.xml));
    for (const file of component.walkContent()) covered.add(resolve(file));
    component.getChildren().forEach(cover);
  };
  set.getSourceComponents().toArray().forEach(cover);
  const ignore = ForceIgnore.findAndCreate(dir);
  return listFiles(dir)
    .filter((file) => !covered.has(file) && !ignore.denies(file))
    .map((file) =>
      problem(
        'dropped-component',
        file,
        'not part of any deployable component (missing or misnamed -meta.xml?); it would not deploy'
      )
    );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function fileOf(error: unknown): string | undefined {
  const match = /(\/[^\s:]+\.[A-Za-z-]+(?:-meta\.xml)?)/.exec(messageOf(error));
  return match?.[1];
}
