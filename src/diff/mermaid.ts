// The picture of a change as a Mermaid flowchart, as GitHub and GitLab draw it in a
// comment: boxes for added, changed and removed declarations in colours that read on
// light and dark pages (a light fill with dark text and a strong border in either
// theme), the rest in the theme's own colours; added references thick, removed ones
// dotted. Every label from the model is escaped; node ids are generated.
import { facts } from '../model/relations.js';
import { mermaidText } from './escape.js';
import type { Mark, Picture, PictureEdge } from './picture.js';

/** Fill, border and text colours of GitHub's Primer palette (success, attention, danger). */
const STYLE: Readonly<Record<Exclude<Mark, 'context'>, string>> = {
    added: 'fill:#dafbe1,stroke:#1a7f37,color:#0d1117,stroke-width:2px',
    changed: 'fill:#fff8c5,stroke:#9a6700,color:#0d1117,stroke-width:2px',
    removed: 'fill:#ffebe9,stroke:#cf222e,color:#0d1117,stroke-width:2px,stroke-dasharray:5 3',
};

const SIGN: Readonly<Record<Mark, string>> = { added: '+ ', changed: '~ ', removed: '− ', context: '' };

const LINK = { added: '==>', removed: '-.->', kept: '-->' } as const;

const EDGE_COLOUR = { added: 'stroke:#1a7f37', removed: 'stroke:#cf222e' } as const;

function edgeLabel(e: PictureEdge): string {
    const weight = facts(e.relation).weighted && e.weight !== 1 ? ` x ${e.weight}` : '';
    return e.relation === 'uses' && !weight ? '' : `|"${mermaidText(`${e.relation}${weight}`)}"|`;
}

export function mermaidFlowchart(picture: Picture): string {
    const ids = new Map(picture.nodes.map((n, i) => [n.id, `n${i}`]));
    const lines = ['flowchart TB'];
    for (const n of picture.nodes) {
        const what = mermaidText(n.title === undefined ? n.keyword : `${n.keyword} “${n.title}”`);
        const was = n.was ? `<br/>was ${mermaidText(n.was)}` : '';
        lines.push(`    ${ids.get(n.id)}["${mermaidText(SIGN[n.mark] + n.name)}<br/>${what}${was}"]`);
    }
    picture.edges.forEach(e => lines.push(`    ${ids.get(e.from)} ${LINK[e.mark]}${edgeLabel(e)} ${ids.get(e.to)}`));
    for (const [mark, style] of Object.entries(STYLE)) {
        const members = picture.nodes.filter(n => n.mark === mark).map(n => ids.get(n.id));
        lines.push(`    classDef ${mark} ${style}`);
        if (members.length) lines.push(`    class ${members.join(',')} ${mark}`);
    }
    for (const mark of ['added', 'removed'] as const) {
        const at = picture.edges.flatMap((e, i) => (e.mark === mark ? [i] : []));
        if (at.length) lines.push(`    linkStyle ${at.join(',')} ${EDGE_COLOUR[mark]},stroke-width:2px`);
    }
    return lines.join('\n');
}
