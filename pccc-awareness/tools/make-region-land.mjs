// Turns Natural Earth land (1:50m, from the npm package world-atlas 2.0.2, file land-50m.json)
// into the small GeoJSON the regional picture page ships: land polygons clipped to a box around
// South-Eastern Europe, coordinates rounded to 0.001 degree. Land and coastlines only: no country
// borders, so the page draws no contested boundary as fact.
//
// Run once from this folder: npm ci && node make-region-land.mjs
// Writes ../src/main/resources/org/pccc/awareness/region-land.geojson
import { readFileSync, writeFileSync } from "node:fs";

// Clip box (a little larger than the page's view, so clip edges fall outside it).
const BOX = { west: 11.0, east: 31.0, south: 36.0, north: 48.5 };
const topo = JSON.parse(readFileSync("node_modules/world-atlas/land-50m.json", "utf8"));
const pkg = JSON.parse(readFileSync("node_modules/world-atlas/package.json", "utf8"));
if (pkg.version !== "2.0.2") throw new Error("expected world-atlas 2.0.2, found " + pkg.version);

// TopoJSON arcs are quantized and delta-encoded (TopoJSON spec, section 2.1.3).
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});
function ring(indexes) {
  const out = [];
  for (const i of indexes) {
    const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    // Consecutive arcs share their joining point: drop the duplicate.
    out.push(...(out.length ? a.slice(1) : a));
  }
  return out;
}

// Sutherland–Hodgman against each side of the box.
function clip(points) {
  const sides = [
    [p => p[0] >= BOX.west, (a, b) => cut(a, b, 0, BOX.west)],
    [p => p[0] <= BOX.east, (a, b) => cut(a, b, 0, BOX.east)],
    [p => p[1] >= BOX.south, (a, b) => cut(a, b, 1, BOX.south)],
    [p => p[1] <= BOX.north, (a, b) => cut(a, b, 1, BOX.north)],
  ];
  let pts = points;
  for (const [inside, meet] of sides) {
    if (pts.length === 0) break;
    const next = [];
    for (let k = 0; k < pts.length; k++) {
      const cur = pts[k], prev = pts[(k + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(meet(prev, cur));
        next.push(cur);
      } else if (inside(prev)) {
        next.push(meet(prev, cur));
      }
    }
    pts = next;
  }
  return pts;
}
function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}
const r3 = v => Math.round(v * 1000) / 1000;

const polygons = [];
let points = 0;
for (const geom of topo.objects.land.geometries) {
  const polys = geom.type === "Polygon" ? [geom.arcs] : geom.type === "MultiPolygon" ? geom.arcs : [];
  for (const poly of polys) {
    const rings = [];
    for (const r of poly) {
      let pts = clip(ring(r)).map(([x, y]) => [r3(x), r3(y)]);
      pts = pts.filter((p, k) => k === 0 || p[0] !== pts[k - 1][0] || p[1] !== pts[k - 1][1]);
      if (pts.length < 3) continue;
      // RFC 7946: a closed ring repeats its first point.
      const [f, l] = [pts[0], pts[pts.length - 1]];
      if (f[0] !== l[0] || f[1] !== l[1]) pts.push([f[0], f[1]]);
      if (pts.length < 4) continue;
      rings.push(pts);
    }
    // A hole without its outer ring is dropped with it.
    if (rings.length && poly.length) {
      polygons.push(rings);
      points += rings.reduce((n, r) => n + r.length, 0);
    }
  }
}
const out = {
  type: "FeatureCollection",
  features: [{
    type: "Feature",
    geometry: { type: "MultiPolygon", coordinates: polygons },
    properties: {
      name: "land",
      source: "Natural Earth 1:50m land (public domain), via npm world-atlas 2.0.2 (ISC), land-50m.json",
      box: [BOX.west, BOX.south, BOX.east, BOX.north],
    },
  }],
};
const file = "../src/main/resources/org/pccc/awareness/region-land.geojson";
writeFileSync(file, JSON.stringify(out) + "\n");
console.log(`wrote ${file}: ${polygons.length} polygons, ${points} points`);
