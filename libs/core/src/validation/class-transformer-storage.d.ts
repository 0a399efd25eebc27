// class-transformer keeps its decorator registry in this module and ships its types elsewhere
// (types/storage.d.ts); the precheck reads it to leave transformed DTOs to plainToInstance.
declare module 'class-transformer/cjs/storage.js' {
  export const defaultMetadataStorage: {
    findTransformMetadatas(target: Function, propertyName: string, transformationType: number): unknown[];
    findTypeMetadata(target: Function, propertyName: string): unknown;
    getStrategy(target: Function): 'excludeAll' | 'exposeAll' | 'none';
    getExposedMetadatas(target: Function): unknown[];
    getExcludedMetadatas(target: Function): unknown[];
  };
}
