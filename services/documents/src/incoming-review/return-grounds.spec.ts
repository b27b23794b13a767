import { GovError } from '@gov/contracts';
import { INCOMING_RETURN_GROUNDS, RETURN_GROUND_TEXT_MAX, assertReturnGrounds, returnNoticeLines } from './return-grounds.js';
import { refusalCode as code } from '@gov/spec-kit';


describe('the ten return grounds of 初审 (seed 000 L150–164)', () => {
  it('are ten, in the seed order ① … ⑩, with distinct keys', () => {
    expect(INCOMING_RETURN_GROUNDS.map((g) => g.mark)).toEqual(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩']);
    expect(new Set(INCOMING_RETURN_GROUNDS.map((g) => g.key)).size).toBe(10);
  });

  it.each([
    ['not-our-remit', '不属本科室收文范围', 'L150'],
    ['unlawful', '内容不符合国家法律、法规及其他有关规定', 'L152'],
    ['wrong-format-or-type', '公文格式不符合规范或文种使用错误', 'L154'],
    ['incomplete', '文件主附件不完整、背景材料不齐全,或有前文而未提供前文备查', 'L156'],
    ['not-coordinated', '涉及其他部门的事项未经协调或征求意见', 'L158'],
    ['skipped-level-or-several-matters', '基层单位非特殊情况越级上报,请示一文数事,内容混杂或请示中没有明确意见', 'L158'],
    ['improper-presentation', '用白头或便签头报送,字迹不清晰,文字有涂改,缺漏页,多头主送或滥抄滥送', 'L160'],
    ['missing-organ-date-seal', '没有发文机关名称、发文日期、单位印章,或报文、成文日期相隔过长', 'L162'],
    ['wrong-channel', '未按规定渠道报送', 'L162'],
    ['other', '其他不符合国家机关公文处理规定的情形', 'L164'],
  ])('%s is labelled %s and cites seed 000 %s', (key, label, line) => {
    const g = INCOMING_RETURN_GROUNDS.find((d) => d.key === key)!;
    expect(g.labelZh).toBe(label);
    expect(g.source).toContain(`seed 000 ${line}`);
  });

  it.each(INCOMING_RETURN_GROUNDS.filter((g) => !g.needsText).map((g) => [g.key]))('%s alone is a valid return', (key) => {
    expect(code(() => assertReturnGrounds([{ ground: key }], INCOMING_RETURN_GROUNDS))).toBe('ok');
  });

  it.each([
    ['no ground at all', []],
    ['an unknown ground', [{ ground: 'too-long' }]],
    ['the same ground twice', [{ ground: 'incomplete' }, { ground: 'incomplete' }]],
    ["'other' without a text", [{ ground: 'other' }]],
    ["'other' with a blank text", [{ ground: 'other', text: '   ' }]],
    ['an over-long explanation', [{ ground: 'incomplete', text: '缺'.repeat(RETURN_GROUND_TEXT_MAX + 1) }]],
  ])('refuses %s with BAD_USER_INPUT', (_label, grounds) => {
    expect(code(() => assertReturnGrounds(grounds, INCOMING_RETURN_GROUNDS))).toBe('BAD_USER_INPUT');
  });

  it("accepts 'other' with a text, together with other grounds", () => {
    expect(
      code(() => assertReturnGrounds([{ ground: 'other', text: '未附风险评估报告' }, { ground: 'unlawful' }], INCOMING_RETURN_GROUNDS)),
    ).toBe('ok');
  });

  it('prints the notice to the sender in seed order, with the explanation after ⑩', () => {
    expect(
      returnNoticeLines(
        [{ ground: 'other', text: '未附风险评估报告' }, { ground: 'skipped-level-or-several-matters' }, { ground: 'wrong-format-or-type' }],
        INCOMING_RETURN_GROUNDS,
      ),
    ).toEqual([
      '③公文格式不符合规范或文种使用错误',
      '⑥基层单位非特殊情况越级上报,请示一文数事,内容混杂或请示中没有明确意见',
      '⑩其他不符合国家机关公文处理规定的情形:未附风险评估报告',
    ]);
  });
});
