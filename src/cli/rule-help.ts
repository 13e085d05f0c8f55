// What code scanning shows beside a finding: for every code of checks/codes.ts, what it
// means in full and how to fix it. GitHub requires a rule's `fullDescription` and `help`;
// `CODES[code].summary` stays the one-line `shortDescription`. Typed by `Code`, so a new
// code does not compile until it has its help.
import type { Code } from '../checks/codes.js';

export interface RuleHelp {
    /** Groups the rule with its kin in code scanning's filters. */
    tags: readonly string[];
    /** What the finding means, in full (plain text; `code` spans become Markdown code). */
    description: string;
    /** What to change in the model. */
    fix: string;
}

export const RULE_HELP: Readonly<Record<Code, RuleHelp>> = {
    'bos/syntax': {
        tags: ['syntax'],
        description:
            'The text does not parse as BOS, or the file is not UTF-8 text. The rest of the file is still checked '
            + 'as far as it can be read.',
        fix: 'Correct the text at the reported token; for a file that is not UTF-8, save it as UTF-8.',
    },
    'bos/unresolved': {
        tags: ['references'],
        description:
            'A reference or an import names nothing. Names resolve as a bare child of the same container, then in '
            + "the file's package, then through its imports, then as a fully qualified name.",
        fix: 'Correct the name, add the `import` of the package that declares it, or declare it.',
    },
    'bos/duplicate': {
        tags: ['references'],
        description:
            'Two declarations share a qualified name, in one file or across files. References resolve to the first '
            + 'in file-path order.',
        fix: 'Rename one of them, or move it into another package.',
    },
    'bos/target-kind': {
        tags: ['references'],
        description:
            'A reference names the wrong sort of declaration: `runs on` and `depends on` need resources, `calls` '
            + 'and `step` capabilities, `from` an actor, `load` a flow, `overlay` a scenario.',
        fix: 'Point the reference at a declaration of the sort its relation needs.',
    },
    'bos/layering': {
        tags: ['architecture', 'layering'],
        description: 'A dependency points up the business-OS stack (actors, commerce elements, middle platforms, '
            + 'infrastructure): a platform capability or a resource depends on a commerce element or an actor.',
        fix: 'Reverse the dependency, or move the shared part down into a middle platform.',
    },
    'bos/layer-skip': {
        tags: ['architecture', 'layering'],
        description: 'A commerce element or an actor uses infrastructure directly, bypassing the middle platforms that '
            + 'should stand between them.',
        fix: 'Use a capability of a middle platform that runs on the infrastructure instead.',
    },
    'bos/cycle': {
        tags: ['architecture', 'dependencies'],
        description:
            'Dependencies form a cycle. It is reported once, at the reference that leaves its first member; the '
            + 'message names the whole cycle, and every member is a related location. The scenario analysis is '
            + 'skipped while a cycle exists.',
        fix: 'Remove or reverse one dependency of the cycle.',
    },
    'bos/missing-kind': {
        tags: ['kinds'],
        description:
            'A platform, commerce element or resource declares no kind (`: business`, `: sales`, `: database`).',
        fix: 'Add the kind after the name: `platform Trade : business`.',
    },
    'bos/unknown-kind': {
        tags: ['kinds'],
        description:
            "A kind that its layer does not have, or a view's `kind`/`layer` pattern that names none. The message "
            + 'suggests the nearest valid word.',
        fix: "Use one of the kinds of the declaration's layer.",
    },
    'bos/undigitised': {
        tags: ['completeness'],
        description: 'A commerce element that uses nothing: no platform capability serves it, so it is not online yet.',
        fix: 'Add `uses` with the capabilities the element relies on.',
    },
    'bos/unhosted': {
        tags: ['completeness'],
        description: 'A capability that runs on no resource, so no load reaches infrastructure and no cost is counted.',
        fix: 'Add `runs on` with the resources that serve it.',
    },
    'bos/unused': {
        tags: ['maintainability'],
        description: 'A capability or resource that nothing depends on or steps through.',
        fix: 'Remove it, or reference it where it is used.',
    },
    'bos/unit': {
        tags: ['units'],
        description:
            'A quantity with the wrong unit for its place (`capacity 150ms`, `latency 3k/s`), a cost or budget '
            + 'without a currency, or a count that is not a whole number of 1 or more.',
        fix: 'Write the quantity with the unit its property takes: rates `/s /min /h`, durations `ms s`, money with '
            + 'a currency code.',
    },
    'bos/currency': {
        tags: ['cost'],
        description:
            'The costs and the budget that one scenario reaches use more than one currency, so its cost per 10k '
            + 'transactions is not computed.',
        fix: 'Price every resource the scenario loads, and its budget, in one currency.',
    },
    'bos/empty-flow': {
        tags: ['completeness'],
        description: 'A flow with no step carries no load.',
        fix: 'Add the `step` lines of the capabilities the flow passes through.',
    },
    'bos/repeated': {
        tags: ['maintainability'],
        description: 'A single-valued property is written more than once in one body; the first one counts.',
        fix: 'Keep one of them.',
    },
    'bos/number': {
        tags: ['units'],
        description:
            'A number too large to compute with (beyond about 1.8e308, or overflowing once scaled by k, M or B). It '
            + 'counts as absent.',
        fix: 'Write a number a double can hold.',
    },
    'bos/overload': {
        tags: ['capacity'],
        description:
            'A scenario loads a capability or resource beyond its capacity (utilisation above 100%). The message '
            + 'names the scenario, the load, the capacity and the utilisation.',
        fix: 'Raise the capacity (or the instances), lower the load, or spread it over more nodes.',
    },
    'bos/headroom': {
        tags: ['capacity'],
        description:
            'A scenario loads a capability or resource above its headroom line (by default 80% of its capacity), '
            + 'though not beyond it.',
        fix: "Raise the capacity, lower the load, or lower the scenario's `headroom` if the margin is deliberate.",
    },
    'bos/no-capacity': {
        tags: ['capacity'],
        description:
            'A capability or resource that a scenario loads declares no capacity, so its load cannot be checked.',
        fix: 'Declare its `capacity`, or `latency` and `concurrency` to derive one.',
    },
    'bos/over-budget': {
        tags: ['cost'],
        description: "A scenario's cost per 10k transactions exceeds its budget.",
        fix: 'Lower the cost of the resources it loads, or raise the budget.',
    },
    'bos/slo': {
        tags: ['performance'],
        description: 'A scenario takes a flow over its SLO (its mean end-to-end latency), or saturates a node the flow '
            + 'visits so that the latency is unbounded. The message names the node that adds most.',
        fix: 'Scale out the named node (more instances or concurrency), shorten its latency, or relax the SLO.',
    },
    'bos/capacity-mismatch': {
        tags: ['performance', 'capacity'],
        description:
            'The declared capacity differs by more than 1% from what instances × concurrency / latency make. The '
            + 'declared capacity still counts.',
        fix: 'Correct the capacity, the concurrency or the latency so that they agree.',
    },
    'bos/no-latency': {
        tags: ['performance'],
        description:
            "A node that a flow with an SLO visits declares no latency, so the flow's latency leaves it out and is "
            + 'incomplete.',
        fix: "Declare the node's own `latency`.",
    },
};
