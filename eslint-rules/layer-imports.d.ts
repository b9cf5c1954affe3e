import type { Rule } from 'eslint';

export interface Layer {
  name: string;
  files: string;
  local?: string[];
  allowLocal?: string[];
  denyLocal?: string[];
  packages?: string[];
  denyPackages?: string[];
  builtins: boolean;
  why?: string;
}
export const LAYERS: Layer[];
declare const rule: Rule.RuleModule;
export default rule;
