import SwaggerParser from '@apidevtools/swagger-parser';

// An independent check of the document the service generates (not @nestjs/swagger's own view).
async function main(): Promise<void> {
  const path = process.argv[2] ?? 'openapi.json';
  const document = await SwaggerParser.validate(path);
  const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.keys(item ?? {}));
  console.log(
    `${path} is a valid OpenAPI ${'openapi' in document ? document.openapi : ''} document with ${operations.length} operations`,
  );
}

main().catch((error: unknown) => {
  console.error(String(error));
  process.exit(1);
});
