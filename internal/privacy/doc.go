// Package privacy implements the pre-publication check (先审核后上网, 涉密不上网) and the
// masking of personal data before a text is published (个人信息保护法).
//
// Scan reports what a reviewer must look at: 密级 marks and personal data (身份证号码,
// 手机号码, 固定电话, 电子邮箱, 银行卡号). Mask rewrites a text for publication and lists
// every replacement so that the UI can show exactly what changes.
//
// Matching runs on a normalised copy of the text (full-width digits, letters and ASCII
// punctuation folded to half-width), but every offset reported refers to the original
// text: byte offsets for Go and UTF-16 offsets for the browser.
//
// # 密级 marks
//
// A mark blocks publication (Severity "block") when its form leaves no doubt:
//   - 绝密/机密/秘密 followed by ★ (with or without a period: "秘密★1年", "机密★");
//   - a mark in brackets: 【机密】, [秘密], (内部), 〔内部资料〕;
//   - a mark after "密级": "密级：机密";
//   - a mark alone at the start of a line ("秘密" followed by a space or the line end),
//     and 内部资料/内部文件/内部刊物 at the start of a line;
//   - 仅供内部使用/参考/传阅 anywhere.
//
// Any other mention of 绝密/机密/秘密 and 内部资料/内部文件 in running prose is only a
// warning ("warn"): a person decides. Compounds that name a category of secret or the
// duty to keep one (国家秘密, 商业秘密, 工作秘密, 保守秘密, 泄露秘密, 机密性 …) are
// not reported at all, because policies quote them constantly. Bare 内部 is reported
// only in the block forms above: 内部管理, 内部控制 and the like are ordinary words.
//
// # Personal data
//
// All personal-data findings are warnings. The detector is recall-oriented: a
// mistyped number is still somebody's number. Scan, ScanKeeping and Mask share it,
// so whatever Mask hides is also what the pre-publication check reports.
//   - 身份证号码: 17 digits and a check character, or 15 digits (old IDs), in any
//     grouping with single spaces or hyphens, with a valid province code and birth
//     date. A wrong check character is accepted, except right after a serial-number
//     word (编号, 回执, 学籍号 …), where the number is somebody's reference.
//   - 手机号码: 1[3-9] and nine more digits in any digit script (full-width, 一三八,
//     幺, 壹贰叁) and any grouping (3-4-4, 7-4, 5-3-3, one digit at a time) with
//     spaces, dots or dashes, optionally after +86/0086/86.
//   - 固定电话: an area code (0xx or 0xxx, optionally in brackets) and a 7–8 digit
//     number, grouped or spaced, with an optional extension. 400/800 service numbers
//     and a number written right after a public body (区民政局办公室电话, 热线, 窗口,
//     中心 …, with no personal word in between) are public and not reported.
//     Local numbers without an area code are not reported.
//   - 电子邮箱: local@domain.tld.
//   - 银行卡号: 16–19 digits in any grouping (a plain run, groups of four with
//     spaces or dashes), or fewer passing the Luhn check. Reference numbers after
//     订单/编号/流水号 are skipped.
//   - QQ/微信号: the id after QQ, 扣扣, 微信(号), v信, vx, wx …
//   - 车牌号: a province abbreviation, the office letter and five or six characters
//     (新能源 plates have six), or four and 学/挂/警.
//   - 权属证号: the number of a 不动产权证, 土地证, 房产证, 宅基地证, 林权证,
//     承包经营权证, 残疾证 or any 证号.
//   - 姓名: see below.
//   - 详细地址: see below.
//
// No digit-based item may be part of a longer run of digits (a Chinese numeral next
// to Arabic digits is a word: "8845一直占线"), and nothing inside a URL is reported:
// 订单号, 文号 ("穗规划资源规字〔2020〕3号"), dates, amounts and links are not
// personal data.
//
// # Names
//
// Names are found without a dictionary of people: a surname from the full 百家姓
// (with 复姓 such as 欧阳, 司马, 司徒 and the surnames common in Guangdong: 关, 麦,
// 温, 伍, 冼 …) followed by one or two characters, where the context says it is a
// person:
//   - after a cue: the writer's own (我叫, 本人, 姓名：, 联系人：, 署名), a relative
//     (我母亲, 儿子叫, 前夫：), or a third party by role (村干部黄明辉, 物业经理,
//     包工头, 房东, 业主, 申请人：);
//   - before an honorific or title (潘金水先生, 甘丽娟老师, 钟振华经理);
//   - alone between punctuation, as in signatures, lists and brackets ("。何建华",
//     "覃四海、韦小兵", "（凌月华）"), before the person's number or a verb ("常卫东
//     133…", "黄明辉多次不让…"); such a name must be made of characters common in
//     given names;
//   - written apart: 姓谭名国栋;
//   - 小X/老X with a common surname (小李, 老陈).
//
// A surname with an honorific alone (王女士, 黄警官) identifies nobody and stays, as do
// public figures (雷锋同志, 孙中山先生), names inside a document title 《…》,
// weekdays before a name ("本周三王女士"), and ordinary words that start with a
// surname (关于, 家庭, 安全). A name found once is masked everywhere in the text.
//
// # Addresses
//
// House numbers, buildings, units and rooms are found after any road, street,
// village, group or estate word (路, 街, 大道, 巷, 村, 组, 社, 小区, 花园, 苑 …, with
// a direction or section: 江南大道中123号, 人民路二段45号), as dash numbers (3-2-301),
// as building and room without an estate name (18栋502, 11栋1单元802), and as a room
// number where the sentence makes it a home (我是1701的住户). The address of a public
// body stays: a house number named with one in the same sentence ("位于沿江中路298号的
// 市社保服务中心", "市公积金中心服务大厅（地址：府前路8号）") and no word of residence
// (住, 家, 户籍, 房屋 …) before it.
//
// # Masking rules
//
// Every replacement keeps the number of characters (runes) of what it replaces, so the
// published text keeps its layout and the UI can align the two versions:
//   - names keep the surname (复姓 included): 张三 → 张*, 欧阳娜娜 → 欧阳**, 小李 →
//     小*; a given name written apart (姓谭名国栋) is hidden whole;
//   - 手机号码 keep the first 3 and last 4 digits (138****1234);
//   - 固定电话 keep the area code, any extension and the last 4 digits of the number;
//   - 身份证号码 keep the first 6 and last 4 characters (110101********1234);
//   - 银行卡号 keep the last 4 digits;
//   - 电子邮箱 keep the first character of the local part and the domain;
//   - QQ/微信号, 车牌号 and 权属证号 hide every digit and Latin letter (粤A12345 →
//     粤******);
//   - addresses (only with MaskAddresses) keep the road, street, village or estate
//     name and replace every digit, letter and Chinese numeral of the house number,
//     building, unit and room after it with "*": "中山大道123号4栋502房" →
//     "中山大道***号*栋***房".
//
// MaskOptions.Keep and ScanKeeping's keep list name the bureau's own public items
// (its and its sections' numbers and addresses); an item is kept only where it
// stands whole, so a configured 12336 inside 13912336578 does not un-mask the mobile.
//
// 密级 marks are never masked: a marked document must not be published at all.
package privacy
