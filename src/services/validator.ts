// Hands each document the findings that point into it. All rules run over the whole
// workspace at once (see workspace-model.ts); this is only the bridge to Langium.
import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticRelatedInformation, Location } from 'vscode-languageserver-types';
import type { Place } from '../checks/finding.js';
import type { BosAstType, Model } from '../language/generated/ast.js';
import type { BosServices } from './bos-module.js';
import { placeRange } from './ranges.js';

export function registerValidationChecks(services: BosServices): void {
    const checks: ValidationChecks<BosAstType> = {
        Model: (model: Model, accept: ValidationAcceptor) => {
            const uri = AstUtils.getDocument(model).uri.toString();
            const disabled = services.bos.Settings.disabled;
            for (const f of services.bos.WorkspaceModel.findingsOf(uri)) {
                if (disabled.has(f.code)) continue;
                accept(f.severity, f.message, {
                    node: f.node,
                    property: f.property,
                    index: f.index,
                    code: f.code,
                    range: f.property ? undefined : f.node.$cstNode?.range,
                    relatedInformation: f.related?.map(r => related(r, r.message)),
                    data: f.data,
                });
            }
        },
    };
    services.validation.ValidationRegistry.register(checks);
}

function related(place: Place, message: string): DiagnosticRelatedInformation {
    const uri = AstUtils.getDocument(place.node).uri.toString();
    return DiagnosticRelatedInformation.create(Location.create(uri, placeRange(place)), message);
}
