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
// All personal-data findings are warnings.
//   - 身份证号码: 18 digits (the last may be X) with a valid province code, a valid birth
//     date and the ISO 7064 MOD 11-2 check digit, or 15 digits with a valid province
//     code and date. An 18-digit number with a wrong check digit is not an ID number.
//   - 手机号码: 1[3-9]x plus 8 digits, optionally prefixed with +86/0086/86 and grouped
//     3-4-4 with spaces or hyphens.
//   - 固定电话: an area code (0xx or 0xxx, optionally in brackets) and a 7–8 digit
//     number with an optional extension, and 400/800 service numbers. Local numbers
//     without an area code are not reported: they cannot be told from other figures.
//   - 电子邮箱: local@domain.tld.
//   - 银行卡号: 16–19 digits (or groups of 4 separated by spaces) passing the Luhn check
//     and starting with 3, 4, 5, 6 or 9 (UnionPay, Visa, Mastercard, JCB and the older
//     955xx domestic cards). Date-based order numbers start with 1 or 2 and are skipped.
//
// No digit-based item may be part of a longer run of digits, and nothing inside a URL
// is reported: 订单号, 文号 ("穗规划资源规字〔2020〕3号"), dates, amounts and links are
// not personal data.
//
// # Masking rules
//
// Every replacement keeps the number of characters (runes) of what it replaces, so the
// published text keeps its layout and the UI can align the two versions:
//   - names keep the surname (复姓 included): 张三 → 张*, 欧阳娜娜 → 欧阳**. Besides the
//     names passed by the caller, "X先生/女士/同志/老师" where X is a common surname plus
//     one or two characters is found automatically; surname plus honorific alone
//     ("王先生") is not identifying and stays. A match is dropped when its given name
//     ends with an organisation or school word (林业局同志, 高中老师), and read one
//     character later when its given name starts with a surname (感谢王先生 stays,
//     关于张三先生 → 关于张*先生). A name found this way is masked everywhere;
//   - 手机号码 keep the first 3 and last 4 digits (138****1234);
//   - 固定电话 keep the area code, any extension and the last 4 digits of the number;
//   - 身份证号码 keep the first 6 and last 4 characters (110101********1234);
//   - 银行卡号 keep the last 4 digits;
//   - 电子邮箱 keep the first character of the local part and the domain;
//   - addresses (only with MaskAddresses) keep everything up to and including the road,
//     street, village or estate name (路, 街, 大道, 巷, 弄, 胡同, 村, 里, 小区, 花园, 苑,
//     公寓, 大厦, 广场, 新村) and replace every digit, letter and Chinese numeral of the
//     house number, building, unit and room after it with "*":
//     "中山大道123号4栋502房" → "中山大道***号*栋***房".
//
// 密级 marks are never masked: a marked document must not be published at all.
package privacy
