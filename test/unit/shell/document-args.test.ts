import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocumentArgument } from '../../../src-main/shell/document-args.js';

describe('findDocumentArgument: the topology file passed on the command line', () => {
  it('finds the first *.devsim.yaml argument and makes it absolute', () => {
    expect(findDocumentArgument(['/opt/app/devsim', 'labs/shop.devsim.yaml'], '/home/ana')).toBe(resolve('/home/ana/labs/shop.devsim.yaml'));
    expect(findDocumentArgument(['app', '/tmp/A.DEVSIM.YAML', '/tmp/b.devsim.yaml'], '/')).toBe(resolve('/tmp/A.DEVSIM.YAML'));
  });

  it('skips the executable, flags and other files', () => {
    expect(findDocumentArgument(['x.devsim.yaml'], '/')).toBeUndefined();
    expect(findDocumentArgument(['app', '--flag=x.devsim.yaml', '.', 'notes.yaml', 'x.devsim.yml'], '/')).toBeUndefined();
    expect(findDocumentArgument(['app', 'a\0.devsim.yaml'], '/')).toBeUndefined();
  });
});
