// Validates a document against the OASIS SARIF 2.1.0 schema (draft-04, hence ajv-draft-04).
import AjvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';

const validate = new AjvDraft04.default({ allErrors: true, strict: false })
    .compile(JSON.parse(readFileSync('test/fixtures/sarif-schema-2.1.0.json', 'utf8')));

/** The schema's complaints about `doc`, or [] when it is valid SARIF. */
export function sarifErrors(doc: unknown): unknown[] {
    return validate(doc) ? [] : validate.errors ?? [];
}
