// Zod compiles fast parsers with `new Function` when it can; it probes for that once, and under
// our CSP (no 'unsafe-eval') the caught probe is still reported as a violation. jitless skips
// both: the contract's schemas are small, so the interpreted parser costs nothing noticeable.
import { config } from 'zod';

config({ jitless: true });
