// 姓氏笔画 order: the table covers every character of the 百家姓 and the common given-name characters,
// and the comparator orders names as published lists (按姓氏笔画排序) do.
import { describe, expect, it } from 'vitest';
import { compareByStrokes, comparePersons, strokeKey, strokesOf } from '../../shared/names/stroke-order';

// 百家姓, single and compound surnames, with the later additions (续百家姓 lines) offices meet.
const BAIJIAXING =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双' +
  '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
  '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
  '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公' +
  '万俟司马上官欧阳夏侯诸葛闻人东方赫连皇甫尉迟公羊澹台公冶宗政濮阳淳于单于太叔申屠公孙仲孙轩辕令狐' +
  '钟离宇文长孙慕容鲜于闾丘司徒司空亓官司寇仉督子车颛孙端木巫马公西漆雕乐正壤驷公良拓跋夹谷宰父谷梁' +
  '晋楚闫法汝鄢涂钦段干百里东郭南门呼延归海羊舌微生岳帅缑亢况郈有琴梁丘左丘东门西门商牟佘佴伯赏南宫' +
  '墨哈谯笪年爱阳佟第五言福';

// Characters common in given names (men's and women's), as name lists and the demo draw them.
const GIVEN =
  '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺' +
  '信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲' +
  '江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠' +
  '策腾楠榕风航弘秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞' +
  '香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉' +
  '君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚' +
  '宜可姬舒影荔枝丽阳涵睿轩宇昊铭骏铮鑫磊淼焱垚犇昕晗煜烨璇琪蕾萱懿';

describe('姓氏笔画 stroke table', () => {
  it('has every character of the 百家姓 and of common given names', () => {
    const missing = [...new Set([...BAIJIAXING, ...GIVEN])].filter((ch) => strokesOf(ch) === null);
    expect(missing).toEqual([]);
  });

  it('holds counts and stroke classes as the 笔顺规范 writes them', () => {
    expect(strokesOf('王')).toBe('1121');
    expect(strokesOf('丁')).toBe('12'); // 横 竖钩 (竖钩 counts as 竖)
    expect(strokesOf('万')).toBe('153');
    expect(strokesOf('冯')).toBe('41551'); // 点 提 (提 counts as 横) 横折 竖折折钩 横
    expect(strokesOf('张')).toBe('5153154');
    expect(strokesOf('郈')).toBe('33125152'); // 后 + 阝, composed where cnchar lacks it
  });
});

describe('姓氏笔画 order', () => {
  const sorted = (names: string[]) => [...names].sort(compareByStrokes);

  it('orders surnames by count, then by 横竖撇点折 of the first strokes, as published lists do', () => {
    // a 按姓氏笔画排序 list: 2 strokes 丁 卜; 3 于 万 卫 马; 4 王 方 尹 邓; 5 石 卢 叶 田 史 白 冯 宁
    const published = [
      '丁',
      '卜',
      '于',
      '万',
      '卫',
      '马',
      '王',
      '方',
      '尹',
      '邓',
      '石',
      '卢',
      '叶',
      '田',
      '史',
      '白',
      '冯',
      '宁',
    ];
    expect(sorted([...published].reverse())).toEqual(published);
    expect(sorted(['王五', '丁', '丁一', '王'])).toEqual(['丁', '丁一', '王', '王五']);
  });

  it('compares the given name the same way when surnames are equal', () => {
    expect(sorted(['李明', '李丁', '李卫东'])).toEqual(['李丁', '李卫东', '李明']);
  });

  it('puts characters the table lacks after the known ones, skips the middle dot, keys sort as the comparator', () => {
    expect(sorted(['Li', '龘', '王'])).toEqual(['王', 'Li', '龘']);
    expect(strokeKey('买买提·艾力')).toBe(strokeKey('买买提艾力'));
    const names = ['欧阳修', '王芳', '丁一', '司马光', '张三', '丁二'];
    const byKey = [...names].sort((a, b) => (strokeKey(a) < strokeKey(b) ? -1 : 1));
    expect(byKey).toEqual(sorted(names));
  });

  it('breaks ties on 人员编号, and orders by 人员编号 alone when asked', () => {
    const a = { name: '王芳', personNo: 'P002' };
    const b = { name: '王芳', personNo: 'P001' };
    const c = { name: '丁一', personNo: 'P003' };
    expect([a, b, c].sort((x, y) => comparePersons('strokes', x, y)).map((p) => p.personNo)).toEqual([
      'P003',
      'P001',
      'P002',
    ]);
    expect([a, b, c].sort((x, y) => comparePersons('personNo', x, y)).map((p) => p.personNo)).toEqual([
      'P001',
      'P002',
      'P003',
    ]);
  });
});
