// Builds one model from files on disk with the shared language services: every file
// is parsed, linked and validated together, so references across files resolve.
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { BosServices } from '../services/bos-module.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { findBosFiles, readSource } from './files.js';
import { loadSources } from './load-sources.js';

export interface LoadedFile {
    path: string;
    diagnostics: Diagnostic[];
    document?: LangiumDocument;
    bom?: boolean;
}

export interface LoadedWorkspace {
    files: LoadedFile[];
    result: WorkspaceResult;
    services: BosServices;
}

export type Progress = (done: number, total: number, phase: string) => void;

/** Finds the `.bos` files of `paths`, reads them strictly as UTF-8, and builds one model. */
export async function loadWorkspace(paths: readonly string[], progress?: Progress): Promise<LoadedWorkspace> {
    return loadSources(findBosFiles(paths).map(readSource), progress);
}
