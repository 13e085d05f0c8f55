// The floor `bos validate` is measured against: what Langium alone takes to parse, index
// and link the same files with the same grammar and scoping (no model, analysis or
// checks), as a whole process like the CLI. argv: the workspace folder.
import '../src/language/polyfill.js';
import { DefaultIndexManager, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createBosServices } from '../src/services/bos-module.js';
import { findBosFiles, readSource } from '../src/workspace/files.js';

class BatchIndexManager extends DefaultIndexManager {
    override async updateReferences(): Promise<void> {/* the CLI indexes no references either */}
}

async function main(folder: string): Promise<void> {
    const { shared } = createBosServices(NodeFileSystem, {
        shared: { workspace: { IndexManager: s => new BatchIndexManager(s) } },
    });
    const documents = findBosFiles([folder]).map(readSource).flatMap(source => {
        if ('error' in source) return [];
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(source.path));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [document];
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    const unresolved = documents.flatMap(d => d.references).filter(r => r.error).length;
    process.stdout.write(`${documents.length} files linked, ${unresolved} unresolved references\n`);
}

void main(process.argv[2]);
