import assert from 'node:assert/strict';
import { buildContractModel } from '../../server/src/model';
import { numberDepth } from '../../server/src/model/sections';

describe('model/sections: clause numbers and run-in titles read without copies', () => {
  it('numberDepth counts the parts split at full stops', () => {
    for (const n of ['1', '12', '1.2', '1.2.3', '4.', '.5', '1..2', '', '.', 'IV', '10.20.30.40']) assert.equal(numberDepth(n), n.split('.').length, JSON.stringify(n));
  });

  it('an upper-case run-in title whose stop ends the clause\'s text is still its title', () => {
    // Too long a line to read as a heading, so the title is the run of upper-case words before the
    // stop, which here is the text's last character (and, for comparison, one followed by text).
    const words = 'SUPERCALIFRAGILISTIC PNEUMONOULTRAMICROSCOPIC ANTIDISESTABLISHMENTARIANISM HIPPOPOTOMONSTROSES';
    const model = buildContractModel(`# Agreement\n\nIntro text.\n\n2.3 ${words}.\n\n2.4 ${words}. The rest of the clause.\n`);
    const titles = model.sections.filter((s) => s.kind === 'numbered').map((s) => [s.number, s.title]);
    assert.deepEqual(titles, [['2.3', words], ['2.4', words]]);
  });
});
