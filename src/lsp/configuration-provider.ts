// `bos.*` settings, asked for only in the ways the client said it supports. Langium
// registers `workspace/didChangeConfiguration` whenever the client answers
// `workspace/configuration`, without asking whether it registers capabilities at run
// time; eglot 1.9 does not, and warns on every connection.
import { type ConfigurationInitializedParams, DefaultConfigurationProvider } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

export class BosConfigurationProvider extends DefaultConfigurationProvider {
    private dynamicRegistration = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.dynamicRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override initialized(params: ConfigurationInitializedParams): Promise<void> {
        // Without the registration the client still pushes changes: Langium listens for them anyway.
        return super.initialized(this.dynamicRegistration ? params : { ...params, register: undefined });
    }
}
