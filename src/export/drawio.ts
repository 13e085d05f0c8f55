// A view as a draw.io (diagrams.net) file: uncompressed mxGraph XML, a swimlane per
// layer band and per container, a shape per box carrying the declaration's data (Edit
// Data shows its qualified name, keyword, kind and layer), an edge per dependency styled
// and labelled by its relation. Labels are plain text (html=0), so no title is markup.
import { place, type Rect } from './drawio-layout.js';
import { EDGE_LOOKS, LAYER_COLOURS } from './style.js';
import { xml } from './text.js';
import { edgeLabel, type ExportGraph, type ExportNode, kindLabel } from './view-graph.js';

const BAND_STYLE = 'swimlane;startSize=30;html=0;fontStyle=1;fillColor=#f6f8fa;strokeColor=#d0d7de;fontColor=#57606a;';

const geometry = (r: Rect) =>
    `<mxGeometry x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" as="geometry"/>`;

function boxStyle(n: ExportNode): string {
    const { fill, stroke } = LAYER_COLOURS[n.layer];
    return n.children.length
        ? `swimlane;startSize=30;html=0;rounded=1;dashed=1;fillColor=${fill};strokeColor=${stroke};`
        : `rounded=1;whiteSpace=wrap;html=0;fillColor=${fill};strokeColor=${stroke};`;
}

function shape(n: ExportNode, parent: string, rect: Rect): string {
    const data = [
        `label="${xml(n.label)}"`,
        `tooltip="${xml(`${n.node.id} (${kindLabel(n)})`)}"`,
        `name="${xml(n.node.id ?? '')}"`,
        `keyword="${n.keyword}"`,
        ...(n.kind ? [`kind="${xml(n.kind)}"`] : []),
        `layer="${n.layer}"`,
    ];
    return `<UserObject id="${n.id}" ${data.join(' ')}>`
        + `<mxCell style="${boxStyle(n)}" vertex="1" parent="${parent}">${geometry(rect)}</mxCell></UserObject>`;
}

export function toDrawio(graph: ExportGraph): string {
    const placed = place(graph);
    const cells = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
    for (const band of graph.bands) {
        const rect = placed.bands.get(band)!;
        cells.push(
            `<mxCell id="${band.id}" value="${xml(band.title)}" style="${BAND_STYLE}" vertex="1" parent="1">`
                + `${geometry(rect)}</mxCell>`,
        );
    }
    for (const n of graph.nodes) cells.push(shape(n, n.parent?.id ?? `layer_${n.layer}`, placed.boxes.get(n)!));
    graph.edges.forEach((e, i) => {
        const { colour, dash, width } = EDGE_LOOKS[e.relation];
        const dashed = dash ? `dashed=1;dashPattern=${dash};` : '';
        const style = `endArrow=block;endFill=1;html=0;strokeColor=${colour};strokeWidth=${width};${dashed}`;
        cells.push(
            `<mxCell id="e${i}" value="${xml(edgeLabel(e))}" style="${style}" edge="1" parent="1" `
                + `source="${e.source.id}" target="${e.target.id}"><mxGeometry relative="1" as="geometry"/></mxCell>`,
        );
    });
    const page = `pageWidth="${Math.ceil(placed.width)}" pageHeight="${Math.ceil(placed.height)}"`;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<!-- BOS view ${graph.view}, written by bos export -->`,
        '<mxfile host="bos" type="device">',
        `<diagram id="${xml(graph.view)}" name="${xml(graph.title)}">`,
        `<mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" `
        + `pageScale="1" ${page} math="0" shadow="0">`,
        '<root>',
        ...cells,
        '</root>',
        '</mxGraphModel>',
        '</diagram>',
        '</mxfile>',
    ].join('\n') + '\n';
}
