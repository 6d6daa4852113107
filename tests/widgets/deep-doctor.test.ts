// The network doctor's link schema and its diagnosis: nothing is judged before there is evidence;
// for every case the right choice is called right and says why with the run's numbers; every
// wrong choice is answered by a fact the run's evidence bears out, in words that do not give the
// answer away; the chapter's quotable numbers are the engine's.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeState, initialState } from '../../src/book/urlState.ts';
import { initEngine } from '../../src/engine/index.ts';
import { caseIds, doctorCase, faults, STEPS, type Fault } from '../../src/models/doctor/cases.ts';
import { EVIDENCE_STEPS, factsOf, judge, objectionHolds, type Evidence } from '../../src/models/doctor/diagnosis.ts';
import { doctorData, featureStats, inputMap } from '../../src/models/doctor/network.ts';
import { caseQuote, type DoctorRun } from '../../src/models/doctor/quotes.ts';
import { fixLabel, objectionText, whyText } from '../../src/widgets/NetworkDoctor/verdictText.ts';
import { gradientAxis } from '../../src/widgets/NetworkDoctor/EvidencePanels.tsx';
import { networkDoctorSchema } from '../../src/widgets/NetworkDoctor/NetworkDoctor.tsx';
import { doctorStrings as s } from '../../src/widgets/NetworkDoctor/strings.ts';
import { trainingDeepNetworksWidgets } from '../../src/widgets/registry/training-deep-networks.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

/** The evidence the figure would hold at the end of a run (or at its divergence). */
function evidenceOf(id: (typeof caseIds)[number], run: DoctorRun, fixed = false): Evidence {
  const setup = doctorCase(id, 1);
  const { points } = doctorData(setup);
  return {
    steps: run.steps,
    divergedAt: run.divergedAt,
    losses: run.losses,
    lossSteps: run.losses.map((_, i) => i + 1),
    grads: run.grads,
    active: run.active,
    accuracy: run.accuracy,
    inputs: featureStats(points.map(inputMap(points, !fixed && setup.fault === 'inputs'))),
  };
}

/** Words that would name each fault, or its fix, to a reader who has not found it yet. */
const giveaways: Record<Fault, RegExp> = {
  rate: /rate|step size/i,
  inputs: /normalis|standardis|scale|standard deviation|thousand/i,
  dead: /dead|ReLU|bias|exactly 0/i,
  loss: /softmax|logit|probabilit|cross-entropy/i,
};

const numbered = ['1', '2', '3', '4'] as const;
const runs = new Map<string, ReturnType<typeof caseQuote>>();
const quote = (id: (typeof numbered)[number]) => {
  if (!runs.has(id)) runs.set(id, caseQuote(id));
  return runs.get(id)!;
};

describe('NetworkDoctor schema', () => {
  it('starts on case 1, random case 1, no diagnosis, not fixed', () => {
    expect(initialState(networkDoctorSchema, {}).state).toEqual({ case: '1', seed: 1, diagnosis: 'none', fixed: false });
  });

  it('a link brings back a random case and a diagnosis; bad values fall back with a notice', () => {
    const base = initialState(networkDoctorSchema, {}).state;
    expect(decodeState(networkDoctorSchema, 'case:random,seed:77,diagnosis:dead,fixed:1', base).state).toEqual({ case: 'random', seed: 77, diagnosis: 'dead', fixed: true });
    const bad = decodeState(networkDoctorSchema, 'case:9,seed:100000,diagnosis:magic', base);
    expect(bad.state.case).toBe('1');
    expect(bad.state.seed).toBe(9999);
    expect(bad.state.diagnosis).toBe('none');
    expect(bad.notices.length).toBeGreaterThan(0);
  });

  it('names every case, set, fault and fix; the registry holds the figure', () => {
    for (const c of caseIds) expect(s.caseNames[c]).toBeTruthy();
    for (const f of faults) {
      expect(s.faultNames[f]).toBeTruthy();
      expect(fixLabel(f)).toBeTruthy();
    }
    expect(fixLabel('rate')).toBe('Lower the rate to 0.05');
    expect(trainingDeepNetworksWidgets.NetworkDoctor).toBeDefined();
  });
});

describe('the diagnosis', () => {
  it('waits for evidence: nothing before the first step, nor before enough steps of a run that has not diverged', () => {
    const run = quote('4').broken;
    const early = { ...evidenceOf('4', run), steps: EVIDENCE_STEPS - 1, losses: run.losses.slice(0, EVIDENCE_STEPS - 1) };
    expect(judge('loss', 'loss', early)).toEqual({ kind: 'wait' });
    expect(judge('loss', 'rate', { ...early, steps: 0, losses: [] })).toEqual({ kind: 'wait' });
    // A divergence is evidence at once.
    const diverged = quote('1').broken;
    expect(diverged.steps).toBeLessThan(EVIDENCE_STEPS);
    expect(judge('rate', 'rate', evidenceOf('1', diverged)).kind).toBe('right');
  });

  for (const id of numbered) {
    it(`case ${id}: the right choice says why with the run's numbers; each wrong one meets a fact the evidence shows, without the answer`, () => {
      const { setup, broken } = quote(id);
      const evidence = evidenceOf(id, broken);
      const right = judge(setup.fault, setup.fault, evidence);
      expect(right.kind).toBe('right');
      const why = whyText(setup.fault, factsOf(evidence));
      expect(why).not.toMatch(/NaN|Infinity|undefined|–/);
      expect(why.split(/(?<=\.) /)).toHaveLength(2);
      for (const choice of faults.filter((f) => f !== setup.fault)) {
        const verdict = judge(setup.fault, choice, evidence);
        if (verdict.kind !== 'wrong') throw new Error(`case ${id}: choosing ${choice} should be wrong`);
        expect(objectionHolds(verdict.objection, verdict.facts), `${choice}: ${verdict.objection}`).toBe(true);
        const text = objectionText(verdict.objection, verdict.facts, evidence);
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
        expect(text, `${choice} in case ${id}`).not.toMatch(giveaways[setup.fault]);
        expect(text).not.toContain(fixLabel(setup.fault));
      }
    }, 30_000);
  }

  it('each case argues against each wrong choice with the expected fact', () => {
    const objections = Object.fromEntries(
      numbered.map((id) => {
        const { setup, broken } = quote(id);
        const e = evidenceOf(id, broken);
        return [id, Object.fromEntries(faults.filter((f) => f !== setup.fault).map((f) => [f, (judge(setup.fault, f, e) as { objection: string }).objection]))];
      }),
    );
    expect(objections).toEqual({
      '1': { inputs: 'inputsStandardised', dead: 'deadActive', loss: 'lossClimbed' },
      '2': { rate: 'rateStartedHigh', dead: 'deadActive', loss: 'lossClimbed' },
      '3': { rate: 'rateFlat', inputs: 'inputsStandardised', loss: 'lossFlat' },
      '4': { rate: 'rateSmooth', inputs: 'inputsStandardised', dead: 'deadActive' },
    });
  }, 30_000);

  it('the fixed runs show none of the faults: smooth, standardised, alive, learnt', () => {
    for (const id of numbered) {
      const { fixed } = quote(id);
      expect(fixed.steps).toBe(STEPS);
      const f = factsOf(evidenceOf(id, fixed, true));
      expect(f.rose).toBe(false);
      expect(f.flat).toBe(false);
      expect(f.standardised).toBe(true);
      expect(f.deadLayers).toEqual([]);
      expect(f.zeroGradients).toEqual([]);
    }
  }, 30_000);
});

describe('the gradient chart', () => {
  it('spans whole decades from a third of the smallest non-zero norm to three times the largest, at least two', () => {
    expect(gradientAxis([0.003, 0.0035, 0.0034])).toEqual([1e-3, 1e-1]);
    expect(gradientAxis([7.9, 6.8, 2.2])).toEqual([0.1, 100]);
    expect(gradientAxis([963, 2490, 2490])).toEqual([100, 1e4]);
    // Norms of exactly 0 have no place on a log axis: they are left out.
    expect(gradientAxis([0, 0, 4e-8])).toEqual([1e-8, 1e-6]);
    // One decade of spread is widened to two.
    expect(gradientAxis([3.2e-8])).toEqual([1e-8, 1e-6]);
    expect(gradientAxis([0, 0, 0])).toEqual([1e-3, 10]);
    expect(gradientAxis([Number.NaN, Number.NaN])).toEqual([1e-3, 10]);
  });
});
