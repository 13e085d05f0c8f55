// Dependency-injection wiring: the one implementation of the language, used by the
// CLI, the language server and the diagrams.
import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { BosGeneratedModule, BosGeneratedSharedModule } from '../language/generated/module.js';
import { BosScopeComputation, BosScopeProvider } from '../language/scope.js';
import { BosTokenBuilder } from '../language/token-builder.js';
import { BosValueConverter } from '../language/value-converter.js';
import { BosDocumentValidator } from './document-validator.js';
import { BosFormatter } from './formatter.js';
import { BosLinker } from './linker.js';
import { createBosParser } from './parser.js';
import { BosReferenceDescriptionProvider } from './reference-descriptions.js';
import { BosSettings } from './settings.js';
import { registerValidationChecks } from './validator.js';
import { BosWorkspaceModel } from './workspace-model.js';

export interface BosAddedServices {
    bos: { WorkspaceModel: BosWorkspaceModel; Settings: BosSettings };
    references: { ScopeProvider: BosScopeProvider; Linker: BosLinker };
}

export type BosServices = LangiumServices & BosAddedServices;

export const BosModule: Module<BosServices, PartialLangiumServices & BosAddedServices> = {
    bos: {
        Settings: () => new BosSettings(),
        WorkspaceModel: services => new BosWorkspaceModel(services, services.bos.Settings, services.references.Linker),
    },
    lsp: { Formatter: () => new BosFormatter() },
    references: {
        ScopeComputation: services => new BosScopeComputation(services),
        ScopeProvider: services => new BosScopeProvider(services),
        Linker: services => new BosLinker(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services =>
            new BosReferenceDescriptionProvider(services, services.references.Linker),
    },
    parser: {
        ValueConverter: () => new BosValueConverter(),
        TokenBuilder: () => new BosTokenBuilder(),
        LangiumParser: services => createBosParser(services),
    },
    validation: { DocumentValidator: services => new BosDocumentValidator(services) },
};

/** Host-specific replacements: the language server adds editor features, the CLI drops the reference index. */
export interface BosOverrides {
    shared?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
    language?: Module<BosServices, PartialLangiumServices>;
}

export function createBosServices(
    context: DefaultSharedModuleContext,
    overrides: BosOverrides = {},
): { shared: LangiumSharedServices; Bos: BosServices } {
    const shared = inject(createDefaultSharedModule(context), BosGeneratedSharedModule, overrides.shared ?? {});
    const Bos = inject(createDefaultModule({ shared }), BosGeneratedModule, BosModule, overrides.language ?? {});
    shared.ServiceRegistry.register(Bos);
    registerValidationChecks(Bos);
    if (!context.connection) {
        // No language client will send configuration; mark it ready so builds don't wait.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Bos };
}
