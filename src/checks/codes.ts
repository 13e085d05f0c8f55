// Every diagnostic code of the language (spec sections 4, 5 and 7), its severity and what
// it means. SARIF rules and the docs are generated from this table.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const CODES = {
    'bos/syntax': { severity: 'error', summary: 'The text does not parse.' },
    'bos/unresolved': { severity: 'error', summary: 'A reference or import names nothing.' },
    'bos/duplicate': { severity: 'error', summary: 'Two declarations share a qualified name.' },
    'bos/target-kind': { severity: 'error', summary: 'A reference names the wrong sort of declaration.' },
    'bos/layering': { severity: 'error', summary: 'A dependency points upward in the business-OS stack.' },
    'bos/layer-skip': {
        severity: 'warning',
        summary: 'A commerce element or actor uses infrastructure directly, bypassing the middle platforms.',
    },
    'bos/cycle': { severity: 'error', summary: 'Dependencies form a cycle.' },
    'bos/missing-kind': { severity: 'error', summary: 'A platform, element or resource declares no kind.' },
    'bos/unknown-kind': { severity: 'error', summary: 'A kind that its layer does not have.' },
    'bos/undigitised': { severity: 'warning', summary: 'A commerce element that uses nothing is not online yet.' },
    'bos/unhosted': { severity: 'warning', summary: 'A capability that runs on no resource.' },
    'bos/unused': { severity: 'hint', summary: 'A capability or resource that nothing depends on or steps through.' },
    'bos/unit': { severity: 'error', summary: 'A quantity has the wrong unit for its place.' },
    'bos/currency': { severity: 'error', summary: 'The costs and budget one scenario reaches mix currencies.' },
    'bos/empty-flow': { severity: 'error', summary: 'A flow with no step.' },
    'bos/repeated': {
        severity: 'warning',
        summary: 'A single-valued property is written more than once; the first one counts.',
    },
    'bos/number': { severity: 'error', summary: 'A number too large to compute with (beyond about 1.8e308).' },
    'bos/overload': { severity: 'error', summary: 'A scenario loads a capability or resource beyond its capacity.' },
    'bos/headroom': { severity: 'warning', summary: 'A scenario loads a capability or resource into its headroom.' },
    'bos/no-capacity': {
        severity: 'info',
        summary: 'A loaded capability or resource declares no capacity, so it cannot be checked.',
    },
    'bos/over-budget': { severity: 'error', summary: "A scenario's cost per 10k transactions exceeds its budget." },
    'bos/slo': {
        severity: 'error',
        summary: 'A scenario takes a flow over its SLO, or saturates a node the flow visits.',
    },
    'bos/capacity-mismatch': {
        severity: 'warning',
        summary: 'A declared capacity differs by more than 1% from instances × concurrency / latency.',
    },
    'bos/no-latency': {
        severity: 'info',
        summary: "A node that a flow with an SLO visits declares no latency, so the flow's latency is incomplete.",
    },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type Code = keyof typeof CODES;
