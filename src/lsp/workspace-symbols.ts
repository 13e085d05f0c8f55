// Workspace symbols by qualified name; a query also matches the last segment alone, so
// `PlaceOrder` finds `tmall.core.Trade.PlaceOrder` (the fuzzy matcher does not treat `.`
// as the start of a word).
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';

export class BosWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    override async getSymbols(params: WorkspaceSymbolParams): Promise<WorkspaceSymbol[]> {
        const out: WorkspaceSymbol[] = [];
        for (const d of this.indexManager.allElements()) {
            const last = d.name.slice(d.name.lastIndexOf('.') + 1);
            if (!this.fuzzyMatcher.match(params.query, d.name) && !this.fuzzyMatcher.match(params.query, last)) {
                continue;
            }
            const symbol = this.getWorkspaceSymbol(d);
            if (symbol) out.push(symbol);
        }
        return out;
    }
}
