// How long the extension took to its first diagnostics, and the steps on the way, in ms
// after activation: one log line that the activation benchmarks read (bench/activation.ts).
export class StartupSteps {
    private readonly steps = new Map<string, number>();
    private readonly activated = Date.now();

    /** When a step first happened. */
    first(step: string): void {
        if (!this.steps.has(step)) this.steps.set(step, Date.now() - this.activated);
    }

    /** When a repeated step last happened (the last file answered before the first diagnostics). */
    latest(step: string): void {
        this.steps.set(step, Date.now() - this.activated);
    }

    firstDiagnosticsLine(): string {
        const parts = [...this.steps].map(([step, ms]) => `${step} ${ms} ms`).join(', ');
        return `first diagnostics ${Date.now() - this.activated} ms after activation${parts && ` (${parts})`}`;
    }
}
