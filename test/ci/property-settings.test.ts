import { strict as assert } from 'node:assert';
import { propertyRuns, propertySeed } from '../support/property-runs';

// The fast-check properties read CLAUSEWISE_FC_RUNS and CLAUSEWISE_FC_SEED (set by .ci/run and by
// seed sweeps). A variable set but empty, as a sweep script writes for "the default", must mean the
// property's own default: Number('') is 0, which once meant seed 0 or no case at all.
describe('property test settings (CLAUSEWISE_FC_RUNS, CLAUSEWISE_FC_SEED)', () => {
  const saved = { runs: process.env.CLAUSEWISE_FC_RUNS, seed: process.env.CLAUSEWISE_FC_SEED };
  afterEach(() => {
    for (const [name, value] of [['CLAUSEWISE_FC_RUNS', saved.runs], ['CLAUSEWISE_FC_SEED', saved.seed]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('an unset or empty seed is the property\u2019s own; an integer is taken; anything else is an error', () => {
    delete process.env.CLAUSEWISE_FC_SEED;
    assert.equal(propertySeed(29), 29);
    process.env.CLAUSEWISE_FC_SEED = '';
    assert.equal(propertySeed(29), 29);
    process.env.CLAUSEWISE_FC_SEED = '0';
    assert.equal(propertySeed(29), 0);
    process.env.CLAUSEWISE_FC_SEED = '117';
    assert.equal(propertySeed(29), 117);
    process.env.CLAUSEWISE_FC_SEED = 'abc';
    assert.throws(() => propertySeed(29), /CLAUSEWISE_FC_SEED must be an integer, not "abc"/);
  });

  it('an unset or empty run factor is the default count; a factor multiplies it; zero or text is an error', () => {
    delete process.env.CLAUSEWISE_FC_RUNS;
    assert.equal(propertyRuns(300), 300);
    process.env.CLAUSEWISE_FC_RUNS = '';
    assert.equal(propertyRuns(300), 300);
    process.env.CLAUSEWISE_FC_RUNS = '3';
    assert.equal(propertyRuns(300), 900);
    process.env.CLAUSEWISE_FC_RUNS = '0';
    assert.throws(() => propertyRuns(300), /CLAUSEWISE_FC_RUNS must be a positive number/);
  });
});
