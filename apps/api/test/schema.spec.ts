import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApp, TestApp } from './test-app';

const SCHEMA_FILE = path.resolve(__dirname, '../schema.gql');
const HEADER = '# Generated from the code-first types by `npm run schema`; do not edit.\n\n';

describe('schema.gql', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is committed and matches the schema the code builds', () => {
    const schema = app.server.app.get(GraphQLSchemaHost).schema;
    const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it('offers the contract operations built so far', () => {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    for (const operation of ['login', 'me', 'regions', 'organisations', 'agreements', 'agreement', 'createAgreement']) {
      expect(text).toMatch(new RegExp(`^\\s+${operation}[(:]`, 'm'));
    }
  });
});
