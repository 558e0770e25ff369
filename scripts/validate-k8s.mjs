#!/usr/bin/env node
// Validates rendered Kubernetes objects (multi-document YAML on stdin, e.g. from
// `kubectl kustomize deploy/k8s/overlays/production`) against the schemas of Kubernetes' OpenAPI
// as kubernetes-models ships them: types, required fields, enumerations and formats of every
// field (not unknown fields: those schemas allow them). Prints one line per object; exits 1 when
// any object is invalid or of a kind it has no schema for.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const docs = yaml.loadAll(readFileSync(0, 'utf8')).filter(Boolean);
let failed = 0;
for (const doc of docs) {
  const what = `${doc.apiVersion ?? '?'} ${doc.kind ?? '?'} ${doc.metadata?.namespace ? `${doc.metadata.namespace}/` : ''}${doc.metadata?.name ?? '?'}`;
  try {
    const group = await import(`kubernetes-models/${doc.apiVersion}`).catch(() => ({}));
    const Model = group[doc.kind];
    if (!Model) throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
    new Model(doc).validate();
    console.log(`valid   ${what}`);
  } catch (err) {
    failed++;
    console.log(`INVALID ${what}: ${err.message}`);
  }
}
console.log(`${docs.length} objects, ${failed} invalid`);
process.exit(failed || !docs.length ? 1 : 0);
