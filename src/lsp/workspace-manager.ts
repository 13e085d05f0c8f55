// Every .bos file of the workspace folders is checked at start-up, open or not, so the
// Problems panel shows the whole model from the first moment.
import { DefaultWorkspaceManager, type LangiumSharedCoreServices } from 'langium';

export class BosWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }
}
